package io.datamint.spark.internal.annotation;

import io.datamint.spark.internal.api.model.Annotation;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SDK's {@code trusted_annotation_sources} (v2.18.1+): which values of an annotation's {@code
 * source} a read keeps. An annotation without a {@code source} (older data, before the tag) is
 * always kept, as in the SDK. {@link #ALL} keeps every annotation: the seed's behaviour and the
 * connector's default (the SDK's own default is {@code imported,manual}).
 */
public final class TrustedSources implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The word that means "no filter" in the option. */
  public static final String ALL_WORD = "all";

  /** Every source trusted: no annotation is dropped. */
  public static final TrustedSources ALL = new TrustedSources(null);

  private final Set<String> sources; // null = all

  private TrustedSources(Set<String> sources) {
    this.sources = sources;
  }

  /**
   * The trusted sources from the option's items: null (option absent) or the single word {@code
   * all} keep everything; otherwise exactly these sources (an empty list keeps only annotations
   * without a source).
   *
   * @throws IllegalArgumentException when {@code all} is mixed with sources
   */
  public static TrustedSources of(Collection<String> items) {
    if (items == null) {
      return ALL;
    }
    Set<String> set = new TreeSet<>();
    boolean all = false;
    for (String item : items) {
      String s = item.trim();
      if (s.toLowerCase(Locale.ROOT).equals(ALL_WORD)) {
        all = true;
      } else if (!s.isEmpty()) {
        set.add(s);
      }
    }
    if (all && !set.isEmpty()) {
      throw new IllegalArgumentException(
          "\""
              + ALL_WORD
              + "\" cannot be combined with sources "
              + set
              + ": give one or the other");
    }
    return all ? ALL : new TrustedSources(Set.copyOf(set));
  }

  /** Whether the annotation's source is trusted (a null source always is). */
  public boolean trusts(Annotation annotation) {
    return sources == null || annotation.source() == null || sources.contains(annotation.source());
  }

  /** The trusted sources (unordered), or null when every source is. */
  public Set<String> sources() {
    return sources == null ? null : Collections.unmodifiableSet(sources);
  }

  /** Whether every annotation is kept. */
  public boolean isAll() {
    return sources == null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrustedSources t && java.util.Objects.equals(sources, t.sources);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(sources);
  }

  @Override
  public String toString() {
    return sources == null ? ALL_WORD : String.join(",", new TreeSet<>(sources));
  }
}
