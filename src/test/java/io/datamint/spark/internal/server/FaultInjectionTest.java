package io.datamint.spark.internal.server;

import static io.datamint.spark.internal.server.ServerTestSupport.get;
import static io.datamint.spark.internal.server.ServerTestSupport.json;
import static io.datamint.spark.internal.server.ServerTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.sample.SampleProject;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The injected faults as a client sees them, and the fault spec grammar. */
class FaultInjectionTest {

  @TempDir static Path root;

  private static String projectId;

  @BeforeAll
  static void sample() throws Exception {
    projectId = SampleProject.write(root.resolve("sample"), 42).projectId();
  }

  private static DatamintApiServer serve(String spec) throws IOException {
    return DatamintApiServer.start(root, 0, Optional.empty(), FaultPlan.parse(spec));
  }

  @Test
  void rate429AnswersEveryRequestWithRetryAfter() throws Exception {
    try (DatamintApiServer server = serve("rate429=1,retryAfter=3")) {
      for (String path : List.of("/projects", "/projects/" + projectId, "/nope")) {
        HttpResponse<byte[]> r = get(server.url() + path);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("3");
      }
      assertThat(post(server.url() + "/annotations/search", "{}").statusCode()).isEqualTo(429);
    }
  }

  @Test
  void rate500AnswersServerErrors() throws Exception {
    try (DatamintApiServer server = serve("rate500=1")) {
      HttpResponse<byte[]> r = get(server.url() + "/projects");
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(json(r).get("error").asText()).contains("injected");
    }
  }

  @Test
  void truncatedBodiesAreIncomplete() throws Exception {
    try (DatamintApiServer server = serve("truncateRate=1")) {
      String url = server.url() + "/projects/" + projectId + "/resources";
      try {
        HttpResponse<byte[]> r = get(url);
        long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        assertThat((long) r.body().length).as("a short body").isLessThan(declared);
      } catch (IOException expected) {
        // the JDK client reports the early end of the body as an IOException
      }
      // A raw read shows the declared length, and fewer bytes before the connection ends.
      HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
      c.setReadTimeout(10_000);
      assertThat(c.getResponseCode()).isEqualTo(200);
      long declared = c.getContentLengthLong();
      long read = 0;
      try (InputStream in = c.getInputStream()) {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
          read += n;
        }
      } catch (IOException expected) {
        // premature end of the chunk-less body
      }
      assertThat(read).isPositive().isLessThan(declared);
    }
  }

  @Test
  void droppedConnectionsGetNoResponse() throws Exception {
    try (DatamintApiServer server = serve("dropRate=1")) {
      assertThatThrownBy(() -> get(server.url() + "/projects")).isInstanceOf(IOException.class);
    }
  }

  @Test
  void slowResponsesTakeAtLeastSlowMs() throws Exception {
    try (DatamintApiServer server = serve("slowMs=300")) {
      long start = System.nanoTime();
      assertThat(get(server.url() + "/projects").statusCode()).isEqualTo(200);
      assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }
  }

  @Test
  void decisionsAreDeterministicGivenTheSeed() {
    FaultPlan plan =
        FaultPlan.parse(
            "rate429=0.2,retryAfter=1,rate500=0.1,slowMs=200,slowRate=0.1,truncateRate=0.05,dropRate=0.05,seed=7");
    List<FaultInjector.Decision> a = decisions(plan);
    assertThat(a).isEqualTo(decisions(plan));
    assertThat(a)
        .isNotEqualTo(decisions(FaultPlan.parse(plan.toString().replace("seed=7", "seed=8"))));
    assertThat(a.stream().map(FaultInjector.Decision::kind).distinct())
        .hasSize(FaultInjector.Kind.values().length);
    long tooMany = a.stream().filter(d -> d.kind() == FaultInjector.Kind.TOO_MANY).count();
    assertThat(tooMany).isBetween(100L, 300L); // about 0.95 * 0.2 of 1000
  }

  private static List<FaultInjector.Decision> decisions(FaultPlan plan) {
    FaultInjector injector = new FaultInjector(plan);
    List<FaultInjector.Decision> out = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      out.add(injector.next());
    }
    return out;
  }

  @Test
  void parsesTheGrammarAndRejectsBadSpecs() {
    assertThat(FaultPlan.parse("").isNone()).isTrue();
    assertThat(FaultPlan.parse("none").isNone()).isTrue();
    FaultPlan plan = FaultPlan.parse(" rate429=0.5 , retryAfter=2, slowMs=10 ");
    assertThat(plan.rate429()).isEqualTo(0.5);
    assertThat(plan.retryAfterSeconds()).isEqualTo(2);
    assertThat(plan.slowRate()).isEqualTo(1.0);
    for (String bad :
        List.of(
            "rate429=2",
            "rate429",
            "foo=1",
            "slowMs=-1",
            "seed=x",
            "rate500=0.1,rate500=0.2",
            "dropRate=0.1,")) {
      assertThatThrownBy(() -> FaultPlan.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("bad fault spec:")
          .hasMessageContaining("rate429");
    }
  }
}
