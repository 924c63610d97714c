package io.datamint.spark.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

  @Test
  void splitsOnSemicolonsAndTrims() {
    assertThat(SqlScript.split("SELECT 1;  SELECT 2 ;\nSELECT 3"))
        .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
  }

  @Test
  void singleStatementWithoutSemicolon() {
    assertThat(SqlScript.split("SELECT 1 AS a, 'x' AS b"))
        .containsExactly("SELECT 1 AS a, 'x' AS b");
  }

  @Test
  void trailingSemicolonAndEmptyStatementsAreDropped() {
    assertThat(SqlScript.split("SELECT 1;")).containsExactly("SELECT 1");
    assertThat(SqlScript.split(";;SELECT 1;; ;\n;")).containsExactly("SELECT 1");
    assertThat(SqlScript.split("")).isEmpty();
    assertThat(SqlScript.split("  ;\n\t; ")).isEmpty();
  }

  @Test
  void semicolonInsideSingleQuotedStringDoesNotSplit() {
    assertThat(SqlScript.split("SELECT 'a;b' AS x; SELECT 2"))
        .containsExactly("SELECT 'a;b' AS x", "SELECT 2");
  }

  @Test
  void semicolonInsideDoubleQuotedStringDoesNotSplit() {
    assertThat(SqlScript.split("SELECT \"a;b\"; SELECT 2"))
        .containsExactly("SELECT \"a;b\"", "SELECT 2");
  }

  @Test
  void doubledSingleQuoteIsAnEscape() {
    assertThat(SqlScript.split("SELECT 'it''s; fine'; SELECT 2"))
        .containsExactly("SELECT 'it''s; fine'", "SELECT 2");
    assertThat(SqlScript.split("SELECT ''; SELECT ''''; SELECT 3"))
        .containsExactly("SELECT ''", "SELECT ''''", "SELECT 3");
  }

  @Test
  void backslashEscapesQuoteInsideString() {
    assertThat(SqlScript.split("SELECT 'it\\'s; fine'; SELECT 2"))
        .containsExactly("SELECT 'it\\'s; fine'", "SELECT 2");
    assertThat(SqlScript.split("SELECT \"say \\\"hi;\\\"\"; SELECT 2"))
        .containsExactly("SELECT \"say \\\"hi;\\\"\"", "SELECT 2");
  }

  @Test
  void escapedBackslashBeforeClosingQuoteEndsTheString() {
    // 'a\\' is the string a\ ; the following ; separates statements.
    assertThat(SqlScript.split("SELECT 'a\\\\'; SELECT 2"))
        .containsExactly("SELECT 'a\\\\'", "SELECT 2");
  }

  @Test
  void otherQuoteKindsInsideAStringAreLiteral() {
    assertThat(SqlScript.split("SELECT 'a\"b;`c'; SELECT \"it's;\"; SELECT 3"))
        .containsExactly("SELECT 'a\"b;`c'", "SELECT \"it's;\"", "SELECT 3");
  }

  @Test
  void semicolonInsideBackquotedIdentifierDoesNotSplit() {
    assertThat(SqlScript.split("SELECT 1 AS `a;b`; SELECT 2"))
        .containsExactly("SELECT 1 AS `a;b`", "SELECT 2");
    assertThat(SqlScript.split("SELECT 1 AS `a``;b`; SELECT 2"))
        .containsExactly("SELECT 1 AS `a``;b`", "SELECT 2");
  }

  @Test
  void backslashIsNotAnEscapeInBackquotes() {
    assertThat(SqlScript.split("SELECT 1 AS `a\\`; SELECT 2"))
        .containsExactly("SELECT 1 AS `a\\`", "SELECT 2");
  }

  @Test
  void lineCommentHidesSemicolonsAndQuotesUntilEndOfLine() {
    assertThat(SqlScript.split("SELECT 1 -- one; it's\n; SELECT 2"))
        .containsExactly("SELECT 1 -- one; it's", "SELECT 2");
  }

  @Test
  void blockCommentHidesSemicolonsAndQuotes() {
    assertThat(SqlScript.split("SELECT /* a; 'b */ 1; SELECT 2"))
        .containsExactly("SELECT /* a; 'b */ 1", "SELECT 2");
    assertThat(SqlScript.split("/* multi\n line; */ SELECT 1"))
        .containsExactly("/* multi\n line; */ SELECT 1");
  }

  @Test
  void blockCommentsNestAsInSpark() {
    assertThat(SqlScript.split("SELECT /* outer /* inner; */ still; */ 1; SELECT 2"))
        .containsExactly("SELECT /* outer /* inner; */ still; */ 1", "SELECT 2");
  }

  @Test
  void hintsAreKeptVerbatim() {
    assertThat(SqlScript.split("SELECT /*+ REPARTITION(2) */ * FROM t; SELECT 2"))
        .containsExactly("SELECT /*+ REPARTITION(2) */ * FROM t", "SELECT 2");
  }

  @Test
  void commentMarkersInsideStringsAreLiteral() {
    assertThat(SqlScript.split("SELECT '--x;' AS a; SELECT '/*' AS b; SELECT 3"))
        .containsExactly("SELECT '--x;' AS a", "SELECT '/*' AS b", "SELECT 3");
  }

  @Test
  void statementsOfOnlyCommentsAreDropped() {
    assertThat(SqlScript.split("SELECT 1; -- the end")).containsExactly("SELECT 1");
    assertThat(SqlScript.split("SELECT 1; /* done */ ;\n-- bye\n")).containsExactly("SELECT 1");
    assertThat(SqlScript.split("-- only a comment")).isEmpty();
  }

  @Test
  void leadingCommentStaysWithItsStatement() {
    assertThat(SqlScript.split("-- first\nSELECT 1;\n/* second */ SELECT 2;"))
        .containsExactly("-- first\nSELECT 1", "/* second */ SELECT 2");
  }

  @Test
  void singleMinusAndSlashAreOrdinaryCharacters() {
    assertThat(SqlScript.split("SELECT 4 - 1, 6 / 2; SELECT -1"))
        .containsExactly("SELECT 4 - 1, 6 / 2", "SELECT -1");
  }

  @Test
  void unterminatedLiteralOrCommentRunsToTheEnd() {
    assertThat(SqlScript.split("SELECT 1; SELECT 'open; SELECT 3"))
        .containsExactly("SELECT 1", "SELECT 'open; SELECT 3");
    assertThat(SqlScript.split("SELECT 1; SELECT /* open; SELECT 3"))
        .containsExactly("SELECT 1", "SELECT /* open; SELECT 3");
    assertThat(SqlScript.split("SELECT 'trailing backslash\\"))
        .containsExactly("SELECT 'trailing backslash\\");
  }

  @Test
  void multiLineScript() {
    String script =
        String.join(
            "\n",
            "CREATE TEMPORARY VIEW v USING datamint OPTIONS (path '/data/p;1', project 'x');",
            "",
            "-- count the rows; all of them",
            "SELECT count(*) FROM v;",
            "");
    assertThat(SqlScript.split(script))
        .containsExactly(
            "CREATE TEMPORARY VIEW v USING datamint OPTIONS (path '/data/p;1', project 'x')",
            "-- count the rows; all of them\nSELECT count(*) FROM v");
  }

  @Test
  void resultIsImmutable() {
    assertThat(SqlScript.split("SELECT 1")).isUnmodifiable();
  }

  @Test
  void firstKeywordSkipsWhiteSpaceAndComments() {
    assertThat(SqlScript.firstKeyword("explain SELECT 1")).isEqualTo("EXPLAIN");
    assertThat(
            SqlScript.firstKeyword(
                "  -- a; b\n /* x /* nested */ y */\n\tExplain\nFORMATTED SELECT 1"))
        .isEqualTo("EXPLAIN");
    assertThat(SqlScript.firstKeyword("SELECT 'EXPLAIN'")).isEqualTo("SELECT");
    assertThat(SqlScript.firstKeyword("(SELECT 1)")).isEmpty();
    assertThat(SqlScript.firstKeyword("-- only a comment")).isEmpty();
  }
}
