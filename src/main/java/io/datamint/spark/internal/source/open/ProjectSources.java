package io.datamint.spark.internal.source.open;

import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.config.InvalidOptionException;
import io.datamint.spark.internal.source.ProjectSource;
import io.datamint.spark.internal.source.SplitAssignmentSink;
import io.datamint.spark.internal.source.api.ApiProjectSource;
import io.datamint.spark.internal.source.api.ApiSplitSink;
import io.datamint.spark.internal.source.mirror.MirrorLocator;
import io.datamint.spark.internal.source.mirror.MirrorProjectSource;
import io.datamint.spark.internal.source.mirror.MirrorSplitSink;
import org.apache.hadoop.conf.Configuration;

/**
 * Chooses and opens the project source the options name: a mirror ({@code path}, which wins when
 * both are given) or the Datamint API ({@code server_url} or env {@code DATAMINT_API_URL}, with
 * {@code project}).
 */
public final class ProjectSources {

  private ProjectSources() {}

  /**
   * Opens the project source of a read.
   *
   * @throws InvalidOptionException when the options name no source
   * @throws ProjectSourceException when the source cannot be read
   */
  public static ProjectSource open(DatamintOptions options, Configuration hadoopConf) {
    if (options.path() != null) {
      return MirrorProjectSource.open(
          new MirrorLocator(hadoopConf).resolve(options.path(), options.project()), hadoopConf);
    }
    if (options.serverUrl() != null) {
      if (options.project() == null) {
        throw new InvalidOptionException(
            "reading from the Datamint API at "
                + options.serverUrl()
                + " needs option \""
                + DatamintOptions.PROJECT
                + "\": the project's name or id");
      }
      return ApiProjectSource.open(options.api().settings(), options.project());
    }
    throw new InvalidOptionException(
        "no project source: give option \""
            + DatamintOptions.PATH
            + "\" (or load(path)) with a project mirror directory or a mirror root, plus \""
            + DatamintOptions.PROJECT
            + "\" to choose among several projects; or option \""
            + DatamintOptions.SERVER_URL
            + "\" (or env "
            + DatamintOptions.ENV_API_URL
            + ") with \""
            + DatamintOptions.PROJECT
            + "\" to read from the Datamint API");
  }

  /**
   * Where the split assignments of the project that {@code options} name are written: its mirror,
   * or its Datamint server.
   *
   * @param projectId the project's id, as its snapshot read it
   */
  public static SplitAssignmentSink splitSink(
      DatamintOptions options, Configuration hadoopConf, String projectId) {
    if (options.path() != null) {
      return new MirrorSplitSink(
          new MirrorLocator(hadoopConf).resolve(options.path(), options.project()),
          hadoopConf,
          projectId);
    }
    return new ApiSplitSink(options.api().settings(), projectId);
  }
}
