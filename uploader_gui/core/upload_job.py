"""One upload as the app runs it: history bookkeeping, duplicate check, then the upload.

Runs on a worker thread. The outcome is in the history database *before* it is returned, so
whatever the window shows as uploaded survives a crash a moment later.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import CancelledError, UploadError
from .history import HistoryState, HistoryStore
from .responses import UploadResult
from .retry import CancelToken
from .sniff import HEAD_SIZE, sniff
from .urls import is_web_url

if TYPE_CHECKING:  # the client imports httpx, which the start-up path must not load
    from .client import ProgressCallback, RetryCallback, UploadClient

log = logging.getLogger(__name__)

_CHUNK = 1 << 20


@dataclass(frozen=True)
class JobOutcome:
    result: UploadResult
    #: The same bytes were uploaded to this host before: their URL was reused.
    reused: bool = False


@dataclass(frozen=True)
class HistoryLink:
    """Where a job records itself: the store, its row, the host, the duplicate policy."""

    store: HistoryStore
    entry_id: int
    api_host: str
    reuse_duplicates: bool
    #: Set while the app quits: interrupted uploads stay "not uploaded", not "cancelled".
    quitting: threading.Event
    #: The row was just written as queued for this host: no need to reset it first.
    fresh: bool = False


def file_digest(path: Path, cancel: CancelToken | None) -> tuple[str, int, str] | None:
    """``(sha256, size, content type)`` of an accepted image; ``None`` for anything else."""
    import hashlib  # loads libcrypto: only when the first file is hashed

    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as file:
            head = file.read(HEAD_SIZE)
            kind = sniff(head)
            if kind is None:
                return None
            digest.update(head)
            size = len(head)
            while chunk := file.read(_CHUNK):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                digest.update(chunk)
                size += len(chunk)
    except OSError:
        return None  # the upload itself reports why the file cannot be read
    return digest.hexdigest(), size, kind.mime


def _safely(action: Callable[[], None]) -> None:
    """History is a record, not the job: a failing write must not lose an upload."""
    try:
        action()
    except Exception:
        log.exception("could not update the upload history")


def run_upload(
    get_client: Callable[[], UploadClient],
    path: Path,
    *,
    history: HistoryLink | None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    on_retry: RetryCallback | None = None,
) -> JobOutcome:
    if cancel is not None:
        cancel.raise_if_cancelled()
    if history is None:
        client = get_client()
        return JobOutcome(client.upload(path, progress=progress, cancel=cancel, on_retry=on_retry))
    store, entry_id = history.store, history.entry_id
    if not history.fresh:
        _safely(lambda: store.restart(entry_id, history.api_host))
    digest: tuple[str, int, str] | None = None
    try:
        digest = file_digest(path, cancel)
        if digest is not None and history.reuse_duplicates:
            try:
                prior = store.find_upload(digest[0], history.api_host)
            except Exception:
                log.exception("could not look for an earlier upload")
                prior = None
            if prior is not None and is_web_url(prior.url):
                url, found = str(prior.url), digest
                _safely(lambda: store.finish(entry_id, HistoryState.DONE, url=url, digest=found))
                return JobOutcome(UploadResult(url, prior.name, digest[1]), reused=True)
        client = get_client()
        result = client.upload(path, progress=progress, cancel=cancel, on_retry=on_retry)
    except CancelledError:
        if not history.quitting.is_set():
            _safely(lambda: store.finish(entry_id, HistoryState.CANCELLED, digest=digest))
        raise
    except UploadError as exc:
        reason = str(exc)
        _safely(lambda: store.finish(entry_id, HistoryState.FAILED, error=reason, digest=digest))
        raise
    except Exception as exc:
        reason = f"unexpected error: {type(exc).__name__}"
        _safely(lambda: store.finish(entry_id, HistoryState.FAILED, error=reason, digest=digest))
        raise
    # One commit records the URL with the file's digest: what the window shows as uploaded
    # is on disk first, and later drops of the same bytes find it.
    _safely(lambda: store.finish(entry_id, HistoryState.DONE, url=result.url, digest=digest))
    return JobOutcome(result)
