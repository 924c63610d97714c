package io.datamint.spark.internal.decode.jpeg;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;

/**
 * A JPEG-LS decoder written from ITU-T T.87 | ISO/IEC 14495-1, for the DICOM transfer syntaxes
 * JPEG-LS Lossless (1.2.840.10008.1.2.4.80) and JPEG-LS Near-Lossless (1.2.840.10008.1.2.4.81).
 *
 * <p>Supported: lossless and near-lossless (NEAR &gt; 0) coding, regular and run mode, every
 * interleave mode (ILV 0 with one scan per component, 1 by line and 2 by sample), sample precisions
 * of 2 to 16 bits, default and custom preset parameters (LSE id 1: MAXVAL, T1, T2, T3, RESET, each
 * 0 meaning the default), the oversize-dimension LSE (id 4), restart intervals (DRI with RSTm
 * markers), APPn and COM segments (skipped, so SPIFF headers are fine), and subsampled components
 * in ILV 0 scans (upsampled by sample replication).
 *
 * <p>Not supported, each a {@link DecodeException} naming it: mapping (palette) tables used by a
 * scan (LSE id 2 and 3 with Tm &ne; 0), a point transform (Al &ne; 0), a height given by a DNL
 * marker, and subsampled components in line- or sample-interleaved scans. The HP colour transforms
 * (the non-standard APP8 "mrfx" segment of HP and CharLS) are not undone: samples are returned as
 * coded, like the DICOM standard expects. Truncated or corrupt data gives a {@link
 * DecodeException}; the work done is bounded by the image size, and the output array is only
 * allocated after its size has been checked against {@link DecodeLimits}.
 */
public final class JpegLsDecoder {

  private static final int MAX_COMPONENTS = 255;

  private final byte[] data;
  private final DecodeLimits limits;
  private final MarkerReader markers;

  private int precision;
  private int width;
  private int height;
  private int[] componentIds;
  private int[] hFactors;
  private int[] vFactors;
  private boolean[] decoded;

  /** The last LSE id 1 values (MAXVAL, T1, T2, T3, RESET), or null. */
  private int[] preset;

  private int restartInterval;
  private short[] samples;

  /** Per component: null when it is at full resolution (decoded straight into {@link #samples}). */
  private short[][] planes;

  private JpegLsDecoder(byte[] data, DecodeLimits limits) {
    this.data = data;
    this.limits = limits;
    this.markers = new MarkerReader(data);
  }

  /**
   * Decodes one JPEG-LS image (one DICOM frame).
   *
   * @param codestream the codestream, from SOI to EOI (bytes after EOI, such as DICOM fragment
   *     padding, are ignored)
   * @param limits bounds on the decoded size, checked before the output is allocated
   * @return the samples, interleaved, at full resolution
   * @throws DecodeException when the data is not JPEG-LS, uses an unsupported feature, is truncated
   *     or corrupt, or is over the limits
   */
  public static JpegSamples decode(byte[] codestream, DecodeLimits limits) throws DecodeException {
    return DecoderEntry.decode((c, l) -> new JpegLsDecoder(c, l).run(), codestream, limits);
  }

  private JpegSamples run() throws DecodeException {
    markers.expectSoi("JPEG-LS");
    while (true) {
      int marker = markers.nextMarker();
      if (marker < 0 || marker == JpegMarkers.EOI) {
        break;
      }
      switch (marker) {
        case JpegMarkers.SOF55 -> readFrame(markers.segment(marker));
        case JpegMarkers.LSE -> readPresets(markers.segment(marker));
        case JpegMarkers.DRI -> readRestartInterval(markers.segment(marker));
        case JpegMarkers.SOS -> readScan(markers.segment(marker));
        case JpegMarkers.DNL ->
            throw new DecodeException(
                "unsupported JPEG-LS data: the image height is given by a DNL marker");
        case JpegMarkers.SOI ->
            throw new DecodeException("corrupt JPEG-LS data: a second SOI marker");
        case JpegMarkers.TEM -> {
          // stand-alone, no parameters
        }
        default -> {
          if (JpegMarkers.isDctFamilySof(marker)) {
            throw new DecodeException(
                "not JPEG-LS: the codestream is "
                    + JpegMarkers.processName(marker)
                    + " JPEG ("
                    + JpegMarkers.name(marker)
                    + ")");
          }
          if (JpegMarkers.isRst(marker)) {
            throw new DecodeException(
                "corrupt JPEG-LS data: " + JpegMarkers.name(marker) + " outside a scan");
          }
          markers.skipSegment(marker); // APPn, COM, and tables JPEG-LS does not use
        }
      }
    }
    if (componentIds == null) {
      throw new DecodeException("truncated or corrupt JPEG-LS data: no SOF55 frame header");
    }
    for (int i = 0; i < decoded.length; i++) {
      if (!decoded[i]) {
        throw new DecodeException(
            "truncated or corrupt JPEG-LS data: no scan for component "
                + componentIds[i]
                + (samples == null ? " (no scan at all)" : ""));
      }
    }
    upsample();
    return new JpegSamples(width, height, componentIds.length, precision, samples);
  }

