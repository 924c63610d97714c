"""The MLflow lineage against the real SDK: for every setting of settings.py (and every split of a split setting),
the connector's ``lineage()`` must give the name, digest, source and profile of the SDK's ``build_mlflow_dataset()``
(dumped by sdk_dump.py through sdk_lineage.py). The connector reads with the SDK's default
``trusted_annotation_sources`` (``imported,manual``) unless the setting gives it: the same selection as the SDK's.

Every difference must be listed in the table "MLflow lineage differences the conformance suite finds" of
docs/sdk-differences.md, and every listed one must still be found. Run by bin/sdk-conformance with the other modules.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from pyspark.sql import SparkSession

import datamint_spark as ds
from datamint_spark.lineage import lineage_of

sys.path.insert(0, str(Path(__file__).resolve().parent))
from connector_side import connector_dataset
from settings import SETTINGS, Setting

DIFFERENCES_DOC = Path(__file__).resolve().parents[2] / "docs" / "sdk-differences.md"
TABLE_HEADING = "## MLflow lineage differences the conformance suite finds"
#: The SDK's default since v2.18.1; the connector's default keeps every source.
SDK_TRUSTED_SOURCES = ["imported", "manual"]

Difference = tuple[str, str, str, str]


def documented() -> list[Difference]:
    """(setting, kind, split, SDK version) glob patterns of the table under TABLE_HEADING."""
    text = DIFFERENCES_DOC.read_text()
    assert TABLE_HEADING in text, f"{DIFFERENCES_DOC} has no section {TABLE_HEADING!r}"
    section = text.split(TABLE_HEADING, 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and cells[0].startswith("`"):
            rows.append((cells[0].strip("`"), cells[1].strip("`"), cells[2].strip("`"), cells[3].strip("`")))
    return rows


def listed(difference: Difference) -> bool:
    return any(all(fnmatch.fnmatchcase(d, p) for p, d in zip(row, difference, strict=True)) for row in documented())


def connector_lineages(
    spark: SparkSession, setting: Setting, mirror: str, split_names: Iterable[str]
) -> dict[str, ds.DatasetLineage]:
    """The connector's lineage of ``setting`` by split name (``""``: the dataset itself), over the mirror the SDK's
    server served: the dataset test_conformance builds, with the SDK's default trusted sources unless the setting
    names its own. A split read by the connector as a column (the deprecated ``split:*`` tags) gives the lineage of
    each of ``split_names``, the SDK's."""
    given = {**setting.kwargs, **setting.connector_kwargs}
    if "trusted_annotation_sources" not in given:
        trusted = {"trusted_annotation_sources": SDK_TRUSTED_SOURCES, **setting.connector_kwargs}
        setting = dataclasses.replace(setting, connector_kwargs=trusted)
    dataset: Any = connector_dataset(spark, setting, mirror)
    if setting.splits and hasattr(dataset, "items"):
        return {name: part.lineage() for name, part in dataset.items()}
    if setting.splits:
        return {name: lineage_of(spark, dataset.options, name) for name in split_names}
    return {"": dataset.lineage()}


def differences(sdk: dict[str, Any], ours: ds.DatasetLineage) -> list[tuple[str, str]]:
    """(kind, detail) of every difference between the SDK's fields and the connector's lineage."""
    if "error" in sdk:
        return [("lineage:sdk-error", sdk["error"])]
    found = []
    for field in ("name", "digest", "source", "source_type"):
        if sdk[field] != getattr(ours, field):
            found.append((f"lineage:{field}", f"SDK {sdk[field]}, connector {getattr(ours, field)}"))
    theirs, mine = json.loads(sdk["profile"]), json.loads(ours.profile)
    if theirs["num_resources"] != mine["num_resources"]:
        found.append(("lineage:num_resources", f"SDK {theirs['num_resources']}, connector {mine['num_resources']}"))
    elif mine["most_common_storage_type"] not in sdk["tied"]:
        # a tie is broken by Python's set order in the SDK: any of the tied values is its answer
        found.append(("lineage:storage", f"SDK one of {sdk['tied']}, connector {mine['most_common_storage_type']}"))
    return found


FOUND: dict[Difference, str] = {}
COMPARED: list[tuple[str, str]] = []


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.id)
def test_lineage(spark: SparkSession, dump_dirs: list[Path], setting: Setting) -> None:
    read: dict[str, dict[str, ds.DatasetLineage]] = {}
    message = []
    for dump_dir in dump_dirs:
        path = dump_dir / setting.id / "dump.json"
        if not path.exists():
            continue
        dump = json.loads(path.read_text())
        lineage = dump.get("lineage")
        # a build failure (listed by test_conformance), or an SDK without build_mlflow_dataset()
        if lineage is None or "absent" in lineage:
            continue
        mirror = json.loads((dump_dir / "server.json").read_text())["mirror"]
        if mirror not in read:
            read[mirror] = connector_lineages(spark, setting, mirror, lineage["by_split"])
        ours = read[mirror]
        COMPARED.append((setting.id, dump["sdk"]))
        for split in sorted(set(lineage["by_split"]) | set(ours)):
            key = split or "*"
            if split not in ours or split not in lineage["by_split"]:
                found = [("lineage:split", f"split {split!r} on one side only")]
            else:
                found = differences(lineage["by_split"][split], ours[split])
            for kind, detail in found:
                difference = (setting.id, kind, key, dump["sdk"])
                FOUND[difference] = detail
                if not listed(difference):
                    message.append(f"  | `{setting.id}` | `{kind}` | `{key}` | `{dump['sdk']}` | {detail}")
    assert not message, "MLflow lineage differences not listed in docs/sdk-differences.md:\n" + "\n".join(message)


def test_every_listed_lineage_difference_is_still_found() -> None:
    """After the setting tests (pytest keeps the file's order)."""
    assert COMPARED, "no SDK dump had build_mlflow_dataset() fields: the lineage was never compared"
    gone = [
        row
        for row in documented()
        if not any(all(fnmatch.fnmatchcase(d, p) for p, d in zip(row, found, strict=True)) for found in FOUND)
    ]
    assert not gone, "lineage rows of docs/sdk-differences.md that match no difference any more:\n" + "\n".join(
        f"  {row}" for row in gone
    )
