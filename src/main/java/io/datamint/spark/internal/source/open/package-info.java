/**
 * Opens the project source that the read options name: a project mirror ({@code path}) or a
 * Datamint server ({@code server_url} and {@code project}). Above {@code source.mirror} and {@code
 * source.api}, which implement {@code source.ProjectSource} and know nothing of each other.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.source.open;
