package io.datamint.spark.internal.decode.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Java charset for a (0008,0005) Specific Character Set (PS3.3 C.12.1.1.2, PS3.5 section 6.1).
 * Single-byte sets, UTF-8, GB18030 and GBK are exact; ISO 2022 code extensions are approximated by
 * the JDK's ISO-2022-JP/KR/CN decoders; anything unknown falls back to ISO-8859-1, which never
 * fails.
 */
final class CharacterSets {

  private static final Map<String, String> JAVA_NAMES =
      Map.ofEntries(
          Map.entry("ISO_IR 6", "ISO-8859-1"),
          Map.entry("ISO 2022 IR 6", "ISO-8859-1"),
          Map.entry("ISO_IR 100", "ISO-8859-1"),
          Map.entry("ISO 2022 IR 100", "ISO-8859-1"),
          Map.entry("ISO_IR 101", "ISO-8859-2"),
          Map.entry("ISO 2022 IR 101", "ISO-8859-2"),
          Map.entry("ISO_IR 109", "ISO-8859-3"),
          Map.entry("ISO 2022 IR 109", "ISO-8859-3"),
          Map.entry("ISO_IR 110", "ISO-8859-4"),
          Map.entry("ISO 2022 IR 110", "ISO-8859-4"),
          Map.entry("ISO_IR 144", "ISO-8859-5"),
          Map.entry("ISO 2022 IR 144", "ISO-8859-5"),
          Map.entry("ISO_IR 127", "ISO-8859-6"),
          Map.entry("ISO 2022 IR 127", "ISO-8859-6"),
          Map.entry("ISO_IR 126", "ISO-8859-7"),
          Map.entry("ISO 2022 IR 126", "ISO-8859-7"),
          Map.entry("ISO_IR 138", "ISO-8859-8"),
          Map.entry("ISO 2022 IR 138", "ISO-8859-8"),
          Map.entry("ISO_IR 148", "ISO-8859-9"),
          Map.entry("ISO 2022 IR 148", "ISO-8859-9"),
          Map.entry("ISO_IR 203", "ISO-8859-15"),
          Map.entry("ISO 2022 IR 203", "ISO-8859-15"),
          Map.entry("ISO_IR 13", "Shift_JIS"),
          Map.entry("ISO 2022 IR 13", "Shift_JIS"),
          Map.entry("ISO_IR 166", "TIS-620"),
          Map.entry("ISO 2022 IR 166", "TIS-620"),
          Map.entry("ISO_IR 192", "UTF-8"),
          Map.entry("GB18030", "GB18030"),
          Map.entry("GBK", "GBK"),
          Map.entry("ISO 2022 IR 87", "ISO-2022-JP"),
          Map.entry("ISO 2022 IR 159", "ISO-2022-JP"),
          Map.entry("ISO 2022 IR 149", "ISO-2022-KR"),
          Map.entry("ISO 2022 IR 58", "ISO-2022-CN"));

  private CharacterSets() {}

  /**
   * The charset of a data set: its own (0008,0005) if present, else {@code inherited} (sequence
   * items inherit the character set of the data set that holds them).
   */
  static Charset of(DicomDataset ds, Charset inherited) {
    if (!ds.contains(Tags.SPECIFIC_CHARACTER_SET)) {
      return inherited;
    }
    List<String> terms = ds.strings(Tags.SPECIFIC_CHARACTER_SET);
    // With code extensions the multi-byte set decides (its JDK decoder switches by escape
    // sequences).
    for (String term : terms) {
      String name = JAVA_NAMES.get(term);
      if (name != null && name.startsWith("ISO-2022")) {
        return forName(name);
      }
    }
    for (String term : terms) {
      if (!term.isEmpty()) {
        String name = JAVA_NAMES.get(term);
        return name == null ? StandardCharsets.ISO_8859_1 : forName(name);
      }
    }
    return StandardCharsets.ISO_8859_1;
  }

  private static Charset forName(String name) {
    try {
      return Charset.forName(name);
    } catch (RuntimeException unsupported) {
      return StandardCharsets.ISO_8859_1;
    }
  }
}
