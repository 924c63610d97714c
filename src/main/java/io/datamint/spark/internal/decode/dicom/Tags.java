package io.datamint.spark.internal.decode.dicom;

import java.util.Locale;

/** Tags this package reads by number, and the {@code (gggg,eeee)} notation. */
final class Tags {

  static final int FILE_META_GROUP_LENGTH = 0x00020000;
  static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
  static final int TRANSFER_SYNTAX_UID = 0x00020010;

  static final int SPECIFIC_CHARACTER_SET = 0x00080005;
  static final int IMAGE_TYPE = 0x00080008;
  static final int SOP_CLASS_UID = 0x00080016;
  static final int MODALITY = 0x00080060;

  static final int BODY_PART_EXAMINED = 0x00180015;
  static final int SLICE_THICKNESS = 0x00180050;
  static final int SPACING_BETWEEN_SLICES = 0x00180088;

  static final int IMAGE_POSITION_PATIENT = 0x00200032;
  static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;

  static final int SAMPLES_PER_PIXEL = 0x00280002;
  static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
  static final int PLANAR_CONFIGURATION = 0x00280006;
  static final int NUMBER_OF_FRAMES = 0x00280008;
  static final int ROWS = 0x00280010;
  static final int COLUMNS = 0x00280011;
  static final int PIXEL_SPACING = 0x00280030;
  static final int BITS_ALLOCATED = 0x00280100;
  static final int BITS_STORED = 0x00280101;
  static final int HIGH_BIT = 0x00280102;
  static final int PIXEL_REPRESENTATION = 0x00280103;
  static final int RESCALE_INTERCEPT = 0x00281052;
  static final int RESCALE_SLOPE = 0x00281053;
  static final int RED_PALETTE_DESCRIPTOR = 0x00281101;
  static final int GREEN_PALETTE_DESCRIPTOR = 0x00281102;
  static final int BLUE_PALETTE_DESCRIPTOR = 0x00281103;
  static final int RED_PALETTE_DATA = 0x00281201;
  static final int GREEN_PALETTE_DATA = 0x00281202;
  static final int BLUE_PALETTE_DATA = 0x00281203;
  static final int SEGMENTED_RED_PALETTE_DATA = 0x00281221;
  static final int SEGMENTED_GREEN_PALETTE_DATA = 0x00281222;
  static final int SEGMENTED_BLUE_PALETTE_DATA = 0x00281223;
  static final int MODALITY_LUT_SEQUENCE = 0x00283000;
  static final int LUT_DESCRIPTOR = 0x00283002;
  static final int LUT_DATA = 0x00283006;

  static final int SHARED_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009229;
  static final int PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009230;
  static final int PIXEL_MEASURES_SEQUENCE = 0x00289110;
  static final int PLANE_POSITION_SEQUENCE = 0x00209113;
  static final int PLANE_ORIENTATION_SEQUENCE = 0x00209116;
  static final int DETECTOR_INFORMATION_SEQUENCE = 0x00540022;
  static final int GRID_FRAME_OFFSET_VECTOR = 0x3004000C;

  static final int EXTENDED_OFFSET_TABLE = 0x7FE00001;
  static final int EXTENDED_OFFSET_TABLE_LENGTHS = 0x7FE00002;
  static final int FLOAT_PIXEL_DATA = 0x7FE00008;
  static final int DOUBLE_FLOAT_PIXEL_DATA = 0x7FE00009;
  static final int PIXEL_DATA = 0x7FE00010;

  static final int ITEM = 0xFFFEE000;
  static final int ITEM_DELIMITATION = 0xFFFEE00D;
  static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

  private Tags() {}

  static int group(int tag) {
    return tag >>> 16;
  }

  static int element(int tag) {
    return tag & 0xFFFF;
  }

  /** Whether the tag is in a private (odd) group. */
  static boolean isPrivate(int tag) {
    return (group(tag) & 1) == 1;
  }

  /** {@code (GGGG,EEEE)}, upper-case hexadecimal as in PS3.6. */
  static String format(int tag) {
    return String.format(Locale.ROOT, "(%04X,%04X)", group(tag), element(tag));
  }
}
