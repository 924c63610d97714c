package io.datamint.spark.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Table rendering without Spark; {@link SqlCliTest} covers the same against real query results. */
class ResultPrinterTest {

  private static final ZoneId UTC = ZoneOffset.UTC;

  @Test
  void alignsColumnsAndCountsRows() {
    StructType schema =
        new StructType().add("id", DataTypes.LongType).add("name", DataTypes.StringType);
    List<Row> rows = List.of(RowFactory.create(7L, "a"), RowFactory.create(1234L, "longer name"));
    assertThat(ResultPrinter.formatTable(schema, rows, UTC))
        .isEqualTo(
            String.join(
                "\n",
                "+------+-------------+",
                "|   id | name        |",
                "+------+-------------+",
                "|    7 | a           |",
                "| 1234 | longer name |",
                "+------+-------------+",
                "(2 rows)",
                ""));
  }

  @Test
  void oneRowAndNoRows() {
    StructType schema = new StructType().add("a_long_header", DataTypes.IntegerType);
    assertThat(ResultPrinter.formatTable(schema, List.of(RowFactory.create((Object) null)), UTC))
        .isEqualTo(
            String.join(
                "\n",
                "+---------------+",
                "| a_long_header |",
                "+---------------+",
                "|          NULL |",
                "+---------------+",
                "(1 row)",
                ""));
    assertThat(ResultPrinter.formatTable(schema, List.of(), UTC))
        .isEqualTo(
            String.join(
                "\n",
                "+---------------+",
                "| a_long_header |",
                "+---------------+",
                "(0 rows)",
                ""));
  }

  @Test
  void valuesAreNeverTruncated() {
    String longValue = "x".repeat(500);
    StructType schema = new StructType().add("s", DataTypes.StringType);
    assertThat(ResultPrinter.formatTable(schema, List.of(RowFactory.create(longValue)), UTC))
        .contains("| " + longValue + " |");
  }

  @Test
  void controlCharactersAreEscapedToKeepRowsOnOneLine() {
    StructType schema = new StructType().add("s", DataTypes.StringType);
    String table =
        ResultPrinter.formatTable(schema, List.of(RowFactory.create("a\nb\tc\r\u0007")), UTC);
    assertThat(table).contains("| a\\nb\\tc\\r\\u0007 |");
    assertThat(table.lines()).hasSize(6);
  }

  @Test
  void binaryIsSummarisedBySize() {
    assertThat(ResultPrinter.formatValue(new byte[] {1, 2, 3}, DataTypes.BinaryType, UTC))
        .isEqualTo("<3 bytes>");
    assertThat(ResultPrinter.formatValue(new byte[] {1}, DataTypes.BinaryType, UTC))
        .isEqualTo("<1 byte>");
    assertThat(ResultPrinter.formatValue(new byte[0], DataTypes.BinaryType, UTC))
        .isEqualTo("<0 bytes>");
  }

  @Test
  void timestampsUseTheGivenZoneAndTrimTrailingZeros() {
    Instant instant = Instant.parse("2024-05-01T12:00:00.123450Z");
    assertThat(
            ResultPrinter.formatValue(
                java.sql.Timestamp.from(instant), DataTypes.TimestampType, UTC))
        .isEqualTo("2024-05-01 12:00:00.12345");
    assertThat(
            ResultPrinter.formatValue(
                instant.minusNanos(123_450_000),
                DataTypes.TimestampType,
                ZoneId.of("Europe/Berlin")))
        .isEqualTo("2024-05-01 14:00:00");
    assertThat(
            ResultPrinter.formatValue(
                LocalDateTime.parse("2024-05-01T01:02:03"), DataTypes.TimestampNTZType, UTC))
        .isEqualTo("2024-05-01 01:02:03");
  }

  @Test
  void datesAndDecimals() {
    assertThat(
            ResultPrinter.formatValue(java.sql.Date.valueOf("2024-02-29"), DataTypes.DateType, UTC))
        .isEqualTo("2024-02-29");
    assertThat(ResultPrinter.formatValue(LocalDate.of(2024, 2, 29), DataTypes.DateType, UTC))
        .isEqualTo("2024-02-29");
    assertThat(
            ResultPrinter.formatValue(new BigDecimal("1E+3"), DataTypes.createDecimalType(), UTC))
        .isEqualTo("1000");
  }

  @Test
  void nestedJavaCollectionsAndRowsAreRendered() {
    StructType struct =
        new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType);
    assertThat(
            ResultPrinter.formatValue(
                java.util.Arrays.asList("x, y", null, "q\"\\"),
                DataTypes.createArrayType(DataTypes.StringType),
                UTC))
        .isEqualTo("[\"x, y\", NULL, \"q\\\"\\\\\"]");
    assertThat(
            ResultPrinter.formatValue(
                Map.of("k", 1),
                DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType),
                UTC))
        .isEqualTo("{\"k\" -> 1}");
    assertThat(ResultPrinter.formatValue(RowFactory.create(1, "y"), struct, UTC))
        .isEqualTo("{a: 1, b: \"y\"}");
  }
}
