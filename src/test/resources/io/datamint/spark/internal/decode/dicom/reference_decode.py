#!/usr/bin/env python3
"""Reference decoder for DicomCorpusConformanceTest: what the Datamint SDK's DICOM reading gives for each file.

Usage: reference_decode.py OUT_DIR FILE...

For every FILE it writes OUT_DIR/<file name>.raw (the array in C order, little-endian, shape (frames, channels,
rows, columns)) and one line of OUT_DIR/manifest.tsv:

    <file name> TAB ok|error TAB dtype TAB shape (comma-separated) TAB how (pydicom | gdcmconv+pydicom) TAB message

How: pydicom (Debian python3-pydicom 2.3, numpy handlers) reads native, deflated and RLE pixel data itself; every
other (compressed) transfer syntax is first decompressed by GDCM's `gdcmconv --raw` and the result is read by
pydicom. Then, as the SDK (medimgkit read_dicom_standardized with pydicom 3) does:
  * unused high bits are cleared / the sign is extended from Bits Stored (pydicom 3's correct_unused_bits), and for
    JPEG 2000 a codestream whose signedness disagrees with Pixel Representation is reinterpreted from the
    codestream's precision (pydicom 3's J2K sign correction);
  * YBR_FULL / YBR_FULL_422 is converted to RGB with pydicom's convert_color_space (8 bits; the bit-depth
    generalisation of pydicom 3 for more);
  * PALETTE COLOR is applied with pydicom's apply_color_lut (this one step is the brief's, not medimgkit's);
  * the modality LUT / rescale with pydicom's apply_modality_lut;
  * MONOCHROME1 is inverted to max + min - value.
A file whose Number of Frames is not a number gets the frame count that fits in its pixel data (as the Java
decoder does), since pydicom cannot read it otherwise.

It also writes OUT_DIR/<file name>.meta.json for every file pydicom reads: the file meta group and the data set as
pydicom sees them, rendered the way the metainfo JSON is specified (keyword or "(GGGG,EEEE)" keys, numbers for
IS/DS/US/SS/UL/SL/FL/FD, strings or arrays of strings, arrays of objects for sequences, {"vr", "length"} for bytes,
null when empty; AT as "(GGGG,EEEE)"; Pixel Data left out).
"""

import gzip
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import pydicom
from pydicom.encaps import generate_pixel_data_frame
from pydicom.filewriter import correct_ambiguous_vr
from pydicom.pixel_data_handlers.util import apply_color_lut, apply_modality_lut, convert_color_space

NATIVE = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99",
          "1.2.840.10008.1.2.5"}
J2K = {"1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"}


def ybr_to_rgb(arr, bits):
    if bits == 8:
        return convert_color_space(arr, "YBR_FULL", "RGB")
    offset = 2 ** (bits - 1)
    m = np.asarray([[1.000, 1.000, 1.000],
                    [0.000, -0.114 * 1.772 / 0.587, 1.772],
                    [1.402, -0.299 * 1.402 / 0.587, 0.000]], dtype=np.float32)
    out = arr.astype(np.float32)
    out -= [0, offset, offset]
    out = np.matmul(out, m)
    out += 0.5
    np.floor(out, out=out)
    np.clip(out, 0, 2 ** bits - 1, out=out)
    return out.astype(arr.dtype)


def j2k_sign(ds):
    """(precision, signed) of the first JPEG 2000 codestream, or None."""
    frame = next(generate_pixel_data_frame(ds.PixelData, 1))
    start = frame.find(b"\xff\x4f\xff\x51")
    if start < 0:
        return None
    ssiz = frame[start + 42]
    return (ssiz & 0x7F) + 1, bool(ssiz & 0x80)


def decode(path, work):
    if path.endswith(".gz"):
        plain = os.path.join(work, "gunzipped.dcm")
        with gzip.open(path) as src, open(plain, "wb") as dst:
            dst.write(src.read())
        path = plain
    ds = pydicom.dcmread(path, force=True)
    if "PixelData" not in ds:
        raise ValueError("no pixel data")
    meta = getattr(ds, "file_meta", None)
    ts = str(meta.TransferSyntaxUID) if meta is not None and "TransferSyntaxUID" in meta else None
    how = "pydicom"
    px = ds
    if ts is not None and ts not in NATIVE:
        raw = os.path.join(work, "raw.dcm")
        if os.path.exists(raw):
            os.remove(raw)
        result = subprocess.run(["gdcmconv", "--raw", path, raw], capture_output=True, text=True)
        if result.returncode != 0 or not os.path.exists(raw):
            raise ValueError("gdcmconv --raw failed: " + (result.stderr or result.stdout).strip()[:300])
        px = pydicom.dcmread(raw, force=True)
        how = "gdcmconv+pydicom"
    try:
        frames = int(px.get("NumberOfFrames", 1) or 1)
    except (TypeError, ValueError):
        per_frame = px.Rows * px.Columns * px.SamplesPerPixel * px.BitsAllocated // 8
        frames = len(px.PixelData) // per_frame
        px.NumberOfFrames = frames
    arr = px.pixel_array
    spp = int(px.get("SamplesPerPixel", 1))
    shape = (frames, px.Rows, px.Columns, spp)
    arr = arr.reshape(shape) if spp > 1 else arr.reshape(shape[:3])[..., np.newaxis]

    bits_allocated = int(px.BitsAllocated)
    bits_stored = int(px.get("BitsStored", bits_allocated))
    signed = int(px.get("PixelRepresentation", 0)) == 1
    arr = arr.copy()
    if ts in J2K:
        info = j2k_sign(ds)
        if info is not None:
            precision, j2k_signed = info
            shift = 8 * arr.dtype.itemsize - precision
            if shift and j2k_signed != signed:
                np.left_shift(arr, shift, out=arr)
                np.right_shift(arr, shift, out=arr)
    elif bits_allocated > 1 and bits_stored < bits_allocated:
        shift = bits_allocated - bits_stored
        np.left_shift(arr, shift, out=arr)
        np.right_shift(arr, shift, out=arr)

    photometric = str(px.get("PhotometricInterpretation", "")).strip()
    if photometric in ("YBR_FULL", "YBR_FULL_422") and spp == 3:
        arr = ybr_to_rgb(arr, bits_stored)
    if photometric == "PALETTE COLOR" and spp == 1:
        arr = apply_color_lut(arr[..., 0], ds)
    else:
        arr = apply_modality_lut(arr, ds)
    if str(ds.get("PhotometricInterpretation", "")).strip() == "MONOCHROME1":
        if np.issubdtype(arr.dtype, np.integer):
            arr = np.max(arr) + np.min(arr) - arr
        elif arr.max() > arr.min():
            arr = arr.max() + arr.min() - arr
    arr = np.ascontiguousarray(arr.transpose(0, 3, 1, 2))
    return arr, how


