package io.datamint.spark.internal.decode;

import com.intel.gkl.compression.IntelInflater;
import java.util.Locale;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inflates a whole zlib stream (PNG image data) or gzip member (.nii.gz) of known inflated size in
 * one native call to Intel's ISA-L (igzip), 2-3x as fast as zlib's inflate, through the Genomics
 * Kernel Library's {@code IntelInflater} (GKL, {@code com.intel.gkl:gkl}, MIT). GKL ships ISA-L for
 * Linux and macOS on x86_64 only; on other platforms, or where the library or its natives cannot be
 * loaded, {@link #available()} is false (once per JVM, logged at debug) and callers inflate with
 * the JDK's zlib as before.
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
public final class IsalInflate {

  private static final Logger LOG = LoggerFactory.getLogger(IsalInflate.class);

  /** zlib's header (2 bytes) and Adler-32 trailer (4 bytes). */
  private static final int HEADER = 2;

  private static final int TRAILER = 4;

  /** gzip's fixed header (ID1 ID2 CM FLG MTIME XFL OS) and trailer (CRC-32, ISIZE). */
  private static final int GZIP_HEADER = 10;

  private static final int GZIP_TRAILER = 8;

  private static final int FHCRC = 0x02;
  private static final int FEXTRA = 0x04;
  private static final int FNAME = 0x08;
  private static final int FCOMMENT = 0x10;
  private static final int RESERVED = 0xE0;

  private IsalInflate() {}

  /** Whether ISA-L loaded in this JVM (tried once, on first use). */
  public static boolean available() {
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
  public static boolean inflateZlib(byte[] in, int offset, int length, byte[] out, int size) {
    if (!Loaded.OK
        || length < HEADER + TRAILER
        || !zlibHeader(in, offset)
        || !inflateRaw(in, offset + HEADER, length - HEADER - TRAILER, out, size)) {
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

  /**
   * Inflates {@code in[0..length)}, a file of one gzip member (RFC 1952), into {@code
   * out[0..size)}.
   *
   * @param out at least {@code size + 1} bytes (the one byte more tells a longer stream)
   * @return true when the file is one complete, valid gzip member of exactly {@code size} inflated
   *     bytes (CRC-32 and size as its trailer says) and {@code out[0..size)} holds them; false
   *     otherwise, also for a header with a CRC of its own (FHCRC, rare) or reserved flags
   */
  public static boolean inflateGzip(byte[] in, int length, byte[] out, int size) {
    int start = Loaded.OK ? gzipData(in, length) : -1;
    if (start < 0 || !inflateRaw(in, start, length - GZIP_TRAILER - start, out, size)) {
      return false;
    }
    CRC32 crc = new CRC32();
    crc.update(out, 0, size);
    int at = length - GZIP_TRAILER;
    return crc.getValue() == (littleEndianInt(in, at) & 0xFFFFFFFFL)
        && littleEndianInt(in, at + 4) == size;
  }

  /** Raw deflate into {@code out}: true when it is exactly {@code size} bytes, all input used. */
  private static boolean inflateRaw(byte[] in, int offset, int length, byte[] out, int size) {
    if (length <= 0 || out.length <= size) {
      return false;
    }
    IntelInflater inflater = new IntelInflater(true);
    try {
      inflater.setInput(in, offset, length);
      int inflated = inflater.inflate(out, 0, size + 1);
      return inflated == size && inflater.finished();
    } catch (RuntimeException e) {
      return false; // ISA-L's message for corrupt data; zlib will say it in its words
    } finally {
      inflater.end();
    }
  }

  /** Where a gzip member's deflate data starts, or -1 for a header left to the JDK. */
  private static int gzipData(byte[] in, int length) {
    if (length < GZIP_HEADER + GZIP_TRAILER
        || (in[0] & 0xFF) != 0x1F
        || (in[1] & 0xFF) != 0x8B
        || in[2] != 8
        || (in[3] & (FHCRC | RESERVED)) != 0) {
      return -1;
    }
    int flags = in[3];
    int at = GZIP_HEADER;
    if ((flags & FEXTRA) != 0) {
      at += 2 + ((in[at] & 0xFF) | (in[at + 1] & 0xFF) << 8);
    }
    for (int field : new int[] {FNAME, FCOMMENT}) {
      if ((flags & field) != 0) {
        while (at < length && in[at] != 0) {
          at++;
        }
        at++; // the terminating zero
      }
    }
    return at < length - GZIP_TRAILER ? at : -1;
  }

  private static int littleEndianInt(byte[] b, int at) {
    return (b[at] & 0xFF)
        | (b[at + 1] & 0xFF) << 8
        | (b[at + 2] & 0xFF) << 16
        | (b[at + 3] & 0xFF) << 24;
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
