"""Dumps the real Datamint SDK's items, canonically, for every setting of settings.py: the SDK side of the
conformance suite. Run with the Python of an SDK environment (bin/lib/install-sdk.sh):

    python python/conformance/sdk_dump.py MIRROR OUT [SETTING ...]

It serves MIRROR (a project written by bin/datamint-sample) with bin/datamint-server over a copy (the SDK writes
to its mirror on save), builds each setting's dataset through the SDK's own REST calls, and writes OUT/<setting>/:

- ``dump.json``: the SDK version, the label sets (segmentation, image labels, image categories, frame labels), the
  items in resource id order (slice or frame index next), each with its resource id, filename and fields (arrays as
  ``{"npy": file}``; only the setting's ``fields`` when it names them), or ``splits`` (name -> filenames, sorted) for
  a split, or ``error`` when building or iterating raised;
- ``lineage``: the SDK's ``build_mlflow_dataset()`` fields per split (sdk_lineage.py);
- one ``.npy`` per array, with the array's dtype and shape.

OUT/server.json holds the requests the server did not implement (the suite asserts there are none), the SDK version
and the mirror's path (the comparison reads that mirror). Without SETTING arguments it dumps every setting this SDK
version has except the ``large_only`` ones; when none of the settings named runs on this version it writes only
server.json (nothing requested), without starting the server.

The legacy v2.17 class ``DatamintDataset`` (settings whose ``cls`` is it) is built as
``DatamintDataset(project_name=NAME, **kwargs)``; it keeps a copy of the project under ``$HOME/.datamint/datasets``
(downloaded at its first construction, then only checked against ``GET /datasets``' ``updated_at``), which the next
legacy setting of the run reuses.
"""

from __future__ import annotations

import importlib.metadata
import json
import shutil
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sdk_lineage
from sdk_server import LocalServer, sdk_environment
from settings import SETTINGS, Setting, by_id

#: The item fields compared (the SDK's names); the rest (metainfo, annotations, resource) are not.
FIELDS = ("image", "masks", "mask_labels", "image_labels", "image_categories", "frame_labels", "boxes", "box_labels")
LABEL_SETS = (
    "segmentation_labels_set",
    "image_labels_set",
    "image_categories_set",
    "frame_labels_set",
    "box_labels_set",
)


class Writer:
    """Turns an item's values into JSON with arrays in .npy files under ``directory``."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.count = 0

    def canon(self, value: Any) -> Any:
        if hasattr(value, "detach") and hasattr(value, "numpy"):  # a torch tensor
            value = value.detach().cpu().numpy()
        if isinstance(value, np.ndarray):
            name = f"a{self.count:05d}.npy"
            self.count += 1
            np.save(self.directory / name, value, allow_pickle=False)
            return {"npy": name}
        if isinstance(value, dict):
            return {str(k): self.canon(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
        if isinstance(value, (list, tuple)):
            return [self.canon(v) for v in value]
        if isinstance(value, np.generic):
            return value.item()
        return value


def label_sets(dataset: Any) -> dict[str, Any]:
    sets = {}
    for name in LABEL_SETS:
        try:
            sets[name] = [list(v) if isinstance(v, tuple) else v for v in getattr(dataset, name)]
        except Exception as e:  # an SDK version without that set
            sets[name] = {"error": f"{type(e).__name__}: {e}"}
    return sets


def item_key(dataset: Any, i: int) -> dict[str, Any]:
    """The resource id, filename, slice and frame index of item ``i``: of its resource proxy, or for the legacy class
    (no ``resources``) of its resource's metadata."""
    if not hasattr(dataset, "resources"):  # the legacy DatamintDataset, one item per resource
        info = dataset.images_metainfo[dataset.subset_indices[i]]
        return {
            "resource_id": str(info["id"]),
            "filename": str(info["filename"]),
            "slice_index": None,
            "frame_index": None,
        }
    resource = dataset.resources[i]
    return {
        "resource_id": str(resource.id),
        "filename": str(resource.filename),
        "slice_index": getattr(resource, "slice_index", None),
        "frame_index": getattr(resource, "frame_index", None),
    }