BYTES_VRS = {"OB", "OW", "OD", "OF", "OL", "OV", "UN", "OB or OW", "US or OW", "US or SS or OW"}


def render_value(elem):
    vr = getattr(elem.VR, "value", elem.VR)  # pydicom's VR enum or a plain string
    vr = vr if isinstance(vr, str) else str(vr)
    value = elem.value
    if vr == "SQ":
        return [render_dataset(item, top=False) for item in value]
    if vr in BYTES_VRS or isinstance(value, (bytes, bytearray)):
        return {"vr": vr, "length": len(value) if value is not None else 0}
    if value is None or value == "" or (isinstance(value, (list, pydicom.multival.MultiValue)) and len(value) == 0):
        return None

    def one(v):
        if v is None or v == "":
            return None if vr not in ("AE", "AS", "CS", "DA", "DT", "LO", "PN", "SH", "TM", "UC", "UI") else ""
        if vr == "AT":
            return "(%04X,%04X)" % (int(v) >> 16, int(v) & 0xFFFF)
        if vr in ("IS", "US", "SS", "UL", "SL", "UV", "SV"):
            try:
                return int(v)
            except (TypeError, ValueError):
                return str(v)
        if vr in ("DS", "FL", "FD"):
            try:
                f = float(v)
            except (TypeError, ValueError):
                return str(v)
            return f if f == f and abs(f) != float("inf") else str(f)
        return str(v)

    if isinstance(value, (list, pydicom.multival.MultiValue)):
        return [one(v) for v in value] if len(value) > 1 else one(value[0])
    return one(value)


def render_dataset(ds, top):
    out = {}
    for elem in ds:
        if top and elem.tag in (0x7FE00010, 0x7FE00008, 0x7FE00009):
            continue
        key = elem.keyword if elem.keyword and not elem.tag.is_private else "(%04X,%04X)" % (elem.tag.group,
                                                                                             elem.tag.element)
        if key in out:
            key = "(%04X,%04X)" % (elem.tag.group, elem.tag.element)
        out[key] = render_value(elem)
    return out


def write_meta(path, out_file, work):
    if path.endswith(".gz"):
        plain = os.path.join(work, "gunzipped-meta.dcm")
        with gzip.open(path) as src, open(plain, "wb") as dst:
            dst.write(src.read())
        path = plain
    ds = pydicom.dcmread(path, force=True)
    try:
        correct_ambiguous_vr(ds, ds.is_little_endian)  # "US or SS" etc. resolved as pydicom does before writing
    except Exception:
        pass
    rendered = {}
    meta = getattr(ds, "file_meta", None)
    if meta is not None:
        rendered.update(render_dataset(meta, top=True))
    for key, value in render_dataset(ds, top=True).items():
        rendered.setdefault(key, value)
    with open(out_file, "w") as f:
        json.dump(rendered, f)


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "manifest.tsv"), "w") as manifest, tempfile.TemporaryDirectory() as work:
        for path in sys.argv[2:]:
            name = os.path.basename(path)
            try:
                write_meta(path, os.path.join(out_dir, name + ".meta.json"), work)
            except Exception:  # pydicom cannot read the header either: no reference header
                pass
            try:
                arr, how = decode(path, work)
                arr = arr.astype(arr.dtype.newbyteorder("<"), copy=False)
                with open(os.path.join(out_dir, name + ".raw"), "wb") as f:
                    f.write(arr.tobytes())
                manifest.write("\t".join([name, "ok", arr.dtype.name, ",".join(map(str, arr.shape)), how, ""]) + "\n")
            except Exception as e:  # recorded, the Java test decides whether it was expected
                message = (type(e).__name__ + ": " + str(e)).replace("\t", " ").replace("\n", " ")[:500]
                manifest.write("\t".join([name, "error", "", "", "", message]) + "\n")


if __name__ == "__main__":
    main()
