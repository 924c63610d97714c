package io.datamint.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.internal.decode.OptionalLibrary;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestCorpus;
import io.datamint.spark.testing.TestMirror;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The connector's decode speed per format beside the Datamint SDK's own per-item Python stack and
 * the native C tools, on the same generated files (issue 17). {@code bin/datamint-bench
 * decode-vs-sdk [--seconds S] [--rounds R] [--profile-seconds P] [--formats KEY,...] [--out FILE]}
 * runs the JVM pinned to one core ({@code taskset -c 0}), so the Python and native sides it starts
 * are pinned there too. {@code --formats} measures only the formats of those manifest keys ({@code
 * h264,dicom-ct}); its section then goes to {@code target/decode-vs-sdk.md} unless {@code --out} is
 * given, so that a partial table does not replace the whole one in {@code BENCHMARKS.md}.
 *
 * <p>{@code bin/lib/decode_vs_sdk.py}, run with an SDK environment's Python, writes the files with
 * real encoders (PIL, pydicom, dcmtk, GDCM, nibabel, ffmpeg) and times the SDK's stack and the
 * native tools. The connector side is a Spark {@code local[1]} read of {@code image} with every
 * row's pixel bytes materialized; the same read selecting only {@code resource_id} (no file opened)
 * is the job's own cost, shown and subtracted. Rounds are interleaved (every format's three sides,
 * then the next round) and each side's best round is kept. Then each format's connector read is
 * profiled with JFR ({@link DecodeProfile}). The Markdown replaces the section between this
 * benchmark's markers in the report, or is appended to it.
 */
final class DecodeVsSdkBenchmark {

  /** A format of the table: its key in the generator's manifest, label and MIME type. */
  record Format(String key, String label, String mimetype) {}

  /** The formats, in the order. */
  static final List<Format> FORMATS =
      List.of(
          new Format("jpeg", "JPEG photo, 2 MP, RGB", "image/jpeg"),
          new Format("dicom-ct", "DICOM uncompressed CT -> rescaled float64", "application/dicom"),
          new Format("png16", "PNG 16-bit", "image/png"),
          new Format("png-rgb", "PNG RGB", "image/png"),
          new Format("png8", "PNG 8-bit", "image/png"),
          new Format("dicom-j2k", "DICOM JPEG 2000", "application/dicom"),
          new Format("dicom-rle", "DICOM RLE", "application/dicom"),
          new Format("dicom-jpeg-lossless", "DICOM JPEG lossless", "application/dicom"),
          new Format("nifti-gz", "NIfTI .nii.gz", "application/gzip"),
          new Format("dicom-jpeg-ls", "DICOM JPEG-LS", "application/dicom"),
          new Format("h264", "H.264 1080p frames", "video/mp4"),
          new Format("dicom-jpeg-baseline", "DICOM JPEG baseline", "application/dicom"));

  static final String BEGIN = "<!-- decode-vs-sdk: begin (bin/datamint-bench decode-vs-sdk) -->";
  static final String END = "<!-- decode-vs-sdk: end -->";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The most copies of a format's files in the connector's read. */
  private static final int MAX_COPIES = 64;

  /**
   * Seconds of decoding in one connector read per second of {@code --seconds}: the job's own cost
   * (0.1-0.4 s, noisy on a loaded machine) then stays a small part of the read.
   */
  private static final double READ_SECONDS_PER_SECOND = 2;

  /** One format's best seconds per pass over its files, per side. */
  static final class Measured {
    final Format format;
    final List<Path> files;
    final long pixels;
    Path mirror;
    int copies = 1;
    double connector = Double.MAX_VALUE;
    double overhead = Double.MAX_VALUE;
    double sdk = Double.MAX_VALUE;
    double nativeTool = Double.MAX_VALUE;
    String nativeWhat = "";

    Measured(Format format, List<Path> files, long pixels, Path mirror) {
      this.format = format;
      this.files = files;
      this.pixels = pixels;
      this.mirror = mirror;
    }

    double mpx(double seconds) {
      return pixels / seconds / 1e6;
    }

    /**
     * Megapixels per second of the connector's read, which holds every file {@code copies} times.
     */
    double connectorMpx(double seconds) {
      return pixels * (double) copies / seconds / 1e6;
    }

    double connectorNet() {
      return Math.max(connector - overhead, 1e-9);
    }
  }

  private DecodeVsSdkBenchmark() {}

