/**
 * The Datamint REST API as this connector sees it: the JSON model shared by every project source
 * (the mirror stores the same JSON the API returns) and, in {@code api.model}, its typed records.
 */
package io.datamint.spark.internal.api;
