package io.datamint.spark.internal.sample;

import io.datamint.spark.internal.sample.DicomElements.Vr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes a multi-frame CT image as a DICOM Part 10 file (PS3.10): a 128-byte preamble, {@code
 * DICM}, the File Meta Information group (0002) with its group length, then the data set in
 * Explicit VR Little Endian ({@code 1.2.840.10008.1.2.1}).
 *
 * <p>The SOP class is CT Image Storage with {@code NumberOfFrames}; pixels are signed 16-bit
 * MONOCHROME2 stored values, with {@code RescaleSlope 1} and {@code RescaleIntercept -1024}, so
 * {@code HU = stored - 1024}. All frames share one orientation, with the first frame at {@code
 * ImagePositionPatient} and the next ones one {@code SliceThickness} further along the slice
 * normal.
 */
public final class DicomWriter {

  /** CT Image Storage. */
  public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

  /** Explicit VR Little Endian. */
  public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

  /** The rescale intercept written to every file: stored value 1024 is 0 HU. */
  public static final int RESCALE_INTERCEPT = -1024;

  // An implementation class UID under the 2.25 (UUID) arc: UUID
  // 6f0b6e2e-4c3b-4d36-9a8e-0d4f1c6a7b10.
  private static final String IMPLEMENTATION_CLASS_UID =
      "2.25.147603657530713974335402285500755245840";
  private static final String IMPLEMENTATION_VERSION = "DATAMINT_SPARK_1";

  /**
   * One CT series as a single multi-frame image.
   *
   * @param patientId PatientID (0010,0020)
   * @param patientName PatientName (0010,0010), e.g. {@code DOE^JANE}
   * @param studyDate StudyDate and SeriesDate, {@code YYYYMMDD}
   * @param studyUid StudyInstanceUID
   * @param seriesUid SeriesInstanceUID
   * @param sopInstanceUid SOPInstanceUID (also the Media Storage SOP Instance UID)
   * @param frameOfReferenceUid FrameOfReferenceUID
   * @param rows Rows (image height)
   * @param columns Columns (image width)
   * @param frames NumberOfFrames
   * @param rowSpacing distance between rows in mm (first value of PixelSpacing)
   * @param columnSpacing distance between columns in mm (second value of PixelSpacing)
   * @param sliceThickness SliceThickness and SpacingBetweenSlices in mm
   * @param firstPosition ImagePositionPatient of frame 0 (LPS mm)
   * @param storedValues frames x rows x columns stored values, columns fastest ({@code HU + 1024})
   */
  public record CtSeries(
      String patientId,
      String patientName,
      String studyDate,
      String studyUid,
      String seriesUid,
      String sopInstanceUid,
      String frameOfReferenceUid,
      int rows,
      int columns,
      int frames,
      double rowSpacing,
      double columnSpacing,
      double sliceThickness,
      double[] firstPosition,
      short[] storedValues) {

    /** Validates the pixel count and the position. */
    public CtSeries {
      if ((long) rows * columns * frames != storedValues.length) {
        throw new IllegalArgumentException(
            rows
                + "x"
                + columns
                + "x"
                + frames
                + " frames need "
                + ((long) rows * columns * frames)
                + " values, got "
                + storedValues.length);
      }
      if (firstPosition.length != 3) {
        throw new IllegalArgumentException("ImagePositionPatient needs 3 values");
      }
    }
  }

  private DicomWriter() {}

  /** Encodes {@code series} as a complete DICOM file. */
  public static byte[] encode(CtSeries series) {
    byte[] meta = fileMeta(series.sopInstanceUid()).encode();
    byte[] dataset = dataset(series).encode();
    ByteBuffer out =
        ByteBuffer.allocate(128 + 4 + meta.length + dataset.length).order(ByteOrder.LITTLE_ENDIAN);
    out.position(128); // preamble: all zero
    out.put("DICM".getBytes(StandardCharsets.US_ASCII));
    out.put(meta).put(dataset);
    return out.array();
  }

