package io.datamint.spark.internal.read.executor;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.annotation.Boxes;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.schema.Columns;
import io.datamint.spark.internal.tensor.TensorRows;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * One resource's training targets as computed in the executor, before they become Spark values: the
 * label values (already Spark values, the same for every row of the resource), and the arrays that
 * a slice or frame row cuts along the same axis as the image (masks, per-frame label matrices).
 *
 * @param labelValues {@code image_labels} and {@code image_categories} as Spark values, by column
 * @param frameLabels per annotator, int32 {@code (num_frames, num_frame_labels)}; null when not
 *     requested or unknown
 * @param masks per author, instance {@code (N, [D,] H, W)} or semantic {@code (L+1, [D,] H, W)};
 *     null when not requested
 * @param codes per author, the instance codes; null when masks are not requested
 * @param merged the merged semantic mask {@code (L+1, [D,] H, W)}; null without a merge strategy
 * @param boxes the resource's boxes, which a slice or frame row narrows to its own; null when not
 *     requested
 */
record RowTargets(
    Map<String, Object> labelValues,
    Map<String, PixelArray> frameLabels,
    Map<String, PixelArray> masks,
    Map<String, int[]> codes,
    PixelArray merged,
    Boxes boxes) {

  static final RowTargets NONE = new RowTargets(Map.of(), null, null, null, null, null);

  /**
   * A cut of a row out of the resource's arrays: the axis of the masks' spatial layout and the
   * index on it.
   */
  interface Cut {
    /** The row's image out of the resource's {@code (C, [D,] H, W)} image. */
    PixelArray image(PixelArray image) throws DecodeException;

    /** The sub-array of a mask-like array {@code (K, [D,] H, W)} for this row. */
    PixelArray mask(PixelArray array) throws DecodeException;

    /**
     * The row's frame labels out of a {@code (num_frames, L)} matrix, or the matrix when the row is
     * no frame.
     */
    PixelArray frameLabels(PixelArray matrix) throws DecodeException;

    /** The row's boxes: those of its frame (and the image-scoped ones), or all of them. */
    Boxes boxes(Boxes boxes);
  }

  /** The whole resource: nothing is cut. */
  static final Cut WHOLE =
      new Cut() {
        @Override
        public PixelArray image(PixelArray image) {
          return image;
        }

        @Override
        public PixelArray mask(PixelArray array) {
          return array;
        }

        @Override
        public PixelArray frameLabels(PixelArray matrix) {
          return matrix;
        }

        @Override
        public Boxes boxes(Boxes boxes) {
          return boxes;
        }
      };

  /** The Spark values of the target columns for one row of this resource. */
  Map<String, Object> values(Cut cut) throws DecodeException {
    Map<String, Object> out = new HashMap<>(labelValues);
    if (frameLabels != null) {
      Map<String, Object> rows = ordered();
      for (Map.Entry<String, PixelArray> e : frameLabels.entrySet()) {
        rows.put(e.getKey(), TensorRows.of(cut.frameLabels(e.getValue())));
      }
      out.put(Columns.FRAME_LABELS, map(rows, v -> v));
    }
    if (boxes != null) {
      Boxes own = cut.boxes(boxes);
      out.put(Columns.BOXES, own.coordinates());
      out.put(Columns.BOX_LABELS, own.labels());
      out.put(Columns.BOX_FRAMES, own.frames());
    }
    if (codes != null) {
      out.put(Columns.SEG_LABELS, map(codes, GenericArrayData::new));
    }
    if (merged != null) {
      out.put(Columns.SEGMENTATIONS, cut.mask(merged));
    } else if (masks != null) {
      Map<String, Object> rows = ordered();
      for (Map.Entry<String, PixelArray> e : masks.entrySet()) {
        rows.put(e.getKey(), TensorRows.of(cut.mask(e.getValue())));
      }
      out.put(Columns.SEGMENTATIONS, map(rows, v -> v));
    }
    return out;
  }

  /** A Spark map value from a Java map, converting the values. */
  static <V> ArrayBasedMapData map(Map<String, V> values, Function<V, Object> convert) {
    Object[] keys = new Object[values.size()];
    Object[] vals = new Object[values.size()];
    int i = 0;
    for (Map.Entry<String, V> e : values.entrySet()) {
      keys[i] = UTF8String.fromString(e.getKey());
      vals[i] = convert.apply(e.getValue());
      i++;
    }
    return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(vals));
  }

  /** An insertion-ordered map, for per-author values. */
  static <V> Map<String, V> ordered() {
    return new LinkedHashMap<>();
  }
}
