package io.datamint.spark.api.model;

import java.util.List;
import java.util.Locale;

/**
 * What a resource holds, detected exactly as the SDK's {@code Resource.__new__} picks a subclass: kinds are tried
 * in descending priority and one matches when {@code storage} (case-insensitive) is one of its aliases, or the
 * mimetype matches, or the filename ends with one of its suffixes.
 */
public enum ResourceKind {
  DICOM(50, List.of("dicomresource", "dicomresourcehandler"),
      List.of("application/dicom", "application/x-dicom"), null, List.of(".dcm", ".dicom")),
  NIFTI(50, List.of("niftiresource", "niftiresourcehandler"),
      List.of("application/x-nifti", "image/x.nifti", "application/nifti"), null, List.of(".nii", ".nii.gz")),
  VOLUME(30, List.of("volumeresource", "volumeresourcehandler"), List.of(), null, List.of()),
  VIDEO(20, List.of("videoresource", "videoresourcehandler"), List.of(), "video/", List.of()),
  IMAGE(10, List.of("imageresource", "imageresourcehandler"), List.of(), "image/", List.of()),
  /** No rule matched; the SDK would refuse such a resource. Metadata rows still read, pixels do not. */
  UNKNOWN(0, List.of(), List.of(), null, List.of());

  private final int priority;
  private final List<String> storageAliases;
  private final List<String> mimetypes;
  private final String mimetypePrefix;
  private final List<String> suffixes;

  ResourceKind(int priority, List<String> storageAliases, List<String> mimetypes, String mimetypePrefix,
      List<String> suffixes) {
    this.priority = priority;
    this.storageAliases = storageAliases;
    this.mimetypes = mimetypes;
    this.mimetypePrefix = mimetypePrefix;
    this.suffixes = suffixes;
  }

  /** The SDK's priority: higher kinds are tried first (DICOM and NIfTI 50, volume 30, video 20, image 10). */
  public int priority() {
    return priority;
  }

  /** The lower-case name used in the {@code resource_kind} column. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the kinds read as volumes (DICOM, NIfTI, generic volume). */
  public boolean isVolume() {
    return this == DICOM || this == NIFTI || this == VOLUME;
  }

  /**
   * Detects the kind of a resource. The enum's declaration order is its priority order, so the first match wins.
   * Filename suffixes are compared case-insensitively ({@code SCAN.DCM} is DICOM), a deliberate widening of the SDK.
   */
  public static ResourceKind detect(String storage, String mimetype, String filename) {
    String s = storage == null ? null : storage.toLowerCase(Locale.ROOT);
    String m = mimetype == null ? null : mimetype.toLowerCase(Locale.ROOT);
    String f = filename == null ? null : filename.toLowerCase(Locale.ROOT);
    for (ResourceKind kind : values()) {
      if (kind != UNKNOWN && kind.matches(s, m, f)) {
        return kind;
      }
    }
    return UNKNOWN;
  }

  private boolean matches(String storage, String mimetype, String filename) {
    if (storage != null && storageAliases.contains(storage)) {
      return true;
    }
    if (mimetype != null
        && (mimetypes.contains(mimetype) || (mimetypePrefix != null && mimetype.startsWith(mimetypePrefix)))) {
      return true;
    }
    if (filename != null) {
      for (String suffix : suffixes) {
        if (filename.endsWith(suffix)) {
          return true;
        }
      }
    }
    return false;
  }
}
