package io.datamint.spark.internal.decode.nifti;

import io.datamint.spark.error.DecodeException;

/**
 * The voxel-to-world affine and axis codes of a NIfTI header, computed as nibabel 5 computes them
 * ({@code Nifti1Header.get_best_affine}, {@code orientations.io_orientation}, {@code aff2axcodes}).
 *
 * <p>Affine: the sform when {@code sform_code} is a valid non-zero code (1..5); else the qform when
 * {@code qform_code} is; else nibabel's fallback {@code shape_zoom_affine} (diagonal of the pixdims
 * with x negated, origin at the centre of the volume). Before that, nibabel's load-time fixes are
 * applied to a copy of the fields: {@code pixdim[1..3]} of 0 become 1 and negative ones their
 * absolute value, a {@code pixdim[0]} (qfac) other than -1 or 1 becomes 1, and xform codes outside
 * 0..5 become 0.
 *
 * <p>Axis codes: for each voxel axis, the closest world axis (R/L, A/P, S/I) of the nearest
 * orthogonal matrix to the column-normalised 3x3 part (polar decomposition by SVD, singular values
 * below {@code max * 3 * eps} dropped); world axes are taken greedily in voxel-axis order, each at
 * most once, the first of equal absolute values winning (numpy's {@code argmax}). A voxel axis
 * whose column is all within 1e-8 of zero gets no code. Exact ties (an oblique 45-degree axis) are
 * decided on the rounding of the SVD, which may differ from LAPACK's in the last bit.
 */
final class NiftiOrientation {

  /** Where the affine came from. */
  enum Source {
    SFORM("sform"),
    QFORM("qform"),
    FALLBACK("fallback");

    final String label;

    Source(String label) {
      this.label = label;
    }
  }

  private static final double EPS = Math.ulp(1.0);
  private static final double FLOAT32_EPS = Math.ulp(1.0f);

  /** The 4x4 affine, row-major. */
  final double[] affine;

  final Source source;

  /**
   * One code per spatial voxel axis (i, j, k): "L", "R", "P", "A", "I", "S", or null when dropped.
   */
  final String[] axcodes;

  private NiftiOrientation(double[] affine, Source source, String[] axcodes) {
    this.affine = affine;
    this.source = source;
    this.axcodes = axcodes;
  }

  /** Computes the affine and axis codes of {@code h}. */
  static NiftiOrientation of(NiftiHeader h) throws DecodeException {
    double[] pixdim = h.pixdim.clone();
    for (int i = 1; i <= 3; i++) {
      if (pixdim[i] == 0) {
        pixdim[i] = 1;
      } else if (pixdim[i] < 0) {
        pixdim[i] = -pixdim[i];
      }
    }
    if (pixdim[0] != 1 && pixdim[0] != -1) {
      pixdim[0] = 1;
    }
    double[] affine;
    Source source;
    if (validCode(h.sformCode)) {
      affine = sform(h);
      source = Source.SFORM;
    } else if (validCode(h.qformCode)) {
      affine = qform(h, pixdim);
      source = Source.QFORM;
    } else {
      affine = fallback(h, pixdim);
      source = Source.FALLBACK;
    }
    return new NiftiOrientation(affine, source, axcodes(affine));
  }

  private static boolean validCode(int code) {
    return code >= 1 && code <= 5;
  }

  private static double[] sform(NiftiHeader h) {
    double[] a = new double[16];
    System.arraycopy(h.srowX, 0, a, 0, 4);
    System.arraycopy(h.srowY, 0, a, 4, 4);
    System.arraycopy(h.srowZ, 0, a, 8, 4);
    a[15] = 1;
    return a;
  }

