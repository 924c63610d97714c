package io.datamint.spark.internal.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.cli.PrefetchCommandLine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arguments of {@code bin/datamint-prefetch}. */
class PrefetchCommandLineTest {

  @Test
  void parsesEveryOption() throws Exception {
    PrefetchCommandLine line =
        PrefetchCommandLine.parse(
            List.of(
                "--project",
                "p",
                "--out=/m/p",
                "--server-url",
                "http://h:1",
                "--option",
                "tags=a,b",
                "--option=include_unannotated=false",
                "--concurrency",
                "16",
                "--master",
                "spark://x:7077",
                "--conf",
                "spark.executor.memory=2g",
                "-v"));
    assertThat(line.project()).isEqualTo("p");
    assertThat(line.out()).isEqualTo("/m/p");
    assertThat(line.master()).isEqualTo("spark://x:7077");
    assertThat(line.verbose()).isTrue();
    assertThat(line.confs()).singleElement().satisfies(c -> assertThat(c.value()).isEqualTo("2g"));
    assertThat(line.prefetchOptions(Map.of("DATAMINT_API_KEY", "k")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "tags",
                "a,b",
                "include_unannotated",
                "false",
                "prefetch_concurrency",
                "16",
                "project",
                "p",
                "server_url",
                "http://h:1",
                "api_key",
                "k"));
    assertThat(
            PrefetchCommandLine.parse(
                    List.of("--project", "p", "--out", "o", "--api-key-env", "MY_KEY"))
                .prefetchOptions(Map.of("MY_KEY", "k2")))
        .containsEntry("api_key", "k2")
        .doesNotContainKey("server_url");
    assertThat(
            PrefetchCommandLine.parse(List.of("--project", "p", "--out", "o"))
                .prefetchOptions(Map.of()))
        .doesNotContainKey("api_key");
    assertThat(PrefetchCommandLine.parse(List.of("--project", "p", "-h")).help()).isTrue();
  }

  @Test
  void refusesWhatItCannotUse() {
    assertThatThrownBy(() -> PrefetchCommandLine.parse(List.of("--out", "o")))
        .hasMessageContaining("--project");
    assertThatThrownBy(() -> PrefetchCommandLine.parse(List.of("--project", "p")))
        .hasMessageContaining("--out");
    assertThatThrownBy(() -> PrefetchCommandLine.parse(List.of("--project", "p", "--out")))
        .hasMessageContaining("--out requires a value");
    assertThatThrownBy(
            () ->
                PrefetchCommandLine.parse(List.of("--project", "p", "--out", "o", "--option", "x")))
        .hasMessageContaining("KEY=VALUE");
    assertThatThrownBy(
            () ->
                PrefetchCommandLine.parse(List.of("--project", "p", "--out", "o", "--frobnicate")))
        .hasMessageContaining("unknown option '--frobnicate'");
    assertThatThrownBy(
            () ->
                PrefetchCommandLine.parse(
                    List.of("--project", "p", "--out", "o", "--api-key", "k")))
        .hasMessageContaining("DATAMINT_API_KEY");
    assertThatThrownBy(
            () ->
                PrefetchCommandLine.parse(
                        List.of("--project", "p", "--out", "o", "--api-key-env", "UNSET"))
                    .prefetchOptions(Map.of()))
        .hasMessageContaining("UNSET");
  }
}
