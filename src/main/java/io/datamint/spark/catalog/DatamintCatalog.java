package io.datamint.spark.catalog;

import io.datamint.spark.DatamintDataSource;
import io.datamint.spark.internal.catalog.CatalogCache;
import io.datamint.spark.internal.catalog.InMemoryTable;
import io.datamint.spark.internal.catalog.MetadataTables;
import io.datamint.spark.internal.catalog.ProjectDirectory;
import io.datamint.spark.internal.catalog.ProjectDirectory.Project;
import io.datamint.spark.internal.catalog.ResourcesTable;
import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.config.InvalidOptionException;
import io.datamint.spark.internal.read.DatamintTable;
import io.datamint.spark.internal.read.DatamintTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.AnalysisException;
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
 * A read-only Spark catalog of Datamint projects, over a mirror root or over the Datamint API:
 *
 * <pre>
 * spark.sql.catalog.datamint            = io.datamint.spark.catalog.DatamintCatalog
 * spark.sql.catalog.datamint.path       = /data/mirrors        (a mirror root: one project mirror per directory)
 *   or
 * spark.sql.catalog.datamint.path       = /tmp/sample          (a project mirror: that one project)
 *   or
 * spark.sql.catalog.datamint.server_url = https://api.datamint.io   (or env DATAMINT_API_URL; the key in env
 *                                                                     DATAMINT_API_KEY or option api_key)
 * SELECT * FROM datamint.`my-project`.resources
 * </pre>
 *
 * <p>Each project is a namespace, named by its name (its id is accepted too): the projects under
 * the root, the one project of a project mirror, or those the API key sees ({@code GET /projects}).
 * A {@code path} that holds no {@code project.json}, itself or in a sub-directory, fails every
 * lookup saying which layouts are accepted. {@code path} wins when both are given, as for reads.
 * Each namespace holds {@code resources} (the data source's read of the project), {@code
 * annotations} (one row per annotation), {@code labels} (label names, category classes and
 * segmentation labels with their codes) and {@code splits} (a mirror's whole split assignment
 * history; the API's current assignments). Every other catalog option is a datamint read option and
 * applies to every table; the session's {@code spark.datamint.*} conf applies too, with lower
 * precedence. Each catalog instance keeps the project listing and the projects it read (their
 * metadata snapshots) for {@code cache_ttl} (default one minute; {@code 0} reads afresh at every
 * lookup), so {@code SHOW TABLES}, {@code DESCRIBE} and the tables of one project read it once;
 * {@code REFRESH TABLE} forgets them, so a refreshed mirror or server is seen by the next query.
 * The {@code annotations}, {@code labels} and {@code splits} tables read the project only when
 * scanned ({@code DESCRIBE} reads nothing); {@code DESCRIBE} of {@code resources} reads only the
 * project's worklists (its resources at its first scan, so a bad resource selection or
 * unsatisfiable splits fail there), unless its labels are inferred from the data or external
 * annotations are allowed. The API key is never shown: not in a table name or property, a message
 * or a log line.
 */
public final class DatamintCatalog implements TableCatalog, SupportsNamespaces {

  /** The table of the project's resources: the default read. */
  public static final String RESOURCES = "resources";

  /** One row per annotation. */
  public static final String ANNOTATIONS = "annotations";

  /** Label names, category classes and segmentation labels, with their codes. */
  public static final String LABELS = "labels";

  /** The split assignments: a mirror's whole history, the API's current assignments. */
  public static final String SPLITS = "splits";

  /** The tables of every namespace, in listing order. */
  public static final List<String> TABLES = List.of(RESOURCES, ANNOTATIONS, LABELS, SPLITS);

  private static final String READ_ONLY = "the datamint catalog is read-only: ";
  private static final String MASK = "*********";
  private static final String SCHEMA_NOT_FOUND = "SCHEMA_NOT_FOUND";
  private static final String TABLE_NOT_FOUND = "TABLE_OR_VIEW_NOT_FOUND";

  private String name;
  private ProjectDirectory directory;
  private Map<String, String> defaults;
  private CatalogCache cache;

