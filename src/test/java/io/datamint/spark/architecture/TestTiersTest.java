package io.datamint.spark.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The test tiers {@code bin/test} selects by JUnit tag hold what their tags claim, because a wrong
 * tag would leave a test out of a run silently:
 *
 * <ul>
 *   <li>{@value #SPARK_INDEPENDENT}: the subject runs on the JDK and the connector's own decoding
 *       libraries alone. The Spark version matrix (the suite on Spark 4.2 and on the 4.3 runtime)
 *       leaves these classes out; the baseline run has them. Such a class imports no Spark, Hadoop
 *       or Arrow class and none of the test helpers that start Spark or a JVM, and is no cluster
 *       test.
 *   <li>{@value #TOOL}: the test runs a {@code bin/} tool as a process, which runs on the class
 *       path the Maven build wrote (the baseline Spark), whatever runtime the test JVM has; the run
 *       on an installation's runtime leaves these classes out, since there they would repeat the
 *       baseline run. Such a class starts a process ({@code ProcessBuilder} or {@code
 *       testing.ExternalTool}).
 * </ul>
 */
class TestTiersTest {

  static final String SPARK_INDEPENDENT = "spark-independent";
  static final String TOOL = "tool";

  private static final String TESTING = "io.datamint.spark.testing.";

  private static JavaClasses tests;

  @BeforeAll
  static void importTests() {
    tests =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.datamint.spark");
  }

  private static DescribedPredicate<JavaClass> tagged(String tag) {
    return DescribedPredicate.describe(
        "tagged \"" + tag + "\"",
        c -> c.tryGetAnnotationOfType(Tag.class).map(t -> t.value().equals(tag)).orElse(false));
  }

  @Test
  void sparkIndependentTestsLoadNoSparkAndStartNoJvm() {
    noClasses()
        .that(tagged(SPARK_INDEPENDENT))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "org.apache.arrow..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(TESTING + "SharedSpark")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(TESTING + "SampleReads")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(TESTING + "ClusterSession")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(TESTING + "ClusterDriver")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(TESTING + "ChildJvm")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(TESTING + "StandaloneCluster")
        .check(tests);
  }

  @Test
  void toolTestsStartAProcess() {
    classes()
        .that(tagged(TOOL))
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(ProcessBuilder.class.getName())
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(TESTING + "ExternalTool")
        .check(tests);
  }

  @Test
  void everyTagBinTestSelectsIsInUse() {
    assertThat(
            Arrays.asList(SPARK_INDEPENDENT, TOOL).stream()
                .filter(tag -> tests.stream().noneMatch(tagged(tag)::test)))
        .as("tags that bin/test selects on but no test class carries")
        .isEmpty();
  }
}
