package io.datamint.spark.internal.sample;

import static io.datamint.spark.internal.sample.SampleContext.ALICE;
import static io.datamint.spark.internal.sample.SampleContext.BOB;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.sample.CtPhantom.Region;
import io.datamint.spark.internal.util.BuildInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample project's resources: three NIfTI CT volumes, two multi-frame DICOM CTs, six radiograph
 * PNGs (8-bit, 16-bit and RGB) and two ultrasound clips, for six patients. Each is rendered from
 * its phantom, written to {@code files/resources/<id>} and described by a Resource JSON whose
 * {@code size} is the file's length.
 */
final class SampleResources {

  private static final Instant FIRST_UPLOAD = Instant.parse("2026-02-10T09:00:00Z");
  private static final int VIDEO_WIDTH = 128;
  private static final int VIDEO_HEIGHT = 96;
  private static final int VIDEO_FPS = 24;

  private final SampleContext ctx;
  private final List<SampleResource> resources = new ArrayList<>();

  private SampleResources(SampleContext ctx) {
    this.ctx = ctx;
  }

  /** Writes every resource file and returns the resources in {@code resources.jsonl} order. */
  static List<SampleResource> write(SampleContext ctx) {
    SampleResources r = new SampleResources(ctx);
    r.nifti(
        "ct-abd-p001",
        "CT_ABD_P001.nii.gz",
        "application/x-nifti",
        "PAT-001",
        ALICE,
        List.of("ct", "abdomen", "contrast", "split:train"),
        new VolumeGeometry(64, 64, 20, 5, 5, 5, false),
        Region.ABDOMEN,
        true,
        false);
    // mimetype application/gzip: the SDK still recognises NIfTI by the .nii.gz suffix; stored as HU
    // + 1024 with
    // scl_inter = -1024
    r.nifti(
        "ct-abd-p002",
        "CT_ABD_P002.nii.gz",
        "application/gzip",
        "PAT-002",
        BOB,
        List.of("ct", "abdomen"),
        new VolumeGeometry(64, 56, 18, 5.5, 5.5, 6, false),
        Region.ABDOMEN,
        false,
        true);
    // slices stored superior first: the slice axis reads as I, so readers flip it
    r.nifti(
        "ct-chest-p003",
        "CT_CHEST_P003.nii.gz",
        "application/x-nifti",
        "PAT-003",
        ALICE,
        List.of("ct", "chest"),
        new VolumeGeometry(64, 64, 20, 5, 5, 5, true),
        Region.CHEST,
        false,
        false);
    r.dicom(
        "ct-abd-p001-dcm",
        "CT_ABD_P001_portal.dcm",
        "PAT-001",
        ALICE,
        List.of("ct", "abdomen", "contrast"),
        new VolumeGeometry(64, 64, 16, 5, 5, 6, false),
        Region.ABDOMEN,
        true,
        true);
    r.dicom(
        "ct-chest-p004-dcm",
        "CT_CHEST_P004.dcm",
        "PAT-004",
        BOB,
        List.of("ct", "chest"),
        new VolumeGeometry(64, 48, 16, 5, 5, 6, false),
        Region.CHEST,
        false,
        false);
    r.radiograph(
        "cxr-p001-pa",
        "CXR_P001_PA.png",
        "DX",
        "PAT-001",
        null,
        ALICE,
        List.of("xray", "chest", "split:train"),
        128,
        128,
        PixelFormat.GRAY8,
        true);
    r.radiograph(
        "cxr-p002-pa",
        "CXR_P002_PA.png",
        "CR",
        "PAT-002",
        null,
        BOB,
        List.of("xray", "chest", "split:val"),
        128,
        128,
        PixelFormat.GRAY8,
        true);
    r.radiograph(
        "cxr-p003-ap",
        "CXR_P003_AP_16bit.png",
        "DX",
        "PAT-003",
        null,
        ALICE,
        List.of("xray", "chest"),
        112,
        128,
        PixelFormat.GRAY16,
        true);
    // patient id only in metadata.PatientID
    r.radiograph(
        "cxr-p005-lat",
        "CXR_P005_LAT.png",
        "CR",
        null,
        "PAT-005",
        BOB,
        List.of("xray", "chest"),
        128,
        128,
        PixelFormat.GRAY8,
        true);
    // no patient id at all, never published, no annotation, never split
    r.radiograph(
        "cxr-anon-0001",
        "CXR_ANON_0001.png",
        "DX",
        null,
        null,
        BOB,
        List.of("xray", "chest"),
        128,
        128,
        PixelFormat.GRAY8,
        false);
    r.radiograph(
        "cxr-p006-pa-rgb",
        "CXR_P006_PA_rgb.png",
        "CR",
        "PAT-006",
        null,
        ALICE,
        List.of("xray", "chest"),
        128,
        128,
        PixelFormat.RGB,
        true);
    r.video(
        "us-carotid-p004",
        "US_CAROTID_P004.mp4",
        "PAT-004",
        ALICE,
        List.of("ultrasound", "split:train"),
        10,
        13,
        true);
    r.video(
        "us-carotid-anon", "US_CAROTID_ANON.mp4", null, BOB, List.of("ultrasound"), 2, 4, false);
    return List.copyOf(r.resources);
  }

