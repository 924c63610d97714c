package io.datamint.spark.internal.decode.dicom;

import java.util.List;

/**
 * One parsed data element. Its value is not copied: it is {@code length} bytes of {@code buffer}
 * from {@code offset}, in the byte order of the data set that holds it. A sequence also has its
 * items; encapsulated pixel data also has its fragments (the Basic Offset Table first).
 *
 * @param tag group in the high 16 bits, element in the low 16 bits
 * @param vr the value representation (explicit, or from the dictionary for implicit VR)
 * @param buffer the bytes the value lives in
 * @param offset where the value starts in {@code buffer}
 * @param length the value bytes present; less than {@code declaredLength} when the file is
 *     truncated
 * @param declaredLength the length the header declares, or -1 for undefined length
 * @param bigEndian the byte order of binary values
 * @param items the items of a sequence, else null
 * @param fragments the items of encapsulated pixel data (Basic Offset Table first), else null
 */
record DicomElement(
    int tag,
    Vr vr,
    byte[] buffer,
    int offset,
    int length,
    long declaredLength,
    boolean bigEndian,
    List<DicomDataset> items,
    List<Fragment> fragments) {

  /**
   * One item of encapsulated pixel data: {@code length} bytes of the buffer from {@code offset}.
   */
  record Fragment(int offset, int length) {}

  /** Whether the file ended before the value did. */
  boolean truncated() {
    return declaredLength >= 0 && length < declaredLength;
  }

  boolean isSequence() {
    return items != null;
  }

  boolean isEncapsulated() {
    return fragments != null;
  }

  /** A copy of the value bytes. */
  byte[] bytes() {
    byte[] copy = new byte[length];
    System.arraycopy(buffer, offset, copy, 0, length);
    return copy;
  }

  @Override
  public String toString() {
    return Tags.format(tag) + " " + vr + " length " + length;
  }
}
