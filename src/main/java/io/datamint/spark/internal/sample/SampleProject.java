package io.datamint.spark.internal.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a realistic sample Datamint project as a project mirror (contracts section 2): {@code
 * project.json}, {@code resources.jsonl}, {@code annotations.jsonl}, {@code worklists.json}, {@code
 * splits.jsonl} and the files under {@code files/}.
 *
 * <p>The project, {@code sample-ct-xray-us}, has 13 resources of six patients: three NIfTI CT
 * volumes, two multi-frame DICOM CTs, six chest radiograph PNGs and two ultrasound clips, with
 * labels, categories, masks, a line measurement, bounding boxes, model annotations, an annotation
 * outside every worklist, two worklists and a split history. Every id, timestamp and pixel derives
 * from the seed: the same seed always writes byte-identical files, another seed writes other ids
 * and pixels with the same structure. (The phantoms use {@link StrictMath} and seeded {@link
 * java.util.Random} streams only, so the bytes are also the same on every JVM and platform.)
 */
public final class SampleProject {

  /** The name in {@code project.json}. */
  public static final String NAME = SampleContext.PROJECT_NAME;

  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 42;

  private SampleProject() {}

  /** What was written. */
  public record Summary(
      Path dir, String projectId, int resources, int annotations, int splitRows) {}

  /**
   * Writes the sample project mirror to {@code dir}.
   *
   * @param dir a directory that does not exist, is empty, or holds an earlier sample mirror (which
   *     is replaced)
   * @param seed the seed of every id and pixel
   * @throws IllegalStateException if {@code dir} holds anything else; nothing is written then
   * @throws IOException if writing fails
   */
  public static Summary write(Path dir, long seed) throws IOException {
    return write(dir, seed, SampleProfile.DEFAULT);
  }

  /**
   * Writes the sample project mirror with more annotators or longer clips ({@link SampleProfile});
   * with {@link SampleProfile#DEFAULT} exactly {@link #write(Path, long)}.
   *
   * @param dir as {@link #write(Path, long)}
   * @param seed the seed of every id and pixel
   * @param profile the annotators and clip frames
   * @throws IllegalStateException if {@code dir} holds anything else; nothing is written then
   * @throws IOException if writing fails
   */
  public static Summary write(Path dir, long seed, SampleProfile profile) throws IOException {
    MirrorWriter out = MirrorWriter.open(dir, NAME);
    SampleContext ctx = new SampleContext(new SampleIds(seed), out, profile);
    SampleWorklists worklists = new SampleWorklists(ctx);

    List<SampleResource> resources = SampleResources.write(ctx);
    List<ObjectNode> annotations = SampleAnnotations.write(ctx, worklists, resources);
    List<ObjectNode> splits = SampleSplits.rows(ctx, resources);

    out.jsonLines(MirrorWriter.RESOURCES, resources.stream().map(SampleResource::json).toList());
    out.jsonLines(MirrorWriter.ANNOTATIONS, annotations);
    out.json(MirrorWriter.WORKLISTS, worklists.json(resources));
    out.jsonLines(MirrorWriter.SPLITS, splits);
    out.json(MirrorWriter.PROJECT, project(ctx, worklists, resources, annotations));
    return new Summary(dir, ctx.projectId, resources.size(), annotations.size(), splits.size());
  }

  private static ObjectNode project(
      SampleContext ctx,
      SampleWorklists worklists,
      List<SampleResource> resources,
      List<ObjectNode> annotations) {
    long annotated =
        annotations.stream().map(a -> a.get("resource_id").asText()).distinct().count();
    ObjectNode p = SampleContext.object();
    p.put("id", ctx.projectId);
    p.put("name", NAME);
    p.put(
        "description",
        "Synthetic sample project: CT volumes (NIfTI, DICOM), chest radiographs (PNG) and carotid"
            + " ultrasound clips (MP4) with labels, categories, masks and split history. Not patient data.");
    p.put("created_at", SampleTime.format(SampleTime.PROJECT_CREATED));
    p.put("created_by", SampleContext.ALICE);
    p.put("dataset_id", ctx.ids.id("dataset"));
    p.put("archived", false);
    p.put("resource_count", resources.size());
    p.put("annotated_resource_count", annotated);
    p.put(
        "worklist_id",
        ctx.profile.defaultWorklist() == SampleProfile.DefaultWorklist.SEGMENTATION
            ? worklists.segmentationId
            : worklists.xrayId);
    p.putNull("ai_model_id");
    p.put("viewable_ai_segs", true);
    p.put("editable_ai_segs", false);
    ArrayNode annotators = p.putArray("annotators");
    for (String email : ctx.profile.annotatorEmails()) {
      ObjectNode a = annotators.addObject().put("email", email);
      a.putArray("worklist_ids").add(worklists.xrayId).add(worklists.segmentationId);
    }
    p.putArray("pinned_metrics");
    return p;
  }
}
