package io.datamint.spark.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".decode..", ROOT + ".tensor..", ROOT + ".slice..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".config..",
            ROOT + ".source..",
            ROOT + ".dataset..",
            ROOT + ".annotation..",
            ROOT + ".plan..",
            ROOT + ".schema..",
            ROOT + ".read..",
            ROOT + ".catalog..",
            ROOT + ".prefetch..",
            ROOT + ".cli..",
            ROOT + ".server..",
            ROOT + ".sample..")
        .check(classes);
  }

  @Test
  void optionsImportNoSourceReaderOrSession() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".source..",
            ROOT + ".dataset..",
            ROOT + ".plan..",
            ROOT + ".schema..",
            ROOT + ".read..",
            ROOT + ".catalog..",
            ROOT + ".prefetch..",
            ROOT + ".cli..",
            ROOT + ".server..",
            ROOT + ".sample..")
        .check(classes);
  }

  @Test
  void sourcesDoNotKnowHowTheyAreRead() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".source..", ROOT + ".api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".dataset..",
            ROOT + ".plan..",
            ROOT + ".schema..",
            ROOT + ".read..",
            ROOT + ".catalog..",
            ROOT + ".prefetch..",
            ROOT + ".cli..",
            ROOT + ".server..",
            ROOT + ".sample..")
        .check(classes);
  }

  @Test
  void theDataSourceDoesNotDependOnTheToolsBuiltOnIt() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".read..", ROOT + ".catalog..", ROOT + ".prefetch..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".cli..", ROOT + ".server..", ROOT + ".sample..")
        .check(classes);
  }

  @Test
  void theExecutorSideOfTheReadPathKnowsNothingOfTheDriverSide() {
    // read.executor: the reader factory and the partition readers, shipped to and run on the
    // executors. It may use
    // the layers below the read path, never the driver side (read itself: provider, table, scan,
    // pushdown) nor
    // anything built on the read path
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
    // predicates) and declares
    // the readers' metrics under ReadTaskMetrics' names; nothing else of read.executor is used
    // outside it
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
