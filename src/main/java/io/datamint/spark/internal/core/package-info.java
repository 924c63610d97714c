/**
 * The typed core every other package shares: {@link io.datamint.spark.internal.core.PixelArray} (an
 * n-dimensional array of one {@link io.datamint.spark.internal.core.DType}, C order, little-endian)
 * and {@link io.datamint.spark.internal.core.DecodeLimits} (the bound on a decoded array). Decoders
 * produce these; tensors, slices, masks and the readers consume them. Imports nothing of the
 * connector but its exceptions.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.core;
