package io.datamint.spark.internal.source.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.client.ApiClients;
import io.datamint.spark.internal.api.client.ApiSettings;
import io.datamint.spark.internal.api.client.DatamintApiClient;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.source.ProjectSourceException;
import io.datamint.spark.internal.source.SplitAssignmentSink;
import io.datamint.spark.internal.split.ProjectSplits;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Split assignments posted to a Datamint server, one {@code POST /projects/{id}/splits} per split
 * in the user's order (the API takes one split name per call and refuses an empty list, so an empty
 * split assigns nothing).
 */
public final class ApiSplitSink implements SplitAssignmentSink {

  private final ApiSettings settings;
  private final String projectId;

  /** A sink for project {@code projectId} on the server of {@code settings}. */
  public ApiSplitSink(ApiSettings settings, String projectId) {
    this.settings = settings;
    this.projectId = projectId;
  }

  @Override
  public String assign(
      Map<String, String> assignments, List<String> splitOrder, String createdBy, Clock clock) {
    try (ApiClients.Lease lease = ApiClients.acquire(settings)) {
      return assign(lease.client(), assignments, splitOrder, createdBy, clock);
    }
  }

  private String assign(
      DatamintApiClient client,
      Map<String, String> assignments,
      List<String> splitOrder,
      String createdBy,
      Clock clock) {
    List<JsonNode> rows = new ArrayList<>();
    List<String> saved = new ArrayList<>();
    for (String split : splitOrder) {
      List<String> ids = new ArrayList<>();
      assignments.forEach(
          (id, name) -> {
            if (name.equals(split)) {
              ids.add(id);
            }
          });
      if (ids.isEmpty()) {
        continue;
      }
      try {
        rows.addAll(client.assignSplit(projectId, ids, split));
      } catch (RuntimeException e) {
        throw new ProjectSourceException(
            "saving split \""
                + split
                + "\" failed"
                + (saved.isEmpty()
                    ? "; nothing was saved"
                    : " after splits "
                        + saved
                        + " were saved (run again with "
                        + "force=true to assign every split anew)")
                + ": "
                + e.getMessage(),
            e);
      }
      saved.add(split);
    }
    String latest = latestCreatedAt(rows);
    // the server's own instant when its answers say; else now, after the last one
    return latest != null ? latest : ProjectSplits.nowTimestamp(clock);
  }

  private static String latestCreatedAt(List<JsonNode> rows) {
    Instant latest = null;
    String text = null;
    for (JsonNode row : rows) {
      String created = Json.text(row, "created_at");
      if (created == null) {
        continue;
      }
      try {
        Instant at = ProjectSplits.parseTimestamp(created, "created_at");
        if (latest == null || at.isAfter(latest)) {
          latest = at;
          text = created;
        }
      } catch (IllegalArgumentException e) {
        // not an instant we can compare: ignore this row's
      }
    }
    return text;
  }
}
