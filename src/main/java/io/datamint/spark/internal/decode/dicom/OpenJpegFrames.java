package io.datamint.spark.internal.decode.dicom;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Decodes JPEG 2000 frames with OpenJPEG through OpenCV's {@code imdecode}; used only when {@link
 * OpenJpegRuntime#isAvailable()}, since loading this class needs OpenCV's (so nothing else is here:
 * {@link Jpeg2000Codec#openJpegTakes} decides which frames come).
 *
 * <p>OpenCV returns 8-bit or 16-bit unsigned samples, grey or 3-channel (BGR order), and refuses
 * signed components and depths under 8 bits. So a frame is taken when its codestream is {@link
 * J2kCodestream#uniform() uniform} with 1 or 3 components of 8 to 16 bits and ends with its EOC
 * marker (OpenJPEG decodes a codestream cut short as far as it goes, without an error; JJ2000's
 * reader reports it). Signed components are decoded marked unsigned and shifted back ({@link
 * Jp2File}), which gives exactly the signed samples. The values are those of JJ2000 for lossless
 * codestreams, and within a unit for irreversible (9/7) ones, whose float arithmetic differs
 * between the decoders.
 */
final class OpenJpegFrames {

  private OpenJpegFrames() {}

  /**
   * The frame's samples, or null when OpenJPEG could not decode the codestream (a corrupt one: the
   * caller then has JJ2000 decode it, for its result or its explanation).
   *
   * @param header a codestream {@link Jpeg2000Codec#openJpegTakes} takes, {@link
   *     J2kCodestream#check checked} against {@code spec}
   */
  static FrameSamples decode(J2kCodestream header, FrameSpec spec) {
    int pixels = header.width() * header.height();
    int components = header.components();
    MatOfByte file = new MatOfByte(Jp2File.wrap(header, header.signed()));
    Mat image = null;
    try {
      image = Imgcodecs.imdecode(file, Imgcodecs.IMREAD_UNCHANGED);
      int depth = header.precision() == 8 ? CvType.CV_8U : CvType.CV_16U;
      if (image.empty()
          || image.cols() != header.width()
          || image.rows() != header.height()
          || image.channels() != components
          || image.depth() != depth) {
        return null;
      }
      int[] values = new int[pixels * components];
      if (depth == CvType.CV_8U) {
        byte[] samples = new byte[values.length];
        image.get(0, 0, samples);
        for (int i = 0; i < values.length; i++) {
          values[i] = samples[i] & 0xFF;
        }
      } else {
        short[] samples = new short[values.length];
        image.get(0, 0, samples);
        for (int i = 0; i < values.length; i++) {
          values[i] = samples[i] & 0xFFFF;
        }
      }
      if (components == 3) {
        swapFirstAndThird(values);
      }
      if (header.signed()) {
        int shift = 1 << (header.precision() - 1);
        for (int i = 0; i < values.length; i++) {
          values[i] -= shift;
        }
      }
      String colorSpace = components == 3 && header.multipleComponentTransform() ? "RGB" : null;
      return FrameSamples.interleaved(
          spec.rows(), spec.columns(), components, values, header.precision(), colorSpace);
    } catch (RuntimeException e) { // OpenCV's CvException: handled as an empty result
      return null;
    } finally {
      if (image != null) {
        image.release();
      }
      file.release();
    }
  }

  /** OpenCV's BGR order back to the codestream's component order. */
  private static void swapFirstAndThird(int[] values) {
    for (int i = 0; i + 2 < values.length; i += 3) {
      int first = values[i];
      values[i] = values[i + 2];
      values[i + 2] = first;
    }
  }
}
