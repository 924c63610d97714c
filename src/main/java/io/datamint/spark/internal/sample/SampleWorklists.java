package io.datamint.spark.internal.sample;

import static io.datamint.spark.internal.sample.SampleContext.ALICE;
import static io.datamint.spark.internal.sample.SampleContext.BOB;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Predicate;

/**
 * The sample project's two annotation worklists: chest X-ray review (labels, categories, lung and
 * heart masks) and CT / ultrasound segmentation (liver, tumour, vessel masks, frame artefacts).
 * They share the {@code nodule} label and the {@code quality} category with identical specs, and
 * one segmentation group whose index 3 is unused on purpose (so label codes are not positions).
 */
final class SampleWorklists {

  /** The chest X-ray review worklist (the project's default). */
  final String xrayId;

  /** The CT and ultrasound segmentation worklist. */
  final String segmentationId;

  static final String XRAY_NAME = "Chest X-ray review";
  static final String SEGMENTATION_NAME = "CT and ultrasound segmentation";

  private final List<String> extraAnnotators;

  SampleWorklists(SampleContext ctx) {
    this.extraAnnotators = ctx.profile.extraAnnotators();
    this.xrayId = ctx.ids.id("worklist/chest-xray");
    this.segmentationId = ctx.ids.id("worklist/ct-us-segmentation");
  }

  /** The {@code worklists.json} list. */
  ArrayNode json(List<SampleResource> resources) {
    ArrayNode list = SampleContext.object().arrayNode();
    ObjectNode xray =
        worklist(
            list,
            xrayId,
            XRAY_NAME,
            "Image-level findings, view and quality, lung and heart outlines on chest radiographs.",
            ALICE,
            "2026-02-05T14:00:00.000Z",
            resources,
            r -> r.content() instanceof SampleResource.Radiograph);
    ArrayNode specs = xray.putArray("annotations");
    spec(specs, "label", "image", false, "pneumonia");
    spec(specs, "label", "image", false, "nodule");
    spec(specs, "label", "image", false, "fracture");
    spec(specs, "category", "image", true, "quality", "good", "poor");
    spec(specs, "category", "image", true, "view", "PA", "AP", "LAT");
    spec(specs, "segmentation", "image", false, "lung");
    spec(specs, "segmentation", "image", false, "heart");
    xray.set("segmentation_group", segmentationGroup());

    ObjectNode seg =
        worklist(
            list,
            segmentationId,
            SEGMENTATION_NAME,
            "Organ and lesion masks on CT, vessel lumen and artefact frames on carotid ultrasound.",
            BOB,
            "2026-02-06T10:30:00.000Z",
            resources,
            r -> !(r.content() instanceof SampleResource.Radiograph));
    specs = seg.putArray("annotations");
    spec(specs, "segmentation", "image", false, "liver");
    spec(specs, "segmentation", "image", false, "tumor");
    spec(specs, "segmentation", "frame", false, "vessel");
    spec(specs, "label", "frame", false, "artifact");
    spec(specs, "label", "image", false, "nodule");
    spec(specs, "category", "image", true, "quality", "good", "poor");
    seg.set("segmentation_group", segmentationGroup());
    return list;
  }

  private ObjectNode worklist(
      ArrayNode list,
      String id,
      String name,
      String description,
      String creator,
      String createdAt,
      List<SampleResource> resources,
      Predicate<SampleResource> member) {
    ObjectNode w = list.addObject();
    w.put("id", id);
    w.put("name", name);
    w.put("status", "new");
    ArrayNode annotators = w.putArray("annotators");
    annotators
        .addObject()
        .put("email", ALICE)
        .put("status", "active")
        .put("expertise_level", "expert");
    annotators
        .addObject()
        .put("email", BOB)
        .put("status", "active")
        .put("expertise_level", "intermediate");
    for (String email : extraAnnotators) {
      annotators
          .addObject()
          .put("email", email)
          .put("status", "active")
          .put("expertise_level", "intermediate");
    }
    w.put("description", description);
    w.put("created_by", creator);
    w.put("created_at", createdAt);
    ArrayNode ids = w.putArray("resource_ids");
    resources.stream().filter(member).forEach(r -> ids.add(r.id()));
    return w;
  }

  private static void spec(
      ArrayNode specs,
      String type,
      String scope,
      boolean required,
      String identifier,
      String... values) {
    ObjectNode s = specs.addObject();
    s.put("type", type).put("scope", scope).put("required", required).put("identifier", identifier);
    if (values.length > 0) {
      ArrayNode v = s.putArray("values");
      for (String value : values) {
        v.add(value);
      }
    }
  }

  /** Segmentation label codes; index 3 is deliberately unused. */
  private static ObjectNode segmentationGroup() {
    ObjectNode groups = SampleContext.object();
    String[] names = {"lung", "heart", "liver", "tumor", "vessel"};
    int[] indexes = {1, 2, 4, 5, 6};
    for (int i = 0; i < names.length; i++) {
      groups.putObject(names[i]).put("index", indexes[i]);
    }
    ObjectNode group = SampleContext.object();
    group.set("groups", groups);
    return group;
  }
}
