/**
 * Video decoding with FFmpeg (libavformat, libavcodec, libswscale) through the JavaCPP presets
 * ({@code org.bytedeco:ffmpeg}).
 *
 * <ul>
 *   <li>{@link io.datamint.spark.internal.decode.video.VideoDecoder}: a whole video as {@code (N,
 *       3, H, W)} uint8 RGB, the {@link io.datamint.spark.internal.decode.ResourceDecoder} for
 *       video resources;
 *   <li>{@link io.datamint.spark.internal.decode.video.VideoFrames}: the same frames one at a time,
 *       {@code (3, H, W)} each, for frame-by-frame rows and videos too large to hold whole;
 *   <li>{@link io.datamint.spark.internal.decode.video.VideoInfo}: what the headers say (codec,
 *       size, frame rate, field order...);
 *   <li>{@link io.datamint.spark.internal.decode.video.FfmpegRuntime}: loading the natives,
 *       FFmpeg's log.
 * </ul>
 *
 * <p>Files are read from memory through a custom FFmpeg I/O context: no temporary file. Frames are
 * those the decoder outputs, in order, converted to RGB24 as {@code ffmpeg -i FILE -f rawvideo
 * -pix_fmt rgb24 -} converts them (bicubic swscale, the frame's YUV matrix and range), then laid
 * out as planes. Interlaced video is not deinterlaced. Corrupt, truncated, empty, audio-only or
 * unrecognised files give a {@link io.datamint.spark.error.DecodeException}; FFmpeg errors are
 * return codes, translated with {@code av_strerror} and completed with FFmpeg's last logged error.
 *
 * <p><b>Natives.</b> The {@code org.bytedeco:ffmpeg} and {@code org.bytedeco:javacpp} jars with the
 * platform classifier (e.g. {@code linux-x86_64}) must be on the executors' classpath. JavaCPP
 * extracts the libraries on first use in each JVM into its cache, {@code
 * -Dorg.bytedeco.javacpp.cachedir} if set, else {@code ~/.javacpp/cache}, else {@code
 * <java.io.tmpdir>/.javacpp-<user>/cache}, and loads them from there; see {@link
 * io.datamint.spark.internal.decode.video.FfmpegRuntime}.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.decode.video;
