package io.datamint.spark.internal.decode.dicom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.decode.LibraryFailure;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the DICOM header as the {@code metainfo} JSON object: one member per element, in file
 * order, file meta group first, keyed by its PS3.6 keyword ({@code "(GGGG,EEEE)"} for private and
 * unknown tags, and for a second element with the same keyword, as in repeating groups). Values are
 * typed as pydicom renders them:
 *
 * <ul>
 *   <li>strings (AE AS CS DA DT LO PN SH TM UC UI, and LT ST UT UR whole): a string, or an array
 *       when multi-valued; trailing padding removed; text VRs decoded in the Specific Character
 *       Set;
 *   <li>numbers: IS as integers, DS as floating point (a value that does not parse stays a string,
 *       as pydicom keeps it); US SS UL SL UV SV FL FD as numbers, arrays when multi-valued;
 *   <li>AT as {@code "(GGGG,EEEE)"} strings; SQ as an array of objects;
 *   <li>bytes (OB OW OD OF OL OV, and UN that is not a sequence) as {@code {"vr": "OB", "length":
 *       n}};
 *   <li>an empty value as null (bytes as length 0).
 * </ul>
 *
 * <p>UN elements whose tag the dictionary knows are read with the dictionary's VR, and UN values
 * that are sequences are read as implicit VR little endian items (as pydicom does). Pixel data of
 * the top-level data set is left out.
 */
final class MetainfoWriter {

  private static final JsonFactory FACTORY = new JsonFactory();

  private MetainfoWriter() {}

  static String write(ParsedDicom dicom) throws DecodeException {
    return write(dicom, 0);
  }

  /**
   * The header, and when {@code inferredFrames} is positive (Number of Frames absent or empty, the
   * frames counted from the pixel data) a last member {@code "_inferred": {"NumberOfFrames": n}}.
   */
  static String write(ParsedDicom dicom, int inferredFrames) throws DecodeException {
    return write(dicom, inferredFrames, null);
  }

