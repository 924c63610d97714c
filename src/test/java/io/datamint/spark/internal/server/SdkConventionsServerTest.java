package io.datamint.spark.internal.server;

import static io.datamint.spark.internal.server.ServerTestSupport.get;
import static io.datamint.spark.internal.server.ServerTestSupport.json;
import static io.datamint.spark.internal.server.ServerTestSupport.lines;
import static io.datamint.spark.internal.server.ServerTestSupport.post;
import static io.datamint.spark.internal.server.ServerTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.sample.SampleProject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The endpoints and conventions the real Datamint SDK relies on (docs/sdk-api-calls.md): {@code GET
 * /resources} with the SDK's JSON filters and paging, {@code GET /annotations/{id}}, worklists with
 * {@code annotators}, the legacy v2.17 {@code DatamintDataset}'s {@code GET /datasets} and its
 * annotation search, and the record of requests the server does not implement.
 */
class SdkConventionsServerTest {

  @RegisterExtension static final SampleServer SAMPLE = new SampleServer();

  @BeforeEach
  void forgetUnknownRequests() {
    SAMPLE.server().unknownRequests().reset();
  }

  private static String resources(String query) {
    return SAMPLE.url() + "/resources?" + query;
  }

  private static String filter(String items, String type) {
    return URLEncoder.encode(
        "{\"items\": [" + items + "], \"filterType\": \"" + type + "\"}", StandardCharsets.UTF_8);
  }

