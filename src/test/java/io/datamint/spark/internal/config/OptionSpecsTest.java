package io.datamint.spark.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.annotation.MergeStrategy;
import io.datamint.spark.internal.core.DecodeLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionSpecsTest {

  @Test
  void everyOptionHasASnakeCaseNameAnAcceptedValuesSentenceAndADocSentence() {
    assertThat(OptionSpecs.all()).hasSizeGreaterThan(40);
    OptionSpecs.all()
        .forEach(
            (name, spec) -> {
              assertThat(name)
                  .as("key of %s", spec)
                  .isEqualTo(spec.name())
                  .matches("[a-z][a-z0-9_]*");
              assertThat(spec.accepts()).as("accepted values of %s", name).isNotBlank();
              assertThat(spec.doc()).as("doc of %s", name).isNotBlank().doesNotContain("\n");
            });
  }

  @Test
  void everyDefaultIsAValueItsOptionAccepts() {
    OptionSpecs.all().forEach((name, spec) -> roundTrip(spec));
  }

  private static <T> void roundTrip(OptionSpec<T> spec) {
    if (spec.defaultValue() == null) {
      return;
    }
    String text = spec.type().format(spec.defaultValue());
    assertThat(spec.parse(text))
        .as("%s's default written as \"%s\" and parsed again", spec, text)
        .usingRecursiveComparison()
        .isEqualTo(spec.defaultValue());
  }

  @Test
  void theReadObjectTakesItsDefaultsFromTheDefinitions() {
    DatamintOptions o = DatamintOptions.resolve(Map.of(), Map.of(), Map.of());
    assertThat(o.batchSize()).isEqualTo(OptionSpecs.BATCH_SIZE.defaultValue()).isEqualTo(16);
    assertThat(o.targetPartitionRows()).isEqualTo(OptionSpecs.TARGET_PARTITION_ROWS.defaultValue());
    assertThat(o.maxDecodedBytes()).isNull(); // the executors derive it from their heap
    assertThat(o.dataset()).isEqualTo(OptionSpecs.DATASET.defaultValue());
    assertThat(o.targets().returnSegmentations()).isTrue();
    assertThat(o.splits().nonePatientIdStrategy())
        .isEqualTo(OptionSpecs.NONE_PATIENT_ID_STRATEGY.defaultValue());
    assertThat(o.prefetch())
        .isEqualTo(PrefetchOptions.DEFAULTS)
        .isEqualTo(new PrefetchOptions(8, null, true, java.time.Duration.ofSeconds(10)));
  }

  @Test
  void aRejectedValueIsReportedWithTheSentenceOfItsDefinition() {
    Map<String, String> bad =
        Map.of(
            "batch_size",
            "0",
            "api_timeout",
            "-1s",
            "dataset",
            "slide",
            "none_patient_id_strategy",
            "drop",
            "slice",
            "oblique",
            "worklists",
            "[1]",
            "seed",
            "1.5",
            "image_labels_merge_strategy",
            "max",
            "max_decoded_bytes",
            "3g",
            "return_metainfo",
            "yes");
    bad.forEach(
        (key, value) ->
            assertThatThrownBy(
                    () -> DatamintOptions.resolve(Map.of(key, value), Map.of(), Map.of()))
                .as(key)
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith(
                    "invalid value for option \""
                        + key
                        + "\": \""
                        + value
                        + "\"; accepted: "
                        + OptionSpecs.find(key).accepts()));
  }

  @Test
  void byteSizesAreHumanAndTheDocumentedMaximumIsAccepted() {
    Map<String, Long> sizes =
        Map.of(
            "2g",
            DecodeLimits.DEFAULT_MAX_DECODED_BYTES,
            "2G",
            DecodeLimits.DEFAULT_MAX_DECODED_BYTES,
            "2048m",
            DecodeLimits.DEFAULT_MAX_DECODED_BYTES,
            "2147483647",
            DecodeLimits.DEFAULT_MAX_DECODED_BYTES,
            "2147482623",
            DecodeLimits.DEFAULT_MAX_DECODED_BYTES,
            "1g",
            1L << 30,
            "512m",
            512L << 20,
            "64k",
            64L << 10,
            "64KiB",
            64L << 10,
            "1000",
            1000L);
    sizes.forEach(
        (text, bytes) ->
            assertThat(
                    DatamintOptions.resolve(Map.of("max_decoded_bytes", text), Map.of(), Map.of())
                        .maxDecodedBytes())
                .as(text)
                .isEqualTo(bytes));
    for (String refused : new String[] {"2147483649", "3g", "1t", "0", "-1", "1.5g", "2 gigs"}) {
      assertThatThrownBy(
              () ->
                  DatamintOptions.resolve(Map.of("max_decoded_bytes", refused), Map.of(), Map.of()))
          .as(refused)
          .isInstanceOf(InvalidOptionException.class)
          .hasMessage(
              "invalid value for option \"max_decoded_bytes\": \""
                  + refused
                  + "\"; accepted: a positive byte size such as 67108864, 512k, 64m or 1g, at most"
                  + " 2g; 2g (or any value above 2147482623) means 2147482623 bytes, the largest"
                  + " tensor one row holds (one Java array)");
    }
    assertThat(
            DatamintOptions.resolve(Map.of("target_partition_bytes", "3g"), Map.of(), Map.of())
                .targetPartitionBytes())
        .isEqualTo(3L << 30);
  }

  @Test
  void messagesSayPreciselyWhatIsAccepted() {
    assertThatThrownBy(() -> DatamintOptions.resolve(Map.of("batch_size", "0"), Map.of(), Map.of()))
        .hasMessage(
            "invalid value for option \"batch_size\": \"0\"; accepted: a positive whole number of rows");
    assertThatThrownBy(
            () -> DatamintOptions.resolve(Map.of("dataset", "slide"), Map.of(), Map.of()))
        .hasMessageEndingWith("accepted: one of image, volume, video, auto (case-insensitive)");
    assertThatThrownBy(
            () -> DatamintOptions.resolve(Map.of("max_decoded_bytes", "3g"), Map.of(), Map.of()))
        .hasMessageContaining(
            "at most 2g; 2g (or any value above 2147482623) means 2147482623 bytes");
    assertThatThrownBy(
            () -> DatamintOptions.resolve(Map.of("worklists", "[1]"), Map.of(), Map.of()))
        .hasMessageEndingWith("or a list of worklist ids or names (item 1 is not a string)");
    assertThatThrownBy(
            () -> DatamintOptions.resolve(Map.of("split", "train=0.7"), Map.of(), Map.of()))
        .hasMessageStartingWith(
            "invalid value for option \"split\": \"train=0.7\"; accepted: ordered ratios")
        .hasMessageEndingWith("(At least 2 splits are required (e.g. train=0.7, test=0.3).)");
  }

  @Test
  void valuesAreParsedAsTheirTypesSay() {
    DatamintOptions o =
        DatamintOptions.resolve(
            Map.of(
                "api_timeout",
                "5m",
                "dataset",
                "Volume",
                "slice",
                "1",
                "worklists",
                "none",
                "seed",
                "-3",
                "max_decoded_bytes",
                "100k",
                "server_url",
                "https://x/ ",
                "semantic_seg_merge_strategy",
                "none",
                "image_labels_merge_strategy",
                "UNION"),
            Map.of(),
            Map.of());
    assertThat(o.dataset()).isEqualTo(DatasetKind.VOLUME);
    assertThat(o.slicePlane()).isEqualTo(io.datamint.spark.internal.slice.SlicePlane.CORONAL);
    assertThat(o.targets().worklists().isInferred()).isTrue();
    assertThat(o.splits().seed()).isEqualTo(-3L);
    assertThat(o.maxDecodedBytes()).isEqualTo(100 << 10);
    assertThat(o.serverUrl()).isEqualTo("https://x");
    assertThat(o.api().settings().requestTimeout()).hasMinutes(5);
    assertThat(o.targets().semanticSegMergeStrategy()).isNull();
    assertThat(o.targets().imageLabelsMergeStrategy()).isEqualTo(MergeStrategy.UNION);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"union,UNION", "Intersection,INTERSECTION", " MODE ,MODE", "none,", "None,", "'',"})
  void mergeStrategiesAreCaseInsensitiveAndNoneIsNoStrategy(String value, MergeStrategy expected) {
    assertThat(
            DatamintOptions.resolve(
                    Map.of("image_labels_merge_strategy", value), Map.of(), Map.of())
                .targets()
                .imageLabelsMergeStrategy())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"majority", "avg"})
  void otherMergeStrategiesNameTheOptionAndTheAcceptedValues(String value) {
    assertThatThrownBy(
            () ->
                DatamintOptions.resolve(
                    Map.of("image_categories_merge_strategy", value), Map.of(), Map.of()))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessage(
            "invalid value for option \"image_categories_merge_strategy\": \""
                + value
                + "\"; accepted: union, intersection, mode (or none)");
  }

  @Test
  void defaultsAreWrittenForTheReadmeAsValuesOrWords() {
    assertThat(OptionSpecs.TARGET_PARTITION_BYTES.defaultText()).isEqualTo("`64m`");
    assertThat(OptionSpecs.API_TIMEOUT.defaultText()).isEqualTo("`300s`");
    assertThat(OptionSpecs.MODE.defaultText()).isEqualTo("`PERMISSIVE`");
    assertThat(OptionSpecs.DATASET.defaultText()).isEqualTo("`auto`");
    assertThat(OptionSpecs.SEED.defaultText()).isEqualTo("random, drawn and logged");
    assertThat(OptionSpecs.TAGS.defaultText()).isNull();
  }

  @Test
  void prefetchOnlyOptionsAreThePrefetchKeys() {
    assertThat(OptionSpecs.prefetchOnlyNames())
        .containsExactly(
            "prefetch_concurrency",
            "prefetch_partitions",
            "prefetch_include_annotations",
            "prefetch_progress_interval");
    assertThat(PrefetchOptions.KEYS).isEqualTo(OptionSpecs.prefetchOnlyNames());
  }
}
