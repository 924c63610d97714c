package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;

/**
 * The Image Pixel module attributes the decoder needs (PS3.3 C.7.6.3), read leniently and
 * validated.
 *
 * @param rows (0028,0010)
 * @param columns (0028,0011)
 * @param samplesPerPixel (0028,0002), 1 when absent
 * @param frames Number of Frames (0028,0008) ({@link NumberOfFrames}), or {@link
 *     NumberOfFrames#ABSENT} when absent or empty: the decoder then counts the frames in the pixel
 *     data
 * @param bitsAllocated (0028,0100): 1, 8, 16 or 32
 * @param bitsStored (0028,0101), Bits Allocated when absent or out of range
 * @param pixelRepresentation (0028,0103): 0 unsigned, 1 signed
 * @param planarConfiguration (0028,0006), 0 when absent
 * @param photometric (0028,0004), MONOCHROME2 (one sample) or RGB when absent
 */
record PixelModule(
    int rows,
    int columns,
    int samplesPerPixel,
    int frames,
    int bitsAllocated,
    int bitsStored,
    int pixelRepresentation,
    int planarConfiguration,
    String photometric) {

  static PixelModule of(DicomDataset ds) throws DecodeException {
    long rows = ds.longValue(Tags.ROWS, -1);
    long columns = ds.longValue(Tags.COLUMNS, -1);
    long bitsAllocated = ds.longValue(Tags.BITS_ALLOCATED, -1);
    if (rows < 0 || columns < 0 || bitsAllocated < 0) {
      StringBuilder missing = new StringBuilder();
      if (rows < 0) {
        missing.append(" Rows (0028,0010)");
      }
      if (columns < 0) {
        missing.append(" Columns (0028,0011)");
      }
      if (bitsAllocated < 0) {
        missing.append(" BitsAllocated (0028,0100)");
      }
      throw new DecodeException(
          "the DICOM has Pixel Data but its Image Pixel module is incomplete: missing or "
              + "unreadable"
              + missing);
    }
    if (rows == 0 || columns == 0) {
      throw new DecodeException(
          "the DICOM declares an image of " + rows + " x " + columns + " pixels");
    }
    if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
      throw new DecodeException(
          "Bits Allocated " + bitsAllocated + " is not supported (1, 8, 16 and 32 are)");
    }
    long samples = ds.longValue(Tags.SAMPLES_PER_PIXEL, 1);
    if (samples < 1 || samples > 4) {
      throw new DecodeException("Samples per Pixel " + samples + " is not supported (1 to 4 are)");
    }
    long bitsStored = ds.longValue(Tags.BITS_STORED, bitsAllocated);
    if (bitsStored < 1 || bitsStored > bitsAllocated) {
      bitsStored = bitsAllocated;
    }
    long representation = ds.longValue(Tags.PIXEL_REPRESENTATION, 0);
    long planar = ds.longValue(Tags.PLANAR_CONFIGURATION, 0);
    String photometric = ds.string(Tags.PHOTOMETRIC_INTERPRETATION);
    if (photometric == null) {
      photometric = samples == 1 ? "MONOCHROME2" : "RGB";
    }
    int frames = NumberOfFrames.of(ds);
    return new PixelModule(
        (int) Math.min(rows, Integer.MAX_VALUE),
        (int) Math.min(columns, Integer.MAX_VALUE),
        (int) samples,
        frames,
        (int) bitsAllocated,
        (int) bitsStored,
        representation == 1 ? 1 : 0,
        planar == 1 ? 1 : 0,
        photometric.toUpperCase(java.util.Locale.ROOT));
  }

  /** Whether the number of frames comes from the pixel data (Number of Frames absent or empty). */
  boolean framesInferred() {
    return frames == NumberOfFrames.ABSENT;
  }

  /** Pixels per frame (rows x columns), as a long to check before multiplying further. */
  long pixelsPerFrame() {
    return (long) rows * columns;
  }

  boolean signed() {
    return pixelRepresentation == 1;
  }

  /** The frame spec a codec gets for frame {@code index}. */
  FrameSpec frameSpec(String transferSyntaxUid, int index) {
    return new FrameSpec(
        transferSyntaxUid,
        index,
        rows,
        columns,
        samplesPerPixel,
        bitsAllocated,
        bitsStored,
        pixelRepresentation,
        photometric,
        planarConfiguration);
  }

  /** "1 frame of 64 x 64 x 1 samples of 16 bits" for messages. */
  String describe(long frameCount) {
    return frameCount
        + (frameCount == 1 ? " frame" : " frames")
        + " of "
        + rows
        + " x "
        + columns
        + " x "
        + samplesPerPixel
        + " samples of "
        + bitsAllocated
        + " bits";
  }
}
