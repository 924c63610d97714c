package io.datamint.spark.internal.catalog;

import io.datamint.spark.internal.catalog.ProjectDirectory.Project;
import io.datamint.spark.internal.read.DatamintTables;
import io.datamint.spark.internal.read.DatamintTables.OpenedProject;
import io.datamint.spark.internal.source.ProjectSnapshot;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one catalog instance keeps between lookups, for {@link #ttl} at most: the project listing,
 * the snapshots of the projects its tables read (the whole metadata of a project, keyed by the
 * source that read it: a mirror and its file system options, or the API settings, plus the
 * project), so {@code SHOW TABLES}, {@code DESCRIBE}, the four tables of a project and per-read
 * options that leave the source alone read the project once, and the sources opened with their
 * worklists read for the columns of a {@code resources} table, until their snapshot is read from
 * them. At most {@link #MAX_SNAPSHOTS} of each are kept (the least recently used goes). {@code
 * REFRESH TABLE} ({@link #invalidate}) forgets them; a zero ttl (catalog option {@code cache_ttl =
 * 0}) disables the cache: every lookup lists and reads afresh, as before.
 */
public final class CatalogCache implements DatamintTables.SnapshotCache {

  /** The catalog option that bounds how long listings and snapshots are kept. */
  public static final String TTL_OPTION = "cache_ttl";

  /** The default {@link #TTL_OPTION}. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(1);

  /** Snapshots kept at most. */
  static final int MAX_SNAPSHOTS = 4;

  private static final Pattern DURATION =
      Pattern.compile("(\\d+)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  private final Duration ttl;
  private final LongSupplier nanos;
  private List<Project> projects;
  private long projectsAt;
  private final Kept<ProjectSnapshot> snapshots = new Kept<>();
  private final Kept<OpenedProject> opened = new Kept<>();

  private record Timed<T>(T value, long at) {}

  public CatalogCache(Duration ttl) {
    this(ttl, System::nanoTime);
  }

  CatalogCache(Duration ttl, LongSupplier nanos) {
    this.ttl = ttl;
    this.nanos = nanos;
  }

  /**
   * The catalog option's value: {@code 0} (off), or a duration such as {@code 30s}, {@code 500ms},
   * {@code 5m}, {@code 1h} or a bare number of seconds.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static Duration parseTtl(String text) {
    if (text == null) {
      return DEFAULT_TTL;
    }
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid value for catalog option \""
              + TTL_OPTION
              + "\": \""
              + text
              + "\"; accepted: 0 (no caching) or a duration such as 30s, 500ms, 5m or 90 (seconds)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }

  public Duration ttl() {
    return ttl;
  }

  private boolean fresh(long at) {
    return !ttl.isZero() && nanos.getAsLong() - at < ttl.toNanos();
  }

  /** The project listing, listed by {@code list} when there is none younger than the ttl. */
  public synchronized List<Project> projects(Supplier<List<Project>> list) {
    if (projects != null && fresh(projectsAt)) {
      return projects;
    }
    List<Project> listed = List.copyOf(list.get());
    if (!ttl.isZero()) {
      projects = listed;
      projectsAt = nanos.getAsLong();
    }
    return listed;
  }

  @Override
  public ProjectSnapshot snapshot(String sourceKey, Supplier<ProjectSnapshot> load) {
    synchronized (this) {
      Timed<ProjectSnapshot> kept = snapshots.get(sourceKey);
      if (kept != null) {
        return kept.value();
      }
    }
    // loaded outside the lock: another table's lookup is not held up by a slow read
    ProjectSnapshot loaded = load.get();
    synchronized (this) {
      snapshots.put(sourceKey, loaded);
      opened.remove(sourceKey); // the snapshot answers what the opened source did
    }
    return loaded;
  }

  @Override
  public synchronized ProjectSnapshot kept(String sourceKey) {
    Timed<ProjectSnapshot> kept = snapshots.get(sourceKey);
    return kept == null ? null : kept.value();
  }

  @Override
  public OpenedProject opened(String sourceKey, Supplier<OpenedProject> open) {
    OpenedProject kept = keptOpened(sourceKey);
    if (kept != null) {
      return kept;
    }
    OpenedProject made = open.get();
    synchronized (this) {
      opened.put(sourceKey, made);
    }
    return made;
  }

  @Override
  public synchronized OpenedProject keptOpened(String sourceKey) {
    Timed<OpenedProject> kept = opened.get(sourceKey);
    return kept == null ? null : kept.value();
  }

  /**
   * Values by source key, each kept for {@link #ttl} at most, {@link #MAX_SNAPSHOTS} at most (the
   * least recently used goes); nothing is kept with a zero ttl. Guarded by the cache's lock.
   */
  private final class Kept<T> {
    private final Map<String, Timed<T>> values = new LinkedHashMap<>(8, 0.75f, true);

    /** The value kept for {@code key} and its time, or null when there is none fresh. */
    Timed<T> get(String key) {
      Timed<T> kept = values.get(key);
      if (kept != null && fresh(kept.at())) {
        return kept;
      }
      values.remove(key);
      return null;
    }

    void put(String key, T value) {
      if (ttl.isZero()) {
        return;
      }
      values.put(key, new Timed<>(value, nanos.getAsLong()));
      Iterator<String> eldest = values.keySet().iterator();
      while (values.size() > MAX_SNAPSHOTS) {
        eldest.next();
        eldest.remove();
      }
    }

    void remove(String key) {
      values.remove(key);
    }

    void clear() {
      values.clear();
    }

    int size() {
      return values.size();
    }
  }

  /** Forgets the listing and every snapshot ({@code REFRESH TABLE}). */
  public synchronized void invalidate() {
    projects = null;
    snapshots.clear();
    opened.clear();
  }

  /** Snapshots kept now, for tests. */
  synchronized int snapshots() {
    return snapshots.size();
  }
}
