package io.datamint.spark.internal.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoWriterTest {

  private static final Instant CREATED = Instant.parse("2026-02-10T11:00:00Z");

  @Test
  void sameFramesGiveSameBytes() {
    assertThat(VideoWriter.h264Mp4(32, 16, 10, frames(32, 16, 5), CREATED))
        .isEqualTo(VideoWriter.h264Mp4(32, 16, 10, frames(32, 16, 5), CREATED));
  }

  @Test
  void ffprobeSeesEveryFrameAndTheGivenCreationTime(@TempDir Path tmp) throws IOException {
    ExternalTool.assumeAvailable("ffprobe", "apt-get install ffmpeg");
    Path file = tmp.resolve("clip.mp4");
    Files.write(file, VideoWriter.h264Mp4(48, 32, 12, frames(48, 32, 7), CREATED));
    ExternalTool.Result probe =
        ExternalTool.run(
                "ffprobe",
                "-v",
                "error",
                "-count_frames",
                "-select_streams",
                "v:0",
                "-show_entries",
                "stream=nb_read_frames,codec_name,width,height:format_tags=creation_time,major_brand",
                "-of",
                "default=noprint_wrappers=1",
                file.toString())
            .assertSuccess();
    assertThat(probe.stderr()).as(probe.describe("reported errors")).isBlank();
    assertThat(probe.stdout().lines())
        .contains(
            "codec_name=h264",
            "width=48",
            "height=32",
            "nb_read_frames=7",
            "TAG:major_brand=isom",
            "TAG:creation_time=2026-02-10T11:00:00.000000Z");
  }

  @Test
  void rejectsSizesThatAreNotWholeMacroblocks() {
    assertThatThrownBy(() -> VideoWriter.h264Mp4(40, 32, 10, frames(40, 32, 1), CREATED))
        .hasMessageContaining("multiples of 16");
    assertThatThrownBy(() -> VideoWriter.h264Mp4(32, 32, 10, List.of(new byte[5]), CREATED))
        .hasMessageContaining("needs 1024 pixels");
  }

  private static List<byte[]> frames(int width, int height, int n) {
    List<byte[]> frames = new ArrayList<>();
    for (int f = 0; f < n; f++) {
      byte[] gray = new byte[width * height];
      for (int i = 0; i < gray.length; i++) {
        gray[i] = (byte) ((i % width) * 4 + f * 9);
      }
      frames.add(gray);
    }
    return frames;
  }
}
