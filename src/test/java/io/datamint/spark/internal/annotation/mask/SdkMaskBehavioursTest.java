package io.datamint.spark.internal.annotation.mask;

import static io.datamint.spark.internal.annotation.mask.MaskFiles.LIMITS;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.bytes;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.floats;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.image;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.seg;
import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.annotation.MergeStrategy;
import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.PixelArray;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Behaviours 12 to 14 of the reference's §10, one case each (and a few variants). */
class SdkMaskBehavioursTest {

  private static final Map<String, Integer> CODES = Map.of("liver", 1, "tumor", 2);

  /** Masks of 1 x 3 pixels, by annotation id. */
  private static final Map<String, byte[]> FILES = new HashMap<>();

  static {
    FILES.put("a1", MaskFiles.greyPng(new int[][] {{255, 0, 0}}));
    FILES.put("a2", MaskFiles.rgbPng(new int[][] {{0, 0x7F7F7F, 0}})); // grey stored as RGB
    FILES.put("a3", MaskFiles.greyPng(new int[][] {{0, 3, 200}})); // not 0/255: binarized != 0
    FILES.put("a4", MaskFiles.greyPng(new int[][] {{0, 0, 255}}));
    FILES.put("a5", MaskFiles.greyPng(new int[][] {{255, 255, 0}}));
  }

  private static Map<String, AuthorMasks> instances(List<Annotation> anns) throws Exception {
    return InstanceMasks.build(
        anns, CODES::get, MaskGeometry.image(1, 3), a -> FILES.get(a.id()), LIMITS);
  }

  private static PixelArray semantic(AuthorMasks m) throws Exception {
    return SemanticMasks.fromInstances(m.masks(), m.codes(), 2, LIMITS);
  }

  static Stream<Arguments> behaviours() {
    return Stream.of(
        Arguments.of(
            "12: grouped by created_by -> created_by_model -> unknown, stacked in annotation order",
            (Executable)
                () -> {
                  Map<String, AuthorMasks> out =
                      instances(
                          List.of(
                              seg("a1", "liver", "image", null, "ann@x", "m1"),
                              seg("a2", "tumor", "image", null, null, "m1"),
                              seg("a3", "tumor", "image", null, "ann@x", null),
                              seg("a4", "liver", "image", null, null, null)));
                  assertThat(out.keySet()).containsExactly("ann@x", "m1", "unknown");
                  AuthorMasks ann = out.get("ann@x");
                  assertThat(ann.masks().dtype()).isEqualTo(DType.UINT8);
                  assertThat(ann.masks().shape())
                      .containsExactly(2, 1, 1, 3); // (num_instances, D, H, W)
                  assertThat(ann.codes()).containsExactly(1, 2);
                  assertThat(bytes(ann.masks())).containsExactly(1, 0, 0, 0, 1, 1);
                  assertThat(bytes(out.get("m1").masks())).containsExactly(0, 1, 0);
                  assertThat(out.get("unknown").codes()).containsExactly(1);
                }),
        Arguments.of(
            "12: RGB with equal channels collapses to one channel, values binarized != 0",
            (Executable)
                () -> {
                  AuthorMasks m =
                      instances(List.of(image("a2", "liver", "u"), image("a3", "liver", "u")))
                          .get("u");
                  assertThat(bytes(m.masks())).containsExactly(0, 1, 0, 0, 1, 1);
                }),
        Arguments.of(
            "13: channel c = OR of code-c instances, multi-hot, background where uncovered",
            (Executable)
                () -> {
                  AuthorMasks m =
                      instances(
                              List.of(
                                  image("a1", "liver", "u"),
                                  image("a5", "liver", "u"),
                                  image("a3", "tumor", "u")))
                          .get("u");
                  PixelArray sem = semantic(m);
                  assertThat(sem.dtype()).isEqualTo(DType.FLOAT32);
                  assertThat(sem.shape()).containsExactly(3, 1, 1, 3); // (L+1, D, H, W)
                  assertThat(floats(sem))
                      .containsExactly(
                          0, 0, 0, // background: every pixel covered
                          1, 1, 0, // liver: a1 | a5
                          0, 1, 1); // tumor: a3; pixel 1 is liver and tumor
                }),
        Arguments.of(
            "14: union / intersection / mode over all L+1 channels, background included",
            (Executable)
                () -> {
                  Map<String, AuthorMasks> out =
                      instances(
                          List.of(
                              image("a1", "liver", "x"),
                              image("a5", "liver", "y"),
                              image("a4", "tumor", "y")));
                  List<PixelArray> sems = List.of(semantic(out.get("x")), semantic(out.get("y")));
                  // x: bg 0 1 1 / liver 1 0 0 / tumor 0 0 0;  y: bg 0 0 0 / liver 1 1 0 / tumor 0 0
                  // 1
                  assertThat(
                          floats(
                              MaskMerge.merge(
                                  MergeStrategy.UNION, sems, 2, new int[] {1, 1, 3}, LIMITS)))
                      .containsExactly(0, 1, 1, 1, 1, 0, 0, 0, 1);
                  assertThat(
                          floats(
                              MaskMerge.merge(
                                  MergeStrategy.INTERSECTION,
                                  sems,
                                  2,
                                  new int[] {1, 1, 3},
                                  LIMITS)))
                      .containsExactly(0, 0, 0, 1, 0, 0, 0, 0, 0);
                  assertThat(
                          floats(
                              MaskMerge.merge(
                                  MergeStrategy.MODE, sems, 2, new int[] {1, 1, 3}, LIMITS)))
                      .containsExactly(
                          0, 1, 1, 1, 1, 0, 0, 0, 1); // 1 of 2 votes is a tie: positive
                }),
        Arguments.of(
            "14: zero authors with a strategy: zeros (L+1, *image.shape[1:]) with channel 0 = 1",
            (Executable)
                () -> {
                  assertThat(instances(List.of())).isEmpty();
                  PixelArray merged =
                      MaskMerge.merge(MergeStrategy.MODE, List.of(), 2, new int[] {1, 3}, LIMITS);
                  assertThat(merged.shape()).containsExactly(3, 1, 3);
                  assertThat(floats(merged)).containsExactly(1, 1, 1, 0, 0, 0, 0, 0, 0);
                }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("behaviours")
  void matchesTheSdk(String behaviour, Executable check) throws Throwable {
    check.execute();
  }
}
