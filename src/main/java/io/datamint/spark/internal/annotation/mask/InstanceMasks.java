package io.datamint.spark.internal.annotation.mask;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.error.SourceException;
import io.datamint.spark.internal.annotation.AuthorKey;
import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.LibraryFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a resource's instance masks per author, as the SDK's {@code load_segmentations} (reference
 * §2.6), with frame-scoped annotations placed at their frame (the SDK's intent; see the package
 * documentation).
 *
 * <ul>
 *   <li>Author key: {@code created_by}, else {@code created_by_model}, else {@code "unknown"};
 *       authors in first-seen order.
 *   <li>Frame-scoped annotation (scope {@code frame}): grouped by {@code (author, identifier)} in
 *       first-seen order; each group is one instance, zeros {@code (D, H, W)} where each
 *       annotation's single-frame mask {@code (1, H, W)} is written at its frame index; a later
 *       annotation on the same frame overwrites.
 *   <li>Image-scoped annotation: one instance; its mask must be {@code (D, H, W)}.
 *   <li>Per author: the frame-scoped groups first, then the image-scoped annotations in annotation
 *       order.
 * </ul>
 *
 * <p>Errors, each a {@link DecodeException} naming the annotation: a missing or undecodable file,
 * an unknown label, a mask whose size does not match the image, a frame index outside the image, a
 * frame-scoped annotation without a frame index. Codes and frame indices are checked, and each
 * author's output bounded by the limits, before any mask is read.
 */
public final class InstanceMasks {

  private static final String FRAME = "frame";
  private static final String IMAGE = "image";

  private InstanceMasks() {}

  /**
   * The instance masks of one resource.
   *
   * @param segmentations the resource's segmentation annotations after filtering, in annotation
   *     order
   * @param codes the label code of a segmentation identifier; null, or an {@link
   *     IllegalArgumentException}, for an unknown label
   * @param geometry the resource's image grid as decoded
   * @param source the mask files
   * @param limits bounds on every allocation
   * @return per author key, in first-seen order, the uint8 {@code (N, D, H, W)} masks and their
   *     codes; empty when there are no annotations
   * @throws DecodeException naming the annotation at fault
   */
  public static Map<String, AuthorMasks> build(
      List<Annotation> segmentations,
      Function<String, Integer> codes,
      MaskGeometry geometry,
      MaskSource source,
      DecodeLimits limits)
      throws DecodeException {
    Map<String, AuthorPlan> plans = new LinkedHashMap<>();
    for (Annotation annotation : segmentations) {
      AuthorPlan plan =
          plans.computeIfAbsent(AuthorKey.ofSegmentation(annotation), key -> new AuthorPlan());
      int code = code(annotation, codes);
      if (isFrameScoped(annotation)) {
        int frame = annotation.frameIndex();
        if (frame < 0 || frame >= geometry.depth()) {
          throw new DecodeException(
              "segmentation annotation "
                  + annotation.id()
                  + " is on frame "
                  + frame
                  + ", outside its image of "
                  + geometry.depth()
                  + " frame(s)");
        }
        plan.frameGroups
            .computeIfAbsent(annotation.identifier(), id -> new Instance(code))
            .members
            .add(annotation);
      } else {
        Instance instance = new Instance(code);
        instance.members.add(annotation);
        plan.images.add(instance);
      }
    }
    Map<String, AuthorMasks> result = new LinkedHashMap<>();
    for (Map.Entry<String, AuthorPlan> entry : plans.entrySet()) {
      result.put(entry.getKey(), entry.getValue().load(geometry, source, limits));
    }
    return result;
  }

  private static boolean isFrameScoped(Annotation annotation) throws DecodeException {
    String scope = annotation.scope();
    if (scope == null) {
      scope = annotation.frameIndex() == null ? IMAGE : FRAME;
    }
    if (FRAME.equals(scope)) {
      if (annotation.frameIndex() == null) {
        throw new DecodeException(
            "segmentation annotation "
                + annotation.id()
                + " is frame-scoped but has no "
                + "frame index");
      }
      return true;
    }
    if (IMAGE.equals(scope)) {
      if (annotation.frameIndex() != null) {
        throw new DecodeException(
            "segmentation annotation "
                + annotation.id()
                + " is image-scoped but has frame "
                + "index "
                + annotation.frameIndex());
      }
      return false;
    }
    throw new DecodeException(
        "segmentation annotation " + annotation.id() + " has unknown scope '" + scope + "'");
  }

