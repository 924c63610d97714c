package io.datamint.spark.internal.decode.jpeg;

/**
 * One component of a DCT frame: its sampling factors and quantisation table selector from the frame
 * header, its size, and the plane its decoded blocks are written to (sized to whole MCUs, so that
 * every block of an interleaved scan has a place).
 */
final class DctComponent {

  final int id;
  final int h;
  final int v;
  final int tq;

  /** The component's own size: ceil(X * h / hMax) by ceil(Y * v / vMax). */
  final int width;

  final int height;

  /** Plane row length: MCUs per line * h * 8. */
  final int stride;

  final int planeHeight;
  short[] plane;

  /** The quantisation table in natural order, latched when the component's scan starts. */
  int[] quant;

  int dcPredictor;
  boolean decoded;

  DctComponent(
      int id,
      int h,
      int v,
      int tq,
      int frameWidth,
      int frameHeight,
      int hMax,
      int vMax,
      int mcusX,
      int mcusY) {
    this.id = id;
    this.h = h;
    this.v = v;
    this.tq = tq;
    this.width = (int) (((long) frameWidth * h + hMax - 1) / hMax);
    this.height = (int) (((long) frameHeight * v + vMax - 1) / vMax);
    this.stride = mcusX * h * 8;
    this.planeHeight = mcusY * v * 8;
  }

  /** Blocks per line when the component is alone in a scan. */
  int blocksPerLine() {
    return (width + 7) / 8;
  }

  /** Block rows when the component is alone in a scan. */
  int blockRows() {
    return (height + 7) / 8;
  }
}
