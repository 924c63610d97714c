/**
 * A local Datamint REST API server over a mirror root ({@code contracts.md} sections 2 and 6): the
 * read endpoints the SDK's datasets use and the project splits write ({@code POST
 * /projects/{id}/splits}, recorded in the mirror's {@code splits.jsonl}), served on 127.0.0.1 by
 * the JDK's HTTP server, with optional API-key checking and deterministic fault injection (429 with
 * Retry-After, 500, slow answers, truncated bodies, dropped connections). {@link
 * io.datamint.spark.internal.server.DatamintApiServer} is the Java API and {@link
 * io.datamint.spark.internal.server.DatamintServerCli} the command line behind {@code
 * bin/datamint-server}. It is meant for offline tests of API clients, not for production use.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.server;
