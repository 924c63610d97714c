package io.datamint.spark.internal.decode.jpeg;

/**
 * The marker codes of ITU-T T.81 (Table B.1) and T.87 (Table C.1) used here, and their names for
 * messages.
 */
final class JpegMarkers {

  static final int SOF0 = 0xC0;
  static final int SOF1 = 0xC1;
  static final int SOF2 = 0xC2;
  static final int SOF3 = 0xC3;
  static final int DHT = 0xC4;
  static final int JPG = 0xC8;
  static final int DAC = 0xCC;
  static final int SOF15 = 0xCF;
  static final int RST0 = 0xD0;
  static final int RST7 = 0xD7;
  static final int SOI = 0xD8;
  static final int EOI = 0xD9;
  static final int SOS = 0xDA;
  static final int DQT = 0xDB;
  static final int DNL = 0xDC;
  static final int DRI = 0xDD;
  static final int APP0 = 0xE0;
  static final int APP15 = 0xEF;

  /** SOF55: start of a JPEG-LS frame (T.87). */
  static final int SOF55 = 0xF7;

  /** LSE: JPEG-LS preset parameters (T.87 C.2.4.1). */
  static final int LSE = 0xF8;

  static final int COM = 0xFE;
  static final int TEM = 0x01;

  private JpegMarkers() {}

  /** Whether {@code marker} starts a T.81 frame (SOF0..SOF15 without DHT, JPG and DAC). */
  static boolean isDctFamilySof(int marker) {
    return marker >= SOF0 && marker <= SOF15 && marker != DHT && marker != JPG && marker != DAC;
  }

  /** Whether {@code marker} is RST0..RST7. */
  static boolean isRst(int marker) {
    return marker >= RST0 && marker <= RST7;
  }

  /** Whether {@code marker} stands alone, without a length and parameters (T.81 B.1.1.3). */
  static boolean isStandalone(int marker) {
    return marker == SOI || marker == EOI || marker == TEM || isRst(marker);
  }

  /** A name such as {@code SOF2 (FFC2)}. */
  static String name(int marker) {
    String hex = String.format("FF%02X", marker);
    String name;
    if (isDctFamilySof(marker)) {
      name = "SOF" + (marker - SOF0);
    } else if (isRst(marker)) {
      name = "RST" + (marker - RST0);
    } else if (marker >= APP0 && marker <= APP15) {
      name = "APP" + (marker - APP0);
    } else {
      name =
          switch (marker) {
            case DHT -> "DHT";
            case DAC -> "DAC";
            case SOI -> "SOI";
            case EOI -> "EOI";
            case SOS -> "SOS";
            case DQT -> "DQT";
            case DNL -> "DNL";
            case DRI -> "DRI";
            case SOF55 -> "SOF55";
            case LSE -> "LSE";
            case COM -> "COM";
            default -> "marker";
          };
    }
    return name + " (" + hex + ")";
  }

  /** What a T.81 frame marker means, for "not supported" messages. */
  static String processName(int sof) {
    return switch (sof) {
      case SOF0 -> "baseline DCT";
      case SOF1 -> "extended sequential DCT";
      case SOF2 -> "progressive DCT";
      case SOF3 -> "lossless (process 14)";
      case 0xC5, 0xC6, 0xC7 -> "hierarchical";
      case 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, SOF15 -> "arithmetic-coded";
      default -> "unknown";
    };
  }
}
