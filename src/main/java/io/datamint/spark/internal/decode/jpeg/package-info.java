/**
 * Pure-Java decoders for the JPEG family inside DICOM that no library on Maven Central handles:
 * JPEG-LS (ITU-T T.87, transfer syntaxes 1.2.840.10008.1.2.4.80 and .81) with {@link
 * io.datamint.spark.internal.decode.jpeg.JpegLsDecoder}, and sequential DCT JPEG of 8 <em>and
 * 12</em> bits (ITU-T T.81 baseline and extended, .4.50 and .4.51) with {@link
 * io.datamint.spark.internal.decode.jpeg.JpegDctDecoder}. Both take one frame's codestream and
 * return a {@link io.datamint.spark.internal.decode.jpeg.JpegSamples}: interleaved,
 * full-resolution, unsigned component samples, without colour conversion.
 *
 * <p>The decoders were written from the standards. Their output is identical to DCMTK's ({@code
 * dcmdjpls} with CharLS, {@code dcmdjpeg} with the IJG library, islow IDCT and fancy upsampling) on
 * the test corpus. Every failure (truncated, corrupt, unsupported, over the {@link
 * io.datamint.spark.internal.core.DecodeLimits}) is a {@link
 * io.datamint.spark.error.DecodeException}; decoding work is bounded by the image size, and no
 * array is allocated from a size that was not checked.
 *
 * <p>The package-private classes each do one job: {@code MarkerReader} and {@code MarkerSegment}
 * (marker structure), {@code JpegLsBitReader}, {@code JpegLsParameters}, {@code JpegLsContexts}
 * (regular-mode context modelling), {@code JpegLsRunMode}, {@code JpegLsScanDecoder} (lines,
 * interleaving, restarts); {@code HuffmanBitReader}, {@code HuffmanTable}, {@code InverseDct},
 * {@code DctComponent}, {@code DctScanDecoder} (MCUs, blocks, restarts) and {@code Upsampler}.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.decode.jpeg;
