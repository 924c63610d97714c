package io.datamint.spark.internal.decode.raster;

import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.IsalInflate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decoder-level benchmark of the PNG path (issue 17), not a test: per folder of PNG files (those of
 * {@code bin/lib/decode_vs_sdk.py generate DIR CORPUS}, e.g. {@code DIR/png-rgb}), the decoder with
 * the rows unfiltered straight into the planes ({@link PngPlaneUnfilter}) and through the row
 * buffer ({@link PngFilters} then {@link PngPlanes}) alternated in one JVM, the inflate alone
 * (ISA-L where it loads, as the decoder does) and the ways of unfiltering alone on the inflated
 * data (row buffer; into the planes with scalar loops; and with the Vector API's Paeth), passes of
 * at least {@code --seconds} per side, each the best pass of {@code --rounds}, in megapixels per
 * second (16-bit files take the row buffer either way). Run from the test classpath, pinned: {@code
 * taskset -c 1 java -cp target/test-classes:target/classes:$(cat target/classpath.txt)
 * io.datamint.spark.internal.decode.raster.PngUnfilterBenchmark [--rounds R] [--seconds S]
 * DIR/png-rgb DIR/png8 DIR/png16}.
 */
public final class PngUnfilterBenchmark {

  private PngUnfilterBenchmark() {}

  /** Decodes every file once the given way. */
  private interface Pass {
    void run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int rounds = 5;
    double seconds = 0.4;
    List<Path> folders = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        default -> folders.add(Path.of(args[i]));
      }
    }
    if (folders.isEmpty()) {
      throw new IllegalArgumentException(
          "usage: PngUnfilterBenchmark [--rounds R] [--seconds S] FOLDER [FOLDER...]"
              + " (folders of PNG files)");
    }
    System.out.printf(
        Locale.ROOT,
        "ISA-L %s; best pass of %d rounds, passes of >= %.1f s per side, Mpx/s%n",
        IsalInflate.available() ? "loaded" : "not loaded",
        rounds,
        seconds);
    System.out.println(
        "| files | Mpx | decode, row buffer | decode, into the planes | new / old | inflate alone"
            + " | unfilter alone: row buffer | into the planes | and Vector API Paeth | new / old |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Path folder : folders) {
      run(folder, rounds, seconds);
    }
  }

  private static void run(Path folder, int rounds, double seconds) throws Exception {
    List<byte[]> files = new ArrayList<>();
    List<PngFile> pngs = new ArrayList<>();
    long pixels = 0;
    try (Stream<Path> list = Files.list(folder)) {
      for (Path p : list.sorted().toList()) {
        byte[] bytes = Files.readAllBytes(p);
        PngFile png = PngFile.parse(bytes, bytes.length);
        if (png == null) {
          throw new IOException(p + " is not a PNG this decoder reads");
        }
        files.add(bytes);
        pngs.add(png);
        pixels += (long) png.width() * png.height();
      }
    }
    DecodeLimits limits = DecodeLimits.defaults();
    Pass old = () -> decodeAll(files, pngs, limits, false);
    Pass fused = () -> decodeAll(files, pngs, limits, true);
    Pass inflate = () -> inflateAll(files, pngs);
    List<byte[]> inflated = inflateAll(files, pngs);
    Pass oldRows = () -> unfilterAll(inflated, pngs, false, false);
    Pass fusedRows = () -> unfilterAll(inflated, pngs, true, false);
    Pass vectorRows = () -> unfilterAll(inflated, pngs, true, true);
    Pass[] sides = {old, fused, inflate, oldRows, fusedRows, vectorRows};
    double[] best = new double[sides.length];
    for (int r = 0; r < rounds; r++) {
      for (int s = 0; s < sides.length; s++) {
        best[s] = Math.max(best[s], rate(sides[s], pixels, seconds));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "| %s (%d) | %.2f | %.1f | %.1f | %.2f | %.1f | %.1f | %.1f | %.1f | %.2f |%n",
        folder.getFileName(),
        files.size(),
        pixels / 1e6,
        best[0],
        best[1],
        best[1] / best[0],
        best[2],
        best[3],
        best[4],
        best[5],
        best[5] / best[3]);
  }

  private static void decodeAll(
      List<byte[]> files, List<PngFile> pngs, DecodeLimits limits, boolean fused) throws Exception {
    for (int i = 0; i < files.size(); i++) {
      PngDecoder.decode(pngs.get(i), files.get(i), limits, true, fused);
    }
  }

  /** Every file's image data inflated whole, as the decoder does where ISA-L loads. */
  private static List<byte[]> inflateAll(List<byte[]> files, List<PngFile> pngs) {
    List<byte[]> inflated = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      PngFile png = pngs.get(i);
      int[] idat = png.idat();
      int total = 0;
      for (int k = 1; k < idat.length; k += 2) {
        total += idat[k];
      }
      byte[] in = new byte[total];
      for (int k = 0, at = 0; k < idat.length; at += idat[k + 1], k += 2) {
        System.arraycopy(files.get(i), idat[k], in, at, idat[k + 1]);
      }
      int size = stride(png) * png.height();
      byte[] out = new byte[size + 1];
      if (IsalInflate.available()) {
        if (!IsalInflate.inflateZlib(in, 0, total, out, size)) {
          throw new IllegalStateException("ISA-L cannot inflate file " + i);
        }
      } else {
        Inflater inflater = new Inflater();
        try {
          inflater.setInput(in);
          inflater.inflate(out, 0, size);
        } catch (DataFormatException e) {
          throw new IllegalStateException(e);
        } finally {
          inflater.end();
        }
      }
      inflated.add(out);
    }
    return inflated;
  }

  private static int stride(PngFile png) {
    return png.width() * png.bytesPerPixel() + 1;
  }

  /** The rows of already inflated data unfiltered into planes, one way or the other. */
  private static void unfilterAll(
      List<byte[]> inflated, List<PngFile> pngs, boolean fused, boolean vector) {
    for (int i = 0; i < pngs.size(); i++) {
      PngFile png = pngs.get(i);
      byte[] data = inflated.get(i);
      int stride = stride(png);
      int sampleBytes = png.bitDepth() / 8;
      byte[] out = new byte[png.storedChannels() * png.width() * png.height() * sampleBytes];
      if (fused && sampleBytes == 1 && png.storedChannels() > 1) {
        PngPlaneUnfilter unfilter =
            new PngPlaneUnfilter(out, png.width(), png.height(), png.storedChannels(), vector);
        for (int y = 0; y < png.height(); y++) {
          unfilter.write(data, y * stride, y);
        }
      } else {
        PngPlanes planes = new PngPlanes(png, out);
        byte[] row = new byte[stride];
        byte[] prior = new byte[stride];
        for (int y = 0; y < png.height(); y++) {
          System.arraycopy(data, y * stride, row, 0, stride);
          PngFilters.unfilter(row[0], row, prior, stride - 1, png.bytesPerPixel());
          planes.write(row, 1, y);
          byte[] swap = prior;
          prior = row;
          row = swap;
        }
      }
    }
  }

  /** Megapixels per second of passes of {@code pass} for at least {@code seconds}. */
  private static double rate(Pass pass, long pixels, double seconds) throws Exception {
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    int passes = 0;
    long now;
    do {
      pass.run();
      passes++;
      now = System.nanoTime();
    } while (now < deadline);
    return passes * (double) pixels / 1e6 / ((now - start) / 1e9);
  }
}