  /** How a radiograph's pixels are stored. */
  private enum PixelFormat {
    GRAY8,
    GRAY16,
    RGB
  }

  private void nifti(
      String key,
      String filename,
      String mimetype,
      String patient,
      String uploader,
      List<String> tags,
      VolumeGeometry g,
      Region region,
      boolean contrast,
      boolean storedWithOffset) {
    CtPhantom phantom =
        new CtPhantom(g.nx(), g.ny(), g.nz(), region, contrast, ctx.ids.random(key));
    short[] hu = phantom.hounsfield();
    NiftiWriter writer =
        NiftiWriter.of(g.dims(), g.affine()).withGzip(true).withDescription("datamint sample CT");
    byte[] file;
    if (storedWithOffset) {
      short[] stored = new short[hu.length];
      for (int i = 0; i < hu.length; i++) {
        stored[i] = (short) (hu[i] + 1024);
      }
      file = writer.withScaling(1f, -1024f).int16(stored);
    } else {
      file = writer.int16(hu);
    }
    ObjectNode metadata =
        SampleContext.object()
            .put("width", g.nx())
            .put("height", g.ny())
            .put("frame_count", g.nz());
    metadata.putArray("spacing").add(g.sx()).add(g.sy()).add(g.sz());
    // the geometry slice reads count their rows from without opening the file
    metadata.putArray("shape").add(g.nx()).add(g.ny()).add(g.nz());
    ArrayNode axcodes = metadata.putArray("axcodes");
    for (String code : g.axcodes()) {
      axcodes.add(code);
    }
    add(
        key,
        new SampleResource.Volume(phantom, g),
        file,
        metadata,
        spec(filename, "NiftiResource", mimetype, "CT", patient, tags, uploader, true, null));
  }

  private void dicom(
      String key,
      String filename,
      String patient,
      String uploader,
      List<String> tags,
      VolumeGeometry g,
      Region region,
      boolean contrast,
      boolean frameCountAsString) {
    CtPhantom phantom =
        new CtPhantom(g.nx(), g.ny(), g.nz(), region, contrast, ctx.ids.random(key));
    short[] stored = phantom.hounsfield();
    for (int i = 0; i < stored.length; i++) {
      stored[i] = (short) (stored[i] - DicomWriter.RESCALE_INTERCEPT);
    }
    String[] uids = {
      ctx.ids.dicomUid(key + "/instance"),
      ctx.ids.dicomUid(key + "/series"),
      ctx.ids.dicomUid(patient + "/study")
    };
    byte[] file =
        DicomWriter.encode(
            new DicomWriter.CtSeries(
                patient,
                "SAMPLE^" + patient.replace("-", ""),
                "20260209",
                uids[2],
                uids[1],
                uids[0],
                ctx.ids.dicomUid(key + "/frame-of-reference"),
                g.ny(),
                g.nx(),
                g.nz(),
                g.sy(),
                g.sx(),
                g.sz(),
                g.firstPositionLps(),
                stored));
    ObjectNode metadata = SampleContext.object();
    if (frameCountAsString) { // as the API has been seen to send it
      metadata.put("frame_count", Integer.toString(g.nz()));
    } else {
      metadata.put("frame_count", g.nz());
    }
    metadata
        .put("width", g.nx())
        .put("height", g.ny())
        .put("Modality", "CT")
        .put("PatientID", patient)
        .put("instance_uid", uids[0])
        .put("series_uid", uids[1])
        .put("study_uid", uids[2])
        .put("patient_id", patient);
    // as DicomWriter writes it: slice reads count their rows from it without opening the file
    metadata.putArray("ImageOrientationPatient").add(1).add(0).add(0).add(0).add(1).add(0);
    add(
        key,
        new SampleResource.Series(phantom, g),
        file,
        metadata,
        spec(
            filename,
            "DicomResource",
            "application/dicom",
            "CT",
            patient,
            tags,
            uploader,
            true,
            uids));
  }

