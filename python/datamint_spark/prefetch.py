"""The connector's cluster prefetch from Python: a project of the Datamint API into a mirror."""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._bridge import bridge
from .reader import _known_options, options_from_kwargs

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["PrefetchReport", "prefetch"]


@dataclass(frozen=True)
class PrefetchReport:
    """What a prefetch did. Files that failed are counted and listed in :attr:`files`; they do not
    make :func:`prefetch` raise."""

    project_id: str
    project_name: str
    out_path: str
    resources: int
    downloaded: int
    skipped: int
    failed: int
    bytes_downloaded: int
    bytes_skipped: int
    elapsed_seconds: float
    download_seconds: float
    #: From the first download task's start to the last one's end: ``download_seconds`` without
    #: Spark's scheduling around the tasks; the rate in :attr:`summary` is over this time.
    transfer_seconds: float
    #: ``complete``: every selected file is in the mirror.
    complete: bool
    #: One row per file: kind, id, status, bytes, attempts and the error of a failed one.
    files: DataFrame
    summary: str


def _print_progress(jbridge: Any, stop: threading.Event) -> None:
    """Prints the JVM's progress line of the running prefetch on standard error when it changes."""
    last = None
    while not stop.wait(1.0):
        try:
            line = jbridge.prefetchProgress()
        except Exception:  # the gateway is busy or gone: no progress, the prefetch goes on
            return
        if line is not None and line != last:
            print(f"datamint prefetch: {line}", file=sys.stderr, flush=True)
            last = line


def prefetch(
    spark: SparkSession,
    out: str,
    project: str,
    *,
    server_url: str | None = None,
    api_key: str | None = None,
    progress: bool = True,
    **kwargs: Any,
) -> PrefetchReport:
    """Mirrors a project (or the part that the SDK-style selection in ``kwargs`` keeps, e.g.
    ``tags=["chest"]``, ``include_annotations=...``) from the Datamint API to ``out`` (any Hadoop
    path), downloading in the executors; a re-run downloads only what changed.

    With ``progress`` (the default), a line on standard error every ``prefetch_progress_interval``
    (10 s by default) while the downloads run: files and bytes done of the total, rate, ETA."""
    from pyspark.sql import DataFrame

    given = {"project": project, "server_url": server_url, "api_key": api_key, **kwargs}
    options = options_from_kwargs(_known_options(spark), given)
    jbridge = bridge(spark)
    stop = threading.Event()
    watcher = threading.Thread(
        target=_print_progress, args=(jbridge, stop), name="datamint-prefetch-progress", daemon=True
    )
    if progress:
        watcher.start()
    try:
        jreport = jbridge.prefetch(spark._jsparkSession, options, out)
    finally:
        stop.set()
        if progress:
            watcher.join(timeout=5)
    return PrefetchReport(
        project_id=str(jreport.projectId()),
        project_name=str(jreport.projectName()),
        out_path=str(jreport.outPath()),
        resources=int(jreport.resources()),
        downloaded=int(jreport.downloaded()),
        skipped=int(jreport.skipped()),
        failed=int(jreport.failed()),
        bytes_downloaded=int(jreport.bytesDownloaded()),
        bytes_skipped=int(jreport.bytesSkipped()),
        elapsed_seconds=int(jreport.elapsed().toNanos()) / 1e9,
        download_seconds=int(jreport.downloadTime().toNanos()) / 1e9,
        transfer_seconds=int(jreport.transferTime().toNanos()) / 1e9,
        complete=bool(jreport.complete()),
        files=DataFrame(jreport.toDataFrame(spark._jsparkSession), spark),
        summary=str(jreport.summary()),
    )
