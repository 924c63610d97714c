/**
 * The parts of the {@code datamint} catalog ({@link io.datamint.spark.catalog.DatamintCatalog})
 * behind its namespaces and tables: {@code ProjectDirectory} lists the projects and gives the read
 * options that open one ({@code MirrorDirectory} for a mirror root or a project mirror, {@code
 * ApiDirectory} for a Datamint server); {@code ResourcesTable} is the data source's table of a
 * project, {@code MetadataTables} builds the rows of {@code annotations}, {@code labels} and {@code
 * splits}, which {@code InMemoryTable} serves.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.catalog;
