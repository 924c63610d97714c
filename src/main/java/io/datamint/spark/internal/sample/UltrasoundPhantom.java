package io.datamint.spark.internal.sample;

import io.datamint.spark.internal.sample.Shapes.Ellipse;
import java.util.Random;

/**
 * An ultrasound-like B-mode clip: a sector (fan) image of speckled tissue layers with depth
 * attenuation, crossed by an anechoic (dark) vessel with bright walls that drifts and pulsates from
 * frame to frame. Frames in {@code [artifactFrom, artifactTo]} carry reverberation bands (bright
 * horizontal lines), the kind of artefact a frame label marks. {@link #vesselMask} gives the vessel
 * lumen of a frame.
 */
final class UltrasoundPhantom {

  private final int width;
  private final int height;
  private final int frames;
  private final int artifactFrom;
  private final int artifactTo;
  private final double[] baseSpeckle;
  private final Random random;
  private final double phase;

  /**
   * A clip of {@code frames} frames of width x height; reverberation on frames
   * artifactFrom..artifactTo.
   */
  UltrasoundPhantom(
      int width, int height, int frames, int artifactFrom, int artifactTo, Random random) {
    this.width = width;
    this.height = height;
    this.frames = frames;
    this.artifactFrom = artifactFrom;
    this.artifactTo = artifactTo;
    this.random = random;
    this.phase = 2 * Math.PI * random.nextDouble();
    this.baseSpeckle = new double[width * height];
    for (int i = 0; i < baseSpeckle.length; i++) {
      baseSpeckle[i] = rayleigh();
    }
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  int frames() {
    return frames;
  }

  /**
   * The vessel cross-section in frame {@code f}: it drifts sideways and its radius pulses with the
   * heart beat.
   */
  Ellipse vessel(int f) {
    double t = 2 * Math.PI * f / frames;
    double pulse = 1 + 0.12 * StrictMath.sin(3 * t + phase);
    return new Ellipse(
        width * (0.5 + 0.12 * StrictMath.sin(t)),
        height * 0.55,
        width * 0.11 * pulse,
        height * 0.09 * pulse,
        0.1);
  }

  /** Renders frame {@code f} as 8-bit gray levels, row by row. */
  byte[] frame(int f) {
    Ellipse lumen = vessel(f);
    Ellipse wall = lumen.perturbed(0, 0, 1.18);
    boolean artifact = f >= artifactFrom && f <= artifactTo;
    byte[] gray = new byte[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double v = 0;
        if (inSector(x + 0.5, y + 0.5)) {
          // persistent speckle pattern mixed with fresh noise: tissue looks stable, but not frozen
          double speckle = 0.7 * baseSpeckle[y * width + x] + 0.3 * rayleigh();
          double layers = 0.55 + 0.25 * StrictMath.sin(y * 0.21 + 0.4 * StrictMath.sin(x * 0.05));
          double attenuation = StrictMath.exp(-1.1 * y / height);
          v = 190 * layers * attenuation * speckle;
          if (wall.contains(x + 0.5, y + 0.5)) {
            v = lumen.contains(x + 0.5, y + 0.5) ? 6 * speckle : 240 * attenuation * speckle;
          }
          if (artifact && y > 8 && (y % 14) < 2) {
            v += 90 * attenuation;
          }
        }
        gray[y * width + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
      }
    }
    return gray;
  }

  /** The vessel lumen of frame {@code f}, row by row. */
  boolean[] vesselMask(int f) {
    Ellipse lumen = vessel(f);
    boolean[] mask = new boolean[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        mask[y * width + x] = lumen.contains(x + 0.5, y + 0.5) && inSector(x + 0.5, y + 0.5);
      }
    }
    return mask;
  }

  /** The imaging sector: a 70-degree fan from an apex just above the top centre. */
  private boolean inSector(double x, double y) {
    double ax = width / 2.0;
    double ay = -height * 0.15;
    double dx = x - ax;
    double dy = y - ay;
    double r = StrictMath.hypot(dx, dy);
    return dy > 0
        && Math.abs(StrictMath.atan2(dx, dy)) < StrictMath.toRadians(35)
        && r > height * 0.2
        && r < height * 1.12;
  }

  /** Unit-mean Rayleigh-distributed speckle amplitude. */
  private double rayleigh() {
    double u = random.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(1 - u)) / 1.2533;
  }
}
