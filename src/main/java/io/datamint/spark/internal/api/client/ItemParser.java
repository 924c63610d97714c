package io.datamint.spark.internal.api.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one item of a list response into what the caller keeps, as the item is read (so the caller
 * keeps its own form, not the JSON of the whole listing). A {@link RuntimeException} ends the call
 * without a retry.
 *
 * @param <T> what an item becomes
 */
@FunctionalInterface
public interface ItemParser<T> {

  /**
   * @param item the item's JSON
   * @param index the item's 0-based position in the whole listing (across pages)
   */
  T parse(JsonNode item, long index);
}
