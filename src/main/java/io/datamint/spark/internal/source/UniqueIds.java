package io.datamint.spark.internal.source;

import io.datamint.spark.internal.api.model.MetadataIssues;
import java.util.HashMap;
import java.util.Map;

/**
 * The ids of one listing (resources, annotations), each of which must be unique: a resource listed
 * twice would give two rows and could land in two splits. A second occurrence is an error naming
 * both positions (two lines of a file, two items of an endpoint's listing).
 */
public final class UniqueIds {

  private final String entity;
  private final MetadataIssues issues;
  private final Map<String, Long> firstPosition = new HashMap<>();

  /**
   * @param entity what the ids identify, for the message ({@code resource})
   * @param issues the listing, which names positions
   */
  public UniqueIds(String entity, MetadataIssues issues) {
    this.entity = entity;
    this.issues = issues;
  }

  /**
   * Adds the id of the item at {@code position}.
   *
   * @throws ProjectSourceException when an earlier item has the same id
   */
  public void add(String id, long position) {
    Long first = firstPosition.putIfAbsent(id, position);
    if (first != null && first != position) {
      throw new ProjectSourceException(
          issues.where(first, position)
              + " hold the same "
              + entity
              + " id \""
              + id
              + "\": ids must be unique ("
              + (entity.matches("[aeiou].*") ? "an " : "a ")
              + entity
              + " listed twice would be read twice); remove or correct one of them");
    }
  }
}
