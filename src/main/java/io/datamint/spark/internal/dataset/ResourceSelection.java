package io.datamint.spark.internal.dataset;

import io.datamint.spark.internal.annotation.AnnotationFilter;
import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.plan.SplitMembership;
import io.datamint.spark.internal.source.ProjectSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which resources of a project a read covers, and which annotations their rows carry, in
 * the SDK's order: each resource's annotations pass the {@link AnnotationFilter} (annotators,
 * names, the schema check); a resource whose filtered annotation list is empty is dropped unless
 * {@code include_unannotated}; then the {@code filter()} criteria, ANDed: {@code tags} (any listed
 * tag), {@code filename_pattern} (fnmatch), {@code has_annotations} (on the annotation list), and
 * {@code annotation_names} (any annotation, of any type, with a listed identifier). Source order is
 * kept.
 */
public final class ResourceSelection {

  /** A selected resource with the annotations its row carries, and its split. */
  public record Selected(Resource resource, List<Annotation> annotations, SplitMembership split) {

    /** A selected resource without a split. */
    public Selected(Resource resource, List<Annotation> annotations) {
      this(resource, annotations, SplitMembership.NONE);
    }

    /** The same resource in {@code membership}. */
    public Selected in(SplitMembership membership) {
      return new Selected(resource, annotations, membership);
    }
  }

  private final AnnotationFilter annotationFilter;
  private final boolean includeUnannotated;
  private final Set<String> tags;
  private final FilenamePattern filenamePattern;
  private final Boolean hasAnnotations;
  private final Set<String> annotationNames;

  private ResourceSelection(DatamintOptions options, AnnotationFilter annotationFilter) {
    this.annotationFilter = annotationFilter;
    this.includeUnannotated = options.includeUnannotated();
    this.tags = options.tags() == null ? null : new HashSet<>(options.tags());
    this.filenamePattern =
        options.filenamePattern() == null
            ? null
            : FilenamePattern.compile(options.filenamePattern());
    this.hasAnnotations = options.hasAnnotations();
    this.annotationNames =
        options.annotationNames() == null ? null : new HashSet<>(options.annotationNames());
  }

  /**
   * The selection the options define, with the annotation filter built from them and the project's
   * labels.
   */
  public static ResourceSelection of(DatamintOptions options, AnnotationFilter annotationFilter) {
    return new ResourceSelection(options, annotationFilter);
  }

  /** Applies the selection to a project, in source order. */
  public List<Selected> apply(ProjectSnapshot snapshot) {
    List<Selected> out = new ArrayList<>();
    for (Resource resource : snapshot.resources()) {
      List<Annotation> annotations = annotationFilter.apply(snapshot.annotationsOf(resource.id()));
      if (keeps(resource, annotations)) {
        out.add(new Selected(resource, annotations));
      }
    }
    return out;
  }

  boolean keeps(Resource resource, List<Annotation> annotations) {
    if (!AnnotationFilter.keepsResource(annotations, includeUnannotated)) {
      return false;
    }
    if (tags != null && resource.tags().stream().noneMatch(tags::contains)) {
      return false;
    }
    if (filenamePattern != null && !filenamePattern.matches(resource.filename())) {
      return false;
    }
    if (hasAnnotations != null && annotations.isEmpty() == hasAnnotations) {
      return false;
    }
    return annotationNames == null
        || annotations.stream()
            .anyMatch(a -> a.identifier() != null && annotationNames.contains(a.identifier()));
  }

  /** The criteria in force, for {@code explain()}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (!includeUnannotated) {
      parts.add("include_unannotated=false");
    }
    if (tags != null) {
      parts.add("tags=" + tags);
    }
    if (filenamePattern != null) {
      parts.add("filename_pattern=" + filenamePattern);
    }
    if (hasAnnotations != null) {
      parts.add("has_annotations=" + hasAnnotations);
    }
    if (annotationNames != null) {
      parts.add("annotation_names=" + annotationNames);
    }
    return parts.isEmpty() ? "all" : String.join(", ", parts);
  }
}
