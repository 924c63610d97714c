"""Tensor structs of Arrow data as NumPy arrays and torch tensors: views, not copies; the Java side's values."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pyarrow as pa
import pytest
import torch
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

import datamint_spark as ds
from datamint_spark.partitions import ArrowPartitions
from datamint_spark.tensors import (
    TensorFormatError,
    is_tensor_map_type,
    is_tensor_type,
    tensor_column,
    tensor_map_column,
)


def tensor_struct(values: Sequence[np.ndarray[Any, Any] | None], *, large: bool = False) -> pa.StructArray:
    binary = pa.large_binary() if large else pa.binary()
    dtypes = pa.array([None if v is None else v.dtype.name for v in values], pa.string())
    shapes = pa.array([None if v is None else list(v.shape) for v in values], pa.list_(pa.int32()))
    data = pa.array([None if v is None else v.astype(v.dtype.newbyteorder("<")).tobytes() for v in values], binary)
    mask = pa.array([v is None for v in values])
    return pa.StructArray.from_arrays([dtypes, shapes, data], names=["dtype", "shape", "data"], mask=mask)


def data_buffer(struct: pa.StructArray) -> np.ndarray[Any, Any]:
    return np.frombuffer(struct.field("data").buffers()[2], dtype=np.uint8)


@pytest.mark.parametrize("large", [False, True])
def test_arrays_are_read_only_views_of_the_arrow_buffer(large: bool) -> None:
    a = np.arange(24, dtype=np.int16).reshape(2, 3, 4)
    b = np.linspace(-1, 1, 6, dtype=np.float64).reshape(1, 2, 3)
    struct = tensor_struct([a, None, b], large=large)
    assert is_tensor_type(struct.type)
    out = tensor_column(struct)
    assert out[1] is None
    first, third = out[0], out[2]
    assert first is not None and third is not None
    np.testing.assert_array_equal(first, a)
    np.testing.assert_array_equal(third, b)
    assert first.dtype == np.dtype("<i2") and third.dtype == np.dtype("<f8")
    for view in (first, third):
        assert np.shares_memory(view, data_buffer(struct))
        assert not view.flags.writeable


def test_writable_copies_only_when_asked() -> None:
    struct = tensor_struct([np.ones((2, 2), dtype=np.uint16)])
    copy = tensor_column(struct, writable=True)[0]
    assert copy is not None and copy.flags.writeable
    assert not np.shares_memory(copy, data_buffer(struct))
    copy[0, 0] = 7
    again = tensor_column(struct)[0]
    assert again is not None and again[0, 0] == 1


def test_sliced_and_chunked_arrays() -> None:
    values = [np.full((2,), i, dtype=np.int32) for i in range(5)]
    struct = tensor_struct(values)
    chunked = pa.chunked_array([struct.slice(1, 2), struct.slice(3, 2)])
    out = tensor_column(chunked)
    assert [int(v[0]) for v in out if v is not None] == [1, 2, 3, 4]


def test_maps_of_tensors_by_annotator() -> None:
    masks = tensor_struct([np.zeros((1, 2, 2), np.uint8), np.ones((2, 2, 2), np.uint8)])
    offsets = pa.array([0, 2, 2], pa.int32())
    keys = pa.array(["alice", "bob"])
    mapped = pa.MapArray.from_arrays(offsets, keys, masks)
    assert is_tensor_map_type(mapped.type)
    out = tensor_map_column(mapped)
    assert out[1] == {}
    first = out[0]
    assert first is not None and set(first) == {"alice", "bob"}
    bob = first["bob"]
    assert bob is not None and bob.shape == (2, 2, 2)


def test_inconsistent_tensors_are_named_errors() -> None:
    bad_dtype = tensor_struct([np.zeros(2, np.float16)])
    with pytest.raises(TensorFormatError, match=r"unknown tensor dtype 'float16'.*uint8"):
        tensor_column(bad_dtype)
    short = pa.StructArray.from_arrays(
        [pa.array(["int32"]), pa.array([[2, 2]], pa.list_(pa.int32())), pa.array([b"\0" * 12])],
        names=["dtype", "shape", "data"],
    )
    with pytest.raises(TensorFormatError, match=r"holds 12 bytes.*need 16"):
        tensor_column(short)
    with pytest.raises(TypeError, match=r"not a tensor column"):
        tensor_column(pa.array([1, 2]))


def test_torch_tensors_share_the_memory() -> None:
    struct = tensor_struct([np.arange(6, dtype=np.float32).reshape(2, 3)])
    array = tensor_column(struct)[0]
    tensor = ds.to_torch(array)
    assert isinstance(tensor, torch.Tensor) and tensor.dtype == torch.float32
    assert tensor.data_ptr() == array.ctypes.data  # type: ignore[union-attr]
    unsigned = ds.to_torch(np.arange(4, dtype=np.uint16))
    assert torch.equal(unsigned, torch.arange(4)) or unsigned.dtype == getattr(torch, "uint16", None)


def expected_hashes(df: DataFrame, column: str) -> list[tuple[str | None, str | None, list[int] | None]]:
    """The Java side's view of each tensor: dtype, shape and the SHA-256 of its bytes, computed in the JVM."""
    rows = df.select(F.col(f"{column}.dtype"), F.col(f"{column}.shape"), F.sha2(F.col(f"{column}.data"), 256)).collect()
    return [(r[0], r[2], None if r[1] is None else list(r[1])) for r in rows]


