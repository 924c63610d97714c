package io.datamint.spark.internal.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference §10 behaviour 1, §3.4 and §3.5. */
class LocalSplitTest {

  private static List<String> ids(int n) {
    return IntStream.range(0, n).mapToObj(i -> "r" + i).collect(Collectors.toList());
  }

  private static List<String> at(int... positions) {
    List<String> out = new ArrayList<>();
    for (int p : positions) {
      out.add("r" + p);
    }
    return out;
  }

  @Test
  void referenceExampleTrain07Test03Seed42() {
    SplitResult result = LocalSplit.assign(ids(10), SplitRatios.parse("train=0.7,test=0.3"), 42);
    assertThat(result.splits().keySet()).containsExactly("train", "test");
    assertThat(result.splits().get("train")).isEqualTo(at(7, 3, 2, 8, 5, 6, 9));
    assertThat(result.splits().get("test")).isEqualTo(at(4, 0, 1));
    assertThat(result.source()).isEqualTo("local");
    assertThat(result.splitOf("r4")).isEqualTo("test");
    assertThat(result.assignments()).hasSize(10);
  }

  /**
   * Behaviour 1, table-driven: shuffled orders from the reference vectors, counts round-half-even.
   */
  @ParameterizedTest(name = "{0} n={1} seed={2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "train=0.7,val=0.15,test=0.15; 10; 42; 7 3 2 8 5 6 9 | 4 0 | 1",
        "test=0.3,train=0.7; 10; 42; 7 3 2 | 8 5 6 9 4 0 1",
        "a=0.5,b=0.5; 5; 0; 2 1 | 0 4 3",
        "a=0.45,b=0.55; 10; 7; 8 3 1 4 | 7 0 9 6 2 5",
        "train=0.5,val=0.25,test=0.25; 6; 123456789012; 5 1 4 | 2 0 | 3",
        "a=0.9,b=0.05,c=0.05; 5; 0; 2 1 0 4 | | 3",
      })
  void membershipAndOrder(String ratios, int n, long seed, String expected) {
    SplitResult result = LocalSplit.assign(ids(n), SplitRatios.parse(ratios), seed);
    String[] parts = (expected + " ").split("\\|", -1);
    List<String> names = SplitRatios.parse(ratios).names();
    assertThat(result.splits().keySet()).containsExactlyElementsOf(names);
    for (int i = 0; i < names.size(); i++) {
      String part = parts[i].trim();
      int[] positions =
          part.isEmpty()
              ? new int[0]
              : java.util.Arrays.stream(part.split(" ")).mapToInt(Integer::parseInt).toArray();
      assertThat(result.splits().get(names.get(i))).as(names.get(i)).isEqualTo(at(positions));
    }
  }

  @ParameterizedTest(name = "{0}*{1} -> {2}")
  @CsvSource({
    "0.5, 5, 2",
    "0.15, 10, 2",
    "0.45, 10, 4",
    "0.7, 8, 6",
    "0.25, 2, 0",
    "0.75, 2, 2",
    "0.3, 10, 3"
  })
  void firstSplitCountIsRoundHalfEven(double ratio, int n, int expected) {
    SplitRatios ratios = SplitRatios.of(linked("a", ratio, "b", 1 - ratio));
    assertThat(LocalSplit.assign(ids(n), ratios, 1).splits().get("a")).hasSize(expected);
    assertThat(LocalSplit.assign(ids(n), ratios, 1).splits().get("b")).hasSize(n - expected);
  }

  @Test
  void emptyInputKeepsEmptySplits() {
    SplitResult result = LocalSplit.assign(List.of(), SplitRatios.parse("train=0.7,test=0.3"), 42);
    assertThat(result.splits()).containsOnlyKeys("train", "test");
    assertThat(result.splits().get("train")).isEmpty();
  }

  @Test
  void ratiosSummingAboveOneLeaveTheLastSplitEmpty() {
    // sum 1.009: 0.6*5=3, 0.405*5=2.025->2: the last split gets nothing, as the SDK's slices give
    SplitResult result = LocalSplit.assign(ids(5), SplitRatios.parse("a=0.6,b=0.405,c=0.004"), 0);
    assertThat(result.splits().get("a")).hasSize(3);
    assertThat(result.splits().get("b")).hasSize(2);
    assertThat(result.splits().get("c")).isEmpty();
  }

  @Test
  void duplicateIdsAreRejected() {
    assertThatThrownBy(
            () -> LocalSplit.assign(List.of("a", "a"), SplitRatios.parse("x=0.5,y=0.5"), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a'");
  }

  // Patients p1 p2 - p1 p3 - p2 p4 over r0..r7; expected lists computed with CPython 3.11 by the
  // §3.5 algorithm (patients in first-occurrence order, Random(3).shuffle, round-half-even,
  // resources in original order).
  private static final List<PatientResource> PATIENTS =
      List.of(
          new PatientResource("r0", "p1"),
          new PatientResource("r1", "p2"),
          new PatientResource("r2", null),
          new PatientResource("r3", "p1"),
          new PatientResource("r4", "p3"),
          new PatientResource("r5", null),
          new PatientResource("r6", "p2"),
          new PatientResource("r7", "p4"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "INDIVIDUAL; r0 r3 r2 r4; r7 r5 r1 r6",
        "GROUP; r0 r3 r2 r5; r4 r7 r1 r6",
        "SKIP; r7 r0 r3; r4 r1 r6",
      })
  void byPatientStrategies(NonePatientIdStrategy strategy, String train, String test) {
    SplitResult result =
        LocalSplit.assignByPatient(PATIENTS, SplitRatios.parse("train=0.5,test=0.5"), 3, strategy);
    assertThat(result.source()).isEqualTo("local_by_patient");
    assertThat(result.splits().get("train")).containsExactly(train.split(" "));
    assertThat(result.splits().get("test")).containsExactly(test.split(" "));
  }

  @Test
  void byPatientKeepsPatientsTogether() {
    SplitResult result =
        LocalSplit.assignByPatient(
            PATIENTS, SplitRatios.parse("train=0.5,test=0.5"), 3, NonePatientIdStrategy.INDIVIDUAL);
    assertThat(result.splitOf("r0")).isEqualTo(result.splitOf("r3"));
    assertThat(result.splitOf("r1")).isEqualTo(result.splitOf("r6"));
  }

  @Test
  void byPatientErrorStrategy() {
    assertThatThrownBy(
            () ->
                LocalSplit.assignByPatient(
                    PATIENTS,
                    SplitRatios.parse("train=0.5,test=0.5"),
                    3,
                    NonePatientIdStrategy.ERROR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no patient_id")
        .hasMessageContaining("r2");
    // no resource without a patient: error strategy is fine
    assertThat(
            LocalSplit.assignByPatient(
                    List.of(new PatientResource("a", "p")),
                    SplitRatios.parse("train=0.5,test=0.5"),
                    3,
                    NonePatientIdStrategy.ERROR)
                .splitOf("a"))
        .isNotNull();
  }

  @Test
  void strategyParsing() {
    assertThat(NonePatientIdStrategy.parse("individual"))
        .isEqualTo(NonePatientIdStrategy.INDIVIDUAL);
    assertThat(NonePatientIdStrategy.parse("Skip")).isEqualTo(NonePatientIdStrategy.SKIP);
    assertThatThrownBy(() -> NonePatientIdStrategy.parse("drop"))
        .hasMessageContaining("must be one of")
        .hasMessageContaining("'drop'");
  }

  private static Map<String, Double> linked(String a, double ra, String b, double rb) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(a, ra);
    m.put(b, rb);
    return m;
  }
}
