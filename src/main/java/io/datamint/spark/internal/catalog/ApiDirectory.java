package io.datamint.spark.internal.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.client.ApiClients;
import io.datamint.spark.internal.api.client.ApiSettings;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.config.DatamintOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projects a Datamint API key can see ({@code GET /projects}, archived ones included), opened
 * with the {@code server_url} and {@code api_key} the catalog resolved and {@code project} = the
 * project id (the catalog's {@code api_*} limits reach the reads as its other options do). The key
 * goes only into those read options, never into a name, a location or a message.
 */
final class ApiDirectory implements ProjectDirectory {

  private final ApiSettings settings;

  ApiDirectory(ApiSettings settings) {
    this.settings = settings;
  }

  @Override
  public List<Project> projects() {
    List<Project> out = new ArrayList<>();
    List<JsonNode> listed;
    try (ApiClients.Lease lease = ApiClients.acquire(settings)) {
      listed = lease.client().projects();
    }
    for (JsonNode project : listed) {
      String id = Json.text(project, "id");
      String name = Json.text(project, "name");
      if (id != null && name != null) {
        out.add(new Project(id, name, settings.baseUrl() + "/projects/" + id));
      }
    }
    return out;
  }

  @Override
  public String describe() {
    return "the Datamint API at " + settings.baseUrl();
  }

  @Override
  public Map<String, String> readOptions(Project project) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put(DatamintOptions.SERVER_URL, settings.baseUrl());
    if (settings.apiKey() != null) {
      options.put(DatamintOptions.API_KEY, settings.apiKey());
    }
    options.put(DatamintOptions.PROJECT, project.key());
    return options;
  }
}
