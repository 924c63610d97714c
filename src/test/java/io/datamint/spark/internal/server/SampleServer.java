package io.datamint.spark.internal.server;

import io.datamint.spark.internal.sample.SampleProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up the endpoint tests share: the sample project (seed 42) under a temporary mirror root,
 * served by a {@link DatamintApiServer} on a free loopback port, without API key or faults, for one
 * test class. A test class registers it as {@code @RegisterExtension static final SampleServer
 * SAMPLE = new SampleServer();}; the server stops and the root is deleted after the class.
 */
final class SampleServer implements BeforeAllCallback, AfterAllCallback {

  private Path root;
  private Path dir;
  private String projectId;
  private DatamintApiServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    root = Files.createTempDirectory("datamint-server-test");
    dir = root.resolve("sample");
    projectId = SampleProject.write(dir, 42).projectId();
    server = DatamintApiServer.start(root, 0, Optional.empty(), FaultPlan.NONE);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (root != null) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
          paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
          Files.delete(p);
        }
      }
    }
  }

  /** The mirror root the server serves. */
  Path root() {
    return root;
  }

  /** The sample project's mirror, under {@link #root()}. */
  Path dir() {
    return dir;
  }

  String projectId() {
    return projectId;
  }

  DatamintApiServer server() {
    return server;
  }

  /** The server's base URL, {@code http://127.0.0.1:<port>}. */
  String url() {
    return server.url();
  }
}
