"""Reading with the SDK's keyword arguments: the mapping to connector options and what the reads return."""

from __future__ import annotations

import collections
import datetime as dt
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

import datamint_spark as ds
from datamint_spark.reader import option_value, options_from_kwargs

KNOWN = ["project", "path", "tags", "include_annotators", "return_segmentations", "seed", "split", "as_of_timestamp"]


def test_values_become_option_strings() -> None:
    assert option_value("x", True) == "true"
    assert option_value("x", False) == "false"
    assert option_value("x", 7) == "7"
    assert option_value("x", 0.25) == "0.25"
    assert option_value("x", ["a@b.c", "d,e"]) == json.dumps(["a@b.c", "d,e"])
    assert option_value("x", ("a",)) == '["a"]'
    assert option_value("x", {"train": 0.7, "test": 0.3}) == "train=0.7,test=0.3"
    assert option_value("x", dt.datetime(2026, 1, 2, 3, 4, 5)) == "2026-01-02T03:04:05"
    with pytest.raises(TypeError, match=r"x: cannot pass a object"):
        option_value("x", object())


def test_kwargs_map_to_options_and_none_means_default() -> None:
    options = options_from_kwargs(
        KNOWN, {"project": "p", "tags": ["chest"], "return_segmentations": True, "seed": None}
    )
    assert options == {"project": "p", "tags": '["chest"]', "return_segmentations": "true"}


def test_unknown_keyword_names_itself_and_the_accepted_ones() -> None:
    with pytest.raises(TypeError, match=r"unknown keyword argument 'retrun_segmentations'.*include_annotators"):
        options_from_kwargs(KNOWN, {"retrun_segmentations": True})


def test_sdk_arguments_without_a_spark_meaning() -> None:
    assert options_from_kwargs(KNOWN, {"auto_update": True}) == {}
    with pytest.raises(TypeError, match=r"resources.*resource_id"):
        options_from_kwargs(KNOWN, {"resources": ["r1"]})
    with pytest.raises(TypeError, match=r"alb_transform.*transform="):
        options_from_kwargs(KNOWN, {"alb_transform": object()})


def test_read_returns_the_connectors_dataframe(spark: SparkSession, sample_project: str) -> None:
    df = ds.read(spark, path=sample_project)
    direct = spark.read.format("datamint").load(sample_project)
    assert df.schema == direct.schema
    assert sorted(r[0] for r in df.select("resource_id").collect()) == sorted(
        r[0] for r in direct.select("resource_id").collect()
    )


def test_unknown_keyword_fails_before_any_read(spark: SparkSession, sample_project: str) -> None:
    with pytest.raises(TypeError, match=r"unknown keyword argument 'include_annotator'"):
        ds.read(spark, path=sample_project, include_annotator=["alice@example.com"])


def test_a_bad_value_fails_in_the_connector_naming_option_and_value(spark: SparkSession, sample_project: str) -> None:
    with pytest.raises(Exception, match=r"semantic_seg_merge_strategy.*sometimes"):
        ds.read(
            spark,
            path=sample_project,
            return_segmentations=True,
            return_as_semantic_segmentation=True,
            semantic_seg_merge_strategy="sometimes",
        )


def test_list_keywords_select_like_the_sdk(spark: SparkSession, sample_project: str) -> None:
    every = ds.read(spark, path=sample_project, return_segmentations=True)
    alice = ds.read(spark, path=sample_project, return_segmentations=True, include_annotators=["alice@example.com"])
    authors_every = {k for r in every.select(F.map_keys("segmentations")).collect() for k in (r[0] or [])}
    authors_alice = {k for r in alice.select(F.map_keys("segmentations")).collect() for k in (r[0] or [])}
    assert {"alice@example.com", "bob@example.com"} <= authors_every
    # as in the SDK, annotations without a created_by (a model's) are never filtered by annotator
    assert "alice@example.com" in authors_alice and "bob@example.com" not in authors_alice


def test_dataset_classes_choose_the_sdk_class(spark: SparkSession, sample_project: str) -> None:
    volume = ds.VolumeDataset(spark=spark, path=sample_project)
    assert volume.options["dataset"] == "volume"
    sliced = volume.slice("axial")
    assert sliced.options["slice"] == "axial" and sliced.options["dataset"] == "volume"
    rows = (
        sliced.dataframe()
        .where(F.col("slice_index").isNotNull())
        .select("resource_id", "slice_index", "image.shape")
        .collect()
    )
    volumes = volume.dataframe().where(F.col("_error").isNull()).select("resource_id", "image.shape").collect()
    depth = {r[0]: r[1][1] for r in volumes}
    per_resource = collections.Counter(r[0] for r in rows)
    assert per_resource and all(per_resource[rid] == depth[rid] for rid in per_resource)
    assert all(sorted(r[1] for r in rows if r[0] == rid) == list(range(n)) for rid, n in per_resource.items())
    assert all(len(r[2]) == 3 for r in rows)  # (C, H, W)

    frames = ds.VideoDataset(spark=spark, path=sample_project).frame_by_frame()
    assert frames.options["frame_by_frame"] == "true"
    assert frames.dataframe().where(F.col("frame_index").isNotNull()).count() > 0
    assert "dataset=volume" not in repr(ds.ImageDataset(spark=spark, path=sample_project))


