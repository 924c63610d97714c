package io.datamint.spark.decode;

import io.datamint.spark.decode.dicom.DicomDecoder;
import io.datamint.spark.decode.nifti.NiftiDecoder;
import io.datamint.spark.decode.raster.RasterDecoder;
import io.datamint.spark.decode.video.VideoDecoder;
import java.util.EnumMap;
import java.util.Map;

/** The decoder of each file format; one shared, thread-safe instance per format. */
public final class Decoders {

  private static final Map<FileFormat, ResourceDecoder> DECODERS = new EnumMap<>(FileFormat.class);

  static {
    DECODERS.put(FileFormat.DICOM, new DicomDecoder());
    DECODERS.put(FileFormat.NIFTI, new NiftiDecoder());
    DECODERS.put(FileFormat.RASTER, new RasterDecoder());
    DECODERS.put(FileFormat.VIDEO, new VideoDecoder());
  }

  private Decoders() {}

  /**
   * The decoder for a format.
   *
   * @throws DecodeException when this build has no decoder for it
   */
  public static ResourceDecoder forFormat(FileFormat format) throws DecodeException {
    ResourceDecoder decoder = DECODERS.get(format);
    if (decoder == null) {
      throw new DecodeException("no decoder for " + format + " files in this build");
    }
    return decoder;
  }
}
