package io.datamint.spark.internal.sample;

/** The simple solids the phantoms are drawn from, in pixel or voxel coordinates. */
final class Shapes {

  private Shapes() {}

  /** An ellipse centred at (cx, cy) with semi-axes rx, ry, rotated by {@code angle} radians. */
  record Ellipse(double cx, double cy, double rx, double ry, double angle) {

    /** Whether (x, y) is inside. */
    boolean contains(double x, double y) {
      return normalizedRadius(x, y) <= 1;
    }

    /** Squared elliptical radius of (x, y): below 1 inside, 1 on the border. */
    double normalizedRadius(double x, double y) {
      double dx = x - cx;
      double dy = y - cy;
      double cos = StrictMath.cos(angle);
      double sin = StrictMath.sin(angle);
      double u = (dx * cos + dy * sin) / rx;
      double v = (-dx * sin + dy * cos) / ry;
      return u * u + v * v;
    }

    /**
     * The same ellipse moved by (dx, dy) and scaled by {@code scale}: an annotator's slightly
     * different outline.
     */
    Ellipse perturbed(double dx, double dy, double scale) {
      return new Ellipse(cx + dx, cy + dy, rx * scale, ry * scale, angle);
    }
  }

  /** An axis-aligned ellipsoid centred at (cx, cy, cz) with semi-axes rx, ry, rz. */
  record Ellipsoid(double cx, double cy, double cz, double rx, double ry, double rz) {

    /** Whether (x, y, z) is inside. */
    boolean contains(double x, double y, double z) {
      double u = (x - cx) / rx;
      double v = (y - cy) / ry;
      double w = (z - cz) / rz;
      return u * u + v * v + w * w <= 1;
    }

    /** The same ellipsoid moved by (dx, dy, dz) and scaled by {@code scale}. */
    Ellipsoid perturbed(double dx, double dy, double dz, double scale) {
      return new Ellipsoid(cx + dx, cy + dy, cz + dz, rx * scale, ry * scale, rz * scale);
    }
  }
}
