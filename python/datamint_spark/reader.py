"""Reading Datamint projects with the Datamint SDK's words.

``read(spark, project=..., **kwargs)`` and the dataset classes take the keyword arguments of the SDK's
``ImageDataset`` / ``VolumeDataset`` / ``VideoDataset`` (``return_segmentations=True``,
``include_annotators=["ana@example.com"]``, ...), turn them into the connector's options (lists into
JSON arrays, booleans into ``true`` / ``false``) and return a plain Spark DataFrame. A keyword that
is neither an SDK argument nor a connector option fails at once, naming the accepted ones, as the
connector does for an unknown option.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from ._bridge import bridge

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession
    from torch.utils.data import DataLoader

    from .lineage import DatasetLineage
    from .torch_data import DatamintTorchDataset

__all__ = [
    "DatamintDataset",
    "ImageDataset",
    "SplitResult",
    "VideoDataset",
    "VolumeDataset",
    "label_names",
    "options_from_kwargs",
    "read",
]

#: SDK keyword arguments that have no meaning for a Spark read, and why they are accepted anyway.
SDK_IGNORED: Mapping[str, str] = {
    "auto_update": "the SDK's connection check; a read checks the source when it loads",
}

#: SDK keyword arguments the connector does not take, with what to do instead.
SDK_UNSUPPORTED: Mapping[str, str] = {
    "resources": "read the project and filter the DataFrame by resource_id instead",
    "alb_transform": "pass transform= to torch_dataset() or get_dataloader() instead",
    "image_transform": "pass transform= to torch_dataset() or get_dataloader() instead",
    "mask_transform": "pass transform= to torch_dataset() or get_dataloader() instead",
    "project_name": "use project= (the SDK removed project_name in v2.23)",
}


def option_value(name: str, value: Any) -> str:
    """One keyword argument's value as the connector's option string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return ",".join(f"{k}={option_value(name, v)}" for k, v in value.items())
    if isinstance(value, Iterable):
        return json.dumps([v if isinstance(v, (str, int, float, bool)) else str(v) for v in value])
    raise TypeError(f"{name}: cannot pass a {type(value).__name__} as an option value")


def options_from_kwargs(known: Iterable[str], kwargs: Mapping[str, Any]) -> dict[str, str]:
    """Maps keyword arguments to connector options; ``None`` values are left out (the default).

    :param known: the connector's option names
    :raises TypeError: for a keyword that is neither a connector option nor an SDK argument
    """
    names = set(known)
    options: dict[str, str] = {}
    for name, value in kwargs.items():
        if name in SDK_UNSUPPORTED:
            raise TypeError(f"unsupported keyword argument {name!r}: {SDK_UNSUPPORTED[name]}")
        if name in SDK_IGNORED or value is None:
            continue
        if name not in names:
            raise TypeError(
                f"unknown keyword argument {name!r}; the accepted ones are the connector's options:"
                f" {', '.join(sorted(names))}"
            )
        options[name] = option_value(name, value)
    return options


def label_names(df: DataFrame, column: str) -> list[str]:
    """The label names of a mask or label column, indexed by code (``seg_labels`` codes, the channels of
    semantic masks, the positions of multi-hot ``image_labels``), from the column's field metadata.

    :raises KeyError: if the column has no label metadata
    """
    metadata = df.schema[column].metadata
    if "labels" not in metadata:
        having = ", ".join(f.name for f in df.schema.fields if "labels" in f.metadata) or "none in this read"
        raise KeyError(f"column {column!r} has no label names; the label columns are {having}")
    names = metadata["labels"]
    return [str(n) for n in (json.loads(names) if isinstance(names, str) else names)]


def _known_options(spark: SparkSession) -> list[str]:
    return [str(n) for n in bridge(spark).optionNames()]


def read(
    spark: SparkSession,
    project: str | None = None,
    *,
    path: str | None = None,
    server_url: str | None = None,
    api_key: str | None = None,
    **kwargs: Any,
) -> DataFrame:
    """Reads a project: from a mirror (``path``; ``project`` picks one under a mirror root) or from
    the Datamint API (``project`` with ``server_url`` and ``api_key``, or the environment's
    ``DATAMINT_API_URL`` / ``DATAMINT_API_KEY``). Other keyword arguments are SDK dataset arguments
    or connector options."""
    return DatamintDataset(
        project, spark=spark, path=path, server_url=server_url, api_key=api_key, **kwargs
    ).dataframe()


