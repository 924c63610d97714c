package io.datamint.spark.testing;

import static io.datamint.spark.internal.decode.OptionalLibrary.FFMPEG;
import static io.datamint.spark.internal.decode.OptionalLibrary.JAI_IMAGEIO_JPEG2000;
import static io.datamint.spark.internal.decode.OptionalLibrary.TWELVEMONKEYS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.decode.OptionalLibrary;
import io.datamint.spark.internal.sample.SampleProject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The sample project plus a resource of every format that needs an optional library (used by {@code
 * MissingLibraryReadTest} and the deployment tests), each labelled with the library its row needs.
 * The extra rasters are written here with the JDK's own ImageIO writers; the compressed DICOM
 * files, the 4-D NIfTI and the AVI come from the test corpus ({@link TestCorpus}). The mask of the
 * lateral radiograph's heart is re-encoded as TIFF, so that one row needs a library for its mask
 * only.
 */
public final class EveryFormatProject {

  /**
   * One resource of the project.
   *
   * @param need the optional library that decoding its file (or, when {@code maskOnly}, one of its
   *     masks) needs; null for none
   * @param what the file as the message about a missing library names it ("decoding this JPEG image
   *     needs ..."), null when it needs none
   * @param volume whether a read with {@code slice} cuts it into slices
   */
  public record Row(
      String resourceId,
      String filename,
      OptionalLibrary need,
      String what,
      boolean maskOnly,
      boolean volume) {}

  /** The lateral radiograph whose heart mask becomes a TIFF file. */
  public static final String TIFF_MASK_RESOURCE = "CXR_P005_LAT.png";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VIDEO = "this video";

  /**
   * The corpus files added when the corpus is there, each as the row it becomes (its id is a
   * placeholder).
   */
  private static final Map<String, Row> CORPUS = new LinkedHashMap<>();

  static {
    corpus(
        "dicom/pydicom__SC_rgb_jpeg_dcmtk.dcm",
        TWELVEMONKEYS,
        "this DICOM file's JPEG Baseline (Process 1) pixel data (transfer syntax 1.2.840.10008.1.2.4.50)",
        false);
    corpus(
        "dicom/jpeg-lossless-decoder-js__jpeg_lossless_sel1-8bit.dcm",
        TWELVEMONKEYS,
        "this DICOM file's JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])"
            + " pixel data (transfer syntax 1.2.840.10008.1.2.4.70)",
        true);
    corpus(
        "dicom/pydicom__MR_small_jp2klossless.dcm",
        JAI_IMAGEIO_JPEG2000,
        "this DICOM file's JPEG 2000 Image"
            + " Compression (Lossless Only) pixel data (transfer syntax 1.2.840.10008.1.2.4.90)",
        false);
    corpus("dicom/pydicom__MR_small_jpeg_ls_lossless.dcm", null, null, false);
    corpus("dicom/pydicom__JPGExtended.dcm", null, null, false);
    corpus("dicom/pydicom__MR_small_RLE.dcm", null, null, false);
    corpus("nifti/python3-nibabel__example4d.nii.gz", null, null, true);
    corpus("video/opencv-doc__tree.avi", FFMPEG, VIDEO, false);
  }

  private EveryFormatProject() {}

  private static void corpus(String path, OptionalLibrary need, String what, boolean volume) {
    CORPUS.put(
        path, new Row(null, Path.of(path).getFileName().toString(), need, what, false, volume));
  }

