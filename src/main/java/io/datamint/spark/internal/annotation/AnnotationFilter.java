package io.datamint.spark.internal.annotation;

import io.datamint.spark.internal.api.model.Annotation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SDK's {@code _should_include_annotation} (reference §2.3), applied to each annotation of a
 * resource:
 *
 * <ol>
 *   <li>{@code trusted_annotation_sources} (the SDK applies it when it fetches the annotations, so
 *       it comes first; see {@link TrustedSources});
 *   <li>annotators: only when {@code created_by} is not null (a null author is never removed);
 *   <li>{@code segmentation}: dropped when external annotations are not allowed and the identifier
 *       has no segmentation code; then the segmentation name filter;
 *   <li>{@code label}: the image sets when the frame index is null, else the frame sets; the same
 *       check;
 *   <li>{@code category}: when external annotations are not allowed, kept only if the identifier is
 *       a category identifier of its scope; the value is not checked, and no name filter applies;
 *   <li>any other type: kept.
 * </ol>
 *
 * Identifiers only are compared, never worklist ids. {@code include_unannotated} comes after, see
 * {@link #keepsResource}.
 */
public final class AnnotationFilter implements Serializable {

  private static final long serialVersionUID = 1L;

  private final LabelSchema schema;
  private final boolean allowExternalAnnotations;
  private final NameFilter annotators;
  private final NameFilter segmentationNames;
  private final NameFilter imageLabelNames;
  private final NameFilter frameLabelNames;
  private final TrustedSources trustedSources;

  /**
   * @param schema the label sets, built from all annotations before filtering
   * @param allowExternalAnnotations the {@code allow_external_annotations} option
   * @param annotators {@link NameFilter#annotators}
   * @param segmentationNames {@link NameFilter#segmentationNames}
   * @param imageLabelNames {@link NameFilter#imageLabelNames}
   * @param frameLabelNames {@link NameFilter#frameLabelNames}
   * @param trustedSources the {@code trusted_annotation_sources} option ({@link TrustedSources#ALL}
   *     keeps every source)
   */
  public AnnotationFilter(
      LabelSchema schema,
      boolean allowExternalAnnotations,
      NameFilter annotators,
      NameFilter segmentationNames,
      NameFilter imageLabelNames,
      NameFilter frameLabelNames,
      TrustedSources trustedSources) {
    this.trustedSources = Objects.requireNonNull(trustedSources, "trustedSources");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.allowExternalAnnotations = allowExternalAnnotations;
    this.annotators = Objects.requireNonNull(annotators, "annotators");
    this.segmentationNames = Objects.requireNonNull(segmentationNames, "segmentationNames");
    this.imageLabelNames = Objects.requireNonNull(imageLabelNames, "imageLabelNames");
    this.frameLabelNames = Objects.requireNonNull(frameLabelNames, "frameLabelNames");
  }

  /** Whether the annotation is kept. */
  public boolean includes(Annotation annotation) {
    if (!trustedSources.trusts(annotation)) {
      return false;
    }
    if (annotation.createdBy() != null && !annotators.keeps(annotation.createdBy())) {
      return false;
    }
    String id = annotation.identifier();
    boolean image = annotation.frameIndex() == null;
    String type = annotation.annotationType();
    if ("segmentation".equals(type)) {
      return (allowExternalAnnotations || schema.hasSegmentationLabel(id))
          && segmentationNames.keeps(id);
    }
    if ("label".equals(type)) {
      boolean known = (image ? schema.imageLabelCode(id) : schema.frameLabelCode(id)) >= 0;
      return (allowExternalAnnotations || known)
          && (image ? imageLabelNames : frameLabelNames).keeps(id);
    }
    if ("category".equals(type)) {
      return allowExternalAnnotations
          || (image ? schema.imageCategoryIdentifiers() : schema.frameCategoryIdentifiers())
              .contains(id);
    }
    return true;
  }

  /** The kept annotations, in order. */
  public List<Annotation> apply(List<Annotation> annotations) {
    List<Annotation> kept = new ArrayList<>(annotations.size());
    for (Annotation a : annotations) {
      if (includes(a)) {
        kept.add(a);
      }
    }
    return kept;
  }

  /**
   * {@code include_unannotated}: whether a resource stays, given its annotations after filtering
   * (annotations of every type count).
   */
  public static boolean keepsResource(List<Annotation> filtered, boolean includeUnannotated) {
    return includeUnannotated || !filtered.isEmpty();
  }
}
