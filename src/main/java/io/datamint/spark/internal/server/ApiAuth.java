package io.datamint.spark.internal.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The API-key check: with a key configured, a request passes when its {@code apikey} header or its
 * {@code Authorization: Bearer} token equals the key (compared in constant time); without one,
 * every request passes. The key is never logged nor put in a message.
 */
final class ApiAuth {

  private final byte[] key;

  ApiAuth(Optional<String> apiKey) {
    this.key = apiKey.map(k -> k.getBytes(StandardCharsets.UTF_8)).orElse(null);
  }

  boolean accepts(ApiRequest request) {
    if (key == null) {
      return true;
    }
    String header = request.header("apikey");
    if (header != null && matches(header.trim())) {
      return true;
    }
    String authorization = request.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return matches(authorization.substring(7).trim());
    }
    return false;
  }

  private boolean matches(String candidate) {
    return MessageDigest.isEqual(key, candidate.getBytes(StandardCharsets.UTF_8));
  }
}
