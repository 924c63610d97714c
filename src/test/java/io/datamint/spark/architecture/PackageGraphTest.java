package io.datamint.spark.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector's package graph (main classes, examples excluded) is the flow {@code
 * docs/architecture.md} draws: a small public API outside {@code internal} whose entry points the
 * implementation never imports, no package cycles at any depth, and lower layers that never import
 * the higher ones. A new import that closes a cycle or reaches upwards, a new package outside
 * {@code internal} or a new public type in the API fails here, naming the classes involved.
 */
class PackageGraphTest {

  private static final String ROOT = "io.datamint.spark";

  /** The implementation: every package but the API's. */
  private static final String INTERNAL = ROOT + ".internal";

  /**
   * The entry points: the root package (data source, session extensions, splits, prefetch), the
   * catalog, and the bridge the Python package calls ({@code python}, added with that package).
   */
  private static final String[] ENTRY_POINTS = {ROOT, ROOT + ".catalog..", ROOT + ".python.."};

  /** The API's packages: the entry points, the prefetch's value types and the exceptions. */
  private static final String[] API_PACKAGES = {
    ROOT,
    ROOT + ".catalog",
    ROOT + ".python..",
    ROOT + ".prefetch",
    ROOT + ".lineage",
    ROOT + ".error"
  };

  /**
   * The public types of the API (the Python bridge's aside): adding one is a decision, made here
   * and in docs/architecture.md's "Public API".
   */
  private static final Set<String> PUBLIC_API =
      Set.of(
          ROOT + ".DatamintDataSource",
          ROOT + ".DatamintLineage",
          ROOT + ".DatamintPrefetch",
          ROOT + ".DatamintSparkSessionExtensions",
          ROOT + ".DatamintSplits",
          ROOT + ".catalog.DatamintCatalog",
          ROOT + ".error.DataException",
          ROOT + ".error.DatamintException",
          ROOT + ".error.DecodeException",
          ROOT + ".error.OptionException",
          ROOT + ".error.SourceException",
          ROOT + ".lineage.DatasetLineage",
          ROOT + ".prefetch.PrefetchFileResult",
          ROOT + ".prefetch.PrefetchFileResult$Kind",
          ROOT + ".prefetch.PrefetchFileResult$Status",
          ROOT + ".prefetch.PrefetchReport");

  /** The packages of the read path, above the sources and the options. */
  private static final List<String> READ_PATH =
      List.of("dataset", "plan", "schema", "read", "catalog", "prefetch", "lineage");

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
    // are two slices, and so are the root package (io.datamint."spark") and internal.read
    slices().matching("io.datamint.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theApiPackagesAreTheOnlyOnesOutsideInternal() {
    classes()
        .that()
        .resideOutsideOfPackage(INTERNAL + "..")
        .should()
        .resideInAnyPackage(API_PACKAGES)
        .check(classes);
  }

  @Test
  void thePublicApiIsTheDocumentedTypesOnly() {
    Set<String> api = new TreeSet<>();
    for (JavaClass c : classes) {
      if (!c.getPackageName().startsWith(INTERNAL)
          && !c.getPackageName().startsWith(ROOT + ".python")
          && !c.getSimpleName().equals("package-info")
          && accessible(c)) {
        api.add(c.getName());
      }
    }
    assertThat(api).isEqualTo(new TreeSet<>(PUBLIC_API));
  }

  /** Public, and so is every class around it. */
  private static boolean accessible(JavaClass c) {
    return c.getModifiers().contains(JavaModifier.PUBLIC)
        && c.getEnclosingClass().map(PackageGraphTest::accessible).orElse(true);
  }

  @Test
  void theImplementationDoesNotImportTheEntryPoints() {
    // the API is built on internal, never the other way round; the tools name the API's classes
    // where Spark needs them by name (SqlCli.CATALOG_CLASS, SessionExtensions.CLASS_NAME)
    noClasses()
        .that()
        .resideInAPackage(INTERNAL + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ENTRY_POINTS)
        .check(classes);
  }

  @Test
  void theValueTypesAndTheErrorsImportNothingOfTheImplementation() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".prefetch", ROOT + ".lineage", ROOT + ".error")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(INTERNAL + "..", ROOT, ROOT + ".catalog..", ROOT + ".python..")
        .check(classes);
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
        .resideInAPackage(INTERNAL + ".core")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(INTERNAL + ".core", ROOT + ".error", "java..")
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
    noImports(List.of("read", "catalog", "prefetch", "lineage"), TOOLS);
    // The Python bridge is a front end like the CLIs: it offers the sample project to Python users.
    noClasses()
        .that()
        .resideInAnyPackage(API_PACKAGES)
        .and()
        .resideOutsideOfPackage(ROOT + ".python..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(patterns(TOOLS))
        .check(classes);
  }

  /** The given packages, then the read path and the tools. */
  private static List<String> above(String... packages) {
    List<String> all = new ArrayList<>(List.of(packages));
    all.addAll(READ_PATH);
    all.addAll(TOOLS);
    return all;
  }

  /**
   * No class in the internal packages {@code from} (and their sub-packages) imports one in the
   * internal packages {@code to}.
   */
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
    return packages.stream().map(p -> INTERNAL + "." + p + "..").toArray(String[]::new);
  }

  @Test
  void theExecutorSideOfTheReadPathKnowsNothingOfTheDriverSide() {
    // read.executor: the reader factory and the partition readers, shipped to and run on the
    // executors. It may use the layers below the read path, never the driver side (read itself:
    // table, scan, pushdown) nor anything built on the read path, the API's entry points included
    noClasses()
        .that()
        .resideInAPackage(INTERNAL + ".read.executor..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            INTERNAL + ".read",
            ROOT,
            ROOT + ".catalog..",
            ROOT + ".prefetch..",
            INTERNAL + ".catalog..",
            INTERNAL + ".prefetch..",
            INTERNAL + ".lineage..",
            INTERNAL + ".cli..",
            INTERNAL + ".server..",
            INTERNAL + ".sample..")
        .check(classes);
  }

  @Test
  void theExecutorSideIsEnteredOnlyByTheDriverSideThroughItsFactory() {
    // the scan builds a DatamintReaderFactory (with the RowIndexFilter of the pushed index
    // predicates) and declares the readers' metrics under ReadTaskMetrics' names; nothing else of
    // read.executor is used outside it
    noClasses()
        .that()
        .resideOutsideOfPackages(INTERNAL + ".read", INTERNAL + ".read.executor..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(INTERNAL + ".read.executor..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(INTERNAL + ".read")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage(INTERNAL + ".read.executor..")
                .and(
                    DescribedPredicate.not(
                        JavaClass.Predicates.simpleNameStartingWith("DatamintReaderFactory")
                            .or(JavaClass.Predicates.simpleName("RowIndexFilter"))
                            .or(JavaClass.Predicates.simpleName("ReadTaskMetrics")))))
        .check(classes);
  }
}
