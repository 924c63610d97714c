package io.datamint.spark.internal.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ordered split ratios of a local split, the SDK's {@code split(train=0.7, val=0.15,
 * test=0.15)} keyword arguments. The order matters: counts are taken in that order and the last
 * split takes the rest. Validated as the SDK's {@code _split_locally}: at least 2 splits, every
 * ratio {@code > 0}, {@code |sum - 1| <= 0.01}.
 */
public final class SplitRatios {

  private final LinkedHashMap<String, Double> ratios;

  private SplitRatios(LinkedHashMap<String, Double> ratios) {
    this.ratios = ratios;
  }

  /**
   * Parses the {@code split} option, e.g. {@code train=0.7,val=0.15,test=0.15}, keeping the order.
   *
   * @throws IllegalArgumentException on a malformed entry, a repeated name, or ratios the SDK
   *     rejects
   */
  public static SplitRatios parse(String option) {
    if (option == null || option.isBlank()) {
      throw new IllegalArgumentException(
          "option split: expected ordered ratios such as train=0.7,val=0.15,test=0.15, got '"
              + option
              + "'");
    }
    LinkedHashMap<String, Double> parsed = new LinkedHashMap<>();
    for (String entry : option.split(",", -1)) {
      int eq = entry.indexOf('=');
      String name = eq < 0 ? "" : entry.substring(0, eq).trim();
      String value = eq < 0 ? "" : entry.substring(eq + 1).trim();
      if (name.isEmpty() || value.isEmpty()) {
        throw new IllegalArgumentException(
            "option split: entry '"
                + entry.trim()
                + "' of '"
                + option
                + "' is not name=ratio (expected e.g. train=0.7,val=0.15,test=0.15)");
      }
      double ratio;
      try {
        ratio = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "option split: ratio '"
                + value
                + "' of split '"
                + name
                + "' in '"
                + option
                + "' is not a number");
      }
      if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
        throw new IllegalArgumentException(
            "option split: ratio '"
                + value
                + "' of split '"
                + name
                + "' in '"
                + option
                + "' is not finite");
      }
      if (parsed.put(name, ratio) != null) {
        throw new IllegalArgumentException(
            "option split: split '" + name + "' is given twice in '" + option + "'");
      }
    }
    return of(parsed);
  }

  /**
   * Ratios from a map, in its iteration order.
   *
   * @throws IllegalArgumentException with the SDK's messages: fewer than 2 splits, a ratio {@code
   *     <= 0}, or a sum more than 0.01 away from 1
   */
  public static SplitRatios of(Map<String, Double> ratios) {
    LinkedHashMap<String, Double> copy = new LinkedHashMap<>(ratios);
    if (copy.size() < 2) {
      throw new IllegalArgumentException(
          "At least 2 splits are required (e.g. train=0.7, test=0.3).");
    }
    for (Map.Entry<String, Double> e : copy.entrySet()) {
      if (e.getValue() == null || !(e.getValue() > 0)) {
        throw new IllegalArgumentException(
            "Split ratio for '"
                + e.getKey()
                + "' must be positive, got "
                + pyFloat(e.getValue())
                + ".");
      }
    }
    double total = 0;
    for (double r : copy.values()) {
      total += r;
    }
    if (Math.abs(total - 1.0) > 0.01) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Split ratios must sum to 1.0 (got %.4f). Provided: %s",
              total,
              pyDict(copy)));
    }
    return new SplitRatios(copy);
  }

  /** The split names, in order. */
  public List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(ratios.keySet()));
  }

  /** The ratio of a split, or null when there is no such split. */
  public Double ratio(String name) {
    return ratios.get(name);
  }

  /** The number of splits. */
  public int size() {
    return ratios.size();
  }

  /** The ratios, in order (unmodifiable). */
  public Map<String, Double> asMap() {
    return Collections.unmodifiableMap(ratios);
  }

  /**
   * The number of items of each split for {@code n} items: {@code round_half_even(ratio * n)} for
   * every split but the last, which takes the rest (negative only if the ratios overshoot, clamped
   * so that slices stay valid).
   */
  int[] counts(int n) {
    int[] counts = new int[ratios.size()];
    int start = 0;
    int i = 0;
    for (double ratio : ratios.values()) {
      int end = i == counts.length - 1 ? n : Math.min(n, start + (int) Math.rint(ratio * n));
      counts[i++] = end - start;
      start = end;
    }
    return counts;
  }

  @Override
  public String toString() {
    return pyDict(ratios);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SplitRatios other
        && new ArrayList<>(ratios.entrySet()).equals(new ArrayList<>(other.ratios.entrySet()));
  }

  @Override
  public int hashCode() {
    return new ArrayList<>(ratios.entrySet()).hashCode();
  }

  private static String pyDict(Map<String, Double> map) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Double> e : map.entrySet()) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append('\'').append(e.getKey()).append("': ").append(pyFloat(e.getValue()));
    }
    return sb.append('}').toString();
  }

  private static String pyFloat(Double value) {
    return value == null ? "None" : Double.toString(value);
  }
}
