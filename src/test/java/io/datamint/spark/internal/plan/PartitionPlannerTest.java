package io.datamint.spark.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionPlannerTest {

  private static PlannedResource resource(String id, Long size) {
    return new PlannedResource(
        id,
        id + ".png",
        "image/png",
        "CR",
        null,
        null,
        io.datamint.spark.internal.api.model.ResourceKind.IMAGE,
        null,
        null,
        size,
        List.of(),
        1,
        null,
        List.of(),
        SplitMembership.NONE);
  }

  @Test
  void packsConsecutiveResourcesUpToTheTarget() {
    List<PlannedResource> resources = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      resources.add(resource("r" + i, 30L));
    }
    List<ResourcePartition> partitions = PartitionPlanner.byBytes(100).plan(resources);
    assertThat(partitions).extracting(p -> p.resources().size()).containsExactly(3, 3, 3, 1);
    assertThat(partitions).extracting(ResourcePartition::index).containsExactly(0, 1, 2, 3);
    assertThat(partitions.get(0).estimatedBytes()).isEqualTo(90);
    assertThat(partitions.get(0).resources())
        .extracting(PlannedResource::resourceId)
        .containsExactly("r0", "r1", "r2");
  }

  @Test
  void aLargeResourceGetsItsOwnPartition() {
    List<ResourcePartition> partitions =
        PartitionPlanner.byBytes(100)
            .plan(List.of(resource("a", 10L), resource("big", 500L), resource("b", 10L)));
    assertThat(partitions).extracting(p -> p.resources().size()).containsExactly(1, 1, 1);
  }

  @Test
  void unknownSizesUseTheEstimate() {
    List<ResourcePartition> partitions =
        PartitionPlanner.byBytes(3L << 20)
            .plan(
                List.of(
                    resource("a", null),
                    resource("b", null),
                    resource("c", null),
                    resource("d", null)));
    assertThat(partitions).extracting(p -> p.resources().size()).containsExactly(3, 1);
  }

  @Test
  void noResourcesNoPartitions() {
    assertThat(PartitionPlanner.byBytes(1).plan(List.of())).isEmpty();
  }

  @Test
  void rowPlanningUsesFrameCounts() {
    PlannedResource volume =
        new PlannedResource(
            "v",
            "v.nii",
            null,
            "CT",
            null,
            null,
            io.datamint.spark.internal.api.model.ResourceKind.NIFTI,
            null,
            null,
            10L,
            List.of(),
            300,
            null,
            List.of(),
            SplitMembership.NONE);
    PlannedResource unknown =
        new PlannedResource(
            "u",
            "u.nii",
            null,
            "CT",
            null,
            null,
            io.datamint.spark.internal.api.model.ResourceKind.NIFTI,
            null,
            null,
            10L,
            List.of(),
            null,
            null,
            List.of(),
            SplitMembership.NONE);
    List<ResourcePartition> partitions =
        PartitionPlanner.byRows(512)
            .plan(List.of(volume, volume, resource("a", 10L), unknown, volume));
    // 300 | 300 + 1 + 64 | 300: a partition closes before it would pass 512 rows
    assertThat(partitions).extracting(p -> p.resources().size()).containsExactly(1, 3, 1);
  }

  private static List<PlannedResource> sized(long... sizes) {
    List<PlannedResource> out = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      out.add(resource("r" + i, sizes[i]));
    }
    return out;
  }

  private static List<List<String>> ids(List<ResourcePartition> partitions) {
    return partitions.stream()
        .map(p -> p.resources().stream().map(PlannedResource::resourceId).toList())
        .toList();
  }

  @Test
  void aSmallProjectGetsAPartitionPerCoreInSourceOrder() {
    List<PlannedResource> photos = sized(new long[100]);
    for (int i = 0; i < 100; i++) {
      photos.set(i, resource("r" + i, 640_000L));
    }
    List<ResourcePartition> partitions =
        PartitionPlanner.byBytes(64L << 20).plan(photos, 2, PartitionPlanner::bytes);
    assertThat(partitions).extracting(p -> p.resources().size()).containsExactly(50, 50);
    assertThat(partitions).extracting(ResourcePartition::index).containsExactly(0, 1);
    List<String> order = ids(partitions).stream().flatMap(List::stream).toList();
    assertThat(order).isEqualTo(photos.stream().map(PlannedResource::resourceId).toList());
    assertThat(partitions.get(0).estimatedBytes()).isEqualTo(50 * 640_000L);
  }

  @Test
  void partitionsAreBalancedByCostNotCount() {
    // one expensive resource first: it is a partition alone, the cheap ones share the others
    List<PlannedResource> resources = sized(10, 10, 10, 10, 10, 10);
    long[] costs = {300, 10, 10, 10, 10, 10};
    List<ResourcePartition> partitions =
        PartitionPlanner.byBytes(1000)
            .plan(resources, 2, r -> costs[Integer.parseInt(r.resourceId().substring(1))]);
    assertThat(ids(partitions))
        .containsExactly(List.of("r0"), List.of("r1", "r2", "r3", "r4", "r5"));
    List<ResourcePartition> three =
        PartitionPlanner.byBytes(1000).plan(sized(5, 5, 5, 5, 5, 5, 5, 5, 5), 3, r -> 1);
    assertThat(three).extracting(p -> p.resources().size()).containsExactly(3, 3, 3);
  }

  @Test
  void everyPartitionGetsAResourceEvenWhenCostsAreSkewed() {
    long[] costs = {1, 1, 1, 1000};
    List<ResourcePartition> partitions =
        PartitionPlanner.byBytes(1000)
            .plan(sized(1, 1, 1, 1), 4, r -> costs[Integer.parseInt(r.resourceId().substring(1))]);
    assertThat(partitions).extracting(p -> p.resources().size()).containsExactly(1, 1, 1, 1);
    List<ResourcePartition> fewer = PartitionPlanner.byBytes(1000).plan(sized(1, 1, 1), 8, r -> 1);
    assertThat(fewer).hasSize(3);
  }

  @Test
  void theTargetWinsWhenItAlreadyMakesEnoughPartitions() {
    List<ResourcePartition> partitions =
        PartitionPlanner.byBytes(100).plan(sized(60, 60, 60, 60), 2, r -> 1);
    assertThat(partitions).hasSize(4);
    assertThat(PartitionPlanner.byBytes(1000).plan(sized(60, 60, 60), 1, r -> 1)).hasSize(1);
    assertThat(PartitionPlanner.byBytes(1000).plan(List.of(), 4, r -> 1)).isEmpty();
  }
}
