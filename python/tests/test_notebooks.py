"""Every notebook in notebooks/, executed top to bottom with nbclient on an ipykernel of this Python, as a user
runs it: each starts its own Spark session (the connector jar from the installed package or DATAMINT_SPARK_JAR) and
writes its own sample project. The outputs are checked: no error output, the text each notebook is expected to
show, and the pictures of those that draw."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from ipykernel.kernelspec import write_kernel_spec
from nbclient import NotebookClient

import datamint_spark

REPOSITORY = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPOSITORY / "notebooks"
KERNEL = "datamint-spark-tests"

#: Text each notebook's outputs must contain, and whether it must draw (an image/png output). A notebook not listed
#: here is still executed and checked for errors.
EXPECTED: dict[str, tuple[list[str], bool]] = {
    "quickstart.ipynb": (["resource_kind", "sample-ct-xray-us", "PushedTags=[chest]", "alice@example.com"], False),
    "pytorch.ipynb": (
        [
            "mask channels: ['background', 'lung', 'heart', 'UNKNOWN', 'liver', 'tumor', 'vessel']",
            "views of Arrow memory: True",
            "bob@example.com",
            "pneumonia",
            "volumes whose slices fall in more than one split: 0",
            "image        Tensor (8, 1, 64, 64) torch.float32",
            "mask         Tensor (8, 7, 64, 64) torch.float32",
        ],
        True,
    ),
}


def notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def test_every_notebook_is_executed_and_committed_without_outputs() -> None:
    assert {path.name for path in notebooks()} >= set(EXPECTED)
    for path in notebooks():
        notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
        nbformat.validate(notebook)
        executed = [cell for cell in notebook.cells if cell.cell_type == "code" and cell.get("outputs")]
        assert not executed, f"{path.name} is committed with outputs: clear them"


def output_text(output: Any) -> str:
    if output.output_type == "stream":
        return str(output.text)
    if output.output_type in ("execute_result", "display_data"):
        data = output.get("data", {})
        return str(data.get("text/plain", "")) + str(data.get("text/html", ""))
    return ""


@pytest.mark.parametrize("path", notebooks(), ids=lambda path: path.name)
def test_notebook_runs_top_to_bottom(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a kernel of this very Python (its packages, its pyspark and torch), whatever kernels Jupyter knows of
    write_kernel_spec(path=str(tmp_path / "kernels" / KERNEL))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("SPARK_LOCAL_IP", os.environ.get("SPARK_LOCAL_IP", "127.0.0.1"))
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    package_root = Path(datamint_spark.__file__).resolve().parents[1]
    if package_root == REPOSITORY / "python":
        # the package of the checkout, not an installed one: the kernel needs its path too
        monkeypatch.setenv(
            "PYTHONPATH", os.pathsep.join(filter(None, [str(package_root), os.environ.get("PYTHONPATH")]))
        )
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name=KERNEL,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()

    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", [])]
    errors = [f"{o.get('ename')}: {o.get('evalue')}" for o in outputs if o.output_type == "error"]
    assert not errors, errors
    text = "\n".join(output_text(output) for output in outputs)
    expected, draws = EXPECTED.get(path.name, ([], False))
    missing = [snippet for snippet in expected if snippet not in text]
    assert not missing, f"{path.name}: missing {missing} in:\n{text[-6000:]}"
    pictures = [o for o in outputs if o.output_type == "display_data" and "image/png" in o.get("data", {})]
    if draws:
        assert pictures, f"{path.name} drew no picture"
