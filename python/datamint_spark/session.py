"""Spark sessions with the connector: its jar on the class path and its session extensions on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ._bridge import bridge
from ._jar import jar_path

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["EXTENSIONS", "configure", "sample_project", "session"]

#: The connector's ``SparkSessionExtensions`` (the pushdown of ``array_contains(tags, ...)``).
EXTENSIONS = "io.datamint.spark.DatamintSparkSessionExtensions"


def _append(existing: str | None, value: str) -> str:
    items = [item for item in (existing or "").split(",") if item]
    return ",".join(items if value in items else [*items, value])


def configure(builder: SparkSession.Builder, *, jar: str | None = None) -> SparkSession.Builder:
    """Adds the connector to a session builder: ``spark.jars`` (the self-contained jar this package
    carries, or ``jar``) and ``spark.sql.extensions``, each appended to what the builder has.

    Only a builder whose session is not running yet can take a jar: with an active session, stop it
    first or start Python with ``--jars``.
    """
    options = getattr(builder, "_options", {})
    builder.config("spark.jars", _append(options.get("spark.jars"), jar or str(jar_path())))
    builder.config("spark.sql.extensions", _append(options.get("spark.sql.extensions"), EXTENSIONS))
    return builder


def session(master: str = "local[*]", app_name: str = "datamint", **conf: str) -> SparkSession:
    """The active session, or a new one with the connector configured; ``conf`` is further Spark
    conf, e.g. ``session("local[2]", **{"spark.driver.memory": "4g"})``."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(master).appName(app_name)
    for key, value in conf.items():
        builder = builder.config(key, value)
    return configure(builder).getOrCreate()


def sample_project(spark: SparkSession, directory: str | Path, *, seed: int = 42) -> str:
    """Writes the connector's sample project (CT volumes, radiographs, ultrasound clips, two
    annotators, worklists, a split history) as a project mirror in ``directory``; returns its path,
    ready for ``read(spark, path=...)``."""
    path = str(Path(directory).resolve())
    bridge(spark).writeSampleProject(path, seed)
    return path
