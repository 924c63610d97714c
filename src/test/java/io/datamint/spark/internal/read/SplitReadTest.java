package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.split.LocalSplit;
import io.datamint.spark.internal.split.SplitRatios;
import io.datamint.spark.testing.SampleReads;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Split columns through {@code spark.read} on the sample project, whose split history assigns
 * resources on 2026-03-01T10:00Z and re-assigns three of them on 2026-04-15T09:30Z (CT_ABD_P002
 * train to val, CXR_P003 val to test, CXR_ANON test to train); US_CAROTID_ANON is never assigned.
 */
class SplitReadTest {

  @TempDir static Path tmp;
  static SampleReads sample;

  @BeforeAll
  static void writeSample() throws Exception {
    sample = SampleReads.write(tmp.resolve("s"));
  }

  private static Dataset<Row> read(String... options) {
    return sample.read(options);
  }

  private static Map<String, String> splits(Dataset<Row> df) {
    Map<String, String> out = new HashMap<>();
    for (Row r : df.select("filename", "split").collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  @Test
  void localSplitIsTheSdksForTheSameOrderRatiosAndSeed() {
    List<Row> rows =
        read("split", "train=0.7,val=0.15,test=0.15", "seed", "42")
            .select("resource_id", "split", "split_source", "split_as_of_timestamp")
            .collectAsList();
    List<String> ids = rows.stream().map(r -> r.getString(0)).toList();
    var expected =
        LocalSplit.assign(ids, SplitRatios.parse("train=0.7,val=0.15,test=0.15"), 42).assignments();
    assertThat(rows).hasSize(13);
    for (Row r : rows) {
      assertThat(r.getString(1)).isEqualTo(expected.get(r.getString(0)));
      assertThat(r.getString(2)).isEqualTo("local");
      assertThat(r.isNullAt(3)).isTrue();
    }
    // 13 resources: round(0.7*13)=9 train, round(0.15*13)=2 val, the rest (2) test
    assertThat(rows.stream().filter(r -> r.getString(1).equals("train")).count()).isEqualTo(9);
  }

  @Test
  void aSqlWhereNeverChangesASplitAndSplitPredicatesPruneAtPlanning() {
    Map<String, String> all = splits(read("split", "train=0.7,test=0.3", "seed", "7"));
    Dataset<Row> ct = read("split", "train=0.7,test=0.3", "seed", "7").where("modality = 'CT'");
    Map<String, String> ctSplits = splits(ct);
    assertThat(ctSplits).as("the CT resources' splits").isNotEmpty().hasSizeLessThan(all.size());
    ctSplits.forEach(
        (file, split) -> assertThat(split).as(file).isNotNull().isEqualTo(all.get(file)));
    Dataset<Row> train =
        read("split", "train=0.7,test=0.3", "seed", "7")
            .where("split = 'train'")
            .select("filename");
    assertThat(train.queryExecution().executedPlan().toString())
        .contains("split = 'train'")
        .doesNotContain("Filter ");
    assertThat(train.count())
        .isPositive()
        .isEqualTo(all.values().stream().filter("train"::equals).count());
  }

  @Test
  void projectSplitsAsOfAnInstant() {
    Map<String, String> march =
        splits(read("use_project_splits", "true", "as_of_timestamp", "2026-03-15T00:00:00Z"));
    Map<String, String> may = splits(read("as_of_timestamp", "2026-05-01T00:00:00Z"));
    assertThat(march.get("CT_ABD_P002.nii.gz")).isEqualTo("train");
    assertThat(may.get("CT_ABD_P002.nii.gz")).isEqualTo("val");
    assertThat(march.get("CXR_P003_AP_16bit.png")).isEqualTo("val");
    assertThat(may.get("CXR_P003_AP_16bit.png")).isEqualTo("test");
    assertThat(may.get("US_CAROTID_ANON.mp4")).isNull();
    Row r =
        read("use_project_splits", "true").select("split_source", "split_as_of_timestamp").first();
    assertThat(r.getString(0)).isEqualTo("project_api");
    assertThat(r.getString(1)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z");
  }

  @Test
  void noAssignmentAtTheInstantFailsAsTheSdk() {
    assertThatThrownBy(
            () -> read("use_project_splits", "true", "as_of_timestamp", "2020-01-01T00:00:00Z"))
        .hasMessageContaining("No split assignments found");
  }

  @Test
  void everySliceHasItsVolumesSplit() {
    Map<String, String> whole = splits(read("split", "train=0.5,test=0.5", "seed", "3"));
    List<Row> slices =
        read("split", "train=0.5,test=0.5", "seed", "3", "slice", "axial")
            .where("filename = 'CT_ABD_P001.nii.gz'")
            .select("split")
            .distinct()
            .collectAsList();
    assertThat(slices).hasSize(1);
    assertThat(slices.get(0).getString(0)).isEqualTo(whole.get("CT_ABD_P001.nii.gz"));
  }

  @Test
  void legacyTagSplits() {
    Map<String, String> tagged = splits(read("use_server_splits", "true"));
    assertThat(tagged.get("CXR_P001_PA.png")).isEqualTo("train");
    assertThat(tagged.get("CXR_P002_PA.png")).isEqualTo("val");
    assertThat(
            read("use_server_splits", "true")
                .select("split_source")
                .where("split IS NOT NULL")
                .distinct()
                .first()
                .getString(0))
        .isEqualTo("server_tags");
  }

  @Test
  void patientWiseSplitsKeepPatientsTogether() {
    List<Row> rows =
        read("split", "train=0.5,test=0.5", "seed", "11", "by_patient", "true")
            .select("patient_id", "split", "split_source")
            .where("patient_id IS NOT NULL")
            .collectAsList();
    Map<String, String> byPatient = new HashMap<>();
    assertThat(rows).isNotEmpty();
    for (Row r : rows) {
      String previous = byPatient.putIfAbsent(r.getString(0), r.getString(1));
      assertThat(previous == null || previous.equals(r.getString(1))).as(r.getString(0)).isTrue();
      assertThat(r.getString(2)).isEqualTo("local_by_patient");
    }
    // not vacuous: some patient has several resources, and both splits have patients
    assertThat(rows.size()).as("resources with a patient").isGreaterThan(byPatient.size());
    assertThat(new java.util.HashSet<>(byPatient.values()))
        .containsExactlyInAnyOrder("train", "test");
  }
}
