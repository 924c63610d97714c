package io.datamint.spark.catalog;

import io.datamint.spark.config.DatamintOptions;
import io.datamint.spark.read.DatamintTable;
import io.datamint.spark.read.DatamintTableProvider;
import io.datamint.spark.source.mirror.MirrorLocator;
import io.datamint.spark.source.mirror.MirrorLocator.MirrorEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.connector.catalog.Column;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.NamespaceChange;
import org.apache.spark.sql.connector.catalog.SupportsNamespaces;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.catalog.TableInfo;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A read-only Spark catalog of Datamint projects:
 *
 * <pre>
 * spark.sql.catalog.datamint      = io.datamint.spark.catalog.DatamintCatalog
 * spark.sql.catalog.datamint.path = /data/mirrors        (a mirror root: one project mirror per directory)
 * SELECT * FROM datamint.`my-project`.resources
 * </pre>
 *
 * <p>Each project under the root is a namespace, named by its {@code project.json} name (its id is accepted too).
 * Each namespace holds {@code resources} (the data source's read of the project), {@code annotations} (one row per
 * annotation), {@code labels} (label names, category classes and segmentation labels with their codes) and
 * {@code splits} (the split assignment history). Every catalog option besides {@code path} is a datamint read
 * option and applies to every table; the session's {@code spark.datamint.*} conf applies too, with lower
 * precedence. Projects are listed and read at each lookup, so a refreshed mirror is seen by the next query.
 */
public final class DatamintCatalog implements TableCatalog, SupportsNamespaces {

  /** The table of the project's resources: the default read. */
  public static final String RESOURCES = "resources";
  /** One row per annotation. */
  public static final String ANNOTATIONS = "annotations";
  /** Label names, category classes and segmentation labels, with their codes. */
  public static final String LABELS = "labels";
  /** The split assignment history. */
  public static final String SPLITS = "splits";
  /** The tables of every namespace, in listing order. */
  public static final List<String> TABLES = List.of(RESOURCES, ANNOTATIONS, LABELS, SPLITS);

  private static final String READ_ONLY = "the datamint catalog is read-only: ";

  private String name;
  private String root;
  private Map<String, String> defaults;

