"""The fixtures the conformance modules share (test_conformance.py, test_lineage_conformance.py): one local Spark
session with the connector for the whole run, and the SDK dumps bin/sdk-conformance made."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyspark.sql import SparkSession

from datamint_spark.session import configure


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    """local[2] with the connector's jar (``DATAMINT_SPARK_JAR``, else the package's), no UI, two shuffle
    partitions, 2 GB of driver memory."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.master("local[2]")
        .appName("datamint-sdk-conformance")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "2g")
    )
    session = configure(builder, jar=os.environ.get("DATAMINT_SPARK_JAR")).getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def dump_dirs() -> list[Path]:
    """The SDK dumps to compare with (one per SDK version and mirror), ``os.pathsep``-separated in
    ``DATAMINT_CONFORMANCE_DUMPS``; each names the mirror it was made over (``server.json``)."""
    value = os.environ.get("DATAMINT_CONFORMANCE_DUMPS")
    if not value:
        pytest.fail("DATAMINT_CONFORMANCE_DUMPS is not set: run the suite through bin/sdk-conformance")
    return [Path(p) for p in value.split(os.pathsep) if p]
