/**
 * Where a project comes from. A {@link io.datamint.spark.internal.source.ProjectSource} answers the
 * driver's questions (project, resources, annotations, worklists, split history); a {@link
 * io.datamint.spark.internal.source.ResourceFileStore} is the small serializable handle executors
 * use to open resource and mask files. Implementations: the project mirror ({@code source.mirror})
 * and, later, the Datamint REST API.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.source;
