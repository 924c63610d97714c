package io.datamint.spark.internal.annotation;

import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.Worklist;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Builds the {@link LabelSchema} of a read on the driver, as the SDK's {@code _setup_labels}
 * (reference §2.2).
 *
 * <ul>
 *   <li><b>Schema mode</b> (a project, and a selection other than {@link
 *       WorklistSelection#inferred()}): labels and categories from the selected worklists' specs in
 *       spec order, segmentation codes from their segmentation groups. With {@code
 *       allowExternalAnnotations}, the identifiers (category pairs) found in the data but missing
 *       from the schema are appended, sorted among themselves.
 *   <li><b>Inferred mode</b> (no project, or {@code worklists=none}): the sorted sets found in the
 *       data; segmentation codes are 1-based positions.
 * </ul>
 *
 * <p>Pass <em>all</em> the annotations of the read, before the annotation filters: the SDK builds
 * the label sets first, so they include annotations of excluded annotators (§2.1).
 */
public final class LabelSchemaBuilder {

  private final WorklistSelection worklists;
  private final boolean allowExternalAnnotations;
  private final boolean boxes;

  /**
   * @param worklists the {@code worklists} option
   * @param allowExternalAnnotations the {@code allow_external_annotations} option
   */
  public LabelSchemaBuilder(WorklistSelection worklists, boolean allowExternalAnnotations) {
    this(worklists, allowExternalAnnotations, false);
  }

  /**
   * @param worklists the {@code worklists} option
   * @param allowExternalAnnotations the {@code allow_external_annotations} option
   * @param boxes the {@code return_boxes} option: the box classes come from the data in every mode
   */
  public LabelSchemaBuilder(
      WorklistSelection worklists, boolean allowExternalAnnotations, boolean boxes) {
    this.worklists = Objects.requireNonNull(worklists, "worklists");
    this.allowExternalAnnotations = allowExternalAnnotations;
    this.boxes = boxes;
  }

  /**
   * Whether {@link #build} of a project's read reads its annotations: when the labels are inferred
   * from the data ({@code worklists=none}), external annotations extend the worklists' sets, or the
   * read returns boxes (whose classes always come from the data). Otherwise the label sets come
   * from the worklists alone and {@code build(worklists, List.of())} gives the read's schema
   * without reading an annotation.
   */
  public boolean readsAnnotations() {
    return worklists.isInferred() || allowExternalAnnotations || boxes;
  }

  /**
   * The schema of a read.
   *
   * @param projectWorklists the project's worklists, or null when the read has no project (inferred
   *     mode)
   * @param annotations every annotation of the read, before filtering
   * @throws LabelSchemaException on ambiguous specs, conflicting segmentation groups or an unknown
   *     worklist
   */
  public LabelSchema build(List<Worklist> projectWorklists, Iterable<Annotation> annotations) {
    LabelSchema labels = labels(projectWorklists, annotations);
    return boxes ? labels.withBoxLabels(boxClasses(annotations)) : labels;
  }

  /**
   * The SDK's {@code _build_box_class_map}: the sorted identifiers of the {@code square}
   * annotations (empty identifiers left out).
   */
  static List<String> boxClasses(Iterable<Annotation> annotations) {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    for (Annotation a : annotations) {
      if ("square".equals(a.annotationType())
          && a.identifier() != null
          && !a.identifier().isEmpty()) {
        names.add(a.identifier());
      }
    }
    return new ArrayList<>(names);
  }

  private LabelSchema labels(List<Worklist> projectWorklists, Iterable<Annotation> annotations) {
    if (projectWorklists == null || worklists.isInferred()) {
      DataLabels data = new DataLabels(annotations);
      return new LabelSchema(
          new ArrayList<>(data.imageLabels),
          new ArrayList<>(data.frameLabels),
          new ArrayList<>(data.imageCategories),
          new ArrayList<>(data.frameCategories),
          new ArrayList<>(data.segmentations));
    }
    List<Worklist> selected = worklists.select(projectWorklists);
    WorklistSpecs specs = new WorklistSpecs(selected);
    LabelSchema schema =
        new LabelSchema(
            specs.imageLabels,
            specs.frameLabels,
            specs.imageCategories,
            specs.frameCategories,
            SegmentationGroups.labels(selected));
    if (!allowExternalAnnotations) {
      return schema;
    }
    DataLabels data = new DataLabels(annotations);
    List<String> segmentations = new ArrayList<>();
    for (String name : data.segmentations) {
      if (!schema.hasSegmentationLabel(name)) {
        segmentations.add(name);
      }
    }
    return schema.append(
        missing(data.imageLabels, schema.imageLabels()),
        missing(data.frameLabels, schema.frameLabels()),
        missing(data.imageCategories, schema.imageCategories()),
        missing(data.frameCategories, schema.frameCategories()),
        segmentations);
  }

  private static <T> List<T> missing(Collection<T> sortedFound, Collection<T> known) {
    HashSet<T> knownSet = new HashSet<>(known);
    List<T> out = new ArrayList<>();
    for (T item : sortedFound) {
      if (!knownSet.contains(item)) {
        out.add(item);
      }
    }
    return out;
  }
}
