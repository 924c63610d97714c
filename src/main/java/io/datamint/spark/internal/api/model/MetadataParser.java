package io.datamint.spark.internal.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one metadata JSON object into its model, checking each field's type ({@link JsonFields}).
 *
 * @param <T> the model
 */
@FunctionalInterface
public interface MetadataParser<T> {

  /**
   * @param json the item
   * @param issues the listing's issues, where non-essential problems are counted
   * @throws IllegalArgumentException naming the field, what was found and what is accepted, when an
   *     essential field is wrong (the caller names the file and line, or the endpoint and item)
   */
  T parse(JsonNode json, MetadataIssues issues);
}
