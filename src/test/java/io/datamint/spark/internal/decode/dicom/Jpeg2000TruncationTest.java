package io.datamint.spark.internal.decode.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.Decoders;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.ResourceDecoder;
import io.datamint.spark.testing.Bytes;
import io.datamint.spark.testing.TestCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A JPEG 2000 frame cut short is the frame's error, at every length: JJ2000 used to loop forever on
 * some (127 bytes of pydicom's JPEG2000.dcm) and to fill the rest of others with grey. The timeout
 * turns a hang into a failure instead of a stalled build.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Tag("spark-independent")
class Jpeg2000TruncationTest {

  /** The executors' decoder, behind the boundary that turns JJ2000's ThreadDeath into an error. */
  private static final ResourceDecoder DECODER = decoder();

  private static ResourceDecoder decoder() {
    try {
      return Decoders.forFormat(FileFormat.DICOM);
    } catch (DecodeException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyCutOfTheCodestreamIsAnError() throws Exception {
    byte[] file = Files.readAllBytes(TestCorpus.file("dicom/pydicom__JPEG2000.dcm"));
    int soc = Bytes.indexOf(file, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51});
    assertThat(soc).as("the offset of the JPEG 2000 codestream").isNotNegative();
    int length = littleEndianInt(file, soc - 4);
    for (int cut : new int[] {4, 40, 126, 127, length / 2, 200, length - 10}) {
      byte[] truncated = withFirstFragmentCut(file, soc, cut);
      assertThatThrownBy(
              () -> DECODER.decode(truncated, truncated.length, DecodeLimits.defaults()),
              "codestream cut to %d of %d bytes",
              cut,
              length)
          .isInstanceOf(DecodeException.class)
          .hasMessageContaining("frame 0")
          .hasMessageContaining("JPEG 2000");
    }
    assertThat(DECODER.decode(file, file.length, DecodeLimits.defaults()).pixels().elementCount())
        .as("the whole file still decodes")
        .isPositive();
  }

  @Test
  void aCutAfterTheHeadersNamesTheTruncation() throws Exception {
    byte[] file = Files.readAllBytes(TestCorpus.file("dicom/pydicom__JPEG2000.dcm"));
    int soc = Bytes.indexOf(file, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51});
    assertThat(soc).as("the offset of the JPEG 2000 codestream").isNotNegative();
    byte[] truncated = withFirstFragmentCut(file, soc, 127);
    assertThatThrownBy(() -> DECODER.decode(truncated, truncated.length, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining(
            "JPEG 2000 frame 0 is cut short: its codestream ends after 128 bytes");
  }

  /**
   * The file up to the first fragment's item, that fragment's first {@code cut} bytes (padded to an
   * even length) and the sequence delimiter.
   */
  private static byte[] withFirstFragmentCut(byte[] file, int soc, int cut) throws IOException {
    int even = cut + (cut & 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(file, 0, soc - 4);
    out.write(
        new byte[] {(byte) even, (byte) (even >> 8), (byte) (even >> 16), (byte) (even >> 24)});
    out.write(file, soc, cut);
    if (even > cut) {
      out.write(0);
    }
    out.write(new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0});
    return out.toByteArray();
  }

  private static int littleEndianInt(byte[] data, int at) {
    return (data[at] & 0xFF)
        | (data[at + 1] & 0xFF) << 8
        | (data[at + 2] & 0xFF) << 16
        | (data[at + 3] & 0xFF) << 24;
  }
}
