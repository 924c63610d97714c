package io.datamint.spark.decode;

/** The container formats a resource file can have, as far as choosing a decoder goes. */
public enum FileFormat {
  DICOM,
  NIFTI,
  /** PNG, JPEG, TIFF, BMP, GIF: read through ImageIO. */
  RASTER,
  /** MP4, MOV, AVI, Matroska/WebM and anything else FFmpeg demuxes. */
  VIDEO
}
