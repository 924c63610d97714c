"""PySpark and PyTorch for the datamint-spark connector.

- :func:`read` and :class:`ImageDataset` / :class:`VolumeDataset` / :class:`VideoDataset`: read a
  Datamint project (a mirror or the API) with the SDK's keyword arguments, as a Spark DataFrame.
- :mod:`datamint_spark.tensors`: tensor columns of Arrow data as NumPy arrays and torch tensors
  that share the Arrow memory.
- :mod:`datamint_spark.torch_data`: a torch ``IterableDataset`` and ``get_dataloader`` that stream
  a DataFrame's partitions into training, sharded by DataLoader worker and distributed rank
  (imported on first use: it needs torch).
- :func:`dataset_lineage` / :func:`log_mlflow_input`: a read's MLflow lineage, the SDK's
  ``build_mlflow_dataset()`` digest for the same selection and split, logged as an MLflow dataset input.
- :func:`configure` / :func:`session`: Spark sessions with the connector's jar and extensions;
  :func:`sample_project`, :func:`prefetch` and ``split(...).save()``: the connector's Java entry
  points with Python arguments.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._bridge import ConnectorNotLoadedError
from ._jar import jar_path
from .lineage import DatasetLineage, dataset_lineage, log_mlflow_input
from .partitions import ArrowPartitions, PartitionError, PartitionSource
from .prefetch import PrefetchReport, prefetch
from .reader import (
    DatamintDataset,
    ImageDataset,
    SplitResult,
    VideoDataset,
    VolumeDataset,
    label_names,
    read,
)
from .session import EXTENSIONS, configure, sample_project, session
from .tensors import TensorFormatError, to_numpy, to_torch

if TYPE_CHECKING:
    from .torch_data import DatamintTorchDataset, collate, get_dataloader

__version__ = "0.1.0"

__all__ = [
    "EXTENSIONS",
    "ArrowPartitions",
    "ConnectorNotLoadedError",
    "DatamintDataset",
    "DatamintTorchDataset",
    "DatasetLineage",
    "ImageDataset",
    "PartitionError",
    "PartitionSource",
    "PrefetchReport",
    "SplitResult",
    "TensorFormatError",
    "VideoDataset",
    "VolumeDataset",
    "collate",
    "configure",
    "dataset_lineage",
    "get_dataloader",
    "jar_path",
    "label_names",
    "log_mlflow_input",
    "prefetch",
    "read",
    "sample_project",
    "session",
    "to_numpy",
    "to_torch",
]

_TORCH_NAMES = ("DatamintTorchDataset", "collate", "get_dataloader")


def __getattr__(name: str) -> Any:
    if name in _TORCH_NAMES:
        from . import torch_data

        return getattr(torch_data, name)
    raise AttributeError(f"module 'datamint_spark' has no attribute {name!r}")
