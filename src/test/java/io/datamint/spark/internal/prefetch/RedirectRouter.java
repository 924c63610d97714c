package io.datamint.spark.internal.prefetch;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A tiny front for two API servers over the same mirror: file downloads ({@code .../file}) are
 * redirected (307) to one, everything else to the other, so that faults can be injected into
 * downloads only.
 */
final class RedirectRouter implements AutoCloseable {

  private final HttpServer server;

  RedirectRouter(String metadataUrl, String filesUrl) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext(
        "/",
        exchange -> {
          String target =
              exchange.getRequestURI().getRawPath().endsWith("/file") ? filesUrl : metadataUrl;
          exchange.getRequestBody().readAllBytes();
          exchange
              .getResponseHeaders()
              .add("Location", target + exchange.getRequestURI().toString());
          exchange.sendResponseHeaders(307, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
