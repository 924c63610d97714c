package io.datamint.spark.internal.decode;

import io.datamint.spark.error.DecodeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Chooses a resource file's format as the mirror contract says: from the content first (magic
 * numbers), then the mimetype, then the filename. A gzip stream is looked into: a NIfTI header or a
 * DICOM preamble inside decides.
 */
public final class FormatDetector {

  private static final int NIFTI1_HEADER = 348;
  private static final int NIFTI2_HEADER = 540;

  private FormatDetector() {}

  /**
   * The format of a file.
   *
   * @throws DecodeException when neither the content, the mimetype nor the filename names a
   *     supported format
   */
  public static FileFormat detect(byte[] file, int length, String mimetype, String filename)
      throws DecodeException {
    FileFormat byContent = byContent(file, length);
    if (byContent != null) {
      return byContent;
    }
    FileFormat byMimetype = byMimetype(mimetype);
    if (byMimetype != null) {
      return byMimetype;
    }
    FileFormat byName = byFilename(filename);
    if (byName != null) {
      return byName;
    }
    throw new DecodeException(
        "unrecognized file format ("
            + length
            + " bytes, mimetype "
            + mimetype
            + ", filename "
            + filename
            + "); supported: DICOM, NIfTI-1/2 (.nii, .nii.gz), PNG, JPEG, TIFF, BMP, GIF, "
            + "and videos FFmpeg reads (MP4, MOV, AVI, MKV, WebM)");
  }

  static FileFormat byContent(byte[] b, int n) {
    if (n >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M') {
      return FileFormat.DICOM;
    }
    if (isNiftiHeader(b, n)) {
      return FileFormat.NIFTI;
    }
    if (n >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
      return gzipContent(b, n);
    }
    if (startsWith(b, n, 0x89, 'P', 'N', 'G')
        || startsWith(b, n, 0xff, 0xd8, 0xff)
        || startsWith(b, n, 'I', 'I', 42, 0)
        || startsWith(b, n, 'M', 'M', 0, 42)
        || startsWith(b, n, 'B', 'M')
        || startsWith(b, n, 'G', 'I', 'F', '8')) {
      return FileFormat.RASTER;
    }
    if (n >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
      return FileFormat.VIDEO; // ISO base media: MP4, MOV, M4V
    }
    if (n >= 12
        && startsWith(b, n, 'R', 'I', 'F', 'F')
        && b[8] == 'A'
        && b[9] == 'V'
        && b[10] == 'I') {
      return FileFormat.VIDEO;
    }
    if (startsWith(b, n, 0x1a, 0x45, 0xdf, 0xa3)) {
      return FileFormat.VIDEO; // Matroska, WebM
    }
    return null;
  }

  private static FileFormat gzipContent(byte[] b, int n) {
    byte[] head = new byte[NIFTI2_HEADER];
    int read = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b, 0, n))) {
      int r;
      while (read < head.length && (r = in.read(head, read, head.length - read)) > 0) {
        read += r;
      }
    } catch (IOException e) {
      return null;
    }
    if (isNiftiHeader(head, read)) {
      return FileFormat.NIFTI;
    }
    if (read >= 132
        && head[128] == 'D'
        && head[129] == 'I'
        && head[130] == 'C'
        && head[131] == 'M') {
      return FileFormat.DICOM;
    }
    return null;
  }

  /**
   * A NIfTI-1 or -2 header: {@code sizeof_hdr} 348 or 540 in either byte order, and the magic
   * string.
   */
  private static boolean isNiftiHeader(byte[] b, int n) {
    if (n < 4) {
      return false;
    }
    int le = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    int be = Integer.reverseBytes(le);
    if ((le == NIFTI1_HEADER || be == NIFTI1_HEADER) && n >= 348) {
      return b[344] == 'n' && (b[345] == '+' || b[345] == 'i') && b[346] == '1';
    }
    if ((le == NIFTI2_HEADER || be == NIFTI2_HEADER) && n >= 8) {
      return b[4] == 'n' && (b[5] == '+' || b[5] == 'i') && b[6] == '2';
    }
    return false;
  }

  private static boolean startsWith(byte[] b, int n, int... magic) {
    if (n < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xff) != (magic[i] & 0xff)) {
        return false;
      }
    }
    return true;
  }

  static FileFormat byMimetype(String mimetype) {
    if (mimetype == null) {
      return null;
    }
    String m = mimetype.toLowerCase(Locale.ROOT);
    if (m.equals("application/dicom") || m.equals("application/x-dicom")) {
      return FileFormat.DICOM;
    }
    if (m.equals("application/x-nifti")
        || m.equals("image/x.nifti")
        || m.equals("application/nifti")) {
      return FileFormat.NIFTI;
    }
    if (m.startsWith("video/")) {
      return FileFormat.VIDEO;
    }
    if (m.startsWith("image/")) {
      return FileFormat.RASTER;
    }
    return null;
  }

  static FileFormat byFilename(String filename) {
    if (filename == null) {
      return null;
    }
    String f = filename.toLowerCase(Locale.ROOT);
    if (f.endsWith(".dcm") || f.endsWith(".dicom")) {
      return FileFormat.DICOM;
    }
    if (f.endsWith(".nii") || f.endsWith(".nii.gz")) {
      return FileFormat.NIFTI;
    }
    for (String ext : new String[] {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif"}) {
      if (f.endsWith(ext)) {
        return FileFormat.RASTER;
      }
    }
    for (String ext :
        new String[] {".mp4", ".mov", ".m4v", ".avi", ".mkv", ".webm", ".mpg", ".mpeg"}) {
      if (f.endsWith(ext)) {
        return FileFormat.VIDEO;
      }
    }
    return null;
  }
}
