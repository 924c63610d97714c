package io.datamint.spark.internal.annotation.mask;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import java.util.Arrays;

/**
 * Instance masks to a semantic segmentation, as the SDK's {@code instance_to_semantic_segmentation}
 * (reference §2.7): float32 {@code (L+1, *spatial)} where channel {@code c} (1..L) is the OR of the
 * instances with code {@code c}, several class channels may be 1 at one pixel (multi-hot, no
 * argmax), and channel 0 (background) is 1 exactly where no instance covers the pixel.
 */
public final class SemanticMasks {

  /** Little-endian bytes 2 and 3 of float32 1.0 ({@code 0x3F800000}); bytes 0 and 1 are 0. */
  private static final byte ONE_B2 = (byte) 0x80;

  private static final byte ONE_B3 = (byte) 0x3F;

  private SemanticMasks() {}

  /**
   * The semantic tensor of one author's instances.
   *
   * @param instances uint8 {@code (N, *spatial)}, e.g. {@code (N, D, H, W)} or {@code (N, H, W)};
   *     non-zero is covered
   * @param codes the code of each instance, each in {@code 1..numLabels}
   * @param numLabels L, the number of segmentation labels (codes), background excluded
   * @param limits bound on the output
   * @return float32 {@code (L+1, *spatial)} of 0 and 1
   * @throws DecodeException for a code 0 (background) or above L, as the SDK raises, or an output
   *     over the limits
   */
  public static PixelArray fromInstances(
      PixelArray instances, int[] codes, int numLabels, DecodeLimits limits)
      throws DecodeException {
    if (instances.dtype() != DType.UINT8
        || instances.rank() < 2
        || instances.dim(0) != codes.length) {
      throw new IllegalArgumentException(
          "instances must be uint8 (N, ...) with N = " + codes.length + ", got " + instances);
    }
    if (numLabels < 0) {
      throw new IllegalArgumentException("number of labels must not be negative: " + numLabels);
    }
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] == 0) {
        throw new DecodeException(
            "segmentation instance "
                + i
                + " has label code 0 (background); label codes "
                + "start at 1");
      }
      if (codes[i] < 0 || codes[i] > numLabels) {
        throw new DecodeException(
            "segmentation instance "
                + i
                + " has label code "
                + codes[i]
                + ", outside 1.."
                + numLabels
                + " (the segmentation label set)");
      }
    }
    int[] spatial = Arrays.copyOfRange(instances.shape(), 1, instances.rank());
    int[] shape = new int[spatial.length + 1];
    shape[0] = numLabels + 1;
    System.arraycopy(spatial, 0, shape, 1, spatial.length);
    PixelArray out = PixelArray.allocate(limits, DType.FLOAT32, shape);
    byte[] dst = out.data().array();
    int pixels = Math.toIntExact(out.elementCount() / shape[0]);
    ByteSource src = ByteSource.of(instances);
    for (int n = 0; n < codes.length; n++) {
      int srcBase = src.offset + n * pixels;
      int dstBase = codes[n] * pixels * 4;
      for (int p = 0; p < pixels; p++) {
        if (src.array[srcBase + p] != 0) {
          setOne(dst, dstBase + p * 4);
          dst[p * 4] =
              1; // covered marker in channel 0, low byte (channel 0 is otherwise untouched so far)
        }
      }
    }
    // background: 1 exactly where no instance covers the pixel; the markers are cleared
    for (int p = 0; p < pixels; p++) {
      if (dst[p * 4] == 0) {
        setOne(dst, p * 4);
      } else {
        dst[p * 4] = 0;
      }
    }
    return out;
  }

  static void setOne(byte[] floats, int byteOffset) {
    floats[byteOffset + 2] = ONE_B2;
    floats[byteOffset + 3] = ONE_B3;
  }

  /** A uint8 array's backing bytes, copied once only when the buffer has no accessible array. */
  private record ByteSource(byte[] array, int offset) {
    static ByteSource of(PixelArray a) {
      java.nio.ByteBuffer b = a.data();
      if (b.hasArray()) {
        return new ByteSource(b.array(), b.arrayOffset());
      }
      byte[] copy = new byte[b.capacity()];
      b.duplicate().position(0).get(copy);
      return new ByteSource(copy, 0);
    }
  }
}
