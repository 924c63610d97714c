package io.datamint.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.sum;

import io.datamint.spark.internal.sample.NiftiWriter;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Real-sized CT volumes read whole and sliced (issue 14), each read in a JVM of its own so that its
 * peak RSS is that read's: a 512 x 512 x 600 int16 NIfTI with a scaling (a float64 tensor of 1.26
 * GB, the CT of the issue) and a 512 x 512 x 1,100 one (2.3 GB as float64, above the largest tensor
 * a row can hold). Figures: rows, seconds, the JVM's peak heap during the read, the process's RSS
 * before the read and its peak (VmHWM) after, beside the tensor's size, and the row's {@code
 * _error}.
 *
 * <p>Standalone: {@code java ... io.datamint.spark.bench.BigVolumeBenchmark [XMX [OUT]]} writes the
 * volumes into a temporary mirror, runs every read in a child JVM with {@code -XmxXMX} (default
 * 4g), and prints the Markdown subsection (to OUT when given). {@code ... BigVolumeBenchmark read
 * DIR RESOURCE SLICE} is one read (the child).
 */
final class BigVolumeBenchmark {

  static final int WIDTH = 512;
  static final int HEIGHT = 512;

  /** A volume of the benchmark: its resource id and slices. */
  record Volume(String id, int depth) {
    long tensorBytes() {
      return 8L * WIDTH * HEIGHT * depth; // float64 after the scaling
    }

    long fileBytes() {
      return 352L + 2L * WIDTH * HEIGHT * depth;
    }
  }

  static final List<Volume> VOLUMES =
      List.of(new Volume("ct-600", 600), new Volume("ct-1100", 1100));

  /** One read, as the child JVM reports it. */
  record Result(
      String volume,
      boolean sliced,
      boolean batches,
      long rows,
      long tensorBytes,
      double seconds,
      long peakHeapBytes,
      long baseRssBytes,
      long peakRssBytes,
      String error) {}

