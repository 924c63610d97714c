package io.datamint.spark.internal.read;

import org.apache.spark.sql.connector.catalog.SupportsRead;

/**
 * A table whose rows are a project's resources and whose scans are the data source's own: the table
 * of {@code spark.read().format("datamint")} and the catalog's {@code resources} tables. {@link
 * TagPushdownRule} narrows exactly these tables to the tags of {@code array_contains(tags, ...)}
 * filters above them.
 */
public interface DatamintResourceTable extends SupportsRead {}
