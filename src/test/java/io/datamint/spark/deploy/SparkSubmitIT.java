package io.datamint.spark.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.datamint.spark.DatamintSparkSessionExtensions;
import io.datamint.spark.examples.DecodeReport;
import io.datamint.spark.internal.util.BuildInfo;
import io.datamint.spark.testing.EveryFormatProject;
import io.datamint.spark.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's Deployment section, run on every Spark installation of {@code
 * bin/lib/spark-versions}: the Java job ({@link DecodeReport}, an application jar of its own) and
 * the Python job ({@code examples/python/decode_report.py}) with only the self-contained jar
 * ({@code spark-submit --jars}), the Python job as a plain {@code python} process that sets {@code
 * spark.jars} itself, the Java job with the thin jar resolved through {@code --packages} from the
 * local Maven repository that {@code mvn install} filled, and the Java job on a standalone cluster
 * started from the installation, whose executors (separate JVMs) download nothing but the jar and
 * do the decoding; and, with the thin jar alone, a job that finishes with an {@code _error} naming
 * the missing library on exactly the rows that need it. Every run must print exactly the lines the
 * same report gives inside the build: every resource of the sample project (DICOM of each transfer
 * syntax it has, NIfTI, PNG 8/16-bit/RGB, JPEG, MP4), merged semantic masks, axial slices and video
 * frames, pixel for pixel (SHA-256 of every tensor), with no {@code _error}.
 */
class SparkSubmitIT {

