package io.datamint.spark.internal.api.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.datamint.spark.error.SourceException;
import io.datamint.spark.internal.api.model.MetadataIssues;
import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.source.JsonItems;
import io.datamint.spark.testing.BoundedFuzzTest;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Fuzzes the reading of an API list response as it streams in (docs/fuzzing.md): the body of one
 * page of {@code GET /projects/{id}/resources}, its envelope read by {@link ApiEnvelopeStream} and
 * each item parsed as the API source parses resources. The property: the page parses, or fails as
 * malformed JSON (which the transport reports as such) or with the connector's {@link
 * SourceException} naming the call (and the item). Seeds and kept crash inputs are under {@code
 * src/test/resources/io/datamint/spark/internal/api/client/ApiListFuzzTestInputs/}.
 */
class ApiListFuzzTest {

  private static final String CALL = "GET /projects/p/resources";

  /** One page's body. */
  @BoundedFuzzTest
  void resourcesPage(byte[] body) {
    MetadataIssues issues = MetadataIssues.ofListing(CALL);
    try {
      ApiEnvelopeStream.read(
          new ByteArrayInputStream(body),
          "resources",
          CALL,
          0,
          (item, index) -> JsonItems.parseOne(item, index, Resource::fromJson, issues));
    } catch (JsonProcessingException | CharConversionException malformed) {
      // the transport's "answered with malformed JSON" (ApiTransport.MalformedBody)
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SourceException e) {
      if (e.getMessage() == null || !e.getMessage().contains(CALL)) {
        throw new AssertionError("the failure does not name the call", e);
      }
    }
  }
}
