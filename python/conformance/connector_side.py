"""The connector's side of a conformance setting: the ``datamint_spark`` dataset built as the setting says, shared by
the item comparison (test_conformance.py) and the lineage comparison (test_lineage_conformance.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pyspark.sql import SparkSession
from settings import Setting

import datamint_spark as ds


def worklist_option(setting: Setting, mirror: Path) -> str:
    """The connector's ``worklists`` of a setting that chooses worklists: their names, or their ids (from the
    mirror's worklists.json)."""
    if setting.worklists_as == "name":
        return json.dumps(list(setting.worklist_names))
    ids = {w["name"]: w["id"] for w in json.loads((mirror / "worklists.json").read_text())}
    return ",".join(ids[name] for name in setting.worklist_names)


def connector_dataset(
    spark: SparkSession, setting: Setting, source: str | dict[str, Any], mirror: Path | None = None
) -> Any:
    """The connector's dataset of ``setting`` over ``source`` (a mirror's path, or the keyword arguments ``path=``, or
    ``server_url=`` and the project, with ``mirror`` the mirror behind them), its calls applied; ``save_split``
    records its split on the way (as the SDK's ``SplitResult.save()``)."""
    if isinstance(source, str):
        source, mirror = {"path": source}, Path(source)
    assert mirror is not None, "a source given as keyword arguments needs its mirror"
    kwargs = {**setting.kwargs, **setting.connector_kwargs}
    if setting.worklist_names:
        kwargs["worklists"] = worklist_option(setting, mirror)
    dataset = getattr(ds, setting.cls)(spark=spark, **source, **kwargs)
    for method, call_kwargs in setting.calls:
        if method == "prefetch":
            continue
        if method == "save_split":
            dataset.split(**call_kwargs).save(force=True, created_by="conformance")
        elif method == "split" and "use_server_splits" in call_kwargs:
            continue  # the connector's option use_server_splits (connector_kwargs): a split column from the tags
        else:
            dataset = getattr(dataset, method)(**call_kwargs)
    return dataset
