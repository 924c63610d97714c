"""The training example, examples/python/train_segmentation.py, run for a few steps in a subprocess as its header
says: in one process, and in two with Spark's TorchDistributor and DistributedDataParallel (gloo)."""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import datamint_spark

REPOSITORY = Path(__file__).resolve().parents[2]
EXAMPLE = REPOSITORY / "examples" / "python" / "train_segmentation.py"

#: A step's line; TorchDistributor's torchrun prefixes the ranks' lines with [default<local rank>]:.
STEP = re.compile(r"^(?:\[default\d+\]:)?rank (\d+) step (\d+) loss (\S+)$", re.MULTILINE)
DATA = re.compile(r"^data: (\d+) rows in (\d+) partitions$", re.MULTILINE)
DONE = re.compile(r"^done: (\d+) steps, last loss (\S+),", re.MULTILINE)


def run_example(*args: str, cwd: Path) -> str:
    """The example's stdout; fails with its output when it exits with an error."""
    env = dict(os.environ)
    env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    env["PYSPARK_PYTHON"] = sys.executable
    package_root = Path(datamint_spark.__file__).resolve().parents[1]
    if package_root == REPOSITORY / "python":
        # the package of the checkout, not an installed one: the subprocess needs its path too
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(package_root), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, str(EXAMPLE), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, (
        f"the example exited with {result.returncode}\n--- stdout\n{result.stdout[-4000:]}\n"
        f"--- stderr\n{result.stderr[-4000:]}"
    )
    return result.stdout


def losses_by_rank(output: str) -> dict[int, dict[int, float]]:
    """rank -> step -> loss, from the step lines; each step of a rank printed once."""
    found: dict[int, dict[int, float]] = {}
    for rank, step, loss in STEP.findall(output):
        steps = found.setdefault(int(rank), {})
        assert int(step) not in steps, f"rank {rank} printed step {step} twice"
        steps[int(step)] = float(loss)
    return found


def data_rows(output: str) -> int:
    match = DATA.search(output)
    assert match is not None, output
    return int(match.group(1))


def epoch_rows(rows_log: Path, rank: int, epoch: int) -> list[str]:
    """The rows (resource_id:slice_index) one rank trained on in one complete epoch."""
    log = json.loads((rows_log / f"rank{rank}.json").read_text(encoding="utf-8"))
    assert log["rank"] == rank
    assert len(log["epochs"]) > epoch, f"rank {rank} completed only {len(log['epochs'])} epoch(s)"
    rows: list[str] = log["epochs"][epoch]
    return rows


def check_losses(output: str, ranks: int, steps: int) -> None:
    losses = losses_by_rank(output)
    assert sorted(losses) == list(range(ranks)), output
    for rank, by_step in losses.items():
        assert sorted(by_step) == list(range(1, steps + 1)), f"rank {rank}: {output}"
        assert all(math.isfinite(loss) and loss > 0 for loss in by_step.values()), by_step
        assert len(set(by_step.values())) > 1, f"rank {rank}: the loss never changed: {by_step}"
    done = DONE.search(output)
    assert done is not None and int(done.group(1)) == steps, output
    assert math.isfinite(float(done.group(2)))


def test_training_in_one_process(sample_project: str, tmp_path: Path) -> None:
    rows_log = tmp_path / "rows"
    rows_log.mkdir()
    # 90 slices in batches of 16: the first epoch ends at step 6
    output = run_example(
        sample_project, "--steps", "7", "--batch-size", "16", "--rows-log", str(rows_log), cwd=tmp_path
    )
    check_losses(output, ranks=1, steps=7)
    assert "labels: background, " in output
    total = data_rows(output)
    first_epoch = epoch_rows(rows_log, 0, 0)
    assert len(first_epoch) == len(set(first_epoch)) == total


def test_training_in_two_processes_with_torch_distributor(sample_project: str, tmp_path: Path) -> None:
    rows_log = tmp_path / "rows"
    rows_log.mkdir()
    # each rank reads at most 4 of the 8 partitions (5 volumes of 16 to 20 slices): at most 5 batches of 16
    output = run_example(
        sample_project,
        "--processes",
        "2",
        "--steps",
        "6",
        "--batch-size",
        "16",
        "--rows-log",
        str(rows_log),
        cwd=tmp_path,
    )
    check_losses(output, ranks=2, steps=6)
    total = data_rows(output)
    rank0, rank1 = epoch_rows(rows_log, 0, 0), epoch_rows(rows_log, 1, 0)
    assert rank0 and rank1, "a rank got no rows"
    assert len(rank0) == len(set(rank0)) and len(rank1) == len(set(rank1)), "a rank saw a row twice in one epoch"
    assert not set(rank0) & set(rank1), "the ranks' shards overlap"
    assert len(set(rank0) | set(rank1)) == total, "the ranks' shards do not cover the epoch"
