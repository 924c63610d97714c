/**
 * Tensor columns: the Spark type {@code struct<dtype: string, shape: array<int>, data: binary>} of
 * contracts section 4, and the writer that puts a decoded {@link
 * io.datamint.spark.internal.core.PixelArray} into Arrow vectors with one copy of its bytes.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.tensor;
