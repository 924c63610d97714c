package io.datamint.spark.internal.annotation.mask;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.Decoders;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.FormatDetector;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Decodes one segmentation annotation's mask file into a binary uint8 {@code (N, H, W)} mask, as
 * the SDK's {@code load_segmentation_data} does (reference §1.6):
 *
 * <ol>
 *   <li>the file is decoded by the resource decoders, the format told by content, to {@code (N, C,
 *       H, W)} (a NIfTI mask gets the same orientation rule as a NIfTI image, so their voxels line
 *       up);
 *   <li>when {@code C >= 3} and channel 0 equals channels 1 and 2 at every pixel (grey stored as
 *       RGB or RGBA), channel 0 alone is kept;
 *   <li>when more than one channel remains, the mask is an error;
 *   <li>every value {@code != 0} becomes 1, the others 0.
 * </ol>
 *
 * <p>Two channels (grey + alpha) are not collapsed: the rule compares channel 0 with channels 1
 * <em>and</em> 2.
 */
final class MaskDecoder {

  private MaskDecoder() {}

  /**
   * Decodes the mask file {@code file[0..length)} of annotation {@code annotationId}.
   *
   * @return a uint8 {@code (N, H, W)} array of 0 and 1
   * @throws DecodeException naming the annotation when the file is not decodable, is over the
   *     limits, or holds more than one channel
   */
  public static PixelArray decode(String annotationId, byte[] file, int length, DecodeLimits limits)
      throws DecodeException {
    DecodedResource decoded;
    try {
      FileFormat format = FormatDetector.detect(file, length, null, null);
      decoded = Decoders.forFormat(format).decode(file, length, limits);
    } catch (DecodeException e) {
      throw new DecodeException(
          "mask file of segmentation annotation " + annotationId + ": " + e.getMessage(), e);
    }
    return binarize(annotationId, decoded.pixels(), limits);
  }

  /**
   * Collapses and binarizes decoded {@code (N, C, H, W)} pixels of annotation {@code annotationId}.
   *
   * @return a uint8 {@code (N, H, W)} array of 0 and 1
   * @throws DecodeException naming the annotation when more than one channel remains
   */
  public static PixelArray binarize(String annotationId, PixelArray pixels, DecodeLimits limits)
      throws DecodeException {
    if (pixels.rank() != 4) {
      throw new DecodeException(
          "mask of segmentation annotation "
              + annotationId
              + " must decode to 4-D "
              + "(N, C, H, W), got "
              + Arrays.toString(pixels.shape()));
    }
    int n = pixels.dim(0);
    int c = pixels.dim(1);
    int h = pixels.dim(2);
    int w = pixels.dim(3);
    if (c > 1 && !(c >= 3 && greyAsColour(pixels))) {
      throw new DecodeException(
          "mask of segmentation annotation "
              + annotationId
              + " has "
              + c
              + " distinct channels (shape "
              + Arrays.toString(pixels.shape())
              + "); a mask must have one channel, "
              + "or grey stored as RGB/RGBA");
    }
    PixelArray out = PixelArray.allocate(limits, DType.UINT8, n, h, w);
    byte[] dst = out.data().array();
    int plane = h * w;
    ByteBuffer src = pixels.data();
    DType type = pixels.dtype();
    for (int frame = 0; frame < n; frame++) {
      long srcBase = (long) frame * c * plane; // channel 0 of this frame
      int dstBase = frame * plane;
      for (int p = 0; p < plane; p++) {
        dst[dstBase + p] = nonZero(src, type, srcBase + p) ? (byte) 1 : (byte) 0;
      }
    }
    return out;
  }

  /**
   * Whether channel 0 equals channels 1 and 2 in every frame (numpy {@code ==}: 0.0 equals -0.0,
   * NaN nothing).
   */
  private static boolean greyAsColour(PixelArray pixels) {
    int n = pixels.dim(0);
    int c = pixels.dim(1);
    int plane = pixels.dim(2) * pixels.dim(3);
    ByteBuffer src = pixels.data();
    DType type = pixels.dtype();
    for (int frame = 0; frame < n; frame++) {
      long base = (long) frame * c * plane;
      for (int p = 0; p < plane; p++) {
        long i0 = base + p;
        if (!equal(src, type, i0, i0 + plane) || !equal(src, type, i0, i0 + 2L * plane)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean equal(ByteBuffer b, DType type, long i, long j) {
    return switch (type) {
      case FLOAT32 -> b.getFloat(Math.toIntExact(i * 4)) == b.getFloat(Math.toIntExact(j * 4));
      case FLOAT64 -> b.getDouble(Math.toIntExact(i * 8)) == b.getDouble(Math.toIntExact(j * 8));
      default -> {
        int size = type.itemSize();
        int a = Math.toIntExact(i * size);
        int bb = Math.toIntExact(j * size);
        for (int k = 0; k < size; k++) {
          if (b.get(a + k) != b.get(bb + k)) {
            yield false;
          }
        }
        yield true;
      }
    };
  }

  /** {@code value != 0} as numpy computes it (so -0.0 is 0 and NaN is not). */
  private static boolean nonZero(ByteBuffer b, DType type, long index) {
    return switch (type) {
      case UINT8, INT8 -> b.get(Math.toIntExact(index)) != 0;
      case UINT16, INT16 -> b.getShort(Math.toIntExact(index * 2)) != 0;
      case UINT32, INT32 -> b.getInt(Math.toIntExact(index * 4)) != 0;
      case INT64 -> b.getLong(Math.toIntExact(index * 8)) != 0;
      case FLOAT32 -> b.getFloat(Math.toIntExact(index * 4)) != 0f;
      case FLOAT64 -> b.getDouble(Math.toIntExact(index * 8)) != 0d;
    };
  }
}
