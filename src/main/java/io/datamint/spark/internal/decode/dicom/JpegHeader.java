package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;

/**
 * What the markers of a JPEG codestream (ITU T.81) say before the scan: the frame header (SOFn) and
 * the APP0 JFIF and APP14 Adobe segments, which decide the color space of 3-component images.
 *
 * @param sofMarker the SOF marker, e.g. 0xC0 baseline, 0xC1 extended, 0xC3 lossless
 * @param precision bits per sample
 * @param height lines (0 when a DNL marker gives them)
 * @param width samples per line
 * @param componentIds the component identifiers
 * @param subsampled whether the components have different sampling factors
 * @param jfif whether an APP0 JFIF segment is present
 * @param adobeTransform the APP14 Adobe transform flag (0 none, 1 YCbCr, 2 YCCK), or -1 without
 *     that segment
 */
record JpegHeader(
    int sofMarker,
    int precision,
    int height,
    int width,
    int[] componentIds,
    boolean subsampled,
    boolean jfif,
    int adobeTransform) {

  /** Whether the frame is lossless (SOF3). */
  boolean lossless() {
    return sofMarker == 0xC3;
  }

  int components() {
    return componentIds.length;
  }

  /**
   * The photometric interpretation of the decoded samples of a 3-component image when the
   * codestream says it, following libjpeg: an APP14 Adobe segment decides (transform 0: RGB, else
   * YCbCr); a JFIF segment means YCbCr; component identifiers 'R','G','B' mean RGB. Null otherwise:
   * the DICOM Photometric Interpretation then applies.
   */
  String colorSpace() {
    if (componentIds.length != 3) {
      return null;
    }
    if (adobeTransform >= 0) {
      return adobeTransform == 0 ? "RGB" : "YBR_FULL";
    }
    if (jfif) {
      return "YBR_FULL";
    }
    int a = componentIds[0];
    int b = componentIds[1];
    int c = componentIds[2];
    if (a == 'R' && b == 'G' && c == 'B' || a == 'r' && b == 'g' && c == 'b') {
      return "RGB";
    }
    return null;
  }

  /**
   * Reads the markers up to the first SOS.
   *
   * @throws DecodeException when the bytes are not a JPEG codestream or have no frame header
   */
  static JpegHeader parse(byte[] cs, int frameIndex) throws DecodeException {
    if (cs.length < 4 || (cs[0] & 0xFF) != 0xFF || (cs[1] & 0xFF) != 0xD8) {
      throw new DecodeException(
          "frame " + frameIndex + " is not a JPEG codestream (no SOI marker)");
    }
    int pos = 2;
    boolean jfif = false;
    int adobe = -1;
    while (pos + 4 <= cs.length) {
      if ((cs[pos] & 0xFF) != 0xFF) {
        pos++; // tolerate fill bytes and garbage between segments
        continue;
      }
      int marker = cs[pos + 1] & 0xFF;
      if (marker == 0xFF || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
        pos += marker == 0xFF ? 1 : 2;
        continue;
      }
      int length = (cs[pos + 2] & 0xFF) << 8 | (cs[pos + 3] & 0xFF);
      int body = pos + 4;
      if (length < 2 || body + length - 2 > cs.length) {
        break;
      }
      if (marker == 0xE0
          && length >= 7
          && cs[body] == 'J'
          && cs[body + 1] == 'F'
          && cs[body + 2] == 'I'
          && cs[body + 3] == 'F'
          && cs[body + 4] == 0) {
        jfif = true;
      } else if (marker == 0xEE
          && length >= 14
          && cs[body] == 'A'
          && cs[body + 1] == 'd'
          && cs[body + 2] == 'o'
          && cs[body + 3] == 'b'
          && cs[body + 4] == 'e') {
        adobe = cs[body + 11] & 0xFF;
      } else if (isSof(marker) && length >= 8) {
        int precision = cs[body] & 0xFF;
        int height = (cs[body + 1] & 0xFF) << 8 | (cs[body + 2] & 0xFF);
        int width = (cs[body + 3] & 0xFF) << 8 | (cs[body + 4] & 0xFF);
        int n = cs[body + 5] & 0xFF;
        if (n == 0 || length < 8 + 3 * n) {
          break;
        }
        int[] ids = new int[n];
        boolean subsampled = false;
        int firstSampling = cs[body + 7] & 0xFF;
        for (int i = 0; i < n; i++) {
          ids[i] = cs[body + 6 + 3 * i] & 0xFF;
          subsampled |= (cs[body + 7 + 3 * i] & 0xFF) != firstSampling;
        }
        return new JpegHeader(marker, precision, height, width, ids, subsampled, jfif, adobe);
      } else if (marker == 0xDA || marker == 0xD9) {
        break;
      }
      pos = body + length - 2;
    }
    throw new DecodeException(
        "frame "
            + frameIndex
            + " is not a valid JPEG codestream: no frame header (SOF) "
            + "before the scan");
  }

  private static boolean isSof(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }
}
