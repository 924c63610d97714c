package io.datamint.spark.internal.decode.video;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Where frames sit in time in a video stream that can be sought: frame <i>k</i> (the <i>k</i>-th
 * frame sequential decoding outputs) has the timestamp {@code first + k * duration}, where {@code
 * first} is the timestamp of the stream's first decoded frame and {@code duration} one frame at the
 * stream's constant frame rate, in the stream's time base. A timestamp off that grid (beyond a
 * tenth of a frame) has no index: the caller then decodes sequentially.
 *
 * <p>Only streams that give this reliably get a timeline ({@link #of} returns null otherwise):
 *
 * <ul>
 *   <li>MP4 / QuickTime ({@code mov,mp4,...}), whose sample table is a complete index of the
 *       stream's frames and key frames. Not AVI (an index that may be absent and counts
 *       dropped-frame entries), MPEG-TS / PS (no index, timestamps that wrap), Matroska / WebM
 *       (cues that FFmpeg's demuxer may hold only for cluster starts, and millisecond timestamps),
 *       raw elementary streams or image sequences: those decode from the start;
 *   <li>a seek index with entries for the stream;
 *   <li>a constant frame rate: the guessed rate ({@code r_frame_rate}) equal to the average one;
 *   <li>a declared frame count that the stream's duration gives at that rate (to within a frame),
 *       so that no frame is missing or repeated before the target.
 * </ul>
 *
 * <p>The index entries' timestamps are decoding timestamps; with B-frames the key frame found can
 * be one group of pictures earlier than needed, never later (a key frame after the target is
 * detected from the first decoded frame's index, and the seek retried earlier).
 */
final class FrameTimeline {

  /** A timestamp further than this from the grid, in frames, has no index. */
  private static final double OFF_GRID = 0.1;

  private final long baseNum;
  private final long baseDen;
  private final long rateNum;
  private final long rateDen;

  private FrameTimeline(long baseNum, long baseDen, long rateNum, long rateDen) {
    this.baseNum = baseNum;
    this.baseDen = baseDen;
    this.rateNum = rateNum;
    this.rateDen = rateDen;
  }

  /** The stream's timeline, or null when seeking it could give other frame indexes. */
  static FrameTimeline of(AVFormatContext format, AVStream stream) {
    String container =
        format.iformat() == null || format.iformat().isNull()
            ? ""
            : format.iformat().name().getString();
    if (!container.startsWith("mov,mp4")) {
      return null;
    }
    if (avformat.avformat_index_get_entries_count(stream) <= 0) {
      return null;
    }
    AVRational tb = stream.time_base();
    AVRational avg = stream.avg_frame_rate();
    AVRational guessed = stream.r_frame_rate();
    if (tb.num() <= 0 || tb.den() <= 0 || avg.num() <= 0 || avg.den() <= 0) {
      return null;
    }
    if (avutil.av_cmp_q(avg, guessed) != 0) {
      return null; // a variable frame rate: an index from a timestamp is ambiguous
    }
    FrameTimeline timeline = new FrameTimeline(tb.num(), tb.den(), avg.num(), avg.den());
    long frames = stream.nb_frames();
    long duration = stream.duration();
    if (frames <= 0 || duration == avutil.AV_NOPTS_VALUE || duration <= 0) {
      return null;
    }
    if (Math.abs(timeline.frames(duration) - frames) > 1.0) {
      return null; // frames missing or repeated at that rate
    }
    return timeline;
  }

  /** A duration in the time base, in frames. */
  private double frames(long duration) {
    return (double) duration * baseNum * rateNum / ((double) baseDen * rateDen);
  }

  /** The timestamp of frame {@code index}, the first frame's being {@code first}. */
  long timestamp(long first, int index) {
    double ticks = (double) index * rateDen * baseDen / ((double) rateNum * baseNum);
    return first + Math.round(ticks);
  }

  /**
   * The index of the frame at {@code timestamp}, the first frame's being {@code first}; -1 when the
   * timestamp is unknown, before the first, or off the grid.
   */
  int index(long first, long timestamp) {
    if (timestamp == avutil.AV_NOPTS_VALUE || first == avutil.AV_NOPTS_VALUE || timestamp < first) {
      return -1;
    }
    double exact = frames(timestamp - first);
    long index = Math.round(exact);
    if (Math.abs(exact - index) > OFF_GRID || index > Integer.MAX_VALUE) {
      return -1;
    }
    return (int) index;
  }
}
