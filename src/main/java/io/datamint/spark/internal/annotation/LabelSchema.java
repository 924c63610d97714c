package io.datamint.spark.internal.annotation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The label sets and codes of one read (the SDK's {@code image_lsets}, {@code frame_lsets}, {@code
 * seglabel_list} and their code maps, reference §2.2). Immutable and serializable.
 *
 * <ul>
 *   <li>Image and frame labels: code = 0-based position.
 *   <li>Image and frame categories: one flat list of {@link CategoryValue} pairs per scope, code =
 *       0-based position (the first position when a pair repeats).
 *   <li>Segmentation labels: position {@code i} holds the name of code {@code i+1}; code 0 is
 *       background. Positions no group uses are gaps, shown as {@link #UNKNOWN}. Unlike the SDK, a
 *       gap is not a name: an annotation called {@code UNKNOWN} does not get a gap's code.
 * </ul>
 */
public final class LabelSchema implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The name shown for an unused segmentation code. */
  public static final String UNKNOWN = "UNKNOWN";

  private static final LabelSchema EMPTY =
      new LabelSchema(List.of(), List.of(), List.of(), List.of(), List.of());

  private final List<String> imageLabels;
  private final List<String> frameLabels;
  private final List<CategoryValue> imageCategories;
  private final List<CategoryValue> frameCategories;
  private final List<String> segmentationNames; // null = gap
  private final Map<String, Integer> imageLabelCodes;
  private final Map<String, Integer> frameLabelCodes;
  private final Map<CategoryValue, Integer> imageCategoryCodes;
  private final Set<String> imageCategoryIdentifiers;
  private final Set<String> frameCategoryIdentifiers;
  private final Map<String, Integer> segmentationCodes;
  private final List<String> boxLabels;
  private final Map<String, Integer> boxLabelCodes;

  /**
   * A schema with these sets, in code order.
   *
   * @param segmentationLabels position {@code i} is the name of code {@code i+1}; a null entry is a
   *     gap
   * @throws NullPointerException when a label or category set holds a null
   * @throws IllegalArgumentException when the same segmentation name appears twice
   */
  public LabelSchema(
      List<String> imageLabels,
      List<String> frameLabels,
      List<CategoryValue> imageCategories,
      List<CategoryValue> frameCategories,
      List<String> segmentationLabels) {
    this(imageLabels, frameLabels, imageCategories, frameCategories, segmentationLabels, List.of());
  }

  private LabelSchema(
      List<String> imageLabels,
      List<String> frameLabels,
      List<CategoryValue> imageCategories,
      List<CategoryValue> frameCategories,
      List<String> segmentationLabels,
      List<String> boxLabels) {
    this.boxLabels = List.copyOf(boxLabels);
    this.boxLabelCodes = positions(this.boxLabels);
    this.imageLabels = List.copyOf(imageLabels);
    this.frameLabels = List.copyOf(frameLabels);
    this.imageCategories = List.copyOf(imageCategories);
    this.frameCategories = List.copyOf(frameCategories);
    this.segmentationNames = Collections.unmodifiableList(new ArrayList<>(segmentationLabels));
    this.imageLabelCodes = positions(this.imageLabels);
    this.frameLabelCodes = positions(this.frameLabels);
    this.imageCategoryCodes = positions(this.imageCategories);
    this.imageCategoryIdentifiers = identifiers(this.imageCategories);
    this.frameCategoryIdentifiers = identifiers(this.frameCategories);
    this.segmentationCodes = new HashMap<>();
    for (int i = 0; i < segmentationNames.size(); i++) {
      String name = segmentationNames.get(i);
      if (name != null && segmentationCodes.put(name, i + 1) != null) {
        throw new IllegalArgumentException("segmentation label \"" + name + "\" appears twice");
      }
    }
  }

  /**
   * A copy with these box classes (the SDK's {@code box_labels_set}: the sorted identifiers of the
   * read's {@code square} annotations; code = 0-based position).
   */
  public LabelSchema withBoxLabels(List<String> boxes) {
    return new LabelSchema(
        imageLabels, frameLabels, imageCategories, frameCategories, segmentationNames, boxes);
  }

  /** Box class names in code order (the SDK's {@code box_labels_set}). */
  public List<String> boxLabels() {
    return boxLabels;
  }

  /** The code of a box class, or -1. */
  public int boxLabelCode(String name) {
    return boxLabelCodes.getOrDefault(name, -1);
  }

  /** The schema with no labels, categories or segmentation labels. */
  public static LabelSchema empty() {
    return EMPTY;
  }

  private static <T> Map<T, Integer> positions(List<T> items) {
    Map<T, Integer> codes = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      codes.putIfAbsent(items.get(i), i);
    }
    return codes;
  }

  private static Set<String> identifiers(List<CategoryValue> categories) {
    Set<String> ids = new LinkedHashSet<>();
    for (CategoryValue c : categories) {
      ids.add(c.identifier());
    }
    return Collections.unmodifiableSet(ids);
  }

  /** Image label names in code order. */
  public List<String> imageLabels() {
    return imageLabels;
  }

  /** Frame label names in code order. */
  public List<String> frameLabels() {
    return frameLabels;
  }

  /** Image category classes in code order. */
  public List<CategoryValue> imageCategories() {
    return imageCategories;
  }

  /**
   * Frame category classes in code order (used only by the filters: frame categories are not
   * emitted).
   */
  public List<CategoryValue> frameCategories() {
    return frameCategories;
  }

  /** The category identifiers of image scope, in first-seen order. */
  public Set<String> imageCategoryIdentifiers() {
    return imageCategoryIdentifiers;
  }

  /** The category identifiers of frame scope, in first-seen order. */
  public Set<String> frameCategoryIdentifiers() {
    return frameCategoryIdentifiers;
  }

  /**
   * Segmentation label names: position {@code i} names code {@code i+1}; gaps read {@link
   * #UNKNOWN}.
   */
  public List<String> segmentationLabels() {
    List<String> out = new ArrayList<>(segmentationNames.size());
    for (String name : segmentationNames) {
      out.add(name == null ? UNKNOWN : name);
    }
    return Collections.unmodifiableList(out);
  }

  /** The code of an image label, or -1 when it is not in the set. */
  public int imageLabelCode(String name) {
    return imageLabelCodes.getOrDefault(name, -1);
  }

  /** The code of a frame label, or -1 when it is not in the set. */
  public int frameLabelCode(String name) {
    return frameLabelCodes.getOrDefault(name, -1);
  }

  /** The code of an image category class, or -1 when the pair is not in the set. */
  public int imageCategoryCode(String identifier, String value) {
    return identifier == null
        ? -1
        : imageCategoryCodes.getOrDefault(new CategoryValue(identifier, value), -1);
  }

  /**
   * The code (1-based; 0 is background) of a segmentation label, or -1 when it is not a label name.
   */
  public int segmentationCode(String name) {
    return segmentationCodes.getOrDefault(name, -1);
  }

  /** Whether this segmentation label has a code. */
  public boolean hasSegmentationLabel(String name) {
    return segmentationCodes.containsKey(name);
  }

  /** L, the number of segmentation codes besides background (gaps included). */
  public int segmentationCodeCount() {
    return segmentationNames.size();
  }

  /** A copy with these entries appended (external annotations); see {@link LabelSchemaBuilder}. */
  LabelSchema append(
      List<String> images,
      List<String> frames,
      List<CategoryValue> imageCats,
      List<CategoryValue> frameCats,
      List<String> segmentations) {
    return new LabelSchema(
        concat(imageLabels, images),
        concat(frameLabels, frames),
        concat(imageCategories, imageCats),
        concat(frameCategories, frameCats),
        concat(segmentationNames, segmentations),
        boxLabels);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelSchema s
        && imageLabels.equals(s.imageLabels)
        && frameLabels.equals(s.frameLabels)
        && imageCategories.equals(s.imageCategories)
        && frameCategories.equals(s.frameCategories)
        && segmentationNames.equals(s.segmentationNames)
        && boxLabels.equals(s.boxLabels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        imageLabels, frameLabels, imageCategories, frameCategories, segmentationNames, boxLabels);
  }

  @Override
  public String toString() {
    return "LabelSchema[imageLabels="
        + imageLabels
        + ", frameLabels="
        + frameLabels
        + ", imageCategories="
        + imageCategories
        + ", frameCategories="
        + frameCategories
        + ", segmentationLabels="
        + segmentationLabels()
        + ", boxLabels="
        + boxLabels
        + "]";
  }
}
