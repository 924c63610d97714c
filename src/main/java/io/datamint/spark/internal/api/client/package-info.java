/**
 * The Datamint REST API client: one {@link io.datamint.spark.internal.api.client.DatamintApiClient}
 * per settings and JVM (driver or executor), typed calls for the read endpoints the SDK's datasets
 * use, the SDK's response envelopes and error mapping, and a transport with timeouts, bounded
 * retries (exponential backoff with jitter, honouring {@code Retry-After}) and a bound on
 * concurrent requests. The API key is sent in the {@code apikey} and {@code Authorization: Bearer}
 * headers and never appears in a message, a log line or {@code toString()}.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.api.client;