  private static DicomElements fileMeta(String sopInstanceUid) {
    DicomElements meta =
        new DicomElements()
            .binary(0x00020001, Vr.OB, new byte[] {0, 1}) // FileMetaInformationVersion
            .text(0x00020002, Vr.UI, CT_IMAGE_STORAGE) // MediaStorageSOPClassUID
            .text(0x00020003, Vr.UI, sopInstanceUid) // MediaStorageSOPInstanceUID
            .text(0x00020010, Vr.UI, EXPLICIT_VR_LITTLE_ENDIAN) // TransferSyntaxUID
            .text(0x00020012, Vr.UI, IMPLEMENTATION_CLASS_UID)
            .text(0x00020013, Vr.SH, IMPLEMENTATION_VERSION);
    return meta.ul(0x00020000, meta.encodedLength()); // FileMetaInformationGroupLength
  }

  private static DicomElements dataset(CtSeries s) {
    return new DicomElements()
        .text(0x00080005, Vr.CS, "ISO_IR 100") // SpecificCharacterSet
        .text(0x00080008, Vr.CS, "ORIGINAL", "PRIMARY", "AXIAL") // ImageType
        .text(0x00080016, Vr.UI, CT_IMAGE_STORAGE) // SOPClassUID
        .text(0x00080018, Vr.UI, s.sopInstanceUid()) // SOPInstanceUID
        .text(0x00080020, Vr.DA, s.studyDate()) // StudyDate
        .text(0x00080021, Vr.DA, s.studyDate()) // SeriesDate
        .text(0x00080030, Vr.TM, "093000") // StudyTime
        .text(0x00080050, Vr.SH, "") // AccessionNumber
        .text(0x00080060, Vr.CS, "CT") // Modality
        .text(0x00080070, Vr.LO, "Datamint Sample Generator") // Manufacturer
        .text(0x00080090, Vr.PN, "") // ReferringPhysicianName
        .text(0x0008103E, Vr.LO, "Synthetic phantom") // SeriesDescription
        .text(0x00100010, Vr.PN, s.patientName()) // PatientName
        .text(0x00100020, Vr.LO, s.patientId()) // PatientID
        .text(0x00100030, Vr.DA, "") // PatientBirthDate
        .text(0x00100040, Vr.CS, "O") // PatientSex
        .decimals(0x00180050, s.sliceThickness()) // SliceThickness
        .decimals(0x00180060, 120) // KVP
        .decimals(0x00180088, s.sliceThickness()) // SpacingBetweenSlices
        .text(0x0020000D, Vr.UI, s.studyUid()) // StudyInstanceUID
        .text(0x0020000E, Vr.UI, s.seriesUid()) // SeriesInstanceUID
        .text(0x00200010, Vr.SH, "1") // StudyID
        .text(0x00200011, Vr.IS, "1") // SeriesNumber
        .text(0x00200013, Vr.IS, "1") // InstanceNumber
        .decimals(0x00200032, s.firstPosition()) // ImagePositionPatient
        .decimals(0x00200037, 1, 0, 0, 0, 1, 0) // ImageOrientationPatient
        .text(0x00200052, Vr.UI, s.frameOfReferenceUid()) // FrameOfReferenceUID
        .text(0x00201040, Vr.LO, "") // PositionReferenceIndicator
        .us(0x00280002, 1) // SamplesPerPixel
        .text(0x00280004, Vr.CS, "MONOCHROME2") // PhotometricInterpretation
        .text(0x00280008, Vr.IS, Integer.toString(s.frames())) // NumberOfFrames
        .us(0x00280010, s.rows()) // Rows
        .us(0x00280011, s.columns()) // Columns
        .decimals(0x00280030, s.rowSpacing(), s.columnSpacing()) // PixelSpacing
        .us(0x00280100, 16) // BitsAllocated
        .us(0x00280101, 16) // BitsStored
        .us(0x00280102, 15) // HighBit
        .us(0x00280103, 1) // PixelRepresentation: signed
        .decimals(0x00281050, 40) // WindowCenter
        .decimals(0x00281051, 400) // WindowWidth
        .decimals(0x00281052, RESCALE_INTERCEPT) // RescaleIntercept
        .decimals(0x00281053, 1) // RescaleSlope
        .text(0x00281054, Vr.LO, "HU") // RescaleType
        .binary(0x7FE00010, Vr.OW, pixelBytes(s.storedValues())); // PixelData
  }

  private static byte[] pixelBytes(short[] values) {
    ByteBuffer buf = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    buf.asShortBuffer().put(values);
    return buf.array();
  }
}
