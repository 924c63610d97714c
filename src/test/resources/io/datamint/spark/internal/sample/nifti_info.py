"""Prints, as one JSON object keyed by path, what nibabel reads from each NIfTI file given (gzipped or not)."""
import gzip
import json
import sys

import nibabel as nib
import numpy as np

info = {}
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    img = nib.Nifti1Image.from_bytes(data)
    values = np.asarray(img.get_fdata())
    hdr = img.header
    info[path] = {
        "shape": list(img.shape),
        "dtype": str(img.get_data_dtype()),
        "affine": img.affine.tolist(),
        "qform_code": int(hdr["qform_code"]),
        "sform_code": int(hdr["sform_code"]),
        "qform_matches_sform": bool(np.allclose(img.get_qform(), img.get_sform(), atol=1e-4)),
        "axcodes": list(nib.aff2axcodes(img.affine)),
        "min": float(values.min()),
        "max": float(values.max()),
        "distinct": sorted(float(v) for v in np.unique(values)[:3]),
    }
json.dump(info, sys.stdout)
