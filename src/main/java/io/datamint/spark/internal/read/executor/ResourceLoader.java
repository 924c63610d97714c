package io.datamint.spark.internal.read.executor;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.dataset.ItemLayout;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.Decoders;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.FormatDetector;
import io.datamint.spark.internal.decode.FrameStream;
import io.datamint.spark.internal.plan.PlannedResource;
import io.datamint.spark.internal.source.ResourceFileStore;
import java.io.IOException;

/**
 * Executor side: fetches a resource's file, detects its format, decodes it and lays the pixels out
 * for the dataset. Failures propagate: an unreadable file as an {@link IOException} (or the
 * source's exception), bad data as a {@link DecodeException}; the reader's {@link RowFailures}
 * decides what each becomes.
 */
final class ResourceLoader {

  private final ResourceFileStore files;
  private final ReadSettings settings;
  private final DecodeLimits limits;
  private long bytesRead;

  /**
   * @param limits the read's decode limits (with the task's array pool)
   */
  ResourceLoader(ResourceFileStore files, ReadSettings settings, DecodeLimits limits) {
    this.files = files;
    this.settings = settings;
    this.limits = limits;
  }

  /** Bytes of resource files read so far. */
  long bytesRead() {
    return bytesRead;
  }

  /**
   * The decoded resource.
   *
   * @throws IOException when its file cannot be read
   * @throws DecodeException when it is too large, of an unknown format, or cannot be decoded
   */
  DecodeOutcome load(PlannedResource resource) throws IOException, DecodeException {
    return decode(resource, fetch(resource));
  }

  /** A resource file's bytes and format. */
  record Fetched(byte[] bytes, int length, FileFormat format) {}

  /**
   * Reads a resource's file and detects its format.
   *
   * @throws IOException when its file cannot be read
   * @throws DecodeException when it is too large or of an unknown format
   */
  Fetched fetch(PlannedResource resource) throws IOException, DecodeException {
    ResourceFileStore.FileBytes file =
        files.readResource(resource.resourceId(), ResourceFileStore.MAX_FILE_BYTES);
    byte[] bytes = file.bytes();
    int length = file.length();
    bytesRead += length;
    FileFormat format =
        FormatDetector.detect(bytes, length, resource.mimetype(), resource.filename());
    return new Fetched(bytes, length, format);
  }

  /** The fetched file decoded whole and laid out for the dataset. */
  DecodeOutcome decode(PlannedResource resource, Fetched file) throws DecodeException {
    DecodedResource decoded =
        Decoders.forFormat(file.format())
            .decode(file.bytes(), file.length(), limits, settings.pixelDtype());
    PixelArray image = ItemLayout.layout(settings.dataset(), resource.kind(), decoded.pixels());
    return new DecodeOutcome(
        image,
        decoded.metainfoJson(),
        decoded.affine(),
        decoded.geometry(),
        null,
        java.util.Map.of());
  }

  /**
   * The fetched file's frames one at a time ({@code (C, H, W)} each, the decode limits bounding one
   * frame), or null when its format is not decoded frame by frame.
   */
  FrameStream frames(Fetched file) throws DecodeException {
    return Decoders.forFormat(file.format())
        .frames(file.bytes(), file.length(), limits, settings.pixelDtype());
  }
}
