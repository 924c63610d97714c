"""The settings of the SDK conformance suite: each one a dataset built the same way with the real SDK and with the
connector's Python package (datamint_spark), whose items and rows are compared.

A setting is the dataset class, the constructor's keyword arguments and the chain of calls (filter, slice,
frame_by_frame, split, prefetch) applied to it, in the SDK's spelling; both sides apply them to their own classes.
This module is plain Python: the SDK dump (sdk_dump.py, in an SDK environment) and the comparison
(test_conformance.py, in a PySpark environment) import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The sample project's seed (bin/datamint-sample --seed); its ids, pixels and annotations are always the same.
SAMPLE_SEED = 42
ALICE = "alice@example.com"
BOB = "bob@example.com"


@dataclass(frozen=True)
class Setting:
    """One dataset: ``cls(project, **kwargs)`` then ``calls`` in order; ``connector_kwargs`` replaces keyword
    arguments whose connector spelling differs (the SDK's ``worklists=None`` is the connector's ``'none'``)."""

    id: str
    cls: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    calls: tuple[tuple[str, dict[str, Any]], ...] = ()
    connector_kwargs: dict[str, Any] = field(default_factory=dict)
    #: ``True``: only the newest pinned SDK version (the first of bin/lib/sdk-versions) runs it: a setting whose
    #: SDK side is another setting's (the connector reads through the API) or an SDK version's known behaviour, kept
    #: off the older version for time.
    newest_only: bool = False
    #: The oldest pinned SDK version that has this setting's feature ("": every version); older ones skip it.
    sdk_from: str = ""
    #: The oldest pinned SDK version that no longer has it ("": none); it and newer ones skip the setting.
    sdk_before: str = ""
    #: ``True``: the connector reads through the API (``server_url``, bin/datamint-server over a copy of the
    #: mirror) instead of the mirror; the SDK always reads through the API.
    via_api: bool = False
    #: Worklists chosen by name: the SDK is given those ``AnnotationWorklist`` objects (its only spelling), the
    #: connector their names, or their ids when ``worklists_as`` is ``"id"``.
    worklist_names: tuple[str, ...] = ()
    worklists_as: str = "name"
    #: The item fields compared (the SDK's names; empty: every field of sdk_dump.FIELDS the item has), and with
    #: them the label sets of those fields; the connector reads only their columns.
    fields: tuple[str, ...] = ()
    #: ``True``: dumped only where bin/sdk-conformance names it (over the larger project, whose default worklist
    #: holds the frame labels); a dump of every setting skips it.
    large_only: bool = False
    #: Text that both sides' errors must contain: the SDK raises building the setting and the connector's read
    #: raises, both naming the same resource (``id='...'`` in the SDK's message); that is agreement, not a
    #: difference.
    raises: str = ""

    @property
    def splits(self) -> bool:
        """Whether the last call is a split (then the memberships are compared, not the items)."""
        return bool(self.calls) and self.calls[-1][0] == "split"

    @property
    def saves_splits(self) -> bool:
        """Whether a call records a split in the project (``save_split``): the setting needs its own copy of
        the mirror, and the server's copy changes."""
        return any(method == "save_split" for method, _ in self.calls)

    def runs_on(self, sdk_version: str) -> bool:
        """Whether the SDK version ``sdk_version`` has this setting's features."""
        version = _version(sdk_version)
        if self.newest_only and sdk_version != newest_sdk():
            return False
        return (not self.sdk_from or version >= _version(self.sdk_from)) and (
            not self.sdk_before or version < _version(self.sdk_before)
        )


def newest_sdk() -> str:
    """The newest pinned SDK version: the first version line of bin/lib/sdk-versions."""
    lines = (Path(__file__).resolve().parents[2] / "bin" / "lib" / "sdk-versions").read_text().splitlines()
    return next(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3] if part.isdigit())


def _s(id: str, cls: str, *calls: tuple[str, dict[str, Any]], **kwargs: Any) -> Setting:
    return Setting(id, cls, kwargs, tuple(calls))


PNG = ("filter", {"filename_pattern": "*.png"})
CT = ("filter", {"tags": ["ct"]})
US = ("filter", {"tags": ["ultrasound"]})

