package io.datamint.spark.internal.decode.jpeg;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;

/**
 * A sequential DCT JPEG decoder written from ITU-T T.81 | ISO/IEC 10918-1, for the DICOM transfer
 * syntaxes JPEG Baseline (1.2.840.10008.1.2.4.50, process 1) and JPEG Extended
 * (1.2.840.10008.1.2.4.51, processes 2 and 4), including the 12-bit images of the latter that
 * common Java decoders reject.
 *
 * <p>Supported: Huffman-coded sequential DCT frames (SOF0 and SOF1) of 8- or 12-bit precision with
 * 1 to 4 components, any sampling factors 1 to 4, interleaved or non-interleaved scans (several
 * scans per frame), up to 4 DC and 4 AC tables, 8- and 16-bit quantisation tables, restart
 * intervals, tables redefined between scans. The scan parameters Ss, Se, Ah and Al are ignored, as
 * libjpeg does for sequential frames (some encoders write zeros there).
 *
 * <p>The output is the component samples <em>without colour conversion</em>: for a YCbCr image the
 * components are Y, Cb and Cr, and the DICOM layer converts them or not from the Photometric
 * Interpretation. The inverse DCT is the integer method of the IJG library ("islow"), and
 * subsampled components are upsampled like libjpeg 6b does by default ("fancy" triangle filtering
 * for 2:1 ratios, replication otherwise; see {@link Upsampler}), so the result matches DCMTK's
 * {@code dcmdjpeg +cn} (which uses that library).
 *
 * <p>Not supported, each a {@link DecodeException} naming it: progressive, lossless, hierarchical
 * and arithmetic-coded JPEG, a height given by a DNL marker, and precisions other than 8 and 12.
 * Truncated or corrupt data gives a {@link DecodeException}; the output is allocated only after its
 * size was checked against {@link DecodeLimits}.
 */
public final class JpegDctDecoder {

  private static final int MAX_COMPONENTS = 4;

  private final byte[] data;
  private final DecodeLimits limits;
  private final MarkerReader markers;
  private final HuffmanTable[] dcTables = new HuffmanTable[4];
  private final HuffmanTable[] acTables = new HuffmanTable[4];
  private final int[][] quantTables = new int[4][];
  private int restartInterval;

  private int precision;
  private int width;
  private int height;
  private int hMax;
  private int vMax;
  private int mcusX;
  private int mcusY;
  private DctComponent[] components;
  private InverseDct idct;

  private JpegDctDecoder(byte[] data, DecodeLimits limits) {
    this.data = data;
    this.limits = limits;
    this.markers = new MarkerReader(data);
  }

  /**
   * Decodes one JPEG image (one DICOM frame).
   *
   * @param codestream the codestream from SOI to EOI (bytes after EOI, such as DICOM fragment
   *     padding, are ignored)
   * @param limits bounds on the decoded size, checked before allocating
   * @return the component samples, interleaved, at full resolution, not colour-converted
   * @throws DecodeException when the data is not a supported JPEG, is truncated or corrupt, or is
   *     over the limits
   */
  public static JpegSamples decode(byte[] codestream, DecodeLimits limits) throws DecodeException {
    return DecoderEntry.decode((c, l) -> new JpegDctDecoder(c, l).run(), codestream, limits);
  }

