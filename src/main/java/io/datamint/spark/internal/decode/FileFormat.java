package io.datamint.spark.internal.decode;

/** The container formats a resource file can have, as far as choosing a decoder goes. */
public enum FileFormat {
  DICOM("this DICOM file"),
  NIFTI("this NIfTI file"),
  /** PNG, JPEG, TIFF, BMP, GIF: read through ImageIO. */
  RASTER("this image"),
  /** MP4, MOV, AVI, Matroska/WebM and anything else FFmpeg demuxes. */
  VIDEO("this video");

  private final String fileNoun;

  FileFormat(String fileNoun) {
    this.fileNoun = fileNoun;
  }

  /** A file of this format in a message, e.g. "this DICOM file". */
  public String fileNoun() {
    return fileNoun;
  }
}
