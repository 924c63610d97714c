package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.core.PixelDtype;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.FrameStream;
import io.datamint.spark.internal.decode.ResourceDecoder;

/**
 * Decodes a DICOM file as the Datamint SDK's {@code read_dicom_standardized} does (pydicom {@code
 * pixel_array}, YBR to RGB, then the modality LUT, then MONOCHROME1 inversion), into pixels {@code
 * (frames, channels, rows, columns)}, the header as {@code metainfo} JSON (see {@link
 * MetainfoWriter}) and the voxel-to-patient (LPS) affine when the image has orientation, position
 * and spacing (see {@link PatientAffine}), and its orientation as a typed {@link
 * io.datamint.spark.internal.core.VolumeGeometry.Dicom} (see {@link DicomGeometry}).
 *
 * <p>Reads Part-10 files and bare data sets, gzip-compressed or not, in implicit and explicit VR
 * little endian, explicit VR big endian and deflated explicit VR little endian, and encapsulated
 * pixel data through the codecs of an {@link EncapsulatedCodecs} registry (RLE, JPEG
 * baseline/extended 8-bit/lossless, JPEG 2000 by default). A file without pixel data, truncated,
 * corrupt, of a transfer syntax without codec, or declaring more than the limits, fails with a
 * {@link DecodeException} saying so.
 *
 * <p>Stateless and thread-safe.
 */
public final class DicomDecoder implements ResourceDecoder {

  private final PixelDecoder pixels;

  /** A decoder with the {@linkplain EncapsulatedCodecs#defaults() default codecs}. */
  public DicomDecoder() {
    this(EncapsulatedCodecs.defaults());
  }

  /** A decoder with the given codecs for encapsulated pixel data. */
  public DicomDecoder(EncapsulatedCodecs codecs) {
    this.pixels = new PixelDecoder(codecs);
  }

  @Override
  public DecodedResource decode(byte[] file, int length, DecodeLimits limits)
      throws DecodeException {
    return decode(file, length, limits, PixelDtype.SDK);
  }

  /**
   * Decodes with the pixels in the type {@code dtype} gives (see {@link OutputPlan}); with {@code
   * native}, a modality LUT stage left out is said in the metainfo ({@code _rescale}).
   */
  @Override
  public DecodedResource decode(byte[] file, int length, DecodeLimits limits, PixelDtype dtype)
      throws DecodeException {
    ParsedDicom dicom = parse(file, length, limits);
    PixelArray array = pixels.decode(dicom, limits, dtype);
    // frames counted from the pixel data, where pydicom would take 1, are said in the metainfo
    boolean inferred =
        array.dim(0) > 1 && NumberOfFrames.of(dicom.dataset()) == NumberOfFrames.ABSENT;
    ModalityTransform skipped =
        dtype == PixelDtype.NATIVE
            ? OutputPlan.of(dicom.dataset(), PixelModule.of(dicom.dataset()), dtype)
                .skippedModality()
            : null;
    String metainfo = MetainfoWriter.write(dicom, inferred ? array.dim(0) : 0, skipped);
    double[] affine = PatientAffine.of(dicom.dataset(), array.dim(0));
    return new DecodedResource(array, metainfo, affine, DicomGeometry.of(dicom.dataset()));
  }

  /**
   * The file's frames one at a time, with the values and the affine of {@link #decode}'s; null for
   * a MONOCHROME1 file of several frames (inverted over all its frames, so decoded whole).
   */
  @Override
  public FrameStream frames(byte[] file, int length, DecodeLimits limits) throws DecodeException {
    return frames(file, length, limits, PixelDtype.SDK);
  }

  @Override
  public FrameStream frames(byte[] file, int length, DecodeLimits limits, PixelDtype dtype)
      throws DecodeException {
    ParsedDicom dicom = parse(file, length, limits);
    PixelFrames frames = pixels.frames(dicom, limits, dtype);
    if (frames == null) {
      return null;
    }
    double[] affine = PatientAffine.of(dicom.dataset(), frames.count());
    return new DicomFrameStream(frames, limits, dtype, affine);
  }

  private static ParsedDicom parse(byte[] file, int length, DecodeLimits limits)
      throws DecodeException {
    byte[] data = file;
    int size = length;
    if (Inflation.isGzip(file, length)) {
      data = Inflation.gunzip(file, length, limits);
      size = data.length;
    }
    return Part10Parser.parse(data, size, limits);
  }
}
