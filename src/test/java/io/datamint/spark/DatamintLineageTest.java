package io.datamint.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.OptionException;
import io.datamint.spark.internal.lineage.ReadLineage;
import io.datamint.spark.lineage.DatasetLineage;
import io.datamint.spark.testing.ReadOptions;
import io.datamint.spark.testing.SampleReads;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lineage of reads of the sample project (seed 42). The expected digests are the real SDK's
 * (datamint 2.45.0, {@code build_mlflow_dataset()} over bin/datamint-server serving the same
 * project, with the same settings); bin/sdk-conformance checks many more settings.
 */
class DatamintLineageTest {

  @TempDir static Path dir;
  private static SampleReads sample;

  @BeforeAll
  static void writeSample() throws Exception {
    sample = SampleReads.write(dir);
  }

  private static DatasetLineage lineage(String split, String... options) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("path", sample.mirror());
    // the SDK's default; the connector's is every source
    o.put("trusted_annotation_sources", "imported,manual");
    o.putAll(ReadOptions.of(options));
    return DatamintLineage.of(sample.spark(), o, split);
  }

  @Test
  void anImageReadHasTheSdksDigestSourceAndProfile() {
    DatasetLineage l = lineage(null, "dataset", "image", "filename_pattern", "*.png");
    assertThat(l.digest()).isEqualTo("2756cdf1");
    assertThat(l.name()).isEqualTo("sample-ct-xray-us");
    assertThat(l.profile())
        .isEqualTo("{\"num_resources\": 6, \"most_common_storage_type\": \"ImageResource\"}");
    assertThat(l.source())
        .startsWith("{\"project_id\": \"" + l.projectId() + "\", \"project_name\":")
        .contains(
            "\"semantic_seg_merge_strategy\": \"None\", \"include_unannotated\": true,"
                + " \"include_annotators\": null")
        .endsWith(
            "\"trusted_annotation_sources\": [\"imported\", \"manual\"], \"split_source\": null,"
                + " \"split_as_of_timestamp\": null}}");
    assertThat(l.split()).isNull();
  }

  @Test
  void theDigestFollowsTheSelectionAndTheOptions() {
    String base = lineage(null, "dataset", "image", "filename_pattern", "*.png").digest();
    assertThat(lineage(null, "dataset", "image", "filename_pattern", "*PA.png").digest())
        .isNotEqualTo(base);
    assertThat(
            lineage(null, "dataset", "image", "filename_pattern", "*.png", "return_boxes", "true")
                .digest())
        .isNotEqualTo(base);
    Map<String, String> everySource =
        Map.of("path", sample.mirror(), "dataset", "image", "filename_pattern", "*.png");
    DatasetLineage all = DatamintLineage.of(sample.spark(), everySource);
    assertThat(all.digest()).isNotEqualTo(base);
    assertThat(all.source()).contains("\"trusted_annotation_sources\": null");
  }

  @Test
  void aLocalSplitHasTheSdksShuffledOrder() {
    String[] options = {
      "dataset", "image", "filename_pattern", "*.png", "split", "train=0.5,test=0.5", "seed", "7"
    };
    DatasetLineage train = lineage("train", options);
    assertThat(train.digest()).isEqualTo("49d4ef77");
    assertThat(train.split()).isEqualTo("train");
    assertThat(train.numResources()).isEqualTo(3);
    assertThat(train.source())
        .contains("\"split\": \"train\"")
        .contains("\"split_source\": \"local\"");
    assertThat(lineage("test", options).digest()).isEqualTo("21060ae2");
  }

  @Test
  void aProjectSplitRecordsItsInstant() {
    DatasetLineage train =
        lineage(
            "train",
            "dataset",
            "image",
            "filename_pattern",
            "*.png",
            "use_project_splits",
            "true",
            "as_of_timestamp",
            "2026-04-01T00:00:00Z");
    assertThat(train.digest()).isEqualTo("fb1e4b0b");
    assertThat(train.source())
        .endsWith(
            "\"split_source\": \"project_api\", \"split_as_of_timestamp\":"
                + " \"2026-04-01T00:00:00Z\"}}");
  }

  @Test
  void aSliceReadListsEverySlice() {
    DatasetLineage l = lineage(null, "dataset", "volume", "tags", "ct", "slice", "axial");
    assertThat(l.digest()).isEqualTo("b1474a3a");
    assertThat(l.profile())
        .isEqualTo("{\"num_resources\": 90, \"most_common_storage_type\": null}");
  }

  @Test
  void aSplitNameNeedsASplitTheReadHas() {
    assertThatThrownBy(() -> lineage("train", "dataset", "image"))
        .isInstanceOf(OptionException.class)
        .hasMessageContaining("split \"train\" asked for, but the read has no split");
    assertThatThrownBy(
            () -> lineage("val", "dataset", "image", "split", "train=0.5,test=0.5", "seed", "1"))
        .isInstanceOf(OptionException.class)
        .hasMessageContaining("split \"val\" is not one of this read's splits: train, test");
    assertThatThrownBy(() -> lineage("train", "dataset", "image", "split", "train=0.5,test=0.5"))
        .isInstanceOf(OptionException.class)
        .hasMessageContaining("needs option \"seed\"");
  }

  @Test
  void theImplementationNamesTheDataSourceByItsShortName() {
    assertThat(ReadLineage.FORMAT).isEqualTo(DatamintDataSource.SHORT_NAME);
  }
}