  /**
   * As {@link #write(ParsedDicom, int)}, and when {@code skipped} is a modality transform that was
   * not applied ({@code pixel_dtype} {@code native}) a last member {@code "_rescale"}: {@code
   * {"applied": false, "slope": s, "intercept": i}} for Rescale Slope and Intercept, {@code
   * {"applied": false, "modality_lut": true}} for a Modality LUT Sequence.
   */
  static String write(ParsedDicom dicom, int inferredFrames, ModalityTransform skipped)
      throws DecodeException {
    StringWriter out = new StringWriter(4096);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      Set<String> used = new HashSet<>();
      writeMembers(g, dicom.fileMeta(), StandardCharsets.ISO_8859_1, 0, used);
      writeMembers(
          g,
          dicom.dataset(),
          CharacterSets.of(dicom.dataset(), StandardCharsets.ISO_8859_1),
          0,
          used);
      if (inferredFrames > 0) {
        g.writeObjectFieldStart("_inferred");
        g.writeNumberField("NumberOfFrames", inferredFrames);
        g.writeEndObject();
      }
      if (skipped != null && skipped.kind() != ModalityTransform.Kind.NONE) {
        g.writeObjectFieldStart("_rescale");
        g.writeBooleanField("applied", false);
        if (skipped.kind() == ModalityTransform.Kind.RESCALE) {
          g.writeNumberField("slope", skipped.slope());
          g.writeNumberField("intercept", skipped.intercept());
        } else {
          g.writeBooleanField("modality_lut", true);
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new DecodeException(
          "cannot write the DICOM header as JSON" + LibraryFailure.said("the JSON writer", e), e);
    }
    return out.toString();
  }

  private static void writeMembers(
      JsonGenerator g, DicomDataset ds, Charset charset, int depth, Set<String> used)
      throws IOException {
    DataDictionary dictionary = DataDictionary.standard();
    for (DicomElement e : ds.elements()) {
      int tag = e.tag();
      if (depth == 0
          && (tag == Tags.PIXEL_DATA
              || tag == Tags.FLOAT_PIXEL_DATA
              || tag == Tags.DOUBLE_FLOAT_PIXEL_DATA)) {
        continue;
      }
      String key = Tags.isPrivate(tag) ? null : dictionary.keyword(tag);
      if (key == null || !used.add(key)) {
        key = Tags.format(tag);
        used.add(key);
      }
      g.writeFieldName(key);
      writeValue(g, e, charset, depth);
    }
  }

  private static void writeValue(JsonGenerator g, DicomElement e, Charset charset, int depth)
      throws IOException {
    if (e.isSequence()) {
      writeItems(g, e.items(), charset, depth);
      return;
    }
    if (e.isEncapsulated()) {
      long total = 0;
      for (DicomElement.Fragment f : e.fragments()) {
        total += f.length();
      }
      g.writeStartObject();
      g.writeStringField("vr", e.vr().name());
      g.writeNumberField("fragments", e.fragments().size());
      g.writeNumberField("length", total);
      g.writeEndObject();
      return;
    }
    if (e.vr() == Vr.UN) {
      DicomElement reread = reinterpretUnknown(e, depth);
      if (reread != null) {
        writeValue(g, reread, charset, depth);
        return;
      }
    }
    if (e.length() == 0 && e.vr().kind() != Vr.Kind.BYTES) {
      g.writeNull();
      return;
    }
    switch (e.vr().kind()) {
      case SEQUENCE:
        writeItems(g, e.items() == null ? List.of() : e.items(), charset, depth);
        break;
      case STRINGS:
        writeStrings(g, split(decode(e, charset)));
        break;
      case TEXT:
        writeText(g, DicomDataset.trim(decode(e, charset)));
        break;
      case INTEGERS:
        writeNumericStrings(g, split(decode(e, charset)), MetainfoWriter::writeIntegerString);
        break;
      case DECIMALS:
        writeNumericStrings(g, split(decode(e, charset)), MetainfoWriter::writeDecimalString);
        break;
      case BINARY_NUMBERS:
        writeBinaryNumbers(g, e);
        break;
      case TAGS:
        writeTags(g, e);
        break;
      default:
        g.writeStartObject();
        g.writeStringField("vr", e.vr().name());
        g.writeNumberField("length", e.length());
        g.writeEndObject();
    }
  }

  private static void writeItems(
      JsonGenerator g, List<DicomDataset> items, Charset charset, int depth) throws IOException {
    g.writeStartArray();
    for (DicomDataset item : items) {
      g.writeStartObject();
      writeMembers(g, item, CharacterSets.of(item, charset), depth + 1, new HashSet<>());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * A UN element read again: with the dictionary's VR when the tag is a known public one, or as a
   * sequence of implicit VR little endian items when its value starts with an item tag; null when
   * neither applies or the bytes do not parse.
   */
  private static DicomElement reinterpretUnknown(DicomElement e, int depth) {
    DataDictionary.Entry entry =
        Tags.isPrivate(e.tag()) ? null : DataDictionary.standard().lookup(e.tag());
    Vr known = entry == null ? null : DataDictionary.standard().implicitVr(e.tag(), false);
    boolean looksLikeSequence =
        e.length() >= 8 && Bytes.tag(e.buffer(), e.offset(), false) == Tags.ITEM;
    if ((known == Vr.SQ || known == null && looksLikeSequence) && depth < DatasetParser.MAX_DEPTH) {
      try {
        int end = e.offset() + e.length();
        List<DicomDataset> items =
            new DatasetParser(e.buffer(), end, DataDictionary.standard())
                .parseItems(e.tag(), e.offset(), end, depth + 1);
        return new DicomElement(
            e.tag(),
            Vr.SQ,
            e.buffer(),
            e.offset(),
            e.length(),
            e.declaredLength(),
            false,
            items,
            null);
      } catch (
          RuntimeException notASequence) { // a DecodeException too: the bytes are kept as they are
        return null;
      }
    }
    if (known != null && known != Vr.UN && known != Vr.SQ) {
      return new DicomElement(
          e.tag(),
          known,
          e.buffer(),
          e.offset(),
          e.length(),
          e.declaredLength(),
          e.bigEndian(),
          null,
          null);
    }
    return null;
  }

  private static String decode(DicomElement e, Charset charset) {
    Vr vr = e.vr();
    boolean text =
        vr == Vr.SH
            || vr == Vr.LO
            || vr == Vr.PN
            || vr == Vr.UC
            || vr == Vr.ST
            || vr == Vr.LT
            || vr == Vr.UT;
    return new String(
        e.buffer(), e.offset(), e.length(), text ? charset : StandardCharsets.ISO_8859_1);
  }

  private static String[] split(String value) {
    String[] parts = value.split("\\\\", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = DicomDataset.trim(parts[i]);
    }
    return parts;
  }

  private static void writeText(JsonGenerator g, String value) throws IOException {
    if (value.isEmpty()) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }

  private static void writeStrings(JsonGenerator g, String[] parts) throws IOException {
    if (parts.length == 1) {
      writeText(g, parts[0]);
      return;
    }
    g.writeStartArray();
    for (String part : parts) {
      g.writeString(part);
    }
    g.writeEndArray();
  }

  /** Writes one non-empty part of a numeric string value. */
  @FunctionalInterface
  private interface PartWriter {
    void write(JsonGenerator g, String part) throws IOException;
  }

  /** An IS or DS value: one value, or an array when multi-valued; an empty part is null. */
  private static void writeNumericStrings(JsonGenerator g, String[] parts, PartWriter writer)
      throws IOException {
    if (parts.length > 1) {
      g.writeStartArray();
    }
    for (String part : parts) {
      if (part.isEmpty()) {
        g.writeNull();
      } else {
        writer.write(g, part);
      }
    }
    if (parts.length > 1) {
      g.writeEndArray();
    }
  }

  /** An IS part: a number when it is an integer, else its text. */
  private static void writeIntegerString(JsonGenerator g, String part) throws IOException {
    Long value = parseInteger(part);
    if (value == null) {
      g.writeString(part);
    } else {
      g.writeNumber(value);
    }
  }

  private static Long parseInteger(String s) {
    try {
      return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
    } catch (NumberFormatException notAnInteger) {
      try {
        double d = Double.parseDouble(s);
        return d == Math.rint(d) && Math.abs(d) < 9.0e15 ? (long) d : null;
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
  }

  /** A DS part: a number when it parses, else its text. */
  private static void writeDecimalString(JsonGenerator g, String part) throws IOException {
    double value;
    try {
      value = Double.parseDouble(part);
    } catch (NumberFormatException notANumber) {
      g.writeString(part);
      return;
    }
    writeDouble(g, value);
  }

  private static void writeDouble(JsonGenerator g, double value) throws IOException {
    if (Double.isFinite(value)) {
      g.writeNumber(value);
    } else {
      g.writeString(Double.toString(value)); // JSON has no NaN or Infinity
    }
  }

  private static void writeBinaryNumbers(JsonGenerator g, DicomElement e) throws IOException {
    int size = e.vr().binarySize();
    int count = e.length() / size;
    if (count == 0) {
      g.writeNull();
      return;
    }
    if (count > 1) {
      g.writeStartArray();
    }
    byte[] b = e.buffer();
    boolean be = e.bigEndian();
    for (int i = 0; i < count; i++) {
      int off = e.offset() + i * size;
      switch (e.vr()) {
        case US:
          g.writeNumber(Bytes.u16(b, off, be));
          break;
        case SS:
          g.writeNumber((short) Bytes.u16(b, off, be));
          break;
        case UL:
          g.writeNumber(Bytes.u32(b, off, be));
          break;
        case SL:
          g.writeNumber(Bytes.i32(b, off, be));
          break;
        case SV:
          g.writeNumber(Bytes.i64(b, off, be));
          break;
        case UV:
          {
            long v = Bytes.i64(b, off, be);
            if (v >= 0) {
              g.writeNumber(v);
            } else {
              g.writeNumber(new BigInteger(Long.toUnsignedString(v)));
            }
            break;
          }
        case FL:
          writeDouble(g, Float.intBitsToFloat(Bytes.i32(b, off, be)));
          break;
        default:
          writeDouble(g, Double.longBitsToDouble(Bytes.i64(b, off, be)));
      }
    }
    if (count > 1) {
      g.writeEndArray();
    }
  }

  private static void writeTags(JsonGenerator g, DicomElement e) throws IOException {
    int count = e.length() / 4;
    if (count == 0) {
      g.writeNull();
      return;
    }
    if (count > 1) {
      g.writeStartArray();
    }
    for (int i = 0; i < count; i++) {
      g.writeString(Tags.format(Bytes.tag(e.buffer(), e.offset() + 4 * i, e.bigEndian())));
    }
    if (count > 1) {
      g.writeEndArray();
    }
  }
}
