"""The PyTorch pipeline: partitions streamed into DataLoader workers and ranks, each row once per epoch."""

from __future__ import annotations

import collections
import os
import pickle
import types
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from torch.utils.data import DataLoader

import datamint_spark as ds
from datamint_spark.partitions import ArrowPartitions, PartitionError, PartitionSource
from datamint_spark.torch_data import DatamintTorchDataset, RowDecodeError, collate, shard_partitions


@pytest.fixture(scope="module")
def slices(spark: SparkSession, sample_project: str) -> Iterator[DataFrame]:
    """Axial CT slices with their semantic masks, in several partitions."""
    df = ds.read(
        spark,
        path=sample_project,
        dataset="volume",
        slice="axial",
        target_partition_rows=16,
        return_segmentations=True,
        return_as_semantic_segmentation=True,
        semantic_seg_merge_strategy="union",
    )
    # the sliced read passes 2D images and videos through unsliced: keep the CT slices
    yield df.where(F.col("slice_index").isNotNull()).select(
        "resource_id", "slice_index", "image", "segmentations", "split", "_error"
    )


def keys(rows: list[dict[str, Any]]) -> collections.Counter[tuple[str, int]]:
    return collections.Counter((str(r["resource_id"]), int(r["slice_index"])) for r in rows)


def expected_keys(df: DataFrame) -> collections.Counter[tuple[str, int]]:
    return collections.Counter((r[0], r[1]) for r in df.select("resource_id", "slice_index").collect())


def test_shards_cover_every_partition_once() -> None:
    for shuffle in (False, True):
        shards = [shard_partitions(11, shard=s, num_shards=4, shuffle=shuffle, seed=5) for s in range(4)]
        assert sorted(p for shard in shards for p in shard) == list(range(11))
    epochs = [shard_partitions(11, shard=0, num_shards=1, shuffle=True, seed=1, epoch=e) for e in range(3)]
    assert len({tuple(e) for e in epochs}) == 3
    assert epochs[0] == shard_partitions(11, shard=0, num_shards=1, shuffle=True, seed=1, epoch=0)
    with pytest.raises(ValueError, match=r"shard 2 is not in 0..1"):
        shard_partitions(3, shard=2, num_shards=2)


def test_rows_are_dicts_of_tensors_sharing_arrow_memory(slices: DataFrame) -> None:
    dataset = DatamintTorchDataset(slices)
    try:
        assert dataset.source.num_partitions > 1
        rows = list(dataset)
        assert keys(rows) == expected_keys(slices)
        row = rows[0]
        assert isinstance(row["image"], torch.Tensor) and row["image"].dim() == 3
        assert isinstance(row["segmentations"], torch.Tensor)
        assert row["segmentations"].shape[1:] == row["image"].shape[1:]
        assert "_error" not in row
    finally:
        dataset.close()


def test_numpy_rows_are_views_unless_writable(slices: DataFrame) -> None:
    views = DatamintTorchDataset(slices, tensors="numpy", columns=["image"])
    copies = DatamintTorchDataset(slices, tensors="numpy-writable", columns=["image"])
    try:
        view = next(iter(views))["image"]
        copy = next(iter(copies))["image"]
        assert isinstance(view, np.ndarray) and not view.flags.writeable
        assert isinstance(copy, np.ndarray) and copy.flags.writeable
        np.testing.assert_array_equal(view, copy)
    finally:
        views.close()
        copies.close()


@pytest.mark.parametrize("workers", [0, 2])
def test_dataloader_workers_see_each_row_once_per_epoch(slices: DataFrame, workers: int) -> None:
    dataset = DatamintTorchDataset(slices, shuffle=True, seed=11)
    try:
        loader = DataLoader(dataset, batch_size=4, num_workers=workers, collate_fn=collate)
        for epoch in range(2):
            dataset.set_epoch(epoch)
            seen: collections.Counter[tuple[str, int]] = collections.Counter()
            for batch in loader:
                seen.update(zip(batch["resource_id"], (int(i) for i in batch["slice_index"]), strict=True))
            assert seen == expected_keys(slices)
    finally:
        dataset.close()


def test_shuffle_is_seeded_and_changes_with_the_epoch(slices: DataFrame) -> None:
    def order(seed: int, epoch: int) -> list[tuple[str, int]]:
        dataset = DatamintTorchDataset(slices, shuffle=True, seed=seed, columns=["resource_id", "slice_index"])
        try:
            dataset.set_epoch(epoch)
            return [(str(r["resource_id"]), int(r["slice_index"])) for r in dataset]
        finally:
            dataset.close()

    first = order(3, 0)
    assert first == order(3, 0)
    assert first != order(3, 1)
    assert sorted(first) == sorted(order(3, 1))
    unshuffled = DatamintTorchDataset(slices, columns=["resource_id", "slice_index"])
    try:
        plain = [(str(r["resource_id"]), int(r["slice_index"])) for r in unshuffled]
    finally:
        unshuffled.close()
    assert first != plain