  public static void main(String[] args) throws Exception {
    double seconds = 1;
    int rounds = 2;
    double profileSeconds = 6;
    Path out = null;
    List<Format> formats = FORMATS;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--profile-seconds" -> profileSeconds = Double.parseDouble(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--formats" -> formats = formats(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "unknown argument "
                    + args[i]
                    + "; accepted: --seconds S, --rounds R, --profile-seconds P, --formats KEY,..., --out FILE");
      }
    }
    if (out == null) {
      out = Path.of(formats == FORMATS ? "BENCHMARKS.md" : "target/decode-vs-sdk.md");
    }
    String python =
        System.getenv()
            .getOrDefault(
                "DATAMINT_SDK_PYTHON",
                System.getProperty("user.home")
                    + "/.cache/datamint-spark/datamint-sdk-2.45.0/bin/python");
    Path script = Path.of("bin/lib/decode_vs_sdk.py").toAbsolutePath();
    String loadBefore = loadAverage();
    Path work = Files.createTempDirectory("datamint-bench-vs-sdk-");
    Path generated = work.resolve("files");
    python(python, script, "generate", generated.toString(), TestCorpus.root().toString());
    JsonNode manifest = JSON.readTree(generated.resolve("manifest.json").toFile());

    List<Measured> measured = new ArrayList<>();
    for (Format format : formats) {
      JsonNode entry = manifest.path(format.key());
      List<Path> files = new ArrayList<>();
      entry.path("files").forEach(f -> files.add(Path.of(f.asText())));
      long pixels = entry.path("pixels").asLong() * files.size();
      measured.add(
          new Measured(
              format,
              files,
              pixels,
              mirror(work.resolve("mirror-" + format.key()), format, files, 1)));
    }

    System.setProperty("datamint.test.master", "local[1]");
    SparkSession spark = SharedSpark.session();
    for (Measured m : measured) {
      // each file repeated in the connector's read until decoding outweighs the job's own cost
      double decode =
          timed(0, () -> pixels(spark, m.mirror)) - timed(0, () -> idOnly(spark, m.mirror));
      m.copies =
          (int)
              Math.max(
                  1,
                  Math.min(
                      MAX_COPIES,
                      Math.ceil(READ_SECONDS_PER_SECOND * seconds / Math.max(decode, 0.01))));
      if (m.copies > 1) {
        m.mirror =
            mirror(
                work.resolve("mirror-" + m.format.key() + "-x" + m.copies),
                m.format,
                m.files,
                m.copies);
      }
    }
    for (int round = 0; round < rounds; round++) {
      for (Measured m : measured) {
        m.overhead = Math.min(m.overhead, timed(seconds / 2, () -> idOnly(spark, m.mirror)));
        m.connector = Math.min(m.connector, timed(seconds, () -> pixels(spark, m.mirror)));
        m.sdk = Math.min(m.sdk, side(python, script, "sdk", m, seconds).path("seconds").asDouble());
        JsonNode nat = side(python, script, "native", m, seconds);
        m.nativeTool = Math.min(m.nativeTool, nat.path("seconds").asDouble());
        m.nativeWhat = nat.path("what").asText();
        System.err.printf(
            Locale.ROOT,
            "round %d %-44s connector %7.1f Mpx/s (job %.3f s) SDK %7.1f native %7.1f%n",
            round + 1,
            m.format.label(),
            m.connectorMpx(m.connectorNet()),
            m.overhead,
            m.mpx(m.sdk),
            m.mpx(m.nativeTool));
      }
    }
    String loadAfterRuns = loadAverage();
    Map<String, DecodeProfile.Profile> profiles = new LinkedHashMap<>();
    for (Measured m : measured) {
      profiles.put(
          m.format.label(), DecodeProfile.record(profileSeconds, () -> pixels(spark, m.mirror)));
    }
    String md =
        markdown(measured, profiles, rounds, seconds, profileSeconds, loadBefore, loadAfterRuns);
    writeSection(out, md);
    System.out.println(md);
  }

  /** The formats of {@code keys}, comma-separated manifest keys, in the order. */
  private static List<Format> formats(String keys) {
    List<String> wanted = List.of(keys.split(","));
    List<Format> chosen = FORMATS.stream().filter(f -> wanted.contains(f.key())).toList();
    if (chosen.size() != wanted.size()) {
      throw new IllegalArgumentException(
          "--formats "
              + keys
              + " names an unknown format; accepted: "
              + String.join(",", FORMATS.stream().map(Format::key).toList()));
    }
    return chosen;
  }

  /** A mirror of the format's files, with the MIME type the platform gives them. */
  static Path mirror(Path dir, Format format, List<Path> files, int copies) throws IOException {
    TestMirror mirror = TestMirror.in(dir);
    String storage =
        format.mimetype().equals("application/dicom")
            ? "DicomResource"
            : format.mimetype().startsWith("video/")
                ? "VideoResource"
                : format.mimetype().startsWith("image/") ? "ImageResource" : "NiftiResource";
    List<String> ids = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    for (int copy = 0; copy < copies; copy++) {
      sources.addAll(files);
    }
    for (Path file : sources) {
      String id = String.format(Locale.ROOT, "%s-%04d", format.key(), ids.size());
      ids.add(id);
      mirror.resourceLine(
          String.format(
              Locale.ROOT,
              "{\"id\": \"%s\", \"filename\": \"%s\", \"mimetype\": \"%s\", \"storage\": \"%s\","
                  + " \"modality\": \"OT\", \"patient_id\": null, \"size\": %d, \"tags\": [],"
                  + " \"created_at\": \"2026-01-01T00:00:00Z\", \"status\": \"published\","
                  + " \"metadata\": {}}",
              id,
              file.getFileName(),
              format.mimetype(),
              storage,
              Files.size(file)));
    }
    Path written = mirror.write();
    for (int i = 0; i < sources.size(); i++) {
      Files.copy(sources.get(i), written.resolve("files/resources/" + ids.get(i)));
    }
    return written;
  }

  /** The read with every row's pixel bytes materialized. */
  static void pixels(SparkSession spark, Path mirror) {
    Dataset<Row> rows =
        spark
            .read()
            .format("datamint")
            .load(mirror.toString())
            .select(length(col("image.data")).as("n"));
    Row r = rows.agg(sum("n"), count("n")).first();
    if (r.isNullAt(0) || r.getLong(0) == 0) {
      throw new IllegalStateException("no pixels read from " + mirror);
    }
  }

  /** The same read opening no file: the job's own cost (planning, listing, task, result). */
  private static void idOnly(SparkSession spark, Path mirror) {
    spark
        .read()
        .format("datamint")
        .load(mirror.toString())
        .select(col("resource_id"))
        .agg(count("resource_id"))
        .first();
  }

  /**
   * The fastest run's seconds among the runs made in {@code seconds} (at least 2), after one
   * untimed run: on a shared machine the fastest run is the one least disturbed.
   */
  private static double timed(double seconds, Stopwatch.Action action) throws Exception {
    action.run();
    int runs = 0;
    double best = Double.MAX_VALUE;
    long start = System.nanoTime();
    do {
      long t = System.nanoTime();
      action.run();
      best = Math.min(best, (System.nanoTime() - t) / 1e9);
      runs++;
    } while (System.nanoTime() - start < seconds * 1e9 || runs < 2);
    return best;
  }

  private static JsonNode side(String python, Path script, String side, Measured m, double seconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(side, m.format.key(), Double.toString(seconds)));
    m.files.forEach(f -> command.add(f.toString()));
    String out = python(python, script, command.toArray(String[]::new));
    String[] lines = out.strip().split("\n");
    return JSON.readTree(lines[lines.length - 1]);
  }

  private static String python(String python, Path script, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(python, script.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("failed: " + command);
    }
    return out;
  }

  /** The machine's cores (the pinned JVM itself sees one). */
  private static long machineCores() {
    try (java.util.stream.Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("processor")).count();
    } catch (IOException e) {
      return Runtime.getRuntime().availableProcessors();
    }
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String markdown(
      List<Measured> measured,
      Map<String, DecodeProfile.Profile> profiles,
      int rounds,
      double seconds,
      double profileSeconds,
      String loadBefore,
      String loadAfter) {
    StringBuilder md = new StringBuilder();
    md.append(BEGIN)
        .append(
            "\n## Decoding beside the SDK's stack and native C tools, one pinned core (issue 17)\n\n")
        .append("Written by `bin/datamint-bench decode-vs-sdk` on ")
        .append(LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
        .append(String.format(Locale.ROOT, ", %d cores on the machine, ", machineCores()))
        .append(
            "everything pinned to core 0 (`taskset -c 0`): the JVM, and the Python and native tools it starts. ")
        .append("Load average (1, 5, 15 min) ")
        .append(loadBefore)
        .append(" before and ")
        .append(loadAfter)
        .append(
            " after the timed rounds (the harness's own processes count; well above 1 means other work"
                + " shared the machine and every figure is a lower bound of speed): the ratios are the figures to"
                + " read.\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "Megapixels per second, pixels = frames x height x width (channels not counted), from the fastest"
                    + " pass of each side over %d interleaved rounds of at least %.1f s per side, the same files on"
                    + " every side (the connector's read holds each file *copies* times, so that decoding outweighs the"
                    + " job's own cost; *Mpx* is one pass over the distinct files). Files are"
                    + " generated per run by `bin/lib/decode_vs_sdk.py` with real encoders: a 1632 x 1224 photo"
                    + " (the corpus astronaut upscaled, with noise) as JPEG q90 (PIL) and as 1024 x 768 PNG; 512 x 512"
                    + " CT-like slices (body, bone, organs, noise; 12 bits stored, rescale -1024) as uncompressed"
                    + " DICOM, 16-bit PNG, and transcoded by `gdcmconv --j2k`, `dcmcrle`, `dcmcjpeg +e1`, `dcmcjpls`;"
                    + " 8-bit 512 x 512 DICOM by `dcmcjpeg +eb`; 1024 x 1024 8-bit PNG; 256 x 256 x 64 int16 NIfTI"
                    + " (nibabel, gzip); 30 frames of 1080p `testsrc2` by libx264 veryfast.%n%n",
                rounds,
                seconds))
        .append(
            "- **connector**: `spark.read.format(\"datamint\")` on `local[1]`,"
                + " `sum(length(image.data))`, minus the same read selecting only `resource_id` (the job's own cost,"
                + " column *job s*; *raw* is before subtracting); "
                + (OptionalLibrary.loadable(List.of("nu.pattern.OpenCV"))
                    ? "the optional OpenCV jar (`org.openpnp:opencv`) is on the benchmark's class path, so"
                        + " JPEG 2000 frames are decoded by its OpenJPEG (docs/deployment.md)"
                    : "without the optional OpenCV jar, so JPEG 2000 frames are decoded by JJ2000")
                + ".\n")
        .append(
            "- **SDK stack**: `medimgkit.readers.read_array_normalized(bytes)` per file, the call the SDK 2.45.0"
                + " makes per item (`datamint/entities/sliced_resource.py`): MIME detection, then pydicom's"
                + " `pixel_array` with its handlers and the modality LUT (float64), nibabel `get_fdata`, PIL,"
                + " or OpenCV `VideoCapture` with BGR to RGB.\n")
        .append(
            "- **native**: one C tool process per file (starting `/bin/true` as often subtracted); the dcmtk"
                + " tools, whose start-up (reading the data dictionary) outweighs one slice, decode one multi-frame"
                + " file of the format's slices x4, minus the same tool on an 8 x 8 file; where the work is one"
                + " library call, that call from Python (zlib inflate of the IDAT chunks, without PNG unfiltering;"
                + " numpy's copy and float64 multiply-add for uncompressed CT, each slice into the next slot of"
                + " a 256 MB ring, so that its output leaves the cache as the connector's batches do: memory"
                + " speed; what it gives when its output stays in the cache is named beside it, and is not the"
                + " figure compared with).\n\n")
        .append(
            "| format | files | copies | Mpx | connector Mpx/s | raw | job s | SDK stack Mpx/s | native Mpx/s | native"
                + " tool | connector / SDK | connector / native |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
    for (Measured m : measured) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.1f | %.1f | %.1f | %.3f | %.1f | %.1f | %s | %.2f | %.2f |%n",
              m.format.label(),
              m.files.size(),
              m.copies,
              m.pixels / 1e6,
              m.connectorMpx(m.connectorNet()),
              m.connectorMpx(m.connector),
              m.overhead,
              m.mpx(m.sdk),
              m.mpx(m.nativeTool),
              m.nativeWhat,
              m.connectorMpx(m.connectorNet()) / m.mpx(m.sdk),
              m.connectorMpx(m.connectorNet()) / m.mpx(m.nativeTool)));
    }
    md.append("\n### Where the time goes: JFR samples of the connector's read, per format\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "The same `local[1]` read repeated for %.1f s per format under a JFR recording"
                    + " (`jdk.ExecutionSample` and `jdk.NativeMethodSample` every %d ms: a thread in C code, zlib or"
                    + " FFmpeg, is sampled with the Java method that called into it on top), samples of Spark's task"
                    + " threads and the connector's decode threads. *Self* is the"
                    + " top frame (where the CPU was), *total* counts a method once per sample that has it"
                    + " anywhere on the stack (`io.datamint` frames and the JDK codecs they call).%n%n",
                profileSeconds,
                DecodeProfile.PERIOD_MS));
    for (Map.Entry<String, DecodeProfile.Profile> e : profiles.entrySet()) {
      md.append("#### ")
          .append(e.getKey())
          .append("\n\n")
          .append(e.getValue().markdown())
          .append('\n');
    }
    return md.append(END).append('\n').toString();
  }

  /** Replaces the section between the markers in {@code out}, or appends it. */
  private static void writeSection(Path out, String section) throws IOException {
    String existing =
        Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "# Benchmarks\n";
    int begin = existing.indexOf(BEGIN);
    int end = existing.indexOf(END);
    String updated =
        begin >= 0 && end > begin
            ? existing.substring(0, begin) + section + existing.substring(end + END.length() + 1)
            : existing + (existing.endsWith("\n") ? "\n" : "\n\n") + section;
    Files.writeString(out, updated, StandardCharsets.UTF_8);
  }
}
