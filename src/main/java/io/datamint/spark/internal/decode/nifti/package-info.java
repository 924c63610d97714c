/**
 * NIfTI-1 and NIfTI-2 decoding ({@code .nii}, {@code .nii.gz}) into {@code (slices, time, rows,
 * columns)} arrays laid out as the SDK's medimgkit 0.18 lays them out, with nibabel's affine and
 * axis codes. See {@link io.datamint.spark.internal.decode.nifti.NiftiDecoder}.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.decode.nifti;