  @Override
  public void initialize(String name, CaseInsensitiveStringMap options) {
    this.name = name;
    String path = options.get(DatamintOptions.PATH);
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("the datamint catalog \"" + name + "\" needs option \""
          + DatamintOptions.PATH + "\": set spark.sql.catalog." + name + "." + DatamintOptions.PATH
          + " to a mirror root (a directory holding one project mirror per sub-directory); catalogs over the "
          + "Datamint API are not supported yet");
    }
    this.root = path;
    Map<String, String> rest = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : options.asCaseSensitiveMap().entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (key.equals(DatamintOptions.PROJECT)) {
        throw new IllegalArgumentException("option \"" + DatamintOptions.PROJECT + "\" of the datamint catalog \""
            + name + "\" is not supported: every project under the root is a namespace (spark.sql.catalog." + name
            + "." + DatamintOptions.PROJECT + ")");
      }
      if (!key.equals(DatamintOptions.PATH)) {
        rest.put(e.getKey(), e.getValue());
      }
    }
    // Fails now, naming the option, rather than at the first query.
    DatamintOptions.resolve(rest, Map.of(), Map.of());
    this.defaults = Map.copyOf(rest);
  }

  @Override
  public String name() {
    return name;
  }

  // ---- namespaces ------------------------------------------------------------------------------------------

  @Override
  public String[][] listNamespaces() {
    List<MirrorEntry> entries = projects();
    String[][] out = new String[entries.size()][];
    for (int i = 0; i < entries.size(); i++) {
      out[i] = new String[] {entries.get(i).name()};
    }
    return out;
  }

  @Override
  public String[][] listNamespaces(String[] namespace) throws NoSuchNamespaceException {
    if (namespace.length == 0) {
      return listNamespaces();
    }
    project(namespace);
    return new String[0][];
  }

  @Override
  public boolean namespaceExists(String[] namespace) {
    return find(namespace) != null;
  }

  @Override
  public Map<String, String> loadNamespaceMetadata(String[] namespace) throws NoSuchNamespaceException {
    MirrorEntry entry = project(namespace);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("id", String.valueOf(entry.id()));
    meta.put("name", String.valueOf(entry.name()));
    meta.put("directory", entry.directory().toString());
    meta.put(SupportsNamespaces.PROP_LOCATION, entry.directory().toString());
    return meta;
  }

  @Override
  public void createNamespace(String[] namespace, Map<String, String> metadata) {
    throw readOnly("cannot create namespace " + quoted(namespace) + " (namespaces are the projects under " + root
        + ")");
  }

  @Override
  public void alterNamespace(String[] namespace, NamespaceChange... changes) {
    throw readOnly("cannot alter namespace " + quoted(namespace));
  }

  @Override
  public boolean dropNamespace(String[] namespace, boolean cascade) {
    throw readOnly("cannot drop namespace " + quoted(namespace));
  }

  // ---- tables ----------------------------------------------------------------------------------------------

  @Override
  public Identifier[] listTables(String[] namespace) throws NoSuchNamespaceException {
    MirrorEntry entry = project(namespace);
    Identifier[] out = new Identifier[TABLES.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Identifier.of(new String[] {entry.name()}, TABLES.get(i));
    }
    return out;
  }

  @Override
  public boolean tableExists(Identifier ident) {
    return find(ident.namespace()) != null && TABLES.contains(ident.name().toLowerCase(Locale.ROOT));
  }

  @Override
  public Table loadTable(Identifier ident) throws NoSuchTableException {
    String table = ident.name().toLowerCase(Locale.ROOT);
    MirrorEntry entry = find(ident.namespace());
    if (entry == null || !TABLES.contains(table)) {
      throw new NoSuchTableException(ident);
    }
    DatamintTable resources = read(entry, Map.of());
    String display = name + "." + quote(entry.name()) + "." + table;
    Map<String, String> properties = properties(entry, table);
    return switch (table) {
      case RESOURCES -> new ResourcesTable(display, resources, properties, extra -> read(entry, extra));
      case ANNOTATIONS -> new InMemoryTable(display, MetadataTables.ANNOTATIONS_SCHEMA,
          MetadataTables.annotations(resources), properties);
      case LABELS -> new InMemoryTable(display, MetadataTables.LABELS_SCHEMA, MetadataTables.labels(resources),
          properties);
      default -> new InMemoryTable(display, MetadataTables.SPLITS_SCHEMA, MetadataTables.splits(resources),
          properties);
    };
  }

  @Override
  public Table createTable(Identifier ident, TableInfo tableInfo) {
    throw readOnly("cannot create table " + ident);
  }

  @Override
  public Table createTable(Identifier ident, Column[] columns, Transform[] partitions,
      Map<String, String> properties) {
    throw readOnly("cannot create table " + ident);
  }

  @Override
  @SuppressWarnings("deprecation")
  public Table createTable(Identifier ident, StructType schema, Transform[] partitions,
      Map<String, String> properties) {
    throw readOnly("cannot create table " + ident);
  }

  @Override
  public Table alterTable(Identifier ident, TableChange... changes) {
    throw readOnly("cannot alter table " + ident);
  }

  @Override
  public boolean dropTable(Identifier ident) {
    throw readOnly("cannot drop table " + ident);
  }

  @Override
  public void renameTable(Identifier oldIdent, Identifier newIdent) {
    throw readOnly("cannot rename table " + oldIdent);
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** Reads a project with the catalog's options, {@code extra} options over them, and its own path and id. */
  private DatamintTable read(MirrorEntry entry, Map<String, String> extra) {
    Map<String, String> options = new LinkedHashMap<>(defaults);
    for (Map.Entry<String, String> e : extra.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (key.equals(DatamintOptions.PATH) || key.equals(DatamintOptions.PROJECT)) {
        throw new IllegalArgumentException("option \"" + key + "\" cannot be given to a table of the datamint "
            + "catalog \"" + name + "\": the namespace names the project");
      }
      options.keySet().removeIf(k -> k.equalsIgnoreCase(e.getKey()));
      options.put(e.getKey(), e.getValue());
    }
    options.put(DatamintOptions.PATH, entry.directory().toString());
    options.put(DatamintOptions.PROJECT, entry.id() != null ? entry.id() : entry.name());
    return DatamintTableProvider.loadTable(SparkSession.active(), options);
  }

  private Map<String, String> properties(MirrorEntry entry, String table) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put(TableCatalog.PROP_PROVIDER, DatamintTableProvider.SHORT_NAME);
    props.put(TableCatalog.PROP_LOCATION, entry.directory().toString());
    props.put("datamint.table", table);
    props.put("datamint.project.id", String.valueOf(entry.id()));
    props.put("datamint.project.name", String.valueOf(entry.name()));
    for (Map.Entry<String, String> e : defaults.entrySet()) {
      boolean secret = e.getKey().equalsIgnoreCase(DatamintOptions.API_KEY)
          || e.getKey().toLowerCase(Locale.ROOT).contains("secret")
          || e.getKey().toLowerCase(Locale.ROOT).contains("password");
      props.put(TableCatalog.OPTION_PREFIX + e.getKey(), secret ? "*********" : e.getValue());
    }
    return props;
  }

  private List<MirrorEntry> projects() {
    return new MirrorLocator(hadoopConf()).list(root);
  }

  private Configuration hadoopConf() {
    Configuration conf = SparkSession.active().sessionState().newHadoopConf();
    for (Map.Entry<String, String> e : defaults.entrySet()) {
      if (e.getKey().startsWith(DatamintOptions.HADOOP_PREFIX)) {
        conf.set(e.getKey(), e.getValue());
      }
    }
    return conf;
  }

  /** The project a one-level namespace names (by name, then by id, then by name ignoring case), or null. */
  private MirrorEntry find(String[] namespace) {
    if (namespace.length != 1) {
      return null;
    }
    String wanted = namespace[0];
    List<MirrorEntry> entries = projects();
    for (MirrorEntry entry : entries) {
      if (wanted.equals(entry.name())) {
        return entry;
      }
    }
    for (MirrorEntry entry : entries) {
      if (wanted.equals(entry.id())) {
        return entry;
      }
    }
    for (MirrorEntry entry : entries) {
      if (wanted.equalsIgnoreCase(entry.name())) {
        return entry;
      }
    }
    return null;
  }

  private MirrorEntry project(String[] namespace) throws NoSuchNamespaceException {
    MirrorEntry entry = find(namespace);
    if (entry == null) {
      throw new NoSuchNamespaceException(namespace);
    }
    return entry;
  }

  private static UnsupportedOperationException readOnly(String what) {
    return new UnsupportedOperationException(READ_ONLY + what);
  }

  private static String quoted(String[] namespace) {
    List<String> parts = new ArrayList<>();
    for (String part : namespace) {
      parts.add(quote(part));
    }
    return String.join(".", parts);
  }

  private static String quote(String part) {
    return "`" + part.replace("`", "``") + "`";
  }
}
