package io.datamint.spark.internal.decode.video;

import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FFmpeg's log, limited to errors and routed to SLF4J. The message of the last error logged on each
 * thread is kept, so that a decode failure can quote FFmpeg's reason next to the bare return code.
 * Decoding runs on the calling thread (one decoder thread, no frame threads), so FFmpeg logs on the
 * thread that called it.
 */
final class FfmpegLog {

  private static final Logger LOG =
      LoggerFactory.getLogger("io.datamint.spark.internal.decode.video.ffmpeg");

  /**
   * The last error on this thread since {@link #clear()}; a String only, so nothing leaks across
   * tasks.
   */
  private static final ThreadLocal<String> LAST_ERROR = new ThreadLocal<>();

  /**
   * The "[context @ 0x7f...] " prefix of a log line: the address means nothing outside the process.
   */
  private static final Pattern ADDRESS = Pattern.compile("^\\[([^\\]@]*?) @ 0x[0-9a-fA-F]+\\]\\s*");

  /** Referenced for the JVM's lifetime: FFmpeg keeps the native thunk of this callback. */
  private static Callback callback;

  private FfmpegLog() {}

  /**
   * Sets the level to {@code AV_LOG_ERROR} and installs the callback; called once, after loading
   * the natives.
   */
  static synchronized void install() {
    if (callback == null) {
      avutil.av_log_set_level(avutil.AV_LOG_ERROR);
      callback = new Callback();
      // JavaCPP's helper formats each message in C (av_log_format_line) after checking
      // av_log_get_level().
      avutil.setLogCallback(callback);
    }
  }

  /**
   * Forgets this thread's last error; call before a step whose failure may be explained by FFmpeg's
   * log.
   */
  static void clear() {
    LAST_ERROR.remove();
  }

  /** The last error FFmpeg logged on this thread since {@link #clear()}, or null. */
  static String lastError() {
    return LAST_ERROR.get();
  }

  private static final class Callback extends LogCallback {
    @Override
    public void call(int level, BytePointer message) {
      try {
        String text =
            message == null
                ? ""
                : ADDRESS.matcher(message.getString().strip()).replaceFirst("[$1] ");
        if (text.isEmpty()) {
          return;
        }
        if ((level & 0xff) <= avutil.AV_LOG_ERROR) {
          LAST_ERROR.set(text);
        }
        if ((level & 0xff) <= avutil.AV_LOG_FATAL) {
          LOG.error(text);
        } else if ((level & 0xff) <= avutil.AV_LOG_ERROR) {
          LOG.warn(text);
        } else {
          LOG.debug(text);
        }
      } catch (Throwable e) { // never let an exception cross back into C
        LAST_ERROR.remove();
      }
    }
  }
}
