package io.datamint.spark.internal.read;

import static io.datamint.spark.internal.decode.OptionalLibrary.FFMPEG;
import static io.datamint.spark.internal.decode.OptionalLibrary.JAI_IMAGEIO_JPEG2000;
import static io.datamint.spark.internal.decode.OptionalLibrary.TWELVEMONKEYS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.decode.OptionalLibrary;
import io.datamint.spark.testing.ClusterDriver;
import io.datamint.spark.testing.EveryFormatProject;
import io.datamint.spark.testing.EveryFormatProject.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A missing dependency never aborts a job: a driver JVM whose class path is the test's minus the
 * jars of TwelveMonkeys, of jai-imageio (and the optional OpenCV), of JavaCPP and FFmpeg, or of all
 * three, reads the project of {@link EveryFormatProject} (every resource's {@code image} and masks,
 * whole and sliced) with each read mode. Rows whose file or mask needs a missing library get an
 * {@code _error} naming it and how to add it (PERMISSIVE), are dropped and counted (DROPMALFORMED),
 * or fail the query with that message (FAILFAST); every other row decodes as usual.
 */
@Tag("cluster")
class MissingLibraryReadTest {

  private static final Pattern FAILED_RESOURCE = Pattern.compile("resource (\\S+) \\(");

  @TempDir static Path tmp;
  private static String mirror;
  private static List<Row> rows;

