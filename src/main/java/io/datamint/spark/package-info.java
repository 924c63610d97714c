/**
 * The {@code datamint} Spark data source: read Datamint medical-imaging projects with Spark. This
 * package is the connector's Java entry points, part of its public API:
 *
 * <ul>
 *   <li>{@link io.datamint.spark.DatamintDataSource}: the data source, {@code
 *       spark.read().format("datamint")};
 *   <li>{@link io.datamint.spark.DatamintSparkSessionExtensions}: the class users name in {@code
 *       spark.sql.extensions};
 *   <li>{@link io.datamint.spark.DatamintSplits}: saves a local split as the project's split
 *       assignments;
 *   <li>{@link io.datamint.spark.DatamintPrefetch}: copies a project from the Datamint API to a
 *       mirror.
 * </ul>
 *
 * <p>The rest of the API is {@link io.datamint.spark.catalog} (the catalog), {@link
 * io.datamint.spark.prefetch} (what a prefetch returns) and {@link io.datamint.spark.error} (the
 * exceptions). Everything under {@code io.datamint.spark.internal} is the implementation, with no
 * compatibility promise (docs/architecture.md, "Public API").
 */
package io.datamint.spark;
