package io.datamint.spark.internal.decode.video;

import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.sample.VideoWriter;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.bytedeco.javacpp.Loader;

/**
 * What a JVM that decodes one video saw of the FFmpeg natives: how long their first load took,
 * where JavaCPP extracted them, and what the video decoded to. Shared by the fresh-JVM and the
 * executor tests.
 */
record NativeProbe(
    long pid,
    String cacheDir,
    double loadMillis,
    double firstDecodeMillis,
    String ffmpeg,
    int frames,
    long checksum)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * A small H.264 MP4 written by the pure-Java sample writer (no ffmpeg needed): 64x48, 12 frames.
   */
  static byte[] clip() {
    List<byte[]> frames = new ArrayList<>();
    for (int f = 0; f < 12; f++) {
      byte[] gray = new byte[64 * 48];
      for (int i = 0; i < gray.length; i++) {
        gray[i] = (byte) ((i % 64) * 3 + (i / 64) * 2 + f * 11);
      }
      frames.add(gray);
    }
    return VideoWriter.h264Mp4(64, 48, 12, frames, Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** CRC-32 of the decoded array's bytes. */
  static long checksum(DecodedResource decoded) {
    CRC32 crc = new CRC32();
    ByteBuffer data = decoded.pixels().data().duplicate();
    data.position(0);
    crc.update(data);
    return crc.getValue();
  }

  /**
   * Decodes {@link #clip()} in this JVM and describes it; the first call in a JVM loads the
   * natives.
   */
  static NativeProbe run() throws Exception {
    byte[] video = clip();
    long start = System.nanoTime();
    DecodedResource decoded =
        new VideoDecoder().decode(video, video.length, DecodeLimits.defaults());
    double decodeMillis = (System.nanoTime() - start) / 1e6;
    return new NativeProbe(
        ProcessHandle.current().pid(),
        Loader.getCacheDir().getPath(),
        FfmpegRuntime.loadNanos() / 1e6,
        decodeMillis,
        FfmpegRuntime.describe(),
        decoded.pixels().dim(0),
        checksum(decoded));
  }

  Map<String, Object> fields() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("pid", pid);
    map.put("cacheDir", cacheDir);
    map.put("loadMillis", loadMillis);
    map.put("firstDecodeMillis", firstDecodeMillis);
    map.put("ffmpeg", ffmpeg);
    map.put("frames", frames);
    map.put("checksum", checksum);
    return map;
  }
}