XRAY_WORKLIST = "Chest X-ray review"
SEGMENTATION_WORKLIST = "CT and ultrasound segmentation"
DCM = ("filter", {"filename_pattern": "*.dcm"})
#: Which pinned SDK versions (bin/lib/sdk-versions) have the features after the seed: trusted_annotation_sources
#: since 2.18.1 (2.17.4 has return_boxes already); the deprecated ``split:*`` tags only 2.17.4 of the two.
NEWER_SDK = "2.18.1"
TAGS_GONE = "2.45.0"
#: The legacy v2.17 ``DatamintDataset`` (datamint.dataset.dataset) is gone from the newest pinned SDK (2.45.0 has
#: no datamint/dataset/dataset.py).
LEGACY_GONE = "2.45.0"
#: What the legacy class is compared on: its frame labels (and their label set). Its images are float tensors
#: scaled to [0, 1] in ``(N, C, H, W)``, its masks per-frame instance lists, its image labels those of the default
#: worklist's published annotations only: the new classes' settings compare those (docs/sdk-differences.md).
LEGACY_FIELDS = ("frame_labels",)
#: split()'s ``none_patient_id_strategy`` that fails on a resource without a patient id (both pinned versions).
NO_PATIENT_ID_ERROR = {"none_patient_id_strategy": "error"}


def _legacy(id: str, **kwargs: Any) -> Setting:
    """A setting of the legacy ``DatamintDataset(project_name=..., return_segmentations=False, **kwargs)`` (every
    resource of the project, the published annotations of its default worklist), the connector's by-kind read
    (``datamint_spark.DatamintDataset``). Without ``return_segmentations=False`` the legacy class raises a bare
    ``Exception`` on every item with a PNG mask (``read_array_normalized`` gives a PNG no metainfo), so on both
    clips, whose frame labels are the point (docs/sdk-differences.md)."""
    return Setting(
        id,
        "DatamintDataset",
        {"return_segmentations": False, **kwargs},
        fields=LEGACY_FIELDS,
        sdk_before=LEGACY_GONE,
        large_only=True,
    )


#: The legacy class's settings: its frame labels, and its frame-label name filters. Over the larger project only
#: (bin/datamint-sample --default-worklist segmentation: the sample's default worklist has no frame label).
LEGACY: list[Setting] = [
    _legacy("legacy-frame-labels"),
    _legacy("legacy-include-frame-label-names", include_frame_label_names=["artifact", "no-such-label"]),
    _legacy("legacy-exclude-frame-label-names", exclude_frame_label_names=["artifact"]),
    _legacy("legacy-frame-labels-annotators", include_annotators=["carol@example.com", "bob@example.com"]),
]

