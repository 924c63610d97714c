package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;

/**
 * Reads a DICOM file (PS3.10): the 128-byte preamble and {@code DICM}, the file meta group, then
 * the data set in its transfer syntax. Also reads what real files get wrong, as pydicom does: no
 * preamble (a bare data set, whose VR explicitness and byte order are guessed from its first
 * element), a meta group without a transfer syntax (the data set is then guessed the same way), and
 * a data set whose VR explicitness contradicts its transfer syntax.
 */
final class Part10Parser {

  private Part10Parser() {}

  /**
   * Parses {@code data[0..length)}.
   *
   * @throws DecodeException when the bytes are not DICOM, or are truncated or corrupt before the
   *     pixel data
   */
  static ParsedDicom parse(byte[] data, int length, DecodeLimits limits) throws DecodeException {
    DataDictionary dictionary = DataDictionary.standard();
    int metaStart = -1;
    if (length >= 132
        && data[128] == 'D'
        && data[129] == 'I'
        && data[130] == 'C'
        && data[131] == 'M') {
      metaStart = 132;
    } else if (length >= 4
        && data[0] == 'D'
        && data[1] == 'I'
        && data[2] == 'C'
        && data[3] == 'M') {
      metaStart = 4;
    }

    DicomDataset meta = new DicomDataset();
    int datasetStart = 0;
    String declaredUid = null;
    if (metaStart >= 0) {
      DatasetParser metaParser = new DatasetParser(data, length, dictionary);
      meta = metaParser.parseMetaGroup(metaStart);
      datasetStart = metaParser.position();
      declaredUid = meta.string(Tags.TRANSFER_SYNTAX_UID);
    } else if (!startsWithElement(data, length)) {
      throw new DecodeException(
          "not a DICOM file: there is no 'DICM' marker at byte 128, and the bytes do not "
              + "start with a DICOM data element either");
    }

    TransferSyntax syntax =
        declaredUid == null ? guess(data, datasetStart, length) : TransferSyntax.of(declaredUid);
    byte[] buf = data;
    int end = length;
    if (syntax.deflated()) {
      buf = Inflation.inflateDataset(data, datasetStart, length - datasetStart, limits);
      datasetStart = 0;
      end = buf.length;
    }
    syntax = checkVrExplicitness(syntax, buf, datasetStart, end, dictionary);
    DicomDataset dataset =
        new DatasetParser(buf, end, dictionary)
            .parse(datasetStart, end, syntax.explicitVr(), syntax.bigEndian());
    return new ParsedDicom(meta, dataset, syntax, declaredUid);
  }

  /**
   * Whether a bare data set plausibly starts at byte 0: a small even group and a length that fits.
   */
  private static boolean startsWithElement(byte[] data, int length) {
    if (length < 8) {
      return false;
    }
    for (boolean bigEndian : new boolean[] {false, true}) {
      int group = Bytes.u16(data, 0, bigEndian);
      if (group == 0 || group > 0x7FE0 || (group & 1) == 1) {
        continue;
      }
      Vr vr = Vr.fromBytes(data[4], data[5]);
      if (vr != null) {
        return true;
      }
      if (!bigEndian && Bytes.u32(data, 4, false) <= length - 8L) {
        return true;
      }
    }
    return false;
  }

  /**
   * The encoding of a data set without a declared transfer syntax, from its first element: explicit
   * when its VR bytes spell a VR; big-endian when its group reads smaller that way (explicit only:
   * implicit VR big endian does not exist).
   */
  static TransferSyntax guess(byte[] data, int start, int end) {
    if (end - start < 8) {
      return TransferSyntax.IMPLICIT_LE;
    }
    boolean explicit = Vr.fromBytes(data[start + 4], data[start + 5]) != null;
    boolean bigEndian = Bytes.u16(data, start, true) < Bytes.u16(data, start, false);
    if (explicit) {
      return bigEndian ? TransferSyntax.EXPLICIT_BE : TransferSyntax.EXPLICIT_LE;
    }
    return TransferSyntax.IMPLICIT_LE;
  }

  /**
   * Checks the first element of the data set against the VR explicitness of the transfer syntax and
   * follows the data where they disagree (some writers declare explicit VR and write implicit, and
   * vice versa).
   */
  private static TransferSyntax checkVrExplicitness(
      TransferSyntax syntax, byte[] buf, int start, int end, DataDictionary dictionary) {
    if (end - start < 8) {
      return syntax;
    }
    int tag = Bytes.tag(buf, start, syntax.bigEndian());
    if (Tags.group(tag) == 0xFFFE) {
      return syntax;
    }
    Vr vr = Vr.fromBytes(buf[start + 4], buf[start + 5]);
    if (syntax.explicitVr() && vr == null) {
      return syntax.withExplicitVr(false);
    }
    if (!syntax.explicitVr() && vr != null && !syntax.bigEndian()) {
      DataDictionary.Entry entry = dictionary.lookup(tag);
      long implicitLength = Bytes.u32(buf, start + 4, false);
      boolean implicitFits = implicitLength == 0xFFFFFFFFL || implicitLength <= end - start - 8L;
      if (!implicitFits || entry != null && entry.vr().contains(vr.name())) {
        return syntax.withExplicitVr(true);
      }
    }
    return syntax;
  }
}
