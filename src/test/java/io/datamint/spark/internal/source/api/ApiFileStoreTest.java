package io.datamint.spark.internal.source.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.api.client.ApiSettings;
import io.datamint.spark.internal.source.ResourceFileStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A resource file read through the API is held once: the body is read into the array handed out,
 * with or without a {@code Content-Length}, and a file above the bound is refused as bad data.
 */
class ApiFileStoreTest {

  private static final int SIZE = 300_000;
  private static HttpServer server;
  private static byte[] file;

  @BeforeAll
  static void serve() throws IOException {
    file = new byte[SIZE];
    for (int i = 0; i < SIZE; i++) {
      file[i] = (byte) (i * 7);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // /resources/sized/file declares its length; /resources/chunked/file does not
    server.createContext(
        "/resources/",
        exchange -> {
          boolean sized = exchange.getRequestURI().getPath().contains("/sized/");
          exchange.sendResponseHeaders(200, sized ? SIZE : 0); // 0: chunked, no length
          try (OutputStream out = exchange.getResponseBody()) {
            for (int at = 0; at < SIZE; at += 10_000) {
              out.write(file, at, Math.min(10_000, SIZE - at));
            }
          }
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static ApiFileStore store() {
    return new ApiFileStore(
        new ApiSettings(
            "http://127.0.0.1:" + server.getAddress().getPort(),
            null,
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            1,
            2));
  }

  @Test
  void aDeclaredLengthIsReadIntoOneArrayOfThatLength() throws IOException {
    ResourceFileStore.FileBytes read = store().readResource("sized", Integer.MAX_VALUE - 1024);
    assertThat(read.length()).isEqualTo(SIZE);
    assertThat(read.bytes().length).isEqualTo(SIZE + 1); // the byte that finds the end
    assertThat(Arrays.copyOf(read.bytes(), read.length())).isEqualTo(file);
  }

  @Test
  void aBodyWithoutLengthIsHandedOutUntrimmed() throws IOException {
    ResourceFileStore.FileBytes read = store().readResource("chunked", Integer.MAX_VALUE - 1024);
    assertThat(read.length()).isEqualTo(SIZE);
    // grown from 64 KiB by doubling (512 KiB), and not copied again to trim it
    assertThat(read.bytes().length).isEqualTo(1 << 19);
    assertThat(Arrays.copyOf(read.bytes(), read.length())).isEqualTo(file);
  }

  @Test
  void aFileAboveTheBoundIsBadDataNamingTheBound() {
    for (String id : new String[] {"sized", "chunked"}) {
      assertThatThrownBy(() -> store().readResource(id, 100_000))
          .as(id)
          .isInstanceOf(DecodeException.class)
          .hasMessageContaining("larger than 100000 bytes");
    }
  }
}