#: The settings added after the first matrix (issue 16's "not yet covered"), kept together.
WIDER: list[Setting] = [
    # return_boxes: image, volume (boxes on one slice), video (boxes on one frame), axial slices
    Setting("boxes-image", "ImageDataset", {"return_boxes": True}, (PNG,)),
    Setting("boxes-volume", "VolumeDataset", {"return_boxes": True}, (CT,)),
    Setting("boxes-video", "VideoDataset", {"return_boxes": True}, (US,), newest_only=True),
    Setting(
        "boxes-slice-axial",
        "VolumeDataset",
        {"return_boxes": True},
        (CT, ("slice", {"axis": "axial"})),
        newest_only=True,
    ),
    # trusted_annotation_sources given: the SDK's default spelled out, a custom list, and every source
    *[
        Setting(f"trusted-{name}", cls, {"trusted_annotation_sources": sources}, (chain,), sdk_from=NEWER_SDK)
        for name, cls, chain, sources in (
            ("imported-manual", "VolumeDataset", CT, ["imported", "manual"]),
            ("imported-manual-image", "ImageDataset", PNG, ["imported", "manual"]),
            ("imported", "ImageDataset", PNG, ["imported"]),
            ("model", "VolumeDataset", CT, ["model_pipeline", "manual"]),
        )
    ],
    Setting(
        "trusted-all",
        "VolumeDataset",
        {"trusted_annotation_sources": None},
        (CT,),
        {"trusted_annotation_sources": "all"},
        sdk_from=NEWER_SDK,
    ),
    # worklists chosen: the SDK's worklist objects, the connector's names or ids
    Setting("worklists-by-name", "ImageDataset", {}, (PNG,), worklist_names=(XRAY_WORKLIST,)),
    Setting(
        "worklists-by-id",
        "VolumeDataset",
        {},
        (CT,),
        worklist_names=(SEGMENTATION_WORKLIST,),
        worklists_as="id",
    ),
    Setting(
        "worklists-video-by-id",
        "VideoDataset",
        {},
        (US,),
        worklist_names=(SEGMENTATION_WORKLIST, XRAY_WORKLIST),
        worklists_as="id",
        newest_only=True,
    ),
    # multi-frame DICOM: as a video, and frame by frame
    _s("dicom-video", "VideoDataset", DCM),
    Setting("dicom-frames", "VideoDataset", {}, (DCM, ("frame_by_frame", {})), newest_only=True),
    # the connector through the API (server_url) instead of the mirror
    Setting(
        "api-image-semantic",
        "ImageDataset",
        {"return_as_semantic_segmentation": True},
        (PNG,),
        via_api=True,
        newest_only=True,
    ),
    Setting("api-volume", "VolumeDataset", {}, (CT,), via_api=True, newest_only=True),
    Setting(
        "api-slice-sagittal", "VolumeDataset", {}, (CT, ("slice", {"axis": "sagittal"})), via_api=True, newest_only=True
    ),
    Setting(
        "api-split-project",
        "VolumeDataset",
        {},
        (CT, ("split", {"use_project_splits": True, "as_of_timestamp": "2026-05-01T00:00:00Z"})),
        via_api=True,
        newest_only=True,
    ),
    # SplitResult.save() then the project's splits (now): the saved split replayed, on a mirror and through the API
    _s(
        "split-save-replay",
        "ImageDataset",
        PNG,
        ("save_split", {"train": 0.5, "test": 0.5, "seed": 11}),
        ("split", {"use_project_splits": True}),
    ),
    Setting(
        "split-save-replay-api",
        "VolumeDataset",
        {},
        (
            CT,
            ("save_split", {"train": 0.6, "test": 0.4, "seed": 4, "by_patient": True}),
            ("split", {"use_project_splits": True}),
        ),
        via_api=True,
    ),
    # the deprecated split:* tags (SDK 2.17: split(use_server_splits=True); the connector's use_server_splits)
    Setting(
        "split-tags",
        "ImageDataset",
        {},
        (PNG, ("split", {"use_server_splits": True})),
        {"use_server_splits": True},
        sdk_before=TAGS_GONE,
    ),
]

