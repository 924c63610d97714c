package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.core.PixelDtype;
import io.datamint.spark.internal.decode.PixelConversion;

/**
 * Turns the pixel data of a parsed DICOM into the {@code (frames, channels, rows, columns)} array
 * the SDK produces: frames decoded one at a time by {@link PixelFrames} (native or through an
 * {@link EncapsulatedCodec}) into one reused scratch array, then written in place into the single
 * output allocation by a {@link FrameWriter}; MONOCHROME1 inverted at the end. {@link #frames}
 * gives them one at a time instead. The output size is checked against the {@link DecodeLimits}
 * before anything is allocated.
 */
final class PixelDecoder {

  private final EncapsulatedCodecs codecs;

  PixelDecoder(EncapsulatedCodecs codecs) {
    this.codecs = codecs;
  }

  PixelArray decode(ParsedDicom dicom, DecodeLimits limits, PixelDtype dtype)
      throws DecodeException {
    PixelFrames frames = PixelFrames.open(dicom, codecs, limits, dtype, true);
    PixelModule pm = frames.module();
    OutputPlan plan = frames.plan();
    int n = frames.count();
    // every frame is written whole below
    PixelArray out =
        PixelArray.allocateForOverwrite(
            limits, plan.writeType(), n, plan.channels(), pm.rows(), pm.columns());
    FrameWriter writer = new FrameWriter(out, plan, pm);
    for (int f = 0; f < n; f++) {
      frames.decode(f, writer, f);
    }
    return finish(out, plan, dtype, limits);
  }

  /**
   * A written array (or frame) with MONOCHROME1 inverted, converted to the output type when it was
   * written in another ({@link OutputPlan#writeType()}).
   */
  static PixelArray finish(
      PixelArray written, OutputPlan plan, PixelDtype dtype, DecodeLimits limits)
      throws DecodeException {
    if (!plan.invertMonochrome1()) {
      return written;
    }
    Monochrome1.invert(written);
    return PixelConversion.convert(written, dtype, limits);
  }

  /**
   * The frames of a parsed DICOM, to decode one at a time with the values they have in {@link
   * #decode}'s array; null when a frame alone cannot have them: MONOCHROME1 with several frames,
   * inverted over the minimum and maximum of all of them.
   */
  PixelFrames frames(ParsedDicom dicom, DecodeLimits limits, PixelDtype dtype)
      throws DecodeException {
    PixelFrames frames = PixelFrames.open(dicom, codecs, limits, dtype, false);
    return frames.plan().invertMonochrome1() && frames.count() > 1 ? null : frames;
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
