package io.datamint.spark.internal.prefetch;

import io.datamint.spark.DatamintPrefetch;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.prefetch.PrefetchReport;
import io.datamint.spark.testing.ReadOptions;
import io.datamint.spark.testing.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A sample project served by a local {@link DatamintApiServer}, and prefetches of it: the source
 * mirror lives in {@code <dir>/source/sample} (edit it, then {@link #restart()} for metadata
 * changes; files are read per request).
 */
final class PrefetchFixture implements AutoCloseable {

  final Path root;
  final Path source;
  final SampleProject.Summary sample;
  private final FaultPlan faults;
  private DatamintApiServer server;

  private PrefetchFixture(Path dir, FaultPlan faults) throws IOException {
    this.root = dir.resolve("source");
    this.sample = SampleProject.write(root.resolve("sample"), SampleProject.DEFAULT_SEED);
    this.source = sample.dir();
    this.faults = faults;
    this.server = DatamintApiServer.start(root, 0, Optional.empty(), faults);
  }

  static PrefetchFixture start(Path dir) throws IOException {
    return new PrefetchFixture(dir, FaultPlan.NONE);
  }

  static PrefetchFixture start(Path dir, FaultPlan faults) throws IOException {
    return new PrefetchFixture(dir, faults);
  }

  String url() {
    return server.url();
  }

  /** Restarts the server, which re-reads the source mirror's metadata. */
  void restart() throws IOException {
    server.close();
    server = DatamintApiServer.start(root, 0, Optional.empty(), faults);
  }

  /** The options of a prefetch (or API read) of the sample project, plus {@code extra} pairs. */
  Map<String, String> options(String... extra) {
    Map<String, String> o = new HashMap<>();
    o.put("server_url", url());
    o.put("api_key", "test-key");
    o.put("project", SampleProject.NAME);
    o.put("api_timeout", "20s");
    o.putAll(ReadOptions.of(extra));
    return o;
  }

  PrefetchReport prefetch(Path out, String... extra) {
    return DatamintPrefetch.run(SharedSpark.session(), options(extra), out.toString());
  }

  /** Rewrites the source mirror's {@code resources.jsonl} line by line. */
  void editResources(UnaryOperator<String> edit) {
    Path file = source.resolve("resources.jsonl");
    try {
      List<String> lines = Files.readAllLines(file);
      Files.write(file, lines.stream().map(edit).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The resource ids of the sample, in API order. */
  List<String> resourceIds() {
    try {
      return Files.readAllLines(source.resolve("resources.jsonl")).stream()
          .filter(l -> !l.isBlank())
          .map(
              l ->
                  l.substring(
                      l.indexOf("\"id\":\"") + 6, l.indexOf('"', l.indexOf("\"id\":\"") + 6)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under {@code dir}, relative, sorted. */
  static List<String> files(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
