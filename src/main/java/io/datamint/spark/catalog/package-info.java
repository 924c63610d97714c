/**
 * The {@code datamint} Spark catalog (public API): {@link
 * io.datamint.spark.catalog.DatamintCatalog}, configured as {@code spark.sql.catalog.datamint =
 * io.datamint.spark.catalog.DatamintCatalog} with {@code spark.sql.catalog.datamint.path = <mirror
 * root>} (every project under the root as a namespace; a project mirror as {@code path}: its one
 * project) or {@code spark.sql.catalog.datamint.server_url} (or env {@code DATAMINT_API_URL}, the
 * key in {@code DATAMINT_API_KEY}: every project of a Datamint server). Each namespace holds four
 * read-only tables: {@code resources} (the data source's read), {@code annotations}, {@code labels}
 * and {@code splits}.
 */
package io.datamint.spark.catalog;
