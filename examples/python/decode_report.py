"""Decode every resource of a Datamint project mirror with PySpark and print one line per row.

The Python twin of ``io.datamint.spark.examples.DecodeReport``: the same four reads (images and volumes as they
are, semantic masks merged across annotators, axial slices, video frames), and the same lines
``read|resource_id|index|resource_kind|dtype|shape|sha256|error``, except that the SHA-256 of each tensor's bytes is
computed here, in Python, from the bytes the rows carry. The deployment tests check that the two jobs print the
same lines on every supported Spark installation, started either way::

    spark-submit --jars target/datamint-spark_2.13-0.1.0-SNAPSHOT-all.jar examples/python/decode_report.py DIR
    python examples/python/decode_report.py DIR --jars target/datamint-spark_2.13-0.1.0-SNAPSHOT-all.jar

The second form is a plain Python process (a notebook, an IDE) that starts Spark itself with ``spark.jars``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

# name, read options, tensor column, index column (slice or frame), as in DecodeReport.java
READS: list[tuple[str, dict[str, str], str, str | None]] = [
    ("image", {}, "image", None),
    (
        "mask",
        {
            "return_as_semantic_segmentation": "true",
            "semantic_seg_merge_strategy": "union",
            "worklists": "none",
            "include_unannotated": "false",
        },
        "segmentations",
        None,
    ),
    ("slice", {"slice": "axial"}, "image", "slice_index"),
    ("frame", {"frame_by_frame": "true"}, "image", "frame_index"),
]


def _dash(value: object) -> str:
    return "-" if value is None else str(value)


def report(spark: SparkSession, path: str) -> list[str]:
    """The report's lines for the project mirror at ``path``."""
    lines: list[str] = []
    errors = 0
    for name, options, tensor, index in READS:
        df: DataFrame = spark.read.format("datamint").options(**options).load(path)
        idx = F.col(index).cast("string") if index else F.lit("-")
        rows = (
            df.select("resource_id", idx.alias("idx"), "resource_kind", F.col(tensor).alias("t"), "_error")
            .orderBy("resource_id", index or "resource_id")
            .collect()
        )
        for row in rows:
            t = row["t"]
            if t is None:
                dtype, shape, digest = "-", "-", "-"
            else:
                dtype = t["dtype"]
                shape = "(" + ",".join(str(d) for d in t["shape"]) + ")"
                digest = hashlib.sha256(bytes(t["data"])).hexdigest()
            if row["_error"] is not None:
                errors += 1
            lines.append(
                "|".join(
                    [
                        name,
                        row["resource_id"],
                        _dash(row["idx"]),
                        _dash(row["resource_kind"]),
                        dtype,
                        shape,
                        digest,
                        _dash(row["_error"]),
                    ]
                )
            )
    lines.append(f"summary|rows={len(lines)}|errors={errors}")
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Decode a Datamint project mirror and print one line per row.")
    parser.add_argument("project", help="the project mirror directory (or Hadoop URI)")
    parser.add_argument(
        "--jars",
        help="the connector jar, set as spark.jars when this process starts Spark "
        "itself (not needed under spark-submit --jars)",
    )
    args = parser.parse_args(argv[1:])
    builder = SparkSession.builder.appName("datamint-decode-report-py")
    if args.jars:
        builder = builder.master("local[2]").config("spark.jars", args.jars).config("spark.ui.enabled", "false")
    spark = builder.getOrCreate()
    try:
        for line in report(spark, args.project):
            print(line)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
