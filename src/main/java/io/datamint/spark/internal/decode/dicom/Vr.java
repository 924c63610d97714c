package io.datamint.spark.internal.decode.dicom;

/**
 * The value representations of PS3.5 section 6.2, with what the parser and the metainfo writer need
 * to know about each: the length of its explicit-VR header and how its value is rendered.
 */
enum Vr {
  AE(Kind.STRINGS),
  AS(Kind.STRINGS),
  AT(Kind.TAGS),
  CS(Kind.STRINGS),
  DA(Kind.STRINGS),
  DS(Kind.DECIMALS),
  DT(Kind.STRINGS),
  FD(Kind.BINARY_NUMBERS),
  FL(Kind.BINARY_NUMBERS),
  IS(Kind.INTEGERS),
  LO(Kind.STRINGS),
  LT(Kind.TEXT),
  OB(Kind.BYTES),
  OD(Kind.BYTES),
  OF(Kind.BYTES),
  OL(Kind.BYTES),
  OV(Kind.BYTES),
  OW(Kind.BYTES),
  PN(Kind.STRINGS),
  SH(Kind.STRINGS),
  SL(Kind.BINARY_NUMBERS),
  SQ(Kind.SEQUENCE),
  SS(Kind.BINARY_NUMBERS),
  ST(Kind.TEXT),
  SV(Kind.BINARY_NUMBERS),
  TM(Kind.STRINGS),
  UC(Kind.STRINGS),
  UI(Kind.STRINGS),
  UL(Kind.BINARY_NUMBERS),
  UN(Kind.BYTES),
  UR(Kind.TEXT),
  US(Kind.BINARY_NUMBERS),
  UT(Kind.TEXT),
  UV(Kind.BINARY_NUMBERS);

  /** How a value of this VR is rendered in the metainfo JSON. */
  enum Kind {
    /** Backslash-separated character strings. */
    STRINGS,
    /** One character string that may contain backslashes. */
    TEXT,
    /** Integer String: numbers. */
    INTEGERS,
    /** Decimal String: numbers. */
    DECIMALS,
    /** Fixed-size binary numbers (US, SS, UL, SL, UV, SV, FL, FD). */
    BINARY_NUMBERS,
    /** Attribute tags. */
    TAGS,
    /** Opaque bytes (OB, OW, OD, OF, OL, OV, UN), summarized by their length. */
    BYTES,
    /** A sequence of items. */
    SEQUENCE
  }

  private static final Vr[] BY_CODE = new Vr[26 * 26];

  static {
    for (Vr vr : values()) {
      String name = vr.name();
      BY_CODE[(name.charAt(0) - 'A') * 26 + (name.charAt(1) - 'A')] = vr;
    }
  }

  private final Kind kind;

  Vr(Kind kind) {
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }

  /**
   * Whether the explicit-VR header of this VR has 2 reserved bytes and a 4-byte length (PS3.5
   * 7.1.2).
   */
  boolean hasLongHeader() {
    switch (this) {
      case OB:
      case OD:
      case OF:
      case OL:
      case OV:
      case OW:
      case SQ:
      case UC:
      case UN:
      case UR:
      case UT:
      case SV:
      case UV:
        return true;
      default:
        return false;
    }
  }

  /** The size in bytes of one value of a binary-number VR; 0 for other VRs. */
  int binarySize() {
    switch (this) {
      case US:
      case SS:
        return 2;
      case UL:
      case SL:
      case FL:
      case AT:
        return 4;
      case FD:
      case UV:
      case SV:
        return 8;
      default:
        return 0;
    }
  }

  /** The VR spelled by two bytes of an explicit-VR header, or null when they spell none. */
  static Vr fromBytes(int first, int second) {
    int a = first - 'A';
    int b = second - 'A';
    if (a < 0 || a >= 26 || b < 0 || b >= 26) {
      return null;
    }
    return BY_CODE[a * 26 + b];
  }

  /** The VR named {@code code}, or null. */
  static Vr fromCode(String code) {
    return code == null || code.length() != 2 ? null : fromBytes(code.charAt(0), code.charAt(1));
  }
}
