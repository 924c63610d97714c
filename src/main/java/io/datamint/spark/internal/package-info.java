/**
 * The connector's implementation: every package under {@code io.datamint.spark.internal} (options,
 * sources, decoders, the read path, the catalog's tables, the prefetch job, the command-line tools,
 * the local API server, the sample generator...).
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal;
