"""Tensors delivered per second into a Python training loop: datamint_spark's path beside the usual alternatives.

The same DataFrame is delivered every way: the axial CT slices of N copies of the sample project's five CT volumes,
each row an ``image`` tensor (int16 or float64) and its semantic ``segmentations`` (7 float32 channels, union of the
annotators), as ``examples/python/train_segmentation.py`` reads them. Each way runs in its own Python process with
its own Spark session (``local[2]``), one warm-up pass and then ``--repeats`` timed passes; the loop receives one
torch tensor per tensor column and row (it reads the shapes, not the pixels, the same in every way):

- ``ceiling``: the Java side alone, every tensor's bytes materialized (``sum(length(image.data))``,
  ``sum(length(segmentations.data))``), on all cores; ``ceiling + Arrow``: the same rows encoded as the Arrow batches
  that Spark's ``toArrow()`` (and this package's partition server) ship (``toArrowBatchRdd().count()``);
  and ``arrow-collect``: those batches collected into the driver JVM (``toArrowBatchRdd().collect()``), where
  Spark's ``toArrow()`` and this package's partition server take them from;
- ``DatamintTorchDataset``: this package, as a training loop uses it (rows of torch tensors over Arrow memory);
  with ``cache=True`` after the first epoch; inside a ``DataLoader`` with 2 worker processes; and with 2 partitions
  requested at once (``PartitionSource`` read by two threads, which the dataset's prefetch does not do yet);
- ``toArrow()``: Spark's own Arrow collection to the driver, then this package's zero-copy views;
- ``collect()`` / ``toLocalIterator()``: Rows, ``np.frombuffer`` on each tensor's bytes, ``torch.from_numpy``;
- Parquet: ``df.write.parquet`` and ``pyarrow.parquet`` reading it back into the same views (what Petastorm does),
  timed as write + read (the first epoch) and read alone (later epochs).

With ``--rounds K`` the whole list runs K times, so that the ways share the machine's changing load; the seconds of
all rounds are pooled. Peak RSS is the Python process's (``ru_maxrss``, with its DataLoader workers) and the Spark
JVM's (``VmHWM``), over the whole process: warm-up and repeats. ``bin/datamint-bench-python`` runs it and
writes the "Python delivery" section of BENCHMARKS.md::

    bin/datamint-bench-python [--copies N] [--repeats R] [--rounds K] [--ways a,b,...] [--out FILE]
    DATAMINT_SPARK_JAR=target/datamint-spark_2.13-0.1.0-SNAPSHOT-all.jar PYTHONPATH=python \\
        python examples/python/bench_delivery.py --copies 8 --repeats 1 --out /tmp/bench.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import datamint_spark
import numpy as np
import torch
from datamint_spark.partitions import ArrowPartitions, PartitionSource
from datamint_spark.tensors import DTYPES, iter_rows, to_torch
from datamint_spark.torch_data import DatamintTorchDataset
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as sf
from torch.utils.data import DataLoader

TENSORS = ("image", "segmentations")
SECTION = "## Python delivery"


@dataclass
class Pass:
    """One pass over the data: what the loop received, and how long each phase took."""

    rows: int = 0
    bytes: int = 0
    seconds: float = 0.0
    #: for Parquet: the seconds of writing it (the rest is reading)
    write_seconds: float = 0.0

    def take(self, row: dict[str, Any]) -> None:
        """What a training loop does with a row here: look at its tensors."""
        for name in TENSORS:
            tensor = row[name]
            assert isinstance(tensor, torch.Tensor), type(tensor)
            self.bytes += tensor.numel() * tensor.element_size()
        self.rows += 1


# --- the project: N copies of the sample project's CT volumes -----------------------------------------------------


def write_project(spark: SparkSession, out: Path, copies: int) -> None:
    """A project mirror in ``out`` with ``copies`` copies of the sample project's CT resources and their
    annotations (new ids, the same files); the other resources and the split history are left out."""
    sample = Path(tempfile.mkdtemp(prefix="datamint-bench-sample-"))
    try:
        datamint_spark.sample_project(spark, sample)
        resources = [json.loads(line) for line in (sample / "resources.jsonl").read_text().splitlines() if line]
        annotations = [json.loads(line) for line in (sample / "annotations.jsonl").read_text().splitlines() if line]
        ct = [r for r in resources if r.get("modality") == "CT"]
        ids = {r["id"] for r in ct}
        (out / "files" / "resources").mkdir(parents=True)
        (out / "files" / "annotations").mkdir(parents=True)
        for name in ("project.json", "worklists.json"):
            shutil.copy(sample / name, out / name)
        (out / "splits.jsonl").write_text("")
        with (out / "resources.jsonl").open("w") as res, (out / "annotations.jsonl").open("w") as ann:
            for copy in range(copies):

                def new_id(old: str, copy: int = copy) -> str:
                    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"datamint-bench/{copy}/{old}"))

                for r in ct:
                    shutil.copy(sample / "files" / "resources" / r["id"], out / "files" / "resources" / new_id(r["id"]))
                    res.write(json.dumps({**r, "id": new_id(r["id"])}) + "\n")
                for a in annotations:
                    if a.get("resource_id") not in ids:
                        continue
                    source = sample / "files" / "annotations" / a["id"]
                    if source.exists():
                        shutil.copy(source, out / "files" / "annotations" / new_id(a["id"]))
                    ann.write(json.dumps({**a, "id": new_id(a["id"]), "resource_id": new_id(a["resource_id"])}) + "\n")
    finally:
        shutil.rmtree(sample, ignore_errors=True)


def slices(spark: SparkSession, project: str) -> DataFrame:
    """The benchmark's DataFrame: the training example's read."""
    return (
        datamint_spark.VolumeDataset(
            path=project,
            spark=spark,
            return_segmentations=True,
            return_as_semantic_segmentation=True,
            semantic_seg_merge_strategy="union",
            target_partition_rows=128,
        )
        .slice("axial")
        .dataframe()
        .where(sf.col("slice_index").isNotNull())
        .select(*TENSORS)
    )


# --- the ways ------------------------------------------------------------------------------------------------------


def ceiling(df: DataFrame, work: Path) -> Pass:
    lengths = [sf.sum(sf.length(f"{name}.data")) for name in TENSORS]
    totals = df.select(sf.count(sf.lit(1)), *lengths).first()
    assert totals is not None
    return Pass(rows=int(totals[0]), bytes=sum(int(v) for v in totals[1:]))


def ceiling_arrow(df: DataFrame, work: Path) -> Pass:
    # the Arrow batches' count only: rows and bytes are the ceiling's (the same DataFrame)
    df._jdf.toArrowBatchRdd().count()
    return Pass(rows=-1, bytes=-1)


def arrow_collect(df: DataFrame, work: Path) -> Pass:
    # the Arrow batches collected into the driver JVM, as toArrow() and the partition server get them
    df._jdf.toArrowBatchRdd().collect()
    return Pass(rows=-1, bytes=-1)


def torch_dataset(df: DataFrame, work: Path) -> Pass:
    result = Pass()
    dataset = DatamintTorchDataset(df, columns=list(TENSORS))
    try:
        for row in dataset:
            result.take(row)
    finally:
        dataset.close()
    return result


_cached: dict[int, DatamintTorchDataset] = {}


def torch_dataset_cached(df: DataFrame, work: Path) -> Pass:
    # one dataset with cache=True for the process: the warm-up pass fills the cache, the timed ones read it
    dataset = _cached.setdefault(id(df), DatamintTorchDataset(df, columns=list(TENSORS), cache=True))
    result = Pass()
    for row in dataset:
        result.take(row)
    return result


def torch_dataloader_workers(df: DataFrame, work: Path) -> Pass:
    result = Pass()
    dataset = DatamintTorchDataset(df, columns=list(TENSORS))
    try:
        # batch_size=None: the rows themselves, as the workers yield them (no collation)
        for row in DataLoader(dataset, batch_size=None, num_workers=2):
            result.take(row)
    finally:
        dataset.close()
    return result


def _concurrent_batches(source: PartitionSource, in_flight: int) -> Iterator[Any]:
    """The partitions' batches in order, ``in_flight`` partitions requested at once (one connection per thread)."""
    with ThreadPoolExecutor(max_workers=in_flight) as pool:
        pending = [pool.submit(lambda p: list(source.batches(p)), p) for p in range(source.num_partitions)]
        for future in pending:
            yield from future.result()


