/**
 * Tensor columns: the Spark type {@code struct<dtype: string, shape: array<int>, data: binary>} of
 * contracts section 4, and the writer that puts a decoded {@link io.datamint.spark.internal.core.PixelArray}
 * into Arrow vectors with one copy of its bytes.
 */
package io.datamint.spark.internal.tensor;