  private void readFrame(MarkerSegment s) throws DecodeException {
    if (componentIds != null) {
      throw new DecodeException("corrupt JPEG-LS data: a second frame header");
    }
    precision = s.u8();
    height = s.u16();
    width = s.u16();
    int nf = s.u8();
    if (precision < 2 || precision > 16) {
      throw new DecodeException(
          "corrupt JPEG-LS data: sample precision " + precision + " (must be 2 to 16)");
    }
    if (nf < 1 || nf > MAX_COMPONENTS) {
      throw new DecodeException("corrupt JPEG-LS data: " + nf + " components");
    }
    componentIds = new int[nf];
    hFactors = new int[nf];
    vFactors = new int[nf];
    decoded = new boolean[nf];
    for (int i = 0; i < nf; i++) {
      componentIds[i] = s.u8();
      int hv = s.u8();
      hFactors[i] = hv >> 4;
      vFactors[i] = hv & 15;
      s.u8(); // Tq, 0 in JPEG-LS
      if (hFactors[i] < 1 || hFactors[i] > 4 || vFactors[i] < 1 || vFactors[i] > 4) {
        throw new DecodeException(
            "corrupt JPEG-LS data: sampling factors "
                + hFactors[i]
                + "x"
                + vFactors[i]
                + " of component "
                + componentIds[i]);
      }
      for (int j = 0; j < i; j++) {
        if (componentIds[j] == componentIds[i]) {
          throw new DecodeException(
              "corrupt JPEG-LS data: component id " + componentIds[i] + " twice");
        }
      }
    }
    s.expectEnd();
  }

  private void readPresets(MarkerSegment s) throws DecodeException {
    int id = s.u8();
    switch (id) {
      case 1 -> {
        int[] p = new int[5];
        for (int i = 0; i < 5; i++) {
          p[i] = s.u16();
        }
        s.expectEnd();
        preset = p;
      }
      case 2, 3 -> {
        // a mapping table or its continuation: only an error if a scan uses it
      }
      case 4 -> {
        if (componentIds == null || samples != null) {
          throw new DecodeException(
              "corrupt JPEG-LS data: an oversize-dimension LSE segment outside the frame"
                  + " header");
        }
        int wxy = s.u8();
        if (wxy < 2 || wxy > 4) {
          throw new DecodeException("corrupt JPEG-LS data: oversize-dimension field size " + wxy);
        }
        long y = s.unsigned(wxy);
        long x = s.unsigned(wxy);
        s.expectEnd();
        if (y > Integer.MAX_VALUE || x > Integer.MAX_VALUE) {
          throw new DecodeException("JPEG-LS image of " + x + "x" + y + " is over the size limit");
        }
        height = (int) y;
        width = (int) x;
      }
      default ->
          throw new DecodeException(
              "unsupported JPEG-LS data: LSE preset parameters of type " + id);
    }
  }

  private void readRestartInterval(MarkerSegment s) throws DecodeException {
    int n = s.remaining();
    if (n < 1 || n > 4) {
      throw new DecodeException("corrupt JPEG-LS data: a DRI segment of " + n + " parameter bytes");
    }
    long ri = s.unsigned(n);
    restartInterval = (int) Math.min(ri, Integer.MAX_VALUE);
  }

