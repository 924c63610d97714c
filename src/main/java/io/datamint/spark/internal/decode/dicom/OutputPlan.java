package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;

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
 */
final class OutputPlan {

  private final DType storedType;
  private final DType outputType;
  private final int channels;
  private final PaletteLut palette;
  private final ModalityTransform modality;
  private final boolean invertMonochrome1;

  private OutputPlan(
      DType storedType,
      DType outputType,
      int channels,
      PaletteLut palette,
      ModalityTransform modality,
      boolean invertMonochrome1) {
    this.storedType = storedType;
    this.outputType = outputType;
    this.channels = channels;
    this.palette = palette;
    this.modality = modality;
    this.invertMonochrome1 = invertMonochrome1;
  }

  static OutputPlan of(DicomDataset ds, PixelModule pm) throws DecodeException {
    DType stored = storedType(pm);
    if ("PALETTE COLOR".equals(pm.photometric()) && pm.samplesPerPixel() == 1) {
      PaletteLut palette = PaletteLut.of(ds, pm.signed());
      return new OutputPlan(
          stored,
          palette.type(),
          3,
          palette,
          ModalityTransform.of(new DicomDataset(), false),
          false);
    }
    ModalityTransform modality = ModalityTransform.of(ds, pm.signed());
    DType output = modality.outputType() == null ? stored : modality.outputType();
    return new OutputPlan(
        stored,
        output,
        pm.samplesPerPixel(),
        null,
        modality,
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

  DType outputType() {
    return outputType;
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
        && modality.kind() == ModalityTransform.Kind.NONE
        && !(pm.samplesPerPixel() == 3 && YbrToRgb.applies(pm.photometric()));
  }
}
