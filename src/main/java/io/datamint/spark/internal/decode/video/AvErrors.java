package io.datamint.spark.internal.decode.video;

import io.datamint.spark.error.DecodeException;
import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg return codes as text ({@code av_strerror}), and decode failures that quote them. */
final class AvErrors {

  private AvErrors() {}

  /** The text of an FFmpeg error code, e.g. "Invalid data found when processing input". */
  static String text(int code) {
    byte[] buffer = new byte[256];
    if (avutil.av_strerror(code, buffer, buffer.length) < 0) {
      return "FFmpeg error " + code;
    }
    int end = 0;
    while (end < buffer.length && buffer[end] != 0) {
      end++;
    }
    return new String(buffer, 0, end, StandardCharsets.UTF_8);
  }

  /**
   * A failure: {@code what}, the code's text, and the last error FFmpeg logged on this thread since
   * the last {@link FfmpegLog#clear()} (which usually says what exactly was wrong with the file).
   */
  static DecodeException failure(String what, int code) {
    StringBuilder message = new StringBuilder(what).append(": ").append(text(code));
    String logged = FfmpegLog.lastError();
    if (logged != null && !logged.contains(text(code))) {
      message.append(" (FFmpeg: ").append(logged).append(')');
    }
    return new DecodeException(message.toString());
  }
}
