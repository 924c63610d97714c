"""The test environment itself: what the other tests take for granted."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyspark
from pyspark.sql import SparkSession

from datamint_spark._jar import jar_path


def test_torch_and_numpy_are_debians_cpu_build() -> None:
    import torch

    assert np.__version__.startswith("1.")
    assert not torch.cuda.is_available()
    assert torch.distributed.is_available() and torch.distributed.is_gloo_available()
    assert torch.from_numpy(np.arange(3)).tolist() == [0, 1, 2]


def test_the_jar_is_the_packaged_self_contained_one() -> None:
    jar = Path(jar_path())
    assert jar.is_file()
    assert jar.name.startswith("datamint-spark_2.13-") and jar.name.endswith("-all.jar")


def test_a_local_session_hands_results_over_as_arrow(spark: SparkSession) -> None:
    table = spark.range(3).toArrow()
    assert isinstance(table, pa.Table)
    assert table.column("id").to_pylist() == [0, 1, 2]
    assert spark.version == pyspark.__version__


def test_the_sample_project_is_a_mirror(sample_project: str) -> None:
    project = json.loads((Path(sample_project) / "project.json").read_text(encoding="utf-8"))
    assert project["name"] == "sample-ct-xray-us"
    assert (Path(sample_project) / "resources.jsonl").is_file()
