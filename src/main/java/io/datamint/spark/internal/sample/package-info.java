/**
 * A deterministic generator of realistic sample Datamint projects, written in the project mirror
 * format.
 *
 * <p>{@link io.datamint.spark.internal.sample.SampleProject#write(java.nio.file.Path, long)} writes
 * one project mirror (CT volumes as NIfTI and multi-frame DICOM, X-ray-like PNGs, ultrasound-like
 * H.264 clips, their annotations, worklists and split history); {@link
 * io.datamint.spark.internal.sample.SampleProjectCli} is its command line, run by {@code
 * bin/datamint-sample}. The same seed always gives byte-identical output.
 *
 * <p>The file writers ({@link io.datamint.spark.internal.sample.NiftiWriter}, {@link
 * io.datamint.spark.internal.sample.DicomWriter}, {@link
 * io.datamint.spark.internal.sample.PngWriter}, {@link
 * io.datamint.spark.internal.sample.VideoWriter}) are small, dependency-free encoders written from
 * the format specifications; they are useful on their own to build test fixtures.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.sample;
