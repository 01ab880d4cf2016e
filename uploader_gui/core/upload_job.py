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

from .errors import CancelledError, FileChangedError, LocalFileError, UploadError
from .files import FileSignature, open_regular
from .history import HistoryState, HistoryStore
from .i18n import translate
from .responses import UploadResult
from .retry import CancelToken
from .sniff import HEAD_SIZE, describe, sniff
from .urls import is_web_url

if TYPE_CHECKING:  # the client imports httpx, which the start-up path must not load
    from .client import ProgressCallback, RetryCallback, SentFile, UploadClient
    from .prepare.options import PrepareOptions
    from .prepare.pipeline import Prepared

log = logging.getLogger(__name__)

_CHUNK = 1 << 20


@dataclass(frozen=True)
class JobOutcome:
    result: UploadResult
    #: The same bytes were uploaded to this host before: their URL was reused.
    reused: bool = False
    #: What was done to the file before it was sent (``None``: nothing was asked).
    prepared: Prepared | None = None
    #: ``(width, height)`` of the picture sent; ``None`` if its header could not be read.
    dimensions: tuple[int, int] | None = None


@dataclass(frozen=True)
class HistoryLink:
    """Where a job records itself: the store, its row, the host, the duplicate policy."""

    store: HistoryStore
    entry_id: int
    destination: str
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
            mime = kind.mime if kind is not None else _convertible_mime(head)
            if mime is None:
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
    return HashedFile((digest.hexdigest(), size, mime), signature)


def _convertible_mime(head: bytes) -> str | None:
    """The type of a file the app converts before sending (HEIC, AVIF, BMP, TIFF)."""
    from .prepare.convert import CONVERTIBLE

    source = CONVERTIBLE.get(describe(head))
    return None if source is None else f"image/{source}"


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
    preparing: Preparing | None = None,
) -> JobOutcome:
    """Prepare (if asked), upload, and record the outcome (if there is a history)."""
    if cancel is not None:
        cancel.raise_if_cancelled()
    if history is None:
        sent, prepared, dimensions = _send(get_client, path, preparing, progress, cancel, on_retry)
        return JobOutcome(sent.result, prepared=prepared, dimensions=dimensions)
    store, entry_id, attempt = history.store, history.entry_id, history.attempt
    if not history.fresh:
        _safely(lambda: store.restart(entry_id, history.destination, attempt))
    key = preparing.options.key() if preparing is not None else ""
    hashed: HashedFile | None = None
    digest: Digest | None = None
    try:
        hashed = hash_file(path, cancel)
        digest = None if hashed is None else _keyed(hashed.digest, key)
        reused = _reuse(history, digest)
        if reused is not None:
            return reused
        sent, prepared, dimensions = _send(get_client, path, preparing, progress, cancel, on_retry)
        result = sent.result
    except Exception as exc:
        _record_failure(history, exc, digest)
        raise
    # One commit records the URL with the digest of the bytes sent (or, for a prepared copy,
    # of the source and how it was prepared): what the window shows as uploaded is on disk
    # first, and later drops of the same file prepared the same way find it.
    done = _digest_of_done(path, hashed, digest, key, sent, prepared)
    note = None if prepared is None else prepared.summary() or None
    _safely(
        lambda: store.finish(
            entry_id,
            HistoryState.DONE,
            url=result.url,
            digest=done,
            attempt=attempt,
            prepared=note,
            deletion_url=result.deletion_url,
            dimensions=dimensions,
        )
    )
    return JobOutcome(result, prepared=prepared, dimensions=dimensions)


def _reuse(history: HistoryLink, digest: Digest | None) -> JobOutcome | None:
    """When duplicates are reused: the URL of the same bytes uploaded to this host before,
    recorded as this upload's. ``None`` if there is none (or none to use): upload."""
    if digest is None or not history.reuse_duplicates:
        return None
    store, entry_id, attempt = history.store, history.entry_id, history.attempt
    try:
        prior = store.find_upload(digest[0], history.destination)
    except Exception:
        log.exception("could not look for an earlier upload")
        prior = None
    if prior is None or not is_web_url(prior.url):
        return None
    url, found, deletion = str(prior.url), digest, prior.deletion_url
    _safely(
        lambda: store.finish(
            entry_id,
            HistoryState.DONE,
            url=url,
            digest=found,
            attempt=attempt,
            deletion_url=deletion,
        )
    )
    dimensions = _known(prior.width, prior.height)
    result = UploadResult(url, prior.name, digest[1], deletion_url=deletion)
    return JobOutcome(result, reused=True, dimensions=dimensions)


