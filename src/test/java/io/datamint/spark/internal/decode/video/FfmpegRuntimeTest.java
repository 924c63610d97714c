package io.datamint.spark.internal.decode.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.testing.ClusterDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading the natives: in this JVM, and in fresh JVMs with an empty JavaCPP cache (as a new
 * executor).
 */
class FfmpegRuntimeTest {

  @Test
  void theNativesLoadAndDescribeThemselves() throws Exception {
    FfmpegRuntime.ensureLoaded();
    assertThat(FfmpegRuntime.isAvailable()).isTrue();
    assertThat(FfmpegRuntime.describe()).startsWith("FFmpeg 8.1").contains("libavformat 62.");
    assertThat(FfmpegRuntime.loadNanos()).isPositive();
  }

  @Test
  void theSampleClipDecodesHere() throws Exception {
    byte[] clip = NativeProbe.clip();
    assertThat(
            new VideoDecoder().decode(clip, clip.length, DecodeLimits.defaults()).pixels().shape())
        .containsExactly(12, 3, 48, 64);
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void aFreshJvmExtractsTheNativesIntoAnEmptyCacheAndDecodes(@TempDir Path tmp) throws Exception {
    Path cache = tmp.resolve("javacpp-cache");
    long expected =
        NativeProbe.checksum(
            new VideoDecoder()
                .decode(NativeProbe.clip(), NativeProbe.clip().length, DecodeLimits.defaults()));

    JsonNode cold = probe(cache);
    // the given directory is the base: one flat directory per FFmpeg build and platform below it
    assertThat(Path.of(cold.path("cacheDir").asText()).toRealPath())
        .isEqualTo(cache.resolve(NativeCache.directoryName(Loader.getPlatform())).toRealPath());
    try (Stream<Path> files =
        Files.list(cache.resolve(NativeCache.directoryName(Loader.getPlatform())))) {
      // flat: no subdirectory named after the jar that carried the natives, so renamed jars share
      // one copy
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("libavcodec.so"))
          .anyMatch(name -> name.startsWith("libjniavformat.so"));
    }
    JsonNode warm = probe(cache);

    for (JsonNode run : List.of(cold, warm)) {
      assertThat(run.path("frames").asInt()).isEqualTo(12);
      assertThat(run.path("checksum").asLong()).isEqualTo(expected);
    }
    String line =
        String.format(
            Locale.ROOT,
            "first FFmpeg load in a fresh JVM: %.0f ms with an empty cache (extraction included), %.0f ms with the"
                + " cache filled; first whole decode (load included) %.0f ms / %.0f ms; %s",
            cold.path("loadMillis").asDouble(),
            warm.path("loadMillis").asDouble(),
            cold.path("firstDecodeMillis").asDouble(),
            warm.path("firstDecodeMillis").asDouble(),
            cold.path("ffmpeg").asText());
    System.out.println("[video-native-load] " + line);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void withoutThisPlatformsNativesAVideoIsAnErrorNamingTheJarsToAdd() throws Exception {
    String platform = Loader.getPlatform();
    ClusterDriver.Result result =
        ClusterDriver.runWithout(
                entry -> entry.contains("bytedeco") && entry.endsWith("-" + platform + ".jar"),
                MissingNativesProbe.class)
            .assertSucceeded();
    JsonNode natives = result.jsonLines("natives").get(0);
    assertThat(natives.path("available").asBoolean()).as(result.describe()).isFalse();
    assertThat(natives.path("outcomes"))
        .hasSize(2)
        .allSatisfy(
            outcome ->
                assertThat(outcome.asText())
                    .startsWith(
                        "decoding this video needs FFmpeg's native libraries for "
                            + platform
                            + ", which could not be"
                            + " loaded (the Java runtime said: ")
                    .containsPattern(
                        "put the jars org\\.bytedeco:ffmpeg:[^ ]+:"
                            + platform
                            + " and org\\.bytedeco:javacpp:[^ ]+:"
                            + platform
                            + " on the class path, for example with --jars")
                    .contains(
                        "the connector's own dependencies carry the natives of linux-x86_64, linux-arm64, macosx-x86_64,"
                            + " macosx-arm64")
                    .contains("JavaCPP cache "));
  }

  private static JsonNode probe(Path cache) throws Exception {
    ClusterDriver.Result result =
        ClusterDriver.run(FreshJvmDecode.class, cache.toString()).assertSucceeded();
    List<JsonNode> lines = result.jsonLines("probe");
    assertThat(lines).as(result.describe()).hasSize(1);
    return lines.get(0);
  }
}