  private JpegSamples run() throws DecodeException {
    markers.expectSoi("JPEG");
    while (true) {
      int marker = markers.nextMarker();
      if (marker < 0 || marker == JpegMarkers.EOI) {
        break;
      }
      switch (marker) {
        case JpegMarkers.SOF0, JpegMarkers.SOF1 -> readFrame(markers.segment(marker));
        case JpegMarkers.DHT -> {
          MarkerSegment s = markers.segment(marker);
          HuffmanTable.read(s, dcTables, acTables);
        }
        case JpegMarkers.DQT -> readQuantTables(markers.segment(marker));
        case JpegMarkers.DRI -> {
          MarkerSegment s = markers.segment(marker);
          restartInterval = s.u16();
          s.expectEnd();
        }
        case JpegMarkers.SOS -> readScan(markers.segment(marker));
        case JpegMarkers.DNL ->
            throw new DecodeException(
                "unsupported JPEG data: the image height is given by a DNL marker");
        case JpegMarkers.SOI -> throw new DecodeException("corrupt JPEG data: a second SOI marker");
        case JpegMarkers.SOF55, JpegMarkers.LSE ->
            throw new DecodeException(
                "not a DCT JPEG: the codestream is JPEG-LS (" + JpegMarkers.name(marker) + ")");
        case JpegMarkers.TEM -> {
          // stand-alone, no parameters
        }
        default -> {
          if (JpegMarkers.isDctFamilySof(marker)) {
            throw new DecodeException(
                "unsupported JPEG process: "
                    + JpegMarkers.processName(marker)
                    + " ("
                    + JpegMarkers.name(marker)
                    + "); only sequential DCT (SOF0, SOF1) is supported");
          }
          if (marker == JpegMarkers.DAC) {
            throw new DecodeException("unsupported JPEG process: arithmetic coding (DAC marker)");
          }
          if (JpegMarkers.isRst(marker)) {
            throw new DecodeException(
                "corrupt JPEG data: " + JpegMarkers.name(marker) + " outside a scan");
          }
          markers.skipSegment(marker); // APPn, COM
        }
      }
    }
    if (components == null) {
      throw new DecodeException("truncated or corrupt JPEG data: no frame header (SOF)");
    }
    for (DctComponent c : components) {
      if (!c.decoded) {
        throw new DecodeException("truncated or corrupt JPEG data: no scan for component " + c.id);
      }
    }
    int n = components.length;
    short[] samples = new short[Math.toIntExact((long) width * height * n)];
    for (int i = 0; i < n; i++) {
      DctComponent c = components[i];
      Upsampler.upsample(
          c.plane, c.stride, c.width, c.height, c.h, hMax, c.v, vMax, samples, width, height, n, i);
      c.plane = null;
    }
    return new JpegSamples(width, height, n, precision, samples);
  }

  private void readFrame(MarkerSegment s) throws DecodeException {
    if (components != null) {
      throw new DecodeException("corrupt JPEG data: a second frame header");
    }
    precision = s.u8();
    height = s.u16();
    width = s.u16();
    int nf = s.u8();
    if (precision != 8 && precision != 12) {
      throw new DecodeException(
          "unsupported JPEG data: " + precision + "-bit DCT samples (8 or 12 supported)");
    }
    if (height == 0) {
      throw new DecodeException(
          "unsupported JPEG data: the image height is 0 (to be given by a DNL marker)");
    }
    if (width == 0) {
      throw new DecodeException("corrupt JPEG data: the image width is 0");
    }
    if (nf < 1 || nf > MAX_COMPONENTS) {
      throw new DecodeException("unsupported JPEG data: " + nf + " components (1 to 4 supported)");
    }
    int[] ids = new int[nf];
    int[] hs = new int[nf];
    int[] vs = new int[nf];
    int[] tqs = new int[nf];
    for (int i = 0; i < nf; i++) {
      ids[i] = s.u8();
      int hv = s.u8();
      hs[i] = hv >> 4;
      vs[i] = hv & 15;
      tqs[i] = s.u8();
      if (hs[i] < 1 || hs[i] > 4 || vs[i] < 1 || vs[i] > 4) {
        throw new DecodeException(
            "corrupt JPEG data: sampling factors "
                + hs[i]
                + "x"
                + vs[i]
                + " of component "
                + ids[i]);
      }
      if (tqs[i] > 3) {
        throw new DecodeException(
            "corrupt JPEG data: quantisation table " + tqs[i] + " for component " + ids[i]);
      }
      for (int j = 0; j < i; j++) {
        if (ids[j] == ids[i]) {
          throw new DecodeException("corrupt JPEG data: component id " + ids[i] + " twice");
        }
      }
      hMax = Math.max(hMax, hs[i]);
      vMax = Math.max(vMax, vs[i]);
    }
    s.expectEnd();

    limits.checkedByteSize(DType.UINT16, height, width, nf);
    mcusX = (width + 8 * hMax - 1) / (8 * hMax);
    mcusY = (height + 8 * vMax - 1) / (8 * vMax);
    DctComponent[] comps = new DctComponent[nf];
    for (int i = 0; i < nf; i++) {
      comps[i] =
          new DctComponent(ids[i], hs[i], vs[i], tqs[i], width, height, hMax, vMax, mcusX, mcusY);
      limits.checkedByteSize(DType.UINT16, comps[i].planeHeight, comps[i].stride);
    }
    for (DctComponent c : comps) {
      c.plane = new short[Math.toIntExact((long) c.stride * c.planeHeight)];
    }
    components = comps;
    idct = new InverseDct(precision);
  }

