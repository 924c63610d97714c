package io.datamint.spark.internal.util;

import java.util.Collection;

/** Finds the closest valid name to a misspelled one, for "did you mean" messages. */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate with the smallest edit distance to {@code input} (case-insensitive), or null when
   * none is within a third of the longer name's length (at least 2 edits), so that unrelated names
   * are not suggested.
   */
  public static String closest(String input, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = input.toLowerCase(java.util.Locale.ROOT);
    for (String candidate : candidates) {
      int d = distance(lower, candidate.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    if (best == null) {
      return null;
    }
    int allowed = Math.max(2, Math.max(input.length(), best.length()) / 3);
    return bestDistance <= allowed ? best : null;
  }

  /**
   * Optimal string alignment distance: insertions, deletions, substitutions and adjacent
   * transpositions.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