class DatamintDataset:
    """A project read, defined by options, in the shape of the SDK's dataset classes.

    It holds no data: :meth:`dataframe` builds the Spark DataFrame, :meth:`torch_dataset` and
    :meth:`get_dataloader` feed PyTorch. :meth:`slice`, :meth:`frame_by_frame`, :meth:`filter` and
    :meth:`split` return new datasets, as in the SDK. :attr:`options` shows every option it passes.
    """

    #: The connector's ``dataset`` option of this class (``None``: by resource kind).
    kind: ClassVar[str | None] = None

    def __init__(
        self,
        project: str | None = None,
        *,
        spark: SparkSession | None = None,
        path: str | None = None,
        server_url: str | None = None,
        api_key: str | None = None,
        **kwargs: Any,
    ) -> None:
        if spark is None:
            from pyspark.sql import SparkSession

            active = SparkSession.getActiveSession()
            if active is None:
                raise RuntimeError("no active Spark session: pass spark=, or start one with datamint_spark.session()")
            spark = active
        if project is None and path is None and server_url is None:
            raise TypeError("give project= (with server_url= or DATAMINT_API_URL) or path=")
        self._spark = spark
        given = {"project": project, "path": path, "server_url": server_url, "api_key": api_key}
        if self.kind is not None:
            given["dataset"] = self.kind
        given.update(kwargs)
        self._options = options_from_kwargs(_known_options(spark), given)
        self._split_name: str | None = None

    @property
    def spark(self) -> SparkSession:
        """The session the dataset reads with."""
        return self._spark

    @property
    def options(self) -> dict[str, str]:
        """The connector options of this read (a copy)."""
        return dict(self._options)

    @property
    def split_name(self) -> str | None:
        """The split this dataset is, after :meth:`split`; else ``None``."""
        return self._split_name

    def _derive(self, cls: type[DatamintDataset] | None = None, /, **kwargs: Any) -> DatamintDataset:
        new = object.__new__(cls or type(self))
        new._spark = self._spark
        new._options = {**self._options, **options_from_kwargs(_known_options(self._spark), kwargs)}
        new._split_name = self._split_name
        return new

    def dataframe(self) -> DataFrame:
        """The Spark DataFrame of this read (rows of this split only, after :meth:`split`)."""
        df = self._spark.read.format("datamint").options(**self._options).load()
        if self._split_name is not None:
            from pyspark.sql import functions as F

            df = df.where(F.col("split") == self._split_name)
        return df

    def __len__(self) -> int:
        """The number of rows (resources, slices or frames); a metadata-only Spark job."""
        return int(self.dataframe().select("resource_id").count())

    def filter(
        self,
        *,
        tags: list[str] | None = None,
        filename_pattern: str | None = None,
        has_annotations: bool | None = None,
        annotation_names: list[str] | None = None,
    ) -> DatamintDataset:
        """The SDK's ``filter()``: the resources that meet every given criterion."""
        given = {
            "tags": tags,
            "filename_pattern": filename_pattern,
            "has_annotations": has_annotations,
            "annotation_names": annotation_names,
        }
        given = {k: v for k, v in given.items() if v is not None}
        if not given:
            raise ValueError("At least one filter criterion must be specified.")
        again = sorted(set(given) & set(self._options))
        if again:
            raise ValueError(
                f"this dataset is already filtered by {', '.join(again)}; one criterion per name"
                " (filter the DataFrame with SQL for more)"
            )
        return self._derive(**given)

    def split(
        self,
        *,
        seed: int | None = None,
        use_project_splits: bool | None = None,
        as_of_timestamp: str | _dt.datetime | None = None,
        by_patient: bool = False,
        none_patient_id_strategy: str | None = None,
        **ratios: float,
    ) -> SplitResult:
        """The SDK's ``split()``: ``split(train=0.7, val=0.15, test=0.15, seed=42)`` (ratios in
        order, a local split that reproduces the SDK's membership), or
        ``split(use_project_splits=True, as_of_timestamp=...)`` (the project's assignments).

        Every row of a resource is in that resource's split, also for slices and frames.
        """
        if self._split_name is not None:
            raise ValueError(f"this dataset is already the split {self._split_name!r}")
        if ratios and use_project_splits:
            raise ValueError("split ratios cannot be combined with use_project_splits=True")
        if not ratios and not use_project_splits:
            raise ValueError(
                "split() requires ratios, e.g. split(train=0.8, test=0.2, seed=42), or use_project_splits=True"
            )
        source = self._derive(
            split=ratios or None,
            seed=seed,
            by_patient=by_patient or None,
            none_patient_id_strategy=none_patient_id_strategy,
            use_project_splits=use_project_splits,
            as_of_timestamp=as_of_timestamp,
        )
        if ratios:
            names = list(ratios)
        else:
            rows = source.dataframe().select("split").distinct().collect()
            names = sorted(str(r[0]) for r in rows if r[0] is not None)
        result = SplitResult(source)
        for name in names:
            part = source._derive()
            part._split_name = name
            result[name] = part
        return result

    def lineage(self) -> DatasetLineage:
        """This dataset's MLflow lineage: the SDK's ``build_mlflow_dataset()`` fields (name, digest, source,
        profile) for the same arguments, calls and split; log it with
        :func:`datamint_spark.lineage.log_mlflow_input`."""
        from .lineage import lineage_of

        return lineage_of(self._spark, self._options, self._split_name)

    def torch_dataset(self, **kwargs: Any) -> DatamintTorchDataset:
        """A PyTorch ``IterableDataset`` over :meth:`dataframe`; see
        :class:`datamint_spark.torch_data.DatamintTorchDataset` for the arguments."""
        from .torch_data import DatamintTorchDataset

        return DatamintTorchDataset(self.dataframe(), **kwargs)

    def get_dataloader(self, batch_size: int = 1, **kwargs: Any) -> DataLoader[Any]:
        """A PyTorch ``DataLoader`` over :meth:`dataframe`, as the SDK's ``get_dataloader``; see
        :func:`datamint_spark.torch_data.get_dataloader` for the arguments."""
        from .torch_data import get_dataloader

        return get_dataloader(self.dataframe(), batch_size=batch_size, **kwargs)

    def __repr__(self) -> str:
        shown = {k: ("***" if k == "api_key" else v) for k, v in self._options.items()}
        split = f", split={self._split_name!r}" if self._split_name else ""
        return f"{type(self).__name__}({shown}{split})"


