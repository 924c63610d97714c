/**
 * The {@code datamint} Spark catalog: {@code spark.sql.catalog.datamint =
 * io.datamint.spark.catalog.DatamintCatalog} with {@code spark.sql.catalog.datamint.path = <mirror
 * root>} exposes every project under the root as a namespace (a project mirror as {@code path}: its
 * one project), and with {@code spark.sql.catalog.datamint.server_url} (or env {@code
 * DATAMINT_API_URL}, the key in {@code DATAMINT_API_KEY}) every project of a Datamint server; each
 * holds four read-only tables: {@code resources} (the data source's read), {@code annotations},
 * {@code labels} and {@code splits}. The two differ only in their {@code ProjectDirectory}: how
 * projects are listed and which read options open one.
 */
package io.datamint.spark.internal.catalog;

import io.datamint.spark.catalog.DatamintCatalog;
