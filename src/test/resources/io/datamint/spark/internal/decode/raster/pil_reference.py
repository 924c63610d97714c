"""Reference decoding of raster images with PIL, in the SDK's layout (medimgkit read_image:
np.array(Image.open(f)); (H, W) -> (1, 1, H, W), (H, W, C) -> (1, C, H, W)), for RasterDecoderTest.

Usage: python3 pil_reference.py IN1 OUT1 [IN2 OUT2 ...]

Every frame is read (seek) and stacked as N, except for GIF, where only frame 0 is (PIL composites
later GIF frames into RGB). The SDK itself reads frame 0 only. Writes each array to OUT as raw
little-endian float64 and prints one JSON line per pair: {"file", "format", "mode", "dtype", "shape",
"frames"}, or {"file", "error"} when PIL cannot decode the file.
"""
import json
import sys

import numpy as np
from PIL import Image


def standard(img):
    a = np.array(img)
    if a.ndim == 2:
        return a[np.newaxis, np.newaxis]
    return a.transpose(2, 0, 1)[np.newaxis]


def main(args):
    for src, dst in zip(args[0::2], args[1::2]):
        try:
            with Image.open(src) as img:
                fmt, mode, frames = img.format, img.mode, getattr(img, "n_frames", 1)
                arrays = [standard(img)]
                dtype = str(arrays[0].dtype)
                if fmt != "GIF":
                    for i in range(1, frames):
                        img.seek(i)
                        arrays.append(standard(img))
                out = np.concatenate(arrays)
        except Exception as e:  # reported to the test, which expects the decoder to fail too
            print(json.dumps({"file": src, "error": "%s: %s" % (type(e).__name__, e)}))
            continue
        np.ascontiguousarray(out, dtype="<f8").tofile(dst)
        print(json.dumps({"file": src, "format": fmt, "mode": mode, "dtype": dtype, "shape": list(out.shape),
                          "frames": frames}))


if __name__ == "__main__":
    main(sys.argv[1:])
