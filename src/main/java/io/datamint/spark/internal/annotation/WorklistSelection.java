package io.datamint.spark.internal.annotation;

import io.datamint.spark.internal.api.model.Worklist;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The SDK's {@code worklists} argument: {@code 'all'} (every worklist of the project), a list of
 * worklist ids or names (an empty list selects none, so the schema is empty), or none, which infers
 * the labels from the data.
 */
public final class WorklistSelection implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final WorklistSelection ALL = new WorklistSelection(null, false);
  private static final WorklistSelection INFERRED = new WorklistSelection(null, true);

  private final List<String> idsOrNames; // null = all
  private final boolean inferred;

  private WorklistSelection(List<String> idsOrNames, boolean inferred) {
    this.idsOrNames = idsOrNames;
    this.inferred = inferred;
  }

  /** Every worklist of the project ({@code worklists='all'}, the default). */
  public static WorklistSelection all() {
    return ALL;
  }

  /** No schema: labels are inferred from the data ({@code worklists=None}). */
  public static WorklistSelection inferred() {
    return INFERRED;
  }

  /**
   * These worklists, by id or name, in this order (duplicates ignored); an empty list selects none.
   */
  public static WorklistSelection of(List<String> idsOrNames) {
    return new WorklistSelection(List.copyOf(new LinkedHashSet<>(idsOrNames)), false);
  }

  /** Whether the labels are inferred from the data rather than read from worklists. */
  public boolean isInferred() {
    return inferred;
  }

  /**
   * The selected worklists of the project, in selection order ({@code all}: project order). An
   * entry matches a worklist's id first, else its name (the first worklist of that name).
   *
   * @throws LabelSchemaException when an entry matches no worklist, or the selection is {@link
   *     #inferred()}
   */
  public List<Worklist> select(List<Worklist> projectWorklists) {
    if (inferred) {
      throw new LabelSchemaException(
          "worklists=none selects no worklist: the labels are inferred from the data");
    }
    if (idsOrNames == null) {
      return List.copyOf(projectWorklists);
    }
    List<Worklist> out = new ArrayList<>();
    for (String key : idsOrNames) {
      Worklist match = find(projectWorklists, key);
      if (!out.contains(match)) {
        out.add(match);
      }
    }
    return out;
  }

  private static Worklist find(List<Worklist> worklists, String key) {
    for (Worklist w : worklists) {
      if (w.id().equals(key)) {
        return w;
      }
    }
    List<String> known = new ArrayList<>();
    for (Worklist w : worklists) {
      if (key.equals(w.name())) {
        return w;
      }
      known.add(w.name() == null ? w.id() : w.name() + " (" + w.id() + ")");
    }
    throw new LabelSchemaException(
        "worklists: \""
            + key
            + "\" is neither the id nor the name of a worklist of "
            + "the project; its worklists are "
            + known);
  }

  @Override
  public String toString() {
    return inferred ? "none" : idsOrNames == null ? "all" : idsOrNames.toString();
  }
}