SETTINGS: list[Setting] = [
    # the three classes, as built
    _s("image", "ImageDataset", PNG),
    _s("volume", "VolumeDataset", CT),
    _s("video", "VideoDataset", US),
    # slices on three axes, and frames
    _s("slice-axial", "VolumeDataset", CT, ("slice", {"axis": "axial"})),
    _s("slice-coronal", "VolumeDataset", CT, ("slice", {"axis": "coronal"})),
    _s("slice-sagittal", "VolumeDataset", CT, ("slice", {"axis": "sagittal"})),
    _s("video-frames", "VideoDataset", US, ("frame_by_frame", {})),
    # semantic masks and their merges
    _s("image-semantic", "ImageDataset", PNG, return_as_semantic_segmentation=True),
    _s("volume-semantic", "VolumeDataset", CT, return_as_semantic_segmentation=True),
    *[
        _s(
            f"image-semantic-{m}",
            "ImageDataset",
            PNG,
            return_as_semantic_segmentation=True,
            semantic_seg_merge_strategy=m,
        )
        for m in ("union", "intersection", "mode")
    ],
    _s(
        "volume-semantic-union",
        "VolumeDataset",
        CT,
        return_as_semantic_segmentation=True,
        semantic_seg_merge_strategy="union",
    ),
    # image-label and category merges
    *[
        _s(f"image-labels-{m}", "ImageDataset", PNG, image_labels_merge_strategy=m)
        for m in ("union", "intersection", "mode")
    ],
    *[
        _s(f"image-categories-{m}", "ImageDataset", PNG, image_categories_merge_strategy=m)
        for m in ("union", "intersection", "mode")
    ],
    # annotation filters
    _s("include-annotators", "ImageDataset", PNG, include_annotators=[ALICE]),
    _s("exclude-annotators", "VolumeDataset", CT, exclude_annotators=[ALICE]),
    _s("include-segmentation-names", "VolumeDataset", CT, include_segmentation_names=["liver"]),
    _s("exclude-segmentation-names", "ImageDataset", PNG, exclude_segmentation_names=["heart"]),
    _s("include-image-label-names", "ImageDataset", PNG, include_image_label_names=["fracture"]),
    _s("exclude-image-label-names", "ImageDataset", PNG, exclude_image_label_names=["quality"]),
    _s("include-unannotated-false", "ImageDataset", PNG, include_unannotated=False),
    # label sets from the data, and external annotations
    Setting("worklists-none", "ImageDataset", {"worklists": None}, (PNG,), {"worklists": "none"}),
    _s("external-annotations", "ImageDataset", PNG, allow_external_annotations=True),
    _s("volume-external-annotations", "VolumeDataset", CT, allow_external_annotations=True),
    # filter()
    _s("filter-tags", "ImageDataset", ("filter", {"tags": ["chest"]})),
    _s("filter-has-annotations", "ImageDataset", ("filter", {"filename_pattern": "*.png", "has_annotations": True})),
    _s("filter-no-annotations", "VolumeDataset", ("filter", {"tags": ["ct"], "has_annotations": False})),
    _s(
        "filter-annotation-names",
        "ImageDataset",
        ("filter", {"filename_pattern": "*.png", "annotation_names": ["fracture"]}),
    ),
    _s("filter-chained", "ImageDataset", PNG, ("filter", {"tags": ["xray"]})),
    # splits
    _s("split-local", "ImageDataset", PNG, ("split", {"train": 0.5, "test": 0.5, "seed": 7})),
    _s("split-local-3", "VolumeDataset", CT, ("split", {"train": 0.6, "val": 0.2, "test": 0.2, "seed": 42})),
    _s("split-by-patient", "VolumeDataset", CT, ("split", {"train": 0.5, "test": 0.5, "seed": 3, "by_patient": True})),
    *[
        _s(
            f"split-by-patient-{strategy}",
            "ImageDataset",
            PNG,
            ("split", {"train": 0.5, "test": 0.5, "seed": 5, "by_patient": True, "none_patient_id_strategy": strategy}),
        )
        for strategy in ("group", "skip")
    ],
    _s(
        "split-project-before",
        "ImageDataset",
        PNG,
        ("split", {"use_project_splits": True, "as_of_timestamp": "2026-04-01T00:00:00Z"}),
    ),
    _s(
        "split-project-after",
        "VolumeDataset",
        CT,
        ("split", {"use_project_splits": True, "as_of_timestamp": "2026-05-01T00:00:00Z"}),
    ),
    _s(
        "split-sliced",
        "VolumeDataset",
        CT,
        ("slice", {"axis": "axial"}),
        ("split", {"train": 0.5, "test": 0.5, "seed": 1}),
    ),
    # prefetch() then a read of the cache
    _s("prefetch", "ImageDataset", PNG, ("prefetch", {})),
    *WIDER,
    # a patient-wise split that fails on a resource without a patient id: both sides raise, naming it
    Setting(  # none_patient_id_strategy='error'
        "split-by-patient-error",
        "ImageDataset",
        {},
        (PNG, ("split", {"train": 0.5, "test": 0.5, "seed": 5, "by_patient": True, **NO_PATIENT_ID_ERROR})),
        raises="has no patient_id",
    ),
    *LEGACY,
]


def by_id(setting_id: str) -> Setting:
    """The setting named ``setting_id``."""
    for setting in SETTINGS:
        if setting.id == setting_id:
            return setting
    raise KeyError(f"no setting {setting_id!r}; known: {', '.join(s.id for s in SETTINGS)}")
