"""A PyTorch data pipeline over a Datamint DataFrame.

:class:`DatamintTorchDataset` is an ``IterableDataset`` that streams the DataFrame's partitions as
Arrow batches (:mod:`datamint_spark.partitions`) and turns each row into a dict of torch tensors that
share the batch's memory (:mod:`datamint_spark.tensors`). Nothing is materialised on the driver or
on disk: Spark decodes in the executors, one partition per request, while the training loop runs.

- **Sharding.** Partitions are dealt to ``DataLoader`` workers and to distributed ranks
  (``torch.distributed``, ``torchrun``, ``TorchDistributor``): partition ``i`` of the epoch's order
  goes to shard ``i mod (world_size * num_workers)``, so each row is seen exactly once per epoch.
  Ranks can get different numbers of rows when partitions differ in size: use
  ``target_partition_rows`` (or ``df.repartition``) for even shards.
- **Shuffling.** With ``shuffle=True`` the partition order is permuted by ``(seed, epoch)`` (the
  same on every rank) and rows pass through a shuffle buffer of ``shuffle_buffer`` rows seeded by
  ``(seed, epoch, shard)``. :meth:`DatamintTorchDataset.set_epoch` starts the next epoch's order, as
  ``DistributedSampler.set_epoch`` does.
- **Epochs.** Each epoch reads the partitions again (Spark decodes again). ``cache=True`` persists
  the DataFrame in executor memory and disk first, so later epochs skip the decoding.
- **Errors.** A row whose ``_error`` is set (PERMISSIVE reads) raises :class:`RowDecodeError` by
  default (``errors="raise"``), or is skipped with a warning (``errors="skip"``).
- **Read-ahead.** ``prefetch=N`` reads up to N partitions at once in background threads (one
  connection and one Spark job each), so N executor cores decode while the loop trains.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import torch
from torch.utils.data import DataLoader, IterableDataset, get_worker_info

from .partitions import ArrowPartitions, PartitionSource, close_thread_connection
from .tensors import column_values, to_torch

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = [
    "DatamintTorchDataset",
    "RowDecodeError",
    "collate",
    "get_dataloader",
    "shard_partitions",
]

_LOG = logging.getLogger(__name__)

Row = dict[str, Any]


class RowDecodeError(RuntimeError):
    """A row the connector could not decode (its ``_error`` column is set)."""


def shard_partitions(
    num_partitions: int,
    *,
    shard: int,
    num_shards: int,
    shuffle: bool = False,
    seed: int = 0,
    epoch: int = 0,
) -> list[int]:
    """The partitions one shard reads in an epoch: every ``num_shards``-th of the epoch's order
    (``range(num_partitions)``, or its permutation by ``(seed, epoch)`` when ``shuffle``)."""
    if not 0 <= shard < num_shards:
        raise ValueError(f"shard {shard} is not in 0..{num_shards - 1}")
    order = list(range(num_partitions))
    if shuffle:
        random.Random(f"{seed}:{epoch}").shuffle(order)
    return order[shard::num_shards]


def _distributed() -> tuple[int, int]:
    """This process's rank and the world size: torch.distributed's, else torchrun's environment."""
    if torch.distributed.is_available() and torch.distributed.is_initialized():
        return torch.distributed.get_rank(), torch.distributed.get_world_size()
    return int(os.environ.get("RANK", "0")), int(os.environ.get("WORLD_SIZE", "1"))


