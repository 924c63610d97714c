package io.datamint.spark.internal.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Prints the result of a statement as an ASCII table or as JSON lines.
 *
 * <p>A result with no columns (the result of a command such as {@code CREATE VIEW}) prints nothing
 * in either format.
 *
 * <h2>{@code json}</h2>
 *
 * <p>One JSON object per row, exactly as Spark's {@code Dataset.toJSON()} writes it, and nothing
 * else: binary values are base64, timestamps use the session time zone, and null fields are left
 * out (Spark's default; {@code --conf spark.sql.jsonGenerator.ignoreNullFields=false} keeps them).
 *
 * <p>In both formats the whole result is collected to the driver before printing (with all
 * partitions computed in parallel; a partition-by-partition local iterator would run them one after
 * another), so a very large result needs a {@code LIMIT} or a Spark write instead.
 *
 * <h2>{@code table}</h2>
 *
 * <p>All rows are printed in full, never truncated:
 *
 * <pre>
 * +----+------+------------+
 * | id | name | tags       |
 * +----+------+------------+
 * |  1 | a    | ["x", "y"] |
 * |  2 | NULL | []         |
 * +----+------+------------+
 * (2 rows)
 * </pre>
 *
 * <ul>
 *   <li>numeric columns (header included) are right-aligned, all others left-aligned; {@code NULL}
 *       stands for null;
 *   <li>arrays print as {@code [1, 2]}, maps as {@code {"k" -> 1}}, structs as {@code {a: 1, b:
 *       "x"}}; strings nested in them are double-quoted (with {@code \"} and {@code \\} escaped) so
 *       that commas and arrows inside values stay unambiguous, while top-level strings print as
 *       they are;
 *   <li>binary values print as a size summary, {@code <N bytes>}: a table is for reading, and a
 *       medical image in base64 would swamp it. Use {@code --format json} (base64) or {@code
 *       hex(col)} / {@code base64(col)} in the query to see the bytes;
 *   <li>timestamps print as {@code 2024-05-01 12:00:00[.ffffff]} in the session time zone, dates as
 *       {@code 2024-05-01}, decimals in plain notation; other values by their {@code toString()};
 *   <li>line breaks, tabs and other control characters in values are escaped ({@code \n}, {@code
 *       \t}, {@code \r}, others as a four-digit unicode escape) so that every row stays on one
 *       line.
 * </ul>
 *
 * <p>The plan an {@code EXPLAIN} returns is text, not a table: {@code SqlCli} prints it with {@link
 * #printPlan}.
 */
final class ResultPrinter {

  private static final String NULL = "NULL";

  /** The one column of the result of {@code EXPLAIN}. */
  private static final String PLAN_COLUMN = "plan";

  private static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter();

  private ResultPrinter() {}

  /**
   * Prints {@code result} to {@code out} in {@code format}, running the query if it has not run
   * yet. Prints nothing for a result without columns.
   */
  public static void print(Dataset<Row> result, OutputFormat format, PrintStream out) {
    StructType schema = result.schema();
    if (schema.fields().length == 0) {
      return;
    }
    if (format == OutputFormat.JSON) {
      for (String line : result.toJSON().collectAsList()) {
        out.println(line);
      }
    } else {
      ZoneId zone = sessionZone(result);
      out.print(formatTable(schema, result.collectAsList(), zone));
    }
    out.flush();
  }

  /**
   * Whether {@code statement}'s result is the plan an {@code EXPLAIN} returns: the statement starts
   * with {@code EXPLAIN} (after comments) and its result is the single string column {@code plan}.
   */
  public static boolean isExplainResult(String statement, StructType schema) {
    StructField[] fields = schema.fields();
    return SqlScript.firstKeyword(statement).equals("EXPLAIN")
        && fields.length == 1
        && fields[0].name().equals(PLAN_COLUMN)
        && fields[0].dataType() instanceof StringType;
  }

  /**
   * Prints the plan of an {@code EXPLAIN} result as text: each row's value as it is, line breaks
   * included, ending with a line break.
   */
  public static void printPlan(Dataset<Row> result, PrintStream out) {
    for (Row row : result.collectAsList()) {
      String plan = row.isNullAt(0) ? NULL : row.getString(0);
      out.print(plan.endsWith("\n") ? plan : plan + "\n");
    }
    out.flush();
  }

  /**
   * Returns the table for {@code rows} of {@code schema}, ending with the {@code (N rows)} line and
   * a line break; timestamps are shown in {@code zone}.
   */
  public static String formatTable(StructType schema, List<Row> rows, ZoneId zone) {
    StructField[] fields = schema.fields();
    int columns = fields.length;
    List<String[]> cells = new ArrayList<>(rows.size());
    int[] widths = new int[columns];
    boolean[] rightAligned = new boolean[columns];
    String[] header = new String[columns];
    for (int c = 0; c < columns; c++) {
      header[c] = escapeControl(fields[c].name());
      widths[c] = width(header[c]);
      rightAligned[c] = fields[c].dataType() instanceof NumericType;
    }
    for (Row row : rows) {
      String[] line = new String[columns];
      for (int c = 0; c < columns; c++) {
        line[c] = escapeControl(formatValue(row.get(c), fields[c].dataType(), zone));
        widths[c] = Math.max(widths[c], width(line[c]));
      }
      cells.add(line);
    }

    StringBuilder border = new StringBuilder("+");
    for (int width : widths) {
      border.append("-".repeat(width + 2)).append('+');
    }
    border.append('\n');

    StringBuilder table = new StringBuilder();
    table.append(border);
    appendLine(table, header, widths, rightAligned);
    table.append(border);
    for (String[] line : cells) {
      appendLine(table, line, widths, rightAligned);
    }
    if (!cells.isEmpty()) {
      table.append(border);
    }
    table
        .append('(')
        .append(rows.size())
        .append(rows.size() == 1 ? " row)" : " rows)")
        .append('\n');
    return table.toString();
  }

  private static void appendLine(
      StringBuilder table, String[] line, int[] widths, boolean[] rightAligned) {
    table.append('|');
    for (int c = 0; c < line.length; c++) {
      String padding = " ".repeat(widths[c] - width(line[c]));
      table.append(' ');
      if (rightAligned[c]) {
        table.append(padding).append(line[c]);
      } else {
        table.append(line[c]).append(padding);
      }
      table.append(" |");
    }
    table.append('\n');
  }

  /**
   * Returns the table text of one top-level value of type {@code type} (before control characters
   * are escaped); timestamps are shown in {@code zone}.
   */
  public static String formatValue(Object value, DataType type, ZoneId zone) {
    StringBuilder text = new StringBuilder();
    appendValue(text, value, type, zone, false);
    return text.toString();
  }

  private static void appendValue(
      StringBuilder text, Object value, DataType type, ZoneId zone, boolean nested) {
    if (value == null) {
      text.append(NULL);
    } else if (value instanceof byte[] bytes) {
      text.append('<').append(bytes.length).append(bytes.length == 1 ? " byte>" : " bytes>");
    } else if (value instanceof String string) {
      if (nested) {
        appendQuoted(text, string);
      } else {
        text.append(string);
      }
    } else if (value instanceof Row row) {
      appendStruct(text, row, type, zone);
    } else if (value instanceof scala.collection.Map<?, ?> map) {
      appendMap(text, map.iterator(), type, zone);
    } else if (value instanceof Map<?, ?> map) {
      appendMap(text, scalaEntries(map), type, zone);
    } else if (value instanceof scala.collection.Iterable<?> seq) {
      appendArray(text, seq.iterator(), type, zone);
    } else if (value instanceof Iterable<?> list) {
      appendArray(
          text, scala.jdk.javaapi.CollectionConverters.asScala(list.iterator()), type, zone);
    } else if (value instanceof java.sql.Timestamp timestamp) {
      text.append(TIMESTAMP.format(timestamp.toInstant().atZone(zone)));
    } else if (value instanceof Instant instant) {
      text.append(TIMESTAMP.format(instant.atZone(zone)));
    } else if (value instanceof LocalDateTime dateTime) {
      text.append(TIMESTAMP.format(dateTime));
    } else if (value instanceof java.sql.Date date) {
      text.append(date.toLocalDate());
    } else if (value instanceof LocalDate date) {
      text.append(date);
    } else if (value instanceof BigDecimal decimal) {
      text.append(decimal.toPlainString());
    } else {
      text.append(value);
    }
  }

  private static void appendStruct(StringBuilder text, Row row, DataType type, ZoneId zone) {
    StructType struct = type instanceof StructType s ? s : row.schema();
    text.append('{');
    for (int i = 0; i < row.length(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      StructField field = struct != null && i < struct.fields().length ? struct.fields()[i] : null;
      if (field != null) {
        text.append(field.name()).append(": ");
      }
      appendValue(text, row.get(i), field != null ? field.dataType() : null, zone, true);
    }
    text.append('}');
  }

  private static void appendArray(
      StringBuilder text, scala.collection.Iterator<?> elements, DataType type, ZoneId zone) {
    DataType elementType = type instanceof ArrayType array ? array.elementType() : null;
    text.append('[');
    boolean first = true;
    while (elements.hasNext()) {
      if (!first) {
        text.append(", ");
      }
      first = false;
      appendValue(text, elements.next(), elementType, zone, true);
    }
    text.append(']');
  }

  private static void appendMap(
      StringBuilder text,
      scala.collection.Iterator<? extends Tuple2<?, ?>> entries,
      DataType type,
      ZoneId zone) {
    DataType keyType = type instanceof MapType map ? map.keyType() : null;
    DataType valueType = type instanceof MapType map ? map.valueType() : null;
    text.append('{');
    boolean first = true;
    while (entries.hasNext()) {
      if (!first) {
        text.append(", ");
      }
      first = false;
      Tuple2<?, ?> entry = entries.next();
      appendValue(text, entry._1(), keyType, zone, true);
      text.append(" -> ");
      appendValue(text, entry._2(), valueType, zone, true);
    }
    text.append('}');
  }

  private static scala.collection.Iterator<Tuple2<?, ?>> scalaEntries(Map<?, ?> map) {
    List<Tuple2<?, ?>> entries = new ArrayList<>(map.size());
    map.forEach((k, v) -> entries.add(new Tuple2<>(k, v)));
    return scala.jdk.javaapi.CollectionConverters.asScala(entries.iterator());
  }

  private static void appendQuoted(StringBuilder text, String string) {
    text.append('"');
    for (int i = 0; i < string.length(); i++) {
      char c = string.charAt(i);
      if (c == '"' || c == '\\') {
        text.append('\\');
      }
      text.append(c);
    }
    text.append('"');
  }

  /**
   * Replaces line breaks, tabs and other control characters by escapes, keeping each row on one
   * line.
   */
  static String escapeControl(String text) {
    StringBuilder escaped = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isISOControl(c)) {
        if (escaped != null) {
          escaped.append(c);
        }
        continue;
      }
      if (escaped == null) {
        escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      switch (c) {
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        default -> escaped.append(String.format("\\u%04x", (int) c));
      }
    }
    return escaped == null ? text : escaped.toString();
  }

  /** The number of terminal columns {@code text} is taken to use: one per code point. */
  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }

  private static ZoneId sessionZone(Dataset<Row> result) {
    String zone = result.sparkSession().conf().get("spark.sql.session.timeZone", "UTC");
    try {
      return ZoneId.of(zone, ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
