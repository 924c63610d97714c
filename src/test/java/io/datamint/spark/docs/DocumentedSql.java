package io.datamint.spark.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SQL of the documentation: the fenced {@code ```sql} blocks of {@code README.md}, {@code
 * docs/*.md} and the Markdown files under {@code examples/}, and every {@code .sql} file under
 * {@code examples/} as a whole.
 */
final class DocumentedSql {

  /**
   * A Spark conf set in a comment line, {@code -- spark.sql.catalog.datamint.path=/data/mirrors
   * (...)}.
   */
  private static final Pattern CONF_COMMENT =
      Pattern.compile("^\\s*--\\s*(spark\\.[A-Za-z0-9_.]+)=(\\S+)");

  private static final String FENCE = "```";
  private static final String SQL_FENCE = FENCE + "sql";

  private DocumentedSql() {}

  /**
   * One piece of documented SQL.
   *
   * @param file the file, relative to the repository
   * @param line the line the SQL starts on (1-based; the line after the fence for a block)
   * @param sql the SQL as written
   */
  record Block(String file, int line, String sql) {

    /** {@code file:line}, for test names and messages. */
    String where() {
      return file + ":" + line;
    }

    /** The Spark confs its {@code -- spark.*=value} comment lines set, in order. */
    Map<String, String> confs() {
      Map<String, String> confs = new LinkedHashMap<>();
      for (String line : sql.split("\n", -1)) {
        Matcher m = CONF_COMMENT.matcher(line);
        if (m.find()) {
          confs.put(m.group(1), m.group(2));
        }
      }
      return confs;
    }
  }

  /**
   * Every documented piece of SQL of the repository at {@code repo}, file by file in path order.
   */
  static List<Block> in(Path repo) {
    List<Path> markdown = new ArrayList<>();
    markdown.add(repo.resolve("README.md"));
    markdown.addAll(files(repo.resolve("docs"), ".md", false));
    markdown.addAll(files(repo.resolve("examples"), ".md", true));
    List<Block> blocks = new ArrayList<>();
    for (Path file : markdown) {
      blocks.addAll(fenced(repo, file));
    }
    for (Path file : files(repo.resolve("examples"), ".sql", true)) {
      blocks.add(new Block(relative(repo, file), 1, read(file)));
    }
    return blocks;
  }

  /**
   * The {@code ```sql} blocks of one Markdown file; an unclosed block is an error naming its line.
   */
  static List<Block> fenced(Path repo, Path file) {
    List<String> lines = List.of(read(file).split("\n", -1));
    List<Block> blocks = new ArrayList<>();
    int start = -1;
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (start < 0 && line.equals(SQL_FENCE)) {
        start = i + 1;
        sql.setLength(0);
      } else if (start >= 0 && line.equals(FENCE)) {
        blocks.add(new Block(relative(repo, file), start + 1, sql.toString()));
        start = -1;
      } else if (start >= 0) {
        sql.append(lines.get(i)).append('\n');
      }
    }
    if (start >= 0) {
      throw new IllegalStateException(
          relative(repo, file) + ":" + start + ": a ```sql block is never closed");
    }
    return blocks;
  }

  private static List<Path> files(Path dir, String suffix, boolean recursive) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> paths = recursive ? Files.walk(dir) : Files.list(dir)) {
      return paths
          .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String relative(Path repo, Path file) {
    return repo.relativize(file).toString().replace('\\', '/');
  }
}