  private static int code(Annotation annotation, Function<String, Integer> codes)
      throws DecodeException {
    Integer code = null;
    IllegalArgumentException failure = null;
    if (annotation.identifier() != null) {
      try {
        code = codes.apply(annotation.identifier());
      } catch (IllegalArgumentException e) {
        failure = e;
      }
    }
    if (code == null) {
      String message =
          "segmentation annotation "
              + annotation.id()
              + " has unknown label '"
              + annotation.identifier()
              + "' (not in the segmentation label set)";
      throw failure == null ? new DecodeException(message) : new DecodeException(message, failure);
    }
    return code;
  }

  /** One instance to be: its code and the annotations whose masks make it. */
  private static final class Instance {
    final int code;
    final List<Annotation> members = new ArrayList<>(1);

    Instance(int code) {
      this.code = code;
    }
  }

  /** One author's instances: frame-scoped groups by identifier, then image-scoped annotations. */
  private static final class AuthorPlan {
    final Map<String, Instance> frameGroups = new LinkedHashMap<>();
    final List<Instance> images = new ArrayList<>();

    AuthorMasks load(MaskGeometry g, MaskSource source, DecodeLimits limits)
        throws DecodeException {
      int n = frameGroups.size() + images.size();
      PixelArray out =
          PixelArray.allocate(limits, DType.UINT8, n, g.depth(), g.height(), g.width());
      byte[] dst = out.data().array();
      int plane = g.height() * g.width();
      int volume = g.depth() * plane;
      int[] codes = new int[n];
      int index = 0;
      for (Instance group : frameGroups.values()) {
        codes[index] = group.code;
        for (Annotation annotation : group.members) {
          PixelArray mask = decode(annotation, source, limits);
          checkSize(
              annotation,
              mask,
              1,
              g,
              "a single-frame mask (1x" + g.height() + "x" + g.width() + ")");
          // a later annotation on the same frame overwrites the earlier one
          System.arraycopy(
              mask.data().array(), 0, dst, index * volume + annotation.frameIndex() * plane, plane);
        }
        index++;
      }
      for (Instance image : images) {
        codes[index] = image.code;
        Annotation annotation = image.members.get(0);
        PixelArray mask = decode(annotation, source, limits);
        checkSize(
            annotation, mask, g.depth(), g, "a mask of the whole image (" + g.describe() + ")");
        System.arraycopy(mask.data().array(), 0, dst, index * volume, volume);
        index++;
      }
      return new AuthorMasks(out, codes);
    }

    /**
     * The binary uint8 {@code (N, H, W)} mask of one annotation (freshly allocated, array offset
     * 0).
     */
    private static PixelArray decode(Annotation annotation, MaskSource source, DecodeLimits limits)
        throws DecodeException {
      byte[] file;
      try {
        file = source.load(annotation);
      } catch (IOException
          | UncheckedIOException
          | SourceException e) { // an unreadable file, or the API refusing it
        throw new DecodeException(
            "mask file of segmentation annotation "
                + annotation.id()
                + " could not be read: "
                + LibraryFailure.text(e),
            e);
      }
      if (file == null) {
        throw new DecodeException(
            "mask file of segmentation annotation " + annotation.id() + " is missing");
      }
      return MaskDecoder.decode(annotation.id(), file, file.length, limits);
    }

    private static void checkSize(
        Annotation annotation, PixelArray mask, int depth, MaskGeometry g, String expected)
        throws DecodeException {
      int[] s = mask.shape();
      if (s[0] != depth || s[1] != g.height() || s[2] != g.width()) {
        throw new DecodeException(
            "mask of segmentation annotation "
                + annotation.id()
                + " is "
                + s[0]
                + "x"
                + s[1]
                + "x"
                + s[2]
                + " (frames x height x width), its image is "
                + g.describe()
                + "; expected "
                + expected);
      }
    }
  }
}