def test_ranks_split_the_partitions(slices: DataFrame) -> None:
    with ArrowPartitions(slices) as partitions:
        per_rank = []
        for rank in range(2):
            dataset = DatamintTorchDataset(
                partitions.source, rank=rank, world_size=2, columns=["resource_id", "slice_index"]
            )
            per_rank.append(keys(list(dataset)))
        assert per_rank[0] and per_rank[1]
        assert not set(per_rank[0]) & set(per_rank[1])
        assert per_rank[0] + per_rank[1] == expected_keys(slices)


def _rank_main(rank: int, source: PartitionSource, init_file: str, out_dir: str) -> None:
    dist.init_process_group("gloo", init_method=f"file://{init_file}", rank=rank, world_size=2)
    try:
        dataset = DatamintTorchDataset(source, shuffle=True, seed=1, columns=["resource_id", "slice_index"])
        loader = DataLoader(dataset, batch_size=3, num_workers=2, collate_fn=collate)
        seen = [(r, int(i)) for b in loader for r, i in zip(b["resource_id"], b["slice_index"], strict=True)]
        with open(os.path.join(out_dir, f"rank{rank}.pkl"), "wb") as out:
            pickle.dump(seen, out)
        dist.barrier()
    finally:
        dist.destroy_process_group()


def test_two_distributed_ranks_with_two_workers_each(slices: DataFrame, tmp_path: Any) -> None:
    with ArrowPartitions(slices) as partitions:
        mp.start_processes(
            _rank_main,
            args=(partitions.source, str(tmp_path / "init"), str(tmp_path)),
            nprocs=2,
            join=True,
            start_method="spawn",
        )
    seen: collections.Counter[tuple[str, int]] = collections.Counter()
    for rank in range(2):
        with open(tmp_path / f"rank{rank}.pkl", "rb") as f:
            part = pickle.load(f)
        assert part
        seen.update(part)
    assert seen == expected_keys(slices)


def test_collate_stacks_equal_shapes_and_lists_the_rest() -> None:
    rows = [
        {"image": torch.zeros(1, 2, 2), "masks": {"a": torch.ones(1)}, "id": "x", "ragged": torch.zeros(2)},
        {"image": torch.ones(1, 2, 2), "masks": {}, "id": "y", "ragged": torch.zeros(3)},
    ]
    batch = collate(rows)
    assert batch["image"].shape == (2, 1, 2, 2)
    assert batch["masks"] == [rows[0]["masks"], rows[1]["masks"]]
    assert batch["id"] == ["x", "y"]
    assert isinstance(batch["ragged"], list)
    assert collate([]) == {}


def test_rows_with_errors_raise_or_are_skipped(spark: SparkSession, sample_project: str) -> None:
    # An ImageDataset refuses multi-frame resources, as the SDK's does: those rows carry an _error.
    df = ds.ImageDataset(spark=spark, path=sample_project).dataframe().select("resource_id", "image", "_error")
    # (collected with the image: a query that reads no pixels decodes nothing, so it has no _error)
    failed = {r[0] for r in df.collect() if r["_error"] is not None}
    assert failed
    strict = DatamintTorchDataset(df)
    lenient = DatamintTorchDataset(df, errors="skip")
    try:
        with pytest.raises(RowDecodeError, match=r"resource .*: "):
            list(strict)
        kept = {str(r["resource_id"]) for r in lenient}
        assert kept and not kept & failed
        assert len(kept) + len(failed) == df.count()
    finally:
        strict.close()
        lenient.close()


def test_a_failing_partition_is_a_clear_error(spark: SparkSession, sample_project: str) -> None:
    df = ds.ImageDataset(spark=spark, path=sample_project, mode="FAILFAST").dataframe().select("image")
    with ArrowPartitions(df) as partitions:
        with pytest.raises(PartitionError, match=r"partition 0 failed: .*"):
            list(partitions.source.batches(0))
        # the connection stays usable after a reported failure
        with pytest.raises(PartitionError, match=r"partition 0 failed"):
            list(partitions.source.batches(0))
        with pytest.raises(IndexError, match=r"no partition 99"):
            list(partitions.source.batches(99))


