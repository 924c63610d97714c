package io.datamint.spark.internal.sample;

import static io.datamint.spark.internal.sample.SampleContext.ALICE;
import static io.datamint.spark.internal.sample.SampleContext.BOB;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sample project's annotations: image labels and categories from two annotators, lung and heart
 * PNG masks on radiographs, liver and tumour NIfTI masks on CT volumes (one of them from a model),
 * per-frame vessel PNG masks and artefact frame labels on ultrasound clips, a line measurement on a
 * DICOM slice, bounding boxes ({@code square}) on a radiograph, a CT slice and an ultrasound frame,
 * and one annotation outside every worklist ({@code incidental_finding}). Two resources are left
 * without any annotation. Mask files are drawn from the resources' phantoms and written to {@code
 * files/annotations/<id>}.
 */
final class SampleAnnotations {

  private static final Instant FIRST_ANNOTATION = Instant.parse("2026-02-20T10:00:00Z");

  private final SampleContext ctx;
  private final SampleWorklists worklists;
  private final Map<String, SampleResource> byKey;
  private final List<ObjectNode> rows = new ArrayList<>();

  private SampleAnnotations(
      SampleContext ctx, SampleWorklists worklists, List<SampleResource> resources) {
    this.ctx = ctx;
    this.worklists = worklists;
    this.byKey =
        resources.stream().collect(Collectors.toMap(SampleResource::key, Function.identity()));
  }

  /** Writes every mask file and returns the annotation rows in {@code annotations.jsonl} order. */
  static List<ObjectNode> write(
      SampleContext ctx, SampleWorklists worklists, List<SampleResource> resources) {
    SampleAnnotations a = new SampleAnnotations(ctx, worklists, resources);
    a.ctVolumes();
    a.ctSeries();
    a.radiographs();
    a.ultrasound();
    a.boxes(); // last: the rows and ids above are those of the sample before boxes
    // after every annotation of the sample: its rows and ids stay the same
    List<String> extra = ctx.profile.extraAnnotators();
    for (int i = 0; i < extra.size(); i++) {
      a.extraAnnotator(extra.get(i), i);
    }
    return List.copyOf(a.rows);
  }

  private void ctVolumes() {
    SampleResource ct1 = byKey.get("ct-abd-p001");
    volumeMask(seg(ct1, "liver").by(ALICE), ct1, "liver", 0, 0, 0, 1.0, true);
    volumeMask(seg(ct1, "tumor").by(ALICE).shortKeys().noScope(), ct1, "tumor", 0, 0, 0, 1.0, true);
    volumeMask(
        seg(ct1, "liver").byModel("liver-seg-unet-v3", ctx.ids.id("model/liver-seg-unet-v3")),
        ct1,
        "liver",
        1,
        0,
        0,
        1.04,
        true);
    add(category(ct1, "quality", "good").by(BOB).shortKeys().noScope());

    SampleResource ct2 = byKey.get("ct-abd-p002");
    volumeMask(seg(ct2, "liver").by(BOB), ct2, "liver", 0, 0.5, 0, 0.98, false);

    SampleResource ct3 = byKey.get("ct-chest-p003");
    add(label(ct3, "nodule").by(ALICE).shortKeys().noScope());
    volumeMask(seg(ct3, "tumor").by(BOB), ct3, "tumor", 0, 0, 0, 1.0, true);
    add(category(ct3, "quality", "poor").by(ALICE));
  }

  private void ctSeries() {
    SampleResource dcm = byKey.get("ct-abd-p001-dcm");
    ObjectNode geometry = SampleContext.object();
    ArrayNode points = geometry.putArray("points");
    points.addArray().add(18.0).add(26.0).add(9);
    points.addArray().add(29.5).add(31.0).add(9);
    add(
        AnnotationJson.of("line", "lesion_diameter", dcm)
            .by(ALICE)
            .frame(9)
            .geometry(geometry, "mm")
            .worklist(worklists.segmentationId, SampleWorklists.SEGMENTATION_NAME)
            .shortKeys()
            .noScope());
    add(category(dcm, "quality", "good").by(ALICE));
  }