  /** The resources of a {@code GET /resources} answer, checked to be in the API's envelope. */
  private static List<JsonNode> listed(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("data")).hasSize(1);
    List<JsonNode> out = new ArrayList<>();
    body.get("data").get(0).get("resources").forEach(out::add);
    assertThat(body.get("totalCount").asLong()).isGreaterThanOrEqualTo(out.size());
    return out;
  }

  @Test
  void listsResourcesOfAProjectNamedInTheSdksJsonFilterPageByPage() throws Exception {
    List<ObjectNode> expected = lines(SAMPLE.dir().resolve("resources.jsonl"));
    String project = "project=" + filter("\"" + SampleProject.NAME + "\"", "intersection");
    assertThat(listed(get(resources("status=&" + project)))).containsExactlyElementsOf(expected);

    List<JsonNode> paged = new ArrayList<>();
    int requests = 0;
    while (true) {
      List<JsonNode> page =
          listed(get(resources(project + "&offset=" + paged.size() + "&limit=5")));
      requests++;
      paged.addAll(page);
      if (page.size() < 5) {
        break;
      }
    }
    assertThat(paged).containsExactlyElementsOf(expected);
    assertThat(requests).isEqualTo(expected.size() / 5 + 1);
    assertThat(json(get(resources(project + "&limit=5"))).get("totalCount").asInt())
        .isEqualTo(expected.size());

    assertThat(listed(get(resources("project=" + filter("\"no such project\"", "union")))))
        .isEmpty();
    assertThat(
            listed(
                get(
                    resources(
                        "project="
                            + filter(
                                "\"" + SampleProject.NAME + "\", \"no such project\"",
                                "intersection")))))
        .isEmpty();
    assertThat(SAMPLE.server().unknownRequests().count()).isZero();
  }

  @Test
  void filtersResourcesByTagsStatusAndMimetype() throws Exception {
    List<ObjectNode> all = lines(SAMPLE.dir().resolve("resources.jsonl"));
    List<JsonNode> ct =
        listed(get(resources("tags=" + filter("\"ct\", \"no-such-tag\"", "union"))));
    assertThat(ct)
        .isNotEmpty()
        .containsExactlyElementsOf(
            all.stream()
                .filter(r -> r.get("tags").toString().contains("\"ct\""))
                .map(JsonNode.class::cast)
                .toList());
    List<JsonNode> png = listed(get(resources("mimetype=image%2Fpng")));
    assertThat(png).isNotEmpty().allMatch(r -> r.get("mimetype").asText().equals("image/png"));
    List<JsonNode> published = listed(get(resources("status=published")));
    assertThat(published)
        .hasSize(
            (int) all.stream().filter(r -> r.get("status").asText().equals("published")).count());
  }

  @Test
  void answersOneAnnotationById() throws Exception {
    for (ObjectNode a : lines(SAMPLE.dir().resolve("annotations.jsonl"))) {
      assertThat(json(get(SAMPLE.url() + "/annotations/" + a.get("id").asText()))).isEqualTo(a);
    }
    HttpResponse<byte[]> missing = get(SAMPLE.url() + "/annotations/no-such-annotation");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(text(missing)).contains("not found");
  }

  @Test
  void listsTheProjectsDatasetWithItsResourcesAndLatestChangeAsTheLegacyClassReadsIt()
      throws Exception {
    JsonNode project = json(get(SAMPLE.url() + "/projects")).get("data").get(0);
    JsonNode datasets = json(get(SAMPLE.url() + "/datasets?offset=0&limit=5000")).get("data");
    assertThat(datasets).hasSize(1);
    JsonNode d = datasets.get(0);
    assertThat(d.get("id").asText()).isEqualTo(project.get("dataset_id").asText());
    List<String> ids = new ArrayList<>();
    lines(SAMPLE.dir().resolve("resources.jsonl")).forEach(r -> ids.add(r.get("id").asText()));
    assertThat(d.get("resource_ids")).extracting(JsonNode::asText).containsExactlyElementsOf(ids);
    assertThat(d.get("total_resource").asInt()).isEqualTo(ids.size());
    String latest =
        lines(SAMPLE.dir().resolve("annotations.jsonl")).stream()
            .map(a -> a.get("created_at").asText())
            .max(String::compareTo)
            .orElseThrow();
    assertThat(d.get("updated_at").asText()).isEqualTo(latest);
    for (String field : List.of("name", "created_at", "created_by", "description", "customer_id")) {
      assertThat(d.get(field).isTextual()).as(field + " of " + d).isTrue();
    }
    assertThat(json(get(SAMPLE.url() + "/datasets?offset=1&limit=5000")).get("data")).isEmpty();
    assertThat(SAMPLE.server().unknownRequests().count()).isZero();
  }

  @Test
  void searchesTheLegacyWayByWorklistAndStatusWithoutModelSegmentations() throws Exception {
    List<ObjectNode> all = lines(SAMPLE.dir().resolve("annotations.jsonl"));
    String worklist = all.get(0).get("annotation_worklist_id").asText();
    String body =
        "{\"annotation_worklist_id\": \""
            + worklist
            + "\", \"load_ai_segmentations\": false, \"offset\": \"0\", \"limit\": \"5000\"}";
    JsonNode found = json(post(SAMPLE.url() + "/annotations/search", body));
    List<JsonNode> expected =
        all.stream()
            .filter(a -> a.get("annotation_worklist_id").asText().equals(worklist))
            .filter(
                a ->
                    !(a.path("is_model").asBoolean()
                        && a.path("annotation_type")
                            .asText(a.path("type").asText())
                            .equals("segmentation")))
            .map(JsonNode.class::cast)
            .toList();
    assertThat(found).containsExactlyElementsOf(expected);
    assertThat(expected.size())
        .as("the model's segmentation is left out")
        .isLessThan(
            (int)
                all.stream()
                    .filter(a -> a.get("annotation_worklist_id").asText().equals(worklist))
                    .count());
  }

  @Test
  void givesEveryWorklistItsAnnotatorsAndNameAsTheSdkRequires() throws Exception {
    String projectId = json(get(SAMPLE.url() + "/projects")).get("data").get(0).get("id").asText();
    JsonNode worklists = json(get(SAMPLE.url() + "/projects/" + projectId + "/worklists"));
    assertThat(worklists.isArray()).isTrue();
    assertThat(worklists).isNotEmpty();
    for (JsonNode w : worklists) {
      assertThat(w.get("annotators").isArray()).as(w.toString()).isTrue();
      assertThat(w.get("worklist_name").isTextual()).as(w.toString()).isTrue();
      assertThat(w.has("name")).as("the SDK renames worklist_name to name").isFalse();
      JsonNode one = json(get(SAMPLE.url() + "/annotationsets/" + w.get("worklist_id").asText()));
      assertThat(one.get("name").asText()).isEqualTo(w.get("worklist_name").asText());
      assertThat(one.get("annotators").isArray()).isTrue();
    }
  }

  @Test
  void logsCountsAndListsRequestsItDoesNotImplement() throws Exception {
    HttpResponse<byte[]> unknownPath = get(SAMPLE.url() + "/resources/x/frames/3?size=2");
    assertThat(unknownPath.statusCode()).isEqualTo(404);
    assertThat(json(unknownPath).get("error").asText())
        .startsWith("not found:")
        .contains("unsupported request GET /resources/x/frames/3");
    HttpResponse<byte[]> wrongMethod = post(SAMPLE.url() + "/resources", "{}");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    HttpResponse<byte[]> unknownParam = get(resources("order_field=filename&limit=5"));
    assertThat(unknownParam.statusCode()).isEqualTo(400);
    assertThat(text(unknownParam))
        .contains("not supported by the local Datamint server")
        .contains("'order_field'");

    assertThat(SAMPLE.server().unknownRequests().count()).isEqualTo(3);
    assertThat(SAMPLE.server().unknownRequests().requests())
        .containsExactly(
            "GET /resources/x/frames/3?size=2",
            "POST /resources",
            "GET /resources?order_field=filename&limit=5");
    JsonNode seen = json(get(SAMPLE.url() + UnknownRequests.PATH));
    assertThat(seen.get("count").asInt()).isEqualTo(3);
    assertThat(seen.get("requests").get(1).asText()).isEqualTo("POST /resources");

    assertThat(get(SAMPLE.url() + "/projects").statusCode()).isEqualTo(200);
    assertThat(get(SAMPLE.url() + "/resources/no-such-resource").statusCode()).isEqualTo(404);
    assertThat(SAMPLE.server().unknownRequests().count())
        .as("a known endpoint's 404 for an unknown id is no unknown request")
        .isEqualTo(3);
  }
}
