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
}