  private void radiographs() {
    SampleResource p1 = byKey.get("cxr-p001-pa");
    pngMask(seg(p1, "lung").by(ALICE).shortKeys().noScope(), p1, "lung", 0, 0, 1);
    pngMask(seg(p1, "heart").by(ALICE).shortKeys().noScope(), p1, "heart", 0, 0, 1);
    add(label(p1, "pneumonia").by(ALICE).shortKeys().noScope());
    add(category(p1, "view", "PA").by(ALICE));
    add(category(p1, "quality", "good").by(BOB));
    pngMask(seg(p1, "lung").by(BOB), p1, "lung", 1.5, -1, 0.97);

    SampleResource p2 = byKey.get("cxr-p002-pa");
    pngMask(seg(p2, "lung").by(BOB), p2, "lung", 0, 0, 1);
    pngMask(seg(p2, "heart").by(BOB), p2, "heart", -1, 0, 1.03);
    add(label(p2, "pneumonia").by(BOB).shortKeys());
    add(label(p2, "pneumonia").by(ALICE).shortKeys().unpublished());
    add(category(p2, "quality", "poor").by(ALICE).shortKeys().noScope());
    add(category(p2, "view", "PA").by(BOB));

    SampleResource p3 = byKey.get("cxr-p003-ap");
    add(label(p3, "fracture").by(ALICE).imported("prior-read-2025", "dr.smith@hospital.example"));
    add(
        category(p3, "view", "AP")
            .by(BOB)
            .shortKeys()
            .imported("prior-read-2025", "dr.smith@hospital.example"));
    add(label(p3, "nodule").by(ALICE).shortKeys().noScope().unpublished());

    SampleResource p5 = byKey.get("cxr-p005-lat");
    add(category(p5, "view", "LAT").by(ALICE).shortKeys());
    pngMask(seg(p5, "heart").by(ALICE), p5, "heart", 0, 0, 1);

    SampleResource p6 = byKey.get("cxr-p006-pa-rgb");
    add(label(p6, "fracture").by(BOB));
    // in no worklist: only kept by readers that allow external annotations
    add(
        AnnotationJson.of("label", "incidental_finding", p6)
            .by(ALICE)
            .imported("pacs-report-import", "report-parser"));
    pngMask(seg(p6, "lung").by(BOB).shortKeys(), p6, "lung", 0, 1, 1);
  }

  private void ultrasound() {
    SampleResource us1 = byKey.get("us-carotid-p004");
    for (int f : new int[] {0, 8, 16, 23}) {
      frameMask(seg(us1, "vessel").by(ALICE).frame(f).shortKeys().noScope(), us1, f);
    }
    frameMask(seg(us1, "vessel").by(BOB).frame(8), us1, 8);
    add(label(us1, "artifact").by(BOB).frame(12));
    add(label(us1, "artifact").by(ALICE).frame(12).shortKeys().noScope());

    SampleResource us2 = byKey.get("us-carotid-anon");
    add(label(us2, "artifact").by(ALICE).frame(3).shortKeys().noScope());
    frameMask(seg(us2, "vessel").by(ALICE).frame(5), us2, 5);
    frameMask(seg(us2, "vessel").by(ALICE).frame(6).unpublished(), us2, 6);
    add(category(us2, "quality", "good").by(BOB));
  }

  /**
   * Bounding boxes ({@code square}, the SDK's box geometry: four corners {@code [x, y, z]} in
   * pixels, corner 0 the minimum and corner 3 the maximum): two on a radiograph (one of them a
   * model's prediction), one on a CT slice and one on an ultrasound frame.
   */
  private void boxes() {
    SampleResource p1 = byKey.get("cxr-p001-pa");
    add(inWorklist(box(p1, "opacity", 30, 40, 58, 76, 0), p1).by(ALICE));
    add(
        inWorklist(box(p1, "opacity", 70, 42, 96, 80, 0), p1)
            .byModel("opacity-detector-v1", ctx.ids.id("model/opacity-detector-v1")));
    SampleResource ct1 = byKey.get("ct-abd-p001");
    add(inWorklist(box(ct1, "lesion", 20, 24, 34, 36, 10), ct1).by(ALICE).frame(10));
    SampleResource us1 = byKey.get("us-carotid-p004");
    add(inWorklist(box(us1, "plaque", 40, 30, 60, 44, 8), us1).by(BOB).frame(8).shortKeys());
  }

