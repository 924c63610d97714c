package io.datamint.spark.internal.decode.raster;

import com.intel.gkl.compression.IntelInflater;
import java.util.Locale;
import java.util.zip.Adler32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inflates a whole zlib stream of known inflated size in one native call to Intel's ISA-L (igzip),
 * about 2.5x as fast as zlib's inflate, through the Genomics Kernel Library's {@code IntelInflater}
 * (GKL, {@code com.intel.gkl:gkl}, MIT). GKL ships ISA-L for Linux and macOS on x86_64 only; on
 * other platforms, or where the library or its natives cannot be loaded, {@link #available()} is
 * false (once per JVM, logged at debug) and callers inflate with the JDK's zlib as before.
 *
 * <p>The answer is all or nothing: {@link #inflate} accepts a stream only when zlib would have
 * inflated it to the same bytes without an error (a valid zlib header without a preset dictionary,
 * a raw deflate stream that ISA-L inflates to exactly the expected size with all of its input
 * consumed, and the Adler-32 of the result equal to the stream's last four bytes); for anything
 * else (a cut, corrupt or longer stream, bytes after the checksum) it returns false without side
 * effects the caller depends on, and the caller inflates with zlib, which gives the error or the
 * partial result it always gave. ISA-L and zlib inflate valid deflate data to the same bytes
 * (deflate is fully specified), so the output does not depend on which inflater ran.
 */
final class IsalInflate {

  private static final Logger LOG = LoggerFactory.getLogger(IsalInflate.class);

  /** zlib's header (2 bytes) and Adler-32 trailer (4 bytes). */
  private static final int HEADER = 2;

  private static final int TRAILER = 4;

  private IsalInflate() {}

  /** Whether ISA-L loaded in this JVM (tried once, on first use). */
  static boolean available() {
    return Loaded.OK;
  }

  /**
   * Inflates the zlib stream {@code in[offset..offset+length)} into {@code out[0..size)}.
   *
   * @param out at least {@code size + 1} bytes (the one byte more tells a longer stream)
   * @return true when the stream is a complete, valid zlib stream of exactly {@code size} inflated
   *     bytes and {@code out[0..size)} holds them; false otherwise ({@code out}'s content is then
   *     undefined)
   */
  static boolean inflate(byte[] in, int offset, int length, byte[] out, int size) {
    if (!Loaded.OK || length < HEADER + TRAILER || out.length <= size || !zlibHeader(in, offset)) {
      return false;
    }
    IntelInflater inflater = new IntelInflater(true); // raw deflate: the header is checked here
    int inflated;
    boolean consumed;
    try {
      inflater.setInput(in, offset + HEADER, length - HEADER - TRAILER);
      inflated = inflater.inflate(out, 0, size + 1);
      consumed = inflater.finished();
    } catch (RuntimeException e) {
      return false; // ISA-L's message for corrupt data; zlib will say it in its words
    } finally {
      inflater.end();
    }
    if (inflated != size || !consumed) {
      return false;
    }
    Adler32 adler = new Adler32();
    adler.update(out, 0, size);
    int at = offset + length - TRAILER;
    long stored =
        (in[at] & 0xFFL) << 24
            | (in[at + 1] & 0xFF) << 16
            | (in[at + 2] & 0xFF) << 8
            | in[at + 3] & 0xFF;
    return adler.getValue() == stored;
  }

  /** RFC 1950: deflate with a window of at most 32 KiB, check bits right, no preset dictionary. */
  private static boolean zlibHeader(byte[] in, int at) {
    int cmf = in[at] & 0xFF;
    int flg = in[at + 1] & 0xFF;
    return (cmf & 0x0F) == 8 && cmf >>> 4 <= 7 && (cmf << 8 | flg) % 31 == 0 && (flg & 0x20) == 0;
  }

  /** Loads GKL's compression natives once, where GKL ships them. */
  private static final class Loaded {
    static final boolean OK = load();

    private static boolean load() {
      String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
      String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
      if (!(arch.equals("amd64") || arch.equals("x86_64"))
          || !(os.startsWith("linux") || os.startsWith("mac"))) {
        LOG.debug("ISA-L inflate: no natives for {} {}; PNG uses the JDK's zlib", os, arch);
        return false;
      }
      try {
        boolean ok = new IntelInflater(true).load(null);
        LOG.debug("ISA-L inflate (GKL) loaded: {}", ok);
        return ok;
      } catch (LinkageError | RuntimeException e) {
        // GKL or the libraries it logs and extracts with (commons-logging, commons-io: Spark's)
        // absent
        LOG.debug("ISA-L inflate (GKL) not available; PNG uses the JDK's zlib", e);
        return false;
      }
    }
  }
}
