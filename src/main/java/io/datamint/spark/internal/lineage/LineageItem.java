package io.datamint.spark.internal.lineage;

import java.util.Map;
import java.util.TreeMap;

/**
 * One item of a dataset as the SDK's MLflow digest records it: a resource ({@code id}, {@code
 * filename}, its class), a volume's slice (with {@code slice_index} and {@code slice_axis}) or a
 * video's frame (the SDK records no frame index: a video's frames are equal entries).
 *
 * @param id the resource's id
 * @param filename the resource's filename, or null (then left out, as the SDK does)
 * @param objType {@code str(type(item))}
 * @param storage the resource's {@code storage} for the profile; null for slices and frames, which
 *     the SDK's profile counts as {@code None}
 * @param sliceIndex the slice's index, or null
 * @param sliceAxis the slice's axis ({@code axial}, {@code coronal}, {@code sagittal}), or null
 */
public record LineageItem(
    String id,
    String filename,
    String objType,
    String storage,
    Integer sliceIndex,
    String sliceAxis) {

  /** A whole resource. */
  public static LineageItem resource(
      String id, String filename, SdkResourceClass cls, String storage) {
    return new LineageItem(id, filename, cls.pythonRepr(), storage, null, null);
  }

  /** One slice of a volume. */
  public static LineageItem slice(String id, String filename, int index, String axis) {
    return new LineageItem(id, filename, SdkResourceClass.SLICED_VOLUME, null, index, axis);
  }

  /** One frame of a video. */
  public static LineageItem frame(String id, String filename) {
    return new LineageItem(id, filename, SdkResourceClass.SLICED_VIDEO, null, null, null);
  }

  /** The item's entry of the digest's {@code resources} list (keys sorted when written). */
  Map<String, Object> digestEntry() {
    Map<String, Object> entry = new TreeMap<>();
    entry.put("id", id);
    entry.put("obj_type", objType);
    if (sliceIndex != null) {
      entry.put("slice_index", sliceIndex);
    }
    if (sliceAxis != null) {
      entry.put("slice_axis", sliceAxis);
    }
    if (filename != null) {
      entry.put("filename", filename);
    }
    return entry;
  }
}
