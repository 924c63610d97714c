package io.datamint.spark.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL script into statements on {@code ;}.
 *
 * <p>A semicolon separates statements only outside
 *
 * <ul>
 *   <li>single- and double-quoted string literals, where a backslash escapes the next character
 *       ({@code 'it\'s'}) and a doubled quote ({@code 'it''s'}) reads as two adjacent literals, as
 *       in Spark;
 *   <li>back-quoted identifiers ({@code `a;b`}, a doubled back-quote escapes one);
 *   <li>{@code --} comments, which run to the end of the line;
 *   <li>{@code /* ... *}{@code /} comments (and hints), which nest as in Spark's lexer.
 * </ul>
 *
 * <p>Statements are returned verbatim (comments and hints included) with surrounding white space
 * removed. A statement that holds nothing but white space and comments is dropped, so a trailing
 * semicolon or a trailing comment does not make an empty statement. An unterminated literal or
 * comment extends to the end of the script; Spark's parser then reports it.
 *
 * <p>Not supported: Spark's {@code BEGIN ... END} compound statements (SQL scripting), whose inner
 * semicolons are split like any other, and {@code spark.sql.parser.escapedStringLiterals=true},
 * under which a backslash does not escape a quote.
 */
public final class SqlScript {

  private SqlScript() {}

  /** Returns the non-empty statements of {@code script}, in order. */
  public static List<String> split(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean hasCode = false; // anything other than white space and comments since the last ';'
    int length = script.length();
    int i = 0;
    while (i < length) {
      char c = script.charAt(i);
      char next = i + 1 < length ? script.charAt(i + 1) : '\0';
      int end;
      if (c == '\'' || c == '"' || c == '`') {
        end = endOfQuoted(script, i);
        hasCode = true;
      } else if (c == '-' && next == '-') {
        int newline = script.indexOf('\n', i);
        end = newline < 0 ? length : newline;
      } else if (c == '/' && next == '*') {
        end = endOfBlockComment(script, i);
      } else if (c == ';') {
        addIfCode(statements, current, hasCode);
        current.setLength(0);
        hasCode = false;
        i++;
        continue;
      } else {
        end = i + 1;
        hasCode |= !Character.isWhitespace(c);
      }
      current.append(script, i, end);
      i = end;
    }
    addIfCode(statements, current, hasCode);
    return List.copyOf(statements);
  }

  /**
   * The first word of {@code statement} after leading white space and comments, in upper case
   * ({@code "EXPLAIN"}, {@code "SELECT"}, ...), or the empty string when it starts with no word (a
   * parenthesis, a literal, nothing).
   */
  public static String firstKeyword(String statement) {
    int i = 0;
    int length = statement.length();
    while (i < length) {
      char c = statement.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (statement.startsWith("--", i)) {
        int newline = statement.indexOf('\n', i);
        i = newline < 0 ? length : newline;
      } else if (statement.startsWith("/*", i)) {
        i = endOfBlockComment(statement, i);
      } else {
        break;
      }
    }
    int start = i;
    while (i < length && (Character.isLetter(statement.charAt(i)) || statement.charAt(i) == '_')) {
      i++;
    }
    return statement.substring(start, i).toUpperCase(Locale.ROOT);
  }

  private static void addIfCode(List<String> statements, StringBuilder statement, boolean hasCode) {
    if (hasCode) {
      statements.add(statement.toString().strip());
    }
  }

  /** The index just after the literal or identifier opened by the quote at {@code start}. */
  private static int endOfQuoted(String script, int start) {
    char quote = script.charAt(start);
    boolean backslashEscapes = quote != '`';
    int i = start + 1;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        return i + 1; // a doubled quote re-opens at once, which reads the same as an escape
      } else {
        i++;
      }
    }
    return script.length();
  }

  /** The index just after the (possibly nested) block comment opened at {@code start}. */
  private static int endOfBlockComment(String script, int start) {
    int depth = 0;
    int i = start;
    while (i < script.length()) {
      if (script.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (script.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return script.length();
  }
}
