package io.datamint.spark.internal.catalog;

import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.source.ProjectSourceException;
import io.datamint.spark.internal.source.mirror.MirrorLocator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The projects of a catalog's {@code path} (any Hadoop file system), in either layout the data
 * source reads: a mirror root, whose sub-directories holding a {@code project.json} are its
 * projects in directory-name order, or a project mirror (what {@code bin/datamint-sample DIR}
 * writes), which is the one project. Each is opened with {@code path} = its directory. A path that
 * is neither fails every lookup with a message naming the catalog option and the accepted layouts.
 */
final class MirrorDirectory implements ProjectDirectory {

  private final String catalog;
  private final String root;
  private final Map<String, String> hadoopOptions;

  /**
   * @param catalog the catalog's name, for messages
   * @param root the catalog's {@code path}: a mirror root or a project mirror
   * @param hadoopOptions the catalog's {@code fs.*} options, for the root's file system
   */
  MirrorDirectory(String catalog, String root, Map<String, String> hadoopOptions) {
    this.catalog = catalog;
    this.root = root;
    this.hadoopOptions = Map.copyOf(hadoopOptions);
  }

  @Override
  public List<Project> projects() {
    List<MirrorLocator.MirrorEntry> entries;
    try {
      entries = locator().projects(root);
    } catch (ProjectSourceException e) {
      throw new ProjectSourceException(
          "the datamint catalog \""
              + catalog
              + "\" has no projects at spark.sql.catalog."
              + catalog
              + "."
              + DatamintOptions.PATH
              + " = "
              + root
              + ": "
              + e.getMessage(),
          e);
    }
    List<Project> out = new ArrayList<>();
    for (MirrorLocator.MirrorEntry entry : entries) {
      out.add(new Project(entry.id(), entry.name(), entry.directory().toString()));
    }
    return out;
  }

  @Override
  public String describe() {
    return (locator().isProjectMirror(root) ? "project mirror " : "mirror root ") + root;
  }

  @Override
  public Map<String, String> readOptions(Project project) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put(DatamintOptions.PATH, project.location());
    options.put(DatamintOptions.PROJECT, project.key());
    return options;
  }

  private MirrorLocator locator() {
    Configuration conf = SparkSession.active().sessionState().newHadoopConf();
    hadoopOptions.forEach(conf::set);
    return new MirrorLocator(conf);
  }
}
