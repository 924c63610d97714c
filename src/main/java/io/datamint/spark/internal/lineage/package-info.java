/**
 * Internal: the MLflow lineage of a read, behind {@code io.datamint.spark.DatamintLineage}: the
 * Datamint SDK's {@code DatamintMLflowDataset} fields (name, source, digest, profile) computed as
 * the SDK computes them (its JSON byte for byte, its resource classes, its split order). Not for
 * users; no compatibility promise.
 */
package io.datamint.spark.internal.lineage;
