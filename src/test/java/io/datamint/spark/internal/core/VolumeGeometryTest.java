package io.datamint.spark.internal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.core.VolumeGeometry.AffineSource;
import io.datamint.spark.internal.core.VolumeGeometry.AxisCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeGeometryTest {

  @Test
  void axisCodesRunAlongTheirWorldAxes() {
    assertThat(AxisCode.of("L").worldAxis()).isZero();
    assertThat(AxisCode.of("R").worldAxis()).isZero();
    assertThat(AxisCode.of("A").worldAxis()).isEqualTo(1);
    assertThat(AxisCode.of("P").worldAxis()).isEqualTo(1);
    assertThat(AxisCode.of("I").worldAxis()).isEqualTo(2);
    assertThat(AxisCode.of("S").worldAxis()).isEqualTo(2);
    assertThat(AxisCode.of("s")).isNull();
    assertThat(AxisCode.of("")).isNull();
    assertThat(AxisCode.of(null)).isNull();
  }

  @Test
  void niftiFindsTheFirstVoxelAxisAlongAWorldAxisAndCopiesItsCodes() {
    AxisCode[] codes = {AxisCode.I, AxisCode.A, null};
    VolumeGeometry.Nifti g =
        new VolumeGeometry.Nifti(1, 2, AffineSource.SFORM, codes, 0, true, false);
    codes[2] = AxisCode.R; // the value keeps its own copy
    assertThat(g.axisCode(2)).isNull();
    assertThat(g.voxelAxisAlong(2)).isZero();
    assertThat(g.voxelAxisAlong(1)).isEqualTo(1);
    assertThat(g.voxelAxisAlong(0)).isEqualTo(-1);
    g.axisCodes()[0] = AxisCode.S;
    assertThat(g.axisCode(0)).isEqualTo(AxisCode.I);
    assertThat(g.qformCode()).isEqualTo(1);
    assertThat(g.sformCode()).isEqualTo(2);
    assertThat(g)
        .isEqualTo(
            new VolumeGeometry.Nifti(
                1,
                2,
                AffineSource.SFORM,
                new AxisCode[] {AxisCode.I, AxisCode.A, null},
                0,
                true,
                false));
    assertThat(g)
        .hasSameHashCodeAs(
            new VolumeGeometry.Nifti(
                1,
                2,
                AffineSource.SFORM,
                new AxisCode[] {AxisCode.I, AxisCode.A, null},
                0,
                true,
                false));
    assertThat(g)
        .isNotEqualTo(
            new VolumeGeometry.Nifti(
                1,
                2,
                AffineSource.SFORM,
                new AxisCode[] {AxisCode.I, AxisCode.A, null},
                0,
                false,
                false));
  }

  @Test
  void niftiRejectsAMalformedOrientation() {
    assertThatThrownBy(() -> new VolumeGeometry.Nifti(0, 0, null, new AxisCode[2], 0, false, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 axis codes");
    assertThatThrownBy(() -> new VolumeGeometry.Nifti(0, 0, null, new AxisCode[3], 3, false, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0-2");
  }

  @Test
  void dicomHoldsTheDirectionCosinesOrWhyTheyCannotBeRead() {
    double[] iop = {1, 0, 0, 0, 0, -1};
    VolumeGeometry.Dicom g = VolumeGeometry.Dicom.of(iop, "CT", null, List.of("DERIVED", "MPR"));
    iop[0] = 0;
    assertThat(g.hasOrientation()).isTrue();
    assertThat(g.rowCosines()).containsExactly(1, 0, 0);
    assertThat(g.columnCosines()).containsExactly(0, 0, -1);
    assertThat(g.imageOrientation()).containsExactly(1, 0, 0, 0, 0, -1);
    assertThat(g.orientationProblem()).isNull();
    assertThat(g.imageType()).containsExactly("DERIVED", "MPR");
    assertThat(g)
        .isEqualTo(
            VolumeGeometry.Dicom.of(
                new double[] {1, 0, 0, 0, 0, -1}, "CT", null, List.of("DERIVED", "MPR")));

    VolumeGeometry.Dicom bad =
        VolumeGeometry.Dicom.unreadableOrientation("not 6", "MR", "KNEE", List.of());
    assertThat(bad.hasOrientation()).isFalse();
    assertThat(bad.rowCosines()).isNull();
    assertThat(bad.orientationProblem()).isEqualTo("not 6");
    assertThat(VolumeGeometry.Dicom.UNKNOWN.hasOrientation()).isFalse();
    assertThat(VolumeGeometry.Dicom.UNKNOWN.modality()).isNull();
    assertThat(VolumeGeometry.Dicom.UNKNOWN.imageType()).isEmpty();

    assertThatThrownBy(() -> VolumeGeometry.Dicom.of(new double[] {1, 0, 0}, null, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                VolumeGeometry.Dicom.of(
                    new double[] {1, 0, 0, 0, Double.NaN, 0}, null, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void valuesSurviveJavaSerialization() throws Exception {
    VolumeGeometry nifti =
        new VolumeGeometry.Nifti(
            1,
            0,
            AffineSource.QFORM,
            new AxisCode[] {AxisCode.L, AxisCode.P, AxisCode.S},
            2,
            false,
            false);
    VolumeGeometry dicom =
        VolumeGeometry.Dicom.of(
            new double[] {1, 0, 0, 0, 1, 0}, "MR", "HEART", List.of("ORIGINAL"));
    assertThat(roundTrip(nifti)).isEqualTo(nifti);
    assertThat(roundTrip(dicom)).isEqualTo(dicom);
  }

  private static Object roundTrip(Object value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }
}
