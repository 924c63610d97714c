/**
 * Slicing volumes into 2-D planes, as the SDK's {@code VolumeDataset.slice(axis)} does: {@link
 * io.datamint.spark.internal.slice.SlicePlane} names the plane, {@link
 * io.datamint.spark.internal.slice.PlaneResolver} finds which axis of a decoded {@code (C, D, H,
 * W)} volume holds that plane (from the NIfTI orientation codes or the DICOM
 * ImageOrientationPatient in the decoder's typed {@code core.VolumeGeometry}), and {@link
 * io.datamint.spark.internal.slice.Slicer} takes one index along an axis of any array (images,
 * instance or semantic masks, frame-label matrices). Pure logic, no Spark.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.slice;
