/**
 * DICOM decoding without third-party DICOM libraries: our own Part-10 parser ({@code Part10Parser},
 * {@code DatasetParser}), a data dictionary generated from PS3.6 ({@code dictionary.tsv}, {@code
 * uids.tsv}, see {@code src/build/generate-dicom-dictionary.py}), the header as JSON ({@code
 * MetainfoWriter}), and pixel decoding ({@code PixelDecoder}) that reproduces what the Datamint SDK
 * gets from pydicom: stored values, YBR to RGB, palette color, modality LUT, MONOCHROME1 inversion,
 * laid out as {@code (frames, channels, rows, columns)}.
 *
 * <p>Public types: {@link io.datamint.spark.internal.decode.dicom.DicomDecoder}, and for compressed
 * transfer syntaxes the codec interface {@link
 * io.datamint.spark.internal.decode.dicom.EncapsulatedCodec} with its registry {@link
 * io.datamint.spark.internal.decode.dicom.EncapsulatedCodecs} and the types it exchanges, {@link
 * io.datamint.spark.internal.decode.dicom.FrameSpec} and {@link
 * io.datamint.spark.internal.decode.dicom.FrameSamples}. JPEG-LS and 12-bit JPEG codecs are
 * registered in {@code EncapsulatedCodecs.defaults()}. JPEG 2000 goes to jai-imageio's JJ2000, or
 * to OpenJPEG when OpenCV's optional jar is on the class path ({@code Jpeg2000Codec}, {@code
 * OpenJpegRuntime}, {@code OpenJpegFrames}, {@code Jp2File}).
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.decode.dicom;
