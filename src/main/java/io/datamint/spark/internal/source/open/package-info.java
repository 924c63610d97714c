/**
 * Opens the project source that the read options name: a project mirror ({@code path}) or a
 * Datamint server ({@code server_url} and {@code project}). Above {@code source.mirror} and {@code
 * source.api}, which implement {@code source.ProjectSource} and know nothing of each other.
 */
package io.datamint.spark.internal.source.open;
