package io.datamint.spark.internal.source;

import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.Project;
import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.api.model.SplitAssignment;
import io.datamint.spark.internal.api.model.Worklist;
import java.util.List;
import java.util.Map;

/**
 * The driver-side view of one Datamint project. Every call reads the source afresh; callers that
 * need a consistent view take a {@link ProjectSnapshot}. Failures are {@link
 * ProjectSourceException}s whose message names the file and line, or the endpoint, that was wrong.
 */
public interface ProjectSource {

  /**
   * Where this project is read from, for messages and {@code explain()}; never contains a secret.
   */
  String describe();

  /** The project object. */
  Project project();

  /** The project's resources in the source's order (the order the API lists them). */
  List<Resource> resources();

  /** Every annotation of the given resources, in source order. */
  List<Annotation> annotations(List<Resource> resources);

  /** The project's worklists with their annotation specs and segmentation groups. */
  List<Worklist> worklists();

  /**
   * The split-assignment history this source knows: every row of a mirror's {@code splits.jsonl};
   * the API, which keeps its history to itself, gives the current assignments.
   */
  List<SplitAssignment> splitHistory();

  /**
   * The split assignments valid at an instant, as resource id to split name.
   *
   * @param asOfTimestamp an ISO-8601 instant exactly as the user gave it (the API receives it
   *     unchanged, as from the SDK), or null for the current assignments
   */
  Map<String, String> splitAssignments(String asOfTimestamp);

  /** The executor-side handle to this project's files. */
  ResourceFileStore fileStore();
}
