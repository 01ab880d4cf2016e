"""What a row says while its file moves through the queue."""

from __future__ import annotations

from pathlib import Path

from uploader_gui.ui.uploads.model import FailureKind, State, UploadItem


def test_a_row_says_preparing_until_the_first_byte_is_sent() -> None:
    item = UploadItem(1, Path("/photos/a.heic"), batch=1, state=State.UPLOADING)
    assert item.preparing
    assert item.status_text() == "Preparing…"
    item.sent, item.total = 10, 100
    assert not item.preparing
    assert item.status_text() == "Uploading 10%"
    item.sent = 100
    assert item.status_text() == "Waiting for the server…"


def test_a_done_row_says_what_was_done_before_its_link_was_made() -> None:
    item = UploadItem(2, Path("/photos/b.jpg"), batch=1, state=State.DONE)
    item.url = "https://cdn.example/u/b.jpg"
    item.note = "location and 3 other fields removed"
    assert item.status_text() == "https://cdn.example/u/b.jpg · location and 3 other fields removed"


def test_too_large_and_refused_files_are_not_retried_as_they_are() -> None:
    for kind in (FailureKind.TOO_LARGE, FailureKind.REFUSED):
        item = UploadItem(3, Path("/x.png"), batch=1, state=State.FAILED, failure=kind)
        assert not item.retryable
    interrupted = UploadItem(4, Path("/y.png"), batch=1)
    interrupted.interrupt()
    assert interrupted.retryable
    assert interrupted.status_text().startswith("Interrupted")
