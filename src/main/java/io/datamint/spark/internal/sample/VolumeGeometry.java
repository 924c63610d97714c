package io.datamint.spark.internal.sample;

/**
 * The voxel grid of an axial CT volume: dimensions, spacing, and the RAS+ voxel-to-world affine of
 * a scan whose voxel i runs to the patient's left, j to posterior, and k to superior ({@code
 * superiorFirst = false}) or inferior ({@code superiorFirst = true}); the volume is centred on the
 * world origin.
 */
record VolumeGeometry(
    int nx, int ny, int nz, double sx, double sy, double sz, boolean superiorFirst) {

  /** The dimensions as an array, for {@link NiftiWriter#of}. */
  int[] dims() {
    return new int[] {nx, ny, nz};
  }

  /** The 4x4 voxel-to-world (RAS+, mm) affine, row-major. */
  double[][] affine() {
    double zStep = superiorFirst ? -sz : sz;
    return new double[][] {
      {-sx, 0, 0, sx * (nx - 1) / 2},
      {0, -sy, 0, sy * (ny - 1) / 2},
      {0, 0, zStep, -zStep * (nz - 1) / 2},
      {0, 0, 0, 1}
    };
  }

  /**
   * nibabel's {@code aff2axcodes} of {@link #affine()}: voxel i runs to the left (L), j to
   * posterior (P), k to superior (S) or, stored superior first, inferior (I).
   */
  String[] axcodes() {
    return new String[] {"L", "P", superiorFirst ? "I" : "S"};
  }

  /**
   * The DICOM (LPS) position of voxel (0, 0, 0): the world origin of the affine with x and y
   * negated.
   */
  double[] firstPositionLps() {
    double[][] a = affine();
    return new double[] {-a[0][3], -a[1][3], a[2][3]};
  }
}
