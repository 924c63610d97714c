package io.datamint.spark.internal.source;

import io.datamint.spark.internal.api.client.ApiCallStats;
import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.Project;
import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.api.model.SplitAssignment;
import io.datamint.spark.internal.api.model.Worklist;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the driver plans from, read once from a {@link ProjectSource} when a table is loaded:
 * the project, its resources in source order, each resource's annotations, the worklists and the
 * split history. Immutable.
 */
public final class ProjectSnapshot {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectSnapshot.class);

  private final String sourceDescription;
  private final Project project;
  private final List<Resource> resources;
  private final Map<String, List<Annotation>> annotationsByResource;
  private final List<Worklist> worklists;
  private final List<SplitAssignment> splitHistory;
  private final ResourceFileStore fileStore;
  private final ProjectSource source;
  private final Map<String, Map<String, String>> splitsAsOf =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** How the load went: set by {@link #timed} before the snapshot is handed out. */
  private long loadNanos;

  private long metadataRequests;

  private ProjectSnapshot(ProjectSource source, List<Worklist> worklists) {
    this.sourceDescription = source.describe();
    this.project = source.project();
    this.resources = List.copyOf(source.resources());
    Map<String, List<Annotation>> grouped = new LinkedHashMap<>();
    for (Resource resource : resources) {
      grouped.put(resource.id(), new ArrayList<>());
    }
    int foreign = 0;
    for (Annotation annotation : source.annotations(resources)) {
      List<Annotation> list = grouped.get(annotation.resourceId());
      if (list != null) {
        list.add(annotation);
      } else {
        foreign++;
      }
    }
    if (foreign > 0) {
      LOG.warn(
          "{}: {} annotation(s) name a resource that is not in this project; they belong to no row",
          sourceDescription,
          foreign);
    }
    grouped.replaceAll((id, list) -> Collections.unmodifiableList(list));
    this.annotationsByResource = Collections.unmodifiableMap(grouped);
    this.worklists = List.copyOf(worklists != null ? worklists : source.worklists());
    this.splitHistory = List.copyOf(source.splitHistory());
    this.fileStore = source.fileStore();
    this.source = source;
  }

  /** Reads the whole project from {@code source}. */
  public static ProjectSnapshot load(ProjectSource source) {
    return timed(source, null);
  }

  /**
   * Reads the project from {@code source} but for its worklists, which were read from it already
   * (so a table whose columns were computed from them is made of the same worklists).
   */
  public static ProjectSnapshot load(ProjectSource source, List<Worklist> worklists) {
    return timed(source, java.util.Objects.requireNonNull(worklists, "worklists"));
  }

  /** Loads a snapshot, timing the load and counting its API requests. */
  private static ProjectSnapshot timed(ProjectSource source, List<Worklist> worklists) {
    ApiCallStats api = new ApiCallStats();
    long start = System.nanoTime();
    ProjectSnapshot snapshot;
    try (ApiCallStats.Binding binding = api.bind()) {
      snapshot = new ProjectSnapshot(source, worklists);
    }
    snapshot.loadNanos = System.nanoTime() - start;
    snapshot.metadataRequests = api.requests();
    return snapshot;
  }

  /** Nanoseconds spent reading the project's metadata into this snapshot. */
  public long loadNanos() {
    return loadNanos;
  }

  /** Requests sent to the Datamint API for this snapshot (0 for a mirror). */
  public long metadataRequests() {
    return metadataRequests;
  }

  public String sourceDescription() {
    return sourceDescription;
  }

  public Project project() {
    return project;
  }

  /** Resources in source order. */
  public List<Resource> resources() {
    return resources;
  }

  /** The annotations of one resource, in source order; empty when it has none. */
  public List<Annotation> annotationsOf(String resourceId) {
    return annotationsByResource.getOrDefault(resourceId, List.of());
  }

  public List<Worklist> worklists() {
    return worklists;
  }

  public List<SplitAssignment> splitHistory() {
    return splitHistory;
  }

  /**
   * The project's split assignments valid at {@code asOfTimestamp} (null: now), asked of the source
   * once per instant and kept (a project mirror answers from its history, the API from its own).
   */
  public Map<String, String> splitAssignments(String asOfTimestamp) {
    return splitsAsOf.computeIfAbsent(
        asOfTimestamp == null ? "" : asOfTimestamp,
        key ->
            Collections.unmodifiableMap(
                new LinkedHashMap<>(source.splitAssignments(asOfTimestamp))));
  }

  public ResourceFileStore fileStore() {
    return fileStore;
  }
}
