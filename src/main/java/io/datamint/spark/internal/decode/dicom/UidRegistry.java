package io.datamint.spark.internal.decode.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Names of SOP classes and transfer syntaxes (PS3.6 Annex A), from {@code uids.tsv}, for messages.
 */
final class UidRegistry {

  private static final Map<String, String> NAMES = load();

  private UidRegistry() {}

  /** The registered name of a UID, e.g. "RT Plan Storage", or null. */
  static String name(String uid) {
    return uid == null ? null : NAMES.get(uid);
  }

  private static Map<String, String> load() {
    Map<String, String> names = new HashMap<>(512);
    try (InputStream in = UidRegistry.class.getResourceAsStream("uids.tsv")) {
      if (in == null) {
        throw new IllegalStateException("uids.tsv is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          String[] f = line.split("\t", -1);
          names.put(f[0], f[2]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read uids.tsv", e);
    }
    return Map.copyOf(names);
  }
}