def test_filter_is_the_sdks(spark: SparkSession, sample_project: str) -> None:
    base = ds.DatamintDataset(spark=spark, path=sample_project)
    with pytest.raises(ValueError, match=r"At least one filter criterion"):
        base.filter()
    chest = base.filter(tags=["chest"])
    assert chest.options["tags"] == '["chest"]'
    tags = [r[0] for r in chest.dataframe().select("tags").collect()]
    assert tags and all("chest" in t for t in tags)
    assert len(chest) < len(base)
    with pytest.raises(ValueError, match=r"already filtered by tags"):
        chest.filter(tags=["x"])
    annotated = chest.filter(has_annotations=True)
    assert 0 < len(annotated) <= len(chest)


def test_split_keeps_every_row_of_a_resource_in_one_split(spark: SparkSession, sample_project: str) -> None:
    parts = ds.VolumeDataset(spark=spark, path=sample_project).slice("axial").split(train=0.5, test=0.5, seed=42)
    assert list(parts) == ["train", "test"]
    train = {r[0] for r in parts["train"].dataframe().select("resource_id").collect()}
    test = {r[0] for r in parts["test"].dataframe().select("resource_id").collect()}
    assert train and test and not train & test
    assert parts["train"].split_name == "train"
    again = ds.VolumeDataset(spark=spark, path=sample_project).slice("axial").split(train=0.5, test=0.5, seed=42)
    assert {r[0] for r in again["train"].dataframe().select("resource_id").collect()} == train
    with pytest.raises(ValueError, match=r"requires ratios"):
        ds.DatamintDataset(spark=spark, path=sample_project).split()


def test_a_saved_split_is_replayed_by_project_splits(spark: SparkSession, sample_project: str, tmp_path: Path) -> None:
    mirror = shutil.copytree(sample_project, tmp_path / "mirror")
    dataset = ds.ImageDataset(spark=spark, path=str(mirror))
    local = dataset.split(train=0.6, val=0.4, seed=7)
    with pytest.raises(Exception, match=r"already has split assignments"):
        local.save()
    created = local.save(force=True, created_by="tester@example.com")
    replay = dataset.split(use_project_splits=True, as_of_timestamp=created)
    assert set(replay) >= {"train", "val"}
    for name in ("train", "val"):
        saved = {r[0] for r in local[name].dataframe().select("resource_id").collect()}
        replayed = {r[0] for r in replay[name].dataframe().select("resource_id").collect()}
        assert saved == replayed
    assert "tester@example.com" in (Path(mirror) / "splits.jsonl").read_text()


def test_no_active_session_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SparkSession, "getActiveSession", staticmethod(lambda: None))
    with pytest.raises(RuntimeError, match=r"no active Spark session"):
        ds.DatamintDataset(path="/nowhere")


def test_label_names_come_from_the_column_metadata(spark: SparkSession, sample_project: str) -> None:
    df = ds.read(spark, path=sample_project, return_segmentations=True)
    names = ds.label_names(df, "seg_labels")
    assert names[0] == "background" and "lung" in names
    assert ds.label_names(df, "segmentations") == names
    with pytest.raises(KeyError, match=r"'filename' has no label names; the label columns are .*seg_labels"):
        ds.label_names(df, "filename")


def test_boxes_and_trusted_sources_take_the_sdks_keywords(spark: SparkSession, sample_project: str) -> None:
    every = ds.read(spark, path=sample_project, return_boxes=True)
    trusted = ds.read(spark, path=sample_project, return_boxes=True, trusted_annotation_sources=["imported", "manual"])
    assert json.loads(every.schema["box_labels"].metadata["box_labels_set"]) == ["lesion", "opacity", "plaque"]

    def counts(df: DataFrame) -> dict[str, int]:  # resource id -> number of boxes
        return {r[0]: r[1] for r in df.select("resource_id", F.col("boxes.shape").getItem(0)).collect() if r[1]}

    every_counts, trusted_counts = counts(every), counts(trusted)
    # the sample's radiograph has two boxes, one of them a model's prediction (source model_pipeline)
    assert sorted(every_counts.values()) == [1, 1, 2]
    assert sorted(trusted_counts.values()) == [1, 1, 1]
    row = every.where(F.col("boxes.shape").getItem(0) == 2).select("boxes", "box_labels").first()
    assert row is not None
    boxes = np.frombuffer(row["boxes"]["data"], dtype="<f4").reshape(row["boxes"]["shape"])
    labels = np.frombuffer(row["box_labels"]["data"], dtype="<i8")
    assert row["boxes"]["dtype"] == "float32" and boxes.shape == (2, 4)
    assert boxes[0].tolist() == [30.0, 40.0, 58.0, 76.0]
    assert labels.tolist() == [1, 1]  # opacity


def test_split_passes_the_patient_id_strategy(spark: SparkSession, sample_project: str) -> None:
    parts = ds.ImageDataset(spark=spark, path=sample_project).split(
        train=0.5, test=0.5, seed=1, by_patient=True, none_patient_id_strategy="skip"
    )
    assert list(parts) == ["train", "test"]
    assert parts["train"].options["none_patient_id_strategy"] == "skip"
    assert parts["train"].options["by_patient"] == "true"