  private static final Duration TIMEOUT = Duration.ofMinutes(4);
  private static final Path BASEDIR = Path.of(System.getProperty("datamint.test.basedir", "."));
  private static final Path TARGET = BASEDIR.resolve("target");
  private static final String ARTIFACT = "datamint-spark_2.13-" + BuildInfo.version();
  private static final Path ALL_JAR = TARGET.resolve(ARTIFACT + "-all.jar");
  private static final Path EXAMPLES_JAR = TARGET.resolve(ARTIFACT + "-examples.jar");
  private static final Path PYTHON_JOB = BASEDIR.resolve("examples/python/decode_report.py");
  private static final Path LOGS =
      TARGET
          .resolve("deployment-logs")
          .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));

  private static Path project;
  private static List<String> expected;
  private static List<EveryFormatProject.Row> rows;

  static List<SparkInstallation> installations() {
    List<SparkInstallation> configured = SparkInstallation.configured();
    if (configured.isEmpty()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(
            "no Spark installations given (system property "
                + SparkInstallation.PROPERTY
                + "); bin/test installs them with bin/lib/install-spark.sh");
      }
      return List.of(); // a developer's plain `mvn install`: run bin/test for these tests
    }
    return configured;
  }

  @BeforeAll
  static void writeProjectAndExpectation() throws IOException {
    assertThat(ALL_JAR).as("the self-contained jar (mvn package writes it)").exists();
    assertThat(EXAMPLES_JAR).exists();
    project = Files.createDirectories(LOGS).resolve("project");
    // the sample project plus JPEG, TIFF, BMP, GIF, and from the test corpus DICOM JPEG baseline,
    // lossless, JPEG 2000, JPEG-LS, extended and RLE, a 4-D NIfTI and an AVI: every decoder, shaded
    // ones included
    rows = EveryFormatProject.write(project);
    expected = DecodeReport.lines(SharedSpark.session(), project.toString());
    assertThat(expected.get(expected.size() - 1)).endsWith("|errors=0");
    Set<String> kinds = new TreeSet<>();
    for (String line : expected) {
      String[] f = line.split("\\|");
      if (f[0].equals("image")) {
        kinds.add(f[3] + ":" + f[4] + f[5].replaceAll("\\d+\\)$", ")"));
      }
    }
    // every kind the sample has reached the decoders: DICOM volumes, NIfTI, 8/16-bit and RGB
    // images, video
    assertThat(String.join(" ", kinds))
        .contains(
            "dicom:float64",
            "nifti:int16",
            "image:uint8(1,",
            "image:uint16",
            "image:uint8(3,",
            "video:uint8(3,");
    // each file that needs TwelveMonkeys, jai-imageio or FFmpeg decodes in the build, so the jobs
    // exercise them too
    assertThat(
            rows.stream().filter(r -> r.need() != null && !r.maskOnly()).map(r -> r.need().name()))
        .as("files of the project that need an optional library")
        .contains("TWELVEMONKEYS", "FFMPEG");
    for (EveryFormatProject.Row row : rows) {
      if (row.need() != null && !row.maskOnly()) {
        assertThat(expected)
            .as(row.filename())
            .anyMatch(l -> l.startsWith("image|" + row.resourceId() + "|") && l.endsWith("|-"));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("installations")
  void javaJobWithTheSelfContainedJar(SparkInstallation spark) throws Exception {
    String extensions = DatamintSparkSessionExtensions.class.getName();
    String out =
        submitJavaJob(
            spark,
            "local[2]",
            LOGS,
            "java-all-" + spark.version(),
            "--conf",
            "spark.sql.extensions=" + extensions,
            "--jars",
            ALL_JAR.toString());
    assertThat(out.lines().toList()).containsExactlyElementsOf(expected);
    // the session extensions, as the README's Deployment section adds them, load from the -all jar
    String log = Files.readString(LOGS.resolve("java-all-" + spark.version() + ".log"));
    assertThat(log).doesNotContain("Cannot use " + extensions);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("installations")
  void pythonJobWithTheSelfContainedJar(SparkInstallation spark) throws Exception {
    String out =
        submitPythonJob(
            spark, "local[2]", LOGS, "python-all-" + spark.version(), "--jars", ALL_JAR.toString());
    assertThat(out.lines().toList()).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("installations")
  void plainPythonWithSparkJars(SparkInstallation spark) throws Exception {
    String out =
        spark.run(
            List.of(
                spark.python().toString(),
                PYTHON_JOB.toString(),
                project.toString(),
                "--jars",
                ALL_JAR.toString()),
            LOGS,
            "python-spark-jars-" + spark.version(),
            TIMEOUT);
    assertThat(out.lines().toList()).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("installations")
  void javaJobWithPackages(SparkInstallation spark) throws Exception {
    Path ivy = Files.createDirectories(LOGS.resolve("ivy-" + spark.version()));
    String out =
        submitJavaJob(
            spark,
            "local[2]",
            LOGS,
            "java-packages-" + spark.version(),
            "--conf",
            "spark.jars.ivy=" + ivy,
            "--packages",
            BuildInfo.coordinates());
    assertThat(out.lines().toList()).containsExactlyElementsOf(expected);
    String log = Files.readString(LOGS.resolve("java-packages-" + spark.version() + ".log"));
    assertThat(log)
        .contains(
            "found "
                + BuildInfo.coordinates().replaceFirst(":", "#").replaceFirst(":", ";")
                + " in local-m2-cache");
    try (Stream<Path> jars = Files.list(ivy.resolve("jars"))) {
      List<String> names = jars.map(p -> p.getFileName().toString()).sorted().toList();
      // the natives of all four platforms, and nothing that only the sample generator needs
      assertThat(names)
          .anyMatch(n -> n.contains("ffmpeg") && n.contains("linux-arm64"))
          .anyMatch(n -> n.contains("ffmpeg") && n.contains("macosx-arm64"))
          .noneMatch(n -> n.contains("jcodec"));
    }
  }

  @Test
  void renamedCopiesOfTheJarShareOneNativeCache() throws Exception {
    SparkInstallation spark = newest();
    Path dir = Files.createDirectories(LOGS.resolve("renamed-jars"));
    Path cache = dir.resolve("javacpp-cache");
    for (String name : List.of("datamint-a.jar", "addedFile-1234-datamint.jar")) {
      Path copy = Files.copy(ALL_JAR, dir.resolve(name));
      String javaOptions = "-Dorg.bytedeco.javacpp.cachedir=" + cache;
      String out =
          submitJavaJob(
              spark,
              "local[2]",
              dir,
              name,
              "--driver-java-options",
              javaOptions,
              "--jars",
              copy.toString());
      assertThat(out.lines().toList()).containsExactlyElementsOf(expected);
    }
    try (Stream<Path> files = Files.walk(cache)) {
      List<Path> codecs =
          files.filter(p -> p.getFileName().toString().matches("libavcodec\\.so\\.\\d+")).toList();
      // one copy, in the per-build directory, whatever the jar was called
      assertThat(codecs).hasSize(1);
      assertThat(codecs.get(0).getParent().getFileName().toString()).startsWith("datamint-ffmpeg-");
    }
  }

  /**
   * OpenCV's jar beside the self-contained one, as docs/deployment.md adds it: JPEG 2000 frames are
   * decoded by its OpenJPEG, with the same pixels.
   */
  @Test
  void withOpenCvBesideTheJarJpeg2000IsDecodedByOpenJpeg() throws Exception {
    SparkInstallation spark = newest();
    Path openCv =
        Path.of(
            nu.pattern.OpenCV.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(openCv.getFileName().toString()).startsWith("opencv-");
    String name = "java-all-opencv-" + spark.version();
    String out = submitJavaJob(spark, "local[2]", LOGS, name, "--jars", ALL_JAR + "," + openCv);
    assertThat(out.lines().toList()).containsExactlyElementsOf(expected);
    assertThat(Files.readString(LOGS.resolve(name + ".log")))
        .contains("JPEG 2000 frames are decoded natively");
  }

  /** The newest installation (the test is skipped without one). */
  private static SparkInstallation newest() {
    List<SparkInstallation> all = installations();
    assumeTrue(!all.isEmpty(), "no Spark installation configured");
    return all.get(all.size() - 1);
  }

  /** The oldest and the newest installation. */
  static List<SparkInstallation> oldestAndNewest() {
    List<SparkInstallation> all = installations();
    return all.size() <= 2 ? all : List.of(all.get(0), all.get(all.size() - 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oldestAndNewest")
  void withTheThinJarAloneTheJobFinishesAndNamesWhatIsMissing(SparkInstallation spark)
      throws Exception {
    Path thin = TARGET.resolve(ARTIFACT + ".jar");
    String out =
        submitJavaJob(
            spark, "local[2]", LOGS, "java-thin-" + spark.version(), "--jars", thin.toString());
    List<String> lines = out.lines().toList();
    Map<String, List<String>> got = byReadAndResource(lines);
    Map<String, List<String>> want = byReadAndResource(expected);
    assertThat(got.keySet()).isEqualTo(want.keySet());
    int missing = 0;
    for (Map.Entry<String, List<String>> entry : want.entrySet()) {
      List<String> rowsOfResource = got.get(entry.getKey());
      String error = rowsOfResource.get(0).split("\\|", 8)[7];
      if (error.equals("-")) {
        // what needs no missing library decodes as with the full jar, slice for slice, frame for
        // frame
        assertThat(rowsOfResource).isEqualTo(entry.getValue());
      } else {
        missing++;
        assertThat(rowsOfResource).as("one error row for " + entry.getKey()).hasSize(1);
        assertThat(error)
            .contains(
                "which is not on the class path",
                BuildInfo.selfContainedJar(),
                "--packages " + BuildInfo.coordinates());
      }
    }
    String all = String.join("\n", lines);
    // video needs FFmpeg, the radiographs' JPEG / DICOM JPEG need TwelveMonkeys; NIfTI and PNG need
    // nothing more
    assertThat(all).contains("needs FFmpeg through JavaCPP", "needs TwelveMonkeys ImageIO");
    assertThat(lines)
        .anyMatch(l -> l.startsWith("image|") && l.contains("|nifti|") && l.endsWith("|-"));
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("summary|rows=" + (lines.size() - 1) + "|errors=" + missing);
  }

  /** The report's lines (not the summary) grouped by read and resource id, in order. */
  private static Map<String, List<String>> byReadAndResource(List<String> lines) {
    Map<String, List<String>> groups = new TreeMap<>();
    for (String line : lines.subList(0, lines.size() - 1)) {
      String[] f = line.split("\\|", 3);
      groups.computeIfAbsent(f[0] + "|" + f[1], k -> new ArrayList<>()).add(line);
    }
    return groups;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("installations")
  void javaJobOnAStandaloneClusterOfTheInstallation(SparkInstallation spark) throws Exception {
    Path logDir = Files.createDirectories(LOGS.resolve("cluster-" + spark.version()));
    try (InstalledCluster cluster = InstalledCluster.start(spark, logDir, 2)) {
      String out =
          submitJavaJob(
              spark,
              cluster.masterUrl(),
              logDir,
              "java-cluster",
              "--conf",
              "spark.executor.memory=1g",
              "--conf",
              "spark.driver.host=127.0.0.1",
              "--jars",
              ALL_JAR.toString());
      assertThat(out.lines().toList()).containsExactlyElementsOf(expected);
      List<Path> executorLogs = cluster.executorLogs();
      assertThat(executorLogs).as("executor logs under " + cluster.workDir()).isNotEmpty();
      List<String> decodedVideo = new ArrayList<>();
      for (Path log : executorLogs) {
        String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        if (text.contains("FfmpegRuntime") && text.contains("loaded in")) {
          decodedVideo.add(log.toString());
        }
      }
      // the executors, not the driver, loaded FFmpeg: they decoded the videos
      assertThat(decodedVideo).as("executor logs that show FFmpeg loaded").isNotEmpty();
    }
  }

  /**
   * Submits the Java job ({@link DecodeReport}, in the examples jar) to {@code master} with the
   * given spark-submit options (how the connector is added, and any others), its output kept under
   * {@code logDir} as {@code name}.
   */
  private static String submitJavaJob(
      SparkInstallation spark, String master, Path logDir, String name, String... options)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(commonOptions(master));
    args.addAll(List.of(options));
    args.addAll(
        List.of(
            "--class", DecodeReport.class.getName(), EXAMPLES_JAR.toString(), project.toString()));
    return spark.submit(args, Map.of(), logDir, name, TIMEOUT);
  }

  /**
   * Submits the Python job ({@code decode_report.py}) as {@link #submitJavaJob} does the Java one.
   */
  private static String submitPythonJob(
      SparkInstallation spark, String master, Path logDir, String name, String... options)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(commonOptions(master));
    args.addAll(List.of(options));
    args.addAll(List.of(PYTHON_JOB.toString(), project.toString()));
    return spark.submit(args, Map.of(), logDir, name, TIMEOUT);
  }

  private static List<String> commonOptions(String master) {
    return List.of("--master", master, "--conf", "spark.ui.enabled=false");
  }
}
