package io.datamint.spark.internal.read;

import io.datamint.spark.internal.sample.DicomWriter;
import io.datamint.spark.internal.sample.NiftiWriter;
import io.datamint.spark.testing.TestMirror;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A mirror of small NIfTI and DICOM volumes in many orientations, each with distinct lengths along
 * its three axes so that every plane has its own slice count, and resource metadata that states
 * their geometry (or, for some, deliberately not enough of it).
 */
final class OrientedVolumes {

  /** One volume: its resource id, metadata JSON, file bytes, and whether its metadata decides. */
  record Volume(String id, String kind, String metadata, byte[] file, boolean decided) {}

  private final List<Volume> volumes = new ArrayList<>();

  /** All the volumes. */
  static OrientedVolumes all() {
    OrientedVolumes v = new OrientedVolumes();
    int[] dims = {5, 6, 7};
    v.nifti("ras", dims, cols(1, 0, 0, 0, 1, 0, 0, 0, 1), "R,A,S", true, false);
    v.nifti("lpi", dims, cols(-1, 0, 0, 0, -1, 0, 0, 0, -1), "L,P,I", true, false);
    // the I/S axis is voxel axis 0 or 1: the decoder lays it out first
    v.nifti("sra", dims, cols(0, 0, 1, 1, 0, 0, 0, 1, 0), "S,R,A", true, false);
    v.nifti("pil", dims, cols(0, -1, 0, 0, 0, -1, -1, 0, 0), "P,I,L", true, false);
    double c = Math.cos(Math.toRadians(30));
    double s = Math.sin(Math.toRadians(30));
    v.nifti("oblique-x30", dims, cols(1, 0, 0, 0, c, s, 0, -s, c), "R,A,S", true, false);
    v.nifti("oblique-sra", dims, cols(0.2, 0, 0.98, 0.98, 0, -0.2, 0, 1, 0), "S,R,A", true, false);
    // qform_code = sform_code = 0: nibabel's fallback affine diag(-dx, dy, dz)
    v.nifti("fallback", dims, cols(0, 0, 1, 1, 0, 0, 0, 1, 0), "L,A,S", true, true);
    v.nifti("4d", new int[] {5, 6, 7, 2}, cols(0, 0, 1, 1, 0, 0, 0, 1, 0), "S,R,A", true, false);
    // equal lengths: every plane has 4 slices, whatever the orientation
    v.nifti("cube", new int[] {4, 4, 4}, cols(0, 0, 1, 1, 0, 0, 0, 1, 0), null, true, false);
    // no axcodes and unequal lengths: only decoding tells
    v.nifti("no-axcodes", dims, cols(0, 0, 1, 1, 0, 0, 0, 1, 0), null, false, false);

    double[] axial = {1, 0, 0, 0, 1, 0};
    v.dicom("dcm-axial", 6, 5, 7, axial, true, true);
    v.dicom("dcm-coronal", 6, 5, 7, new double[] {1, 0, 0, 0, 0, -1}, true, true);
    v.dicom("dcm-sagittal", 6, 5, 7, new double[] {0, 1, 0, 0, 0, -1}, true, true);
    v.dicom("dcm-tilt5", 6, 5, 7, tiltX(5), true, true);
    // 12 degrees: oblique for CT (10), not for MR (20): the metadata decides sagittal only
    v.dicom("dcm-tilt12", 6, 5, 7, tiltX(12), true, false);
    // oblique in every direction: no plane, decoding reports it
    v.dicom("dcm-tilt40", 6, 5, 7, tiltX(40), true, false);
    v.dicom("dcm-single-frame", 6, 5, 1, axial, true, true);
    // the file is coronal; the metadata, without ImageOrientationPatient, cannot tell
    v.dicom("dcm-no-iop", 6, 5, 7, new double[] {1, 0, 0, 0, 0, -1}, false, false);
    v.dicom("dcm-cube", 4, 4, 4, new double[] {0, 1, 0, 0, 0, -1}, false, true);
    return v;
  }

  /** The volumes. */
  List<Volume> volumes() {
    return volumes;
  }

