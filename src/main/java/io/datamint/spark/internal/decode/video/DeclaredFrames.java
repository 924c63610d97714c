package io.datamint.spark.internal.decode.video;

import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * The exact number of frames a container declares for a video stream, where it has one. Decoding
 * that yields fewer frames than this lost some (a corrupt or truncated file), and {@link
 * VideoFrames} says so instead of ending quietly.
 *
 * <ul>
 *   <li>MP4 / QuickTime: the sample table. The samples FFmpeg indexed (less those an edit list
 *       marks as decoded but not shown), or, when more, the samples of the time-to-sample table
 *       ({@code stts}, {@code nb_frames}) that lie within the stream's duration at its average
 *       frame rate: an edit list that ends the track early shortens both the index and the
 *       duration, while a damaged size or chunk table shortens the index only.
 *   <li>AVI: its index ({@code idx1} / OpenDML), less its empty dropped-frame entries (FFmpeg does
 *       not index those; the header's frame count includes them, so it is not used).
 * </ul>
 *
 * <p>Other containers have no exact count: Matroska / WebM, MPEG-TS / PS, raw streams (their frame
 * count is an estimate from the duration), and an AVI without an index; those are not checked.
 */
record DeclaredFrames(long count, String where) {

  /** No exact count. */
  static final DeclaredFrames NONE = new DeclaredFrames(-1, null);

  /** Index entries of FFmpeg's {@code AVINDEX_DISCARD_FRAME} (libavformat/avformat.h). */
  private static final int AVINDEX_DISCARD_FRAME = 2;

  /**
   * The exact count of {@code stream}'s frames in a {@code container} file, or {@link #NONE}.
   *
   * @param indexEntries the stream's index entries when it was opened (the container's index; a
   *     demuxer may add entries as it reads)
   */
  static DeclaredFrames of(AVStream stream, String container, int indexEntries) {
    String where;
    if (container.startsWith("mov,mp4")) {
      where = "sample table";
    } else if (container.equals("avi")) {
      where = "index";
    } else {
      return NONE;
    }
    long indexed = indexed(stream, indexEntries);
    long count = where.equals("sample table") ? Math.max(indexed, presented(stream)) : indexed;
    return count > 0 ? new DeclaredFrames(count, where) : NONE;
  }

  /** The index entries of samples that are decoded and shown. */
  private static long indexed(AVStream stream, int indexEntries) {
    int entries = Math.min(indexEntries, avformat.avformat_index_get_entries_count(stream));
    long count = 0;
    for (int i = 0; i < entries; i++) {
      AVIndexEntry entry = avformat.avformat_index_get_entry(stream, i);
      if (entry != null
          && !entry.isNull()
          && entry.size() > 0
          && (entry.flags() & AVINDEX_DISCARD_FRAME) == 0) {
        count++;
      }
    }
    return count;
  }

  /**
   * The time-to-sample table's samples ({@code nb_frames}) within the stream's duration at its
   * average frame rate, or -1 when either is unknown.
   */
  private static long presented(AVStream stream) {
    long samples = stream.nb_frames();
    AVRational base = stream.time_base();
    AVRational rate = stream.avg_frame_rate();
    if (samples <= 0
        || stream.duration() == avutil.AV_NOPTS_VALUE
        || stream.duration() <= 0
        || base.num() <= 0
        || base.den() <= 0
        || rate.num() <= 0
        || rate.den() <= 0) {
      return -1;
    }
    double frames =
        (double) stream.duration() * base.num() * rate.num() / ((double) base.den() * rate.den());
    return Math.min(samples, (long) Math.floor(frames + 1e-3));
  }

  /** Whether there is an exact count to check. */
  boolean exact() {
    return count > 0;
  }
}
