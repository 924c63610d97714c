/**
 * PNG, JPEG, TIFF, BMP and GIF decoding through {@code javax.imageio} (with the TwelveMonkeys JPEG
 * and TIFF readers) into {@code (frames, channels, rows, columns)} arrays of the stored bit depth.
 * See {@link io.datamint.spark.internal.decode.raster.RasterDecoder}.
 */
package io.datamint.spark.internal.decode.raster;
