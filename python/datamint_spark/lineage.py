"""MLflow lineage of a read: the Datamint SDK's ``DatamintMLflowDataset`` fields for the same selection and split.

:func:`dataset_lineage` (or :meth:`datamint_spark.DatamintDataset.lineage`) computes, in the connector's JVM, the
``name``, ``digest``, ``source`` and ``profile`` that the SDK's ``build_mlflow_dataset()`` gives for the dataset built
with the same arguments and calls (``filter``, ``slice``, ``split(...)[name]``): a run trained on the connector's rows
records the digest a run trained on the SDK's items would. :func:`log_mlflow_input` logs it as an MLflow dataset
input of the active run; it needs ``mlflow-skinny`` (or ``mlflow``), imported only there.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._bridge import bridge

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

__all__ = ["DatasetLineage", "dataset_lineage", "lineage_of", "log_mlflow_input"]

#: What to install when MLflow is missing.
MLFLOW_PACKAGE = "mlflow-skinny"


@dataclass(frozen=True)
class DatasetLineage:
    """A read's MLflow dataset fields, as the SDK's ``DatamintMLflowDataset.to_dict()`` has them."""

    #: The project's name.
    name: str
    #: The SDK's digest: 8 lower-case hex digits.
    digest: str
    #: ``DatamintDatasetSource.to_json()``: project id and name, split, ``extra_params``.
    source: str
    #: Always ``datamint``.
    source_type: str
    #: ``{"num_resources": N, "most_common_storage_type": S}`` as JSON.
    profile: str
    #: The project's id.
    project_id: str
    #: The split's name, or ``None`` when the read is not one split.
    split: str | None
    #: Items: resources, or slices or frames of an expanded read.
    num_resources: int
    #: The most common ``storage`` of the resources (``None`` for slices and frames).
    most_common_storage_type: str | None

    def to_dict(self) -> dict[str, str | None]:
        """The fields MLflow records for a dataset input (``schema`` is ``None``, as the SDK's)."""
        return {
            "name": self.name,
            "digest": self.digest,
            "source": self.source,
            "source_type": self.source_type,
            "schema": None,
            "profile": self.profile,
        }


def lineage_of(spark: SparkSession, options: Mapping[str, str], split: str | None = None) -> DatasetLineage:
    """The lineage of the read the connector ``options`` define, or of its split ``split``.

    :raises py4j.protocol.Py4JJavaError: from the connector (an ``OptionException`` for a bad option, a read without
        a split or with another one, a local split without ``seed``)
    """
    j = bridge(spark).lineage(spark._jsparkSession, dict(options), split)
    storage = j.mostCommonStorageType()
    return DatasetLineage(
        name=str(j.name()),
        digest=str(j.digest()),
        source=str(j.source()),
        source_type=str(j.sourceType()),
        profile=str(j.profile()),
        project_id=str(j.projectId()),
        split=None if j.split() is None else str(j.split()),
        num_resources=int(j.numResources()),
        most_common_storage_type=None if storage is None else str(storage),
    )


def dataset_lineage(
    spark: SparkSession,
    project: str | None = None,
    *,
    split_name: str | None = None,
    path: str | None = None,
    server_url: str | None = None,
    api_key: str | None = None,
    **kwargs: Any,
) -> DatasetLineage:
    """The lineage of a read given as :func:`datamint_spark.read` takes it (SDK arguments or connector options);
    ``split_name`` picks one split of a read with a split option (``split={"train": 0.8, "test": 0.2}, seed=1``)."""
    from .reader import DatamintDataset

    dataset = DatamintDataset(project, spark=spark, path=path, server_url=server_url, api_key=api_key, **kwargs)
    return lineage_of(spark, dataset.options, split_name)


def _mlflow_dataset(lineage: DatasetLineage) -> Any:
    try:
        from mlflow.data.dataset import Dataset
        from mlflow.data.dataset_source import DatasetSource
    except ImportError as e:
        raise ImportError(f"logging a lineage to MLflow needs MLflow: pip install {MLFLOW_PACKAGE} (or mlflow)") from e

    class DatamintSparkSource(DatasetSource):  # type: ignore[misc, unused-ignore]  # Any without mlflow
        """The SDK's ``DatamintDatasetSource``, its JSON as the connector computed it."""

        @staticmethod
        def _get_source_type() -> str:
            return lineage.source_type

        def load(self, **kwargs: Any) -> Any:
            raise NotImplementedError("a Datamint source is read with datamint_spark.read, not loaded by MLflow")

        @staticmethod
        def _can_resolve(raw_source: Any) -> bool:
            return False

        @classmethod
        def _resolve(cls, raw_source: Any) -> DatasetSource:
            raise NotImplementedError

        def to_json(self) -> str:
            return lineage.source

        def to_dict(self) -> dict[str, Any]:
            return dict(json.loads(lineage.source))

        @classmethod
        def from_dict(cls, source_dict: dict[Any, Any]) -> DatasetSource:
            raise NotImplementedError

    class DatamintSparkDataset(Dataset):  # type: ignore[misc, unused-ignore]  # Any without mlflow
        """The SDK's ``DatamintMLflowDataset`` with the connector's fields."""

        def __init__(self) -> None:
            super().__init__(source=DatamintSparkSource(), name=lineage.name, digest=lineage.digest)

        def _compute_digest(self) -> str:
            return lineage.digest

        @property
        def profile(self) -> Any:
            return json.loads(lineage.profile)

        @property
        def schema(self) -> Any:
            return None

        def to_dict(self) -> dict[str, str]:
            config: dict[str, Any] = dict(super().to_dict())
            config.update({"schema": None, "profile": lineage.profile})
            return config

    return DatamintSparkDataset()


def log_mlflow_input(
    lineage: DatasetLineage, context: str | None = None, tags: Mapping[str, str] | None = None
) -> None:
    """Logs ``lineage`` as a dataset input of MLflow's active run (one is started if none is), with ``context``
    (e.g. ``"training"``) as the SDK's Lightning integration does; the run's inputs then hold the SDK's name, digest,
    source and profile.

    :raises ImportError: when MLflow is not installed (``pip install mlflow-skinny``)
    """
    dataset = _mlflow_dataset(lineage)
    import mlflow

    mlflow.log_input(dataset, context=context, tags=dict(tags) if tags else None)
