/**
 * What {@link io.datamint.spark.DatamintLineage#of} returns (public API): {@link
 * io.datamint.spark.lineage.DatasetLineage}, a read's MLflow dataset fields as the Datamint SDK's
 * {@code DatamintMLflowDataset} has them. A value type only: this package depends on nothing of the
 * connector's internals.
 */
package io.datamint.spark.lineage;
