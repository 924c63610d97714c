package io.datamint.spark.internal.sample;

/**
 * The NIfTI-1 quaternion representation ({@code quatern_b/c/d}, {@code qoffset_x/y/z}, {@code qfac}
 * and the voxel sizes) of a 4x4 voxel-to-world affine whose upper-left 3x3 block is a rotation
 * times a diagonal scaling, possibly with a reflection.
 *
 * <p>Following the NIfTI-1 header documentation: the voxel sizes are the column norms; the columns
 * divided by their norms form a matrix R; if {@code det(R) < 0} then {@code qfac = -1} and the
 * third column is negated, making R a proper rotation; {@code (a, b, c, d)} is the unit quaternion
 * of R with {@code a >= 0}, and only b, c, d are stored.
 */
record NiftiQuaternion(
    double b, double c, double d, double qfac, double[] voxelSize, double[] offset) {

  private static final double ORTHOGONALITY_TOLERANCE = 1e-4;

  /**
   * Computes the quaternion form of {@code affine} (row-major 4x4); fails if its columns are not
   * orthogonal.
   */
  static NiftiQuaternion of(double[][] affine) {
    double[][] r = new double[3][3];
    double[] size = new double[3];
    for (int col = 0; col < 3; col++) {
      double norm = Math.sqrt(sq(affine[0][col]) + sq(affine[1][col]) + sq(affine[2][col]));
      if (norm == 0) {
        throw new IllegalArgumentException("affine column " + col + " is zero");
      }
      size[col] = norm;
      for (int row = 0; row < 3; row++) {
        r[row][col] = affine[row][col] / norm;
      }
    }
    requireOrthogonal(r);
    double qfac = determinant(r) < 0 ? -1 : 1;
    if (qfac < 0) {
      for (int row = 0; row < 3; row++) {
        r[row][2] = -r[row][2];
      }
    }
    double[] q = quaternion(r);
    return new NiftiQuaternion(
        q[1], q[2], q[3], qfac, size, new double[] {affine[0][3], affine[1][3], affine[2][3]});
  }

  /** Unit quaternion {a, b, c, d} of a proper rotation matrix, with {@code a >= 0}. */
  private static double[] quaternion(double[][] r) {
    double trace = r[0][0] + r[1][1] + r[2][2];
    double a;
    double b;
    double c;
    double d;
    if (trace > -0.5) { // a^2 = (1 + trace) / 4 > 1/8: the direct formula is well conditioned
      a = 0.5 * Math.sqrt(1 + trace);
      b = (r[2][1] - r[1][2]) / (4 * a);
      c = (r[0][2] - r[2][0]) / (4 * a);
      d = (r[1][0] - r[0][1]) / (4 * a);
    } else if (r[0][0] >= r[1][1] && r[0][0] >= r[2][2]) {
      b = 0.5 * Math.sqrt(1 + r[0][0] - r[1][1] - r[2][2]);
      a = (r[2][1] - r[1][2]) / (4 * b);
      c = (r[0][1] + r[1][0]) / (4 * b);
      d = (r[0][2] + r[2][0]) / (4 * b);
    } else if (r[1][1] >= r[2][2]) {
      c = 0.5 * Math.sqrt(1 - r[0][0] + r[1][1] - r[2][2]);
      a = (r[0][2] - r[2][0]) / (4 * c);
      b = (r[0][1] + r[1][0]) / (4 * c);
      d = (r[1][2] + r[2][1]) / (4 * c);
    } else {
      d = 0.5 * Math.sqrt(1 - r[0][0] - r[1][1] + r[2][2]);
      a = (r[1][0] - r[0][1]) / (4 * d);
      b = (r[0][2] + r[2][0]) / (4 * d);
      c = (r[1][2] + r[2][1]) / (4 * d);
    }
    if (a < 0) {
      return new double[] {-a, -b, -c, -d};
    }
    return new double[] {a, b, c, d};
  }

  private static void requireOrthogonal(double[][] r) {
    for (int i = 0; i < 3; i++) {
      for (int j = i + 1; j < 3; j++) {
        double dot = r[0][i] * r[0][j] + r[1][i] * r[1][j] + r[2][i] * r[2][j];
        if (Math.abs(dot) > ORTHOGONALITY_TOLERANCE) {
          throw new IllegalArgumentException(
              "affine columns " + i + " and " + j + " are not orthogonal (no quaternion form)");
        }
      }
    }
  }

  private static double determinant(double[][] m) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  }

  private static double sq(double v) {
    return v * v;
  }
}
