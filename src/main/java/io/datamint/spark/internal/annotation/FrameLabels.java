package io.datamint.spark.internal.annotation;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.api.model.Annotation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code frame_labels} target of the legacy v2.17 {@code DatamintDataset} (reference §2.4; the
 * new SDK classes no longer emit it): per annotator an int32 matrix {@code (numFrames,
 * frameLabels().size())}.
 */
public final class FrameLabels {

  private FrameLabels() {}

  /**
   * The matrix of each annotator ({@link AuthorKey#ofLabel}), in first-seen order, with 1 at {@code
   * [frame][code]} for each frame-level {@code label} annotation (frame index not null). An
   * annotator whose frame labels are all unknown gets a zero matrix.
   *
   * @param annotations one resource's filtered annotations
   * @param numFrames the resource's frame count
   * @throws DecodeException when a frame-level label's frame index is outside {@code [0,
   *     numFrames)}: bad annotation data, the row's error
   */
  public static Map<String, int[][]> perAnnotator(
      List<Annotation> annotations, LabelSchema schema, int numFrames) throws DecodeException {
    int width = schema.frameLabels().size();
    Map<String, int[][]> out = new LinkedHashMap<>();
    for (Annotation a : annotations) {
      if (!"label".equals(a.annotationType()) || a.frameIndex() == null) {
        continue;
      }
      int frame = a.frameIndex();
      if (frame < 0 || frame >= numFrames) {
        throw new DecodeException(
            "frame label annotation "
                + a.id()
                + " (\""
                + a.identifier()
                + "\") is on frame "
                + frame
                + ", outside [0, "
                + numFrames
                + ") of its resource");
      }
      int[][] matrix = out.computeIfAbsent(AuthorKey.ofLabel(a), k -> new int[numFrames][width]);
      int code = schema.frameLabelCode(a.identifier());
      if (code >= 0) {
        matrix[frame][code] = 1;
      }
    }
    return out;
  }
}
