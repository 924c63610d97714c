package io.datamint.spark.internal.annotation;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * One category class: a category identifier and one of its values. Ordered as the SDK's Python
 * tuples: by identifier, then by value, both by {@link String#compareTo} (UTF-16 code units, which
 * is Python's code point order for text in the Basic Multilingual Plane). A null value sorts first
 * (Python would raise a {@code TypeError} when it is mixed with strings under the same identifier).
 *
 * @param identifier the category identifier, never null
 * @param value the category value; null only for inferred categories whose annotations carry no
 *     value
 */
public record CategoryValue(String identifier, String value)
    implements Serializable, Comparable<CategoryValue> {

  private static final Comparator<CategoryValue> ORDER =
      Comparator.comparing(CategoryValue::identifier)
          .thenComparing(CategoryValue::value, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** Checks that the identifier is not null. */
  public CategoryValue {
    Objects.requireNonNull(identifier, "a category identifier");
  }

  @Override
  public int compareTo(CategoryValue other) {
    return ORDER.compare(this, other);
  }
}
