package io.datamint.spark.internal.decode.dicom;

/**
 * How a data set is encoded: VR explicitness, byte order, deflate, and whether pixel data is
 * encapsulated.
 *
 * @param uid the transfer syntax UID
 * @param explicitVr whether data elements carry their VR
 * @param bigEndian whether binary values are big-endian
 * @param deflated whether the data set after the file meta group is deflate-compressed
 * @param encapsulated whether pixel data is encapsulated (compressed frames in fragments)
 */
record TransferSyntax(
    String uid, boolean explicitVr, boolean bigEndian, boolean deflated, boolean encapsulated) {

  static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
  static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
  static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
  static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";

  static final TransferSyntax IMPLICIT_LE =
      new TransferSyntax(IMPLICIT_VR_LITTLE_ENDIAN, false, false, false, false);
  static final TransferSyntax EXPLICIT_LE =
      new TransferSyntax(EXPLICIT_VR_LITTLE_ENDIAN, true, false, false, false);
  static final TransferSyntax EXPLICIT_BE =
      new TransferSyntax(EXPLICIT_VR_BIG_ENDIAN, true, true, false, false);

  /**
   * The transfer syntax of a UID. Every UID other than the four native ones (implicit LE, explicit
   * LE, deflated explicit LE, explicit BE) is taken as explicit VR little endian with encapsulated
   * pixel data, which is what all compressed transfer syntaxes are.
   */
  static TransferSyntax of(String uid) {
    switch (uid) {
      case IMPLICIT_VR_LITTLE_ENDIAN:
        return IMPLICIT_LE;
      case EXPLICIT_VR_LITTLE_ENDIAN:
        return EXPLICIT_LE;
      case EXPLICIT_VR_BIG_ENDIAN:
        return EXPLICIT_BE;
      case DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN:
        return new TransferSyntax(uid, true, false, true, false);
      default:
        return new TransferSyntax(uid, true, false, false, true);
    }
  }

  /**
   * The same encoding with another VR explicitness (a data set that contradicts its declared
   * syntax).
   */
  TransferSyntax withExplicitVr(boolean explicit) {
    return new TransferSyntax(uid, explicit, bigEndian, deflated, encapsulated);
  }

  /**
   * The pixel data of a file in this syntax, for messages completing "decoding ...": "this DICOM
   * file's JPEG Baseline (Process 1) pixel data (transfer syntax 1.2.840.10008.1.2.4.50)".
   */
  String describePixelData() {
    String name = UidRegistry.name(uid);
    return "this DICOM file's "
        + (name == null ? "" : name + " ")
        + "pixel data (transfer syntax "
        + uid
        + ")";
  }

  /** "uid (name)" for messages. */
  String describe() {
    String name = UidRegistry.name(uid);
    return name == null ? uid : uid + " (" + name + ")";
  }
}
