package io.datamint.spark.internal.api.model;

import java.util.List;
import java.util.Locale;

/**
 * What a resource holds, detected exactly as the SDK's {@code Resource.__new__} picks a subclass:
 * kinds are tried in the SDK's descending priority (DICOM and NIfTI 50, volume 30, video 20, image
 * 10: the declaration order here) and one matches when {@code storage} (case-insensitive) is one of
 * its aliases, or the mimetype matches, or the filename ends with one of its suffixes.
 */
public enum ResourceKind {
  DICOM(
      List.of("dicomresource", "dicomresourcehandler"),
      List.of("application/dicom", "application/x-dicom"),
      null,
      List.of(".dcm", ".dicom")),
  NIFTI(
      List.of("niftiresource", "niftiresourcehandler"),
      List.of("application/x-nifti", "image/x.nifti", "application/nifti"),
      null,
      List.of(".nii", ".nii.gz")),
  VOLUME(List.of("volumeresource", "volumeresourcehandler"), List.of(), null, List.of()),
  VIDEO(List.of("videoresource", "videoresourcehandler"), List.of(), "video/", List.of()),
  IMAGE(List.of("imageresource", "imageresourcehandler"), List.of(), "image/", List.of()),
  /**
   * No rule matched; the SDK would refuse such a resource. Metadata rows still read, pixels do not.
   */
  UNKNOWN(List.of(), List.of(), null, List.of());

  private final List<String> storageAliases;
  private final List<String> mimetypes;
  private final String mimetypePrefix;
  private final List<String> suffixes;

  ResourceKind(
      List<String> storageAliases,
      List<String> mimetypes,
      String mimetypePrefix,
      List<String> suffixes) {
    this.storageAliases = storageAliases;
    this.mimetypes = mimetypes;
    this.mimetypePrefix = mimetypePrefix;
    this.suffixes = suffixes;
  }

  /** The lower-case name used in the {@code resource_kind} column. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Detects the kind of a resource. The enum's declaration order is its priority order, so the
   * first match wins. Filename suffixes are compared case-insensitively ({@code SCAN.DCM} is
   * DICOM), a deliberate widening of the SDK.
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

  /** Every {@code storage} value a kind is known by (lower-case). */
  static java.util.Set<String> knownStorage() {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (ResourceKind kind : values()) {
      out.addAll(kind.storageAliases);
    }
    return java.util.Set.copyOf(out);
  }

  private boolean matches(String storage, String mimetype, String filename) {
    if (storage != null && storageAliases.contains(storage)) {
      return true;
    }
    if (mimetype != null
        && (mimetypes.contains(mimetype)
            || (mimetypePrefix != null && mimetype.startsWith(mimetypePrefix)))) {
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
