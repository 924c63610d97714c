/**
 * PNG, JPEG, TIFF, BMP and GIF decoding through {@code javax.imageio} (with the TwelveMonkeys JPEG
 * and TIFF readers) into {@code (frames, channels, rows, columns)} arrays of the stored bit depth.
 * See {@link io.datamint.spark.internal.decode.raster.RasterDecoder}.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.decode.raster;