class DatamintTorchDataset(IterableDataset[Row]):
    """Rows of a DataFrame as dicts of torch tensors, streamed by partition.

    :param data: a DataFrame (served from this process until :meth:`close`), or the
        :class:`~datamint_spark.partitions.PartitionSource` of one served elsewhere (what a
        ``TorchDistributor`` training function receives)
    :param columns: the columns to deliver (default: all but ``_error``); select fewer to read less
    :param shuffle: permute partitions and shuffle rows (see the module's documentation)
    :param seed: the shuffle seed
    :param shuffle_buffer: rows held for shuffling within a shard
    :param errors: ``"raise"`` or ``"skip"`` for rows whose ``_error`` is set
    :param transform: applied to each row dict before it is yielded
    :param rank: this process's rank (default: ``torch.distributed``'s when the dataset is made,
        else the ``RANK`` that ``torchrun`` sets, else 0)
    :param world_size: the number of ranks (default: likewise, or ``WORLD_SIZE``, else 1)
    :param cache: persist the DataFrame so that later epochs do not decode again
    :param tensors: ``"torch"`` (tensors sharing Arrow memory), ``"numpy"`` (read-only views) or
        ``"numpy-writable"`` (private copies)
    :param prefetch: partitions read ahead, at the same time, by background threads (0: none, read
        in the iterating thread); each is one Spark job, so up to ``prefetch`` executor cores work
        for this process
    :param bind_host: the address the partition server listens on when ``data`` is a DataFrame
    """

    def __init__(
        self,
        data: DataFrame | PartitionSource,
        *,
        columns: Sequence[str] | None = None,
        shuffle: bool = False,
        seed: int = 0,
        shuffle_buffer: int = 256,
        errors: str = "raise",
        transform: Callable[[Row], Any] | None = None,
        rank: int | None = None,
        world_size: int | None = None,
        cache: bool = False,
        tensors: str = "torch",
        prefetch: int = 1,
        bind_host: str = "127.0.0.1",
    ) -> None:
        super().__init__()
        if errors not in ("raise", "skip"):
            raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
        if tensors not in ("torch", "numpy", "numpy-writable"):
            raise ValueError(f"tensors must be 'torch', 'numpy' or 'numpy-writable', not {tensors!r}")
        if shuffle_buffer < 1 or prefetch < 0:
            raise ValueError("shuffle_buffer must be >= 1 and prefetch >= 0")
        self._partitions: ArrowPartitions | None = None
        self._closed = False
        if isinstance(data, PartitionSource):
            self.source = data
        else:
            if cache:
                data = data.persist()
            self._partitions = ArrowPartitions(data, bind_host=bind_host)
            self.source = self._partitions.source
        names = list(self.source.schema.names)
        if columns is not None:
            missing = [c for c in columns if c not in names]
            if missing:
                raise KeyError(f"no column {', '.join(missing)}; the columns are {', '.join(names)}")
        self.columns = [c for c in (columns or names) if c != "_error"]
        self.shuffle = shuffle
        self.seed = seed
        self.shuffle_buffer = shuffle_buffer
        self.errors = errors
        self.transform = transform
        # Detected here, in the rank's own process, as DistributedSampler does: DataLoader workers
        # (forked or spawned) need not see the process group.
        detected_rank, detected_world = _distributed()
        self.rank = detected_rank if rank is None else rank
        self.world_size = detected_world if world_size is None else world_size
        if not 0 <= self.rank < self.world_size:
            raise ValueError(f"rank {self.rank} is not in 0..{self.world_size - 1}")
        self.tensors = tensors
        self.prefetch = prefetch
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        """The epoch whose order the next iteration follows (with ``shuffle``)."""
        self.epoch = epoch

    def _shard(self) -> tuple[int, int]:
        """This process's shard (rank and DataLoader worker) and the number of shards."""
        worker = get_worker_info()
        workers, worker_id = (1, 0) if worker is None else (worker.num_workers, worker.id)
        return self.rank * workers + worker_id, self.world_size * workers

    def partitions(self) -> list[int]:
        """The partitions this process (rank and DataLoader worker) reads in the current epoch."""
        shard, num_shards = self._shard()
        return shard_partitions(
            self.source.num_partitions,
            shard=shard,
            num_shards=num_shards,
            shuffle=self.shuffle,
            seed=self.seed,
            epoch=self.epoch,
        )

    def __iter__(self) -> Iterator[Any]:
        if self._closed:
            raise RuntimeError("this dataset was closed: it no longer serves its DataFrame; make a new one")
        mine = self.partitions()
        shard, num_shards = self._shard()
        if not mine:
            warnings.warn(
                f"shard {shard} of {num_shards} (rank {self.rank} of {self.world_size}, times the"
                f" DataLoader workers) gets no partition: the DataFrame has"
                f" {self.source.num_partitions}. Give it at least {num_shards} partitions"
                f" (df.repartition({num_shards}), or a smaller target_partition_rows), or use"
                f" fewer workers",
                RuntimeWarning,
                stacklevel=2,
            )
        rows = self._rows(self._batches(mine))
        if self.shuffle:
            rng = random.Random(f"{self.seed}:{self.epoch}:{self._shard()[0]}")
            rows = _buffer_shuffle(rows, self.shuffle_buffer, rng)
        for row in rows:
            yield self.transform(row) if self.transform is not None else row

    def _batches(self, partitions: list[int]) -> Iterator[pa.RecordBatch]:
        if self.prefetch == 0:
            for partition in partitions:
                yield from self.source.batches(partition)
            return
        yield from _prefetched(self.source, partitions, self.prefetch)

    def _rows(self, batches: Iterator[pa.RecordBatch]) -> Iterator[Row]:
        writable = self.tensors == "numpy-writable"
        for batch in batches:
            errors = batch.column("_error").to_pylist() if "_error" in batch.schema.names else [None] * batch.num_rows
            values = [column_values(batch.column(c), writable=writable) for c in self.columns]
            ids = (
                batch.column("resource_id").to_pylist()
                if "resource_id" in batch.schema.names
                else [None] * batch.num_rows
            )
            for i in range(batch.num_rows):
                if errors[i] is not None:
                    message = f"resource {ids[i]}: {errors[i]}"
                    if self.errors == "raise":
                        raise RowDecodeError(
                            message + " (errors='skip' skips such rows; mode 'DROPMALFORMED' drops them in Spark)"
                        )
                    _LOG.warning("skipping a row that could not be decoded: %s", message)
                    continue
                row = {c: v[i] for c, v in zip(self.columns, values, strict=True)}
                yield _torch_row(row) if self.tensors == "torch" else row

    def close(self) -> None:
        """Stops serving the DataFrame (when this dataset started the server)."""
        if self._partitions is not None:
            self._partitions.close()
            self._partitions = None
            self._closed = True

    def __enter__(self) -> DatamintTorchDataset:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_partitions"] = None  # the server stays with the process that started it
        return state


