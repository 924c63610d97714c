"""Records every REST request the real Datamint SDK sends for each dataset feature (docs/sdk-api-calls.md).

Starts bin/datamint-server over a fresh sample project, puts a recording proxy in front of it, points the SDK at the
proxy, runs each feature (dataset construction and iteration, slicing, frame_by_frame, splits, SplitResult.save,
prefetch, build_dataset, build_mlflow_dataset), and prints one line per distinct request and feature
(ids shown as {id}), then the features that failed and the server's unknown requests. Run it with the Python of an
environment from bin/lib/install-sdk.sh:
    ~/.cache/datamint-spark/datamint-sdk-2.45.0/bin/python python/conformance/record_sdk_calls.py
"""

from __future__ import annotations

import http.server
import re
import sys
import tempfile
import threading
import traceback
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sdk_server import LocalServer, sdk_environment, write_sample

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class Recorder:
    """A proxy on a free loopback port that forwards to ``upstream`` and counts requests per feature."""

    def __init__(self, upstream: str):
        self.feature = "-"
        self.seen: Counter[tuple[str, str, str, str, int]] = Counter()
        recorder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                request = urllib.request.Request(upstream + self.path, data=body, method=self.command)
                for key, value in self.headers.items():
                    if key.lower() not in ("host", "content-length", "connection", "accept-encoding"):
                        request.add_header(key, value)
                try:
                    with urllib.request.urlopen(request, timeout=120) as response:
                        status, data, headers = response.status, response.read(), response.headers
                except urllib.error.HTTPError as e:
                    status, data, headers = e.code, e.read(), e.headers
                shown = UUID.sub("{id}", body.decode("utf-8", "replace")) if body else ""
                shown = re.sub(r'("\{id\}", ?)+', "", shown)
                key = (recorder.feature, self.command, UUID.sub("{id}", self.path), shown[:200], status)
                recorder.seen[key] += 1
                self.send_response(status)
                for k, v in headers.items():
                    if k.lower() not in ("content-length", "transfer-encoding", "connection", "date", "server"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = forward

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def features(project: str) -> list[tuple[str, Callable[[], Any]]]:
    """The SDK features to run, in order, as (name, call)."""
    from datamint.dataset import ImageDataset, VideoDataset, VolumeDataset, build_dataset

    def each(ds: Any, n: int | None = None) -> int:
        for i in range(len(ds) if n is None else min(n, len(ds))):
            ds[i]
        return len(ds)

    images = ImageDataset(project=project)
    volumes = VolumeDataset(project=project)
    videos = VideoDataset(project=project)
    nifti = lambda: volumes.filter(filename_pattern="*.nii.gz")  # noqa: E731
    mp4 = lambda: videos.filter(filename_pattern="*.mp4")  # noqa: E731

    def save() -> Any:
        images.split(train=0.5, test=0.5, seed=3).save(force=True)

    out: list[tuple[str, Callable[[], Any]]] = [
        ("ImageDataset", lambda: len(images)),
        ("prefetch", lambda: images.prefetch(include_annotations=True)),
        ("ImageDataset[i]", lambda: each(images.filter(filename_pattern="*.png"))),
        ("VolumeDataset[i]", lambda: each(nifti()) + each(volumes.filter(filename_pattern="*.dcm"))),
    ]
    for axis in ("axial", "coronal", "sagittal"):
        out.append((f"slice({axis})[i]", lambda axis=axis: each(nifti().slice(axis), 5)))
    out += [
        ("VideoDataset[i]", lambda: each(mp4())),
        ("frame_by_frame()[i]", lambda: each(mp4().frame_by_frame(), 3)),
        ("split() project", lambda: volumes.split()),
        ("split(by_patient)", lambda: volumes.split(train=0.6, val=0.2, test=0.2, seed=7, by_patient=True)),
        ("SplitResult.save", save),
        (
            "split(as_of)",
            lambda: volumes.split(use_project_splits=True, as_of_timestamp="2026-12-01T00:00:00Z"),
        ),
        ("build_dataset", lambda: len(build_dataset(project))),
        ("build_mlflow_dataset", lambda: volumes.build_mlflow_dataset().digest),
    ]
    return out


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="sdk-calls-") as tmp:
        tmp_path = Path(tmp)
        project = write_sample(tmp_path / "sample")
        with LocalServer(tmp_path / "sample", tmp_path / "server.log") as server:
            recorder = Recorder(server.url)
            sdk_environment(recorder.url, tmp_path / "home")
            failed = []
            for name, call in features(project):
                recorder.feature = name
                try:
                    call()
                except Exception as e:  # every failure is reported, then listed
                    failed.append(f"{name}: {type(e).__name__}: {e}")
                    traceback.print_exc(limit=-2)
            for (feature, method, path, body, status), n in recorder.seen.items():
                print(f"{feature:22} {n:3}x {method} {path} -> {status} {body}")
            print("failed features:", failed or "none")
            print("unknown requests:", server.unknown_requests())
            recorder.server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
