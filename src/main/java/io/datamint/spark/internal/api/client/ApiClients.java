package io.datamint.spark.internal.api.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JVM's clients: one {@link DatamintApiClient} per distinct {@link ApiSettings} (URL, key,
 * limits), shared by every task of an executor and every read of a driver, so connections are
 * pooled and the bound on concurrent requests holds for the whole JVM rather than per row or per
 * task.
 */
public final class ApiClients {

  private static final Map<String, DatamintApiClient> CLIENTS = new ConcurrentHashMap<>();

  private ApiClients() {}

  /** This JVM's client for {@code settings}. */
  public static DatamintApiClient shared(ApiSettings settings) {
    return CLIENTS.computeIfAbsent(settings.identity(), id -> DatamintApiClient.create(settings));
  }
}
