package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.PixelArray;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Writes decoded frames into the output array in place, applying the steps of an {@link OutputPlan}
 * on the way: Bits Stored and Pixel Representation (unused high bits masked, or the sign extended
 * from the highest stored bit, as pydicom 3 does), YBR to RGB or the palette, the modality LUT, and
 * the conversion to the output type. Loops run over plain arrays; values are stored little-endian
 * through byte-array views.
 */
final class FrameWriter {

  private static final VarHandle SHORT_LE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT_LE =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE_LE =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] out;
  private final int outBase;
  private final OutputPlan plan;
  private final PixelModule pm;
  private final int pixels;
  private int[] paletteScratch;

  FrameWriter(PixelArray output, OutputPlan plan, PixelModule pm) {
    if (!output.data().hasArray()) {
      throw new IllegalArgumentException("the output array must be heap-backed");
    }
    this.out = output.data().array();
    this.outBase = output.data().arrayOffset();
    this.plan = plan;
    this.pm = pm;
    this.pixels = pm.rows() * pm.columns();
  }

  /** The byte offset of frame {@code index} in the output's backing array. */
  int frameOffset(int index) {
    return outBase + index * plan.channels() * pixels * plan.writeType().itemSize();
  }

  /** The output's backing array. */
  byte[] array() {
    return out;
  }

  /**
   * Writes frame {@code index} from planar samples.
   *
   * @param samples {@code samplesPerPixel} planes of {@code rows x columns} values; modified in
   *     place
   * @param bits the significant bits of each sample (Bits Stored, or the codestream's precision)
   * @param colorSpace the photometric interpretation of the samples
   */
  void write(int index, int[] samples, int bits, String colorSpace) {
    int spp = pm.samplesPerPixel();
    normalize(samples, spp * pixels, bits, pm.signed());
    int[] values = samples;
    if (plan.palette() != null) {
      if (paletteScratch == null) {
        paletteScratch = new int[3 * pixels];
      }
      plan.palette().apply(samples, pixels, paletteScratch);
      values = paletteScratch;
    } else if (spp == 3 && YbrToRgb.applies(colorSpace)) {
      YbrToRgb.convert(values, pixels, pm.bitsStored());
    }
    int count = plan.channels() * pixels;
    int at = frameOffset(index);
    ModalityTransform modality = plan.modality();
    DType type = plan.writeType();
    // stored uint32 values (neither palette entries nor LUT outputs, which have at most 16 bits)
    boolean unsigned32 = plan.storedType() == DType.UINT32 && plan.palette() == null;
    switch (modality.kind()) {
      case RESCALE:
        writeRescaled(
            values,
            count,
            at,
            modality.slope(),
            modality.intercept(),
            unsigned32,
            type == DType.FLOAT32);
        return;
      case LUT:
        modality.applyLut(values, count);
        writeInts(values, count, at, type, false);
        return;
      default:
        writeInts(values, count, at, type, unsigned32);
    }
  }

  /**
   * Whether {@link #writeRescaled16} can write the frames: one sample per pixel, no palette, a
   * rescale to float32 or float64 (the uncompressed CT and MR case).
   */
  boolean rescalesOneSample() {
    return oneSample(ModalityTransform.Kind.RESCALE, DType.FLOAT32, DType.FLOAT64);
  }

  /**
   * Whether {@link #writeStored16} can write the frames: one sample per pixel kept as stored (no
   * palette, no modality LUT or rescale) in a 16-bit integer type: with Bits Stored under 16, the
   * frames of {@code pixel_dtype 'native'} CT and MR, and of files without a rescale (with all 16
   * bits stored, {@link NativeFrames#copyTo} copies the frames as they are).
   */
  boolean storesOneSample16() {
    return oneSample(ModalityTransform.Kind.NONE, DType.UINT16, DType.INT16);
  }

  /**
   * Whether the frames have one sample per pixel, no palette, a modality step of {@code kind} and
   * are written as {@code type} or {@code other}.
   */
  private boolean oneSample(ModalityTransform.Kind kind, DType type, DType other) {
    DType written = plan.writeType();
    return pm.samplesPerPixel() == 1
        && plan.palette() == null
        && plan.modality().kind() == kind
        && (written == type || written == other);
  }

  /**
   * Writes frame {@code index} straight from 16-bit little-endian stored samples at {@code
   * src[at..]}, in one pass: the values {@link #write} gives for the same samples (Bits Stored and
   * Pixel Representation as {@link #normalize}, then {@code v * slope + intercept}), without the
   * working array. Only when {@link #rescalesOneSample()}.
   */
  void writeRescaled16(int index, byte[] src, int at) {
    int shift = shift16();
    int mask = mask16();
    double slope = plan.modality().slope();
    double intercept = plan.modality().intercept();
    int q = frameOffset(index);
    int end = at + 2 * pixels;
    if (plan.writeType() == DType.FLOAT32) {
      for (int p = at; p < end; p += 2, q += 4) {
        int v = (short) SHORT_LE.get(src, p) << shift >> shift & mask;
        FLOAT_LE.set(out, q, (float) (v * slope + intercept));
      }
    } else {
      for (int p = at; p < end; p += 2, q += 8) {
        int v = (short) SHORT_LE.get(src, p) << shift >> shift & mask;
        DOUBLE_LE.set(out, q, v * slope + intercept);
      }
    }
  }

  /**
   * Writes frame {@code index} straight from 16-bit little-endian stored samples at {@code
   * src[at..]}, in one pass: the values {@link #write} gives for the same samples (Bits Stored and
   * Pixel Representation as {@link #normalize}, in the 16-bit output type), without the working
   * array. Only when {@link #storesOneSample16()}.
   */
  void writeStored16(int index, byte[] src, int at) {
    int shift = shift16();
    int mask = mask16();
    int q = frameOffset(index);
    int end = at + 2 * pixels;
    for (int p = at; p < end; p += 2, q += 2) {
      SHORT_LE.set(out, q, (short) ((short) SHORT_LE.get(src, p) << shift >> shift & mask));
    }
  }

  /**
   * {@link #normalize} of a 16-bit sample {@code s} is {@code s << shift16() >> shift16() &
   * mask16()}: with 1 to 16 bits stored, the low bits, sign-extended when signed; otherwise the
   * unsigned 16-bit value.
   */
  private int shift16() {
    int bits = pm.bitsStored();
    return 32 - (bits > 0 && bits <= 16 ? bits : 16);
  }

  /** The mask of {@link #shift16()}. */
  private int mask16() {
    int bits = pm.bitsStored();
    return bits > 0 && bits <= 16 && pm.signed() ? -1 : -1 >>> shift16();
  }

  /** Keeps the low {@code bits} bits of each value, sign-extending them when {@code signed}. */
  static void normalize(int[] v, int count, int bits, boolean signed) {
    if (bits >= 32 || bits <= 0) {
      return;
    }
    if (signed) {
      int shift = 32 - bits;
      for (int i = 0; i < count; i++) {
        v[i] = v[i] << shift >> shift;
      }
    } else {
      int mask = (1 << bits) - 1;
      for (int i = 0; i < count; i++) {
        v[i] &= mask;
      }
    }
  }

  /**
   * Writes {@code v * slope + intercept}, computed in double precision; as float32 each value is
   * that double rounded to the nearest float32 (the float64 result narrowed, without a float64
   * array).
   */
  private void writeRescaled(
      int[] v,
      int count,
      int at,
      double slope,
      double intercept,
      boolean unsigned32,
      boolean float32) {
    if (float32) {
      if (unsigned32) {
        for (int i = 0; i < count; i++) {
          FLOAT_LE.set(out, at + 4 * i, (float) ((v[i] & 0xFFFFFFFFL) * slope + intercept));
        }
      } else {
        for (int i = 0; i < count; i++) {
          FLOAT_LE.set(out, at + 4 * i, (float) (v[i] * slope + intercept));
        }
      }
    } else if (unsigned32) {
      for (int i = 0; i < count; i++) {
        DOUBLE_LE.set(out, at + 8 * i, (v[i] & 0xFFFFFFFFL) * slope + intercept);
      }
    } else {
      for (int i = 0; i < count; i++) {
        DOUBLE_LE.set(out, at + 8 * i, v[i] * slope + intercept);
      }
    }
  }

  /** Writes integer values in an integer type, or converted to float32 or float64. */
  private void writeInts(int[] v, int count, int at, DType type, boolean unsigned32) {
    if (type == DType.FLOAT32 || type == DType.FLOAT64) {
      writeFloats(v, count, at, type == DType.FLOAT32, unsigned32);
      return;
    }
    switch (type.itemSize()) {
      case 1:
        for (int i = 0; i < count; i++) {
          out[at + i] = (byte) v[i];
        }
        break;
      case 2:
        for (int i = 0; i < count; i++) {
          SHORT_LE.set(out, at + 2 * i, (short) v[i]);
        }
        break;
      case 4:
        for (int i = 0; i < count; i++) {
          INT_LE.set(out, at + 4 * i, v[i]);
        }
        break;
      default:
        throw new IllegalStateException("no integer output of " + type.numpyName());
    }
  }

  private void writeFloats(int[] v, int count, int at, boolean float32, boolean unsigned32) {
    if (float32) {
      for (int i = 0; i < count; i++) {
        FLOAT_LE.set(out, at + 4 * i, unsigned32 ? (float) (v[i] & 0xFFFFFFFFL) : (float) v[i]);
      }
    } else {
      for (int i = 0; i < count; i++) {
        DOUBLE_LE.set(out, at + 8 * i, unsigned32 ? (double) (v[i] & 0xFFFFFFFFL) : v[i]);
      }
    }
  }
}
