package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.sample.DicomWriter;
import io.datamint.spark.internal.sample.NiftiWriter;
import io.datamint.spark.internal.sample.PngWriter;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Masks land on the pixels they were drawn on: for a PNG, a DICOM volume and a NIfTI volume with a
 * non-trivial orientation (the slice axis coded I, so the reader flips it), a bright box is drawn
 * in the image and the same box in the mask file; read through {@code spark.read}, the mask's ones
 * are exactly the image's bright voxels.
 */
class MaskAlignmentReadTest {

  private static final int W = 24;
  private static final int H = 16;
  private static final int D = 5;

  @TempDir static Path tmp;
  static Map<String, Row> rows = new HashMap<>();

  /** True inside the box (x 15..20, y 3..7, and slices 1..2 of a volume). */
  private static boolean inBox(int x, int y, int z) {
    return x >= 15 && x <= 20 && y >= 3 && y <= 7 && z >= 1 && z <= 2;
  }

  @BeforeAll
  static void writeAndRead() throws Exception {
    TestMirror m =
        TestMirror.in(tmp.resolve("align"))
            .worklists(
                "[{\"id\":\"w\",\"name\":\"W\",\"annotations\":[],\"segmentation_group\":{\"groups\":"
                    + "{\"box\":{\"index\":3}}}}]")
            .resourceLine(
                "{\"id\":\"png\",\"filename\":\"a.png\",\"mimetype\":\"image/png\",\"storage\":\"ImageResource\"}")
            .resourceLine(
                "{\"id\":\"nii\",\"filename\":\"v.nii\",\"mimetype\":\"application/x-nifti\"}")
            .resourceLine(
                "{\"id\":\"dcm\",\"filename\":\"v.dcm\",\"mimetype\":\"application/dicom\"}");
    for (String id : List.of("png", "nii", "dcm")) {
      m.annotationLine(
          "{\"id\":\"m-"
              + id
              + "\",\"resource_id\":\""
              + id
              + "\",\"type\":\"segmentation\","
              + "\"name\":\"box\",\"added_by\":\"alice\"}");
    }
    Path dir = m.write();
    boolean[] box2d = new boolean[W * H];
    byte[] gray = new byte[W * H];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        box2d[y * W + x] = inBox(x, y, 1);
        gray[y * W + x] = (byte) (inBox(x, y, 1) ? 200 : 20);
      }
    }
    Files.write(dir.resolve("files/resources/png"), PngWriter.gray8(W, H, gray));
    Files.write(dir.resolve("files/annotations/m-png"), PngWriter.mask(W, H, box2d));
    // NIfTI: x runs right-to-left, z runs superior-to-inferior (codes L, A, I): the reader flips z.
    double[][] affine = {{-1, 0, 0, 10}, {0, 1, 0, -5}, {0, 0, -2, 40}, {0, 0, 0, 1}};
    short[] volume = new short[W * H * D];
    byte[] maskVoxels = new byte[W * H * D];
    for (int z = 0; z < D; z++) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          int i = (z * H + y) * W + x; // NIfTI order: x fastest
          volume[i] = (short) (inBox(x, y, z) ? 900 : 100 + z);
          maskVoxels[i] = (byte) (inBox(x, y, z) ? 1 : 0);
        }
      }
    }
    NiftiWriter nifti = NiftiWriter.of(new int[] {W, H, D}, affine);
    Files.write(dir.resolve("files/resources/nii"), nifti.int16(volume));
    Files.write(dir.resolve("files/annotations/m-nii"), nifti.uint8(maskVoxels));
    // DICOM: the same volume as frames (frame = z, row = y, column = x); its mask as a NIfTI volume
    // in the DICOM's (frame, row, column) order, identity orientation with z coded S so nothing is
    // flipped.
    Files.write(
        dir.resolve("files/resources/dcm"),
        DicomWriter.encode(
            new DicomWriter.CtSeries(
                "P",
                "P^Q",
                "20260101",
                "1.2.3",
                "1.2.3.4",
                "1.2.3.4.5",
                "1.2.3.6",
                H,
                W,
                D,
                1,
                1,
                1,
                new double[] {0, 0, 0},
                volume)));
    Files.write(
        dir.resolve("files/annotations/m-dcm"),
        NiftiWriter.of(
                new int[] {W, H, D},
                new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}})
            .uint8(maskVoxels));
    for (Row row :
        SharedSpark.session()
            .read()
            .format("datamint")
            .load(dir.toString())
            .select("resource_id", "image", "segmentations", "seg_labels", "_error")
            .collectAsList()) {
      rows.put(row.getString(0), row);
    }
  }

  private static void assertAligned(String id, double brightAbove) {
    Row row = rows.get(id);
    assertThat(row.isNullAt(4)).as(id + ": " + row.getString(4)).isTrue();
    Row image = row.getStruct(1);
    Row mask = (Row) row.getJavaMap(2).get("alice");
    List<Integer> imageShape = image.getList(1);
    List<Integer> maskShape = mask.getList(1);
    assertThat(mask.getString(0)).isEqualTo("uint8");
    assertThat(maskShape.get(0)).isEqualTo(1); // one instance
    assertThat(maskShape.subList(1, maskShape.size()))
        .isEqualTo(imageShape.subList(1, imageShape.size()));
    ByteBuffer pixels = ByteBuffer.wrap((byte[]) image.get(2)).order(ByteOrder.LITTLE_ENDIAN);
    byte[] ones = (byte[]) mask.get(2);
    int bright = 0;
    for (int i = 0; i < ones.length; i++) {
      double value =
          switch (image.getString(0)) {
            case "uint8" -> pixels.get(i) & 0xff;
            case "int16" -> pixels.getShort(2 * i);
            case "float64" -> pixels.getDouble(8 * i);
            default -> throw new AssertionError(image.getString(0));
          };
      assertThat(ones[i] == 1)
          .as(id + " voxel " + i + " (value " + value + ")")
          .isEqualTo(value > brightAbove);
      bright += ones[i];
    }
    assertThat(bright).isPositive();
    assertThat(row.getJavaMap(3).get("alice"))
        .isEqualTo(scala.jdk.javaapi.CollectionConverters.asScala(List.of(3)).toSeq());
  }

  @Test
  void pngMaskLandsOnTheDrawnPixels() {
    assertAligned("png", 100);
  }

  @Test
  void niftiMaskLandsOnTheDrawnVoxelsAfterTheFlip() {
    assertAligned("nii", 500);
  }

  @Test
  void dicomMaskLandsOnTheDrawnVoxels() {
    assertAligned("dcm", 500 - 1024);
  }
}
