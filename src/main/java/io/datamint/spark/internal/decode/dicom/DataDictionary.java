package io.datamint.spark.internal.decode.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DICOM data dictionary (PS3.6): tag to keyword and VR, loaded once from {@code
 * dictionary.tsv}, which {@code src/build/generate-dicom-dictionary.py} generates. Masked entries
 * (repeating groups 50xx and 60xx, and the few others PS3.6 lists with an {@code x} in the tag) are
 * matched after the exact entries.
 */
final class DataDictionary {

  /**
   * A dictionary entry; {@code vr} is as PS3.6 spells it and may be ambiguous, e.g. {@code "US or
   * SS"}.
   */
  record Entry(String keyword, String vr) {}

  private record Masked(int mask, int value, Entry entry) {}

  private static final DataDictionary STANDARD = load();

  private final Map<Integer, Entry> exact;
  private final List<Masked> masked;

  private DataDictionary(Map<Integer, Entry> exact, List<Masked> masked) {
    this.exact = exact;
    this.masked = masked;
  }

  /** The standard dictionary. */
  static DataDictionary standard() {
    return STANDARD;
  }

  /** The entry of a tag, or null for private and unknown tags. */
  Entry lookup(int tag) {
    Entry e = exact.get(tag);
    if (e != null || Tags.isPrivate(tag)) {
      return e;
    }
    for (Masked m : masked) {
      if ((tag & m.mask) == m.value) {
        return m.entry;
      }
    }
    return null;
  }

  /** The keyword of a tag, or null. */
  String keyword(int tag) {
    Entry e = lookup(tag);
    return e == null || e.keyword().isEmpty() ? null : e.keyword();
  }

  /**
   * The VR to read an implicit-VR element with: the dictionary's, with ambiguous VRs resolved as
   * pydicom does (US or SS by the Pixel Representation; OB or OW and the LUT data VRs as OW); UN
   * for unknown and private tags, except group lengths (UL) and private creators (LO).
   */
  Vr implicitVr(int tag, boolean signedPixels) {
    int element = Tags.element(tag);
    if (element == 0x0000) {
      return Vr.UL;
    }
    if (Tags.isPrivate(tag)) {
      return element >= 0x0010 && element <= 0x00FF ? Vr.LO : Vr.UN;
    }
    Entry e = lookup(tag);
    if (e == null) {
      return Vr.UN;
    }
    switch (e.vr()) {
      case "US or SS":
        return signedPixels ? Vr.SS : Vr.US;
      case "OB or OW":
      case "US or OW":
      case "US or SS or OW":
        return Vr.OW;
      default:
        Vr vr = Vr.fromCode(e.vr());
        return vr == null ? Vr.UN : vr;
    }
  }

  private static DataDictionary load() {
    Map<Integer, Entry> exact = new HashMap<>(8192);
    List<Masked> masked = new ArrayList<>();
    try (InputStream in = DataDictionary.class.getResourceAsStream("dictionary.tsv")) {
      if (in == null) {
        throw new IllegalStateException("dictionary.tsv is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        Entry entry = new Entry(f[3], f[1]);
        String tag = f[0];
        if (tag.indexOf('x') < 0) {
          exact.put((int) Long.parseLong(tag, 16), entry);
        } else {
          int mask = 0;
          int value = 0;
          for (int i = 0; i < 8; i++) {
            char c = tag.charAt(i);
            mask <<= 4;
            value <<= 4;
            if (c != 'x') {
              mask |= 0xF;
              value |= Character.digit(c, 16);
            }
          }
          masked.add(new Masked(mask, value, entry));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dictionary.tsv", e);
    }
    return new DataDictionary(exact, List.copyOf(masked));
  }
}