  @BeforeAll
  static void writeProject() throws Exception {
    rows = EveryFormatProject.write(tmp.resolve("project"));
    mirror = tmp.resolve("project").toString();
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void withoutTwelveMonkeysJpegTiffAndTheirDicomSyntaxesFailAlone() throws Exception {
    readWithout(EnumSet.of(TWELVEMONKEYS), jarsUnder("com/twelvemonkeys/"));
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void withoutJaiImageioOnlyJpeg2000DicomFails() throws Exception {
    // and without OpenCV, whose OpenJPEG would decode these frames instead
    readWithout(
        EnumSet.of(JAI_IMAGEIO_JPEG2000), jarsUnder("com/github/jai-imageio/", "org/openpnp/"));
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void withoutJavacppAndFfmpegOnlyVideosFail() throws Exception {
    readWithout(EnumSet.of(FFMPEG), jarsUnder("org/bytedeco/"));
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void withSparkAndTheConnectorAloneNiftiDicomPngBmpGifStillDecode() throws Exception {
    readWithout(
        EnumSet.allOf(OptionalLibrary.class),
        jarsUnder(
            "com/twelvemonkeys/", "com/github/jai-imageio/", "org/bytedeco/", "org/openpnp/"));
  }

  private static void readWithout(Set<OptionalLibrary> missing, Predicate<String> leaveOut)
      throws Exception {
    assertThat(rows)
        .as("files of the project that need one of " + missing)
        .anyMatch(row -> missing.contains(row.need()));
    ClusterDriver.Result result =
        ClusterDriver.runWithout(leaveOut, MissingLibraryDriver.class, mirror).assertSucceeded();
    JsonNode libraries = result.jsonLines("libraries").get(0);
    for (OptionalLibrary library : OptionalLibrary.values()) {
      assertThat(libraries.path(library.name()).asBoolean())
          .as("%s present in the child JVM; %s", library, result.describe())
          .isEqualTo(!missing.contains(library));
    }
    List<Row> failing = assertPermissiveRows(result, missing);
    assertDropMalformed(result, failing);
    assertFailFast(result, failing);
  }

  /**
   * PERMISSIVE, whole and sliced: rows needing a missing library have the {@code _error} naming it
   * (one row, not sliced); the others decode, with every slice.
   *
   * @return the rows needing a missing library
   */
  private static List<Row> assertPermissiveRows(
      ClusterDriver.Result result, Set<OptionalLibrary> missing) {
    Map<String, JsonNode> whole = byId(result.jsonLines("whole"));
    assertThat(whole.keySet()).as(result.describe()).containsExactlyInAnyOrderElementsOf(ids(rows));
    Map<String, List<JsonNode>> slices = new HashMap<>();
    for (JsonNode slice : result.jsonLines("slice")) {
      slices.computeIfAbsent(slice.path("id").asText(), id -> new ArrayList<>()).add(slice);
    }
    List<Row> failing = new ArrayList<>();
    for (Row row : rows) {
      JsonNode line = whole.get(row.resourceId());
      List<JsonNode> cut = slices.get(row.resourceId());
      String name = row.filename();
      if (missing.contains(row.need())) {
        failing.add(row);
        String error = line.path("error").asText(null);
        assertThat(error).as("_error of %s", name).isNotNull();
        assertNamesMissingLibrary(error, row);
        assertThat(line.path("shape").isNull()).as("image of %s", name).isTrue();
        assertThat(cut).as("slice rows of %s", name).hasSize(1);
        assertThat(cut.get(0).path("slice").isNull()).as("slice index of %s", name).isTrue();
        assertThat(cut.get(0).path("error").asText())
            .as("sliced _error of %s", name)
            .isEqualTo(error);
      } else {
        assertThat(line.path("error").isNull()).as("_error of %s: %s", name, line).isTrue();
        JsonNode shape = line.path("shape");
        assertThat(shape.size()).as("image shape of %s", name).isIn(3, 4);
        if (row.maskOnly()) {
          assertThat(line.path("maskAuthors").asInt())
              .as("annotators with masks on %s", name)
              .isPositive();
        }
        int expectedRows = row.volume() ? shape.get(1).asInt() : 1; // (C, D, H, W): D axial slices
        assertThat(cut)
            .as("slice rows of %s", name)
            .hasSize(expectedRows)
            .allSatisfy(
                slice -> assertThat(slice.path("error").isNull()).as("sliced %s", slice).isTrue());
      }
    }
    return failing;
  }

  /**
   * DROPMALFORMED keeps exactly the rows that decode and counts the others in the scan's metric.
   */
  private static void assertDropMalformed(ClusterDriver.Result result, List<Row> failing) {
    JsonNode dropping = result.jsonLines("dropmalformed").get(0);
    List<String> kept = new ArrayList<>();
    dropping.path("kept").forEach(id -> kept.add(id.asText()));
    List<String> decodable = ids(rows);
    decodable.removeAll(ids(failing));
    assertThat(kept).as("DROPMALFORMED rows").containsExactlyInAnyOrderElementsOf(decodable);
    assertThat(dropping.path("droppedRows").asLong())
        .as("dropped-rows metric")
        .isEqualTo(failing.size());
  }

  /**
   * FAILFAST fails the query naming a resource that needs a missing library, with the message of
   * its row.
   */
  private static void assertFailFast(ClusterDriver.Result result, List<Row> failing) {
    String failure = result.jsonLines("failfast").get(0).path("failure").asText(null);
    assertThat(failure)
        .as("FAILFAST failure")
        .isNotNull()
        .contains("could not be decoded: ")
        .contains("(mode FAILFAST; use PERMISSIVE to get the reason in the _error column)");
    Matcher failed = FAILED_RESOURCE.matcher(failure);
    assertThat(failed.find()).as("a resource named in %s", failure).isTrue();
    Row culprit =
        failing.stream()
            .filter(r -> r.resourceId().equals(failed.group(1)))
            .findFirst()
            .orElse(null);
    assertThat(culprit)
        .as("the resource FAILFAST names, among %s: %s", ids(failing), failure)
        .isNotNull();
    assertNamesMissingLibrary(failure, culprit);
  }

  /**
   * What a missing-library message must say: what it decodes, the library, its coordinates, and
   * both remedies; and that it comes from the decoder's check, not from a {@link LinkageError}
   * caught after the fact.
   */
  private static void assertNamesMissingLibrary(String message, Row row) {
    assertThat(message)
        .as("message for %s", row.filename())
        .contains("decoding " + row.what() + " needs ")
        .doesNotContain("NoClassDefFoundError", "ClassNotFoundException")
        .contains("which is not on the class path: use the self-contained jar datamint-spark_2.13-")
        .contains("-all.jar, or add the connector with --packages io.datamint:datamint-spark_2.13:")
        .doesNotContain("${")
        .containsPattern("datamint-spark_2\\.13-\\d[^ ,]*-all\\.jar")
        .containsPattern("--packages io\\.datamint:datamint-spark_2\\.13:\\d[^ ,]*");
    if (row.maskOnly()) {
      assertThat(message).contains("mask file of segmentation annotation ");
    }
    switch (row.need()) {
      case TWELVEMONKEYS ->
          assertThat(message)
              .contains("needs TwelveMonkeys ImageIO (")
              .contains("com.twelvemonkeys.imageio:imageio-jpeg:")
              .contains("com.twelvemonkeys.imageio:imageio-tiff:");
      case JAI_IMAGEIO_JPEG2000 ->
          assertThat(message)
              .contains("needs jai-imageio JPEG 2000 (")
              .contains("com.github.jai-imageio:jai-imageio-jpeg2000:");
      case FFMPEG ->
          assertThat(message)
              .contains("needs FFmpeg through JavaCPP (")
              .contains("org.bytedeco:ffmpeg:")
              .contains("org.bytedeco:javacpp:")
              .contains("with the classifier " + Loader.getPlatform());
    }
  }

  /** Class path entries in these directories of the Maven repository. */
  private static Predicate<String> jarsUnder(String... repositoryDirs) {
    return new Predicate<>() {
      @Override
      public boolean test(String entry) {
        String path = entry.replace('\\', '/');
        for (String dir : repositoryDirs) {
          if (path.contains("/" + dir) && path.endsWith(".jar")) {
            return true;
          }
        }
        return false;
      }

      @Override
      public String toString() {
        return "jars under " + List.of(repositoryDirs);
      }
    };
  }

  private static Map<String, JsonNode> byId(List<JsonNode> lines) {
    Map<String, JsonNode> map = new HashMap<>();
    for (JsonNode line : lines) {
      assertThat(map.put(line.path("id").asText(), line))
          .as("rows of %s", line.path("id"))
          .isNull();
    }
    return map;
  }

  private static List<String> ids(List<Row> rows) {
    List<String> ids = new ArrayList<>();
    rows.forEach(row -> ids.add(row.resourceId()));
    return ids;
  }
}
