"""Prints, as one JSON object keyed by path, what pydicom reads from each DICOM file given (HU after rescale)."""
import json
import sys

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut

info = {}
for path in sys.argv[1:]:
    ds = pydicom.dcmread(path)
    pixels = ds.pixel_array
    hu = apply_modality_lut(pixels, ds)
    info[path] = {
        "shape": list(pixels.shape),
        "dtype": str(pixels.dtype),
        "number_of_frames": int(ds.NumberOfFrames),
        "transfer_syntax": str(ds.file_meta.TransferSyntaxUID),
        "sop_class": str(ds.SOPClassUID),
        "patient_id": str(ds.PatientID),
        "modality": str(ds.Modality),
        "hu_min": float(np.min(hu)),
        "hu_max": float(np.max(hu)),
    }
json.dump(info, sys.stdout)
