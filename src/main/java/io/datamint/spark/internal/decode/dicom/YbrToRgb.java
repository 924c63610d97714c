package io.datamint.spark.internal.decode.dicom;

/**
 * YBR_FULL (and YBR_FULL_422 once upsampled) to RGB, as pydicom's {@code convert_color_space} does
 * it: ITU-R BT.601 full range (ITU T.871), R = Y + 1.402 Cr', G = Y - (0.114 x 1.772 / 0.587) Cb' -
 * (0.299 x 1.402 / 0.587) Cr', B = Y + 1.772 Cb', with Cb' and Cr' the chroma minus 2^(bits-1);
 * computed in float32 in pydicom's order, rounded half up (floor(x + 0.5)) and clipped to [0,
 * 2^bits - 1]. pydicom 2.x handles 8 bits only; the bit-depth generalisation is pydicom 3's.
 */
final class YbrToRgb {

  private static final float CR_TO_R = (float) 1.402;
  private static final float CB_TO_G = (float) (-0.114 * 1.772 / 0.587);
  private static final float CR_TO_G = (float) (-0.299 * 1.402 / 0.587);
  private static final float CB_TO_B = (float) 1.772;

  private YbrToRgb() {}

  /** Whether samples in this photometric interpretation are converted. */
  static boolean applies(String photometric) {
    return "YBR_FULL".equals(photometric) || "YBR_FULL_422".equals(photometric);
  }

  /** Converts three planes of {@code pixels} samples each, in place. */
  static void convert(int[] planes, int pixels, int bits) {
    int b = Math.min(Math.max(bits, 1), 16);
    float offset = 1 << (b - 1);
    float max = (1 << b) - 1;
    for (int i = 0; i < pixels; i++) {
      float y = planes[i];
      float cb = planes[pixels + i] - offset;
      float cr = planes[2 * pixels + i] - offset;
      float r = y * 1.0f + cb * 0.0f + cr * CR_TO_R;
      float g = y * 1.0f + cb * CB_TO_G + cr * CR_TO_G;
      float bl = y * 1.0f + cb * CB_TO_B + cr * 0.0f;
      planes[i] = round(r, max);
      planes[pixels + i] = round(g, max);
      planes[2 * pixels + i] = round(bl, max);
    }
  }

  private static int round(float v, float max) {
    float f = (float) Math.floor(v + 0.5f);
    return (int) (f < 0 ? 0 : f > max ? max : f);
  }
}