def items(dataset: Any, writer: Writer, compared: tuple[str, ...] = FIELDS) -> list[dict[str, Any]]:
    rows = []
    for i in range(len(dataset)):
        key = item_key(dataset, i)
        try:
            item = dataset[i]
            fields = {f: writer.canon(item[f]) for f in compared if f in item}
            rows.append({**key, "fields": fields})
        except Exception as e:  # recorded: the comparison lists it
            rows.append({**key, "error": f"{type(e).__name__}: {e}"})
    rows.sort(key=lambda r: (r["resource_id"], r["slice_index"] or 0, r["frame_index"] or 0))
    return rows


def worklists(project: str, names: tuple[str, ...]) -> list[Any]:
    """The project's worklists named ``names``, as the SDK's ``AnnotationWorklist`` objects (its only spelling
    of ``worklists=``), in the order given."""
    from datamint import Api

    api = Api()
    by_name = {w.name: w for w in api.annotationsets.get_by_project(api.projects.get_by_name(project))}
    return [by_name[name] for name in names]


def build(setting: Setting, project: str) -> Any:
    import datamint.dataset as sdk

    if setting.cls == "DatamintDataset":
        from datamint.dataset.dataset import DatamintDataset

        return DatamintDataset(project_name=project, **setting.kwargs)
    kwargs = dict(setting.kwargs)
    if setting.worklist_names:
        kwargs["worklists"] = worklists(project, setting.worklist_names)
    dataset = getattr(sdk, setting.cls)(project=project, **kwargs)
    for method, call_kwargs in setting.calls:
        if method == "prefetch":
            dataset.prefetch(**call_kwargs)
        elif method == "save_split":  # split, recorded in the project; the dataset goes on unsplit
            dataset.split(**call_kwargs).save(force=True)
        else:
            dataset = getattr(dataset, method)(**call_kwargs)
    return dataset


def dump(setting: Setting, project: str, out: Path) -> None:
    directory = out / setting.id
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    result: dict[str, Any] = {"sdk": importlib.metadata.version("datamint"), "setting": setting.id}
    try:
        built = build(setting, project)
        result["lineage"] = sdk_lineage.dump(built, setting.splits)
        if setting.splits:
            result["splits"] = {
                name: sorted({str(part.resources[i].filename) for i in range(len(part))})
                for name, part in built.items()
            }
        else:
            result["label_sets"] = label_sets(built)
            result["items"] = items(built, Writer(directory), setting.fields or FIELDS)
    except Exception as e:
        result["error"] = f"{type(e).__name__}: {e}"
        traceback.print_exc()
    (directory / "dump.json").write_text(json.dumps(result, indent=1, sort_keys=True))


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    mirror, out = Path(argv[0]), Path(argv[1])
    version = importlib.metadata.version("datamint")
    named = [by_id(s) for s in argv[2:]] or [s for s in SETTINGS if not s.large_only]
    chosen = [s for s in named if s.runs_on(version)]
    out.mkdir(parents=True, exist_ok=True)
    if not chosen:
        nothing = {"count": 0, "requests": [], "sdk": version, "mirror": str(mirror.resolve())}
        (out / "server.json").write_text(json.dumps(nothing, indent=1))
        return 0
    with tempfile.TemporaryDirectory(prefix="sdk-dump-") as tmp:
        tmp_path = Path(tmp)
        shutil.copytree(mirror, tmp_path / "mirror")
        project = json.loads((tmp_path / "mirror" / "project.json").read_text())["name"]
        with LocalServer(tmp_path / "mirror", out / "server.log") as server:
            sdk_environment(server.url, tmp_path / "home")
            for setting in chosen:
                print(f"== {setting.id}", flush=True)
                dump(setting, project, out)
            unknown = server.unknown_requests()
            unknown["sdk"] = importlib.metadata.version("datamint")
            unknown["mirror"] = str(mirror.resolve())
            (out / "server.json").write_text(json.dumps(unknown, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
