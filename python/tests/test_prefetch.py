"""The cluster prefetch from Python, against the repository's local Datamint API server (bin/datamint-server)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyspark.sql import SparkSession

import datamint_spark as ds

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def api_server(sample_project: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """bin/datamint-server over a mirror root holding the sample project; yields its URL."""
    root = tmp_path_factory.mktemp("api-root")
    shutil.copytree(sample_project, root / "sample")
    server = subprocess.Popen(
        [str(ROOT / "bin" / "datamint-server"), "--mirror", str(root), "--port", "0", "--api-key", "test-key"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.stdout is not None
        lines = []
        for line in server.stdout:
            lines.append(line)
            found = re.search(r"listening on (http://\S+)", line)
            if found:
                yield found.group(1)
                break
        else:
            pytest.fail("bin/datamint-server did not start:\n" + "".join(lines))
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_prefetch_mirrors_the_project_and_skips_on_a_rerun(
    spark: SparkSession, sample_project: str, api_server: str, tmp_path: Path
) -> None:
    project = json.loads((Path(sample_project) / "project.json").read_text())["name"]
    out = str(tmp_path / "mirror")
    report = ds.prefetch(spark, out, project, server_url=api_server, api_key="test-key", tags=["chest"])
    assert report.complete and report.failed == 0
    assert report.downloaded > 0 and report.bytes_downloaded > 0
    assert report.project_name == project
    assert report.files.count() == report.downloaded + report.skipped
    assert project in report.summary

    mirrored = {r[0] for r in ds.read(spark, path=out).select("resource_id").collect()}
    chest = {r[0] for r in ds.read(spark, path=sample_project, tags=["chest"]).select("resource_id").collect()}
    assert mirrored == chest

    again = ds.prefetch(spark, out, project, server_url=api_server, api_key="test-key", tags=["chest"])
    assert again.downloaded == 0 and again.skipped == report.downloaded


def test_prefetch_names_a_bad_keyword_and_a_rejected_key(spark: SparkSession, api_server: str, tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="unknown keyword argument 'tag'"):
        ds.prefetch(spark, str(tmp_path / "m"), "p", server_url=api_server, api_key="test-key", tag=["x"])
    with pytest.raises(Exception, match="401"):
        ds.prefetch(spark, str(tmp_path / "m"), "p", server_url=api_server, api_key="wrong")
