/**
 * What a prefetch returns (public API): {@link io.datamint.spark.prefetch.PrefetchReport}, with one
 * {@link io.datamint.spark.prefetch.PrefetchFileResult} per file, the result of {@link
 * io.datamint.spark.DatamintPrefetch#run}. Value types only: this package depends on Spark's row
 * types and nothing of the connector's internals.
 */
package io.datamint.spark.prefetch;
