/**
 * The project mirror: one directory per project in the on-disk format of {@code contracts.md}
 * section 2, read through Hadoop's FileSystem (local paths, {@code file:}, {@code hdfs:}, {@code
 * s3a:} and any other Hadoop URI; the resource and mask files of a mirror on the local file system
 * through java.nio, {@code LocalFiles}). It is the embedded default source, the target of prefetch,
 * and what the local Datamint API server serves.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.source.mirror;
