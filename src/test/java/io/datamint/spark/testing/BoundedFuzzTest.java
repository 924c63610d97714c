package io.datamint.spark.testing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Timeout;

/**
 * A Jazzer fuzz test of the project (docs/fuzzing.md): a {@link FuzzTest} whose every input must
 * finish within {@value #INPUT_SECONDS} seconds. In regression mode (plain {@code mvn test}) JUnit
 * enforces that per input, in a thread of its own so that a decoder looping forever fails the input
 * instead of hanging the suite; in fuzzing mode ({@code bin/datamint-fuzz}, which turns JUnit's
 * timeouts off) Jazzer passes it to libFuzzer as {@code -timeout}, which keeps a hanging input as a
 * {@code timeout-*} file. Fuzzing lasts {@code maxDuration} unless {@code jazzer.max_duration} says
 * otherwise, as the script does.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Timeout(value = BoundedFuzzTest.INPUT_SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@FuzzTest(maxDuration = "30s")
public @interface BoundedFuzzTest {

  /** How long one input may take. */
  int INPUT_SECONDS = 10;
}
