/**
 * A project read from the Datamint REST API: {@link
 * io.datamint.spark.internal.source.api.ApiProjectSource} on the driver (project by name or id,
 * resources, annotations, worklists, splits) and {@link
 * io.datamint.spark.internal.source.api.ApiFileStore} on executors (resource and mask files,
 * through each JVM's shared client).
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.source.api;