def _torch_row(row: Row) -> Row:
    out: Row = {}
    for key, value in row.items():
        if isinstance(value, (np.ndarray, dict)):
            out[key] = to_torch(value)
        elif isinstance(value, list) and value and all(isinstance(v, int) for v in value):
            out[key] = torch.tensor(value)  # labels, codes: small
        else:
            out[key] = value
    return out


def _buffer_shuffle(rows: Iterator[Row], size: int, rng: random.Random) -> Iterator[Row]:
    buffer: list[Row] = []
    for row in rows:
        if len(buffer) < size:
            buffer.append(row)
            continue
        i = rng.randrange(size)
        yield buffer[i]
        buffer[i] = row
    rng.shuffle(buffer)
    yield from buffer


def _prefetched(source: PartitionSource, partitions: list[int], depth: int) -> Iterator[pa.RecordBatch]:
    """The partitions' batches in order, ``depth`` partitions read at the same time by as many
    threads (each with its own connection, so each partition is its own Spark job); at most
    ``depth`` partitions are read or held ahead of the one being consumed."""
    depth = min(depth, len(partitions))
    if depth == 0:
        return
    results: dict[int, list[pa.RecordBatch] | BaseException] = {}
    changed = threading.Condition()
    claimed = 0  # positions handed to a reader
    consumed = 0  # positions the consumer has taken
    stop = False

    def read() -> None:
        nonlocal claimed
        try:
            while True:
                with changed:
                    while not stop and claimed < len(partitions) and claimed - consumed >= depth:
                        changed.wait()
                    if stop or claimed >= len(partitions):
                        return
                    position = claimed
                    claimed += 1
                item: list[pa.RecordBatch] | BaseException
                try:
                    item = list(source.batches(partitions[position]))
                except BaseException as failure:  # handed to the consumer, raised there
                    item = failure
                with changed:
                    results[position] = item
                    changed.notify_all()
        finally:
            close_thread_connection(source)

    readers = [threading.Thread(target=read, name=f"datamint-prefetch-{i}", daemon=True) for i in range(depth)]
    for reader in readers:
        reader.start()
    try:
        for position in range(len(partitions)):
            with changed:
                while position not in results:
                    changed.wait()
                item = results.pop(position)
                consumed = position + 1
                changed.notify_all()
            if isinstance(item, BaseException):
                raise item
            yield from item
    finally:
        with changed:
            stop = True
            changed.notify_all()


def collate(rows: list[Row]) -> dict[str, Any]:
    """The SDK's collate: for each key, tensors (or arrays) of one shape are stacked into a batch
    tensor; anything else (masks per annotator, strings, ragged shapes) becomes a list."""
    if not rows:
        return {}
    out: dict[str, Any] = {}
    for key in rows[0]:
        values = [row.get(key) for row in rows]
        first = values[0]
        if isinstance(first, np.ndarray):
            values = [to_torch(v) if isinstance(v, np.ndarray) else v for v in values]
            first = values[0]
        tensors = [v for v in values if isinstance(v, torch.Tensor)]
        if (
            isinstance(first, torch.Tensor)
            and len(tensors) == len(values)
            and all(t.shape == first.shape and t.dtype == first.dtype for t in tensors)
        ):
            out[key] = torch.stack(tensors)
        else:
            out[key] = values
    return out


def get_dataloader(
    data: DataFrame | PartitionSource,
    *,
    batch_size: int = 1,
    num_workers: int = 0,
    collate_fn: Callable[[list[Row]], Any] | None = None,
    shuffle: bool = False,
    seed: int = 0,
    columns: Sequence[str] | None = None,
    errors: str = "raise",
    transform: Callable[[Row], Any] | None = None,
    cache: bool = False,
    shuffle_buffer: int = 256,
    rank: int | None = None,
    world_size: int | None = None,
    tensors: str = "torch",
    prefetch: int = 1,
    bind_host: str = "127.0.0.1",
    **loader_kwargs: Any,
) -> DataLoader[Any]:
    """A ``DataLoader`` over a :class:`DatamintTorchDataset`, with :func:`collate` unless
    ``collate_fn`` is given; as the SDK's ``dataset.get_dataloader(batch_size=...)``. The dataset's
    keyword arguments are :class:`DatamintTorchDataset`'s; further keyword arguments go to
    ``DataLoader`` (``drop_last``, ``pin_memory``, ...). The dataset is ``loader.dataset``: close it
    (or use it in a ``with`` block) when done, to stop serving the DataFrame."""
    dataset = DatamintTorchDataset(
        data,
        columns=columns,
        shuffle=shuffle,
        seed=seed,
        shuffle_buffer=shuffle_buffer,
        errors=errors,
        transform=transform,
        rank=rank,
        world_size=world_size,
        cache=cache,
        tensors=tensors,
        prefetch=prefetch,
        bind_host=bind_host,
    )
    return DataLoader(
        dataset,
        batch_size=batch_size,
        num_workers=num_workers,
        collate_fn=collate_fn or collate,
        **loader_kwargs,
    )
