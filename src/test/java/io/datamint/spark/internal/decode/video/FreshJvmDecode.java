package io.datamint.spark.internal.decode.video;

import io.datamint.spark.testing.ClusterSession;

/**
 * Main of a fresh JVM for {@link FfmpegRuntimeTest}: points JavaCPP's cache at {@code args[0]}
 * before any JavaCPP class is loaded (as {@code -Dorg.bytedeco.javacpp.cachedir} would), decodes a
 * clip and prints a {@code {"type":"probe", ...}} JSON line.
 */
public final class FreshJvmDecode {

  private FreshJvmDecode() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.bytedeco.javacpp.cachedir", args[0]);
    ClusterSession.emit("probe", NativeProbe.run().fields());
  }
}
