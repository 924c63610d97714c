"""The SDK conformance suite: the connector's rows (datamint_spark, over the mirror) against the real SDK's items
(dumped by sdk_dump.py over bin/datamint-server serving the same mirror), item by item, for every setting of
settings.py. Every difference found must be listed in the table "Differences the conformance suite finds" of
docs/sdk-differences.md, and every listed difference must still be found: a new difference or a fixed one fails.

Run by bin/sdk-conformance (with the environment of a Spark installation, the datamint_spark wheel installed):
    DATAMINT_CONFORMANCE_DUMPS=DIR[:DIR...] python -m pytest python/conformance
"""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

import datamint_spark as ds

sys.path.insert(0, str(Path(__file__).resolve().parent))
from connector_side import connector_dataset
from sdk_server import API_KEY, LocalServer
from settings import SETTINGS, Setting

REPO = Path(__file__).resolve().parents[2]
DIFFERENCES_DOC = REPO / "docs" / "sdk-differences.md"
TABLE_HEADING = "## Differences the conformance suite finds"
#: Every difference found in the last run, for narrowing the table's patterns by hand.
FOUND_FILE = REPO / "target" / "sdk-conformance-differences.json"
#: SDK item field -> connector column.
COLUMNS = {
    "image": "image",
    "masks": "segmentations",
    "mask_labels": "seg_labels",
    "image_labels": "image_labels",
    "image_categories": "image_categories",
    "frame_labels": "frame_labels",
    "boxes": "boxes",
    "box_labels": "box_labels",
}
#: SDK item field -> the keyword argument that asks for it: when the setting asks and an SDK item lacks the field,
#: that is a difference (``<field>:not-in-sdk-item``), not a field left uncompared.
REQUESTED = {"boxes": "return_boxes", "box_labels": "return_boxes"}
#: SDK label set -> the connector column whose field metadata holds it.
LABEL_SETS = {
    "segmentation_labels_set": "seg_labels",
    "image_labels_set": "image_labels",
    "image_categories_set": "image_categories",
    "frame_labels_set": "frame_labels",
    "box_labels_set": "box_labels",
}


# ---- the documented differences -------------------------------------------------------------------------------


def documented() -> list[tuple[str, str, str, str]]:
    """(setting, kind, resource, SDK version) glob patterns of the table under TABLE_HEADING."""
    text = DIFFERENCES_DOC.read_text()
    if TABLE_HEADING not in text:
        raise AssertionError(f"{DIFFERENCES_DOC} has no section {TABLE_HEADING!r}")
    section = text.split(TABLE_HEADING, 1)[1].split("\n## ", 1)[0]
    patterns = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not cells[0].startswith("`"):
            continue
        patterns.append(tuple(c.strip("`") for c in cells[:4]))
    return patterns  # type: ignore[return-value]


def matches(pattern: tuple[str, ...], diff: tuple[str, ...]) -> bool:
    return all(fnmatch.fnmatchcase(d, p) for p, d in zip(pattern, diff, strict=True))


# ---- values of both sides --------------------------------------------------------------------------------------


def tensor(value: Any) -> np.ndarray:
    """A connector tensor struct as a NumPy array."""
    return np.frombuffer(bytes(value["data"]), dtype=np.dtype(value["dtype"])).reshape(tuple(value["shape"]))


