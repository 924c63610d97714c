"""The SDK side of the MLflow lineage check: ``build_mlflow_dataset()`` of a setting's dataset (or of each of its
splits), as ``DatamintMLflowDataset.to_dict()`` gives it. sdk_dump.py records it in each setting's dump.json under
``lineage``; test_lineage_conformance.py compares it with the connector's ``lineage()``.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any


def mlflow_fields(dataset: Any) -> dict[str, Any]:
    """The SDK's MLflow dataset fields of ``dataset``, or ``error`` when building them raised; ``tied`` lists the
    storage types as common as the most common one (the SDK breaks that tie in Python's set order, which changes
    from process to process)."""
    try:
        fields = dict(dataset.build_mlflow_dataset().to_dict())
    except Exception as e:  # recorded: the comparison lists it
        return {"error": f"{type(e).__name__}: {e}"}
    # the SDK's profile: r.storage of a Resource, None of a slice or frame proxy
    counts = Counter(None if type(r).__name__.startswith("Sliced") else r.storage for r in dataset.resources)
    top = max(counts.values(), default=0)
    fields["tied"] = sorted((k for k, n in counts.items() if n == top), key=json.dumps)
    return fields


def dump(built: Any, splits: bool) -> dict[str, Any]:
    """``{"absent": ...}`` for an SDK without ``build_mlflow_dataset()``; else the fields by split name (``""``: the
    dataset itself)."""
    probe = next(iter(built.values())) if splits else built
    if not hasattr(probe, "build_mlflow_dataset"):
        return {"absent": "this SDK version has no build_mlflow_dataset()"}
    if splits:
        return {"by_split": {name: mlflow_fields(part) for name, part in built.items()}}
    return {"by_split": {"": mlflow_fields(built)}}
