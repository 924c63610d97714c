/**
 * The Datamint REST API as this connector sees it: the JSON model shared by every project source
 * (the mirror stores the same JSON the API returns) and, in {@code api.model}, its typed records.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.api;
