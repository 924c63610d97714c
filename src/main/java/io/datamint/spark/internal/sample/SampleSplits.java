package io.datamint.spark.internal.sample;

import static io.datamint.spark.internal.sample.SampleContext.ALICE;
import static io.datamint.spark.internal.sample.SampleContext.BOB;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample project's split history ({@code splits.jsonl}): a first assignment of every resource
 * but one on {@link SampleTime#FIRST_SPLIT}, then three resources re-assigned on {@link
 * SampleTime#RESPLIT}; the replaced rows get {@code deleted_at} at that instant. So {@code
 * as_of_timestamp} before, between and after the two instants gives three different answers, and
 * one resource never has a split.
 */
final class SampleSplits {

  /** First assignment, by resource key; {@code us-carotid-anon} is never assigned. */
  static final Map<String, String> FIRST = new LinkedHashMap<>();

  /** Re-assignment, by resource key. */
  static final Map<String, String> SECOND = new LinkedHashMap<>();

  static {
    FIRST.put("ct-abd-p001", "train");
    FIRST.put("ct-abd-p002", "train");
    FIRST.put("ct-chest-p003", "val");
    FIRST.put("ct-abd-p001-dcm", "train");
    FIRST.put("ct-chest-p004-dcm", "test");
    FIRST.put("cxr-p001-pa", "train");
    FIRST.put("cxr-p002-pa", "train");
    FIRST.put("cxr-p003-ap", "val");
    FIRST.put("cxr-p005-lat", "train");
    FIRST.put("cxr-anon-0001", "test");
    FIRST.put("cxr-p006-pa-rgb", "train");
    FIRST.put("us-carotid-p004", "train");
    SECOND.put("ct-abd-p002", "val");
    SECOND.put("cxr-p003-ap", "test");
    SECOND.put("cxr-anon-0001", "train");
  }

  private SampleSplits() {}

  /** The split rows, oldest first. */
  static List<ObjectNode> rows(SampleContext ctx, List<SampleResource> resources) {
    List<ObjectNode> rows = new ArrayList<>();
    for (SampleResource r : resources) {
      String split = FIRST.get(r.key());
      if (split != null) {
        boolean replaced = SECOND.containsKey(r.key());
        rows.add(
            row(
                ctx,
                r,
                split,
                1,
                SampleTime.FIRST_SPLIT,
                ALICE,
                replaced ? SampleTime.RESPLIT : null));
      }
    }
    for (SampleResource r : resources) {
      String split = SECOND.get(r.key());
      if (split != null) {
        rows.add(row(ctx, r, split, 2, SampleTime.RESPLIT, BOB, null));
      }
    }
    return rows;
  }

  private static ObjectNode row(
      SampleContext ctx,
      SampleResource r,
      String split,
      int generation,
      Instant created,
      String by,
      Instant deleted) {
    ObjectNode row = SampleContext.object();
    row.put("id", ctx.ids.id("split/" + r.key() + "/" + generation));
    row.put("split_name", split);
    row.put("project_id", ctx.projectId);
    row.put("resource_id", r.id());
    row.put("created_at", SampleTime.format(created));
    row.put("created_by", by);
    row.put("deleted_at", deleted == null ? null : SampleTime.format(deleted));
    row.put("deleted_by", deleted == null ? null : BOB);
    return row;
  }
}
