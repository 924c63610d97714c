package io.datamint.spark.internal.plan;

import java.io.Serializable;

/**
 * The split a resource's rows are in, as the SDK's sub-datasets record it: the split's name, how it
 * was assigned ({@code local}, {@code local_by_patient}, {@code project_api}, {@code server_tags}),
 * and for project splits the instant the assignments were read as of. {@link #NONE} when the read
 * asks for no split or the resource has no assignment.
 */
public record SplitMembership(String split, String source, String asOfTimestamp)
    implements Serializable {

  /** No split. */
  public static final SplitMembership NONE = new SplitMembership(null, null, null);
}
