package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import java.util.HashMap;
import java.util.Map;

/**
 * The codecs for encapsulated pixel data, by transfer syntax UID. Immutable; {@link #with} returns
 * a new registry.
 *
 * <p>{@link #defaults()} has codecs, all pure Java but one optional native, for every encapsulated
 * transfer syntax the connector reads: RLE Lossless (our own), JPEG baseline and 8-bit extended and
 * JPEG lossless (TwelveMonkeys' ImageIO JPEG reader), 12-bit JPEG extended and JPEG-LS (our own
 * decoders in {@code io.datamint.spark.internal.decode.jpeg}), and JPEG 2000 (jai-imageio's J2K
 * reader, or OpenJPEG when OpenCV's jar is on the class path: {@link Jpeg2000Codec}). Another
 * registry can be passed to {@link DicomDecoder#DicomDecoder(EncapsulatedCodecs)}.
 */
final class EncapsulatedCodecs {

  /** RLE Lossless. */
  public static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";

  /** JPEG Baseline (Process 1), 8-bit. */
  public static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

  /** JPEG Extended (Process 2 and 4): 8-bit or 12-bit. */
  public static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";

  /** JPEG Lossless, Non-Hierarchical (Process 14). */
  public static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57";

  /** JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14, Selection Value 1). */
  public static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";

  /** JPEG-LS Lossless. */
  public static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";

  /** JPEG-LS Lossy (Near-Lossless). */
  public static final String JPEG_LS_NEAR_LOSSLESS = "1.2.840.10008.1.2.4.81";

  /** JPEG 2000 (Lossless Only). */
  public static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";

  /** JPEG 2000. */
  public static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";

  private static final EncapsulatedCodecs DEFAULTS = createDefaults();

  private final Map<String, EncapsulatedCodec> codecs;

  private EncapsulatedCodecs(Map<String, EncapsulatedCodec> codecs) {
    this.codecs = Map.copyOf(codecs);
  }

  /** The built-in codecs (see the class comment for what they cover). */
  public static EncapsulatedCodecs defaults() {
    return DEFAULTS;
  }

  /** A registry without codecs. */
  public static EncapsulatedCodecs empty() {
    return new EncapsulatedCodecs(Map.of());
  }

  private static EncapsulatedCodecs createDefaults() {
    EncapsulatedCodec jpeg = new ImageIoJpegCodec();
    EncapsulatedCodec jpeg2000 = new Jpeg2000Codec(true);
    return empty()
        .with(RLE_LOSSLESS, new RleCodec())
        .with(JPEG_BASELINE, jpeg)
        .with(JPEG_EXTENDED, jpegExtended(JpegSamplesCodec.JPEG_DCT))
        .with(JPEG_LOSSLESS, jpeg)
        .with(JPEG_LOSSLESS_SV1, jpeg)
        .with(JPEG_2000_LOSSLESS, jpeg2000)
        .with(JPEG_2000, jpeg2000)
        .with(JPEG_LS_LOSSLESS, JpegSamplesCodec.JPEG_LS)
        .with(JPEG_LS_NEAR_LOSSLESS, JpegSamplesCodec.JPEG_LS);
  }

  /**
   * A codec for JPEG Extended (.51): frames with 8-bit samples go to the ImageIO JPEG reader,
   * frames with 12-bit samples to {@code twelveBit}; when that is null they fail with "has no
   * decoder registered".
   */
  public static EncapsulatedCodec jpegExtended(EncapsulatedCodec twelveBit) {
    return new JpegExtendedCodec(new ImageIoJpegCodec(), twelveBit);
  }

  /**
   * This registry with {@code codec} for {@code transferSyntaxUid} (replacing any codec it had).
   */
  public EncapsulatedCodecs with(String transferSyntaxUid, EncapsulatedCodec codec) {
    Map<String, EncapsulatedCodec> copy = new HashMap<>(codecs);
    copy.put(transferSyntaxUid, codec);
    return new EncapsulatedCodecs(copy);
  }

  /** The codec for a transfer syntax, or null. */
  public EncapsulatedCodec codec(String transferSyntaxUid) {
    return codecs.get(transferSyntaxUid);
  }

  /** Whether a codec is registered for the transfer syntax. */
  public boolean supports(String transferSyntaxUid) {
    return codecs.containsKey(transferSyntaxUid);
  }

  /** The error for a transfer syntax without a codec. */
  static DecodeException noDecoder(String transferSyntaxUid, String detail) {
    return new DecodeException(
        "transfer syntax "
            + TransferSyntax.of(transferSyntaxUid).describe()
            + " has no decoder registered"
            + (detail == null ? "" : " " + detail));
  }

  /** JPEG Extended: routes frames by their sample precision. */
  static final class JpegExtendedCodec implements EncapsulatedCodec {
    private final EncapsulatedCodec eightBit;
    private final EncapsulatedCodec twelveBit;

    JpegExtendedCodec(EncapsulatedCodec eightBit, EncapsulatedCodec twelveBit) {
      this.eightBit = eightBit;
      this.twelveBit = twelveBit;
    }

    @Override
    public FrameSamples decode(byte[] codestream, FrameSpec spec) throws DecodeException {
      JpegHeader header = JpegHeader.parse(codestream, spec.frameIndex());
      if (header.precision() <= 8) {
        return eightBit.decode(codestream, spec);
      }
      if (twelveBit == null) {
        throw noDecoder(spec.transferSyntaxUid(), "for " + header.precision() + "-bit samples");
      }
      return twelveBit.decode(codestream, spec);
    }
  }
}
