package io.datamint.spark.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a catalog's projects come from: the Datamint API (the local server over a mirror root) of
 * the catalog's options, else of the session conf, else of the environment; a mirror when {@code
 * path} is given. The catalog's queries over both are {@code catalog.DatamintCatalogApiTest}'s.
 */
class ProjectDirectoryTest {

  private static final String KEY = "dm-catalog-key-5e1f7a";

  @TempDir static Path root;
  private static SampleProject.Summary sample;
  private static DatamintApiServer server;

  @BeforeAll
  static void setUp() throws Exception {
    sample = SampleProject.write(root.resolve("sample"), SampleProject.DEFAULT_SEED);
    server = DatamintApiServer.start(root, 0, Optional.of(KEY), FaultPlan.NONE);
  }

  @AfterAll
  static void tearDown() {
    server.close();
  }

  @Test
  void theServerComesFromTheCatalogElseTheSessionElseTheEnvironment() {
    Map<String, String> env = Map.of("DATAMINT_API_URL", server.url(), "DATAMINT_API_KEY", KEY);
    ProjectDirectory fromEnv = ProjectDirectory.of("c", Map.of(), Map.of(), env);
    assertThat(fromEnv).isInstanceOf(ApiDirectory.class);
    assertThat(fromEnv.describe())
        .isEqualTo("the Datamint API at " + server.url())
        .doesNotContain(KEY);
    assertThat(fromEnv.projects())
        .extracting(ProjectDirectory.Project::name)
        .containsExactly(SampleProject.NAME);
    ProjectDirectory.Project project = fromEnv.projects().get(0);
    assertThat(fromEnv.readOptions(project))
        .containsEntry("server_url", server.url())
        .containsEntry("api_key", KEY)
        .containsEntry("project", sample.projectId());

    ProjectDirectory fromSession =
        ProjectDirectory.of(
            "c",
            Map.of(),
            Map.of("spark.datamint.server_url", server.url(), "spark.datamint.api_key", KEY),
            Map.of("DATAMINT_API_URL", "http://127.0.0.1:9"));
    assertThat(fromSession.projects()).hasSize(1);
    ProjectDirectory fromCatalog =
        ProjectDirectory.of(
            "c",
            Map.of("SERVER_URL", server.url(), "api_key", KEY),
            Map.of(),
            Map.of("DATAMINT_API_URL", "http://127.0.0.1:9"));
    assertThat(fromCatalog.projects()).hasSize(1);
    assertThat(ProjectDirectory.of("c", Map.of("path", root.toString()), Map.of(), env))
        .isInstanceOf(MirrorDirectory.class);
    assertThatThrownBy(() -> ProjectDirectory.of("c", Map.of("api_key", KEY), Map.of(), Map.of()))
        .hasMessageContaining("spark.sql.catalog.c.path")
        .hasMessageContaining("spark.sql.catalog.c.server_url")
        .hasMessageContaining("DATAMINT_API_URL")
        .hasMessageNotContaining(KEY);
  }
}
