package io.datamint.spark.internal.read;

import io.datamint.spark.internal.annotation.AnnotationFilter;
import io.datamint.spark.internal.annotation.AnnotationTypes;
import io.datamint.spark.internal.annotation.LabelSchema;
import io.datamint.spark.internal.annotation.LabelSchemaBuilder;
import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.config.TargetOptions;
import io.datamint.spark.internal.dataset.DatasetSplitter;
import io.datamint.spark.internal.dataset.ResourceSelection;
import io.datamint.spark.internal.schema.DatamintSchema;
import io.datamint.spark.internal.source.ProjectSnapshot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One project read as a table of resources. Holds the project snapshot read at {@code load()} and
 * the resource selection its options define (computed once, shared by every scan of this table).
 */
public final class DatamintTable implements DatamintResourceTable {

  /** What every table of resources can do: batch reads. */
  public static final Set<TableCapability> CAPABILITIES = Set.of(TableCapability.BATCH_READ);

  private static final Logger LOG = LoggerFactory.getLogger(DatamintTable.class);

  private final ProjectSnapshot snapshot;
  private final DatamintOptions options;
  private final LabelSchema labels;
  private final ResourceSelection selection;
  private final StructType schema;
  private final Object selectedLock = new Object();
  private List<ResourceSelection.Selected> selected;

  DatamintTable(ProjectSnapshot snapshot, DatamintOptions options) {
    this.snapshot = snapshot;
    this.options = options;
    TargetOptions targets = options.targets();
    LabelSchemaBuilder builder = labelSchemaBuilder(targets);
    List<Annotation> all = new ArrayList<>();
    if (builder.readsAnnotations()) {
      for (Resource resource : snapshot.resources()) {
        for (Annotation a : snapshot.annotationsOf(resource.id())) {
          if (targets.trustedSources().trusts(a)) { // the SDK drops them before its label sets
            all.add(a);
          }
        }
      }
    }
    this.labels = builder.build(snapshot.worklists(), all);
    this.selection =
        ResourceSelection.of(
            options,
            new AnnotationFilter(
                labels,
                targets.allowExternalAnnotations(),
                targets.annotators(),
                targets.segmentationNames(),
                targets.imageLabelNames(),
                targets.frameLabelNames(),
                targets.trustedSources()));
    this.schema = columns(options, labels);
    warnUnknownTypes(selected()); // the selection and the splits fail at load() when they must
  }

  /** One warning per read naming the annotation types the SDK does not know, with counts. */
  private static void warnUnknownTypes(List<ResourceSelection.Selected> selected) {
    List<Annotation> kept = new ArrayList<>();
    for (ResourceSelection.Selected s : selected) {
      kept.addAll(s.annotations());
    }
    String warning = AnnotationTypes.warning(AnnotationTypes.unknown(kept));
    if (warning != null) {
      LOG.warn(warning);
    }
  }

  /**
   * The table a read with {@code options} makes of a project already read into {@code snapshot}:
   * the same label sets, selection and splits as {@code load()}. Public for the prefetch job, which
   * reads the project itself (to keep the server's JSON) and selects its resources exactly as a
   * read would.
   */
  public static DatamintTable of(ProjectSnapshot snapshot, DatamintOptions options) {
    return new DatamintTable(snapshot, options);
  }

  /** What builds the label sets of a read with these targets. */
  static LabelSchemaBuilder labelSchemaBuilder(TargetOptions targets) {
    return new LabelSchemaBuilder(
        targets.worklists(), targets.allowExternalAnnotations(), targets.returnBoxes());
  }

  /** The columns of a read with {@code options} whose label sets are {@code labels}. */
  static StructType columns(DatamintOptions options, LabelSchema labels) {
    return DatamintSchema.resources(
        options.targets(), labels, options.slicePlane() != null, options.frameByFrame());
  }

  @Override
  public String name() {
    return "datamint." + snapshot.project().name();
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
    return new DatamintScanBuilder(this);
  }

  /** The project as read at {@code load()} (public for the catalog's side tables). */
  public ProjectSnapshot snapshot() {
    return snapshot;
  }

  /** The read's resolved options (public for the MLflow lineage). */
  public DatamintOptions options() {
    return options;
  }

  /**
   * The project's label sets and codes, as the read's options define them (public for the catalog).
   */
  public LabelSchema labels() {
    return labels;
  }

  /** The SDK selection of this read, for {@code explain()}. */
  ResourceSelection selection() {
    return selection;
  }

  /**
   * The resources this read covers, before SQL predicates, in source order, with their filtered
   * annotations and their splits. Computed once per table, so every query of a DataFrame sees the
   * same split (public for the catalog).
   */
  public List<ResourceSelection.Selected> selected() {
    synchronized (selectedLock) {
      if (selected == null) {
        selected =
            new DatasetSplitter(options.splits(), Clock.systemUTC())
                .apply(selection.apply(snapshot), snapshot);
      }
      return selected;
    }
  }
}
