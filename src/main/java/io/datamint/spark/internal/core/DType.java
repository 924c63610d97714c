package io.datamint.spark.internal.core;

/**
 * The element types of decoded arrays, named as NumPy names them (the {@code dtype} field of a
 * tensor).
 */
public enum DType {
  UINT8("uint8", 1),
  INT8("int8", 1),
  UINT16("uint16", 2),
  INT16("int16", 2),
  UINT32("uint32", 4),
  INT32("int32", 4),
  INT64("int64", 8),
  FLOAT32("float32", 4),
  FLOAT64("float64", 8);

  private final String numpyName;
  private final int itemSize;

  DType(String numpyName, int itemSize) {
    this.numpyName = numpyName;
    this.itemSize = itemSize;
  }

  /** The NumPy dtype name, e.g. {@code uint16}. */
  public String numpyName() {
    return numpyName;
  }

  /** Bytes per element. */
  public int itemSize() {
    return itemSize;
  }
}
