package io.datamint.spark.internal.dataset;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.api.model.ResourceKind;
import io.datamint.spark.internal.config.DatasetKind;
import io.datamint.spark.internal.core.PixelArray;

/**
 * The {@code image} tensor of an SDK dataset item: decoded pixels {@code (N, C, H, W)} laid out as
 * the dataset class of option {@code dataset} returns them. {@code image} gives {@code (C, H, W)}
 * and refuses files with several frames, as {@code ImageDataset}; {@code volume} and {@code video}
 * give {@code (C, D, H, W)} (channels first), as {@code VolumeDataset} and {@code VideoDataset};
 * {@code auto} chooses per resource: videos as videos, DICOM/NIfTI/volume resources as volumes
 * (except a DICOM file with a single frame, such as a radiograph, which is an image), images as
 * images.
 */
public final class ItemLayout {

  private ItemLayout() {}

  /**
   * Lays out decoded pixels {@code (N, C, H, W)} as this dataset's {@code image} tensor.
   *
   * @throws DecodeException when an image dataset meets a file with several frames
   */
  public static PixelArray layout(DatasetKind dataset, ResourceKind kind, PixelArray decoded)
      throws DecodeException {
    DatasetKind effective =
        dataset == DatasetKind.AUTO ? forResource(kind, decoded.dim(0)) : dataset;
    int n = decoded.dim(0);
    int c = decoded.dim(1);
    int h = decoded.dim(2);
    int w = decoded.dim(3);
    if (effective == DatasetKind.IMAGE) {
      if (n != 1) {
        throw new DecodeException(
            "the image dataset reads single-frame files, and this one has "
                + n
                + " frames; read it with option dataset=volume or dataset=video (or auto)");
      }
      return decoded.reshape(c, h, w);
    }
    return channelsFirst(decoded, n, c, h, w);
  }

  private static DatasetKind forResource(ResourceKind kind, int frames) {
    return switch (kind) {
      case VIDEO -> DatasetKind.VIDEO;
      case NIFTI, VOLUME -> DatasetKind.VOLUME;
      case DICOM -> frames == 1 ? DatasetKind.IMAGE : DatasetKind.VOLUME;
      default -> frames == 1 ? DatasetKind.IMAGE : DatasetKind.VOLUME;
    };
  }

  /**
   * (N, C, H, W) to (C, N, H, W): a reshape when N or C is 1, otherwise a transposition of the
   * {@code N x C} planes in place (each cycle of the permutation moved with two planes of scratch),
   * so that a multi-channel video or volume is not held twice.
   */
  private static PixelArray channelsFirst(PixelArray decoded, int n, int c, int h, int w) {
    if (n == 1 || c == 1) {
      return decoded.reshape(c, n, h, w);
    }
    int plane = h * w * decoded.dtype().itemSize();
    java.nio.ByteBuffer data = decoded.data();
    int planes = n * c;
    java.util.BitSet placed = new java.util.BitSet(planes);
    byte[] carried = new byte[plane];
    byte[] displaced = new byte[plane];
    for (int start = 0; start < planes; start++) {
      if (placed.get(start)) {
        continue;
      }
      // the plane at index frame * c + channel belongs at channel * n + frame
      data.get(start * plane, carried);
      int at = start;
      do {
        int to = (at % c) * n + at / c;
        data.get(to * plane, displaced);
        data.put(to * plane, carried);
        placed.set(to);
        byte[] swap = carried;
        carried = displaced;
        displaced = swap;
        at = to;
      } while (at != start);
    }
    return decoded.reshape(c, n, h, w);
  }
}