  /**
   * Writes the project to {@code dir}.
   *
   * @return every resource with what its row needs, in {@code resources.jsonl} order
   */
  public static List<Row> write(Path dir) throws IOException {
    SampleProject.write(dir, SampleProject.DEFAULT_SEED);
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("resources.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode resource = JSON.readTree(line);
      String id = resource.path("id").asText();
      String filename = resource.path("filename").asText();
      boolean video = filename.endsWith(".mp4");
      if (filename.equals(TIFF_MASK_RESOURCE)) {
        reencodeMaskAsTiff(dir, id);
        rows.add(new Row(id, filename, TWELVEMONKEYS, "this TIFF image", true, false));
      } else {
        rows.add(
            new Row(
                id,
                filename,
                video ? FFMPEG : null,
                video ? VIDEO : null,
                false,
                !video && !filename.endsWith(".png")));
      }
    }
    BufferedImage picture = picture();
    rows.add(
        add(
            dir,
            new Row("extra-jpeg", "photo.jpg", TWELVEMONKEYS, "this JPEG image", false, false),
            "image/jpeg",
            write(picture, "jpeg")));
    rows.add(
        add(
            dir,
            new Row("extra-tiff", "scan.tif", TWELVEMONKEYS, "this TIFF image", false, false),
            "image/tiff",
            write(picture, "tiff")));
    rows.add(
        add(
            dir,
            new Row("extra-bmp", "scan.bmp", null, null, false, false),
            "image/bmp",
            write(picture, "bmp")));
    rows.add(
        add(
            dir,
            new Row("extra-gif", "scan.gif", null, null, false, false),
            "image/gif",
            write(picture, "gif")));
    int n = 0;
    for (Map.Entry<String, Row> entry : CORPUS.entrySet()) {
      Row r = entry.getValue();
      String name = r.filename();
      String mimetype =
          name.endsWith(".dcm")
              ? "application/dicom"
              : name.endsWith(".avi") ? "video/x-msvideo" : "application/gzip";
      rows.add(
          add(
              dir,
              new Row("extra-corpus-" + n++, name, r.need(), r.what(), false, r.volume()),
              mimetype,
              Files.readAllBytes(TestCorpus.file(entry.getKey()))));
    }
    return rows;
  }

  /** A small RGB picture with gradients, so every encoder has something to compress. */
  private static BufferedImage picture() {
    BufferedImage image = new BufferedImage(40, 24, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, (x * 6) << 16 | (y * 10) << 8 | ((x + y) * 4));
      }
    }
    return image;
  }

  private static byte[] write(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, format, out)) {
      throw new IllegalStateException("the JDK has no " + format + " writer");
    }
    return out.toByteArray();
  }

  /**
   * Replaces the PNG mask of the resource's first segmentation with the same pixels as a TIFF file.
   */
  private static void reencodeMaskAsTiff(Path dir, String resourceId) throws IOException {
    for (String line :
        Files.readAllLines(dir.resolve("annotations.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode annotation = JSON.readTree(line);
      Path file = dir.resolve("files/annotations").resolve(annotation.path("id").asText());
      if (resourceId.equals(annotation.path("resource_id").asText()) && Files.isRegularFile(file)) {
        BufferedImage mask = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(file)));
        Files.write(file, write(mask, "tiff"));
        return;
      }
    }
    throw new IllegalStateException("the sample project has no mask on resource " + resourceId);
  }

  /** Appends {@code row}'s resource with its file. */
  private static Row add(Path dir, Row row, String mimetype, byte[] file) throws IOException {
    Files.write(dir.resolve("files/resources").resolve(row.resourceId()), file);
    ObjectNode resource = JSON.createObjectNode();
    resource.put("id", row.resourceId());
    resource.put("filename", row.filename());
    resource.put("mimetype", mimetype);
    resource.put(
        "storage",
        mimetype.equals("application/dicom")
            ? "DicomResource"
            : mimetype.startsWith("video/")
                ? "VideoResource"
                : mimetype.startsWith("image/") ? "ImageResource" : "NiftiResource");
    resource.put("modality", "OT");
    resource.put("size", file.length);
    resource.put("status", "published");
    resource.put("created_at", "2026-03-01T00:00:00.000Z");
    resource.putArray("tags").add("extra");
    resource.putObject("metadata");
    Files.writeString(
        dir.resolve("resources.jsonl"),
        JSON.writeValueAsString(resource) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    return row;
  }
}
