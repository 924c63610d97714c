package io.datamint.spark.internal.annotation.mask;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.annotation.MergeStrategy;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Merges authors' semantic segmentations into one, as the SDK's {@code apply_merge_strategy}
 * (reference §2.8): channel-wise over all {@code L+1} channels, background included and not
 * recomputed (so after {@code union} a pixel can be background and foreground). Output float32 of 0
 * and 1.
 */
public final class MaskMerge {

  private MaskMerge() {}

  /**
   * Merges the authors' semantic tensors.
   *
   * @param strategy how to merge
   * @param authors float32 {@code (L+1, *spatial)} per author, all of one shape; may be empty
   * @param numLabels L
   * @param spatial the image's spatial shape ({@code (D, H, W)} or {@code (H, W)}), used when there
   *     are no authors, and checked against the authors' tensors otherwise
   * @param limits bound on the output
   * @return float32 {@code (L+1, *spatial)}; with no authors, zeros with channel 0 set to 1
   * @throws DecodeException when the output is over the limits
   * @throws IllegalArgumentException when an author's tensor does not have that shape or is not
   *     float32
   */
  public static PixelArray merge(
      MergeStrategy strategy,
      List<PixelArray> authors,
      int numLabels,
      int[] spatial,
      DecodeLimits limits)
      throws DecodeException {
    int[] shape = new int[spatial.length + 1];
    shape[0] = numLabels + 1;
    System.arraycopy(spatial, 0, shape, 1, spatial.length);
    for (PixelArray a : authors) {
      if (a.dtype() != DType.FLOAT32 || !Arrays.equals(a.shape(), shape)) {
        throw new IllegalArgumentException(
            "semantic segmentations to merge must be float32 "
                + Arrays.toString(shape)
                + ", got "
                + a);
      }
    }
    PixelArray out = PixelArray.allocate(limits, DType.FLOAT32, shape);
    byte[] dst = out.data().array();
    int elements = Math.toIntExact(out.elementCount());
    int n = authors.size();
    if (n == 0) {
      int pixels = elements / shape[0];
      for (int p = 0; p < pixels; p++) {
        SemanticMasks.setOne(dst, p * 4);
      }
      return out;
    }
    ByteBuffer[] src = new ByteBuffer[n];
    for (int a = 0; a < n; a++) {
      src[a] = authors.get(a).data();
    }
    for (int i = 0; i < elements; i++) {
      int at = i * 4;
      int count = 0;
      for (int a = 0; a < n; a++) {
        if (src[a].getFloat(at) != 0f) {
          count++;
        }
      }
      boolean one =
          switch (strategy) {
            case UNION -> count > 0;
            case INTERSECTION -> count == n;
            case MODE -> 2 * count >= n;
          };
      if (one) {
        SemanticMasks.setOne(dst, at);
      }
    }
    return out;
  }
}
