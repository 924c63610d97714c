package io.datamint.spark.internal.decode.video;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the container and codec headers say about the decoded video stream, before any frame is
 * decoded. Names are FFmpeg's (as {@code ffprobe} prints them).
 *
 * @param container the demuxer, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}, {@code avi}, {@code
 *     matroska,webm}
 * @param streamIndex the index of the video stream in the container
 * @param codec the codec, e.g. {@code h264}, {@code mpeg4}, {@code mjpeg}, {@code cinepak}
 * @param profile the codec profile, e.g. {@code High 4:4:4 Predictive}, or null
 * @param width the frame width the stream declares (the width of the decoded array)
 * @param height the frame height the stream declares
 * @param pixelFormat the decoder's pixel format, e.g. {@code yuv420p}, or null if unknown
 * @param frameRateNumerator the frame rate FFmpeg guesses for the stream (average, else real base
 *     rate), 0 if unknown
 * @param frameRateDenominator its denominator, 0 if unknown
 * @param durationSeconds the stream's (else the container's) duration in seconds, NaN if unknown
 * @param declaredFrameCount the number of frames the container declares ({@code nb_frames}), -1 if
 *     it does not; a hint only: e.g. an AVI with dropped-frame entries declares more frames than it
 *     decodes to
 * @param fieldOrder {@code progressive}, {@code tt}, {@code bb}, {@code tb}, {@code bt}
 *     (interlaced) or {@code unknown}
 * @param colorSpace the YUV matrix, e.g. {@code bt709}, or null if unspecified
 * @param colorRange {@code tv} (limited), {@code pc} (full) or null if unspecified
 * @param rotationDegrees the display rotation the container asks for (counterclockwise), 0 if none;
 *     not applied
 */
record VideoInfo(
    String container,
    int streamIndex,
    String codec,
    String profile,
    int width,
    int height,
    String pixelFormat,
    int frameRateNumerator,
    int frameRateDenominator,
    double durationSeconds,
    long declaredFrameCount,
    String fieldOrder,
    String colorSpace,
    String colorRange,
    double rotationDegrees) {

  /** The frame rate in frames per second, NaN if unknown. */
  public double frameRate() {
    return frameRateNumerator > 0 && frameRateDenominator > 0
        ? (double) frameRateNumerator / frameRateDenominator
        : Double.NaN;
  }

  /** Whether the stream declares interlaced (field-coded) content. */
  public boolean declaredInterlaced() {
    return switch (fieldOrder) {
      case "tt", "bb", "tb", "bt" -> true;
      default -> false;
    };
  }

  /**
   * The fields as {@code metainfo} JSON members, in a stable order, unknown values as null: {@code
   * format_name, codec_name, profile, width, height, pix_fmt, frame_rate, avg_frame_rate, duration,
   * nb_frames_declared, field_order, color_space, color_range, rotation}.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("format_name", container);
    map.put("codec_name", codec);
    map.put("profile", profile);
    map.put("width", width);
    map.put("height", height);
    map.put("pix_fmt", pixelFormat);
    double rate = frameRate();
    map.put("frame_rate", Double.isNaN(rate) ? null : rate);
    map.put(
        "avg_frame_rate",
        Double.isNaN(rate) ? null : frameRateNumerator + "/" + frameRateDenominator);
    map.put("duration", Double.isNaN(durationSeconds) ? null : durationSeconds);
    map.put("nb_frames_declared", declaredFrameCount < 0 ? null : declaredFrameCount);
    map.put("field_order", fieldOrder);
    map.put("color_space", colorSpace);
    map.put("color_range", colorRange);
    map.put("rotation", rotationDegrees);
    return map;
  }
}
