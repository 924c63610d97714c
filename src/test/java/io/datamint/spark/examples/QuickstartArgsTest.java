package io.datamint.spark.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.sample.SampleProject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The quickstart's command line: a fixed default directory inside the build, or the DIR given. */
class QuickstartArgsTest {

  private static final Path HOME = Path.of("/work/repo");

  @Test
  void withoutDirTheProjectGoesToTheFixedPlaceInTheBuild() {
    QuickstartArgs args = QuickstartArgs.parse(new String[0], HOME);
    assertThat(args.dir()).isEqualTo(Path.of("/work/repo/target/quickstart-project"));
    assertThat(args.defaultDir()).isTrue();
    assertThat(args.seed()).isEqualTo(SampleProject.DEFAULT_SEED);
    assertThat(args.master()).isEqualTo("local[*]");
    assertThat(QuickstartArgs.parse(new String[] {"--seed", "7"}, HOME).dir())
        .isEqualTo(args.dir());
  }

  @Test
  void aRelativeHomeIsTheWorkingDirectory() {
    assertThat(QuickstartArgs.parse(new String[0], Path.of("")).dir())
        .isEqualTo(Path.of("target/quickstart-project").toAbsolutePath());
  }

  @Test
  void dirSeedAndMasterAreTaken() {
    QuickstartArgs args =
        QuickstartArgs.parse(new String[] {"--seed", "7", "/data/s", "--master", "local[2]"}, HOME);
    assertThat(args.dir()).isEqualTo(Path.of("/data/s"));
    assertThat(args.defaultDir()).isFalse();
    assertThat(args.seed()).isEqualTo(7);
    assertThat(args.master()).isEqualTo("local[2]");
    assertThat(QuickstartArgs.parse(new String[] {"-h"}, HOME).help()).isTrue();
  }

  @Test
  void badArgumentsSayWhatWasWrongAndTheUsage() {
    assertThatThrownBy(() -> QuickstartArgs.parse(new String[] {"a", "b"}, HOME))
        .hasMessage("unexpected argument \"b\"; " + QuickstartArgs.USAGE);
    assertThatThrownBy(() -> QuickstartArgs.parse(new String[] {"--sed", "1"}, HOME))
        .hasMessageStartingWith("unexpected argument \"--sed\"");
    assertThatThrownBy(() -> QuickstartArgs.parse(new String[] {"--seed"}, HOME))
        .hasMessageStartingWith("--seed needs a value");
    assertThatThrownBy(() -> QuickstartArgs.parse(new String[] {"--seed", "x"}, HOME))
        .hasMessageStartingWith("--seed needs a whole number, not \"x\"");
  }
}
