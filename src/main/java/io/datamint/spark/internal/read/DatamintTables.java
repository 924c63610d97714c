package io.datamint.spark.internal.read;

import io.datamint.spark.internal.annotation.LabelSchemaBuilder;
import io.datamint.spark.internal.api.model.Worklist;
import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.source.ProjectSnapshot;
import io.datamint.spark.internal.source.ProjectSource;
import io.datamint.spark.internal.source.open.ProjectSources;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Loads the {@link DatamintTable} that a read's options name: for the data source ({@code
 * io.datamint.spark.DatamintDataSource}), the catalog's {@code resources} tables and the split
 * saving ({@link SplitSave}).
 */
public final class DatamintTables {

  private DatamintTables() {}

  /**
   * Resolves {@code readOptions} (with the session's {@code spark.datamint.*} conf and the
   * environment, as {@code load()} does), reads the project they name and wraps it as the table
   * {@code load()} would return.
   *
   * @throws io.datamint.spark.internal.config.InvalidOptionException for a bad option
   * @throws io.datamint.spark.internal.source.ProjectSourceException when the project cannot be
   *     read
   */
  public static DatamintTable load(SparkSession spark, Map<String, String> readOptions) {
    return load(spark, resolve(spark, readOptions));
  }

  /** Reads the project the options name and wraps it as a table. */
  static DatamintTable load(SparkSession spark, DatamintOptions options) {
    Configuration conf = hadoopConf(spark, options);
    return DatamintTable.of(ProjectSnapshot.load(ProjectSources.open(options, conf)), options);
  }

  /** Where a caller keeps snapshots between loads (the catalog does, for a bounded time). */
  @FunctionalInterface
  public interface SnapshotCache {
    /**
     * The snapshot of the source and project {@code sourceKey} names, kept or loaded by {@code
     * load}.
     */
    ProjectSnapshot snapshot(String sourceKey, Supplier<ProjectSnapshot> load);

    /**
     * The snapshot of {@code sourceKey} kept now, or null (then nothing is read): by default none.
     */
    default ProjectSnapshot kept(String sourceKey) {
      return null;
    }

    /**
     * The opened source and worklists of {@code sourceKey}, kept (while no snapshot of it is) or
     * opened by {@code open}: by default opened at every call.
     */
    default OpenedProject opened(String sourceKey, Supplier<OpenedProject> open) {
      return open.get();
    }

    /** The opened source of {@code sourceKey} kept now, or null: by default none. */
    default OpenedProject keptOpened(String sourceKey) {
      return null;
    }
  }

  /**
   * A project's source, opened, with its worklists read: what its columns need when its labels come
   * from the worklists, and what its snapshot is then read from.
   *
   * @param source the opened source
   * @param worklists its worklists
   */
  public record OpenedProject(ProjectSource source, List<Worklist> worklists) {

    public OpenedProject {
      worklists = List.copyOf(worklists);
    }

    /** Reads the rest of the project. */
    ProjectSnapshot snapshot() {
      return ProjectSnapshot.load(source, worklists);
    }
  }

  /**
   * {@link #load(SparkSession, Map)} with the project's snapshot from {@code cache}: options that
   * name the same source and project (whatever else they set: selection, targets, batch size...)
   * share one read of the project.
   */
  public static DatamintTable load(
      SparkSession spark, Map<String, String> readOptions, SnapshotCache cache) {
    DatamintOptions options = resolve(spark, readOptions);
    return load(spark, options, sourceKey(options), cache);
  }

  /**
   * The table {@link #load(SparkSession, Map, SnapshotCache)} would return, made only when first
   * needed when its columns can be known before: when the read's label sets come from the project's
   * worklists alone (option {@code worklists} other than {@code none}, no {@code
   * allow_external_annotations}), its columns are computed from the worklists (those of a snapshot
   * {@code cache} keeps, else read from the source, which is opened) and the options, and the table
   * is made at the first {@link DeferredTable#table()}, of the snapshot {@code cache} keeps or
   * loads then (from the source already opened, with the worklists already read). The opened source
   * goes through {@code cache} too, so the other tables of the project read it from there.
   * Otherwise the table is made now, as {@code load} does. Options are resolved now: a bad option
   * fails here; the resource selection and the splits fail when the table is made.
   *
   * @throws io.datamint.spark.internal.config.InvalidOptionException for a bad option
   * @throws io.datamint.spark.internal.source.ProjectSourceException when the project or its
   *     worklists cannot be read
   */
  public static DeferredTable defer(
      SparkSession spark, Map<String, String> readOptions, SnapshotCache cache) {
    DatamintOptions options = resolve(spark, readOptions);
    LabelSchemaBuilder labels = DatamintTable.labelSchemaBuilder(options.targets());
    String key = sourceKey(options);
    if (labels.readsAnnotations()) {
      return DeferredTable.made(load(spark, options, key, cache));
    }
    ProjectSnapshot kept = cache.kept(key);
    if (kept != null) {
      return DeferredTable.of(
          kept.sourceDescription(),
          DatamintTable.columns(options, labels.build(kept.worklists(), List.of())),
          () -> DatamintTable.of(kept, options));
    }
    OpenedProject opened =
        cache.opened(
            key,
            () -> {
              ProjectSource source = ProjectSources.open(options, hadoopConf(spark, options));
              return new OpenedProject(source, source.worklists());
            });
    return DeferredTable.of(
        opened.source().describe(),
        DatamintTable.columns(options, labels.build(opened.worklists(), List.of())),
        () -> DatamintTable.of(cache.snapshot(key, opened::snapshot), options));
  }

  private static DatamintTable load(
      SparkSession spark, DatamintOptions options, String key, SnapshotCache cache) {
    ProjectSnapshot snapshot =
        cache.snapshot(
            key,
            () -> {
              OpenedProject opened = cache.keptOpened(key);
              return opened != null
                  ? opened.snapshot()
                  : ProjectSnapshot.load(ProjectSources.open(options, hadoopConf(spark, options)));
            });
    return DatamintTable.of(snapshot, options);
  }

  /**
   * What a snapshot read with {@code options} depends on: the mirror path with the file system
   * options, or the API settings (URL, key, limits; shown only through their key-less identity),
   * and the project.
   */
  static String sourceKey(DatamintOptions options) {
    if (options.path() != null) {
      return "mirror\u0000"
          + options.path()
          + "\u0000"
          + options.project()
          + "\u0000"
          + new java.util.TreeMap<>(options.hadoopOptions());
    }
    if (options.serverUrl() != null) {
      return "api\u0000" + options.api().settings().identity() + "\u0000" + options.project();
    }
    return "none";
  }

  static DatamintOptions resolve(SparkSession spark, Map<String, String> readOptions) {
    return DatamintOptions.resolve(
        readOptions,
        scala.jdk.javaapi.CollectionConverters.asJava(spark.conf().getAll()),
        System.getenv());
  }

  /** The session's Hadoop configuration with the options' {@code fs.*} settings. */
  static Configuration hadoopConf(SparkSession spark, DatamintOptions options) {
    Configuration conf = spark.sessionState().newHadoopConf();
    options.hadoopOptions().forEach(conf::set);
    return conf;
  }
}
