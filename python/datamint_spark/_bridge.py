"""The connector's JVM side, reached through the driver's py4j gateway."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

_BRIDGE = "io.datamint.spark.python.PythonBridge"


class ConnectorNotLoadedError(RuntimeError):
    """The session's JVM does not have the datamint-spark connector on its class path."""


def bridge(spark: SparkSession) -> Any:
    """``io.datamint.spark.python.PythonBridge`` of ``spark``'s JVM.

    :raises ConnectorNotLoadedError: if the connector jar is not on the session's class path.
    """
    jvm = getattr(spark, "_jvm", None) or spark.sparkContext._jvm
    if jvm is None:
        raise ConnectorNotLoadedError(
            "this Spark session has no JVM gateway (Spark Connect?); the datamint_spark functions"
            " that call the connector need a classic PySpark session"
        )
    from py4j.java_gateway import JavaClass

    found = jvm
    for part in _BRIDGE.split("."):
        found = getattr(found, part)
    if not isinstance(found, JavaClass):
        from ._jar import jar_path

        try:
            hint = f" ({jar_path()})"
        except Exception:
            hint = ""
        raise ConnectorNotLoadedError(
            "the datamint-spark connector is not on this Spark session's class path: build the"
            " session with datamint_spark.configure(SparkSession.builder) or set spark.jars to the"
            f" connector's self-contained jar{hint} before the session starts"
        )
    return found
