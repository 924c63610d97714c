package io.datamint.spark.internal.api.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * What one metadata listing (a mirror file, an API endpoint's list) is and where its current item
 * is, and the problems of its non-essential fields, counted so that each is reported once: a field
 * that was not accepted (with how many items and the first one) and unknown values of enum-like
 * fields (each value with its count). Positions are 1-based lines of a file or 0-based items of a
 * listing; an item parsed again (a page read again after a retry) is not counted twice.
 */
public final class MetadataIssues {

  /** The most distinct unknown values remembered per field. */
  private static final int MAX_VALUES = 20;

  private final String source;
  private final boolean lines;
  private long position = -1;
  private long counted = -1;
  private boolean counting = true;
  private final Map<String, Rejected> rejected = new LinkedHashMap<>();
  private final Map<String, Map<String, Integer>> unknown = new LinkedHashMap<>();

  private MetadataIssues(String source, boolean lines) {
    this.source = source;
    this.lines = lines;
  }

  /** The issues of a file whose items are numbered by 1-based line. */
  public static MetadataIssues ofFile(String file) {
    return new MetadataIssues(file, true);
  }

  /** The issues of a listing (an endpoint, a JSON list) whose items are numbered from 0. */
  public static MetadataIssues ofListing(String what) {
    return new MetadataIssues(what, false);
  }

  /** Where the items come from (the file, the endpoint). */
  public String source() {
    return source;
  }

  /** The item being read is at {@code position} (a line, or an item index). */
  public void at(long position) {
    this.position = position;
    counting = position > counted;
    if (counting) {
      counted = position;
    }
  }

  /** The current item, for a message: {@code file line 3}, {@code GET /x item 2}, or the source. */
  public String where() {
    return position < 0 ? source : where(position);
  }

  /** The item at {@code position}, for a message. */
  public String where(long position) {
    return source + (lines ? " line " : " item ") + position;
  }

  /** Two items, for a message: {@code file lines 2 and 5}. */
  public String where(long first, long second) {
    return source + (lines ? " lines " : " items ") + first + " and " + second;
  }

  /** Counts a non-essential field of the current item that was read as absent. */
  void reject(String field, String found, String accepted) {
    if (!counting) {
      return;
    }
    Rejected r = rejected.get(field);
    if (r == null) {
      rejected.put(field, new Rejected(where(), found, accepted));
    } else {
      r.count++;
    }
  }

  /** Counts an unknown value of an enum-like field of the current item (the item is kept). */
  void unknownValue(String field, String value) {
    if (!counting) {
      return;
    }
    Map<String, Integer> values = unknown.computeIfAbsent(field, k -> new LinkedHashMap<>());
    if (values.containsKey(value) || values.size() < MAX_VALUES) {
      values.merge(value, 1, Integer::sum);
    }
  }

  /** One sentence per field with a problem; empty when there was none. */
  public List<String> summaries() {
    List<String> out = new ArrayList<>();
    rejected.forEach(
        (field, r) ->
            out.add(
                source
                    + ": field \""
                    + field
                    + "\" was not accepted in "
                    + r.count
                    + (r.count == 1 ? " item" : " items")
                    + ", read as if absent (first at "
                    + r.first
                    + ": found "
                    + r.found
                    + "; accepted: "
                    + r.accepted
                    + ")"));
    unknown.forEach(
        (field, values) -> {
          List<String> listed = new ArrayList<>();
          values.forEach((value, n) -> listed.add("\"" + value + "\" (" + n + ")"));
          out.add(
              source
                  + ": unknown value"
                  + (values.size() == 1 ? "" : "s")
                  + " of field \""
                  + field
                  + "\": "
                  + String.join(", ", listed)
                  + "; the items are kept");
        });
    return out;
  }

  /** Logs each summary as one warning. */
  public void log(Logger log) {
    for (String summary : summaries()) {
      log.warn(summary);
    }
  }

  /** A field not accepted: where first, what was found, what is accepted, how many times. */
  private static final class Rejected {
    final String first;
    final String found;
    final String accepted;
    int count = 1;

    Rejected(String first, String found, String accepted) {
      this.first = first;
      this.found = found;
      this.accepted = accepted;
    }
  }
}
