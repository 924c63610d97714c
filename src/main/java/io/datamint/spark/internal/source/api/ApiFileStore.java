package io.datamint.spark.internal.source.api;

import io.datamint.spark.internal.api.client.ApiClients;
import io.datamint.spark.internal.api.client.ApiSettings;
import io.datamint.spark.internal.api.client.BodyReaders;
import io.datamint.spark.internal.api.client.DatamintApiClient;
import io.datamint.spark.internal.api.client.DatamintApiException;
import io.datamint.spark.internal.source.ResourceFileStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * Resource and mask files downloaded from the API on whichever JVM opens them, through that JVM's
 * shared client (so retries, timeouts and the bound on concurrent requests apply per executor).
 * Holds only the {@link ApiSettings}. A file is downloaded whole (retried from the start after a
 * dropped connection or a truncated body) before it is handed out; a failure is an {@link
 * IOException} naming the call and status.
 */
final class ApiFileStore implements ResourceFileStore {

  private static final long serialVersionUID = 1L;

  private final ApiSettings settings;

  public ApiFileStore(ApiSettings settings) {
    this.settings = settings;
  }

  @Override
  public InputStream openResource(String resourceId) throws IOException {
    return fetch(
        client ->
            client.downloadResource(
                resourceId,
                BodyReaders.bytes(MAX_FILE_BYTES, "the file of resource " + resourceId)));
  }

  /**
   * The downloaded body itself, read as {@link ResourceFileStore#read} reads a stream: into one
   * array of its {@code Content-Length}, or, when the server sends none, into one that grows by
   * doubling and is handed out untrimmed; no second copy either way.
   */
  @Override
  public FileBytes readResource(String resourceId, int maxBytes) throws IOException {
    try (ApiClients.Lease lease = ApiClients.acquire(settings)) {
      return lease
          .client()
          .downloadResource(
              resourceId,
              (body, length) ->
                  ResourceFileStore.read(body, length, Math.min(maxBytes, MAX_FILE_BYTES)));
    } catch (DatamintApiException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public InputStream openResourcePrefix(String resourceId, int maxBytes) throws IOException {
    return fetch(
        client ->
            client.downloadResourcePrefix(resourceId, maxBytes, BodyReaders.prefix(maxBytes)));
  }

  @Override
  public InputStream openAnnotation(String resourceId, String annotationId) throws IOException {
    return fetch(
        client ->
            client.downloadAnnotation(
                resourceId,
                annotationId,
                BodyReaders.bytes(MAX_FILE_BYTES, "the mask file of annotation " + annotationId)));
  }

  @Override
  public Retained retain() {
    return ApiClients.acquire(settings)::close;
  }

  private InputStream fetch(Function<DatamintApiClient, byte[]> download) throws IOException {
    try (ApiClients.Lease lease = ApiClients.acquire(settings)) {
      return new ByteArrayInputStream(download.apply(lease.client()));
    } catch (DatamintApiException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "Datamint API " + settings.baseUrl();
  }
}
