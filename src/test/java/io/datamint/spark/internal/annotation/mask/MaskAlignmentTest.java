package io.datamint.spark.internal.annotation.mask;

import static io.datamint.spark.internal.annotation.mask.MaskFiles.LIMITS;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.Decoders;
import io.datamint.spark.internal.decode.FormatDetector;
import io.datamint.spark.internal.decode.PixelValues;
import io.datamint.spark.internal.sample.NiftiWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A NIfTI mask drawn on a known voxel region of a NIfTI image with a non-trivial orientation lands,
 * after both are decoded, exactly on the image voxels of that region.
 */
class MaskAlignmentTest {

  // the sample CT_CHEST_P003 geometry (VolumeGeometry(.., superiorFirst = true)), smaller: voxel i
  // runs to the left, j to posterior, k to inferior, so the slice axis reads as I and the decoders
  // reverse it
  private static final int NX = 8;
  private static final int NY = 6;
  private static final int NZ = 5;
  private static final double S = 5;
  private static final double[][] AFFINE = {
    {-S, 0, 0, S * (NX - 1) / 2},
    {0, -S, 0, S * (NY - 1) / 2},
    {0, 0, -S, S * (NZ - 1) / 2},
    {0, 0, 0, 1}
  };
  private static final short DRAWN = 1000;

  private static boolean inRegion(int x, int y, int z) {
    return x >= 2 && x <= 4 && y >= 1 && y <= 2 && z >= 3 && z <= 4;
  }

  @Test
  void niftiMaskVoxelsLandOnTheImageVoxelsOfTheirRegion() throws Exception {
    short[] image = new short[NX * NY * NZ];
    byte[] mask = new byte[image.length];
    int regionSize = 0;
    for (int z = 0; z < NZ; z++) {
      for (int y = 0; y < NY; y++) {
        for (int x = 0; x < NX; x++) {
          int i = x + NX * (y + NY * z); // NIfTI order: x fastest
          boolean in = inRegion(x, y, z);
          image[i] = in ? DRAWN : (short) (x + 10 * y + 100 * z);
          mask[i] = (byte) (in ? 1 : 0);
          regionSize += in ? 1 : 0;
        }
      }
    }
    byte[] imageFile = NiftiWriter.of(new int[] {NX, NY, NZ}, AFFINE).withGzip(true).int16(image);
    byte[] maskFile = NiftiWriter.of(new int[] {NX, NY, NZ}, AFFINE).withGzip(true).uint8(mask);

    DecodedResource decoded =
        Decoders.forFormat(FormatDetector.detect(imageFile, imageFile.length, null, null))
            .decode(imageFile, imageFile.length, LIMITS);
    PixelArray pixels = decoded.pixels();
    assertThat(pixels.shape()).containsExactly(NZ, 1, NY, NX);
    double[] values = PixelValues.of(pixels);
    // the orientation is non-trivial: slice 0 of the decoded array is the last stored slice (k = NZ
    // - 1)
    assertThat(values[0]).isEqualTo(100 * (NZ - 1));
    assertThat(decoded.metainfoJson()).contains("\"slice_flipped\":true");

    MaskGeometry geometry = MaskGeometry.of(pixels, true);
    Map<String, AuthorMasks> masks =
        InstanceMasks.build(
            List.of(MaskFiles.image("m", "liver", "al")),
            Map.of("liver", 1)::get,
            geometry,
            a -> maskFile,
            LIMITS);
    PixelArray instances = masks.get("al").inLayout(geometry);
    assertThat(instances.shape()).containsExactly(1, NZ, NY, NX);
    byte[] ones = bytes(instances);

    int hits = 0;
    for (int i = 0; i < ones.length; i++) {
      boolean drawn = values[i] == DRAWN;
      assertThat(ones[i] == 1)
          .as("voxel %d: mask %d, image %s", i, ones[i], values[i])
          .isEqualTo(drawn);
      hits += ones[i];
    }
    assertThat(hits).isEqualTo(regionSize).isEqualTo(3 * 2 * 2);
  }
}
