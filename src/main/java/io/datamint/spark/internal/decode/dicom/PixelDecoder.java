package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;

/**
 * Turns the pixel data of a parsed DICOM into the {@code (frames, channels, rows, columns)} array
 * the SDK produces: frames decoded one at a time (native or through an {@link EncapsulatedCodec})
 * into one reused scratch array, then written in place into the single output allocation by a
 * {@link FrameWriter}; MONOCHROME1 inverted at the end. The output size is checked against the
 * {@link DecodeLimits} before anything is allocated.
 */
final class PixelDecoder {

  private final EncapsulatedCodecs codecs;

  PixelDecoder(EncapsulatedCodecs codecs) {
    this.codecs = codecs;
  }

  PixelArray decode(ParsedDicom dicom, DecodeLimits limits) throws DecodeException {
    DicomDataset ds = dicom.dataset();
    DicomElement pixelData = ds.get(Tags.PIXEL_DATA);
    if (pixelData == null) {
      if (ds.contains(Tags.FLOAT_PIXEL_DATA) || ds.contains(Tags.DOUBLE_FLOAT_PIXEL_DATA)) {
        throw new DecodeException(
            "Float Pixel Data (7FE0,0008) and Double Float Pixel Data (7FE0,0009) are not "
                + "supported");
      }
      throw new DecodeException("no pixel data: this DICOM is " + describeObject(dicom));
    }
    PixelModule pm = PixelModule.of(ds);
    OutputPlan plan = OutputPlan.of(ds, pm);
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
    if (pixelData.isEncapsulated()) {
      return decodeEncapsulated(pixelData, ds, pm, plan, syntax, limits);
    }
    return decodeNative(pixelData, pm, plan, limits);
  }

  private PixelArray decodeNative(
      DicomElement pixelData, PixelModule pm, OutputPlan plan, DecodeLimits limits)
      throws DecodeException {
    NativeFrames frames = NativeFrames.of(pixelData, pm);
    int n = frames.frameCount();
    limits.checkedByteSize(plan.outputType(), n, plan.channels(), pm.rows(), pm.columns());
    frames.checkLength();
    PixelArray out =
        PixelArray.allocate(limits, plan.outputType(), n, plan.channels(), pm.rows(), pm.columns());
    FrameWriter writer = new FrameWriter(out, plan, pm);
    if (frames.copiesDirectly() && plan.keepsStoredValues(pm)) {
      for (int f = 0; f < n; f++) {
        frames.copyTo(f, writer.array(), writer.frameOffset(f));
      }
    } else {
      int[] scratch = frameScratch(pm, limits);
      for (int f = 0; f < n; f++) {
        frames.read(f, scratch);
        writer.write(f, scratch, pm.bitsStored(), pm.photometric());
      }
    }
    if (plan.invertMonochrome1()) {
      Monochrome1.invert(out);
    }
    return out;
  }

  private PixelArray decodeEncapsulated(
      DicomElement pixelData,
      DicomDataset ds,
      PixelModule pm,
      OutputPlan plan,
      TransferSyntax syntax,
      DecodeLimits limits)
      throws DecodeException {
    EncapsulatedCodec codec = codecs.codec(syntax.uid());
    if (codec == null) {
      throw EncapsulatedCodecs.noDecoder(syntax.uid(), null);
    }
    if (pm.frames() > 0) {
      limits.checkedByteSize(
          plan.outputType(), pm.frames(), plan.channels(), pm.rows(), pm.columns());
    }
    boolean markers = !EncapsulatedCodecs.RLE_LOSSLESS.equals(syntax.uid());
    EncapsulatedFrames frames = EncapsulatedFrames.of(pixelData, ds, pm.frames(), markers);
    int n = frames.count();
    PixelArray out =
        PixelArray.allocate(limits, plan.outputType(), n, plan.channels(), pm.rows(), pm.columns());
    FrameWriter writer = new FrameWriter(out, plan, pm);
    int[] scratch = frameScratch(pm, limits);
    for (int f = 0; f < n; f++) {
      FrameSpec spec = pm.frameSpec(syntax.uid(), f);
      FrameSamples samples = codec.decode(frames.frame(f), spec);
      if (samples.rows() != pm.rows()
          || samples.columns() != pm.columns()
          || samples.samplesPerPixel() != pm.samplesPerPixel()) {
        throw new DecodeException(
            "frame "
                + f
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
      int[] planar = toPlanar(samples, scratch);
      int bits = samples.precision() > 0 ? samples.precision() : pm.bitsStored();
      String colorSpace = samples.colorSpace() != null ? samples.colorSpace() : pm.photometric();
      writer.write(f, planar, bits, colorSpace);
    }
    if (plan.invertMonochrome1()) {
      Monochrome1.invert(out);
    }
    return out;
  }

  /** The one working array of a decode: a frame's samples as ints, itself bounded by the limits. */
  private static int[] frameScratch(PixelModule pm, DecodeLimits limits) throws DecodeException {
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
    return new int[(int) samples];
  }

  /**
   * The samples as planes: the codec's array when already planar, else de-interleaved into {@code
   * scratch}.
   */
  private static int[] toPlanar(FrameSamples samples, int[] scratch) {
    int spp = samples.samplesPerPixel();
    int[] values = samples.values();
    if (samples.planar() || spp == 1) {
      return values;
    }
    int pixels = samples.rows() * samples.columns();
    for (int s = 0; s < spp; s++) {
      int base = s * pixels;
      for (int p = 0, i = s; p < pixels; p++, i += spp) {
        scratch[base + p] = values[i];
      }
    }
    return scratch;
  }

  /** "a RT Plan Storage / RTPLAN object" for the no-pixel-data message. */
  static String describeObject(ParsedDicom dicom) {
    DicomDataset ds = dicom.dataset();
    String sopClass = ds.string(Tags.SOP_CLASS_UID);
    if (sopClass == null) {
      sopClass = dicom.fileMeta().string(Tags.MEDIA_STORAGE_SOP_CLASS_UID);
    }
    String name = sopClass == null ? null : UidRegistry.name(sopClass);
    if (name == null) {
      name = sopClass;
    }
    String modality = ds.string(Tags.MODALITY);
    if (name == null && modality == null) {
      return "an object without a SOP Class UID or Modality (and without a Pixel Data element)";
    }
    String what = name == null ? modality : modality == null ? name : name + " / " + modality;
    return "a " + what + " object";
  }
}
