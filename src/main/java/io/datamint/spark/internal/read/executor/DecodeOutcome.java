package io.datamint.spark.internal.read.executor;

import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.core.VolumeGeometry;
import io.datamint.spark.internal.schema.Columns;
import java.util.Map;

/**
 * What decoding one resource gave: the {@code image} tensor laid out for the dataset, the header,
 * the affine, the volume's typed geometry (null for images and videos) and the training targets; or
 * the reason it failed. {@link #NOT_READ} when the query needs nothing from the file.
 */
record DecodeOutcome(
    PixelArray image,
    String metainfo,
    double[] affine,
    VolumeGeometry geometry,
    String error,
    Map<String, Object> targets) {

  static final DecodeOutcome NOT_READ = new DecodeOutcome(null, null, null, null, null, Map.of());

  static DecodeOutcome failed(String error) {
    return new DecodeOutcome(null, null, null, null, error, Map.of());
  }

  /** This outcome with these target values instead of its own. */
  DecodeOutcome withTargets(Map<String, Object> values) {
    return new DecodeOutcome(image, metainfo, affine, geometry, error, values);
  }

  /**
   * The value of a column computed in the executor (targets, slice and frame indexes); null when
   * absent.
   */
  Object target(String column) {
    return targets.get(column);
  }

  /** The value of a top-level tensor column, by column name. */
  PixelArray tensor(String column) {
    if (Columns.IMAGE.equals(column)) {
      return image;
    }
    return targets.get(column) instanceof PixelArray tensor ? tensor : null;
  }
}