  private void radiograph(
      String key,
      String filename,
      String modality,
      String patient,
      String metadataPatient,
      String uploader,
      List<String> tags,
      int width,
      int height,
      PixelFormat format,
      boolean published) {
    XrayPhantom phantom = new XrayPhantom(width, height, ctx.ids.random(key));
    double[] img = phantom.render();
    byte[] file =
        switch (format) {
          case GRAY8 -> PngWriter.gray8(width, height, scale8(img));
          case GRAY16 -> PngWriter.gray16(width, height, scale12(img));
          case RGB -> PngWriter.rgb(width, height, grayRgb(img));
        };
    ObjectNode metadata = SampleContext.object().put("width", width).put("height", height);
    if (metadataPatient != null) {
      metadata.put("PatientID", metadataPatient);
    }
    add(
        key,
        new SampleResource.Radiograph(phantom),
        file,
        metadata,
        spec(
            filename,
            "ImageResource",
            "image/png",
            modality,
            patient,
            tags,
            uploader,
            published,
            null));
  }

  private void video(
      String key,
      String filename,
      String patient,
      String uploader,
      List<String> tags,
      int artifactFrom,
      int artifactTo,
      boolean frameCountInMetadata) {
    int videoFrames = ctx.profile.videoFrames();
    UltrasoundPhantom phantom =
        new UltrasoundPhantom(
            VIDEO_WIDTH, VIDEO_HEIGHT, videoFrames, artifactFrom, artifactTo, ctx.ids.random(key));
    List<byte[]> frames = new ArrayList<>();
    for (int f = 0; f < videoFrames; f++) {
      frames.add(phantom.frame(f));
    }
    Instant created = uploadTime();
    byte[] file;
    try {
      file = VideoWriter.h264Mp4(VIDEO_WIDTH, VIDEO_HEIGHT, VIDEO_FPS, frames, created);
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException(
          "writing the sample project's video "
              + filename
              + " needs the H.264 encoder"
              + " org.jcodec:jcodec on the class path, an optional dependency of the connector that --packages"
              + " leaves out; use the self-contained jar or bin/datamint-sample (both have it), or add"
              + " org.jcodec:jcodec:"
              + BuildInfo.jcodecVersion()
              + " (missing: "
              + e.getMessage()
              + ")",
          e);
    }
    ObjectNode metadata = SampleContext.object();
    if (frameCountInMetadata) {
      metadata
          .put("frame_count", videoFrames)
          .put("width", VIDEO_WIDTH)
          .put("height", VIDEO_HEIGHT)
          .put("fps", VIDEO_FPS);
    } else { // ffprobe-like, as the SDK's video fixtures have it
      metadata
          .putArray("streams")
          .addObject()
          .put("codec_type", "video")
          .put("codec_name", "h264")
          .put("nb_frames", Integer.toString(videoFrames))
          .put("width", VIDEO_WIDTH)
          .put("height", VIDEO_HEIGHT)
          .put("r_frame_rate", VIDEO_FPS + "/1");
    }
    add(
        key,
        new SampleResource.Clip(phantom),
        file,
        metadata,
        spec(filename, "VideoResource", "video/mp4", "US", patient, tags, uploader, true, null));
  }

  private ResourceJson.Spec spec(
      String filename,
      String storage,
      String mimetype,
      String modality,
      String patient,
      List<String> tags,
      String uploader,
      boolean published,
      String[] uids) {
    return new ResourceJson.Spec(
        filename,
        storage,
        mimetype,
        modality,
        patient,
        tags,
        uploader,
        published,
        uploadTime(),
        uids);
  }

  /** Resources were uploaded 17 minutes apart, in catalogue order. */
  private Instant uploadTime() {
    return FIRST_UPLOAD.plusSeconds(17L * 60 * resources.size());
  }

  private void add(
      String key,
      SampleResource.Content content,
      byte[] file,
      ObjectNode metadata,
      ResourceJson.Spec spec) {
    String id = ctx.ids.id("resource/" + key);
    long size = ctx.out.resourceFile(id, file);
    resources.add(
        new SampleResource(key, id, ResourceJson.build(ctx, spec, id, size, metadata), content));
  }

  private static byte[] scale8(double[] img) {
    byte[] out = new byte[img.length];
    for (int i = 0; i < img.length; i++) {
      out[i] = (byte) Math.round(img[i] * 255);
    }
    return out;
  }

  /** A 12-bit detector's range in a 16-bit container. */
  private static short[] scale12(double[] img) {
    short[] out = new short[img.length];
    for (int i = 0; i < img.length; i++) {
      out[i] = (short) Math.round(img[i] * 4095);
    }
    return out;
  }

  private static int[] grayRgb(double[] img) {
    int[] out = new int[img.length];
    for (int i = 0; i < img.length; i++) {
      int v = (int) Math.round(img[i] * 255);
      out[i] = (v << 16) | (v << 8) | v;
    }
    return out;
  }
}
