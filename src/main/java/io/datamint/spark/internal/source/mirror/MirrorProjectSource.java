package io.datamint.spark.internal.source.mirror;

import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.MetadataIssues;
import io.datamint.spark.internal.api.model.Project;
import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.api.model.SplitAssignment;
import io.datamint.spark.internal.api.model.Worklist;
import io.datamint.spark.internal.config.SplitOptions;
import io.datamint.spark.internal.source.JsonItems;
import io.datamint.spark.internal.source.ProjectSource;
import io.datamint.spark.internal.source.ProjectSourceException;
import io.datamint.spark.internal.source.ResourceFileStore;
import io.datamint.spark.internal.split.ProjectSplits;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** A project read from a mirror directory (contracts section 2) through Hadoop's FileSystem. */
public final class MirrorProjectSource implements ProjectSource {

  private final Path projectDir;
  private final FileSystem fs;
  private final Configuration conf;
  private final MirrorFiles files;

  private MirrorProjectSource(Path projectDir, FileSystem fs, Configuration conf) {
    this.projectDir = projectDir;
    this.fs = fs;
    this.conf = conf;
    this.files = new MirrorFiles(fs);
  }

  /**
   * Opens the project mirror in {@code projectDir}.
   *
   * @throws ProjectSourceException when the directory is missing or lacks a required metadata file
   */
  public static MirrorProjectSource open(Path projectDir, Configuration conf) {
    try {
      FileSystem fs = projectDir.getFileSystem(conf);
      Path qualified = fs.makeQualified(projectDir);
      if (!fs.exists(qualified)) {
        throw new ProjectSourceException("project mirror " + qualified + " does not exist");
      }
      List<String> missing = new ArrayList<>();
      for (String name : MirrorLayout.REQUIRED) {
        if (!fs.exists(new Path(qualified, name))) {
          missing.add(name);
        }
      }
      if (!missing.isEmpty()) {
        throw new ProjectSourceException(
            "project mirror "
                + qualified
                + " is missing "
                + String.join(", ", missing)
                + "; a mirror holds "
                + String.join(", ", MirrorLayout.REQUIRED)
                + " (empty files are fine) and files/resources/<resource_id>");
      }
      return new MirrorProjectSource(qualified, fs, conf);
    } catch (IOException e) {
      throw new ProjectSourceException(
          "cannot open project mirror " + projectDir + ": " + e.getMessage(), e);
    }
  }

  /** The project directory, fully qualified. */
  public Path projectDir() {
    return projectDir;
  }

  @Override
  public String describe() {
    return "mirror " + projectDir;
  }

  @Override
  public Project project() {
    Path file = new Path(projectDir, MirrorLayout.PROJECT);
    MetadataIssues issues = MetadataIssues.ofFile(file.toString());
    Project project = JsonItems.apply(files.readDocument(file), Project::fromJson, issues);
    JsonItems.report(issues);
    return project;
  }

  @Override
  public List<Resource> resources() {
    return files.readLines(
        new Path(projectDir, MirrorLayout.RESOURCES), Resource::fromJson, Resource::id, "resource");
  }

  @Override
  public List<Annotation> annotations(List<Resource> resources) {
    return files.readLines(
        new Path(projectDir, MirrorLayout.ANNOTATIONS),
        Annotation::fromJson,
        Annotation::id,
        "annotation");
  }

  @Override
  public List<Worklist> worklists() {
    // an empty worklists.json: a project without worklists
    return files.readList(
        new Path(projectDir, MirrorLayout.WORKLISTS), "worklist", Worklist::fromJson);
  }

  @Override
  public List<SplitAssignment> splitHistory() {
    return files.readLines(new Path(projectDir, MirrorLayout.SPLITS), SplitAssignment::fromJson);
  }

  @Override
  public Map<String, String> splitAssignments(String asOfTimestamp) {
    Instant asOf =
        asOfTimestamp == null
            ? Instant.now()
            : ProjectSplits.parseTimestamp(asOfTimestamp, SplitOptions.AS_OF_TIMESTAMP);
    return ProjectSplits.asOf(splitHistory(), asOf);
  }

  @Override
  public ResourceFileStore fileStore() {
    return MirrorFileStore.of(projectDir, fs, conf);
  }
}
