package io.datamint.spark.catalog;

import io.datamint.spark.config.DatamintOptions;
import io.datamint.spark.source.mirror.MirrorLocator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The projects under a mirror root (any Hadoop file system): each sub-directory holding a {@code project.json}, in
 * directory-name order, opened with {@code path} = its directory.
 */
final class MirrorDirectory implements ProjectDirectory {

  private final String root;
  private final Map<String, String> hadoopOptions;

  /**
   * @param root the mirror root
   * @param hadoopOptions the catalog's {@code fs.*} options, for the root's file system
   */
  MirrorDirectory(String root, Map<String, String> hadoopOptions) {
    this.root = root;
    this.hadoopOptions = Map.copyOf(hadoopOptions);
  }

  @Override
  public List<Project> projects() {
    Configuration conf = SparkSession.active().sessionState().newHadoopConf();
    hadoopOptions.forEach(conf::set);
    List<Project> out = new ArrayList<>();
    for (MirrorLocator.MirrorEntry entry : new MirrorLocator(conf).list(root)) {
      out.add(new Project(entry.id(), entry.name(), entry.directory().toString()));
    }
    return out;
  }

  @Override
  public String describe() {
    return "mirror root " + root;
  }

  @Override
  public Map<String, String> readOptions(Project project) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put(DatamintOptions.PATH, project.location());
    options.put(DatamintOptions.PROJECT, project.key());
    return options;
  }
}
