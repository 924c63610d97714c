package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.jpeg.JpegDctDecoder;
import io.datamint.spark.internal.decode.jpeg.JpegLsDecoder;
import io.datamint.spark.internal.decode.jpeg.JpegSamples;

/**
 * Adapts this project's own JPEG decoders ({@link JpegLsDecoder} for JPEG-LS, {@link
 * JpegDctDecoder} for 12-bit JPEG extended) to DICOM frames: the codestream's size must be the
 * frame's, and its samples are handed over interleaved, in the color space the header declares.
 */
final class JpegSamplesCodec implements EncapsulatedCodec {

  /** A decoder of one codestream. */
  @FunctionalInterface
  interface CodestreamDecoder {
    JpegSamples decode(byte[] codestream, DecodeLimits limits) throws DecodeException;
  }

  /** JPEG-LS lossless and near-lossless (.80, .81). */
  static final EncapsulatedCodec JPEG_LS = new JpegSamplesCodec(JpegLsDecoder::decode, "JPEG-LS");

  /** Sequential DCT JPEG, used for the 12-bit frames of JPEG extended (.51). */
  static final EncapsulatedCodec JPEG_DCT = new JpegSamplesCodec(JpegDctDecoder::decode, "JPEG");

  private final CodestreamDecoder decoder;
  private final String name;

  private JpegSamplesCodec(CodestreamDecoder decoder, String name) {
    this.decoder = decoder;
    this.name = name;
  }

  @Override
  public FrameSamples decode(byte[] codestream, FrameSpec spec) throws DecodeException {
    // The frame's own size bounds what the codestream may declare (int samples, plus line buffers).
    long frameBytes = 4L * spec.sampleCount();
    JpegSamples samples =
        decoder.decode(codestream, new DecodeLimits(Math.max(1 << 16, 2 * frameBytes)));
    if (samples.width() != spec.columns()
        || samples.height() != spec.rows()
        || samples.components() != spec.samplesPerPixel()) {
      throw new DecodeException(
          "frame "
              + spec.frameIndex()
              + ": the "
              + name
              + " codestream is "
              + samples.width()
              + "x"
              + samples.height()
              + " with "
              + samples.components()
              + " components, the header "
              + "says "
              + spec.columns()
              + "x"
              + spec.rows()
              + " with "
              + spec.samplesPerPixel());
    }
    short[] raw = samples.samples();
    int[] values = new int[raw.length];
    for (int i = 0; i < raw.length; i++) {
      values[i] = raw[i] & 0xFFFF;
    }
    return FrameSamples.interleaved(
        spec.rows(), spec.columns(), spec.samplesPerPixel(), values, samples.precision(), null);
  }
}