  private BigVolumeBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("read")) {
      System.out.println(
          "RESULT\t"
              + read(
                  Path.of(args[1]),
                  args[2],
                  Boolean.parseBoolean(args[3]),
                  Boolean.parseBoolean(args[4])));
      return;
    }
    String xmx = args.length > 0 ? args[0] : "4g";
    Path work = Files.createTempDirectory("datamint-bench-volumes-");
    try {
      String md = markdown(run(work, xmx), xmx);
      if (args.length > 1) {
        Files.writeString(Path.of(args[1]), md, StandardCharsets.UTF_8);
      }
      System.out.println(md);
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Writes the volumes and runs each read (sliced first, then whole) in a child JVM. */
  static List<Result> run(Path work, String xmx) throws Exception {
    Path dir = write(work.resolve("volumes"));
    List<Result> out = new ArrayList<>();
    for (Volume volume : VOLUMES) {
      for (boolean sliced : new boolean[] {true, false}) {
        for (boolean batches : new boolean[] {true, false}) {
          out.add(child(dir, volume.id(), sliced, batches, xmx));
        }
      }
    }
    return out;
  }

  /** The mirror: each volume a plain int16 NIfTI with slope 0.5 and intercept -1024. */
  static Path write(Path at) throws IOException {
    TestMirror mirror = TestMirror.in(at);
    for (Volume v : VOLUMES) {
      mirror.resourceLine(
          "{\"id\":\""
              + v.id()
              + "\",\"filename\":\""
              + v.id()
              + ".nii\",\"mimetype\":\"application/x-nifti\",\"metadata\":{\"frame_count\":"
              + v.depth()
              + ",\"width\":"
              + WIDTH
              + ",\"height\":"
              + HEIGHT
              + "}}");
    }
    Path dir = mirror.write();
    double[][] affine = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    for (Volume v : VOLUMES) {
      // the header of a small volume of the same geometry, with the real depth patched in, then
      // the voxels streamed: the writer holds no 1.1 GB array
      byte[] header =
          NiftiWriter.of(new int[] {WIDTH, HEIGHT, 1}, affine)
              .withScaling(0.5f, -1024f)
              .int16(new short[WIDTH * HEIGHT]);
      ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putShort(46, (short) v.depth());
      try (OutputStream file = Files.newOutputStream(dir.resolve("files/resources/" + v.id()))) {
        file.write(header, 0, 352);
        byte[] plane = new byte[2 * WIDTH * HEIGHT];
        for (int z = 0; z < v.depth(); z++) {
          ByteBuffer b = ByteBuffer.wrap(plane).order(ByteOrder.LITTLE_ENDIAN);
          for (int i = 0; i < WIDTH * HEIGHT; i++) {
            b.putShort((short) ((i * 31 + z * 7) % 3000));
          }
          file.write(plane);
        }
      }
    }
    return dir;
  }

  private static Result child(Path dir, String id, boolean sliced, boolean batches, String xmx)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-")
          || arg.startsWith("--enable-native")
          || arg.startsWith("-XX:+Ign")) {
        command.add(arg);
      }
    }
    command.addAll(
        List.of(
            "-Xmx" + xmx,
            "-Ddatamint.test.master=local[1]",
            "-cp",
            System.getProperty("java.class.path"),
            BigVolumeBenchmark.class.getName(),
            "read",
            dir.toString(),
            id,
            Boolean.toString(sliced),
            Boolean.toString(batches)));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("the read of " + id + " did not end in 30 minutes");
    }
    for (String line : output.split("\n")) {
      if (line.startsWith("RESULT\t")) {
        return parse(line.substring(7));
      }
    }
    return new Result(
        id, sliced, batches, 0, 0, 0, -1, -1, -1, "the JVM ended with exit code " + p.exitValue());
  }

  /** One read in this JVM (the child): the volume's rows, their bytes, and the memory figures. */
  static String read(Path dir, String id, boolean sliced, boolean batches) throws IOException {
    SparkSession spark = SharedSpark.session();
    spark.read().format("datamint").load(dir.toString()).count(); // the session warmed up
    System.gc();
    long baseRss = ProcessMemory.current();
    ProcessMemory.resetHeapPeak();
    ProcessMemory.resetPeak();
    long start = System.nanoTime();
    // the largest array, not the default budget (a quarter of the heap): the volumes are big on
    // purpose
    var reader = spark.read().format("datamint").option("max_decoded_bytes", "2g");
    if (sliced) {
      reader = reader.option("slice", "axial");
    }
    Dataset<Row> df =
        reader.load(dir.toString()).where(col("resource_id").equalTo(id)).select("image", "_error");
    long[] figures = batches ? consumeBatches(df) : consumeRows(df);
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = ProcessMemory.heapPeak();
    long peakRss = ProcessMemory.peak();
    String error = errorOf(df);
    spark.stop();
    return String.join(
        "\t",
        id,
        Boolean.toString(sliced),
        Boolean.toString(batches),
        Long.toString(figures[0]),
        Long.toString(figures[1]),
        Double.toString(seconds),
        Long.toString(peak),
        Long.toString(baseRss),
        Long.toString(peakRss),
        error);
  }

  /** Rows and tensor bytes through Spark SQL: {@code length(image.data)} copies each value. */
  private static long[] consumeRows(Dataset<Row> df) {
    Row r =
        df.select(length(col("image.data")).as("n"))
            .agg(count("n"), sum("n"))
            .collectAsList()
            .get(0);
    return new long[] {r.getLong(0), r.isNullAt(1) ? 0 : r.getLong(1)};
  }

  /**
   * Rows and tensor bytes from the scan's Arrow batches themselves, in the task that makes them
   * (the scan node's columnar RDD): each row's size from its {@code dtype} and {@code shape}, the
   * pixel bytes not copied. What the connector's reader holds, without Spark's row conversion.
   */
  private static long[] consumeBatches(Dataset<Row> df) {
    var scan = io.datamint.spark.internal.util.BatchScans.of(df).get(0);
    List<long[]> perPartition =
        scan.executeColumnar().toJavaRDD().map(BigVolumeBenchmark::rowsAndBytes).collect();
    long rows = 0;
    long bytes = 0;
    for (long[] p : perPartition) {
      rows += p[0];
      bytes += p[1];
    }
    return new long[] {rows, bytes};
  }

  private static long[] rowsAndBytes(ColumnarBatch batch) {
    long bytes = 0;
    int rows = 0;
    ColumnVector image = batch.column(0);
    for (int row = 0; row < batch.numRows(); row++) {
      if (image.isNullAt(row)) {
        continue;
      }
      rows++;
      long elements = 1;
      ColumnarArray shape = image.getChild(1).getArray(row);
      for (int d = 0; d < shape.numElements(); d++) {
        elements *= shape.getInt(d);
      }
      String dtype = image.getChild(0).getUTF8String(row).toString();
      bytes += elements * Integer.parseInt(dtype.replaceAll("[^0-9]", "")) / 8;
    }
    return new long[] {rows, bytes};
  }

  private static String errorOf(Dataset<Row> df) {
    List<Row> errors = // with the image's shape, so that the file is decoded
        df.where("_error IS NOT NULL").select("_error", "image.shape").limit(1).collectAsList();
    return errors.isEmpty() ? "" : errors.get(0).getString(0).replace('\t', ' ').replace('\n', ' ');
  }

  private static Result parse(String line) {
    String[] f = line.split("\t", -1);
    return new Result(
        f[0],
        Boolean.parseBoolean(f[1]),
        Boolean.parseBoolean(f[2]),
        Long.parseLong(f[3]),
        Long.parseLong(f[4]),
        Double.parseDouble(f[5]),
        Long.parseLong(f[6]),
        Long.parseLong(f[7]),
        Long.parseLong(f[8]),
        f[9].isEmpty() ? null : f[9]);
  }

  static String markdown(List<Result> results, String xmx) {
    StringBuilder md = new StringBuilder();
    md.append("### Big volumes whole and sliced\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "`BigVolumeBenchmark` (`java ... io.datamint.spark.bench.BigVolumeBenchmark"
                    + " [XMX]`): int16 NIfTI CTs of %d x %d x D voxels with a scaling (slope 0.5,"
                    + " intercept -1024), so that each decodes to float64, as the SDK's"
                    + " `get_fdata()`. Each read runs in a JVM of its own (`local[1]`, `-Xmx%s`,"
                    + " default options but `max_decoded_bytes` 2g): the session is started and warmed up, then the read"
                    + " goes through every row: either the scan's Arrow batches themselves, in the"
                    + " task (\"batches\": each tensor's size from its dtype and shape, its bytes not"
                    + " copied; what the connector holds), or Spark SQL's `sum(length(image.data))`"
                    + " (\"SQL\": Spark copies each value out of Arrow into a row). \"RSS before\""
                    + " is the process's resident memory after the warm-up; \"peak RSS\" its"
                    + " high-water mark during the read (VmHWM, reset before it); \"added\" is"
                    + " their difference, beside the float64 tensor and the file.%n%n",
                WIDTH,
                HEIGHT,
                xmx))
        .append(
            "| volume | read | consumer | rows | seconds | tensor MB | file MB | peak heap MB | RSS before MB |"
                + " peak RSS MB | added MB | added / tensor | `_error` |\n")
        .append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Result r : results) {
      Volume v = VOLUMES.stream().filter(x -> x.id().equals(r.volume())).findFirst().orElseThrow();
      long added = r.peakRssBytes() - r.baseRssBytes();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s (D = %d) | %s | %s | %d | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f | %s |%n",
              v.id(),
              v.depth(),
              r.sliced() ? "axial slices" : "whole",
              r.batches() ? "batches" : "SQL",
              r.rows(),
              r.seconds(),
              v.tensorBytes() / 1e6,
              v.fileBytes() / 1e6,
              r.peakHeapBytes() / 1e6,
              r.baseRssBytes() / 1e6,
              r.peakRssBytes() / 1e6,
              added / 1e6,
              (double) added / v.tensorBytes(),
              r.error() == null ? "" : r.error().replace("|", "\\|")));
    }
    return md.toString();
  }
}
