package io.datamint.spark.internal.annotation.mask;

import static io.datamint.spark.internal.annotation.mask.MaskFiles.LIMITS;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.bytes;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.frame;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.image;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.seg;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.core.DecodeLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstanceMasksTest {

  private static final Function<String, Integer> CODES =
      Map.of("liver", 1, "tumor", 2, "vessel", 3)::get;

  @TempDir Path dir;

  private Map<String, AuthorMasks> build(List<Annotation> anns, MaskGeometry g)
      throws DecodeException {
    return InstanceMasks.build(anns, CODES, g, MaskFiles.filesIn(dir), LIMITS);
  }

  static Stream<Arguments> authorKeys() {
    return Stream.of(
        Arguments.of("created_by wins", "alice@x", "model-1", "alice@x"),
        Arguments.of("model when no user", null, "model-1", "model-1"),
        Arguments.of("unknown when neither", null, null, "unknown"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authorKeys")
  void authorKeyFallsBackToModelThenUnknown(String name, String by, String model, String expected) {
    assertThat(
            io.datamint.spark.internal.annotation.AuthorKey.ofSegmentation(
                seg("a", "liver", "image", null, by, model)))
        .isEqualTo(expected);
  }

  @Test
  void framesArePlacedAtTheirIndexAndALaterOneOverwrites() throws Exception {
    write(dir, "f1", MaskFiles.greyPng(2, 2, new int[] {0, 0}));
    write(dir, "f2", MaskFiles.greyPng(2, 2, new int[] {1, 1}));
    write(dir, "f3", MaskFiles.greyPng(2, 2, new int[] {0, 1})); // same frame as f1: replaces it
    Map<String, AuthorMasks> out =
        build(
            List.of(
                frame("f1", "liver", 0, "al"),
                frame("f2", "liver", 2, "al"),
                frame("f3", "liver", 0, "al")),
            MaskGeometry.volume(3, 2, 2));
    AuthorMasks al = out.get("al");
    assertThat(al.masks().shape()).containsExactly(1, 3, 2, 2);
    assertThat(al.codes()).containsExactly(1);
    assertThat(bytes(al.masks()))
        .containsExactly(
            0, 1, 0, 0, // frame 0: f3 only (f1's pixel is gone)
            0, 0, 0, 0, // frame 1: nothing
            0, 0, 0, 1); // frame 2: f2
  }

  @Test
  void frameOutsideTheImageIsAnErrorBeforeAnyFileIsRead() {
    AtomicInteger reads = new AtomicInteger();
    MaskSource counting =
        a -> {
          reads.incrementAndGet();
          return MaskFiles.greyPng(2, 2);
        };
    assertThatThrownBy(
            () ->
                InstanceMasks.build(
                    List.of(frame("f9", "liver", 3, "al")),
                    CODES,
                    MaskGeometry.volume(3, 2, 2),
                    counting,
                    LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("f9")
        .hasMessageContaining("frame 3")
        .hasMessageContaining("3 frame(s)");
    assertThat(reads).hasValue(0);
  }

  @Test
  void frameGroupsComeFirstThenImageScopedInOrder() throws Exception {
    write(dir, "i1", MaskFiles.niftiMask(2, 2, 2, new int[] {0, 0, 0}));
    write(dir, "fa", MaskFiles.greyPng(2, 2, new int[] {0, 1}));
    write(dir, "i2", MaskFiles.niftiMask(2, 2, 2, new int[] {1, 1, 1}));
    write(dir, "fb", MaskFiles.greyPng(2, 2, new int[] {1, 0}));
    write(dir, "fc", MaskFiles.greyPng(2, 2, new int[] {1, 1}));
    Map<String, AuthorMasks> out =
        build(
            List.of(
                image("i1", "vessel", "al"),
                frame("fa", "tumor", 1, "al"),
                image("i2", "liver", "al"),
                frame("fb", "liver", 0, "al"),
                frame("fc", "tumor", 0, "al")),
            MaskGeometry.volume(2, 2, 2));
    AuthorMasks al = out.get("al");
    // groups (tumor: fa + fc), (liver: fb), then i1, i2
    assertThat(al.codes()).containsExactly(2, 1, 3, 1);
    assertThat(bytes(al.masks()))
        .containsExactly(
            0, 0, 0, 1, /**/ 0, 1, 0, 0, // tumor: fc on frame 0, fa on frame 1
            0, 0, 1, 0, /**/ 0, 0, 0, 0, // liver: fb on frame 0
            1, 0, 0, 0, /**/ 0, 0, 0, 0, // i1
            0, 0, 0, 0, /**/ 0, 0, 0, 1); // i2
  }

  @Test
  void authorsAreSeparateAndInFirstSeenOrder() throws Exception {
    write(dir, "b1", MaskFiles.greyPng(1, 2, new int[] {0, 0}));
    write(dir, "m1", MaskFiles.greyPng(1, 2, new int[] {0, 1}));
    write(dir, "b2", MaskFiles.greyPng(1, 2));
    Map<String, AuthorMasks> out =
        build(
            List.of(
                image("b1", "liver", "bob"),
                seg("m1", "tumor", "image", null, null, "model-7"),
                image("b2", "tumor", "bob")),
            MaskGeometry.image(1, 2));
    assertThat(out.keySet()).containsExactly("bob", "model-7");
    assertThat(out.get("bob").codes()).containsExactly(1, 2);
    assertThat(out.get("bob").inLayout(MaskGeometry.image(1, 2)).shape()).containsExactly(2, 1, 2);
    assertThat(bytes(out.get("bob").masks())).containsExactly(1, 0, 0, 0);
    assertThat(bytes(out.get("model-7").masks())).containsExactly(0, 1);
  }

  @Test
  void volumeLayoutKeepsDepth() throws Exception {
    write(dir, "v", MaskFiles.niftiMask(1, 1, 1, new int[] {0, 0, 0}));
    MaskGeometry g = MaskGeometry.volume(1, 1, 1);
    AuthorMasks m = build(List.of(image("v", "liver", "al")), g).get("al");
    assertThat(m.inLayout(g).shape()).containsExactly(1, 1, 1, 1);
    assertThat(g.spatialShape()).containsExactly(1, 1, 1);
    assertThat(MaskGeometry.image(4, 5).spatialShape()).containsExactly(4, 5);
  }

  static Stream<Arguments> sizeMismatches() {
    return Stream.of(
        Arguments.of(
            "PNG wider than the image",
            image("s", "liver", "al"),
            MaskFiles.greyPng(2, 3),
            MaskGeometry.image(2, 2),
            "1x2x3",
            "1x2x2"),
        Arguments.of(
            "whole-volume mask of the wrong depth",
            image("s", "liver", "al"),
            MaskFiles.niftiMask(2, 2, 2),
            MaskGeometry.volume(3, 2, 2),
            "2x2x2",
            "3x2x2"),
        Arguments.of(
            "single-frame PNG as a whole-volume mask",
            image("s", "liver", "al"),
            MaskFiles.greyPng(2, 2),
            MaskGeometry.volume(3, 2, 2),
            "1x2x2",
            "3x2x2"),
        Arguments.of(
            "frame mask of the wrong height",
            frame("s", "liver", 0, "al"),
            MaskFiles.greyPng(3, 2),
            MaskGeometry.volume(3, 2, 2),
            "1x3x2",
            "3x2x2"),
        Arguments.of(
            "volume as a frame mask",
            frame("s", "liver", 0, "al"),
            MaskFiles.niftiMask(3, 2, 2),
            MaskGeometry.volume(3, 2, 2),
            "3x2x2",
            "3x2x2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sizeMismatches")
  void sizeMismatchIsAnErrorNamingBothSizes(
      String name, Annotation ann, byte[] file, MaskGeometry g, String maskSize, String imageSize) {
    write(dir, "s", file);
    assertThatThrownBy(() -> build(List.of(ann), g))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("annotation s is " + maskSize)
        .hasMessageContaining("its image is " + imageSize);
  }

  @Test
  void unknownLabelIsAnErrorNamingTheAnnotationAndLabel() {
    write(dir, "u", MaskFiles.greyPng(1, 1));
    assertThatThrownBy(() -> build(List.of(image("u", "spleen", "al")), MaskGeometry.image(1, 1)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("annotation u")
        .hasMessageContaining("unknown label 'spleen'");
    Function<String, Integer> throwing =
        id -> {
          throw new IllegalArgumentException("no such label");
        };
    assertThatThrownBy(
            () ->
                InstanceMasks.build(
                    List.of(image("u", "liver", "al")),
                    throwing,
                    MaskGeometry.image(1, 1),
                    MaskFiles.filesIn(dir),
                    LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("unknown label 'liver'");
  }

  @Test
  void missingFileIsAnErrorNamingTheAnnotation() {
    assertThatThrownBy(() -> build(List.of(image("gone", "liver", "al")), MaskGeometry.image(1, 1)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("annotation gone could not be read");
  }

  @Test
  void frameScopeWithoutIndexIsAnError() {
    assertThatThrownBy(
            () ->
                build(
                    List.of(seg("x", "liver", "frame", null, "al", null)),
                    MaskGeometry.image(1, 1)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("no frame index");
  }

  @Test
  void outputOverTheLimitFailsBeforeReading() {
    AtomicInteger reads = new AtomicInteger();
    MaskSource counting =
        a -> {
          reads.incrementAndGet();
          return MaskFiles.greyPng(2, 2);
        };
    assertThatThrownBy(
            () ->
                InstanceMasks.build(
                    List.of(image("a", "liver", "al"), image("b", "liver", "al")),
                    CODES,
                    MaskGeometry.volume(100, 100, 100),
                    counting,
                    new DecodeLimits(1_000_000)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("max_decoded_bytes");
    assertThat(reads).hasValue(0);
  }

  @Test
  void noAnnotationsGiveNoAuthors() throws Exception {
    assertThat(build(List.of(), MaskGeometry.image(1, 1))).isEmpty();
  }

  @Test
  void storeSourceReadsTheAnnotationFileAndRefusesOversizedOnes() throws Exception {
    io.datamint.spark.internal.source.ResourceFileStore store =
        new io.datamint.spark.internal.source.ResourceFileStore() {
          @Override
          public java.io.InputStream openResource(String resourceId) {
            throw new UnsupportedOperationException();
          }

          @Override
          public java.io.InputStream openAnnotation(String resourceId, String annotationId) {
            return new java.io.ByteArrayInputStream((resourceId + "/" + annotationId).getBytes());
          }

          @Override
          public String describe() {
            return "test";
          }
        };
    assertThat(
            new String(
                MaskSource.fromStore(store, new DecodeLimits(100))
                    .load(image("a7", "liver", "al"))))
        .isEqualTo("res/a7");
    assertThatThrownBy(
            () ->
                MaskSource.fromStore(store, new DecodeLimits(4, "the test's budget"))
                    .load(image("a7", "liver", "al")))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("a7")
        .hasMessageEndingWith(
            "is longer than 4 bytes, over the limit of 4 decoded bytes (the test's budget)");
  }
}
