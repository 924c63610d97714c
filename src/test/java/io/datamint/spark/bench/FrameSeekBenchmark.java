package io.datamint.spark.bench;

import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.Decoders;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.FrameStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading one frame far into a long video (issue 14): frame K of an N-frame 1080p H.264 MP4
 * (libx264 {@code veryfast}, its default key frame interval of 250 frames, B-frames), through the
 * decoder's {@link FrameStream} on one thread, with a seek to the key frame before K ({@link
 * FrameStream#seek}) and without (every frame before K decoded and skipped), each best of three
 * runs, checking that both give the same pixels. The video is generated with the {@code ffmpeg}
 * command line; nothing is committed.
 *
 * <p>{@code bin/datamint-bench frame-seek [--frames N] [--target K]} prints a Markdown table.
 */
final class FrameSeekBenchmark {

  private FrameSeekBenchmark() {}

  /** One way of reaching the target frame. */
  record Result(String read, double seconds, long framesDecoded) {}

  public static void main(String[] args) throws Exception {
    int frames = 2000;
    int target = 1800;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--frames" -> frames = Integer.parseInt(args[++i]);
        case "--target" -> target = Integer.parseInt(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unknown argument " + args[i] + "; accepted: --frames N, --target K");
      }
    }
    if (target >= frames) {
      throw new IllegalArgumentException("--target must be below --frames");
    }
    Path work = Files.createTempDirectory("datamint-bench-seek-");
    Path mp4 = work.resolve("long.mp4");
    long start = System.nanoTime();
    BenchVideos.writeClip(mp4, frames);
    double encode = (System.nanoTime() - start) / 1e9;
    byte[] file = Files.readAllBytes(mp4);
    Files.delete(mp4);
    Files.delete(work);
    List<Result> results = new ArrayList<>();
    byte[][] pixels = new byte[2][];
    for (int way = 0; way < 2; way++) {
      boolean seek = way == 0;
      Result best = null;
      for (int run = 0; run < 3; run++) {
        Result r = read(file, target, seek, pixels, way);
        System.err.println(r);
        best = best == null || r.seconds() < best.seconds() ? r : best;
      }
      results.add(best);
    }
    if (!java.util.Arrays.equals(pixels[0], pixels[1])) {
      throw new IllegalStateException("the frame read with a seek differs from the sequential one");
    }
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Frame %,d of a %,d-frame 1920x1080 H.264 MP4 (%,d bytes, libx264 `veryfast`, key frame"
                + " every 250 frames; encoded in %.0f s), decoder alone (`FrameStream`, one"
                + " thread, no Spark), best of 3; both give the same pixels.%n%n",
            target,
            frames,
            (long) file.length,
            encode));
    md.append("| read | seconds | frames decoded |\n|---|---:|---:|\n");
    for (Result r : results) {
      md.append(
          String.format(
              Locale.ROOT, "| %s | %.2f | %,d |%n", r.read(), r.seconds(), r.framesDecoded()));
    }
    System.out.println(md);
  }

  private static Result read(byte[] file, int target, boolean seek, byte[][] pixels, int slot)
      throws Exception {
    long start = System.nanoTime();
    long decoded = 0;
    try (FrameStream stream =
        Decoders.forFormat(FileFormat.VIDEO).frames(file, file.length, DecodeLimits.defaults())) {
      if (seek) {
        decoded += stream.seek(target);
      }
      while (stream.position() < target) {
        if (!stream.skip()) {
          throw new IllegalStateException("the video ends before frame " + target);
        }
        decoded++;
      }
      PixelArray frame = stream.next();
      decoded++;
      ByteBuffer data = frame.data().duplicate();
      pixels[slot] = new byte[data.remaining()];
      data.get(pixels[slot]);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(
        seek ? "`seek` to the key frame before it" : "sequential (skip every frame before it)",
        seconds,
        decoded);
  }
}