def connector_value(value: Any) -> Any:
    if value is None:
        return None
    if hasattr(value, "asDict") and set(value.asDict()) == {"dtype", "shape", "data"}:
        return tensor(value)
    if isinstance(value, dict):
        return {str(k): connector_value(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return np.asarray(value)
    return value


def sdk_value(value: Any, directory: Path) -> Any:
    if isinstance(value, dict) and set(value) == {"npy"}:
        return np.load(directory / value["npy"], allow_pickle=False)
    if isinstance(value, dict):
        return {k: sdk_value(v, directory) for k, v in value.items()}
    if isinstance(value, list):
        return np.asarray(value)
    return value


def compare(field: str, sdk: Any, ours: Any) -> list[tuple[str, str]]:
    """(kind, detail) of every difference between two values of ``field``."""
    if isinstance(sdk, dict) or isinstance(ours, dict):
        if not isinstance(sdk, dict) or not isinstance(ours, dict):
            return [(f"{field}:type", f"SDK {type(sdk).__name__}, connector {type(ours).__name__}")]
        found = []
        if set(sdk) != set(ours):
            found.append((f"{field}:keys", f"SDK {sorted(sdk)}, connector {sorted(ours)}"))
        for key in sorted(set(sdk) & set(ours)):
            found += compare(field, sdk[key], ours[key])
        return found
    if sdk is None or ours is None:
        return [] if sdk is None and ours is None else [(f"{field}:null", f"SDK {sdk!r}, connector {ours!r}")]
    a, b = np.asarray(sdk), np.asarray(ours)
    if a.shape != b.shape:
        return [(f"{field}:shape", f"SDK {a.shape}, connector {b.shape}")]
    found = []
    if a.dtype != b.dtype and not (a.dtype.kind in "iub" and b.dtype.kind in "iub" and field != "image"):
        found.append((f"{field}:dtype", f"SDK {a.dtype}, connector {b.dtype}"))
    if a.dtype.kind in "fc" or b.dtype.kind in "fc":
        equal = np.allclose(a.astype(np.float64), b.astype(np.float64), rtol=0, atol=1e-6, equal_nan=True)
    else:
        equal = np.array_equal(a, b)
    if not equal:
        n = int(np.count_nonzero(a.astype(np.float64) != b.astype(np.float64)))
        found.append((f"{field}:values", f"{n} of {a.size} values differ"))
    return found


def resource_key(filename: str, slice_index: Any, frame_index: Any) -> str:
    """A row's name in the table: the resource's filename (unique in the sample project, the same for every seed),
    ``#sN`` for slice N, ``#fN`` for frame N."""
    return (
        filename
        + (f"#s{slice_index}" if slice_index is not None else "")
        + (f"#f{frame_index}" if frame_index is not None else "")
    )


# ---- the connector's side ---------------------------------------------------------------------------------------


def prefetched(spark: SparkSession, mirror: Path, tmp: Path, setting: Setting) -> str:
    """The connector's counterpart of the SDK's prefetch(): the project prefetched from the server to a new mirror."""
    shutil.copytree(mirror, tmp / "served")
    project = json.loads((mirror / "project.json").read_text())["name"]
    with LocalServer(tmp / "served", tmp / "server.log") as server:
        report = ds.prefetch(spark, str(tmp / "prefetched"), project, server_url=server.url, api_key=API_KEY)
        assert report.complete and report.failed == 0, report.summary
        assert server.unknown_requests()["count"] == 0
    return str(tmp / "prefetched")


def label_set(df: DataFrame, column: str) -> Any:
    if column not in df.columns or "labels" not in df.schema[column].metadata:
        return None
    names = df.schema[column].metadata["labels"]
    names = json.loads(names) if isinstance(names, str) else names
    return [list(n) if isinstance(n, (list, tuple)) else n for n in names]


def comparable_label_set(name: str, sdk: list[Any], ours: list[Any]) -> tuple[list[Any], list[Any]]:
    """The two spellings of a label set made comparable: the connector's ``seg_labels`` names are indexed by code,
    with code 0 ``background`` (the SDK's list starts at code 1); its categories are ``identifier=value`` (the SDK's
    are pairs)."""
    if name == "segmentation_labels_set":
        assert ours[:1] == ["background"], f"code 0 of seg_labels is {ours[:1]}, not background"
        ours = ours[1:]
    if name == "image_categories_set":
        sdk = [f"{pair[0]}={pair[1]}" if isinstance(pair, list) else pair for pair in sdk]
    return sdk, ours


@contextmanager
def connector_source(spark: SparkSession, setting: Setting, mirror: Path, tmp: Path) -> Iterator[dict[str, Any]]:
    """Where the connector reads ``setting`` from: ``path=`` of the mirror (a private copy when the setting records
    a split; a prefetched copy for ``prefetch``), or, for ``via_api``, ``server_url=`` of bin/datamint-server over
    a copy of the mirror, running until the read is done."""
    if ("prefetch", {}) in setting.calls:
        yield {"path": prefetched(spark, mirror, tmp, setting)}
        return
    if not setting.via_api and not setting.saves_splits:
        yield {"path": str(mirror)}
        return
    shutil.copytree(mirror, tmp / "own")
    if not setting.via_api:
        yield {"path": str(tmp / "own")}
        return
    project = json.loads((mirror / "project.json").read_text())["name"]
    with LocalServer(tmp / "own", tmp / "server.log") as server:
        yield {"project": project, "server_url": server.url, "api_key": API_KEY}
        assert server.unknown_requests()["count"] == 0, server.unknown_requests()


def split_memberships(dataset: Any) -> dict[str, list[str]]:
    """Split name -> the filenames of its rows: of each part of a SplitResult, or of the ``split`` column (the
    deprecated tag splits, where a resource with two tags has two rows)."""
    if isinstance(dataset, dict):
        return {
            name: sorted({r[0] for r in part.dataframe().select("filename").collect()})
            for name, part in dataset.items()
        }
    memberships: dict[str, set[str]] = {}
    for row in dataset.dataframe().where(F.col("split").isNotNull()).select("split", "filename").collect():
        memberships.setdefault(row[0], set()).add(row[1])
    return {name: sorted(files) for name, files in memberships.items()}


def connector_side(spark: SparkSession, setting: Setting, mirror: Path, tmp: Path) -> dict[str, Any]:
    """The connector's result of ``setting``: ``splits`` (name -> resource ids), or ``label_sets`` and ``rows``
    (by resource key), read once and compared with every SDK version's dump."""
    with connector_source(spark, setting, mirror, tmp) as source:
        return connector_result(connector_dataset(spark, setting, source, mirror), setting)


def compared_fields(setting: Setting) -> list[str]:
    """The SDK item fields ``setting`` compares: its ``fields``, else all of COLUMNS."""
    return [f for f in COLUMNS if not setting.fields or f in setting.fields]


def connector_result(dataset: Any, setting: Setting) -> dict[str, Any]:
    """What connector_side returns, of the dataset built for ``setting``: with ``raises``, ``error`` (the message)
    when the read fails."""
    if setting.splits and setting.raises:
        try:
            return {"splits": split_memberships(dataset)}
        except Exception as e:  # compared with the SDK's error
            return {"error": str(e)}
    if setting.splits:
        return {"splits": split_memberships(dataset)}
    df = dataset.dataframe()
    sets = {name: label_set(df, column) for name, column in LABEL_SETS.items()}
    for index in ("slice_index", "frame_index"):
        if index not in df.columns:
            df = df.withColumn(index, F.lit(None).cast("int"))
    wanted = [COLUMNS[f] for f in compared_fields(setting)]
    columns = ["filename", "slice_index", "frame_index", "_error", *[c for c in wanted if c in df.columns]]
    rows = {
        resource_key(r["filename"], r["slice_index"], r["frame_index"]): r.asDict()
        for r in df.select(*columns).collect()
    }
    return {"label_sets": sets, "rows": rows}


def raise_agree(text: str, sdk_error: str | None, connector_error: str | None) -> bool:
    """Whether both sides raised with ``text`` in their messages, naming the same resource (the SDK's message
    names it as ``id='...'``)."""
    if sdk_error is None or connector_error is None or text not in sdk_error or text not in connector_error:
        return False
    named = re.search(r"id='([^']+)'", sdk_error)
    return named is not None and named.group(1) in connector_error


def differences(setting: Setting, ours: dict[str, Any], dump_dir: Path) -> dict[tuple[str, str, str, str], str]:
    """{(setting, kind, resource, SDK version): detail} of every difference between the connector's result
    ``ours`` and the SDK's dump of ``setting`` in ``dump_dir``."""
    directory = dump_dir / setting.id
    sdk = json.loads((directory / "dump.json").read_text())
    found: dict[tuple[str, str, str, str], str] = {}

    def note(kind: str, resource: str, detail: str) -> None:
        found[(setting.id, kind, resource, sdk["sdk"])] = detail

    if setting.raises and raise_agree(setting.raises, sdk.get("error"), ours.get("error")):
        return found
    if "error" in sdk:
        note("sdk:error", "*", sdk["error"])
        return found
    if "error" in ours:
        note("connector:error", "*", ours["error"])
        return found
    if setting.splits:
        for name in sorted(set(sdk["splits"]) | set(ours["splits"])):
            a, b = set(sdk["splits"].get(name, [])), set(ours["splits"].get(name, []))
            for rid in sorted(a - b):
                note(f"split:{name}:missing", rid, "in the SDK's subset, not in the connector's")
            for rid in sorted(b - a):
                note(f"split:{name}:extra", rid, "in the connector's subset, not in the SDK's")
        return found

    columns = {COLUMNS[f] for f in compared_fields(setting)}
    for name in LABEL_SETS:
        if LABEL_SETS[name] not in columns:
            continue
        theirs, mine = sdk["label_sets"].get(name), ours["label_sets"][name]
        if isinstance(theirs, dict) or mine is None:
            continue
        theirs, mine = comparable_label_set(name, theirs, mine)
        if theirs != mine:
            note(f"labels:{name}", "*", f"SDK {theirs}, connector {mine}")
    rows = ours["rows"]
    items = {resource_key(i["filename"], i["slice_index"], i["frame_index"]): i for i in sdk["items"]}
    for key in sorted(set(items) - set(rows)):
        note("row:missing", key, "an SDK item without a connector row")
    for key in sorted(set(rows) - set(items)):
        note("row:extra", key, "a connector row without an SDK item")
    for key in sorted(set(items) & set(rows)):
        item, row = items[key], rows[key]
        if "error" in item:
            note("item:error", key, item["error"])
            continue
        if row["_error"] is not None:
            note("row:error", key, row["_error"])
            continue
        for field in compared_fields(setting):
            column = COLUMNS[field]
            if field not in item["fields"]:
                if setting.kwargs.get(REQUESTED.get(field, "")) and column in row:
                    note(f"{field}:not-in-sdk-item", key, f"asked for ({REQUESTED[field]}); the connector has {column}")
                continue
            if column not in row:
                note(f"{field}:absent", key, f"the connector has no {column} column")
                continue
            theirs = sdk_value(item["fields"][field], directory)
            for kind, detail in compare(field, theirs, connector_value(row[column])):
                note(kind, key, detail)
    return found


def test_the_server_implemented_every_sdk_request(dump_dirs: list[Path]) -> None:
    for dump_dir in dump_dirs:
        unknown = json.loads((dump_dir / "server.json").read_text())
        assert unknown["count"] == 0, f"{dump_dir}: bin/datamint-server did not implement: {unknown['requests']}"


def test_every_documented_difference_names_a_setting() -> None:
    ids = [s.id for s in SETTINGS]
    for pattern in documented():
        assert fnmatch.filter(ids, pattern[0]), f"{pattern} names no setting of settings.py"


#: Every difference the setting tests found, for the closing check of the table.
FOUND: dict[tuple[str, str, str, str], str] = {}
#: (setting, SDK version) pairs compared.
COMPARED: set[tuple[str, str]] = set()


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.id)
def test_setting(spark: SparkSession, dump_dirs: list[Path], tmp_path: Path, setting: Setting) -> None:
    dumps = [d for d in dump_dirs if (d / setting.id / "dump.json").exists()]
    assert dumps, f"no SDK dump of {setting.id} in {dump_dirs}"
    message = []
    read: dict[str, dict[str, Any]] = {}  # the connector's result per mirror, for every SDK version's dump
    for dump_dir in dumps:
        version = json.loads((dump_dir / setting.id / "dump.json").read_text())["sdk"]
        mirror = json.loads((dump_dir / "server.json").read_text())["mirror"]
        if mirror not in read:
            read[mirror] = connector_side(spark, setting, Path(mirror), tmp_path / f"read-{len(read)}")
        found = differences(setting, read[mirror], dump_dir)
        FOUND.update(found)
        COMPARED.add((setting.id, version))
        new = {d: detail for d, detail in found.items() if not any(matches(p, d) for p in documented())}
        if new:
            message.append(f"datamint {version}: differences not listed in docs/sdk-differences.md:")
            message += [f"  | `{s}` | `{k}` | `{r}` | `{v}` | {detail}" for (s, k, r, v), detail in sorted(new.items())]
    assert not message, "\n".join(message)


def test_every_listed_difference_is_still_found(dump_dirs: list[Path]) -> None:
    """Runs after the setting tests (pytest keeps the file's order): a table row that matches no difference found in
    any setting and SDK version is stale (fixed, or a changed SDK)."""
    found = [
        {"setting": s, "kind": k, "resource": r, "sdk": v, "detail": d} for (s, k, r, v), d in sorted(FOUND.items())
    ]
    FOUND_FILE.parent.mkdir(parents=True, exist_ok=True)
    FOUND_FILE.write_text(json.dumps(found, indent=1))
    versions = {json.loads((d / "server.json").read_text()).get("sdk", "") for d in dump_dirs} - {""}
    expected = {(s.id, v) for s in SETTINGS for v in versions if s.runs_on(v)}
    assert expected <= COMPARED, f"settings not compared (run the whole module): {sorted(expected - COMPARED)}"
    gone = [p for p in documented() if not any(matches(p, d) for d in FOUND)]
    assert not gone, "rows of docs/sdk-differences.md that match no difference any more (remove them):\n" + "\n".join(
        f"  {p}" for p in gone
    )
