package io.datamint.spark.internal.annotation.mask;

import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.source.ResourceFileStore;
import java.io.IOException;
import java.io.InputStream;

/** Loads the bytes of a segmentation annotation's mask file. */
@FunctionalInterface
public interface MaskSource {

  /**
   * The whole mask file of {@code annotation}.
   *
   * @throws IOException when it is missing or unreadable
   */
  byte[] load(Annotation annotation) throws IOException;

  /**
   * A source reading {@link ResourceFileStore#openAnnotation} of each annotation, refusing files
   * longer than the decode limit (so a huge file fails before it is held in memory).
   */
  static MaskSource fromStore(ResourceFileStore store, DecodeLimits limits) {
    int cap = (int) Math.min(limits.maxDecodedBytes(), Integer.MAX_VALUE - 16L);
    return annotation -> {
      try (InputStream in = store.openAnnotation(annotation.resourceId(), annotation.id())) {
        byte[] bytes = in.readNBytes(cap);
        if (bytes.length == cap && in.read() >= 0) {
          throw new IOException(
              "mask file of segmentation annotation "
                  + annotation.id()
                  + " is longer than "
                  + cap
                  + " bytes, over "
                  + limits.describe());
        }
        return bytes;
      }
    };
  }
}
