package io.datamint.spark.internal.sample;

import io.datamint.spark.internal.sample.Shapes.Ellipse;
import java.util.Random;

/**
 * A chest-radiograph-like image: a soft-tissue body, two dark lungs with ribs across them, a bright
 * heart shadow overlapping the left lung (image right, as in a PA view), the spine, and quantum
 * noise. The lung and heart masks are drawn from the same outlines, so they overlap the drawn
 * anatomy; {@link #mask} can perturb them slightly to imitate another annotator.
 */
final class XrayPhantom {

  private final int width;
  private final int height;
  private final Random random;
  private final Ellipse body;
  private final Ellipse rightLung; // image left
  private final Ellipse leftLung; // image right
  private final Ellipse heart;

  /** A phantom of the given size whose proportions vary slightly with {@code random}. */
  XrayPhantom(int width, int height, Random random) {
    this.width = width;
    this.height = height;
    this.random = random;
    double w = width;
    double h = height;
    double spread = 1 + 0.06 * (random.nextDouble() - 0.5);
    body = new Ellipse(w / 2, h * 0.58, w * 0.47, h * 0.55, 0);
    rightLung = new Ellipse(w * (0.5 - 0.19 * spread), h * 0.45, w * 0.14, h * 0.28, 0.12);
    leftLung = new Ellipse(w * (0.5 + 0.19 * spread), h * 0.46, w * 0.13, h * 0.27, -0.12);
    heart =
        new Ellipse(w * (0.56 + 0.02 * random.nextDouble()), h * 0.62, w * 0.15, h * 0.12, -0.35);
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** Renders the radiograph: attenuation-like brightness in 0..1, row by row. */
  double[] render() {
    double[] img = new double[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        img[y * width + x] = clamp(brightness(x + 0.5, y + 0.5) + 0.02 * random.nextGaussian());
      }
    }
    return img;
  }

  private double brightness(double x, double y) {
    if (!body.contains(x, y)) {
      return 0.06; // direct exposure: nearly black
    }
    double v = 0.62 - 0.10 * body.normalizedRadius(x, y); // thinner tissue towards the edge
    boolean inLung = rightLung.contains(x, y) || leftLung.contains(x, y);
    if (inLung) {
      v = 0.22 + 0.12 * (y / height); // aerated lung, denser towards the bases
      if (onRib(x, y)) {
        v += 0.16;
      }
    }
    if (heart.contains(x, y)) {
      v = Math.max(v, 0.70);
    }
    if (Math.abs(x - width / 2.0) < width * 0.035) {
      v = Math.max(v, 0.80); // spine
    }
    return v;
  }

  /** Ribs: parabolic bands, about 2 pixels thick, repeating down the chest. */
  private boolean onRib(double x, double y) {
    double lateral = Math.abs(x - width / 2.0) / width;
    double spacing = height * 0.075;
    double bent = y - height * 0.12 + 0.9 * height * lateral * lateral;
    double phase = bent / spacing - Math.floor(bent / spacing);
    return bent > 0 && phase < 0.28;
  }

  /**
   * The mask of {@code structure} ({@code lung}: both lungs, {@code heart}), moved by (dx, dy)
   * pixels and scaled by {@code scale}. The lung mask excludes the heart, as lung field annotations
   * do.
   */
  boolean[] mask(String structure, double dx, double dy, double scale) {
    Ellipse h = heart.perturbed(dx, dy, scale);
    Ellipse r = rightLung.perturbed(dx, dy, scale);
    Ellipse l = leftLung.perturbed(dx, dy, scale);
    boolean[] mask = new boolean[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double px = x + 0.5;
        double py = y + 0.5;
        mask[y * width + x] =
            switch (structure) {
              case "lung" -> (r.contains(px, py) || l.contains(px, py)) && !h.contains(px, py);
              case "heart" -> h.contains(px, py);
              default ->
                  throw new IllegalArgumentException(
                      "no structure " + structure + " in a chest radiograph");
            };
      }
    }
    return mask;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
