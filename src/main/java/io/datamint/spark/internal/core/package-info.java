/**
 * The typed core every other package shares: {@link io.datamint.spark.internal.core.PixelArray} (an
 * n-dimensional array of one {@link io.datamint.spark.internal.core.DType}, C order, little-endian) and
 * {@link io.datamint.spark.internal.core.DecodeLimits} (the bound on a decoded array). Decoders produce
 * these; tensors, slices, masks and the readers consume them. Imports nothing of the connector but
 * its exceptions.
 */
package io.datamint.spark.internal.core;
