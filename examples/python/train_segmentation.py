"""Train a small segmentation network on the sample project's axial CT slices, fed by datamint_spark.

The CT volumes of the connector's sample project are read as axial slices with their semantic masks (the SDK's
``VolumeDataset(...).slice("axial")`` with ``return_segmentations=True, return_as_semantic_segmentation=True,
semantic_seg_merge_strategy="union"``), streamed partition by partition into a PyTorch ``DataLoader``
(``datamint_spark.torch_data``: no copy of the dataset on the driver or on disk) and used to train a tiny U-Net on
the CPU for ``--steps`` steps. Every step prints ``rank R step N loss X``; every epoch a rank completes prints
``rank R epoch E rows N``.

``--processes 2`` runs the same training in two processes with Spark's ``TorchDistributor`` (``local_mode=True``,
``use_gpu=False``) and ``DistributedDataParallel`` over gloo. The driver serves the DataFrame's partitions
(``ArrowPartitions``) and hands the training function the picklable ``PartitionSource``; each rank builds a
``DatamintTorchDataset`` from it and reads its own partitions (ranks from ``torch.distributed``).

Run it from the repository root after ``mvn package`` (or with the ``datamint-spark`` wheel installed, which carries
the connector jar)::

    export DATAMINT_SPARK_JAR=target/datamint-spark_2.13-0.1.0-SNAPSHOT-all.jar PYTHONPATH=python
    python examples/python/train_segmentation.py --steps 20                  # writes the sample project itself
    python examples/python/train_segmentation.py /tmp/sample-project --steps 20 --processes 2

PyTorch 1.13 on Python 3.11 (Debian 12's ``python3-torch``): ``torchrun``, which ``TorchDistributor`` starts, fails
before any rank runs (``AttributeError: 'NoneType' object has no attribute 'get'`` in
``torch.distributed.elastic.multiprocessing.api.to_map``). Its ``Std.from_str("0")`` looks the value up by
iterating the ``IntFlag`` ``Std``, and Python 3.11 no longer yields the zero member ``NONE`` when iterating a flag,
so the default ``--redirects 0 --tee 0`` becomes ``None``; later PyTorch versions build ``Std(int(v))`` instead.
This script detects the bug and sets ``PET_REDIRECTS=1`` / ``PET_TEE=1`` (torchrun's environment defaults for
``--redirects`` / ``--tee``: the ranks' stdout goes to torchrun's log files and, prefixed ``[defaultN]:``, to the
console), values that parse.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import datamint_spark
import torch
import torch.nn.functional as F
from datamint_spark.partitions import ArrowPartitions, PartitionSource
from datamint_spark.torch_data import DatamintTorchDataset, collate, get_dataloader
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as sf
from torch import nn
from torch.utils.data import DataLoader


@dataclass(frozen=True)
class TrainConfig:
    """What every rank needs to train: picklable, handed to the ranks with the PartitionSource."""

    steps: int = 10
    batch_size: int = 8
    size: int = 64
    lr: float = 3e-3
    seed: int = 0
    workers: int = 0
    rows_log: str | None = None


class TinyUNet(nn.Module):
    """Two levels of a U-Net: 1 input channel (the CT slice), one logit per label (background included)."""

    def __init__(self, classes: int, width: int = 8) -> None:
        super().__init__()
        self.enc1 = self._block(1, width)
        self.enc2 = self._block(width, 2 * width)
        self.up = nn.ConvTranspose2d(2 * width, width, kernel_size=2, stride=2)
        self.dec1 = self._block(2 * width, width)
        self.head = nn.Conv2d(width, classes, kernel_size=1)

    @staticmethod
    def _block(cin: int, cout: int) -> nn.Sequential:
        return nn.Sequential(
            nn.Conv2d(cin, cout, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.Conv2d(cout, cout, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        e1: torch.Tensor = self.enc1(x)
        e2: torch.Tensor = self.enc2(F.max_pool2d(e1, 2))
        d1: torch.Tensor = self.dec1(torch.cat([self.up(e2), e1], dim=1))
        logits: torch.Tensor = self.head(d1)
        return logits


def fit(tensor: torch.Tensor, size: int, fill: float) -> torch.Tensor:
    """``(..., H, W)`` centre-cropped and padded with ``fill`` to ``(..., size, size)``."""
    h, w = tensor.shape[-2], tensor.shape[-1]
    top, left = max((h - size) // 2, 0), max((w - size) // 2, 0)
    tensor = tensor[..., top : top + size, left : left + size]
    h, w = tensor.shape[-2], tensor.shape[-1]
    pad_h, pad_w = size - h, size - w
    return F.pad(tensor, (pad_w // 2, pad_w - pad_w // 2, pad_h // 2, pad_h - pad_h // 2), value=fill)


class SliceTransform:
    """The ``transform`` of the dataset: a row (tensors sharing Arrow memory) to what the model takes.

    Slices come in different sizes (64x64, 56x64, 48x64 in the sample project) and dtypes (int16, float64), so each
    is converted to float32, normalized and fitted to ``size`` x ``size``; the mask's background channel is padded
    with 1, the label channels with 0. The conversions copy: the row's own tensors are read-only Arrow memory.
    """

    def __init__(self, size: int) -> None:
        self.size = size

    def __call__(self, row: dict[str, Any]) -> dict[str, Any]:
        image = row["image"].to(torch.float32)
        image = (image - image.mean()) / (image.std() + 1e-6)
        mask = row["segmentations"].to(torch.float32)
        mask = torch.cat([fit(mask[:1], self.size, 1.0), fit(mask[1:], self.size, 0.0)])
        return {
            "image": fit(image, self.size, 0.0),
            "mask": mask,
            "key": f"{row['resource_id']}:{row['slice_index']}",
        }


def slices(spark: SparkSession, project: str) -> DataFrame:
    """The axial CT slices of the project with their semantic masks, merged across annotators."""
    volumes = datamint_spark.VolumeDataset(
        path=project,
        spark=spark,
        return_segmentations=True,
        return_as_semantic_segmentation=True,
        semantic_seg_merge_strategy="union",
        # small partitions, so that two ranks (and DataLoader workers) get several each
        target_partition_rows=16,
    )
    return (
        volumes.slice("axial")
        .dataframe()
        # a sliced read passes 2D images and videos through as they are: keep the slices (pushed into the scan)
        .where(sf.col("slice_index").isNotNull())
        .select("resource_id", "slice_index", "image", "segmentations")
    )


def label_names(source: PartitionSource) -> list[str]:
    """The mask channels' names, from the column's field metadata (``labels``, a JSON list)."""
    names: list[str] = json.loads(source.column_metadata["segmentations"]["labels"])
    return names


def train_loop(
    model: nn.Module,
    loader: Iterable[dict[str, Any]],
    set_epoch: Callable[[int], None],
    config: TrainConfig,
    rank: int,
) -> float:
    """``config.steps`` optimizer steps over as many epochs as it takes; returns the last loss.

    Counting steps rather than epochs keeps DistributedDataParallel's ranks in step: partitions differ in size, so
    the ranks' shards do too, and an epoch-driven loop would have one rank wait forever for the other's gradients.
    A rank with the smaller shard starts its next epoch sooner; each epoch's shards are still disjoint.
    """
    optimizer = torch.optim.Adam(model.parameters(), lr=config.lr)
    criterion = nn.BCEWithLogitsLoss()  # union masks: a pixel may carry several labels
    step, epoch, loss_value = 0, 0, math.nan
    epochs: list[list[str]] = []
    while step < config.steps:
        set_epoch(epoch)
        keys: list[str] = []
        for batch in loader:
            if step >= config.steps:
                break  # the last epoch stays incomplete
            optimizer.zero_grad()
            logits: torch.Tensor = model(batch["image"])
            loss: torch.Tensor = criterion(logits, batch["mask"])
            torch.autograd.backward(loss)  # loss.backward(), which torch 1.13 leaves unannotated
            optimizer.step()
            step += 1
            loss_value = float(loss.item())
            keys.extend(batch["key"])
            print(f"rank {rank} step {step} loss {loss_value:.6f}", flush=True)
        else:
            if not keys:
                raise RuntimeError(
                    f"rank {rank} got no rows in epoch {epoch}: fewer non-empty partitions than ranks and workers"
                    " (lower target_partition_rows, or repartition)"
                )
            print(f"rank {rank} epoch {epoch} rows {len(keys)}", flush=True)
            epochs.append(keys)
        epoch += 1
    if config.rows_log:
        # the rows of every complete epoch, for checking that the ranks' shards are disjoint and cover the data
        log = Path(config.rows_log) / f"rank{rank}.json"
        log.write_text(json.dumps({"rank": rank, "epochs": epochs}), encoding="utf-8")
    return loss_value


def train_rank(source: PartitionSource, config: TrainConfig) -> float:
    """The training function of one ``TorchDistributor`` process (``torchrun`` sets RANK, WORLD_SIZE and the
    rendezvous address). It receives only the small ``PartitionSource``: the rank reads its partitions over a socket
    from the driver, which needs no py4j connection."""
    import torch.distributed as dist
    from torch.nn.parallel import DistributedDataParallel

    dist.init_process_group("gloo")
    try:
        rank = dist.get_rank()
        torch.manual_seed(config.seed)  # the same initial weights everywhere (DDP also broadcasts rank 0's)
        dataset = DatamintTorchDataset(source, shuffle=True, seed=config.seed, transform=SliceTransform(config.size))
        loader: DataLoader[Any] = DataLoader(
            dataset, batch_size=config.batch_size, num_workers=config.workers, collate_fn=collate
        )
        model = DistributedDataParallel(TinyUNet(len(label_names(source))))
        last = torch.tensor([train_loop(model, loader, dataset.set_epoch, config, rank)])
        # In local mode every rank pickles its return value to the same file and TorchDistributor returns whichever
        # was written last, so every rank returns the same value: the mean of the ranks' last losses.
        dist.all_reduce(last)  # type: ignore[no-untyped-call, unused-ignore]  # unannotated in torch 1.13
        return float(last.item()) / dist.get_world_size()
    finally:
        dist.destroy_process_group()


def torchrun_workaround() -> None:
    """Makes torchrun start on PyTorch 1.13 with Python 3.11 (see the module's documentation)."""
    from torch.distributed.elastic.multiprocessing.api import Std

    if Std.from_str("0") is None:
        os.environ.setdefault("PET_REDIRECTS", "1")
        os.environ.setdefault("PET_TEE", "1")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Train a tiny U-Net on the sample project's axial CT slices.")
    parser.add_argument("project", nargs="?", help="a project mirror (default: write the sample project to a temp dir)")
    parser.add_argument("--steps", type=int, default=10, help="optimizer steps per process (default 10)")
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--processes", type=int, default=1, help="1, or N ranks with TorchDistributor and DDP")
    parser.add_argument("--workers", type=int, default=0, help="DataLoader workers per process")
    parser.add_argument("--size", type=int, default=64, help="slices are cropped and padded to SIZE x SIZE")
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--master", default="local[2]", help="the Spark master (default local[2])")
    parser.add_argument("--rows-log", help="write the rows each rank saw per complete epoch to DIR/rank<R>.json")
    args = parser.parse_args(argv[1:])
    config = TrainConfig(
        steps=args.steps,
        batch_size=args.batch_size,
        size=args.size,
        lr=args.lr,
        seed=args.seed,
        workers=args.workers,
        rows_log=args.rows_log,
    )
    builder = SparkSession.builder.master(args.master).appName("datamint-train-segmentation")
    builder = builder.config("spark.ui.showConsoleProgress", "false").config("spark.ui.enabled", "false")
    spark = datamint_spark.configure(builder).getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="datamint-sample-") as scratch:
        project = args.project or datamint_spark.sample_project(spark, scratch)
        df = slices(spark, project)
        print(f"data: {df.count()} rows in {df.rdd.getNumPartitions()} partitions", flush=True)
        if args.processes == 1:
            loader = get_dataloader(
                df,
                batch_size=config.batch_size,
                num_workers=config.workers,
                shuffle=True,
                seed=config.seed,
                transform=SliceTransform(config.size),
            )
            dataset = loader.dataset
            assert isinstance(dataset, DatamintTorchDataset)
            try:
                names = label_names(dataset.source)
                print(f"labels: {', '.join(names)}", flush=True)
                torch.manual_seed(config.seed)
                loss = train_loop(TinyUNet(len(names)), loader, dataset.set_epoch, config, rank=0)
            finally:
                dataset.close()
        else:
            from pyspark.ml.torch.distributor import TorchDistributor

            torchrun_workaround()
            with ArrowPartitions(df) as partitions:
                print(f"labels: {', '.join(label_names(partitions.source))}", flush=True)
                distributor = TorchDistributor(num_processes=args.processes, local_mode=True, use_gpu=False)
                mean_loss = distributor.run(train_rank, partitions.source, config)
                loss = float(mean_loss) if mean_loss is not None else math.nan
    print(f"done: {config.steps} steps, last loss {loss:.6f}, {time.monotonic() - started:.1f} s", flush=True)
    spark.stop()
    return 0 if math.isfinite(loss) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
