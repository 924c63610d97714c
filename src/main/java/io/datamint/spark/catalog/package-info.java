/**
 * The {@code datamint} Spark catalog: {@code spark.sql.catalog.datamint = io.datamint.spark.catalog.DatamintCatalog}
 * with {@code spark.sql.catalog.datamint.path = <mirror root>} exposes every project under the root as a namespace
 * holding four read-only tables: {@code resources} (the data source's read), {@code annotations},
 * {@code labels} and {@code splits}.
 */
package io.datamint.spark.catalog;