  /**
   * The annotations of the {@code i}-th annotator after alice and bob ({@link SampleProfile}):
   * radiograph masks, labels and categories, a liver mask on the first CT volume, vessel masks and
   * artefact labels spread over both clips (up to their last frame), each a little different from
   * the other annotators' so that merges have something to decide.
   */
  private void extraAnnotator(String author, int i) {
    double shift = 0.5 * (i + 1);
    SampleResource p1 = byKey.get("cxr-p001-pa");
    pngMask(seg(p1, "lung").by(author), p1, "lung", shift, -shift, 1 + 0.01 * (i + 1));
    add(label(p1, "pneumonia").by(author));
    add(category(p1, "view", i % 2 == 0 ? "PA" : "AP").by(author));
    SampleResource p2 = byKey.get("cxr-p002-pa");
    pngMask(seg(p2, "heart").by(author), p2, "heart", -shift, shift, 1);
    add(category(p2, "quality", i % 2 == 0 ? "good" : "poor").by(author).shortKeys());
    if (i % 2 != 0) {
      add(label(p2, "nodule").by(author));
    }

    SampleResource ct1 = byKey.get("ct-abd-p001");
    volumeMask(seg(ct1, "liver").by(author), ct1, "liver", shift, 0, 0, 0.99, true);
    add(category(ct1, "quality", i % 2 == 0 ? "poor" : "good").by(author));

    int last = ctx.profile.videoFrames() - 1;
    SampleResource us1 = byKey.get("us-carotid-p004");
    for (int f : new int[] {i + 1, last / 2 + i, last - i}) {
      frameMask(seg(us1, "vessel").by(author).frame(f), us1, f);
    }
    add(label(us1, "artifact").by(author).frame(last - 2 * i));
    SampleResource us2 = byKey.get("us-carotid-anon");
    frameMask(seg(us2, "vessel").by(author).frame(last).shortKeys(), us2, last);
    add(label(us2, "artifact").by(author).frame(last / 2));
  }

  private static AnnotationJson box(
      SampleResource r, String name, double x1, double y1, double x2, double y2, int z) {
    ObjectNode geometry = SampleContext.object();
    ArrayNode points = geometry.putArray("points");
    points.addArray().add(x1).add(y1).add(z);
    points.addArray().add(x2).add(y1).add(z);
    points.addArray().add(x1).add(y2).add(z);
    points.addArray().add(x2).add(y2).add(z);
    return AnnotationJson.of("square", name, r).geometry(geometry, "pixel");
  }

  private AnnotationJson seg(SampleResource r, String name) {
    return inWorklist(AnnotationJson.of("segmentation", name, r), r);
  }

  private AnnotationJson label(SampleResource r, String name) {
    return inWorklist(AnnotationJson.of("label", name, r), r);
  }

  private AnnotationJson category(SampleResource r, String name, String value) {
    return inWorklist(AnnotationJson.of("category", name, r).value(value), r);
  }

  private AnnotationJson inWorklist(AnnotationJson a, SampleResource r) {
    return r.content() instanceof SampleResource.Radiograph
        ? a.worklist(worklists.xrayId, SampleWorklists.XRAY_NAME)
        : a.worklist(worklists.segmentationId, SampleWorklists.SEGMENTATION_NAME);
  }

  /** A NIfTI uint8 mask with the volume's dimensions and affine. */
  private void volumeMask(
      AnnotationJson a,
      SampleResource r,
      String organ,
      double dx,
      double dy,
      double dz,
      double scale,
      boolean gzip) {
    SampleResource.Volume v = (SampleResource.Volume) r.content();
    byte[] mask = v.phantom().mask(organ, dx, dy, dz, scale);
    VolumeGeometry g = v.geometry();
    byte[] file =
        NiftiWriter.of(g.dims(), g.affine())
            .withGzip(gzip)
            .withDescription(organ + " mask")
            .uint8(mask);
    add(a.maskFile(gzip ? "nii.gz" : "nii"), file);
  }

  /** A PNG mask (8-bit L, 0/255) of a radiograph structure. */
  private void pngMask(
      AnnotationJson a, SampleResource r, String structure, double dx, double dy, double scale) {
    XrayPhantom x = ((SampleResource.Radiograph) r.content()).phantom();
    add(a.maskFile("png"), PngWriter.mask(x.width(), x.height(), x.mask(structure, dx, dy, scale)));
  }

  /** A one-frame PNG mask of the vessel lumen of a clip. */
  private void frameMask(AnnotationJson a, SampleResource r, int frame) {
    UltrasoundPhantom u = ((SampleResource.Clip) r.content()).phantom();
    add(a.maskFile("png"), PngWriter.mask(u.width(), u.height(), u.vesselMask(frame)));
  }

  private void add(AnnotationJson a) {
    add(a, null);
  }

  /** Appends the row; annotations were made 13 minutes apart, in this order. */
  private void add(AnnotationJson a, byte[] maskFile) {
    int n = rows.size();
    String id = ctx.ids.id("annotation/" + n);
    rows.add(a.build(ctx, id, FIRST_ANNOTATION.plusSeconds(13L * 60 * n)));
    if (maskFile != null) {
      ctx.out.annotationFile(id, maskFile);
    }
  }
}
