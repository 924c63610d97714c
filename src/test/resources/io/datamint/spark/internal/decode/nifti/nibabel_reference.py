"""Reference decoding of NIfTI files with nibabel, in the SDK's layout (medimgkit 0.18 read_nifti with
orientation_normalized=True), for NiftiDecoderTest.

Usage: python3 nibabel_reference.py IN1 OUT1 [IN2 OUT2 ...]

For each pair, loads IN with nibabel.load, takes get_fdata() (float64), finds the voxel axis whose
aff2axcodes code is I or S, flips it when the code is I, and transposes to (slice, time or 1, then the
other spatial axes in descending order); 2-D images become (1, 1, Y, X). Writes the array to OUT as raw
little-endian float64 and prints one JSON line per pair:
{"file", "shape", "affine" (16 values, row-major), "axcodes", "slice_axis", "flipped"}, or
{"file", "error"} when nibabel cannot load the file as a NIfTI image or the layout is undefined.
"""
import json
import sys

import nibabel as nib
import numpy as np


def standardize(img):
    data = img.get_fdata()
    codes = nib.aff2axcodes(img.affine)
    if data.ndim == 2:
        return data.transpose(1, 0)[np.newaxis, np.newaxis], codes, None, False
    if data.ndim not in (3, 4):
        raise ValueError("unsupported number of dimensions %d" % data.ndim)
    slice_axis = next(i for i, c in enumerate(codes) if c in ("I", "S"))
    flipped = codes[slice_axis] == "I"
    if flipped:
        data = np.flip(data, axis=slice_axis)
    rest = [a for a in (2, 1, 0) if a != slice_axis]
    if data.ndim == 3:
        out = data.transpose([slice_axis] + rest)[:, np.newaxis]
    else:
        out = data.transpose([slice_axis, 3] + rest)
    return out, codes, slice_axis, flipped


def main(args):
    for src, dst in zip(args[0::2], args[1::2]):
        try:
            img = nib.load(src)
            if not isinstance(img, (nib.Nifti1Image, nib.Nifti2Image)) or type(img).__name__.startswith("Cifti"):
                raise ValueError("not a single-file NIfTI image: " + type(img).__name__)
            out, codes, slice_axis, flipped = standardize(img)
        except Exception as e:  # reported to the test, which expects the decoder to fail too
            print(json.dumps({"file": src, "error": "%s: %s" % (type(e).__name__, e)}))
            continue
        np.ascontiguousarray(out, dtype="<f8").tofile(dst)
        print(json.dumps({
            "file": src,
            "shape": list(out.shape),
            "affine": [float(v) for v in np.asarray(img.affine, dtype=np.float64).ravel()],
            "axcodes": list(codes),
            "slice_axis": slice_axis,
            "flipped": flipped,
        }))


if __name__ == "__main__":
    main(sys.argv[1:])
