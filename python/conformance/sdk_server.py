"""Runs bin/datamint-server over a fresh sample project for checks that drive the real Datamint SDK against it.

The server is started on a free loopback port over a project written by bin/datamint-sample into a temporary
directory (the SDK's SplitResult.save() writes to the mirror, so every run gets its own), and it is asked at the end
which requests it did not implement (GET /__datamint-server/unknown-requests).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UNKNOWN_PATH = "/__datamint-server/unknown-requests"
#: The API key the server is started with and the SDK is given (sdk_environment).
API_KEY = "conformance-key"


def write_sample(directory: Path, seed: int = 42) -> str:
    """Writes the sample project mirror into ``directory`` and returns the project's name."""
    subprocess.run(
        [str(REPO / "bin" / "datamint-sample"), str(directory), "--seed", str(seed)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads((directory / "project.json").read_text())["name"]


class LocalServer:
    """bin/datamint-server over ``mirror`` on a free port with the key API_KEY, logging to ``log``; a context
    manager."""

    def __init__(self, mirror: Path, log: Path):
        self.mirror = mirror
        self.log = log
        self.url = ""
        self._process: subprocess.Popen | None = None

    def __enter__(self) -> LocalServer:
        self._log = open(self.log, "w")
        self._process = subprocess.Popen(
            [
                str(REPO / "bin" / "datamint-server"),
                *("--mirror", str(self.mirror), "--port", "0", "--api-key", API_KEY),
            ],
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )
        for line in self._process.stdout:
            match = re.search(r"listening on (http://\S+)", line)
            if match:
                self.url = match.group(1)
                return self
        self.__exit__(None, None, None)
        raise RuntimeError(f"bin/datamint-server did not start; see {self.log}")

    def unknown_requests(self) -> dict:
        """``{"count": N, "requests": ["GET /x?q", ...]}``: what the server saw and does not implement."""
        request = urllib.request.Request(self.url + UNKNOWN_PATH, headers={"apikey": API_KEY})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    def __exit__(self, *exc) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process.stdout.close()
        self._log.close()


def sdk_environment(server_url: str, home: Path) -> None:
    """Points the SDK (imported after this) at the server, with its caches and config under ``home``."""
    os.environ["DATAMINT_API_URL"] = server_url
    os.environ["DATAMINT_API_KEY"] = API_KEY
    os.environ["HOME"] = str(home)
    os.environ["XDG_CACHE_HOME"] = str(home / ".cache")
    os.environ["XDG_CONFIG_HOME"] = str(home / ".config")
    os.environ["XDG_DATA_HOME"] = str(home / ".local" / "share")
