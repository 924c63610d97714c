package io.datamint.spark.internal.decode.dicom;

/**
 * A parsed DICOM file.
 *
 * @param fileMeta the file meta group (group 0002); empty for files without one
 * @param dataset the data set
 * @param transferSyntax how the data set is encoded (as found, which may differ from the declared
 *     VR explicitness)
 * @param declaredTransferSyntaxUid the (0002,0010) value, or null when the file does not declare
 *     one
 */
record ParsedDicom(
    DicomDataset fileMeta,
    DicomDataset dataset,
    TransferSyntax transferSyntax,
    String declaredTransferSyntaxUid) {}
