package io.datamint.spark.internal.decode.video;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.Decoders;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.testing.ClusterSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Main of a JVM for {@link FfmpegRuntimeTest} whose class path has the JavaCPP and FFmpeg classes
 * but not the jars with this platform's natives: decodes {@link NativeProbe#clip()} twice through
 * {@link Decoders} and prints a {@code {"type":"natives", ...}} line with whether FFmpeg is
 * available and what each attempt gave.
 */
public final class MissingNativesProbe {

  private MissingNativesProbe() {}

  public static void main(String[] args) throws Exception {
    byte[] clip = NativeProbe.clip();
    List<String> outcomes = new ArrayList<>();
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        Decoders.forFormat(FileFormat.VIDEO).decode(clip, clip.length, DecodeLimits.defaults());
        outcomes.add("decoded");
      } catch (DecodeException e) {
        outcomes.add(e.getMessage());
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("available", FfmpegRuntime.isAvailable());
    fields.put("outcomes", outcomes);
    ClusterSession.emit("natives", fields);
  }
}
