package io.datamint.spark.internal.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The expected classes are the SDK's ({@code Resource._infer_specialized_resource_class}, v2.45)
 * for the same fields.
 */
class SdkResourceClassTest {

  private static SdkResourceClass of(String storage, String mimetype, String filename) {
    return SdkResourceClass.of(storage, mimetype, filename);
  }

  @Test
  void theClassesAreTriedByPriorityOnStorageMimetypeAndSuffix() {
    assertThat(of("DicomResource", "image/png", "x.png")).isEqualTo(SdkResourceClass.DICOM);
    assertThat(of(null, "application/DICOM", null)).isEqualTo(SdkResourceClass.DICOM);
    assertThat(of(null, "image/x.nifti", "a.png")).isEqualTo(SdkResourceClass.NIFTI);
    assertThat(of(null, null, "A.NII.GZ")).isEqualTo(SdkResourceClass.NIFTI);
    assertThat(of("volumeresource", null, null)).isEqualTo(SdkResourceClass.VOLUME);
    assertThat(of(null, "video/mp4", "a.dcm")).isEqualTo(SdkResourceClass.DICOM);
    assertThat(of(null, "image/png", null)).isEqualTo(SdkResourceClass.IMAGE);
    assertThat(of(null, "application/octet-stream", "x.bin")).isEqualTo(SdkResourceClass.RESOURCE);
    assertThat(of(null, null, null)).isEqualTo(SdkResourceClass.RESOURCE);
    assertThat(of("Other", "text/plain", "v.mp4")).isEqualTo(SdkResourceClass.RESOURCE);
  }

  @Test
  void theReprIsPythons() {
    assertThat(SdkResourceClass.DICOM.pythonRepr())
        .isEqualTo("<class 'datamint.entities.resources.dicom_resource.DICOMResource'>");
    assertThat(SdkResourceClass.RESOURCE.pythonRepr())
        .isEqualTo("<class 'datamint.entities.resource.Resource'>");
  }
}
