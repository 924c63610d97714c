package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.PixelDtype;

/**
 * What the output array is and which of the SDK's steps apply, decided once from the header:
 *
 * <ol>
 *   <li>stored values: uint8/int8 (1 or 8 bits allocated), uint16/int16, uint32/int32 by Bits
 *       Allocated and Pixel Representation (pydicom's {@code pixel_array} dtypes; 1-bit data
 *       unpacked to uint8);
 *   <li>color: YBR_FULL and YBR_FULL_422 samples to RGB (dtype unchanged); PALETTE COLOR indices to
 *       RGB (uint8 or uint16 by the LUT entries, 3 channels);
 *   <li>modality LUT: see {@link ModalityTransform} (float64 for rescale; not applied to PALETTE
 *       COLOR, whose values are indices);
 *   <li>MONOCHROME1 inverted to {@code max + min - value} over the whole array.
 * </ol>
 *
 * <p>The {@link PixelDtype} changes two things: {@code native} leaves the modality LUT stage out
 * (its transform is then {@link #skippedModality()}, for {@code metainfo}); {@code float32} and
 * {@code float64} make the output that type, written directly by the {@link FrameWriter} (the
 * rescale computed in double precision and each value rounded once to float32), except for
 * MONOCHROME1, whose inversion runs over the values of the SDK's type: there frames are written in
 * the SDK's type ({@link #writeType()}) and the inverted array converted afterwards.
 */
final class OutputPlan {

  private final DType storedType;
  private final DType outputType;
  private final int channels;
  private final PaletteLut palette;
  private final ModalityTransform modality;
  private final boolean invertMonochrome1;
  private final DType writeType;
  private final ModalityTransform skippedModality;

  private OutputPlan(
      DType storedType,
      DType sdkType,
      PixelDtype dtype,
      int channels,
      PaletteLut palette,
      ModalityTransform modality,
      ModalityTransform skippedModality,
      boolean invertMonochrome1) {
    this.storedType = storedType;
    this.outputType = dtype.outputType(sdkType);
    this.channels = channels;
    this.palette = palette;
    this.modality = modality;
    this.skippedModality = skippedModality;
    this.invertMonochrome1 = invertMonochrome1;
    this.writeType = invertMonochrome1 ? sdkType : outputType;
  }

  /** The plan of the SDK's types ({@link PixelDtype#SDK}). */
  static OutputPlan of(DicomDataset ds, PixelModule pm) throws DecodeException {
    return of(ds, pm, PixelDtype.SDK);
  }

  static OutputPlan of(DicomDataset ds, PixelModule pm, PixelDtype dtype) throws DecodeException {
    DType stored = storedType(pm);
    ModalityTransform none = ModalityTransform.of(new DicomDataset(), false);
    if ("PALETTE COLOR".equals(pm.photometric()) && pm.samplesPerPixel() == 1) {
      PaletteLut palette = PaletteLut.of(ds, pm.signed());
      return new OutputPlan(stored, palette.type(), dtype, 3, palette, none, none, false);
    }
    ModalityTransform modality = ModalityTransform.of(ds, pm.signed());
    ModalityTransform skipped = none;
    if (dtype == PixelDtype.NATIVE) {
      skipped = modality;
      modality = none;
    }
    DType sdkType = modality.outputType() == null ? stored : modality.outputType();
    return new OutputPlan(
        stored,
        sdkType,
        dtype,
        pm.samplesPerPixel(),
        null,
        modality,
        skipped,
        "MONOCHROME1".equals(pm.photometric()));
  }

  static DType storedType(PixelModule pm) {
    switch (pm.bitsAllocated()) {
      case 1:
        return DType.UINT8;
      case 8:
        return pm.signed() ? DType.INT8 : DType.UINT8;
      case 16:
        return pm.signed() ? DType.INT16 : DType.UINT16;
      default:
        return pm.signed() ? DType.INT32 : DType.UINT32;
    }
  }

  DType storedType() {
    return storedType;
  }

  /** The type of the decoded array. */
  DType outputType() {
    return outputType;
  }

  /**
   * The type frames are written in: the output type, or for MONOCHROME1 the SDK's type, converted
   * to the output type after the inversion.
   */
  DType writeType() {
    return writeType;
  }

  /** The modality transform {@code native} left out (its kind is NONE when none was). */
  ModalityTransform skippedModality() {
    return skippedModality;
  }

  int channels() {
    return channels;
  }

  PaletteLut palette() {
    return palette;
  }

  ModalityTransform modality() {
    return modality;
  }

  boolean invertMonochrome1() {
    return invertMonochrome1;
  }

  /** Whether stored values go to the output unchanged (no color, palette or modality step). */
  boolean keepsStoredValues(PixelModule pm) {
    return palette == null
        && writeType == storedType
        && modality.kind() == ModalityTransform.Kind.NONE
        && !(pm.samplesPerPixel() == 3 && YbrToRgb.applies(pm.photometric()));
  }
}
