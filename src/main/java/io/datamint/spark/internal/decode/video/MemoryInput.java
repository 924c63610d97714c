package io.datamint.spark.internal.decode.video;

import io.datamint.spark.error.DecodeException;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Seek_Pointer_long_int;
import org.bytedeco.ffmpeg.avformat.Write_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * An FFmpeg {@code AVIOContext} reading a byte array in memory (no temporary file), with seeking.
 *
 * <p>JavaCPP gives each callback class a fixed number of native thunks (ten by default), so one
 * read and one seek callback serve every open input of the JVM: FFmpeg passes each call the input's
 * {@code opaque} pointer, whose address keys a map of the open inputs. The callbacks never throw
 * into C: a missing input or an unexpected exception becomes an FFmpeg error code.
 *
 * <p>A seek beyond the end of the data fails (unlike a file, where it succeeds and the next read
 * hits the end). A container whose index points past the end of a truncated file therefore reports
 * an error instead of a silent early end of stream.
 *
 * <p>Not thread-safe: one input is read by one thread at a time, as FFmpeg does.
 */
final class MemoryInput implements AutoCloseable {

  private static final int BUFFER_SIZE = 64 * 1024;
  private static final int SEEK_SET = 0;
  private static final int SEEK_CUR = 1;
  private static final int SEEK_END = 2;

  /** The open inputs by the address of their opaque pointer. */
  private static final ConcurrentHashMap<Long, MemoryInput> OPEN = new ConcurrentHashMap<>();

  private final byte[] data;
  private final int length;
  private long position;
  private boolean seekPastEnd;
  private BytePointer key;
  private AVIOContext context;

  private MemoryInput(byte[] data, int length) {
    this.data = data;
    this.length = length;
  }

  /**
   * Wraps {@code data[0..length)}; the array is read, never copied whole nor modified, and must not
   * change while the input is open.
   *
   * @throws DecodeException when FFmpeg cannot allocate the context
   */
  static MemoryInput open(byte[] data, int length) throws DecodeException {
    Callbacks callbacks = Callbacks.get();
    MemoryInput input = new MemoryInput(data, length);
    BytePointer buffer = null;
    try {
      input.key = new BytePointer(1);
      OPEN.put(input.key.address(), input);
      buffer = new BytePointer(avutil.av_malloc(BUFFER_SIZE));
      if (buffer.isNull()) {
        throw new DecodeException(
            "FFmpeg could not allocate a " + BUFFER_SIZE + "-byte I/O buffer");
      }
      input.context =
          avformat.avio_alloc_context(
              buffer,
              BUFFER_SIZE,
              0,
              input.key,
              callbacks.read,
              (Write_packet_Pointer_BytePointer_int) null,
              callbacks.seek);
      if (input.context == null || input.context.isNull()) {
        input.context = null;
        throw new DecodeException("FFmpeg could not allocate an I/O context");
      }
      buffer = null; // owned by the context from here on (FFmpeg may replace it; close() frees the
      // current one)
      return input;
    } catch (RuntimeException | Error e) { // DecodeException included: release, then rethrow
      if (buffer != null && !buffer.isNull()) {
        avutil.av_free(buffer);
      }
      input.close();
      throw e;
    }
  }

  /** The context to set as {@code AVFormatContext.pb}. */
  AVIOContext context() {
    return context;
  }

  /** Whether FFmpeg tried to seek beyond the end of the data (a sign of a truncated file). */
  boolean seekedPastEnd() {
    return seekPastEnd;
  }

  /** Frees the I/O buffer and context; idempotent. Call after {@code avformat_close_input}. */
  @Override
  public void close() {
    if (context != null) {
      BytePointer buffer = context.buffer();
      if (buffer != null && !buffer.isNull()) {
        avutil.av_free(buffer);
        context.buffer(null);
      }
      avformat.avio_context_free(context);
      context = null;
    }
    if (key != null) {
      OPEN.remove(key.address());
      key.close();
      key = null;
    }
  }

  private int read(BytePointer target, int size) {
    long remaining = length - position;
    if (remaining <= 0) {
      return avutil.AVERROR_EOF;
    }
    int n = (int) Math.min(size, remaining);
    if (n <= 0) {
      return avutil.AVERROR_EOF;
    }
    target.position(0).put(data, (int) position, n);
    position += n;
    return n;
  }

  private long seek(long offset, int whence) {
    if ((whence & avformat.AVSEEK_SIZE) != 0) {
      return length;
    }
    long target;
    switch (whence & ~avformat.AVSEEK_FORCE) {
      case SEEK_SET -> target = offset;
      case SEEK_CUR -> target = position + offset;
      case SEEK_END -> target = length + offset;
      default -> {
        return avutil.AVERROR_EINVAL();
      }
    }
    if (target < 0) {
      return avutil.AVERROR_EINVAL();
    }
    if (target > length) {
      seekPastEnd = true;
      return avutil.AVERROR_EOF;
    }
    position = target;
    return target;
  }

  /** The two callbacks shared by all inputs, created after the natives are loaded. */
  private static final class Callbacks {
    private static volatile Callbacks instance;

    final Read read = new Read();
    final Seek seek = new Seek();

    static Callbacks get() throws DecodeException {
      Callbacks callbacks = instance;
      if (callbacks == null) {
        FfmpegRuntime.ensureLoaded();
        synchronized (Callbacks.class) {
          if (instance == null) {
            instance = new Callbacks();
          }
          callbacks = instance;
        }
      }
      return callbacks;
    }
  }

  private static final class Read extends Read_packet_Pointer_BytePointer_int {
    @Override
    public int call(Pointer opaque, BytePointer buffer, int size) {
      try {
        MemoryInput input = opaque == null ? null : OPEN.get(opaque.address());
        return input == null ? avutil.AVERROR_EIO() : input.read(buffer, size);
      } catch (Throwable e) {
        return avutil.AVERROR_EIO();
      }
    }
  }

  private static final class Seek extends Seek_Pointer_long_int {
    @Override
    public long call(Pointer opaque, long offset, int whence) {
      try {
        MemoryInput input = opaque == null ? null : OPEN.get(opaque.address());
        return input == null ? avutil.AVERROR_EIO() : input.seek(offset, whence);
      } catch (Throwable e) {
        return avutil.AVERROR_EIO();
      }
    }
  }
}
