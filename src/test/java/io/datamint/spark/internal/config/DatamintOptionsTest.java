package io.datamint.spark.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatamintOptionsTest {

  private static DatamintOptions resolve(Map<String, String> options) {
    return DatamintOptions.resolve(options, Map.of(), Map.of());
  }

  @Test
  void defaultsFollowTheSdk() {
    DatamintOptions o = resolve(Map.of("path", "/m"));
    assertThat(o.path()).isEqualTo("/m");
    assertThat(o.includeUnannotated()).isTrue();
    assertThat(o.mode()).isEqualTo(ReadMode.PERMISSIVE);
    assertThat(o.tags()).isNull();
    assertThat(o.hasAnnotations()).isNull();
    assertThat(o.targetPartitionBytes()).isEqualTo(64L << 20);
  }

  @Test
  void misspelledKeyNamesItAndTheClosestValidName() {
    assertThatThrownBy(() -> resolve(Map.of("filname_pattern", "*.png")))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("\"filname_pattern\"")
        .hasMessageContaining("did you mean \"filename_pattern\"?")
        .hasMessageContaining("Valid options: path, project");
  }

  @Test
  void unrelatedUnknownKeyHasNoSuggestion() {
    assertThatThrownBy(() -> resolve(Map.of("zzzzzzzzzz", "1")))
        .hasMessageContaining("unknown option \"zzzzzzzzzz\"")
        .hasMessageNotContaining("did you mean");
  }

  @Test
  void keysAreCaseInsensitive() {
    assertThat(resolve(Map.of("Include_Unannotated", "FALSE")).includeUnannotated()).isFalse();
  }

  @Test
  void badValuesNameTheOptionTheValueAndWhatIsAccepted() {
    assertThatThrownBy(() -> resolve(Map.of("has_annotations", "yes")))
        .hasMessage(
            "invalid value for option \"has_annotations\": \"yes\"; accepted: true or false");
    assertThatThrownBy(() -> resolve(Map.of("mode", "lenient")))
        .hasMessageContaining(
            "\"mode\": \"lenient\"; accepted: one of PERMISSIVE, DROPMALFORMED, FAILFAST");
    assertThatThrownBy(() -> resolve(Map.of("target_partition_bytes", "-5")))
        .hasMessageContaining("\"target_partition_bytes\": \"-5\"");
    assertThatThrownBy(() -> resolve(Map.of("tags", "[1, 2]")))
        .hasMessageContaining("\"tags\"")
        .hasMessageContaining("JSON array of strings");
  }

  @Test
  void listsAreCommaSeparatedOrJsonArrays() {
    assertThat(resolve(Map.of("tags", "chest, xray,,")).tags()).containsExactly("chest", "xray");
    assertThat(resolve(Map.of("tags", "[\"a,b\", \"c\"]")).tags()).containsExactly("a,b", "c");
    assertThat(resolve(Map.of("tags", "")).tags()).isEmpty();
  }

  @Test
  void byteSizesAcceptUnits() {
    assertThat(resolve(Map.of("target_partition_bytes", "512k")).targetPartitionBytes())
        .isEqualTo(512L << 10);
    assertThat(resolve(Map.of("target_partition_bytes", "2g")).targetPartitionBytes())
        .isEqualTo(2L << 30);
    assertThat(resolve(Map.of("target_partition_bytes", "64MiB")).targetPartitionBytes())
        .isEqualTo(64L << 20);
    assertThat(resolve(Map.of("target_partition_bytes", "1000")).targetPartitionBytes())
        .isEqualTo(1000);
  }

  @Test
  void precedenceIsEnvThenSparkConfThenReadOption() {
    Map<String, String> env =
        Map.of("DATAMINT_API_URL", "https://env/", "DATAMINT_API_KEY", "env-key");
    Map<String, String> conf =
        Map.of(
            "spark.datamint.server_url",
            "https://conf",
            "spark.other",
            "x",
            "spark.datamint.mode",
            "FAILFAST");
    DatamintOptions fromConf = DatamintOptions.resolve(Map.of(), conf, env);
    assertThat(fromConf.serverUrl()).isEqualTo("https://conf");
    assertThat(fromConf.apiKey()).isEqualTo("env-key");
    assertThat(fromConf.mode()).isEqualTo(ReadMode.FAILFAST);
    DatamintOptions fromOption =
        DatamintOptions.resolve(Map.of("server_url", "https://opt/"), conf, env);
    assertThat(fromOption.serverUrl()).isEqualTo("https://opt");
  }

  @Test
  void unknownSparkConfKeyIsReportedOnceAndDoesNotFailTheRead() {
    String confKey = "spark.datamint.tag" + System.nanoTime();
    Map<String, String> conf = Map.of(confKey, "x", "spark.datamint.mode", "FAILFAST");
    DatamintOptions o = DatamintOptions.resolve(Map.of("path", "/m"), conf, Map.of());
    assertThat(o.tags()).isNull();
    assertThat(o.mode()).isEqualTo(ReadMode.FAILFAST);
    assertThat(UnknownConfKeys.JVM.report(confKey, null))
        .as("reported already by the first resolve")
        .isFalse();
    assertThat(DatamintOptions.resolve(Map.of(), conf, Map.of()).mode())
        .isEqualTo(ReadMode.FAILFAST);
  }

  @Test
  void unknownReadOptionStillFailsWhenTheSameKeyInTheConfOnlyWarns() {
    assertThat(
            DatamintOptions.resolve(Map.of(), Map.of("spark.datamint.tagz", "x"), Map.of()).tags())
        .isNull();
    assertThatThrownBy(() -> resolve(Map.of("tagz", "x")))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageStartingWith(
            "unknown option \"tagz\" for the datamint data source; did you mean \"tags\"?");
  }

  @Test
  void hadoopSettingsPassThrough() {
    DatamintOptions o = resolve(Map.of("fs.s3a.endpoint", "http://127.0.0.1:9000"));
    assertThat(o.hadoopOptions()).containsEntry("fs.s3a.endpoint", "http://127.0.0.1:9000");
  }

  @Test
  void splitOptionsAreValidatedAtLoadWithTheSdksMessages() {
    assertThatThrownBy(() -> resolve(Map.of("split", "train=0.7")))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("2");
    assertThatThrownBy(() -> resolve(Map.of("split", "train=0.7,test=0.2")))
        .isInstanceOf(InvalidOptionException.class);
    assertThatThrownBy(
            () -> resolve(Map.of("split", "train=0.7,test=0.3", "use_project_splits", "true")))
        .isInstanceOf(InvalidOptionException.class);
    assertThatThrownBy(() -> resolve(Map.of("as_of_timestamp", "yesterday")))
        .hasMessageContaining("yesterday");
    assertThat(resolve(Map.of("split", "train=0.7,test=0.3", "seed", "42")).splits().mode())
        .isEqualTo(io.datamint.spark.internal.split.SplitMode.LOCAL);
    assertThat(resolve(Map.of()).splits().mode())
        .isEqualTo(io.datamint.spark.internal.split.SplitMode.NONE);
  }

  @Test
  void apiKeyNeverAppearsInToString() {
    DatamintOptions o = resolve(Map.of("api_key", "secret-123", "server_url", "https://x"));
    assertThat(o.toString()).doesNotContain("secret-123").contains("api_key=***");
  }

  @Test
  void prefetchOptionsAreRefusedOnReadsAndTakenByThePrefetch() {
    assertThatThrownBy(() -> resolve(Map.of("path", "/m", "prefetch_concurrency", "4")))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessage(
            "option \"prefetch_concurrency\" applies only to a prefetch "
                + "(io.datamint.spark.DatamintPrefetch or bin/datamint-prefetch), not to a read of the datamint "
                + "data source or catalog, which would ignore it; remove it from the read's options");
    DatamintOptions prefetch =
        DatamintOptions.resolveForPrefetch(
            Map.of(
                "server_url",
                "https://x",
                "project",
                "p",
                "prefetch_concurrency",
                "4",
                "PREFETCH_PARTITIONS",
                "3",
                "prefetch_include_annotations",
                "false"),
            Map.of(),
            Map.of());
    assertThat(prefetch.prefetch())
        .isEqualTo(new PrefetchOptions(4, 3, false, java.time.Duration.ofSeconds(10)));
    assertThatThrownBy(
            () ->
                DatamintOptions.resolveForPrefetch(
                    Map.of("prefetch_concurrency", "0"), Map.of(), Map.of()))
        .hasMessageContaining("\"prefetch_concurrency\": \"0\"");
  }

  @Test
  void prefetchDefaultsFromTheSessionConfAreLeftToThePrefetch() {
    Map<String, String> conf = Map.of("spark.datamint.prefetch_concurrency", "16");
    assertThat(DatamintOptions.resolve(Map.of("path", "/m"), conf, Map.of()).path())
        .isEqualTo("/m");
    assertThat(
            DatamintOptions.resolveForPrefetch(Map.of(), conf, Map.of()).prefetch().concurrency())
        .isEqualTo(16);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"annotators", "segmentation_names", "image_label_names", "frame_label_names"})
  void anIncludeAndAnExcludeListTogetherAreRefusedNamingBoth(String what) {
    assertThatThrownBy(
            () -> resolve(Map.of("path", "/m", "include_" + what, "a", "exclude_" + what, "")))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessage(
            "options \"include_"
                + what
                + "\" and \"exclude_"
                + what
                + "\" are mutually exclusive: set only one of them");
  }
}
