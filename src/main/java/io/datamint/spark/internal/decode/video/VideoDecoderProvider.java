package io.datamint.spark.decode.video;

import io.datamint.spark.decode.DecoderProvider;
import io.datamint.spark.decode.FileFormat;
import io.datamint.spark.decode.ResourceDecoder;

/** Registers {@link VideoDecoder} (videos, through FFmpeg) with the decoder registry. */
public final class VideoDecoderProvider implements DecoderProvider {

  @Override
  public FileFormat format() {
    return FileFormat.VIDEO;
  }

  @Override
  public ResourceDecoder create() {
    return new VideoDecoder();
  }
}
