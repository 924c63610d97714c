package io.datamint.spark.internal.dataset;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A shell pattern matched as Python's {@code fnmatch.fnmatch} does on POSIX (case-sensitive, whole
 * name): {@code *} any run of characters, {@code ?} one character, {@code [seq]} one of seq (ranges
 * allowed), {@code [!seq]} none of seq; a {@code [} with no closing {@code ]} is literal.
 */
final class FilenamePattern implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String pattern;
  private final Pattern regex;

  private FilenamePattern(String pattern) {
    this.pattern = pattern;
    this.regex = Pattern.compile(translate(pattern), Pattern.DOTALL);
  }

  /** Compiles a shell pattern. */
  public static FilenamePattern compile(String pattern) {
    return new FilenamePattern(pattern);
  }

  /** True when the whole {@code name} matches; a null name never matches. */
  public boolean matches(String name) {
    return name != null && regex.matcher(name).matches();
  }

  /** The Java regular expression equivalent to a shell pattern. */
  static String translate(String pattern) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = pattern.length();
    while (i < n) {
      char c = pattern.charAt(i++);
      if (c == '*') {
        out.append(".*");
      } else if (c == '?') {
        out.append('.');
      } else if (c == '[') {
        int j = i;
        if (j < n && pattern.charAt(j) == '!') {
          j++;
        }
        if (j < n && pattern.charAt(j) == ']') {
          j++;
        }
        while (j < n && pattern.charAt(j) != ']') {
          j++;
        }
        if (j >= n) {
          out.append("\\[");
        } else {
          out.append(characterClass(pattern.substring(i, j)));
          i = j + 1;
        }
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }

  private static String characterClass(String body) {
    StringBuilder out = new StringBuilder("[");
    int start = 0;
    if (body.startsWith("!")) {
      out.append('^');
      start = 1;
    }
    for (int k = start; k < body.length(); k++) {
      char c = body.charAt(k);
      if (c == '-' && k > start && k < body.length() - 1) {
        out.append('-'); // a range such as a-z
      } else if (Character.isLetterOrDigit(c)) {
        out.append(c);
      } else {
        out.append('\\').append(c);
      }
    }
    return out.append(']').toString();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
