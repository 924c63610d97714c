"""Read a Datamint project mirror with PySpark and report on it, without touching a pixel.

mvn -q package -DskipTests
bin/datamint-sample /tmp/sample-project
spark-submit --jars target/datamint-spark_2.13-0.1.0-SNAPSHOT-all.jar \\
    examples/python/quickstart.py /tmp/sample-project
"""

import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F


def main(path: str) -> None:
    spark = (
        SparkSession.builder.appName("datamint-quickstart")
        # the connector's optimizer rule: array_contains(tags, ...) then narrows the scan (see the end)
        .config("spark.sql.extensions", "io.datamint.spark.DatamintSparkSessionExtensions")
        .getOrCreate()
    )
    resources = spark.read.format("datamint").load(path)
    resources.printSchema()

    resources.groupBy("modality", "resource_kind").count().orderBy("modality").show(truncate=False)

    (resources.select(F.explode("tags").alias("tag")).groupBy("tag").count().orderBy("tag").show(truncate=False))

    labels = (
        resources.select("resource_id", F.explode("annotations").alias("a"))
        .where(F.col("a.annotation_type") == "label")
        .groupBy("a.identifier", "a.created_by")
        .count()
    )
    labels.orderBy("identifier").show(truncate=False)

    # Pushed into the scan by the session extensions: only chest resources are planned (PushedTags=[chest]).
    resources.where(F.array_contains("tags", "chest")).select("resource_id", "filename").explain()
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1])
