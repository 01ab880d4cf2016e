"""One upload as the app runs it: history bookkeeping, duplicate check, then the upload.

Runs on a worker thread. The outcome is in the history database *before* it is returned, so
whatever the window shows as uploaded survives a crash a moment later.

The file's SHA-256 (for reusing the URL of identical bytes uploaded before) is recorded with
a success only if it is the digest of the bytes that were sent: it is taken with the file's
signature, and taken again if the file that was sent had another.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import CancelledError, LocalFileError, UploadError
from .files import FileSignature, open_regular
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
    #: Which attempt of the item this is: the history ignores an older attempt's outcome.
    attempt: int = 0


Digest = tuple[str, int, str]
"""``(sha256, size, content type)`` of a file's bytes, as the history records them."""


@dataclass(frozen=True)
class HashedFile:
    digest: Digest
    #: The file's signature while it was read: the digest is of that version of it.
    signature: FileSignature


def hash_file(path: Path, cancel: CancelToken | None) -> HashedFile | None:
    """The digest of an accepted image and the signature of the version that was read.

    ``None`` for anything else: not an image, unreadable (the upload itself says why), or
    written to while it was read (its digest would be of no version of it).
    """
    import hashlib  # loads libcrypto: only when the first file is hashed

    digest = hashlib.sha256()
    size = 0
    try:
        file, info = open_regular(path)  # never blocks (a FIFO is refused, not waited on)
        with file:
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
            after = os.fstat(file.fileno())
    except (OSError, LocalFileError):
        return None
    signature = FileSignature.of(info)
    if FileSignature.of(after) != signature or size != signature.size:
        return None
    return HashedFile((digest.hexdigest(), size, kind.mime), signature)


def file_digest(path: Path, cancel: CancelToken | None) -> Digest | None:
    """``(sha256, size, content type)`` of an accepted image; ``None`` for anything else."""
    hashed = hash_file(path, cancel)
    return None if hashed is None else hashed.digest


def digest_of_sent(path: Path, hashed: HashedFile | None, sent: FileSignature) -> Digest | None:
    """The digest of the version of ``path`` that was sent, if it can still be had.

    The one taken before the upload if the file was the same then; else the file is hashed
    again, and that digest kept only if it is still the version that was sent.
    """
    if hashed is not None and hashed.signature == sent:
        return hashed.digest
    again = hash_file(path, None)  # the upload is done: not cancellable any more
    if again is not None and again.signature == sent:
        return again.digest
    return None


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
    store, entry_id, attempt = history.store, history.entry_id, history.attempt
    if not history.fresh:
        _safely(lambda: store.restart(entry_id, history.api_host, attempt))
    hashed: HashedFile | None = None
    digest: Digest | None = None
    try:
        hashed = hash_file(path, cancel)
        digest = None if hashed is None else hashed.digest
        if digest is not None and history.reuse_duplicates:
            try:
                prior = store.find_upload(digest[0], history.api_host)
            except Exception:
                log.exception("could not look for an earlier upload")
                prior = None
            if prior is not None and is_web_url(prior.url):
                url, found = str(prior.url), digest
                _safely(
                    lambda: store.finish(
                        entry_id, HistoryState.DONE, url=url, digest=found, attempt=attempt
                    )
                )
                return JobOutcome(UploadResult(url, prior.name, digest[1]), reused=True)
        client = get_client()
        sent = client.upload_file(path, progress=progress, cancel=cancel, on_retry=on_retry)
        result = sent.result
    except CancelledError:
        if not history.quitting.is_set():
            _safely(
                lambda: store.finish(
                    entry_id, HistoryState.CANCELLED, digest=digest, attempt=attempt
                )
            )
        raise
    except UploadError as exc:
        reason = str(exc)
        _safely(
            lambda: store.finish(
                entry_id, HistoryState.FAILED, error=reason, digest=digest, attempt=attempt
            )
        )
        raise
    except Exception as exc:
        failure = f"unexpected error: {type(exc).__name__}"
        _safely(
            lambda: store.finish(
                entry_id, HistoryState.FAILED, error=failure, digest=digest, attempt=attempt
            )
        )
        raise
    # One commit records the URL with the digest of the bytes sent: what the window shows as
    # uploaded is on disk first, and later drops of the same bytes find it.
    done = digest_of_sent(path, hashed, sent.signature)
    _safely(
        lambda: store.finish(
            entry_id, HistoryState.DONE, url=result.url, digest=done, attempt=attempt
        )
    )
    return JobOutcome(result)