def partitions_concurrent(df: DataFrame, work: Path) -> Pass:
    result = Pass()
    with ArrowPartitions(df) as partitions:
        for batch in _concurrent_batches(partitions.source, in_flight=2):
            for row in iter_rows(batch, columns=list(TENSORS)):
                result.take({name: to_torch(row[name]) for name in TENSORS})
    return result


def to_arrow(df: DataFrame, work: Path) -> Pass:
    result = Pass()
    table = df.toArrow()
    for batch in table.to_batches():
        for row in iter_rows(batch):
            result.take({name: to_torch(row[name]) for name in TENSORS})
    return result


def _from_row(value: Any) -> torch.Tensor:
    data = value["data"]
    array = np.frombuffer(data, dtype=DTYPES[value["dtype"]]).reshape(tuple(value["shape"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bytes are read-only: torch warns that the tensor must not be written
        return torch.from_numpy(array)


def collect(df: DataFrame, work: Path) -> Pass:
    result = Pass()
    for row in df.collect():
        result.take({name: _from_row(row[name]) for name in TENSORS})
    return result


def local_iterator(df: DataFrame, work: Path) -> Pass:
    result = Pass()
    for row in df.toLocalIterator():
        result.take({name: _from_row(row[name]) for name in TENSORS})
    return result


def parquet(df: DataFrame, work: Path, *, write: bool = True) -> Pass:
    import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]

    out = work / "parquet"
    result = Pass()
    if write or not out.exists():
        started = time.perf_counter()
        df.write.mode("overwrite").parquet(str(out))
        result.write_seconds = time.perf_counter() - started
    for file in sorted(out.glob("*.parquet")):
        for batch in pq.ParquetFile(file).iter_batches(batch_size=1024):
            for row in iter_rows(batch):
                result.take({name: to_torch(row[name]) for name in TENSORS})
    return result


def parquet_read(df: DataFrame, work: Path) -> Pass:
    return parquet(df, work, write=False)


@dataclass(frozen=True)
class Way:
    label: str
    run: Callable[[DataFrame, Path], Pass]


WAYS: dict[str, Way] = {
    "ceiling": Way("Java side alone: `sum(length(<tensor>.data))` (the ceiling)", ceiling),
    "ceiling-arrow": Way("Java side alone, encoded as Arrow batches: `toArrowBatchRdd().count()`", ceiling_arrow),
    "arrow-collect": Way(
        "Java side alone, Arrow batches collected into the driver JVM: `toArrowBatchRdd().collect()`", arrow_collect
    ),
    "dataset": Way("**`DatamintTorchDataset`** (this package), iterated in the loop's process", torch_dataset),
    "dataset-cached": Way(
        "`DatamintTorchDataset(cache=True)`, epochs after the first (the DataFrame persisted)", torch_dataset_cached
    ),
    "dataset-workers": Way("`DatamintTorchDataset` in a `DataLoader`, 2 worker processes", torch_dataloader_workers),
    "partitions-2": Way("`PartitionSource`, 2 partitions requested at once (2 threads)", partitions_concurrent),
    "to-arrow": Way("`df.toArrow()` on the driver, then `datamint_spark.tensors` views", to_arrow),
    "collect": Way("`df.collect()`, `np.frombuffer` per tensor", collect),
    "local-iterator": Way("`df.toLocalIterator()`, `np.frombuffer` per tensor", local_iterator),
    "parquet": Way("Parquet, Petastorm's way: `df.write.parquet`, then `pyarrow.parquet` (first epoch)", parquet),
    "parquet-read": Way("Parquet already written: `pyarrow.parquet` alone (later epochs)", parquet_read),
}


# --- one way in one process ----------------------------------------------------------------------------------------


def session(app: str) -> SparkSession:
    builder = (
        SparkSession.builder.master("local[2]")
        .appName(app)
        .config("spark.driver.memory", "4g")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
    )
    spark = datamint_spark.configure(builder).getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _jvm_peak_rss_mb(spark: SparkSession) -> float | None:
    """The Spark JVM's peak resident set (VmHWM), when this process started it."""
    proc: Any = getattr(spark.sparkContext._gateway, "proc", None)
    if proc is None:
        return None
    try:
        status = Path(f"/proc/{proc.pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 1e3 if match else None


def run_way(way: str, project: str, repeats: int, work: Path) -> dict[str, Any]:
    """Runs one way: a warm-up pass, then ``repeats`` timed passes; its figures as a JSON-able dict."""
    spark = session(f"datamint-bench-python-{way}")
    try:
        df = slices(spark, project)
        run = WAYS[way].run
        run(df, work)  # warm-up: JIT, the page cache, and for parquet-read the files to read
        passes: list[Pass] = []
        for _ in range(repeats):
            started = time.perf_counter()
            result = run(df, work)
            result.seconds = time.perf_counter() - started
            passes.append(result)
        if len({(p.rows, p.bytes) for p in passes}) != 1:
            raise AssertionError(f"{way}: the passes delivered different data: {passes}")
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return {
            "way": way,
            "rows": passes[0].rows,
            "bytes": passes[0].bytes,
            "seconds": [p.seconds for p in passes],
            "write_seconds": [p.write_seconds for p in passes],
            "python_peak_rss_mb": own / 1e3,
            "worker_peak_rss_mb": workers / 1e3,
            "jvm_peak_rss_mb": _jvm_peak_rss_mb(spark),
            "partitions": df.rdd.getNumPartitions(),
            "java": str(spark.sparkContext._jvm.System.getProperty("java.version")),  # type: ignore[union-attr]
            "spark": spark.version,
        }
    finally:
        spark.stop()


# --- all of them, and the report -----------------------------------------------------------------------------------


def merge(results: dict[str, dict[str, Any]], result: dict[str, Any]) -> None:
    """Adds one process's figures for a way to ``results``: the seconds pooled, the peaks the larger."""
    merged = results.setdefault(result["way"], result)
    if merged is result:
        return
    if (merged["rows"], merged["bytes"]) != (result["rows"], result["bytes"]):
        raise AssertionError(f"{result['way']}: the rounds delivered different data")
    for key in ("seconds", "write_seconds"):
        merged[key] = merged[key] + result[key]
    for key in ("python_peak_rss_mb", "worker_peak_rss_mb", "jvm_peak_rss_mb"):
        known = [v for v in (merged[key], result[key]) if v is not None]
        merged[key] = max(known) if known else None


def _child(*args: str) -> str:
    """Runs this script with ``args`` in a new Python process; its stdout."""
    env = dict(os.environ)
    env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    env["PYSPARK_PYTHON"] = sys.executable
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return done.stdout


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def render(results: list[dict[str, Any]], meta: dict[str, Any]) -> str:
    """The "Python delivery" section of BENCHMARKS.md."""
    by_way = {r["way"]: r for r in results}
    ceiling_result = by_way.get("ceiling")
    for r in results:
        if r["rows"] < 0 and ceiling_result is not None:
            r["rows"], r["bytes"] = ceiling_result["rows"], ceiling_result["bytes"]
    reference = statistics.median(ceiling_result["seconds"]) if ceiling_result else None
    first = results[0]
    lines = [
        SECTION,
        "",
        f"Written by `bin/datamint-bench-python` on {meta['date']}: {meta['cores']} cores ({meta['cpu']}), "
        f"Java {first['java']}, Spark {first['spark']} (`local[2]`, driver memory 4g), Python {meta['python']}, "
        f"torch {meta['torch']}, pyarrow {meta['pyarrow']}; load average (1 / 5 / 15 min) "
        f"{meta['load_before']} before, {meta['load_after']} after, on a machine shared with other work.",
        "",
        f"The data: the axial CT slices of {meta['copies']} copies of the sample project's five CT volumes "
        f"({first['rows'] if first['rows'] >= 0 else '?'} rows in {first['partitions']} partitions, "
        f"`target_partition_rows=128`), each row an `image` (int16 or float64, up to 64 x 64) and its semantic "
        "`segmentations` (7 float32 channels, merged by union), decoded from NIfTI and DICOM files in the page cache "
        "by every pass: the read of `examples/python/train_segmentation.py`. Each way runs in its own Python process "
        f"with its own Spark session: one warm-up pass, then {meta['repeats']} timed passes, "
        f"{_rounds(meta['rounds'])}; seconds are the median of all timed passes (min-max beside it). The loop "
        "receives one torch tensor per column and row and reads its shape, not its pixels. MB are 10^6 bytes of "
        "tensor data (image and mask); peak RSS is the Python process's (with its "
        "DataLoader workers, the larger) and the Spark JVM's, over the whole process. The last column is the way's "
        "median time over the ceiling's: the issue's goal for this package's path is at most 1.3.",
        "",
        "| way | rows | seconds (min-max) | rows/s | tensors/s | MB/s | Python peak RSS MB | JVM peak RSS MB "
        "| x ceiling |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        seconds = statistics.median(r["seconds"])
        rows = r["rows"]
        python_rss = max(r["python_peak_rss_mb"], r["worker_peak_rss_mb"])
        jvm = f"{r['jvm_peak_rss_mb']:,.0f}" if r["jvm_peak_rss_mb"] is not None else "-"
        ratio = f"{seconds / reference:.2f}" if reference else "-"
        spread = f"{seconds:.2f} ({min(r['seconds']):.2f}-{max(r['seconds']):.2f})"
        if r["way"] == "parquet":
            spread += f", of which writing {statistics.median(r['write_seconds']):.2f}"
        lines.append(
            f"| {WAYS[r['way']].label} | {rows:,} | {spread} | {rows / seconds:,.0f} "
            f"| {len(TENSORS) * rows / seconds:,.0f} | {r['bytes'] / 1e6 / seconds:,.1f} | {python_rss:,.0f} | {jvm} "
            f"| {ratio} |"
        )
    lines.append("")
    if reference:
        lines += [_reading(by_way, reference), ""]
    return "\n".join(lines)


def _reading(by_way: dict[str, dict[str, Any]], reference: float) -> str:
    """What the table says, from its own figures."""

    def ratio(way: str) -> float:
        return float(statistics.median(by_way[way]["seconds"])) / reference

    def rss(way: str) -> float:
        return float(max(by_way[way]["python_peak_rss_mb"], by_way[way]["worker_peak_rss_mb"]))

    said: list[str] = []
    if "dataset" in by_way:
        r = ratio("dataset")
        verdict = "within" if r <= 1.3 else "short of"
        said.append(f"This package's path took {r:.2f}x the ceiling's time, {verdict} the goal of 1.3x.")
        names = {
            "to-arrow": "`toArrow()`",
            "collect": "`collect()`",
            "local-iterator": "`toLocalIterator()`",
            "parquet": "Parquet's first epoch",
        }
        faster = [f"{name} ({ratio(way):.2f}x)" for way, name in names.items() if way in by_way and ratio(way) < r]
        if faster:
            said.append(
                f"Faster than it in this run: {', '.join(faster)}; what it has over them is memory that does not "
                "grow with the data (below) and, beside Parquet, no copy of the data set on disk."
            )
        elif any(way in by_way for way in names):
            said.append("No other way got the tensors into the loop faster in this run.")
    if "ceiling-arrow" in by_way and "arrow-collect" in by_way:
        said.append(
            f"Encoding the rows as Arrow batches on the Java side alone takes {ratio('ceiling-arrow'):.2f}x, and "
            f"collecting the batches into the driver JVM {ratio('arrow-collect'):.2f}x: every Arrow path the driver "
            "serves (Spark's `toArrow()`, this package's partition server) pays both before Python gets a byte. The "
            "rest of this package's time is its partition server's one partition per request (one Spark job, so one "
            "executor core, at a time) and the socket."
        )
    if "dataset" in by_way and "collect" in by_way and "to-arrow" in by_way:
        total = by_way["dataset"]["bytes"] / 1e6
        said.append(
            f"Its Python process peaked at {rss('dataset'):,.0f} MB, against {rss('collect'):,.0f} MB for "
            f"`collect()` and {rss('to-arrow'):,.0f} MB for `toArrow()`, which hold all {total:,.0f} MB of tensors at "
            "once and grow with the data; this path holds a partition or two."
        )
    if "parquet-read" in by_way and "dataset-cached" in by_way:
        said.append(
            f"Parquet's later epochs ({ratio('parquet-read'):.2f}x) are faster than the ceiling because they read "
            "tensors decoded once, in the first epoch; `cache=True` is this package's way of not decoding again "
            f"({ratio('dataset-cached'):.2f}x: it still pays the Arrow encoding and the driver hop)."
        )
    return " ".join(said)


def _rounds(rounds: int) -> str:
    if rounds == 1:
        return "the ways one after the other"
    return f"the whole list of ways {rounds} times over (rounds), so that they share the changing load"


def write_section(out: Path, section: str) -> None:
    """Puts ``section`` into ``out`` in place of its "Python delivery" section (or at the end)."""
    text = out.read_text(encoding="utf-8") if out.exists() else "# Benchmarks\n"
    start = text.find(SECTION + "\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(SECTION))
        rest = text[end + 1 :] if end >= 0 else ""
        text = text[:start] + section.rstrip("\n") + "\n" + ("\n" + rest if rest else "")
    out.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Tensors delivered per second into a Python training loop.")
    parser.add_argument("--copies", type=int, default=40, help="copies of the sample project's CT volumes (40)")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes per way (3)")
    parser.add_argument("--rounds", type=int, default=1, help="runs of the whole list of ways (1)")
    parser.add_argument("--ways", default=",".join(WAYS), help=f"comma-separated, of {', '.join(WAYS)}")
    parser.add_argument("--out", help="write the section into this Markdown file (e.g. BENCHMARKS.md)")
    parser.add_argument("--project", help="an existing benchmark project (default: write one)")
    parser.add_argument("--from-log", help="render the section from an earlier run's stderr instead of running")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    parser.add_argument("--make-project", help=argparse.SUPPRESS)
    args = parser.parse_args(argv[1:])

    if args.make_project:
        spark = session("datamint-bench-python-project")
        try:
            write_project(spark, Path(args.make_project), args.copies)
        finally:
            spark.stop()
        return 0
    if args.from_log:
        # the figures of an earlier run, from its stderr (the "  {...}" result lines and the "META {...}" line)
        logged: dict[str, dict[str, Any]] = {}
        meta_line: dict[str, Any] = {}
        for line in Path(args.from_log).read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("  {"):
                merge(logged, json.loads(line))
            elif line.startswith("META "):
                meta_line = json.loads(line[len("META ") :])
        section = render(list(logged.values()), meta_line)
        print(section)
        if args.out:
            write_section(Path(args.out), section)
        return 0
    if args.child:
        result = run_way(args.child, args.project, args.repeats, Path(args.work))
        print("RESULT " + json.dumps(result), flush=True)
        return 0

    ways = [w for w in args.ways.split(",") if w]
    unknown = [w for w in ways if w not in WAYS]
    if unknown:
        parser.error(f"unknown ways {unknown}; the ways are {', '.join(WAYS)}")
    scratch = Path(tempfile.mkdtemp(prefix="datamint-bench-python-"))
    try:
        project = args.project
        if project is None:
            project = str(scratch / "project")
            print(f"writing {args.copies} copies of the sample project's CT volumes to {project}", file=sys.stderr)
            _child("--make-project", project, "--copies", str(args.copies))
        load_before = _load()
        results: dict[str, dict[str, Any]] = {}
        for round_ in range(args.rounds):
            for way in ways:
                work = scratch / way
                work.mkdir()
                print(f"round {round_ + 1}: {way} ... (load {_load()})", file=sys.stderr, flush=True)
                output = _child(
                    "--child", way, "--project", project, "--repeats", str(args.repeats), "--work", str(work)
                )
                line = next(line for line in output.splitlines() if line.startswith("RESULT "))
                result = json.loads(line[len("RESULT ") :])
                print(f"  {json.dumps(result)}", file=sys.stderr, flush=True)
                shutil.rmtree(work, ignore_errors=True)
                merge(results, result)
        meta = {
            "date": dt.date.today().isoformat(),
            "cores": os.cpu_count(),
            "cpu": _cpu(),
            "python": platform.python_version(),
            "torch": torch.__version__,
            "pyarrow": _pyarrow_version(),
            "copies": args.copies,
            "repeats": args.repeats,
            "rounds": args.rounds,
            "load_before": load_before,
            "load_after": _load(),
        }
        print(f"META {json.dumps(meta)}", file=sys.stderr)
        section = render(list(results.values()), meta)
        print(section)
        if args.out:
            write_section(Path(args.out), section)
            print(f"wrote the {SECTION[3:]!r} section of {args.out}", file=sys.stderr)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


def _pyarrow_version() -> str:
    import pyarrow

    return str(pyarrow.__version__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
