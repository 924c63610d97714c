package io.datamint.spark.internal.decode.nifti;

import io.datamint.spark.internal.core.DType;

/**
 * The NIfTI {@code datatype} codes (shared by NIfTI-1 and NIfTI-2): the stored element, how many of
 * them make one voxel (3 for RGB24, 4 for RGBA32), and the array type a voxel decodes to when no
 * scaling applies.
 */
enum NiftiDataType {
  UINT8(2, "uint8", 1, 1, DType.UINT8),
  INT16(4, "int16", 2, 1, DType.INT16),
  INT32(8, "int32", 4, 1, DType.INT32),
  FLOAT32(16, "float32", 4, 1, DType.FLOAT32),
  FLOAT64(64, "float64", 8, 1, DType.FLOAT64),
  RGB24(128, "RGB", 1, 3, DType.UINT8),
  INT8(256, "int8", 1, 1, DType.INT8),
  UINT16(512, "uint16", 2, 1, DType.UINT16),
  UINT32(768, "uint32", 4, 1, DType.UINT32),
  INT64(1024, "int64", 8, 1, DType.INT64),
  /**
   * No {@code uint64} array type exists; these voxels become float64, as {@code get_fdata()} makes
   * them.
   */
  UINT64(1280, "uint64", 8, 1, DType.FLOAT64),
  RGBA32(2304, "RGBA", 1, 4, DType.UINT8);

  /** The header code. */
  final int code;

  /** The name used in {@code metainfo} (NumPy's, or nibabel's {@code RGB} / {@code RGBA}). */
  final String label;

  /** Bytes of one stored element (one colour component for RGB24 / RGBA32). */
  final int elementSize;

  /** Stored elements per voxel: 1, or 3 / 4 colour components. */
  final int components;

  /** The array type when no scaling applies. */
  final DType nativeType;

  NiftiDataType(int code, String label, int elementSize, int components, DType nativeType) {
    this.code = code;
    this.label = label;
    this.elementSize = elementSize;
    this.components = components;
    this.nativeType = nativeType;
  }

  /** Bytes of one voxel. */
  int voxelSize() {
    return elementSize * components;
  }

  /** Whether {@code scl_slope} / {@code scl_inter} apply (they do not to colour voxels). */
  boolean scalable() {
    return components == 1;
  }

  /** The type of a supported code, or null. */
  static NiftiDataType of(int code) {
    for (NiftiDataType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }

  /**
   * The name of any datatype code the NIfTI standard defines, supported or not (for messages and
   * metainfo).
   */
  static String nameOf(int code) {
    NiftiDataType t = of(code);
    if (t != null) {
      return t.label;
    }
    return switch (code) {
      case 0 -> "none";
      case 1 -> "binary";
      case 32 -> "complex64";
      case 1536 -> "float128";
      case 1792 -> "complex128";
      case 2048 -> "complex256";
      default -> "unknown";
    };
  }
}
