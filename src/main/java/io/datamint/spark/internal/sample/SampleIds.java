package io.datamint.spark.internal.sample;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

/**
 * Identifiers and random streams derived from the generator seed and a stable key, so that the same
 * seed always produces the same ids, DICOM UIDs and pixel noise, and a different seed produces
 * different ones.
 */
final class SampleIds {

  private final long seed;

  SampleIds(long seed) {
    this.seed = seed;
  }

  /** The seed this instance derives from. */
  long seed() {
    return seed;
  }

  /** A name-based (version 3) UUID for {@code key} under this seed. */
  UUID uuid(String key) {
    return UUID.nameUUIDFromBytes(
        ("datamint-sample/" + seed + "/" + key).getBytes(StandardCharsets.UTF_8));
  }

  /** The canonical string form of {@link #uuid(String)}. */
  String id(String key) {
    return uuid(key).toString();
  }

  /**
   * A DICOM UID in the {@code 2.25} arc (a UUID as one unsigned decimal integer, at most 44
   * characters).
   */
  String dicomUid(String key) {
    UUID u = uuid("dicom-uid/" + key);
    byte[] bytes =
        ByteBuffer.allocate(16)
            .putLong(u.getMostSignificantBits())
            .putLong(u.getLeastSignificantBits())
            .array();
    return "2.25." + new BigInteger(1, bytes);
  }

  /**
   * A {@link Random} seeded from the seed and {@code key}: independent streams for independent
   * content.
   */
  Random random(String key) {
    UUID u = uuid("random/" + key);
    return new Random(u.getMostSignificantBits() ^ u.getLeastSignificantBits());
  }
}
