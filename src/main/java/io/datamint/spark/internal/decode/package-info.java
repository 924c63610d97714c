/**
 * Decoding resource files into pixel arrays, in the executors. Every decoder produces a {@link
 * io.datamint.spark.internal.core.PixelArray} laid out as {@code (N, C, H, W)} (frames or slices,
 * channels, rows, columns), little-endian, in the file's native type, as the SDK's {@code
 * read_array_normalized} does, plus the header as {@code metainfo} and, for volumes, the
 * voxel-to-world {@code affine}. Sub-packages by format: {@code dicom}, {@code nifti}, {@code
 * raster}, {@code video}. A file that cannot be decoded is a {@link
 * io.datamint.spark.error.DecodeException} naming what was wrong; every allocation is bounded by
 * {@link io.datamint.spark.internal.core.DecodeLimits}, checked from the headers before anything is
 * allocated or inflated.
 *
 * <p>Containment: the registry ({@link Decoders}) calls every decoder through {@link
 * DecoderBoundary}, which turns whatever a decoder throws into the file's {@code DecodeException}:
 * {@link ThreadDeath}, {@link StackOverflowError}, {@link OutOfMemoryError}, {@link LinkageError}
 * wherever they are raised in the decoder, and the runtime exceptions of third-party libraries
 * (told by the stack, {@link LibraryOrigin}). Only the connector's own runtime exceptions and
 * errors pass, as bugs. No error of a decoder reaches Spark's task thread.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.decode;
