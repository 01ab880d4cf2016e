"""What the upload queue writes into an item as an attempt begins, and as it ends.

Only the item changes here, on the GUI thread: the queue tells the model which rows to
repaint and emits its signals itself.
"""

from __future__ import annotations

from ...core.errors import UploadError
from ...core.i18n import translate
from ...core.upload_job import JobOutcome
from .model import FailureKind, State, UploadItem


def begin_attempt(item: UploadItem) -> None:
    """A new attempt: queued, nothing sent, no error; what an older one reports is stale."""
    item.attempt += 1
    item.state = State.QUEUED
    item.sent = 0
    item.error = item.failure = None
    item.retry_at = None


def mark_cancelled(item: UploadItem) -> None:
    """Cancelled by the person: whatever its worker reports from now on is stale."""
    item.attempt += 1
    item.state = State.CANCELLED
    item.retry_at = None


def mark_done(item: UploadItem, outcome: JobOutcome) -> None:
    """Uploaded (or an earlier upload of the same bytes reused): its URL and what was sent."""
    result = outcome.result
    item.state = State.DONE
    item.reused = outcome.reused
    item.url = result.url
    item.deletion_url = result.deletion_url
    item.sent_name = result.filename
    item.width, item.height = outcome.dimensions or (None, None)
    item.note = outcome.prepared.summary() if outcome.prepared else None
    item.sent = item.total = max(item.total, item.sent)
    if result.size_bytes >= 0:
        item.size = result.size_bytes


def mark_key_rejected(item: UploadItem) -> None:
    """The server refused the API key: the row offers to change it."""
    item.state = State.FAILED
    item.failure = FailureKind.KEY
    item.error = translate("UploadRow", "the API key was rejected")


def mark_failed(item: UploadItem, error: UploadError) -> None:
    item.state = State.FAILED
    item.failure = FailureKind.of(error)
    item.error = str(error)


def mark_unexpected(item: UploadItem, error: BaseException | None) -> None:
    """Failed in a way no upload error describes (a bug): named, for a report."""
    item.state = State.FAILED
    item.error = translate("UploadRow", "unexpected error: {name}").format(
        name=type(error).__name__
    )
