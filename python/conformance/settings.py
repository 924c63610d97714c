"""The settings of the SDK conformance suite: each one a dataset built the same way with the real SDK and with the
connector's Python package (datamint_spark), whose items and rows are compared.

A setting is the dataset class, the constructor's keyword arguments and the chain of calls (filter, slice,
frame_by_frame, split, prefetch) applied to it, in the SDK's spelling; both sides apply them to their own classes.
This module is plain Python: the SDK dump (sdk_dump.py, in an SDK environment) and the comparison
(test_conformance.py, in a PySpark environment) import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    #: ``True``: the SDK versions before this setting's feature are not run on it.
    newest_only: bool = False

    @property
    def splits(self) -> bool:
        """Whether the last call is a split (then the memberships are compared, not the items)."""
        return bool(self.calls) and self.calls[-1][0] == "split"


def _s(id: str, cls: str, *calls: tuple[str, dict[str, Any]], **kwargs: Any) -> Setting:
    return Setting(id, cls, kwargs, tuple(calls))


PNG = ("filter", {"filename_pattern": "*.png"})
CT = ("filter", {"tags": ["ct"]})
US = ("filter", {"tags": ["ultrasound"]})

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
]


def by_id(setting_id: str) -> Setting:
    """The setting named ``setting_id``."""
    for setting in SETTINGS:
        if setting.id == setting_id:
            return setting
    raise KeyError(f"no setting {setting_id!r}; known: {', '.join(s.id for s in SETTINGS)}")