  private void readScan(MarkerSegment s) throws DecodeException {
    if (componentIds == null) {
      throw new DecodeException("corrupt JPEG-LS data: a scan before the SOF55 frame header");
    }
    int ns = s.u8();
    if (ns < 1 || ns > componentIds.length || ns > 4) {
      throw new DecodeException(
          "corrupt JPEG-LS data: a scan of "
              + ns
              + " components in a frame of "
              + componentIds.length);
    }
    int[] index = new int[ns];
    for (int i = 0; i < ns; i++) {
      int id = s.u8();
      int tm = s.u8();
      index[i] = componentIndex(id);
      if (decoded[index[i]]) {
        throw new DecodeException("corrupt JPEG-LS data: component " + id + " is coded twice");
      }
      for (int j = 0; j < i; j++) {
        if (index[j] == index[i]) {
          throw new DecodeException("corrupt JPEG-LS data: component " + id + " twice in one scan");
        }
      }
      if (tm != 0) {
        throw new DecodeException(
            "unsupported JPEG-LS data: component "
                + id
                + " uses mapping table "
                + tm
                + " (palette images)");
      }
    }
    int near = s.u8();
    int ilv = s.u8();
    int pointTransform = s.u8();
    s.expectEnd();
    if (ilv > 2) {
      throw new DecodeException("corrupt JPEG-LS data: interleave mode " + ilv);
    }
    if (ilv == 0 && ns != 1) {
      throw new DecodeException(
          "corrupt JPEG-LS data: " + ns + " components in a non-interleaved scan");
    }
    if (pointTransform != 0) {
      throw new DecodeException(
          "unsupported JPEG-LS data: point transform " + (pointTransform & 15));
    }
    if (ns == 1) {
      ilv = 0;
    }
    if (width == 0 || height == 0) {
      throw new DecodeException(
          height == 0 && width > 0
              ? "unsupported JPEG-LS data: the image height is 0 (to be given by a DNL marker)"
              : "corrupt JPEG-LS data: an image of " + width + "x" + height);
    }
    allocateOutput();

    JpegLsScanDecoder.Target[] targets = new JpegLsScanDecoder.Target[ns];
    for (int i = 0; i < ns; i++) {
      targets[i] = target(index[i]);
      if (i > 0
          && (targets[i].width() != targets[0].width()
              || targets[i].height() != targets[0].height())) {
        throw new DecodeException(
            "unsupported JPEG-LS data: subsampled components in an interleaved scan");
      }
    }
    // the two int line buffers per component can outgrow the output for very wide images (oversize
    // LSE)
    limits.checkedByteSize(DType.INT32, 2L * ns, targets[0].width() + 2L);
    JpegLsParameters params = JpegLsParameters.of(precision, near, preset);
    JpegLsBitReader reader = new JpegLsBitReader(data, markers.position());
    int end = new JpegLsScanDecoder(params, reader, targets, ilv, restartInterval).decode();
    markers.position(end);
    for (int i : index) {
      decoded[i] = true;
    }
  }

  private int componentIndex(int id) throws DecodeException {
    for (int i = 0; i < componentIds.length; i++) {
      if (componentIds[i] == id) {
        return i;
      }
    }
    throw new DecodeException(
        "corrupt JPEG-LS data: a scan names component " + id + ", which the frame lacks");
  }

  private void allocateOutput() throws DecodeException {
    if (samples != null) {
      return;
    }
    int nf = componentIds.length;
    limits.checkedByteSize(DType.UINT16, height, width, nf);
    samples = new short[Math.toIntExact((long) height * width * nf)];
    planes = new short[nf][];
    int hMax = max(hFactors);
    int vMax = max(vFactors);
    for (int i = 0; i < nf; i++) {
      if (hFactors[i] != hMax || vFactors[i] != vMax) {
        int w = ceilDiv(width, hFactors[i], hMax);
        int h = ceilDiv(height, vFactors[i], vMax);
        limits.checkedByteSize(DType.UINT16, h, w);
        planes[i] = new short[w * h];
      }
    }
  }

  private JpegLsScanDecoder.Target target(int i) {
    int nf = componentIds.length;
    if (planes[i] == null) {
      return new JpegLsScanDecoder.Target(samples, i, width * nf, nf, width, height);
    }
    int w = ceilDiv(width, hFactors[i], max(hFactors));
    int h = ceilDiv(height, vFactors[i], max(vFactors));
    return new JpegLsScanDecoder.Target(planes[i], 0, w, 1, w, h);
  }

  /** Replicates the samples of subsampled components to full resolution. */
  private void upsample() {
    int nf = componentIds.length;
    int hMax = max(hFactors);
    int vMax = max(vFactors);
    for (int i = 0; i < nf; i++) {
      short[] plane = planes[i];
      if (plane == null) {
        continue;
      }
      int w = ceilDiv(width, hFactors[i], hMax);
      for (int y = 0; y < height; y++) {
        int row = (int) ((long) y * vFactors[i] / vMax) * w;
        int o = y * width * nf + i;
        for (int x = 0; x < width; x++, o += nf) {
          samples[o] = plane[row + (int) ((long) x * hFactors[i] / hMax)];
        }
      }
    }
  }

  private static int ceilDiv(int size, int factor, int maxFactor) {
    return (int) (((long) size * factor + maxFactor - 1) / maxFactor);
  }

  private static int max(int[] values) {
    int m = 0;
    for (int v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
