"""The fixtures every test shares: one local Spark session with the connector, and the sample project.

bin/lib/python-tests.sh runs the suite with the datamint-spark wheel installed into a Spark installation's environment
(bin/lib/install-spark.sh), SPARK_HOME and PYSPARK_PYTHON set. By hand, from the repository root, with the package
installed into that environment (or DATAMINT_SPARK_JAR naming target/datamint-spark_2.13-<version>-all.jar):
    PYSPARK_PYTHON=<env>/bin/python <env>/bin/python -m pytest python/tests
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest
from pyspark.sql import SparkSession

from datamint_spark._jar import jar_path

#: The seed of the sample project (the generator's default): its ids and pixels are always the same.
SAMPLE_SEED = 42


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    """One SparkSession for the whole run: local[2], the connector's jar (datamint_spark._jar.jar_path()) and its
    session extensions, no UI, two shuffle partitions."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    # Python workers (mapInArrow, UDFs) of this environment, not the first python3 on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("datamint-spark-pytest")
        .config("spark.jars", jar_path())
        .config("spark.sql.extensions", "io.datamint.spark.DatamintSparkSessionExtensions")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def sample_project(spark: SparkSession, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The path of a sample project mirror (the connector's sample project: CT volumes, radiographs, ultrasound
    clips, two annotators, worklists, a split history), written once per run by the connector's Java generator."""
    directory = tmp_path_factory.mktemp("sample-project")
    jvm = spark._jvm
    assert jvm is not None
    jvm.io.datamint.spark.python.PythonBridge.writeSampleProject(str(directory), SAMPLE_SEED)
    return str(directory)