  private void readQuantTables(MarkerSegment s) throws DecodeException {
    while (s.remaining() > 0) {
      int pqTq = s.u8();
      int pq = pqTq >> 4;
      int tq = pqTq & 15;
      if (pq > 1 || tq > 3) {
        throw new DecodeException(
            "corrupt JPEG data: quantisation table precision " + pq + " id " + tq);
      }
      int[] table = new int[64];
      for (int k = 0; k < 64; k++) {
        table[DctScanDecoder.ZIGZAG[k]] = pq == 0 ? s.u8() : s.u16();
      }
      quantTables[tq] = table;
    }
  }

  private void readScan(MarkerSegment s) throws DecodeException {
    if (components == null) {
      throw new DecodeException("corrupt JPEG data: a scan before the frame header");
    }
    int ns = s.u8();
    if (ns < 1 || ns > components.length) {
      throw new DecodeException(
          "corrupt JPEG data: a scan of " + ns + " components in a frame of " + components.length);
    }
    DctComponent[] scan = new DctComponent[ns];
    HuffmanTable[] dc = new HuffmanTable[ns];
    HuffmanTable[] ac = new HuffmanTable[ns];
    int blocksPerMcu = 0;
    for (int i = 0; i < ns; i++) {
      int id = s.u8();
      int tdTa = s.u8();
      DctComponent c = component(id);
      for (int j = 0; j < i; j++) {
        if (scan[j] == c) {
          throw new DecodeException("corrupt JPEG data: component " + id + " twice in one scan");
        }
      }
      if (c.decoded) {
        throw new DecodeException(
            "unsupported JPEG data: component "
                + id
                + " in a second scan (progressive"
                + " or multi-pass coding)");
      }
      int td = tdTa >> 4;
      int ta = tdTa & 15;
      if (td > 3 || ta > 3 || dcTables[td] == null || acTables[ta] == null) {
        throw new DecodeException(
            "corrupt JPEG data: component "
                + id
                + " uses Huffman tables DC "
                + td
                + " / AC "
                + ta
                + ", which are not defined");
      }
      if (quantTables[c.tq] == null) {
        throw new DecodeException(
            "corrupt JPEG data: component "
                + id
                + " uses quantisation table "
                + c.tq
                + ", which is not defined");
      }
      scan[i] = c;
      dc[i] = dcTables[td];
      ac[i] = acTables[ta];
      c.quant = quantTables[c.tq].clone();
      blocksPerMcu += c.h * c.v;
    }
    s.u8(); // Ss: 0 for sequential; ignored like libjpeg does
    s.u8(); // Se: 63
    s.u8(); // Ah, Al: 0
    s.expectEnd();
    if (ns > 1 && blocksPerMcu > 10) {
      throw new DecodeException(
          "corrupt JPEG data: " + blocksPerMcu + " blocks per MCU (at most 10)");
    }
    HuffmanBitReader reader = new HuffmanBitReader(data, markers.position());
    int end =
        new DctScanDecoder(reader, idct, scan, dc, ac, restartInterval, mcusX, mcusY).decode();
    markers.position(end);
    for (DctComponent c : scan) {
      c.decoded = true;
    }
  }

  private DctComponent component(int id) throws DecodeException {
    for (DctComponent c : components) {
      if (c.id == id) {
        return c;
      }
    }
    throw new DecodeException(
        "corrupt JPEG data: a scan names component " + id + ", which the frame lacks");
  }
}
