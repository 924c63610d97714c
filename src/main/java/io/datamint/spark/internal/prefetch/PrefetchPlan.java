package io.datamint.spark.internal.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.prefetch.PrefetchFileResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * What one prefetch will write, planned on the driver from the selected resources: the metadata
 * lines of those resources (in API order, as the server sent them), one {@link PrefetchTask} per
 * file (each resource's file, then, unless masks are excluded, the mask file of each of their
 * segmentation annotations), and the tasks cut into partitions of about equal weight (bytes plus a
 * per-file share), largest first within each partition.
 */
final class PrefetchPlan {

  private final List<JsonNode> resources;
  private final List<JsonNode> annotations;
  private final List<JsonNode> splits;
  private final List<PrefetchTask> tasks;
  private final List<List<PrefetchTask>> partitions;

  private PrefetchPlan(
      List<JsonNode> resources,
      List<JsonNode> annotations,
      List<JsonNode> splits,
      List<PrefetchTask> tasks,
      List<List<PrefetchTask>> partitions) {
    this.resources = resources;
    this.annotations = annotations;
    this.splits = splits;
    this.tasks = tasks;
    this.partitions = partitions;
  }

  /**
   * Plans the prefetch of the selected resources of a fetched project.
   *
   * @param selectedIds the resources the options select (any order; duplicates ignored)
   * @param includeAnnotations whether segmentation mask files are planned too
   * @param maxPartitions the number of partitions wanted; fewer when there are fewer files
   */
  static PrefetchPlan of(
      ProjectFetch fetch, Set<String> selectedIds, boolean includeAnnotations, int maxPartitions) {
    List<JsonNode> resources = new ArrayList<>();
    List<PrefetchTask> tasks = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<JsonNode> resourcesJson = fetch.resourcesJson();
    for (int i = 0; i < resourcesJson.size(); i++) {
      JsonNode r = resourcesJson.get(i);
      String id = ProjectFetch.id(r);
      if (selectedIds.contains(id) && seen.add(id)) {
        resources.add(r);
        tasks.add(
            new PrefetchTask(
                PrefetchFileResult.Kind.RESOURCE,
                id,
                null,
                // the size as type-checked (an overflow or fraction is null: not checked)
                fetch.resources().get(i).size(),
                SdkVersion.ofResource(r)));
      }
    }
    List<JsonNode> annotations = new ArrayList<>();
    Map<String, PrefetchTask> masks = new LinkedHashMap<>();
    for (JsonNode a : fetch.annotationsJson()) {
      String resourceId = Json.text(a, "resource_id");
      if (!seen.contains(resourceId)) {
        continue;
      }
      annotations.add(a);
      Annotation parsed = Annotation.fromJson(a);
      if (includeAnnotations && "segmentation".equals(parsed.annotationType())) {
        masks.putIfAbsent(
            parsed.id(),
            new PrefetchTask(
                PrefetchFileResult.Kind.ANNOTATION,
                resourceId,
                parsed.id(),
                null,
                SdkVersion.ofAnnotation(a)));
      }
    }
    tasks.addAll(masks.values());
    List<JsonNode> splits = new ArrayList<>();
    for (JsonNode s : fetch.splitsJson()) {
      if (seen.contains(Json.text(s, "resource_id"))) {
        splits.add(s);
      }
    }
    return new PrefetchPlan(
        List.copyOf(resources),
        List.copyOf(annotations),
        List.copyOf(splits),
        List.copyOf(tasks),
        balance(tasks, maxPartitions));
  }

  /**
   * Longest-processing-time first: each task, heaviest first, goes to the lightest partition so
   * far.
   */
  static List<List<PrefetchTask>> balance(List<PrefetchTask> tasks, int maxPartitions) {
    int n = Math.min(tasks.size(), Math.max(1, maxPartitions));
    List<List<PrefetchTask>> out = new ArrayList<>(n);
    PriorityQueue<long[]> load =
        new PriorityQueue<>(
            Comparator.<long[]>comparingLong(b -> b[0]).thenComparingLong(b -> b[1]));
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
      load.add(new long[] {0, i});
    }
    List<PrefetchTask> heaviestFirst = new ArrayList<>(tasks);
    heaviestFirst.sort(Comparator.comparingLong(PrefetchTask::weight).reversed());
    for (PrefetchTask task : heaviestFirst) {
      long[] lightest = load.poll();
      out.get((int) lightest[1]).add(task);
      lightest[0] += task.weight();
      load.add(lightest);
    }
    return out;
  }

  /** The selected resources, in API order, as sent. */
  List<JsonNode> resources() {
    return resources;
  }

  /** Every annotation of the selected resources, as sent. */
  List<JsonNode> annotations() {
    return annotations;
  }

  /** The current split assignments of the selected resources, as sent. */
  List<JsonNode> splits() {
    return splits;
  }

  /** Every file, resources first (API order), then masks. */
  List<PrefetchTask> tasks() {
    return tasks;
  }

  List<List<PrefetchTask>> partitions() {
    return partitions;
  }

  /** How many tasks are masks. */
  long maskCount() {
    return tasks.stream().filter(t -> t.kind() == PrefetchFileResult.Kind.ANNOTATION).count();
  }

  /** The resources' declared bytes (masks do not declare theirs). */
  long declaredBytes() {
    return tasks.stream()
        .mapToLong(t -> t.expectedSize() == null ? 0 : Math.max(0, t.expectedSize()))
        .sum();
  }
}
