/**
 * Where a project comes from. A {@link io.datamint.spark.internal.source.ProjectSource} answers the driver's
 * questions (project, resources, annotations, worklists, split history); a {@link
 * io.datamint.spark.internal.source.ResourceFileStore} is the small serializable handle executors use to
 * open resource and mask files. Implementations: the project mirror ({@code source.mirror}) and,
 * later, the Datamint REST API.
 */
package io.datamint.spark.internal.source;
