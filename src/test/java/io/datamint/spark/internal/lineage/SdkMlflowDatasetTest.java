package io.datamint.spark.internal.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.lineage.DatasetLineage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expected digests are the SDK's {@code _compute_digest} of the same items (CPython 3.11). */
class SdkMlflowDatasetTest {

  private static final List<LineageItem> ITEMS =
      List.of(
          LineageItem.resource("r1", "CXR_\u00dc.png", SdkResourceClass.IMAGE, "ImageResource"),
          LineageItem.slice("r2", "a.nii.gz", 3, "axial"));

  private static Map<String, Object> extraParams() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("return_segmentations", true);
    p.put("semantic_seg_merge_strategy", "None");
    p.put("include_annotators", List.of("b@x", "a@x"));
    p.put("trusted_annotation_sources", null);
    return p;
  }

  @Test
  void theDigestIsTheMd5OfTheSdksSortedJson() {
    assertThat(SdkMlflowDataset.digestContent(ITEMS, extraParams()))
        .isEqualTo(
            "{\"extra_params\": {\"include_annotators\": [\"b@x\", \"a@x\"], \"return_segmentations\":"
                + " true, \"semantic_seg_merge_strategy\": \"None\", \"trusted_annotation_sources\":"
                + " null}, \"resources\": [{\"filename\": \"CXR_\\u00dc.png\", \"id\": \"r1\","
                + " \"obj_type\": \"<class"
                + " 'datamint.entities.resources.image_resource.ImageResource'>\"}, {\"filename\":"
                + " \"a.nii.gz\", \"id\": \"r2\", \"obj_type\": \"<class"
                + " 'datamint.entities.sliced_resource.SlicedVolumeResource'>\", \"slice_axis\":"
                + " \"axial\", \"slice_index\": 3}]}");
    assertThat(SdkMlflowDataset.digest(ITEMS, extraParams())).isEqualTo("c16e0a52");
  }

  @Test
  void sourceAndProfileAreTheSdksJsonInInsertionOrder() {
    DatasetLineage lineage = SdkMlflowDataset.of("p-1", "proj", "train", ITEMS, extraParams());
    assertThat(lineage.name()).isEqualTo("proj");
    assertThat(lineage.sourceType()).isEqualTo("datamint");
    assertThat(lineage.source())
        .isEqualTo(
            "{\"project_id\": \"p-1\", \"project_name\": \"proj\", \"split\": \"train\","
                + " \"extra_params\": {\"return_segmentations\": true, \"semantic_seg_merge_strategy\":"
                + " \"None\", \"include_annotators\": [\"b@x\", \"a@x\"],"
                + " \"trusted_annotation_sources\": null}}");
    // one ImageResource and one slice (None): a tie, given to the first item's storage
    assertThat(lineage.profile())
        .isEqualTo("{\"num_resources\": 2, \"most_common_storage_type\": \"ImageResource\"}");
  }

  @Test
  void theMostCommonStorageCountsNullsAndBreaksTiesByFirstItem() {
    LineageItem dicom = LineageItem.resource("d", "d.dcm", SdkResourceClass.DICOM, "DicomResource");
    LineageItem nifti = LineageItem.resource("n", "n.nii", SdkResourceClass.NIFTI, "NiftiResource");
    LineageItem slice = LineageItem.slice("v", "v.nii", 0, "axial");
    assertThat(SdkMlflowDataset.mostCommonStorage(List.of(nifti, dicom, dicom)))
        .isEqualTo("DicomResource");
    assertThat(SdkMlflowDataset.mostCommonStorage(List.of(nifti, dicom)))
        .isEqualTo("NiftiResource");
    assertThat(SdkMlflowDataset.mostCommonStorage(List.of(slice, slice, dicom))).isNull();
    assertThat(SdkMlflowDataset.mostCommonStorage(List.of())).isNull();
  }

  @Test
  void framesAreEqualEntriesWithoutAnIndex() {
    assertThat(LineageItem.frame("v", "us.mp4").digestEntry())
        .containsOnlyKeys("id", "filename", "obj_type")
        .containsEntry(
            "obj_type", "<class 'datamint.entities.sliced_video_resource.SlicedVideoResource'>");
  }
}