class ImageDataset(DatamintDataset):
    """The SDK's ``ImageDataset``: one ``(C, H, W)`` image per resource."""

    kind = "image"


class VolumeDataset(DatamintDataset):
    """The SDK's ``VolumeDataset``: one ``(C, D, H, W)`` volume per resource."""

    kind = "volume"

    def slice(self, axis: str | int = "axial") -> DatamintDataset:
        """The SDK's ``slice(axis)``: one row per slice along ``axial`` / ``coronal`` /
        ``sagittal`` (or ``0`` / ``1`` / ``2``)."""
        return self._derive(DatamintDataset, slice=str(axis))


class VideoDataset(DatamintDataset):
    """The SDK's ``VideoDataset``: one ``(C, D, H, W)`` clip per resource."""

    kind = "video"

    def frame_by_frame(self) -> DatamintDataset:
        """The SDK's ``frame_by_frame()``: one ``(C, H, W)`` row per frame."""
        return self._derive(DatamintDataset, frame_by_frame=True)


class SplitResult(dict[str, DatamintDataset]):
    """The datasets of a split by name, in the order of the ratios; :meth:`save` records it."""

    def __init__(self, source: DatamintDataset) -> None:
        super().__init__()
        self._source = source

    def save(self, *, force: bool = False, created_by: str | None = None) -> str:
        """The SDK's ``SplitResult.save()``: records this local split as the project's split
        assignments (in a mirror's ``splits.jsonl``, or through the API), so that
        ``split(use_project_splits=True)`` replays it. Returns the recorded ``created_at``.

        :raises ValueError: (from the connector) if the project has assignments and not ``force``
        """
        spark = self._source.spark
        options = self._source.options
        if "split" not in options:
            raise ValueError("only a local split (ratios and a seed) can be saved")
        return str(
            bridge(spark).saveSplit(
                spark._jsparkSession,
                options,
                force,
                created_by or getpass.getuser(),
            )
        )