def test_a_wrong_secret_is_refused(slices: DataFrame) -> None:
    with ArrowPartitions(slices) as partitions:
        forged = PartitionSource(
            host=partitions.source.host,
            port=partitions.source.port,
            secret="0" * 64,
            num_partitions=partitions.source.num_partitions,
            schema=partitions.source.schema,
        )
        with pytest.raises(PartitionError):
            list(forged.batches(0))


def test_the_source_pickles_small(slices: DataFrame) -> None:
    with ArrowPartitions(slices) as partitions:
        blob = pickle.dumps(partitions.source)
        assert len(blob) < 20_000
        assert pickle.loads(blob) == partitions.source
    dataset = DatamintTorchDataset(slices)
    try:
        copy = pickle.loads(pickle.dumps(dataset))
        assert copy.source == dataset.source
    finally:
        dataset.close()


def test_get_dataloader_like_the_sdk(slices: DataFrame) -> None:
    loader = ds.get_dataloader(
        slices.where(F.col("resource_id").isNotNull()), batch_size=5, columns=["resource_id", "image"]
    )
    batch = next(iter(loader))
    assert len(batch["resource_id"]) == 5
    assert isinstance(batch["image"], (torch.Tensor, list))
    dataset = loader.dataset
    assert isinstance(dataset, DatamintTorchDataset)
    dataset.close()


def test_prefetch_reads_several_partitions_at_once_in_order(slices: DataFrame) -> None:
    from datamint_spark import partitions as partitions_module

    in_order: list[list[tuple[str, int]]] = []
    for prefetch in (0, 1, 3):
        with DatamintTorchDataset(slices, columns=["resource_id", "slice_index"], prefetch=prefetch) as dataset:
            assert dataset.source.num_partitions >= 4
            seen = [(str(r["resource_id"]), int(r["slice_index"])) for r in dataset]
            in_order.append(seen)
            # the readers' connections are closed when they end: none is left behind
            address = (dataset.source.host, dataset.source.port, dataset.source.secret)
            readers = [k for k in partitions_module._connections if k[2:] == address]
            assert len(readers) <= 1  # at most this thread's own (prefetch=0)
    assert in_order[0] == in_order[1] == in_order[2]
    assert collections.Counter(in_order[0]) == expected_keys(slices)


def test_prefetch_stops_early_and_reports_a_failure_in_order(
    spark: SparkSession, sample_project: str, slices: DataFrame
) -> None:
    failing = (
        ds.read(spark, path=sample_project, mode="FAILFAST", target_partition_rows=2)
        .where(F.col("resource_id").isNotNull())
        .select("resource_id", F.when(F.col("filename").endswith(".mp4"), F.raise_error(F.lit("boom"))).alias("x"))
    )
    with DatamintTorchDataset(failing, prefetch=3) as dataset, pytest.raises(PartitionError, match="boom"):
        list(dataset)
    with DatamintTorchDataset(slices, columns=["resource_id"], prefetch=3) as dataset:
        rows = iter(dataset)
        assert next(rows)["resource_id"]
        assert isinstance(rows, types.GeneratorType)
        rows.close()  # abandoned after one row: the readers stop, their connections close


def test_the_dataset_is_a_context_manager(slices: DataFrame) -> None:
    with DatamintTorchDataset(slices, columns=["resource_id"]) as dataset:
        assert next(iter(dataset))["resource_id"]
    assert dataset._partitions is None
    with pytest.raises(RuntimeError, match="this dataset was closed"):
        list(dataset)  # the server was stopped by the with block


def test_an_empty_shard_warns(slices: DataFrame) -> None:
    with (
        DatamintTorchDataset(slices.coalesce(1), columns=["resource_id"], rank=1, world_size=2) as dataset,
        pytest.warns(RuntimeWarning, match=r"shard 1 of 2 .* gets no partition: the DataFrame has 1\."),
    ):
        assert list(dataset) == []


def test_get_dataloader_passes_the_dataset_options(slices: DataFrame) -> None:
    loader = ds.get_dataloader(
        slices,
        batch_size=4,
        columns=["resource_id", "image"],
        rank=1,
        world_size=2,
        prefetch=2,
        shuffle_buffer=8,
        tensors="numpy",
    )
    dataset = loader.dataset
    assert isinstance(dataset, DatamintTorchDataset)
    with dataset:
        assert (dataset.rank, dataset.world_size, dataset.prefetch, dataset.shuffle_buffer) == (1, 2, 2, 8)
        batch = next(iter(loader))
        assert isinstance(batch["image"], torch.Tensor)  # collate stacks the numpy arrays
