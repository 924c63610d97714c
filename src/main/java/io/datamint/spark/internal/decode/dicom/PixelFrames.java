package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelDtype;

/**
 * The frames of a parsed DICOM's pixel data, checked and ready to decode one at a time: native
 * frames are offsets into the file's bytes, encapsulated frames codestreams decoded by the transfer
 * syntax's {@link EncapsulatedCodec}. Each frame is written through a {@link FrameWriter} with the
 * one {@link OutputPlan} decided for the whole file (output type, palette, modality LUT), so a
 * frame decoded alone has the same values as in the whole decoded array (except for MONOCHROME1,
 * whose inversion depends on every frame: see {@link OutputPlan#invertMonochrome1()}).
 *
 * <p>Frames are independent: any frame can be decoded without the others. Not thread-safe (one
 * working array, reused from frame to frame).
 */
final class PixelFrames {

  private final PixelModule pm;
  private final OutputPlan plan;
  private final DecodeLimits limits;
  private final NativeFrames nativeFrames;
  private final EncapsulatedFrames encapsulated;
  private final EncapsulatedCodec codec;
  private final String syntaxUid;
  private final int count;
  private int[] scratch;

  private PixelFrames(
      PixelModule pm,
      OutputPlan plan,
      DecodeLimits limits,
      NativeFrames nativeFrames,
      EncapsulatedFrames encapsulated,
      EncapsulatedCodec codec,
      String syntaxUid) {
    this.pm = pm;
    this.plan = plan;
    this.limits = limits;
    this.nativeFrames = nativeFrames;
    this.encapsulated = encapsulated;
    this.codec = codec;
    this.syntaxUid = syntaxUid;
    this.count = nativeFrames != null ? nativeFrames.frameCount() : encapsulated.count();
  }

  /**
   * The frames of the file's pixel data.
   *
   * @param dtype the element type asked for (see {@link OutputPlan})
   * @param wholeFile whether all the frames are decoded into one array, whose size is then checked
   *     against the limits before the pixel data is split; otherwise each frame is checked as it is
   *     allocated
   * @throws DecodeException when there is no pixel data, no codec for it, or it does not hold the
   *     frames the header declares
   */
  static PixelFrames open(
      ParsedDicom dicom,
      EncapsulatedCodecs codecs,
      DecodeLimits limits,
      PixelDtype dtype,
      boolean wholeFile)
      throws DecodeException {
    DicomDataset ds = dicom.dataset();
    DicomElement pixelData = ds.get(Tags.PIXEL_DATA);
    if (pixelData == null) {
      if (ds.contains(Tags.FLOAT_PIXEL_DATA) || ds.contains(Tags.DOUBLE_FLOAT_PIXEL_DATA)) {
        throw new DecodeException(
            "Float Pixel Data (7FE0,0008) and Double Float Pixel Data (7FE0,0009) are not "
                + "supported");
      }
      throw new DecodeException(
          "no pixel data: this DICOM is " + PixelDecoder.describeObject(dicom));
    }
    PixelModule pm = PixelModule.of(ds);
    OutputPlan plan = OutputPlan.of(ds, pm, dtype);
    TransferSyntax syntax = dicom.transferSyntax();
    if (pixelData.isEncapsulated() != syntax.encapsulated()) {
      throw new DecodeException(
          pixelData.isEncapsulated()
              ? "the Pixel Data is encapsulated (compressed), but transfer syntax "
                  + syntax.describe()
                  + " is not a compressed one"
              : "transfer syntax "
                  + syntax.describe()
                  + " needs encapsulated pixel data, but the Pixel Data has a "
                  + "defined length");
    }
    if (!pixelData.isEncapsulated()) {
      NativeFrames frames = NativeFrames.of(pixelData, pm);
      if (wholeFile) {
        limits.checkedByteSize(
            plan.outputType(), frames.frameCount(), plan.channels(), pm.rows(), pm.columns());
      }
      frames.checkLength();
      return new PixelFrames(pm, plan, limits, frames, null, null, syntax.uid());
    }
    EncapsulatedCodec codec = codecs.codec(syntax.uid());
    if (codec == null) {
      throw EncapsulatedCodecs.noDecoder(syntax.uid(), null);
    }
    if (wholeFile && pm.frames() > 0) {
      limits.checkedByteSize(
          plan.outputType(), pm.frames(), plan.channels(), pm.rows(), pm.columns());
    }
    boolean markers = !EncapsulatedCodecs.RLE_LOSSLESS.equals(syntax.uid());
    EncapsulatedFrames frames = EncapsulatedFrames.of(pixelData, ds, pm.frames(), markers);
    return new PixelFrames(pm, plan, limits, null, frames, codec, syntax.uid());
  }

