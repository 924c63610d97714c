"""MLflow lineage from Python: the SDK's digest for the same dataset, logged to a file-store tracking URI."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from pyspark.sql import SparkSession

import datamint_spark as ds
from datamint_spark.lineage import MLFLOW_PACKAGE, DatasetLineage, dataset_lineage, log_mlflow_input

#: The SDK's own digests (datamint 2.45.0, build_mlflow_dataset() over bin/datamint-server serving the sample project
#: of seed 42) of ImageDataset(...).filter(filename_pattern="*.png"), and of its split(train=0.5, test=0.5, seed=7).
SDK_IMAGES = "2756cdf1"
SDK_TRAIN = "49d4ef77"
#: The SDK's default trusted sources (the connector's default keeps every source).
SDK_TRUSTED = ["imported", "manual"]


def images(spark: SparkSession, path: str) -> ds.DatamintDataset:
    return ds.ImageDataset(spark=spark, path=path, trusted_annotation_sources=SDK_TRUSTED).filter(
        filename_pattern="*.png"
    )


def test_a_dataset_and_its_split_have_the_sdks_digests(spark: SparkSession, sample_project: str) -> None:
    whole = images(spark, sample_project).lineage()
    assert whole.digest == SDK_IMAGES
    assert whole.split is None
    assert json.loads(whole.profile) == {"num_resources": 6, "most_common_storage_type": "ImageResource"}
    train = images(spark, sample_project).split(train=0.5, test=0.5, seed=7)["train"].lineage()
    assert (train.digest, train.split, train.num_resources) == (SDK_TRAIN, "train", 3)
    source = json.loads(train.source)
    assert source["split"] == "train"
    assert source["extra_params"]["split_source"] == "local"
    assert source["extra_params"]["trusted_annotation_sources"] == SDK_TRUSTED


def test_the_function_takes_the_reads_arguments(spark: SparkSession, sample_project: str) -> None:
    lineage = dataset_lineage(
        spark,
        path=sample_project,
        dataset="image",
        filename_pattern="*.png",
        trusted_annotation_sources=SDK_TRUSTED,
        split={"train": 0.5, "test": 0.5},
        seed=7,
        split_name="train",
    )
    assert lineage.digest == SDK_TRAIN
    with pytest.raises(Exception, match="not one of this read's splits: train, test"):
        dataset_lineage(spark, path=sample_project, split={"train": 0.5, "test": 0.5}, seed=7, split_name="val")


def test_log_mlflow_input_records_the_lineage_in_the_run(
    spark: SparkSession, sample_project: str, tmp_path: Path
) -> None:
    mlflow = pytest.importorskip("mlflow")
    from mlflow.tracking import MlflowClient

    lineage = images(spark, sample_project).split(train=0.5, test=0.5, seed=7)["train"].lineage()
    uri = (tmp_path / "mlruns").as_uri()
    mlflow.set_tracking_uri(uri)
    try:
        with mlflow.start_run() as run:
            log_mlflow_input(lineage, context="training", tags={"reader": "datamint-spark"})
        inputs = MlflowClient(tracking_uri=uri).get_run(run.info.run_id).inputs.dataset_inputs
    finally:
        mlflow.set_tracking_uri(None)
    assert len(inputs) == 1
    logged = inputs[0].dataset
    assert (logged.name, logged.digest, logged.source_type) == (lineage.name, SDK_TRAIN, "datamint")
    assert logged.source == lineage.source
    assert logged.profile == lineage.profile
    tags = {t.key: t.value for t in inputs[0].tags}
    assert tags["mlflow.data.context"] == "training"
    assert tags["reader"] == "datamint-spark"


def test_without_mlflow_the_error_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "mlflow.data.dataset", None)
    lineage = DatasetLineage("p", "01234567", "{}", "datamint", "{}", "id", None, 0, None)
    with pytest.raises(ImportError, match=f"pip install {MLFLOW_PACKAGE}"):
        log_mlflow_input(lineage)
