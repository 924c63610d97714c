/**
 * The {@code datamint} Spark data source: read Datamint medical-imaging projects with Spark. This
 * package holds {@link io.datamint.spark.DatamintSparkSessionExtensions}, the class users name in
 * {@code spark.sql.extensions}.
 */
package io.datamint.spark;