def python_hashes(arrays: list[Any]) -> list[tuple[str | None, str | None, list[int] | None]]:
    return [
        (None, None, None) if a is None else (a.dtype.name, hashlib.sha256(a.tobytes()).hexdigest(), list(a.shape))
        for a in arrays
    ]


READS: dict[str, dict[str, Any]] = {
    "by resource kind": {},
    "images": {"dataset": "image"},
    "volumes": {"dataset": "volume"},
    "axial slices": {"dataset": "volume", "slice": "axial"},
    "sagittal slices": {"dataset": "volume", "slice": "sagittal"},
    "video frames": {"dataset": "video", "frame_by_frame": True},
    "semantic masks": {
        "return_segmentations": True,
        "return_as_semantic_segmentation": True,
        "semantic_seg_merge_strategy": "union",
    },
}


@pytest.mark.parametrize("name", list(READS))
def test_values_equal_the_java_sides_tensors(spark: SparkSession, sample_project: str, name: str) -> None:
    df = ds.read(spark, path=sample_project, **READS[name])
    df = df.orderBy(*[c for c in ("resource_id", "slice_index", "frame_index") if c in df.columns])
    column = "segmentations" if "semantic" in name else "image"
    df = df.select("resource_id", column).cache()
    try:
        expected = expected_hashes(df, column)
        assert any(e[0] is not None for e in expected)
        table = df.toArrow()
        assert python_hashes(ds.to_numpy(table, column)) == expected
        # the same through the partition stream the torch pipeline reads
        with ArrowPartitions(df) as partitions:
            streamed = [
                a
                for p in range(partitions.num_partitions)
                for batch in partitions.source.batches(p)
                for a in ds.to_numpy(batch, column)
            ]
        assert python_hashes(streamed) == expected
    finally:
        df.unpersist()


def test_native_dtypes_are_kept(spark: SparkSession, sample_project: str) -> None:
    table = ds.read(spark, path=sample_project).select("image").toArrow()
    dtypes = {a.dtype.name for a in ds.to_numpy(table, "image") if a is not None}
    assert "uint8" in dtypes and ({"uint16", "int16"} & dtypes)


def test_views_inside_map_in_arrow_on_the_executors(spark: SparkSession, sample_project: str) -> None:
    """The same functions work on the batches an executor's Python worker gets from mapInArrow."""

    def stats(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import datamint_spark as executor_ds

        for batch in batches:
            images = executor_ds.to_numpy(batch, "image")
            yield pa.RecordBatch.from_pydict(
                {
                    "resource_id": batch.column("resource_id"),
                    "total": [None if a is None else float(a.astype(np.float64).sum()) for a in images],
                }
            )

    df = ds.read(spark, path=sample_project).select("resource_id", "image")
    remote = {r[0]: r[1] for r in df.mapInArrow(stats, "resource_id string, total double").collect()}
    table = df.toArrow()
    local = {
        rid: (None if a is None else float(a.astype(np.float64).sum()))
        for rid, a in zip(table.column("resource_id").to_pylist(), ds.to_numpy(table, "image"), strict=True)
    }
    assert remote == local and any(v is not None for v in local.values())
