package io.datamint.spark.internal.catalog;

import io.datamint.spark.internal.config.DatamintOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Where a {@code DatamintCatalog}'s projects come from: how they are listed and which read options
 * open one. The catalog's tables are the same whatever the directory; only this differs between a
 * mirror root ({@link MirrorDirectory}) and a Datamint server ({@link ApiDirectory}). Nothing a
 * directory returns for display ({@link #describe()}, {@link Project#location()}) holds the API
 * key.
 */
public interface ProjectDirectory {

  /**
   * One project of the directory.
   *
   * @param id the project id (null when a mirror's project.json has none)
   * @param name the project name
   * @param location where it is: a mirror directory, or the project's API URL
   */
  record Project(String id, String name, String location) {

    /** What option {@code project} names it by: its id, else its name. */
    String key() {
      return id != null ? id : name;
    }
  }

  /** The projects, in listing order; every call asks the source afresh. */
  List<Project> projects();

  /**
   * Where the projects are, for messages and {@code DESCRIBE}: "mirror root ..." or "the Datamint
   * API at ...".
   */
  String describe();

  /** The read options that open {@code project} (the source's keys and {@code project}). */
  Map<String, String> readOptions(Project project);

  /**
   * The keys a catalog option map uses to choose its directory; they are not read options of its
   * tables.
   */
  List<String> SOURCE_KEYS =
      List.of(DatamintOptions.PATH, DatamintOptions.SERVER_URL, DatamintOptions.API_KEY);

  /**
   * The directory a catalog's options name: a mirror root or a single project mirror ({@code path},
   * which wins when {@code server_url} is given too, as for reads), else the Datamint API ({@code
   * server_url} and {@code api_key} with the {@code api_*} limits, each from the catalog's options,
   * else the session's {@code spark.datamint.*} conf, else the environment {@code DATAMINT_API_URL}
   * / {@code DATAMINT_API_KEY}).
   *
   * @param catalog the catalog's name, for messages
   * @param options the catalog's options (keys in any case)
   * @param sessionConf the session conf
   * @param env the process environment
   * @throws IllegalArgumentException when neither a path nor a server URL is given
   */
  static ProjectDirectory of(
      String catalog,
      Map<String, String> options,
      Map<String, String> sessionConf,
      Map<String, String> env) {
    String path = value(options, DatamintOptions.PATH);
    Map<String, String> rest = new LinkedHashMap<>(options);
    rest.keySet().removeIf(k -> k.equalsIgnoreCase(DatamintOptions.PATH));
    if (path != null) {
      if (value(options, DatamintOptions.SERVER_URL) != null) {
        LoggerFactory.getLogger(ProjectDirectory.class)
            .info(
                "datamint catalog \"{}\": both {} and {} are set; "
                    + "serving the mirror root {} (path wins, as for reads)",
                catalog,
                DatamintOptions.PATH,
                DatamintOptions.SERVER_URL,
                path);
      }
      Map<String, String> hadoop = new LinkedHashMap<>();
      rest.forEach(
          (k, v) -> {
            if (k.startsWith(DatamintOptions.HADOOP_PREFIX)) {
              hadoop.put(k, v);
            }
          });
      return new MirrorDirectory(catalog, path, hadoop);
    }
    DatamintOptions resolved = DatamintOptions.resolve(rest, sessionConf, env);
    if (resolved.serverUrl() == null) {
      String prefix = "spark.sql.catalog." + catalog + ".";
      throw new IllegalArgumentException(
          "the datamint catalog \""
              + catalog
              + "\" needs a source: set "
              + prefix
              + DatamintOptions.PATH
              + " to a mirror root (a directory holding one project mirror per sub-directory) or "
              + "a project mirror (a directory holding project.json), or "
              + prefix
              + DatamintOptions.SERVER_URL
              + " (or env "
              + DatamintOptions.ENV_API_URL
              + ") to a Datamint API, with the key in env "
              + DatamintOptions.ENV_API_KEY
              + " (or "
              + prefix
              + DatamintOptions.API_KEY
              + ")");
    }
    return new ApiDirectory(resolved.api().settings());
  }

  private static String value(Map<String, String> options, String key) {
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(key)
          && e.getValue() != null
          && !e.getValue().isBlank()) {
        return e.getValue().trim();
      }
    }
    return null;
  }
}