def _record_failure(history: HistoryLink, exc: Exception, digest: Digest | None) -> None:
    """Record an upload that ended without a URL: cancelled (unless the app is quitting: the
    row then stays "not uploaded"), or failed, and why."""
    store, entry_id, attempt = history.store, history.entry_id, history.attempt
    if isinstance(exc, CancelledError):
        if not history.quitting.is_set():
            _safely(
                lambda: store.finish(
                    entry_id, HistoryState.CANCELLED, digest=digest, attempt=attempt
                )
            )
        return
    if isinstance(exc, UploadError):
        reason = str(exc)
    else:
        reason = translate("Errors", "unexpected error: {kind}").format(kind=type(exc).__name__)
    _safely(
        lambda: store.finish(
            entry_id, HistoryState.FAILED, error=reason, digest=digest, attempt=attempt
        )
    )


def _digest_of_done(
    path: Path,
    hashed: HashedFile | None,
    digest: Digest | None,
    key: str,
    sent: SentFile,
    prepared: Prepared | None,
) -> Digest | None:
    """The digest a success is recorded with: of the bytes sent, or (a prepared copy) of the
    source, taken before, and how it was prepared."""
    if prepared is not None and prepared.temporary:
        return digest  # the source was checked unchanged after the upload
    sent_digest = digest_of_sent(path, hashed, sent.signature)
    return None if sent_digest is None else _keyed(sent_digest, key)


@dataclass(frozen=True)
class Preparing:
    """How files are prepared before upload, and where prepared copies are written."""

    options: PrepareOptions
    work_dir: Callable[[], Path]


def _keyed(digest: Digest, key: str) -> Digest:
    """The digest as duplicates are found by: the source's, and how it was prepared."""
    return (f"{digest[0]}+{key}", digest[1], digest[2]) if key else digest


def _send(
    get_client: Callable[[], UploadClient],
    path: Path,
    preparing: Preparing | None,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
    on_retry: RetryCallback | None,
) -> tuple[SentFile, Prepared | None, tuple[int, int] | None]:
    """Upload ``path``, or what it is prepared into; a prepared copy is removed after.
    Also returns the size of the picture sent (from its header)."""
    if preparing is None:
        client = get_client()
        sent = client.upload_file(path, progress=progress, cancel=cancel, on_retry=on_retry)
        return sent, None, picture_size(path)
    from .files import wait_until_stable
    from .prepare.pipeline import prepare

    client = get_client()
    changes = 0
    while True:
        before = _signature(path)
        prepared = prepare(path, preparing.options, preparing.work_dir(), cancel)
        try:
            sent = client.upload_file(
                prepared.path,
                progress=progress,
                cancel=cancel,
                on_retry=on_retry,
                name=prepared.name,
            )
            dimensions = picture_size(prepared.path)
        finally:
            prepared.discard()
        if not prepared.temporary or _signature(path) == before:
            return sent, prepared, dimensions
        # What was sent was made from a version of the file that is no longer there: once
        # it has settled, prepare and send it again, within the same retry budget.
        changes += 1
        error = FileChangedError(path)
        if changes > client.retry.retries:
            raise error
        if on_retry is not None:
            on_retry(changes, 0.0, error)
        wait_until_stable(path, cancel)


def _known(width: int | None, height: int | None) -> tuple[int, int] | None:
    return (width, height) if width and height else None


def picture_size(path: Path) -> tuple[int, int] | None:
    """``(width, height)`` from the image's header (Pillow reads no pixels for it); None if
    it cannot be read. EXIF orientation is not applied: it is the stored picture's size."""
    import warnings

    from .prepare.limits import pillow

    image_module = pillow()
    try:
        file, _info = open_regular(path)
        with file, warnings.catch_warnings():
            warnings.simplefilter("ignore", image_module.DecompressionBombWarning)
            with image_module.open(file) as image:
                width, height = image.size
    except Exception:  # gone, replaced, unreadable or a surprise: the upload still counts
        return None
    return (int(width), int(height)) if width > 0 and height > 0 else None


def _signature(path: Path) -> FileSignature | None:
    try:
        return FileSignature.of(os.stat(path))
    except OSError:
        return None
