package io.datamint.spark.internal.read.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.api.client.DatamintApiException;
import io.datamint.spark.internal.api.model.ResourceKind;
import io.datamint.spark.internal.config.ReadMode;
import io.datamint.spark.internal.plan.PlannedResource;
import java.io.FileNotFoundException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision rules of {@link RowFailures}: bad data per the read mode, bugs always fail, fatal
 * errors propagate.
 */
class RowFailuresTest {

  private static final PlannedResource RESOURCE =
      new PlannedResource(
          "r-42",
          "chest.dcm",
          "application/dicom",
          "CR",
          null,
          null,
          ResourceKind.DICOM,
          null,
          null,
          10L,
          List.of(),
          1,
          null,
          List.of(),
          null);

  static Stream<Throwable> badData() {
    return Stream.of(
        new DecodeException("JPEG frame 0 cannot be decoded: truncated"),
        new DatamintApiException(
            DatamintApiException.Kind.NOT_FOUND,
            404,
            "GET /resources/r-42/file answered 404: not found"),
        new FileNotFoundException("files/resources/r-42"),
        new NoClassDefFoundError("com/twelvemonkeys/imageio/plugins/jpeg/JPEGImageReader"));
  }

  @ParameterizedTest
  @MethodSource("badData")
  void badDataIsTheRowsErrorInPermissive(Throwable failure) {
    String reason = new RowFailures(ReadMode.PERMISSIVE).onFailure(RESOURCE, failure);
    assertThat(reason).isNotBlank();
    if (failure instanceof Exception) {
      assertThat(reason).contains(failure.getMessage());
    } else {
      assertThat(reason).contains("TwelveMonkeys ImageIO");
    }
  }

  @ParameterizedTest
  @MethodSource("badData")
  void badDataDropsTheRowInDropMalformed(Throwable failure) {
    assertThat(new RowFailures(ReadMode.DROPMALFORMED).onFailure(RESOURCE, failure)).isNull();
  }

  @ParameterizedTest
  @MethodSource("badData")
  void badDataFailsNamingTheResourceInFailFast(Throwable failure) {
    assertThatThrownBy(() -> new RowFailures(ReadMode.FAILFAST).onFailure(RESOURCE, failure))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("resource r-42 (chest.dcm) could not be decoded")
        .hasMessageContaining("mode FAILFAST")
        .hasCause(failure);
  }

  static Stream<Throwable> bugs() {
    return Stream.of(
        new NullPointerException("x is null"),
        new IllegalStateException("not prepared"),
        new ClassCastException("Integer cannot be cast to String"),
        new ArrayIndexOutOfBoundsException(7),
        new IllegalArgumentException("axis 5 is out of range"),
        new AssertionError("unreachable"));
  }

  @ParameterizedTest
  @MethodSource("bugs")
  void bugsFailTheTaskInEveryMode(Throwable failure) {
    for (ReadMode mode : ReadMode.values()) {
      assertThatThrownBy(() -> new RowFailures(mode).onFailure(RESOURCE, failure))
          .as(mode.name())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("bug in the datamint connector")
          .hasMessageContaining("resource r-42 (chest.dcm)")
          .hasMessageContaining(failure.toString())
          .hasMessageContaining("not turned into an _error in any read mode")
          .hasCause(failure);
    }
  }

  @ParameterizedTest
  @EnumSource(ReadMode.class)
  void virtualMachineErrorsPropagateUnchanged(ReadMode mode) {
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    StackOverflowError overflow = new StackOverflowError();
    RowFailures failures = new RowFailures(mode);
    assertThatThrownBy(() -> failures.onFailure(RESOURCE, oom)).isSameAs(oom);
    assertThatThrownBy(() -> failures.onFailure(RESOURCE, overflow)).isSameAs(overflow);
    assertThatThrownBy(
            () -> {
              throw failures.onWriteFailure(RESOURCE, oom);
            })
        .isSameAs(oom);
  }

  @Test
  void arrowWriteFailuresAreBugsEvenForDataExceptions() {
    RowFailures failures = new RowFailures(ReadMode.PERMISSIVE);
    DecodeException late = new DecodeException("tensor too large");
    assertThat(failures.onWriteFailure(RESOURCE, late))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "bug in the datamint connector while writing its row into the Arrow batch")
        .hasMessageContaining("r-42")
        .hasCause(late);
  }

  @Test
  void arrowOutOfMemoryPropagatesUnchanged() {
    RuntimeException arrowOom =
        new org.apache.arrow.memory.OutOfMemoryException("allocation limit");
    assertThatThrownBy(() -> new RowFailures(ReadMode.PERMISSIVE).onFailure(RESOURCE, arrowOom))
        .isSameAs(arrowOom);
  }
}
