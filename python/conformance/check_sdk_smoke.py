"""The real Datamint SDK, unmodified, against bin/datamint-server over the sample project: a quick check that the
SDK's environment and the server work before the item-by-item comparison (sdk_dump.py, test_conformance.py).

It builds an ImageDataset and a VolumeDataset of the sample project through the SDK's own REST calls, iterates every
item of each (PNG images; NIfTI and DICOM volumes), and asserts that the server received no request it does not
implement. Run it with the Python of an environment from bin/lib/install-sdk.sh (bin/sdk-conformance does):
    python python/conformance/check_sdk_smoke.py
Prints one line per check and a closing 'N passed, N failed'; exits non-zero when a check failed.
"""

from __future__ import annotations

import importlib.metadata
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sdk_server import API_KEY, UNKNOWN_PATH, LocalServer, sdk_environment, write_sample


def iterate(dataset) -> list[tuple]:
    """Every item of ``dataset``; returns the image shapes and checks each item has an image."""
    shapes = []
    for i in range(len(dataset)):
        item = dataset[i]
        assert "image" in item, f"item {i} has no image: {sorted(item)}"
        shapes.append(tuple(item["image"].shape))
    return shapes


def main() -> int:
    version = importlib.metadata.version("datamint")
    results: list[tuple[str, bool]] = []
    with tempfile.TemporaryDirectory(prefix="sdk-smoke-") as tmp:
        tmp_path = Path(tmp)
        name = write_sample(tmp_path / "sample")
        with LocalServer(tmp_path / "sample", tmp_path / "server.log") as server:
            sdk_environment(server.url, tmp_path / "home")
            from datamint.dataset import ImageDataset, VolumeDataset

            def check(label: str, fn) -> None:
                started = time.monotonic()
                try:
                    detail = fn()
                    results.append((label, True))
                    print(f"ok   {label} ({time.monotonic() - started:.1f} s) {detail}")
                except Exception:  # every failure is reported, then counted
                    results.append((label, False))
                    print(f"FAIL {label}")
                    traceback.print_exc()

            def images():
                shapes = iterate(ImageDataset(project=name).filter(filename_pattern="*.png"))
                assert len(shapes) == 6 and all(len(s) == 3 for s in shapes), shapes
                return f"{len(shapes)} images"

            def volumes():
                shapes = iterate(VolumeDataset(project=name).filter(filename_pattern="*.nii.gz"))
                shapes += iterate(VolumeDataset(project=name).filter(filename_pattern="*.dcm"))
                assert len(shapes) == 5 and all(len(s) == 4 for s in shapes), shapes
                return f"{len(shapes)} volumes"

            def no_unknown_requests():
                unknown = server.unknown_requests()
                assert unknown["count"] == 0, f"the server did not implement: {unknown['requests']}"
                return "0 unknown requests"

            def unknown_requests_are_counted():
                try:
                    request = urllib.request.Request(server.url + "/no-such-endpoint", headers={"apikey": API_KEY})
                    urllib.request.urlopen(request, timeout=30)
                    raise AssertionError("an unknown path was answered")
                except urllib.error.HTTPError as e:
                    assert e.code == 404 and b"not found" in e.read()
                unknown = server.unknown_requests()
                assert unknown["requests"] == ["GET /no-such-endpoint"], unknown
                try:
                    urllib.request.urlopen(server.url + UNKNOWN_PATH, timeout=30)
                    raise AssertionError("the unknown-request record was answered without the API key")
                except urllib.error.HTTPError as e:
                    assert e.code == 401, e.code
                return "1 unknown request seen; the record needs the API key"

            check(f"datamint {version}: ImageDataset over the sample's PNG images", images)
            check(f"datamint {version}: VolumeDataset over the sample's NIfTI and DICOM volumes", volumes)
            check(f"datamint {version}: the server saw no request it does not implement", no_unknown_requests)
            check(f"datamint {version}: the server counts an unknown request", unknown_requests_are_counted)
            if not all(ok for _, ok in results):
                print("server log:\n" + (tmp_path / "server.log").read_text()[-4000:])
    failed = sum(1 for _, ok in results if not ok)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