  private static double[] qform(NiftiHeader h, double[] pixdim) throws DecodeException {
    double b = h.quaternB;
    double c = h.quaternC;
    double d = h.quaternD;
    double w2 = 1.0 - (b * b + c * c + d * d);
    double w;
    if (w2 < 0) {
      // nibabel's threshold follows the precision of the stored values
      double threshold = -(h.version == 1 ? FLOAT32_EPS : EPS) * 3;
      if (w2 < threshold) {
        throw new DecodeException(
            "invalid qform quaternion (b, c, d) = ("
                + b
                + ", "
                + c
                + ", "
                + d
                + "): b^2 + c^2 + d^2 > 1");
      }
      w = 0;
    } else {
      w = Math.sqrt(w2);
    }
    double[] r = quaternionMatrix(w, b, c, d);
    double[] vox = {pixdim[1], pixdim[2], pixdim[3] * pixdim[0]};
    double[] a = new double[16];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        a[row * 4 + col] = r[row * 3 + col] * vox[col];
      }
    }
    a[3] = h.qoffsetX;
    a[7] = h.qoffsetY;
    a[11] = h.qoffsetZ;
    a[15] = 1;
    return a;
  }

  /** nibabel's {@code quat2mat}: the rotation of quaternion (w, x, y, z), row-major 3x3. */
  private static double[] quaternionMatrix(double w, double x, double y, double z) {
    double nq = w * w + x * x + y * y + z * z;
    if (nq < EPS) {
      return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
    }
    double s = 2.0 / nq;
    double xs = x * s;
    double ys = y * s;
    double zs = z * s;
    double wx = w * xs;
    double wy = w * ys;
    double wz = w * zs;
    double xx = x * xs;
    double xy = x * ys;
    double xz = x * zs;
    double yy = y * ys;
    double yz = y * zs;
    double zz = z * zs;
    return new double[] {
      1.0 - (yy + zz),
      xy - wz,
      xz + wy,
      xy + wz,
      1.0 - (xx + zz),
      yz - wx,
      xz - wy,
      yz + wx,
      1.0 - (xx + yy)
    };
  }

  /**
   * nibabel's {@code shape_zoom_affine(dim, pixdim, x_flip=True)} over the first min(ndim, 3) axes.
   */
  private static double[] fallback(NiftiHeader h, double[] pixdim) {
    int ndim = (int) Math.max(0, Math.min(h.dim[0], 7));
    double[] shape = {1, 1, 1};
    double[] zooms = {1, 1, 1};
    for (int i = 0; i < Math.min(ndim, 3); i++) {
      shape[i] = h.dim[i + 1];
      zooms[i] = pixdim[i + 1];
    }
    zooms[0] = -zooms[0];
    double[] a = new double[16];
    for (int i = 0; i < 3; i++) {
      a[i * 4 + i] = zooms[i];
      a[i * 4 + 3] = -((shape[i] - 1) / 2.0) * zooms[i];
    }
    a[15] = 1;
    return a;
  }

  /** nibabel's {@code aff2axcodes(affine)} with the default labels (L,R), (P,A), (I,S). */
  static String[] axcodes(double[] affine) {
    String[][] labels = {{"L", "R"}, {"P", "A"}, {"I", "S"}};
    int[][] ornt = ioOrientation(affine);
    String[] codes = new String[3];
    for (int i = 0; i < 3; i++) {
      if (ornt[i] != null) {
        codes[i] = labels[ornt[i][0]][ornt[i][1] < 0 ? 0 : 1];
      }
    }
    return codes;
  }

  /**
   * nibabel's {@code io_orientation} for a 4x4 affine: per voxel axis, {world axis, +1 or -1}, or
   * null when the axis is dropped.
   */
  static int[][] ioOrientation(double[] affine) {
    double[][] rs = new double[3][3];
    for (int col = 0; col < 3; col++) {
      double norm = 0;
      for (int row = 0; row < 3; row++) {
        double v = affine[row * 4 + col];
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      if (norm == 0) {
        norm = 1;
      }
      for (int row = 0; row < 3; row++) {
        rs[row][col] = affine[row * 4 + col] / norm;
      }
    }
    int[][] ornt = new int[3][];
    for (double[] row : rs) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return ornt; // numpy's SVD fails on non-finite values; nothing can be said of the axes
        }
      }
    }
    double[][] r = polarFactor(rs);
    for (int in = 0; in < 3; in++) {
      boolean zero = true;
      int out = 0;
      double best = -1;
      for (int row = 0; row < 3; row++) {
        double v = Math.abs(r[row][in]);
        if (v > 1e-8) {
          zero = false;
        }
        if (v > best) {
          best = v;
          out = row;
        }
      }
      if (zero) {
        continue;
      }
      ornt[in] = new int[] {out, r[out][in] < 0 ? -1 : 1};
      for (int col = 0; col < 3; col++) {
        r[out][col] = 0;
      }
    }
    return ornt;
  }

  /**
   * The orthogonal polar factor {@code U V^T} of a 3x3 matrix {@code A = U S V^T}, keeping only
   * singular values above {@code max(S) * 3 * eps} (numpy's rank threshold in {@code
   * io_orientation}). One-sided Jacobi SVD.
   */
  static double[][] polarFactor(double[][] a) {
    double[][] u = new double[3][3];
    double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    for (int i = 0; i < 3; i++) {
      u[i] = a[i].clone();
    }
    for (int sweep = 0; sweep < 60; sweep++) {
      boolean rotated = false;
      for (int p = 0; p < 2; p++) {
        for (int q = p + 1; q < 3; q++) {
          double alpha = 0;
          double beta = 0;
          double gamma = 0;
          for (int i = 0; i < 3; i++) {
            alpha += u[i][p] * u[i][p];
            beta += u[i][q] * u[i][q];
            gamma += u[i][p] * u[i][q];
          }
          if (gamma == 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) {
            continue;
          }
          rotated = true;
          double zeta = (beta - alpha) / (2 * gamma);
          double t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
          double cs = 1 / Math.sqrt(1 + t * t);
          double sn = cs * t;
          for (int i = 0; i < 3; i++) {
            double up = u[i][p];
            double uq = u[i][q];
            u[i][p] = cs * up - sn * uq;
            u[i][q] = sn * up + cs * uq;
            double vp = v[i][p];
            double vq = v[i][q];
            v[i][p] = cs * vp - sn * vq;
            v[i][q] = sn * vp + cs * vq;
          }
        }
      }
      if (!rotated) {
        break;
      }
    }
    double[] sigma = new double[3];
    double max = 0;
    for (int j = 0; j < 3; j++) {
      double s = 0;
      for (int i = 0; i < 3; i++) {
        s += u[i][j] * u[i][j];
      }
      sigma[j] = Math.sqrt(s);
      max = Math.max(max, sigma[j]);
    }
    double tol = max * 3 * EPS;
    double[][] r = new double[3][3];
    for (int j = 0; j < 3; j++) {
      if (!(sigma[j] > tol)) {
        continue;
      }
      for (int row = 0; row < 3; row++) {
        double uj = u[row][j] / sigma[j];
        for (int col = 0; col < 3; col++) {
          r[row][col] += uj * v[col][j];
        }
      }
    }
    return r;
  }
}
