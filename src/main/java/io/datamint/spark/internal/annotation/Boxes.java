package io.datamint.spark.internal.annotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.PixelArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounding boxes of a resource (or of one of its slices or frames), from its {@code square}
 * annotations with the SDK's {@code _load_boxes} rules (v2.17.4+): each box is {@code (x_min,
 * y_min, x_max, y_max)} in pixels (pascal_voc), the x and y of {@code geometry.points[0]} and
 * {@code points[3]} taken as they are; a box without an identifier or without a geometry, or a
 * degenerate one ({@code x_max <= x_min} or {@code y_max <= y_min}), is skipped; the class code is
 * the identifier's position in {@link LabelSchema#boxLabels()}, or 0 when it has none.
 *
 * <p>Beyond the SDK, each box keeps its frame: the annotation's {@code frame_index} (a slice of a
 * volume, a frame of a video), or {@link #NO_FRAME} for an image-scoped box, which belongs to every
 * slice and frame ({@link #ofFrame}).
 */
public final class Boxes {

  /** The frame of a box without a frame index (image scope). */
  public static final int NO_FRAME = -1;

  private static final Boxes NONE = new Boxes(List.of());

  private final List<Box> boxes;

  private record Box(float xMin, float yMin, float xMax, float yMax, long code, int frame) {}

  private Boxes(List<Box> boxes) {
    this.boxes = boxes;
  }

  /** No box. */
  public static Boxes none() {
    return NONE;
  }

  /**
   * The boxes of these (filtered) annotations, in annotation order; annotations other than {@code
   * square} are ignored.
   *
   * @throws DecodeException when a square's geometry is not the SDK's box geometry (four points of
   *     numbers)
   */
  public static Boxes of(List<Annotation> annotations, LabelSchema labels) throws DecodeException {
    List<Box> out = new ArrayList<>();
    for (Annotation a : annotations) {
      if (!"square".equals(a.annotationType())
          || a.identifier() == null
          || a.identifier().isEmpty()
          || a.geometryJson() == null) {
        continue;
      }
      JsonNode points = points(a);
      float x1 = coordinate(a, points.get(0), 0);
      float y1 = coordinate(a, points.get(0), 1);
      float x2 = coordinate(a, points.get(3), 0);
      float y2 = coordinate(a, points.get(3), 1);
      if (x2 <= x1 || y2 <= y1) {
        continue; // degenerate, as the SDK
      }
      int code = labels.boxLabelCode(a.identifier());
      out.add(
          new Box(
              x1,
              y1,
              x2,
              y2,
              code < 0 ? 0 : code,
              a.frameIndex() == null ? NO_FRAME : a.frameIndex()));
    }
    return out.isEmpty() ? NONE : new Boxes(List.copyOf(out));
  }

  private static JsonNode points(Annotation a) throws DecodeException {
    JsonNode geometry;
    try {
      geometry = Json.MAPPER.readTree(a.geometryJson());
    } catch (JsonProcessingException e) {
      throw bad(a, "its geometry is not JSON");
    }
    JsonNode points = geometry.isArray() ? geometry : geometry.path("points");
    if (!points.isArray() || points.size() != 4) {
      throw bad(a, "a box geometry needs \"points\": four corner points [x, y, z]");
    }
    return points;
  }

  private static float coordinate(Annotation a, JsonNode point, int axis) throws DecodeException {
    if (!point.isArray() || point.size() < 2 || !point.get(axis).isNumber()) {
      throw bad(a, "a box corner must be a list of numbers [x, y, z], not " + point);
    }
    return (float) point.get(axis).asDouble();
  }

  private static DecodeException bad(Annotation a, String why) {
    return new DecodeException(
        "square annotation " + a.id() + " (\"" + a.identifier() + "\"): " + why);
  }

  /** The boxes of frame {@code frame} and the image-scoped boxes. */
  public Boxes ofFrame(int frame) {
    List<Box> kept = new ArrayList<>();
    for (Box b : boxes) {
      if (b.frame == frame || b.frame == NO_FRAME) {
        kept.add(b);
      }
    }
    return kept.size() == boxes.size() ? this : new Boxes(List.copyOf(kept));
  }

  /** How many boxes. */
  public int size() {
    return boxes.size();
  }

  /** float32 {@code (N, 4)}: x_min, y_min, x_max, y_max per box. */
  public PixelArray coordinates() {
    ByteBuffer data = buffer(16);
    for (Box b : boxes) {
      data.putFloat(b.xMin).putFloat(b.yMin).putFloat(b.xMax).putFloat(b.yMax);
    }
    return PixelArray.wrap(DType.FLOAT32, new int[] {boxes.size(), 4}, data.flip());
  }

  /** int64 {@code (N,)}: the class code of each box (the SDK's dtype). */
  public PixelArray labels() {
    ByteBuffer data = buffer(8);
    for (Box b : boxes) {
      data.putLong(b.code);
    }
    return PixelArray.wrap(DType.INT64, new int[] {boxes.size()}, data.flip());
  }

  /** int32 {@code (N,)}: the frame (slice) of each box, {@link #NO_FRAME} for image scope. */
  public PixelArray frames() {
    ByteBuffer data = buffer(4);
    for (Box b : boxes) {
      data.putInt(b.frame);
    }
    return PixelArray.wrap(DType.INT32, new int[] {boxes.size()}, data.flip());
  }

  private ByteBuffer buffer(int bytesPerBox) {
    return ByteBuffer.allocate(bytesPerBox * boxes.size()).order(ByteOrder.LITTLE_ENDIAN);
  }
}