  @Override
  public void initialize(String name, CaseInsensitiveStringMap options) {
    this.name = name;
    Map<String, String> given = new LinkedHashMap<>(options.asCaseSensitiveMap());
    String ttl = null;
    for (Map.Entry<String, String> e : options.asCaseSensitiveMap().entrySet()) {
      if (e.getKey().equalsIgnoreCase(CatalogCache.TTL_OPTION)) {
        ttl = e.getValue();
        given.remove(e.getKey());
      }
    }
    this.cache = new CatalogCache(CatalogCache.parseTtl(ttl));
    Map<String, String> rest = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : given.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (key.equals(DatamintOptions.PROJECT)) {
        throw new IllegalArgumentException(
            "option \""
                + DatamintOptions.PROJECT
                + "\" of the datamint catalog \""
                + name
                + "\" is not supported: every project is a namespace (spark.sql.catalog."
                + name
                + "."
                + DatamintOptions.PROJECT
                + ")");
      }
      if (!ProjectDirectory.SOURCE_KEYS.contains(key)) {
        rest.put(e.getKey(), e.getValue());
      }
    }
    // Fails now, naming the option, rather than at the first query.
    try {
      DatamintOptions.resolve(rest, Map.of(), Map.of());
    } catch (InvalidOptionException e) {
      throw new InvalidOptionException(
          "the datamint catalog \""
              + name
              + "\" (options spark.sql.catalog."
              + name
              + ".*): "
              + e.getMessage());
    }
    this.directory = ProjectDirectory.of(name, given, sessionConf(), System.getenv());
    this.defaults = Map.copyOf(rest);
  }

  /**
   * The session conf, for {@code spark.datamint.server_url} and the like; empty outside a session.
   */
  private static Map<String, String> sessionConf() {
    try {
      return scala.jdk.javaapi.CollectionConverters.asJava(SparkSession.active().conf().getAll());
    } catch (IllegalStateException e) {
      return Map.of();
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** The projects, listed at most once per {@code cache_ttl}. */
  private List<Project> projects() {
    return cache.projects(directory::projects);
  }

  /**
   * {@code REFRESH TABLE}: forgets the cached listing and snapshots, so the next lookup reads the
   * mirror or server again.
   */
  @Override
  public void invalidateTable(Identifier ident) {
    cache.invalidate();
  }

  // ---- namespaces
  // ------------------------------------------------------------------------------------------

  @Override
  public String[][] listNamespaces() {
    List<Project> projects = projects();
    String[][] out = new String[projects.size()][];
    for (int i = 0; i < projects.size(); i++) {
      out[i] = new String[] {projects.get(i).name()};
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
    return find(namespace, projects()) != null;
  }

  @Override
  public Map<String, String> loadNamespaceMetadata(String[] namespace)
      throws NoSuchNamespaceException {
    Project project = project(namespace);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("id", String.valueOf(project.id()));
    meta.put("name", String.valueOf(project.name()));
    meta.put("source", directory.describe());
    meta.put(SupportsNamespaces.PROP_LOCATION, project.location());
    return meta;
  }

  @Override
  public void createNamespace(String[] namespace, Map<String, String> metadata) {
    throw readOnly(
        "cannot create namespace "
            + quoted(namespace)
            + " (namespaces are the projects of "
            + directory.describe()
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

  // ---- tables
  // ----------------------------------------------------------------------------------------------

  @Override
  public Identifier[] listTables(String[] namespace) throws NoSuchNamespaceException {
    Project project = project(namespace);
    Identifier[] out = new Identifier[TABLES.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Identifier.of(new String[] {project.name()}, TABLES.get(i));
    }
    return out;
  }

  @Override
  public boolean tableExists(Identifier ident) {
    return TABLES.contains(ident.name().toLowerCase(Locale.ROOT))
        && find(ident.namespace(), projects()) != null;
  }

  @Override
  public Table loadTable(Identifier ident) throws NoSuchTableException {
    String table = ident.name().toLowerCase(Locale.ROOT);
    List<Project> projects = projects();
    Project project = find(ident.namespace(), projects);
    if (project == null && ident.namespace().length == 1) {
      // Spark turns a NoSuchTableException into a TABLE_OR_VIEW_NOT_FOUND of its own that names no
      // project, so the same condition is thrown with the projects in its message
      // (spark.catalog.tableExists still says false), through AnalysisException's public (error
      // condition, parameters) constructor.
      String relation = quote(name) + "." + quoted(ident.namespace()) + "." + quote(ident.name());
      // Spark 4.2 added <searchPath> to the condition's message; 4.1 ignores the extra parameter
      throw DatamintCatalog.<RuntimeException>undeclared(
          new AnalysisException(
              TABLE_NOT_FOUND,
              scalaMap(
                      "relationName",
                      relation + " " + unknownProject(ident.namespace()[0], projects))
                  .updated("searchPath", "[" + quote(name) + "]")));
    }
    if (project == null || !TABLES.contains(table)) {
      throw new NoSuchTableException(ident);
    }
    String display = name + "." + quote(project.name()) + "." + table;
    Map<String, String> properties = properties(project, table);
    // the metadata tables read the project at their first scan: DESCRIBE reads nothing; the
    // resources table reads only the worklists, unless its labels need the annotations
    return switch (table) {
      case RESOURCES ->
          new ResourcesTable(
              display,
              DatamintTables.defer(SparkSession.active(), options(project, Map.of()), cache),
              properties,
              extra -> read(project, extra));
      case ANNOTATIONS ->
          new InMemoryTable(
              display,
              MetadataTables.ANNOTATIONS_SCHEMA,
              () -> MetadataTables.annotations(read(project, Map.of())),
              properties);
      case LABELS ->
          new InMemoryTable(
              display,
              MetadataTables.LABELS_SCHEMA,
              () -> MetadataTables.labels(read(project, Map.of())),
              properties);
      default ->
          new InMemoryTable(
              display,
              MetadataTables.SPLITS_SCHEMA,
              () -> MetadataTables.splits(read(project, Map.of())),
              properties);
    };
  }

  @Override
  public Table createTable(Identifier ident, TableInfo tableInfo) {
    throw readOnly("cannot create table " + ident);
  }

  @Override
  public Table createTable(
      Identifier ident, Column[] columns, Transform[] partitions, Map<String, String> properties) {
    throw readOnly("cannot create table " + ident);
  }

  @Override
  @SuppressWarnings("deprecation")
  public Table createTable(
      Identifier ident, StructType schema, Transform[] partitions, Map<String, String> properties) {
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

  // ---- helpers
  // ---------------------------------------------------------------------------------------------

  /**
   * Reads a project with the catalog's options, {@code extra} options over them, and the
   * directory's options that open it (source and project).
   */
  private DatamintTable read(Project project, Map<String, String> extra) {
    return DatamintTables.load(SparkSession.active(), options(project, extra), cache);
  }

  /**
   * The read options of a project: the catalog's options, {@code extra} options over them, and the
   * directory's options that open it.
   */
  private Map<String, String> options(Project project, Map<String, String> extra) {
    Map<String, String> options = new LinkedHashMap<>(defaults);
    for (Map.Entry<String, String> e : extra.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (key.equals(DatamintOptions.PROJECT) || ProjectDirectory.SOURCE_KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "option \""
                + key
                + "\" cannot be given to a table of the datamint "
                + "catalog \""
                + name
                + "\": the catalog chooses the source and the namespace names the project");
      }
      options.keySet().removeIf(k -> k.equalsIgnoreCase(e.getKey()));
      options.put(e.getKey(), e.getValue());
    }
    options.putAll(directory.readOptions(project));
    return options;
  }

  private Map<String, String> properties(Project project, String table) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put(TableCatalog.PROP_PROVIDER, DatamintDataSource.SHORT_NAME);
    props.put(TableCatalog.PROP_LOCATION, project.location());
    props.put("datamint.source", directory.describe());
    props.put("datamint.table", table);
    props.put("datamint.project.id", String.valueOf(project.id()));
    props.put("datamint.project.name", String.valueOf(project.name()));
    for (Map.Entry<String, String> e : defaults.entrySet()) {
      props.put(TableCatalog.OPTION_PREFIX + e.getKey(), secret(e.getKey()) ? MASK : e.getValue());
    }
    return props;
  }

  /**
   * Whether an option's value is masked: keys and passwords (the API key never reaches the
   * properties anyway).
   */
  private static boolean secret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("key")
        || k.contains("secret")
        || k.contains("password")
        || k.contains("token")
        || k.contains("credential");
  }

  /**
   * The project a one-level namespace names (by name, then by id, then by name ignoring case), or
   * null.
   */
  private static Project find(String[] namespace, List<Project> projects) {
    if (namespace.length != 1) {
      return null;
    }
    String wanted = namespace[0];
    for (Project project : projects) {
      if (wanted.equals(project.name())) {
        return project;
      }
    }
    for (Project project : projects) {
      if (wanted.equals(project.id())) {
        return project;
      }
    }
    for (Project project : projects) {
      if (wanted.equalsIgnoreCase(project.name())) {
        return project;
      }
    }
    return null;
  }

  private Project project(String[] namespace) throws NoSuchNamespaceException {
    List<Project> projects = projects();
    Project project = find(namespace, projects);
    if (project == null) {
      throw namespace.length == 1
          ? new NoSuchNamespaceException(
              SCHEMA_NOT_FOUND,
              scalaMap(
                  "schemaName", quote(namespace[0]) + " " + unknownProject(namespace[0], projects)))
          : new NoSuchNamespaceException(namespace);
    }
    return project;
  }

  /**
   * Why a namespace names no project, and which projects there are (names and ids only), in
   * parentheses.
   */
  private String unknownProject(String wanted, List<Project> projects) {
    List<String> known = new ArrayList<>();
    for (Project project : projects) {
      known.add(quote(project.name()) + (project.id() == null ? "" : " (id " + project.id() + ")"));
    }
    return "(no project named or with id \""
        + wanted
        + "\" in "
        + directory.describe()
        + "; "
        + (known.isEmpty() ? "it has no projects" : "its projects are " + String.join(", ", known))
        + ")";
  }

  private static scala.collection.immutable.Map<String, String> scalaMap(String key, String value) {
    return scala.collection.immutable.Map$.MODULE$.<String, String>empty().updated(key, value);
  }

  /**
   * Throws {@code e}, checked or not, from a method that does not declare it (as Spark's Scala code
   * does).
   */
  @SuppressWarnings("unchecked")
  private static <E extends Exception> RuntimeException undeclared(Exception e) throws E {
    throw (E) e;
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