  /** The number of frames. */
  int count() {
    return count;
  }

  PixelModule module() {
    return pm;
  }

  OutputPlan plan() {
    return plan;
  }

  /**
   * Decodes frame {@code frame} and writes it as frame {@code slot} of the writer's array.
   *
   * @throws DecodeException when its codestream is corrupt or of another shape than the header's
   */
  void decode(int frame, FrameWriter writer, int slot) throws DecodeException {
    if (nativeFrames != null) {
      if (nativeFrames.copiesDirectly() && plan.keepsStoredValues(pm)) {
        nativeFrames.copyTo(frame, writer.array(), writer.frameOffset(slot));
        return;
      }
      if (nativeFrames.isMonochrome16Le()) {
        if (writer.rescalesOneSample()) {
          writer.writeRescaled16(slot, nativeFrames.buffer(), nativeFrames.frameStart(frame));
          return;
        }
        if (writer.storesOneSample16()) {
          writer.writeStored16(slot, nativeFrames.buffer(), nativeFrames.frameStart(frame));
          return;
        }
      }
      int[] samples = scratch();
      nativeFrames.read(frame, samples);
      writer.write(slot, samples, pm.bitsStored(), pm.photometric());
      return;
    }
    checkScratch(); // checked before decoding, whatever the codec returns
    FrameSpec spec = pm.frameSpec(syntaxUid, frame);
    FrameSamples samples = codec.decode(encapsulated.frame(frame), spec);
    if (samples.rows() != pm.rows()
        || samples.columns() != pm.columns()
        || samples.samplesPerPixel() != pm.samplesPerPixel()) {
      throw new DecodeException(
          "frame "
              + frame
              + " decodes to "
              + samples.rows()
              + " x "
              + samples.columns()
              + " x "
              + samples.samplesPerPixel()
              + " samples, but the DICOM header declares "
              + pm.rows()
              + " x "
              + pm.columns()
              + " x "
              + pm.samplesPerPixel());
    }
    int bits = samples.precision() > 0 ? samples.precision() : pm.bitsStored();
    String colorSpace = samples.colorSpace() != null ? samples.colorSpace() : pm.photometric();
    ByteSamples bytes = samples.bytes();
    if (bytes != null && bytesAreOutput(bits, colorSpace)) {
      bytes.copyPlanes(pm.rows(), pm.columns(), writer.array(), writer.frameOffset(slot));
      return;
    }
    int[] planar =
        bytes != null
            ? bytes.toPlanes(pm.rows(), pm.columns(), scratch())
            : samples.planar() || samples.samplesPerPixel() == 1
                ? samples.values()
                : toPlanar(samples, scratch());
    writer.write(slot, planar, bits, colorSpace);
  }

  /**
   * Whether 8-bit samples of {@code bits} significant bits in {@code colorSpace} are the output's
   * values as they are: uint8 out, every stored bit kept, no color, palette or modality step.
   */
  private boolean bytesAreOutput(int bits, String colorSpace) {
    return bits >= 8
        && !pm.signed()
        && plan.writeType() == DType.UINT8
        && plan.palette() == null
        && plan.modality().kind() == ModalityTransform.Kind.NONE
        && !(pm.samplesPerPixel() == 3 && YbrToRgb.applies(colorSpace));
  }

  /** The one working array: a frame's samples as ints, itself bounded by the limits. */
  private int[] scratch() throws DecodeException {
    if (scratch == null) {
      checkScratch();
      scratch = new int[Math.toIntExact(pm.pixelsPerFrame() * pm.samplesPerPixel())];
    }
    return scratch;
  }

  /** Checks that the working array of {@link #scratch()} is within the limits. */
  private void checkScratch() throws DecodeException {
    long samples = pm.pixelsPerFrame() * pm.samplesPerPixel();
    if (samples * Integer.BYTES > limits.maxDecodedBytes()) {
      throw new DecodeException(
          "a frame of "
              + pm.rows()
              + " x "
              + pm.columns()
              + " x "
              + pm.samplesPerPixel()
              + " samples needs "
              + samples * Integer.BYTES
              + " bytes of working memory to decode, more than "
              + limits.describe());
    }
  }

  /** The interleaved samples de-interleaved into {@code out}. */
  private static int[] toPlanar(FrameSamples samples, int[] out) {
    int spp = samples.samplesPerPixel();
    int[] values = samples.values();
    int pixels = samples.rows() * samples.columns();
    for (int s = 0; s < spp; s++) {
      int base = s * pixels;
      for (int p = 0, i = s; p < pixels; p++, i += spp) {
        out[base + p] = values[i];
      }
    }
    return out;
  }
}
