/**
 * A project read from the Datamint REST API: {@link io.datamint.spark.internal.source.api.ApiProjectSource}
 * on the driver (project by name or id, resources, annotations, worklists, splits) and {@link
 * io.datamint.spark.internal.source.api.ApiFileStore} on executors (resource and mask files, through each
 * JVM's shared client).
 */
package io.datamint.spark.internal.source.api;