  /** Writes a mirror of the volumes {@code keep} selects into {@code dir}. */
  Path write(Path dir, java.util.function.Predicate<Volume> keep) {
    TestMirror m = TestMirror.in(dir);
    List<Volume> kept = volumes.stream().filter(keep).toList();
    for (Volume volume : kept) {
      boolean nifti = volume.kind().equals("nifti");
      m.resourceLine(
          String.format(
              Locale.ROOT,
              "{\"id\":\"%s\",\"filename\":\"%s\",\"mimetype\":\"%s\",\"storage\":\"%s\","
                  + "\"size\":%d,\"metadata\":%s}",
              volume.id(),
              volume.id() + (nifti ? ".nii" : ".dcm"),
              nifti ? "application/x-nifti" : "application/dicom",
              nifti ? "NiftiResource" : "DicomResource",
              volume.file().length,
              volume.metadata()));
    }
    Path written = m.write();
    try {
      for (Volume volume : kept) {
        Files.write(written.resolve("files/resources/" + volume.id()), volume.file());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  /** The affine whose columns (voxel axes i, j, k) are the given world directions. */
  private static double[][] cols(double... d) {
    return new double[][] {
      {d[0], d[3], d[6], 0}, {d[1], d[4], d[7], 0}, {d[2], d[5], d[8], 0}, {0, 0, 0, 1}
    };
  }

  private static double[] tiltX(double degrees) {
    double a = Math.toRadians(degrees);
    return new double[] {1, 0, 0, 0, Math.cos(a), Math.sin(a)};
  }

  private void nifti(
      String id,
      int[] dims,
      double[][] affine,
      String axcodes,
      boolean shapeInMetadata,
      boolean noXform) {
    int voxels = 1;
    for (int d : dims) {
      voxels *= d;
    }
    byte[] file = NiftiWriter.of(dims, affine).int16(new short[voxels]);
    if (noXform) {
      file[252] = 0; // qform_code
      file[253] = 0;
      file[254] = 0; // sform_code
      file[255] = 0;
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("frame_count", Integer.toString(dims[2]));
    if (shapeInMetadata) {
      StringBuilder shape = new StringBuilder();
      for (int d : dims) {
        shape.append(shape.length() == 0 ? "" : ",").append(d);
      }
      meta.put("shape", "[" + shape + "]");
    }
    if (axcodes != null) {
      meta.put("axcodes", "[\"" + axcodes.replace(",", "\",\"") + "\"]");
    }
    volumes.add(
        new Volume(
            "nii-" + id,
            "nifti",
            json(meta),
            file,
            shapeInMetadata && axcodes != null
                || (shapeInMetadata && dims[0] == dims[1] && dims[1] == dims[2])));
  }

  private void dicom(
      String id,
      int rows,
      int columns,
      int frames,
      double[] iop,
      boolean iopInMetadata,
      boolean decided) {
    short[] stored = new short[rows * columns * frames];
    byte[] file =
        DicomWriter.encode(
            new DicomWriter.CtSeries(
                "PAT",
                "SAMPLE^PAT",
                "20260101",
                "1.2.3.1",
                "1.2.3.2",
                "1.2.3.3." + volumes.size(),
                "1.2.3.4",
                rows,
                columns,
                frames,
                1,
                1,
                1,
                new double[] {0, 0, 0},
                stored));
    file = withOrientation(file, iop);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("frame_count", Integer.toString(frames));
    meta.put("Rows", Integer.toString(rows));
    meta.put("Columns", Integer.toString(columns));
    meta.put("Modality", "\"CT\"");
    if (iopInMetadata) {
      StringBuilder values = new StringBuilder();
      for (double v : iop) {
        values.append(values.length() == 0 ? "" : ",").append(v);
      }
      meta.put("ImageOrientationPatient", "[" + values + "]");
    }
    volumes.add(new Volume(id, "dicom", json(meta), file, decided));
  }

  private static String json(Map<String, String> members) {
    StringBuilder out = new StringBuilder("{");
    for (Map.Entry<String, String> e : members.entrySet()) {
      out.append(out.length() == 1 ? "" : ",")
          .append('"')
          .append(e.getKey())
          .append("\":")
          .append(e.getValue());
    }
    return out.append('}').toString();
  }

  /**
   * The file with its ImageOrientationPatient (0020,0037), explicit VR little endian, replaced by
   * {@code iop}: DicomWriter writes an axial one.
   */
  private static byte[] withOrientation(byte[] file, double[] iop) {
    byte[] tag = {0x20, 0x00, 0x37, 0x00, 'D', 'S'};
    int at = -1;
    for (int i = 132; i + tag.length + 2 <= file.length && at < 0; i++) {
      boolean match = true;
      for (int k = 0; k < tag.length && match; k++) {
        match = file[i + k] == tag[k];
      }
      at = match ? i : -1;
    }
    if (at < 0) {
      throw new IllegalStateException("no ImageOrientationPatient in the written DICOM file");
    }
    int oldLength = (file[at + 6] & 0xff) | (file[at + 7] & 0xff) << 8;
    StringBuilder text = new StringBuilder();
    for (double v : iop) {
      text.append(text.length() == 0 ? "" : "\\").append(String.format(Locale.ROOT, "%.6f", v));
    }
    if (text.length() % 2 == 1) {
      text.append(' ');
    }
    byte[] value = text.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[file.length - oldLength + value.length];
    System.arraycopy(file, 0, out, 0, at + 6);
    out[at + 6] = (byte) value.length;
    out[at + 7] = (byte) (value.length >> 8);
    System.arraycopy(value, 0, out, at + 8, value.length);
    System.arraycopy(
        file, at + 8 + oldLength, out, at + 8 + value.length, file.length - at - 8 - oldLength);
    return out;
  }
}
