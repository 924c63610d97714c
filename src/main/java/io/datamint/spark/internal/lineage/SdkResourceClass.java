package io.datamint.spark.internal.lineage;

import io.datamint.spark.internal.api.model.Resource;
import java.util.List;
import java.util.Locale;

/**
 * The Python class the SDK (v2.45) gives a resource, as {@code str(type(resource))}: what its
 * MLflow digest records as {@code obj_type}. The SDK's rule ({@code
 * Resource._infer_specialized_resource_class}): the specialized classes by descending {@code
 * resource_priority}, ties in registration order (DICOM before NIfTI), the first whose storage
 * aliases contain the {@code storage}, or whose mimetypes contain the {@code mimetype}, or one of
 * whose mimetype prefixes starts it, or one of whose filename suffixes ends the {@code filename}
 * (all case-folded); else the base {@code Resource}.
 */
public enum SdkResourceClass {
  /** {@code DICOMResource}, priority 50. */
  DICOM(
      "datamint.entities.resources.dicom_resource.DICOMResource",
      List.of("DicomResource", "DicomResourceHandler"),
      List.of("application/dicom", "application/x-dicom"),
      List.of(),
      List.of(".dcm", ".dicom")),
  /** {@code NiftiResource}, priority 50. */
  NIFTI(
      "datamint.entities.resources.nifti_resource.NiftiResource",
      List.of("NiftiResource", "NiftiResourceHandler"),
      List.of("application/x-nifti", "image/x.nifti", "application/nifti"),
      List.of(),
      List.of(".nii", ".nii.gz")),
  /** {@code VolumeResource}, priority 30. */
  VOLUME(
      "datamint.entities.resources.volume_resource.VolumeResource",
      List.of("VolumeResource", "VolumeResourceHandler"),
      List.of(),
      List.of(),
      List.of()),
  /** {@code VideoResource}, priority 20. */
  VIDEO(
      "datamint.entities.resources.video_resource.VideoResource",
      List.of("VideoResource", "VideoResourceHandler"),
      List.of(),
      List.of("video/"),
      List.of()),
  /** {@code ImageResource}, priority 10. */
  IMAGE(
      "datamint.entities.resources.image_resource.ImageResource",
      List.of("ImageResource", "ImageResourceHandler"),
      List.of(),
      List.of("image/"),
      List.of()),
  /** The base class, when no specialized one matches. */
  RESOURCE("datamint.entities.resource.Resource", List.of(), List.of(), List.of(), List.of());

  /** A slice of a volume ({@code VolumeDataset.slice()}): not a {@code Resource} subclass. */
  public static final String SLICED_VOLUME =
      "<class 'datamint.entities.sliced_resource.SlicedVolumeResource'>";

  /** A frame of a video ({@code VideoDataset.frame_by_frame()}). */
  public static final String SLICED_VIDEO =
      "<class 'datamint.entities.sliced_video_resource.SlicedVideoResource'>";

  private final String qualifiedName;
  private final List<String> storageAliases;
  private final List<String> mimetypes;
  private final List<String> mimetypePrefixes;
  private final List<String> filenameSuffixes;

  SdkResourceClass(
      String qualifiedName,
      List<String> storageAliases,
      List<String> mimetypes,
      List<String> mimetypePrefixes,
      List<String> filenameSuffixes) {
    this.qualifiedName = qualifiedName;
    this.storageAliases = folded(storageAliases);
    this.mimetypes = folded(mimetypes);
    this.mimetypePrefixes = folded(mimetypePrefixes);
    this.filenameSuffixes = folded(filenameSuffixes);
  }

  /** The class of a resource with these fields (any may be null). */
  public static SdkResourceClass of(String storage, String mimetype, String filename) {
    String s = fold(storage);
    String m = fold(mimetype);
    String f = fold(filename);
    for (SdkResourceClass c : values()) {
      if (c != RESOURCE && c.matches(s, m, f)) {
        return c;
      }
    }
    return RESOURCE;
  }

  /** The class of {@code resource}. */
  public static SdkResourceClass of(Resource resource) {
    return of(resource.storage(), resource.mimetype(), resource.filename());
  }

  /** {@code str(cls)}, e.g. {@code <class 'datamint.entities.resource.Resource'>}. */
  public String pythonRepr() {
    return "<class '" + qualifiedName + "'>";
  }

  private boolean matches(String storage, String mimetype, String filename) {
    if (!storage.isEmpty() && storageAliases.contains(storage)) {
      return true;
    }
    if (!mimetype.isEmpty()
        && (mimetypes.contains(mimetype)
            || mimetypePrefixes.stream().anyMatch(mimetype::startsWith))) {
      return true;
    }
    return !filename.isEmpty() && filenameSuffixes.stream().anyMatch(filename::endsWith);
  }

  private static String fold(String value) {
    return value == null ? "" : value.toLowerCase(Locale.ROOT);
  }

  private static List<String> folded(List<String> values) {
    return values.stream().map(SdkResourceClass::fold).toList();
  }
}
