package io.datamint.spark.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.catalog.ProjectDirectory.Project;
import io.datamint.spark.internal.read.DatamintTables.OpenedProject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The catalog's listing and snapshot cache: kept for the ttl, bounded, forgotten on refresh. */
class CatalogCacheTest {

  @Test
  void keepsTheListingForTheTtlOnlyAndNotAtAllWithZero() {
    AtomicLong now = new AtomicLong();
    CatalogCache cache = new CatalogCache(Duration.ofSeconds(10), now::get);
    AtomicInteger lists = new AtomicInteger();
    List<Project> projects = List.of(new Project("1", "a", "loc"));
    cache.projects(() -> count(lists, projects));
    now.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(cache.projects(() -> count(lists, projects))).isEqualTo(projects);
    assertThat(lists).hasValue(1);
    now.addAndGet(Duration.ofSeconds(2).toNanos());
    cache.projects(() -> count(lists, projects));
    assertThat(lists).hasValue(2);
    cache.invalidate();
    cache.projects(() -> count(lists, projects));
    assertThat(lists).hasValue(3);

    CatalogCache off = new CatalogCache(Duration.ZERO, now::get);
    off.projects(() -> count(lists, projects));
    off.projects(() -> count(lists, projects));
    assertThat(lists).hasValue(5);
    assertThat(off.snapshot("k", () -> null)).isNull();
    assertThat(off.snapshots()).isZero();
  }

  @Test
  void keepsAtMostFourSnapshotsAndParsesItsOption() {
    CatalogCache cache = new CatalogCache(Duration.ofMinutes(1), () -> 0L);
    AtomicInteger loads = new AtomicInteger();
    for (int i = 0; i < 6; i++) {
      cache.snapshot("k" + i, () -> load(loads));
    }
    assertThat(cache.snapshots()).isEqualTo(CatalogCache.MAX_SNAPSHOTS);
    cache.snapshot("k5", () -> load(loads)); // kept
    cache.snapshot("k0", () -> load(loads)); // evicted: read again
    assertThat(loads).hasValue(7);
    assertThat(CatalogCache.parseTtl(null)).isEqualTo(CatalogCache.DEFAULT_TTL);
    assertThat(CatalogCache.parseTtl("0")).isZero();
    assertThat(CatalogCache.parseTtl("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(CatalogCache.parseTtl("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(CatalogCache.parseTtl("90")).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> CatalogCache.parseTtl("soon")).hasMessageContaining("cache_ttl");
  }

  @Test
  void keepsAnOpenedSourceUntilItsSnapshotIsRead() {
    CatalogCache cache = new CatalogCache(Duration.ofMinutes(1), () -> 0L);
    AtomicInteger opens = new AtomicInteger();
    OpenedProject opened = new OpenedProject(null, List.of());
    assertThat(cache.keptOpened("k")).isNull();
    assertThat(cache.opened("k", () -> count(opens, opened))).isSameAs(opened);
    assertThat(cache.opened("k", () -> count(opens, opened))).isSameAs(opened);
    assertThat(opens).hasValue(1);
    assertThat(cache.keptOpened("k")).isSameAs(opened);
    cache.snapshot("k", () -> null);
    assertThat(cache.keptOpened("k")).isNull();
    cache.opened("j", () -> count(opens, opened));
    cache.invalidate();
    assertThat(cache.keptOpened("j")).isNull();
    assertThat(new CatalogCache(Duration.ZERO).opened("k", () -> opened)).isSameAs(opened);
    assertThat(new CatalogCache(Duration.ZERO).keptOpened("k")).isNull();
  }

  private static <T> T count(AtomicInteger n, T value) {
    n.incrementAndGet();
    return value;
  }

  private static io.datamint.spark.internal.source.ProjectSnapshot load(AtomicInteger n) {
    n.incrementAndGet();
    return null;
  }
}
