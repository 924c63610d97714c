package io.datamint.spark.internal.decode.nifti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.core.PixelDtype;
import io.datamint.spark.internal.core.VolumeGeometry;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.IsalInflate;
import io.datamint.spark.internal.decode.LibraryFailure;
import io.datamint.spark.internal.decode.ResourceDecoder;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Decodes single-file NIfTI images: NIfTI-1 ({@code n+1}, 348-byte header) and NIfTI-2 ({@code
 * n+2}, 540 bytes), either byte order (told by {@code sizeof_hdr}), uncompressed or gzip-compressed
 * (told by the gzip magic bytes, whatever the file name). Extensions are skipped: the voxels are
 * read from {@code vox_offset}.
 *
 * <h2>Array layout: as the SDK (medimgkit 0.18 {@code read_nifti(orientation_normalized=True)})
 * </h2>
 *
 * <ul>
 *   <li>The voxel-to-world affine and the axis codes are nibabel's; see {@link NiftiOrientation}.
 *       The affine is returned row-major in {@link DecodedResource#affine()}.
 *   <li>3-D and 4-D: the slice axis is the spatial voxel axis whose code is {@code I} or {@code S}.
 *       When it is {@code I}, that axis is reversed, so that slice 0 is the most inferior. The
 *       output is {@code (N, C, H, W)} = (slice axis, time, then the two other spatial axes in
 *       descending order): {@code (X, Y, Z)} becomes {@code (Z, 1, Y, X)} and {@code (X, Y, Z, T)}
 *       becomes {@code (Z, T, Y, X)}: time points are channels.
 *   <li>No I/S axis (only possible when the affine's 3x3 part is rank-deficient, e.g. a zero sform
 *       with {@code sform_code > 0}, or not finite): the SDK raises there; this decoder uses voxel
 *       axis k (2) as the slice axis, unreversed, and says so in {@code
 *       metainfo.orientation.slice_axis_fallback}.
 *   <li>2-D {@code (X, Y)} becomes {@code (1, 1, Y, X)} with no orientation applied, as in the SDK;
 *       1-D {@code (X)} becomes {@code (1, 1, 1, X)} (the SDK raises).
 *   <li>5-D to 7-D images are decoded as 4-D when every dimension after the fourth is 1; otherwise
 *       they are an error, as in the SDK.
 *   <li>RGB24 / RGBA32 voxels have 3 / 4 colour channels: C = time points x components, component
 *       fastest ({@code c = t * 3 + rgb}). (nibabel's {@code get_fdata()} rejects these types, so
 *       the SDK cannot read them.)
 * </ul>
 *
 * <h2>Element type and scaling</h2>
 *
 * <p>The SDK returns {@code get_fdata()}, always float64. Here pixels keep their stored type unless
 * a scaling applies: {@code scl_slope} and {@code scl_inter} are used as nibabel uses them: a slope
 * of 0 or not finite means "no scaling"; a valid slope with a non-finite intercept is an error;
 * {@code (slope, inter) == (1, 0)} is no scaling. When a scaling applies, the output is float64 and
 * every value is {@code stored * slope + inter}, computed in double precision in that order (the
 * multiplication skipped when the slope is 1, the addition when the intercept is 0): exactly
 * nibabel's values, also for float32 data (a float32 times a float64 slope is a float64 in NumPy
 * too). So the rule is: <b>no scaling: native type; scaling: float64</b>. The one exception is
 * uint64, which has no array type here and becomes float64 (rounded to nearest, as {@code
 * get_fdata()}). Colour voxels are never scaled. Every value is therefore equal, as a number, to
 * the SDK's float64 value.
 *
 * <h2>Errors</h2>
 *
 * <p>A {@link DecodeException} names: a header-only file ({@code ni1} / {@code ni2} magic: the
 * voxels are in a separate {@code .img} file) or an Analyze 7.5 header (no NIfTI magic); a CIFTI-2
 * file (intent codes 3000-3099: its data is a matrix over brainordinates described by an XML
 * extension, not an image); complex, float128 and binary datatypes; a {@code vox_offset} inside the
 * header; dimensions that are not positive or over the {@link DecodeLimits}; data shorter than the
 * header declares (truncated file). Sizes are checked against the limits before anything is
 * allocated or inflated: a gzip bomb fails after its header, and only the declared bytes of a gzip
 * stream are ever inflated.
 *
 * <p>{@code metainfo} is the header as JSON: every field by its NIfTI name (float32 fields of
 * NIfTI-1 written as float32), {@code format}, {@code byte_order}, {@code datatype_name}, {@code
 * shape} (the NIfTI shape), {@code space_units} / {@code time_units}, {@code extensions} (code and
 * size of each), {@code scaled} (whether scl_slope / scl_inter were applied) and {@code
 * orientation} ({@code axcodes}, {@code affine_source}: sform, qform or fallback, {@code
 * slice_axis}, {@code slice_flipped}, {@code slice_axis_fallback}). The same orientation is set,
 * typed, as {@link DecodedResource#geometry()} (a {@link VolumeGeometry.Nifti}). Stateless and
 * thread-safe.
 */
public final class NiftiDecoder implements ResourceDecoder {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_DIMS_BEFORE_FOLD = 4;

  @Override
  public DecodedResource decode(byte[] file, int length, DecodeLimits limits)
      throws DecodeException {
    return decode(file, length, limits, PixelDtype.SDK);
  }

  /**
   * Decodes with the voxels in the type {@code dtype} gives: {@code native} leaves a scaling out
   * (said in the metainfo: {@code scaled} false and {@code _rescale}); {@code float32} and {@code
   * float64} convert every voxel (colour voxels included) while copying, float32 being the float64
   * value rounded once to float32.
   */
  @Override
  public DecodedResource decode(byte[] file, int length, DecodeLimits limits, PixelDtype dtype)
      throws DecodeException {
    if (length < 0 || length > file.length) {
      throw new IllegalArgumentException(
          "length " + length + " outside the array of " + file.length);
    }
    boolean gzip = length >= 2 && file[0] == (byte) 0x1f && file[1] == (byte) 0x8b;
    if (gzip) {
      return decodeGzip(file, length, limits, dtype);
    }
    NiftiHeader header = NiftiHeader.parse(file, Math.min(length, NiftiHeader.NIFTI2_SIZE));
    Plan plan = plan(header, limits, file, dtype);
    long end = plan.offset + plan.rawBytes;
    if (end > length) {
      throw truncated(plan, length, false);
    }
    return finish(header, plan, file, length, limits);
  }

  private static DecodedResource decodeGzip(
      byte[] file, int length, DecodeLimits limits, PixelDtype dtype) throws DecodeException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(file, 0, length), 65536)) {
      byte[] head = new byte[NiftiHeader.NIFTI2_MIN_OFFSET];
      int got = in.readNBytes(head, 0, head.length);
      if (NiftiHeader.sniffVersion(head, got) == 0) {
        throw new DecodeException(
            "the gzip stream does not hold a NIfTI file (no sizeof_hdr of 348 or 540 in its"
                + " first "
                + Math.min(got, 4)
                + " bytes)");
      }
      NiftiHeader header = NiftiHeader.parse(head, got);
      Plan plan = plan(header, limits, head, dtype);
      long total = plan.offset + plan.rawBytes;
      if (total > limits.maxDecodedBytes()) {
        throw new DecodeException(
            "the gzip stream declares "
                + total
                + " bytes (header, extensions and voxels),"
                + " more than "
                + limits.describe());
      }
      if (total < Integer.MAX_VALUE - 8 && IsalInflate.available()) {
        // the whole member at once where ISA-L loads, if it is one valid member of exactly this
        // size
        byte[] whole = new byte[(int) total + 1];
        if (IsalInflate.inflateGzip(file, length, whole, (int) total)) {
          return finish(header, plan, whole, (int) total, limits);
        }
      }
      byte[] all = new byte[(int) total];
      int have = (int) Math.min(got, total);
      System.arraycopy(head, 0, all, 0, have);
      if (have < total) {
        have += in.readNBytes(all, have, (int) total - have);
      }
      if (have < total) {
        throw truncated(plan, have, true);
      }
      return finish(header, plan, all, have, limits);
    } catch (EOFException e) {
      throw new DecodeException(
          "truncated gzip stream: it ends before the NIfTI data it declares", e);
    } catch (ZipException e) {
      throw new DecodeException(
          "the gzip stream of the .nii.gz file is corrupt"
              + LibraryFailure.said("the Java runtime's gzip reader", e),
          e);
    } catch (IOException e) {
      throw new DecodeException(
          "the gzip stream of the .nii.gz file cannot be inflated"
              + LibraryFailure.said("the Java runtime's gzip reader", e),
          e);
    }
  }

  private static DecodeException truncated(Plan plan, long available, boolean gzip) {
    return new DecodeException(
        "truncated NIfTI "
            + (gzip ? "gzip stream" : "file")
            + ": the header declares "
            + plan.rawBytes
            + " bytes of voxel data ("
            + plan.describeShape()
            + ") from offset "
            + plan.offset
            + ", but the "
            + (gzip ? "stream inflates to" : "file has")
            + " only "
            + available
            + " bytes");
  }

  /** What the header asks for, validated against the limits. */
  private static final class Plan {
    NiftiDataType type;
    long[] shape;
    int[] size;
    long offset;
    long rawBytes;
    VoxelCopier.Conversion conversion;
    double slope = 1;
    double inter = 0;
    boolean scaled;

    /** A scaling that applies but that {@code native} left out. */
    boolean scalingSkipped;

    DType dtype;

    String describeShape() {
      return Arrays.toString(shape) + " " + type.label;
    }
  }

  private static Plan plan(NiftiHeader h, DecodeLimits limits, byte[] head, PixelDtype dtype)
      throws DecodeException {
    String v = "NIfTI-" + h.version;
    String single = h.version == 1 ? "n+1" : "n+2";
    String pair = h.version == 1 ? "ni1" : "ni2";
    if (h.magic.equals(pair)) {
      throw new DecodeException(
          "a header-only "
              + v
              + " file (magic '"
              + pair
              + "'): its voxels are in a separate"
              + " .img file, which a resource does not include; only single-file .nii / .nii.gz images can be decoded");
    }
    if (!h.magic.equals(single)) {
      throw new DecodeException(
          h.version == 1
              ? "an Analyze 7.5 or unknown header (magic '"
                  + h.magic
                  + "', not 'n+1'): not a NIfTI-1 image"
              : "not a NIfTI-2 image: magic '" + h.magic + "', not 'n+2'");
    }
    if (h.version == 2 && !NiftiHeader.eolCheckValid(head)) {
      throw new DecodeException(
          "NIfTI-2 end-of-line check bytes are wrong: the file was corrupted by a newline"
              + " conversion");
    }
    if (h.intentCode >= 3000 && h.intentCode <= 3099) {
      throw new DecodeException(
          "a CIFTI-2 file (intent_code "
              + h.intentCode
              + (h.intentName.isEmpty() ? "" : " '" + h.intentName + "'")
              + "): its data is a matrix over brainordinates described by an XML extension, not an image; not decoded");
    }
    Plan plan = new Plan();
    plan.type = NiftiDataType.of(h.datatype);
    if (plan.type == null) {
      throw new DecodeException(
          "unsupported NIfTI datatype "
              + h.datatype
              + " ("
              + NiftiDataType.nameOf(h.datatype)
              + "); supported: uint8, int8, int16, uint16, int32, uint32, int64, uint64, float32, float64, RGB24,"
              + " RGBA32"
              + (NiftiDataType.nameOf(h.datatype).startsWith("complex")
                  ? " (complex voxels have no real-valued pixel representation)"
                  : ""));
    }
    plan.shape = shape(h);
    plan.size = spatialSize(plan.shape, plan.type);
    // scaling, as nibabel's Nifti1Header.get_slope_inter and ArrayProxy
    boolean scaled = false;
    if (plan.type.scalable() && h.sclSlope != 0 && Double.isFinite(h.sclSlope)) {
      if (!Double.isFinite(h.sclInter)) {
        throw new DecodeException(
            "valid scl_slope " + h.sclSlope + " but invalid scl_inter " + h.sclInter);
      }
      scaled = !(h.sclSlope == 1 && h.sclInter == 0);
      plan.slope = h.sclSlope;
      plan.inter = h.sclInter;
      if (scaled && dtype == PixelDtype.NATIVE) {
        plan.scalingSkipped = true;
        scaled = false;
      }
      plan.scaled = scaled;
    }
    if (!scaled) {
      plan.slope = 1;
      plan.inter = 0;
    }
    if (dtype == PixelDtype.FLOAT32) {
      plan.conversion = VoxelCopier.Conversion.FLOAT32;
      plan.dtype = DType.FLOAT32;
    } else if (scaled || plan.type == NiftiDataType.UINT64 || dtype == PixelDtype.FLOAT64) {
      plan.conversion = VoxelCopier.Conversion.FLOAT64;
      plan.dtype = DType.FLOAT64;
    } else {
      plan.conversion = VoxelCopier.Conversion.NATIVE;
      plan.dtype = plan.type.nativeType;
    }
    int[] out = new VoxelCopier.Layout(plan.type, false, plan.size, 2, false).outputShape();
    limits.checkedByteSize(plan.dtype, Arrays.stream(out).asLongStream().toArray());
    long voxels = 1;
    for (int s : plan.size) {
      voxels *= s;
    }
    plan.rawBytes = voxels * plan.type.voxelSize();
    double offset = h.voxOffset;
    if (!(offset >= h.minimumOffset())) {
      throw new DecodeException(
          "vox_offset "
              + offset
              + " is inside the "
              + v
              + " header (the data of a single"
              + " file starts at "
              + h.minimumOffset()
              + " or later)");
    }
    if (offset > limits.maxDecodedBytes()) {
      throw new DecodeException("vox_offset " + (long) offset + " is beyond " + limits.describe());
    }
    plan.offset = (long) offset;
    return plan;
  }

  /** The data shape: dim[1..dim[0]], with nibabel's NIfTI-1 FreeSurfer exceptions. */
  private static long[] shape(NiftiHeader h) throws DecodeException {
    long ndim = h.dim[0];
    if (ndim < 1 || ndim > 7) {
      throw new DecodeException("dim[0] is " + ndim + ": a NIfTI image has 1 to 7 dimensions");
    }
    long[] shape = Arrays.copyOfRange(h.dim, 1, (int) ndim + 1);
    if (h.version == 1 && shape.length >= 3) {
      if (shape[0] == -1 && shape[1] == 1 && shape[2] == 1) {
        if (h.glmin <= 0) {
          throw new DecodeException(
              "dim[1] is -1 (a FreeSurfer long vector) but glmin is " + h.glmin);
        }
        shape[0] = h.glmin;
      } else if (shape[0] == 27307 && shape[1] == 1 && shape[2] == 6) {
        shape[0] = 163842;
        shape[2] = 1;
      }
    }
    for (long d : shape) {
      if (d < 1) {
        throw new DecodeException(
            "the header declares dimensions "
                + Arrays.toString(shape)
                + ", with one that is not positive");
      }
    }
    return shape;
  }

  /** Voxel counts along i, j, k, t: missing axes are 1; axes after the fourth must be 1. */
  private static int[] spatialSize(long[] shape, NiftiDataType type) throws DecodeException {
    for (int axis = MAX_DIMS_BEFORE_FOLD; axis < shape.length; axis++) {
      if (shape[axis] != 1) {
        throw new DecodeException(
            "a "
                + shape.length
                + "-D image of shape "
                + Arrays.toString(shape)
                + " cannot be laid out as (slices, channels, rows, columns): only dimensions 5 to 7 of size 1 are"
                + " allowed");
      }
    }
    int[] size = {1, 1, 1, 1};
    for (int axis = 0; axis < Math.min(shape.length, 4); axis++) {
      if (shape[axis] > Integer.MAX_VALUE) {
        throw new DecodeException(
            "the header declares dimensions "
                + Arrays.toString(shape)
                + ", more than an array can hold");
      }
      size[axis] = (int) shape[axis];
    }
    if ((long) size[3] * type.components > Integer.MAX_VALUE) {
      throw new DecodeException(
          "the header declares dimensions "
              + Arrays.toString(shape)
              + ", more than an array can hold");
    }
    return size;
  }

  /** Orients, allocates and copies; {@code file[0..length)} holds the whole (inflated) file. */
  private static DecodedResource finish(
      NiftiHeader h, Plan plan, byte[] file, int length, DecodeLimits limits)
      throws DecodeException {
    NiftiOrientation orientation = NiftiOrientation.of(h);
    VolumeGeometry.Nifti geometry = geometry(h, orientation, plan.shape.length);
    int sliceAxis = geometry.sliceAxis();
    boolean flip = geometry.sliceFlipped();
    boolean fallback = geometry.sliceAxisFallback();
    VoxelCopier.Layout layout =
        new VoxelCopier.Layout(
            plan.type, h.order == ByteOrder.BIG_ENDIAN, plan.size, sliceAxis, flip);
    PixelArray pixels = PixelArray.allocate(limits, plan.dtype, layout.outputShape());
    ByteBuffer data = pixels.data();
    VoxelCopier.copy(
        file, (int) plan.offset, layout, plan.conversion, plan.slope, plan.inter, data.array());
    String json = metainfo(h, plan, orientation, sliceAxis, flip, fallback, file, length);
    return new DecodedResource(pixels, json, orientation.affine.clone(), geometry);
  }

  /**
   * The typed orientation of an image of {@code ndim} dimensions: its xform codes, axis codes, and
   * the slice axis the layout puts first: for 3-D and more, the voxel axis coded I or S (reversed
   * when I), else voxel axis k (the fallback); for 1-D and 2-D, voxel axis k, unreversed.
   */
  static VolumeGeometry.Nifti geometry(NiftiHeader h, NiftiOrientation orientation, int ndim) {
    int sliceAxis = 2;
    boolean flip = false;
    boolean fallback = false;
    if (ndim >= 3) {
      int found = -1;
      for (int axis = 0; axis < 3; axis++) {
        String code = orientation.axcodes[axis];
        if ("I".equals(code) || "S".equals(code)) {
          found = axis;
          break;
        }
      }
      if (found < 0) {
        fallback = true;
      } else {
        sliceAxis = found;
        flip = "I".equals(orientation.axcodes[found]);
      }
    }
    VolumeGeometry.AxisCode[] codes = new VolumeGeometry.AxisCode[3];
    for (int axis = 0; axis < 3; axis++) {
      codes[axis] = VolumeGeometry.AxisCode.of(orientation.axcodes[axis]);
    }
    VolumeGeometry.AffineSource source =
        switch (orientation.source) {
          case SFORM -> VolumeGeometry.AffineSource.SFORM;
          case QFORM -> VolumeGeometry.AffineSource.QFORM;
          case FALLBACK -> VolumeGeometry.AffineSource.FALLBACK;
        };
    return new VolumeGeometry.Nifti(
        h.qformCode, h.sformCode, source, codes, sliceAxis, flip, fallback);
  }

  private static String metainfo(
      NiftiHeader h,
      Plan plan,
      NiftiOrientation o,
      int sliceAxis,
      boolean flip,
      boolean fallback,
      byte[] file,
      int length) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode m = f.objectNode();
    boolean single = h.version == 1;
    m.put("format", "nifti" + h.version);
    m.put("byte_order", h.order == ByteOrder.BIG_ENDIAN ? "big" : "little");
    m.put("sizeof_hdr", h.size());
    m.put("magic", h.magic);
    ArrayNode dim = m.putArray("dim");
    for (long d : h.dim) {
      dim.add(d);
    }
    ArrayNode shape = m.putArray("shape");
    for (long d : plan.shape) {
      shape.add(d);
    }
    m.put("datatype", h.datatype);
    m.put("datatype_name", plan.type.label);
    m.put("bitpix", h.bitpix);
    putFloats(m.putArray("pixdim"), h.pixdim, single);
    if (single) {
      m.put("vox_offset", (float) h.voxOffset);
    } else {
      m.put("vox_offset", (long) h.voxOffset);
    }
    putFloat(m, "scl_slope", h.sclSlope, single);
    putFloat(m, "scl_inter", h.sclInter, single);
    putFloat(m, "cal_max", h.calMax, single);
    putFloat(m, "cal_min", h.calMin, single);
    m.put("dim_info", h.dimInfo);
    m.put("slice_code", h.sliceCode);
    m.put("slice_start", h.sliceStart);
    m.put("slice_end", h.sliceEnd);
    putFloat(m, "slice_duration", h.sliceDuration, single);
    putFloat(m, "toffset", h.toffset, single);
    m.put("xyzt_units", h.xyztUnits);
    m.put("space_units", spaceUnits(h.xyztUnits & 0x07));
    m.put("time_units", timeUnits(h.xyztUnits & 0x38));
    m.put("intent_code", h.intentCode);
    m.put("intent_name", h.intentName);
    putFloat(m, "intent_p1", h.intentP1, single);
    putFloat(m, "intent_p2", h.intentP2, single);
    putFloat(m, "intent_p3", h.intentP3, single);
    if (single) {
      m.put("glmax", h.glmax);
      m.put("glmin", h.glmin);
    }
    m.put("descrip", h.descrip);
    m.put("aux_file", h.auxFile);
    m.put("qform_code", h.qformCode);
    m.put("sform_code", h.sformCode);
    putFloat(m, "quatern_b", h.quaternB, single);
    putFloat(m, "quatern_c", h.quaternC, single);
    putFloat(m, "quatern_d", h.quaternD, single);
    putFloat(m, "qoffset_x", h.qoffsetX, single);
    putFloat(m, "qoffset_y", h.qoffsetY, single);
    putFloat(m, "qoffset_z", h.qoffsetZ, single);
    putFloats(m.putArray("srow_x"), h.srowX, single);
    putFloats(m.putArray("srow_y"), h.srowY, single);
    putFloats(m.putArray("srow_z"), h.srowZ, single);
    extensions(m.putArray("extensions"), h, plan, file, length);
    ObjectNode orient = m.putObject("orientation");
    ArrayNode codes = orient.putArray("axcodes");
    for (String code : o.axcodes) {
      codes.add(code);
    }
    orient.put("affine_source", o.source.label);
    orient.put("slice_axis", sliceAxis);
    orient.put("slice_flipped", flip);
    orient.put("slice_axis_fallback", fallback);
    m.put("scaled", plan.scaled);
    if (plan.scalingSkipped) {
      ObjectNode rescale = m.putObject("_rescale");
      rescale.put("applied", false);
      rescale.put("slope", h.sclSlope);
      rescale.put("intercept", h.sclInter);
    }
    try {
      return MAPPER.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write NIfTI metainfo", e);
    }
  }

  /**
   * The extensions between the header and {@code vox_offset}: {@code [{"code": c, "size": s}]}. A
   * malformed chain ends the list (the voxels are read from {@code vox_offset} whatever the
   * extensions say).
   */
  private static void extensions(ArrayNode out, NiftiHeader h, Plan plan, byte[] file, int length) {
    int flagAt = h.size();
    if (length < flagAt + 4 || file[flagAt] == 0) {
      return;
    }
    ByteBuffer bb = ByteBuffer.wrap(file, 0, length).order(h.order);
    long pos = flagAt + 4L;
    long end = Math.min(plan.offset, length);
    while (pos + 8 <= end) {
      int size = bb.getInt((int) pos);
      int code = bb.getInt((int) pos + 4);
      if (size < 8 || pos + size > end) {
        return;
      }
      ObjectNode e = out.addObject();
      e.put("code", code);
      e.put("size", size);
      pos += size;
    }
  }

  private static void putFloat(ObjectNode m, String name, double value, boolean single) {
    if (single) {
      m.put(name, (float) value);
    } else {
      m.put(name, value);
    }
  }

  private static void putFloats(ArrayNode a, double[] values, boolean single) {
    for (double value : values) {
      if (single) {
        a.add((float) value);
      } else {
        a.add(value);
      }
    }
  }

  private static String spaceUnits(int code) {
    return switch (code) {
      case 0 -> "unknown";
      case 1 -> "meter";
      case 2 -> "mm";
      case 3 -> "micron";
      default -> "code " + code;
    };
  }

  private static String timeUnits(int code) {
    return switch (code) {
      case 0 -> "unknown";
      case 8 -> "sec";
      case 16 -> "msec";
      case 24 -> "usec";
      case 32 -> "hz";
      case 40 -> "ppm";
      case 48 -> "rads";
      default -> "code " + code;
    };
  }
}
