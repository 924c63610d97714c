package io.datamint.spark.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector's package graph (main classes, examples excluded) is the flow {@code
 * docs/architecture.md} draws: no package cycles at any depth, and the lower layers never import
 * the higher ones. A new import that closes a cycle or reaches upwards fails here, naming the
 * classes involved.
 */
class PackageGraphTest {

  private static final String ROOT = "io.datamint.spark";

  /** The packages of the read path, above the sources and the options. */
  private static final List<String> READ_PATH =
      List.of("dataset", "plan", "schema", "read", "catalog", "prefetch");

  /** The tools built on the connector, at the top of the graph. */
  private static final List<String> TOOLS = List.of("cli", "server", "sample");

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/io/datamint/spark/examples/"))
            .importPackages(ROOT);
  }

  @Test
  void everyPackageIsFreeOfCycles() {
    // (**) makes every package, sub-packages included, a slice of its own: decode and decode.dicom
    // are two slices
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theCoreAndTheErrorsImportNothingOfTheConnectorAboveThem() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".error")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(ROOT + ".error", "java..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".core")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(ROOT + ".core", ROOT + ".error", "java..")
        .check(classes);
  }

  @Test
  void theDecodersTensorsAndSlicesImportNothingAboveThem() {
    noImports(List.of("decode", "tensor", "slice"), above("config", "source", "annotation"));
  }

  @Test
  void optionsImportNoSourceReaderOrSession() {
    noImports(List.of("config"), above("source"));
  }

  @Test
  void sourcesDoNotKnowHowTheyAreRead() {
    noImports(List.of("source", "api"), above());
  }

  @Test
  void theDataSourceDoesNotDependOnTheToolsBuiltOnIt() {
    noImports(List.of("read", "catalog", "prefetch"), TOOLS);
  }

  /** The given packages, then the read path and the tools. */
  private static List<String> above(String... packages) {
    List<String> all = new ArrayList<>(List.of(packages));
    all.addAll(READ_PATH);
    all.addAll(TOOLS);
    return all;
  }

  /** No class in the packages {@code from} (and their sub-packages) imports one in {@code to}. */
  private static void noImports(List<String> from, List<String> to) {
    noClasses()
        .that()
        .resideInAnyPackage(patterns(from))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(patterns(to))
        .check(classes);
  }

  private static String[] patterns(List<String> packages) {
    return packages.stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new);
  }

  @Test
  void theExecutorSideOfTheReadPathKnowsNothingOfTheDriverSide() {
    // read.executor: the reader factory and the partition readers, shipped to and run on the
    // executors. It may use the layers below the read path, never the driver side (read itself:
    // provider, table, scan, pushdown) nor anything built on the read path
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".read.executor..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".read",
            ROOT,
            ROOT + ".catalog..",
            ROOT + ".prefetch..",
            ROOT + ".cli..",
            ROOT + ".server..",
            ROOT + ".sample..")
        .check(classes);
  }

  @Test
  void theExecutorSideIsEnteredOnlyByTheDriverSideThroughItsFactory() {
    // the scan builds a DatamintReaderFactory (with the RowIndexFilter of the pushed index
    // predicates) and declares the readers' metrics under ReadTaskMetrics' names; nothing else of
    // read.executor is used outside it
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT + ".read", ROOT + ".read.executor..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".read.executor..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".read")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage(ROOT + ".read.executor..")
                .and(
                    DescribedPredicate.not(
                        JavaClass.Predicates.simpleNameStartingWith("DatamintReaderFactory")
                            .or(JavaClass.Predicates.simpleName("RowIndexFilter"))
                            .or(JavaClass.Predicates.simpleName("ReadTaskMetrics")))))
        .check(classes);
  }
}
