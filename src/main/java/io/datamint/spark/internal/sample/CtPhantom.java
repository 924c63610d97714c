package io.datamint.spark.internal.sample;

import io.datamint.spark.internal.sample.Shapes.Ellipse;
import io.datamint.spark.internal.sample.Shapes.Ellipsoid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A CT-like volume in Hounsfield units: air around an elliptical body with a fat rim, the spine,
 * and either abdominal organs (liver with a hypodense tumour, aorta, kidneys) or chest content
 * (lungs, heart, a solid nodule called {@code tumor}). Voxel index i runs to the patient's left, j
 * to posterior and k along the body axis, so slice images look like radiological axial views.
 *
 * <p>Masks come from the same solids as the image, so they cover the drawn organs; {@link #mask}
 * can perturb them to imitate another annotator or a model.
 */
final class CtPhantom {

  /** Which anatomy to draw. */
  enum Region {
    ABDOMEN,
    CHEST
  }

  private final int nx;
  private final int ny;
  private final int nz;
  private final Region region;
  private final boolean contrast;
  private final Random random;
  private final Ellipse body;
  private final Map<String, Ellipsoid> organs = new LinkedHashMap<>();

  /** A phantom of nx x ny x nz voxels; {@code contrast} brightens vessels and enhancing organs. */
  CtPhantom(int nx, int ny, int nz, Region region, boolean contrast, Random random) {
    this.nx = nx;
    this.ny = ny;
    this.nz = nz;
    this.region = region;
    this.contrast = contrast;
    this.random = random;
    double jitter = 0.03 * (random.nextDouble() - 0.5);
    body = new Ellipse(nx / 2.0, ny * 0.52, nx * 0.44, ny * 0.36, 0);
    if (region == Region.ABDOMEN) {
      organs.put(
          "liver",
          new Ellipsoid(
              nx * (0.34 + jitter), ny * 0.45, nz * 0.55, nx * 0.17, ny * 0.16, nz * 0.42));
      organs.put(
          "tumor",
          new Ellipsoid(
              nx * (0.31 + jitter), ny * 0.43, nz * 0.58, nx * 0.05, ny * 0.05, nz * 0.14));
      organs.put(
          "aorta", new Ellipsoid(nx * 0.52, ny * 0.66, nz * 0.5, nx * 0.035, ny * 0.035, nz * 2));
      organs.put(
          "kidney_r",
          new Ellipsoid(nx * 0.36, ny * 0.72, nz * 0.35, nx * 0.06, ny * 0.07, nz * 0.25));
      organs.put(
          "kidney_l",
          new Ellipsoid(nx * 0.66, ny * 0.72, nz * 0.38, nx * 0.06, ny * 0.07, nz * 0.25));
    } else {
      organs.put(
          "lung_r", new Ellipsoid(nx * 0.33, ny * 0.5, nz * 0.5, nx * 0.14, ny * 0.24, nz * 0.7));
      organs.put(
          "lung_l", new Ellipsoid(nx * 0.67, ny * 0.5, nz * 0.5, nx * 0.13, ny * 0.23, nz * 0.7));
      organs.put(
          "heart", new Ellipsoid(nx * 0.56, ny * 0.42, nz * 0.35, nx * 0.13, ny * 0.12, nz * 0.3));
      organs.put(
          "tumor",
          new Ellipsoid(
              nx * (0.28 + jitter),
              ny * 0.42,
              nz * 0.62,
              nx * 0.045,
              ny * 0.045,
              Math.max(1.2, nz * 0.08)));
    }
  }

  int nx() {
    return nx;
  }

  int ny() {
    return ny;
  }

  int nz() {
    return nz;
  }

  /** Renders the volume in HU, i fastest, then j, then k. */
  short[] hounsfield() {
    short[] hu = new short[nx * ny * nz];
    int n = 0;
    for (int k = 0; k < nz; k++) {
      for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
          double value = tissue(i + 0.5, j + 0.5, k + 0.5);
          double noise = value <= -990 ? 4 : 12;
          hu[n++] = (short) Math.round(Math.max(-1024, value + noise * random.nextGaussian()));
        }
      }
    }
    return hu;
  }

  private double tissue(double x, double y, double z) {
    double r = body.normalizedRadius(x, y);
    if (r > 1) {
      return -1000;
    }
    if (r > 0.82) {
      return -100; // subcutaneous fat
    }
    double v = 40; // muscle and soft tissue
    if (inside("lung_r", x, y, z) || inside("lung_l", x, y, z)) {
      v = -850;
    }
    if (inside("heart", x, y, z)) {
      v = contrast ? 180 : 45;
    }
    if (inside("liver", x, y, z)) {
      v = contrast ? 110 : 60;
    }
    if (inside("kidney_r", x, y, z) || inside("kidney_l", x, y, z)) {
      v = contrast ? 160 : 35;
    }
    if (inside("aorta", x, y, z)) {
      v = contrast ? 250 : 45;
    }
    if (inside("tumor", x, y, z)) {
      v = region == Region.ABDOMEN ? (contrast ? 45 : 30) : 35;
    }
    double sx = x - nx / 2.0;
    double sy = y - ny * 0.74;
    double vertebra = (sx * sx) / (nx * nx * 0.004) + (sy * sy) / (ny * ny * 0.005);
    if (vertebra <= 1) {
      v = vertebra < 0.25 ? 20 : 650; // cortical bone around the spinal canal
    }
    return v;
  }

  private boolean inside(String organ, double x, double y, double z) {
    Ellipsoid e = organs.get(organ);
    return e != null && e.contains(x, y, z);
  }

  /**
   * A 0/1 mask (i fastest) of {@code organ}, moved by (dx, dy, dz) voxels and scaled by {@code
   * scale}. The liver mask includes its tumour, as organ masks do.
   */
  byte[] mask(String organ, double dx, double dy, double dz, double scale) {
    Ellipsoid e = organs.get(organ);
    if (e == null) {
      throw new IllegalArgumentException("no organ " + organ + " in a " + region + " phantom");
    }
    Ellipsoid shape = e.perturbed(dx, dy, dz, scale);
    byte[] mask = new byte[nx * ny * nz];
    int n = 0;
    for (int k = 0; k < nz; k++) {
      for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
          mask[n++] =
              shape.contains(i + 0.5, j + 0.5, k + 0.5) && body.contains(i + 0.5, j + 0.5)
                  ? (byte) 1
                  : 0;
        }
      }
    }
    return mask;
  }
}
