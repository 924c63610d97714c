package io.datamint.spark.internal.server;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which faults the server injects, parsed from a spec such as {@code
 * rate429=0.2,retryAfter=1,rate500=0.1,slowMs=200,slowRate=0.1,truncateRate=0.05,dropRate=0.05,seed=7}.
 *
 * <p>Grammar: comma-separated {@code key=value} pairs, each key at most once, whitespace around
 * items ignored; an empty spec (or {@code none}) injects nothing. Keys:
 *
 * <ul>
 *   <li>{@code rate429} (0..1): share of requests answered {@code 429} with a {@code Retry-After}
 *       header;
 *   <li>{@code retryAfter} (integer seconds, default 1): the {@code Retry-After} value;
 *   <li>{@code rate500} (0..1): share answered {@code 500 {"error": "injected server error"}};
 *   <li>{@code slowRate} (0..1, default 1 when {@code slowMs} is given): share delayed by {@code
 *       slowMs} before anything else happens;
 *   <li>{@code slowMs} (integer milliseconds, default 0): the delay;
 *   <li>{@code truncateRate} (0..1): share whose body is cut short: the declared {@code
 *       Content-Length} is the full length, about half the bytes are sent, then the connection is
 *       closed;
 *   <li>{@code dropRate} (0..1): share whose connection is closed without any response;
 *   <li>{@code seed} (64-bit integer, default 0): seed of the decisions.
 * </ul>
 *
 * <p>Each request draws five numbers from one random generator seeded with {@code seed}, in arrival
 * order, so a sequential client sees the same faults on every run. The delay is decided on its own;
 * then the first of drop, 429, 500, truncate whose draw falls under its rate applies. Rates of 1
 * apply to every request.
 */
public final class FaultPlan {

  /** No faults. */
  public static final FaultPlan NONE = new FaultPlan(0, 1, 0, 0, 0, 0, 0, 0);

  private final double rate429;
  private final int retryAfterSeconds;
  private final double rate500;
  private final double slowRate;
  private final long slowMs;
  private final double truncateRate;
  private final double dropRate;
  private final long seed;

  private FaultPlan(
      double rate429,
      int retryAfterSeconds,
      double rate500,
      double slowRate,
      long slowMs,
      double truncateRate,
      double dropRate,
      long seed) {
    this.rate429 = rate429;
    this.retryAfterSeconds = retryAfterSeconds;
    this.rate500 = rate500;
    this.slowRate = slowRate;
    this.slowMs = slowMs;
    this.truncateRate = truncateRate;
    this.dropRate = dropRate;
    this.seed = seed;
  }

  /**
   * Parses a spec (see the class documentation).
   *
   * @throws IllegalArgumentException naming the bad item and the grammar, on any malformed spec
   */
  public static FaultPlan parse(String spec) {
    if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("none")) {
      return NONE;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String item : spec.split(",", -1)) {
      String trimmed = item.trim();
      int eq = trimmed.indexOf('=');
      if (eq <= 0 || eq == trimmed.length() - 1) {
        throw bad("\"" + trimmed + "\" is not key=value");
      }
      String key = trimmed.substring(0, eq).trim();
      if (values.put(key, trimmed.substring(eq + 1).trim()) != null) {
        throw bad("key " + key + " given twice");
      }
    }
    double rate429 = 0;
    int retryAfter = 1;
    double rate500 = 0;
    Double slowRate = null;
    long slowMs = 0;
    double truncateRate = 0;
    double dropRate = 0;
    long seed = 0;
    for (Map.Entry<String, String> e : values.entrySet()) {
      String v = e.getValue();
      switch (e.getKey()) {
        case "rate429" -> rate429 = rate(e.getKey(), v);
        case "retryAfter" -> retryAfter = (int) integer(e.getKey(), v, Integer.MAX_VALUE);
        case "rate500" -> rate500 = rate(e.getKey(), v);
        case "slowRate" -> slowRate = rate(e.getKey(), v);
        case "slowMs" -> slowMs = integer(e.getKey(), v, 3_600_000L);
        case "truncateRate" -> truncateRate = rate(e.getKey(), v);
        case "dropRate" -> dropRate = rate(e.getKey(), v);
        case "seed" -> {
          try {
            seed = Long.parseLong(v);
          } catch (NumberFormatException ex) {
            throw bad("seed must be a 64-bit integer, not \"" + v + "\"");
          }
        }
        default -> throw bad("unknown key \"" + e.getKey() + "\"");
      }
    }
    double slow = slowRate != null ? slowRate : (slowMs > 0 ? 1.0 : 0.0);
    return new FaultPlan(rate429, retryAfter, rate500, slow, slowMs, truncateRate, dropRate, seed);
  }

  /** The grammar, for usage messages. */
  public static String grammar() {
    return "comma-separated key=value: rate429, rate500, slowRate, truncateRate, dropRate (shares 0..1), "
        + "retryAfter (seconds, default 1), slowMs (milliseconds), seed (integer); e.g. "
        + "rate429=0.2,retryAfter=1,rate500=0.1,slowMs=200,slowRate=0.1,truncateRate=0.05,dropRate=0.05,seed=7";
  }

  private static double rate(String key, String value) {
    try {
      double d = Double.parseDouble(value);
      if (d >= 0 && d <= 1) {
        return d;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw bad(key + " must be a number from 0 to 1, not \"" + value + "\"");
  }

  private static long integer(String key, String value, long max) {
    try {
      long n = Long.parseLong(value);
      if (n >= 0 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw bad(key + " must be an integer from 0 to " + max + ", not \"" + value + "\"");
  }

  private static IllegalArgumentException bad(String what) {
    return new IllegalArgumentException("bad fault spec: " + what + " (" + grammar() + ")");
  }

  /** Whether this plan injects anything. */
  public boolean isNone() {
    return rate429 == 0
        && rate500 == 0
        && (slowRate == 0 || slowMs == 0)
        && truncateRate == 0
        && dropRate == 0;
  }

  double rate429() {
    return rate429;
  }

  int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  double rate500() {
    return rate500;
  }

  double slowRate() {
    return slowRate;
  }

  long slowMs() {
    return slowMs;
  }

  double truncateRate() {
    return truncateRate;
  }

  double dropRate() {
    return dropRate;
  }

  long seed() {
    return seed;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "rate429=%s,retryAfter=%d,rate500=%s,slowMs=%d,slowRate=%s,truncateRate=%s,"
            + "dropRate=%s,seed=%d",
        rate429,
        retryAfterSeconds,
        rate500,
        slowMs,
        slowRate,
        truncateRate,
        dropRate,
        seed);
  }
}
