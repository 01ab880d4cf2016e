"""Copying and opening links (``ui/links.py``) with the real clipboard.

Only finished items with absolute http(s) URLs are ever copied or opened, in the chosen
format, one per line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.helpers import ScriptedDialogs
from uploader_gui.core.history import HistoryEntry, HistoryState
from uploader_gui.core.links import LinkFormat, LinkInfo
from uploader_gui.ui.base.report import Report
from uploader_gui.ui.links.service import LinkService
from uploader_gui.ui.notices.bar import NoticeBar
from uploader_gui.ui.settings.store import Settings
from uploader_gui.ui.uploads.model import State, UploadItem, UploadListModel

BEFORE = "what the user had on the clipboard"

#: URLs that must never reach the clipboard or the browser.
UNSAFE = [
    "javascript:alert(1)",
    "file:///etc/passwd",
    "ftp://files.example/a.png",
    "https://img.example/a\x07b.png",  # a control character
    "https://img.example/a b.png",  # white space
    "https://img.example/\u202egnp.exe",  # a right-to-left override
    "https://img.example/ok.png\nhttps://evil.example/",  # a second line
    "//img.example/no-scheme.png",
    "",
]


@pytest.fixture
def model(host: QWidget) -> UploadListModel:
    return UploadListModel(parent=host)


@pytest.fixture
def report(host: QWidget) -> Report:
    return Report(NoticeBar(host), ScriptedDialogs())


@pytest.fixture
def links(host: QWidget, model: UploadListModel, report: Report) -> LinkService:
    return LinkService(Settings(), model, report, host)


@pytest.fixture
def messages(report: Report) -> list[str]:
    said: list[str] = []
    report.status_shown.connect(lambda text, _ms: said.append(text))
    return said


@pytest.fixture(autouse=True)
def clipboard_before() -> None:
    QGuiApplication.clipboard().setText(BEFORE)


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


def item(
    model: UploadListModel, name: str, state: State = State.DONE, url: str | None = None
) -> UploadItem:
    made = UploadItem(id=model.rowCount() + 1, path=Path(f"/pictures/{name}"), batch=1)
    made.state = state
    made.url = url if url is not None else f"https://img.example/{name}"
    model.append([made])
    return made


def entry(entry_id: int, name: str, state: HistoryState, url: str | None) -> HistoryEntry:
    return HistoryEntry(
        id=entry_id,
        path=f"/pictures/{name}",
        name=name,
        size=10,
        sha256=None,
        content_type="image/png",
        destination="img.example",
        state=state,
        url=url,
        error=None,
        added_at=0.0,
        uploaded_at=None,
    )


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (LinkFormat.URL, "https://img.example/a.png\nhttps://img.example/b.png"),
        (
            LinkFormat.MARKDOWN,
            "![a.png](https://img.example/a.png)\n![b.png](https://img.example/b.png)",
        ),
        (
            LinkFormat.HTML,
            '<img src="https://img.example/a.png" alt="a.png">\n'
            '<img src="https://img.example/b.png" alt="b.png">',
        ),
        (
            LinkFormat.BBCODE,
            "[img]https://img.example/a.png[/img]\n[img]https://img.example/b.png[/img]",
        ),
    ],
)
def test_copy_items_copies_finished_web_links_in_the_chosen_format(
    links: LinkService,
    model: UploadListModel,
    messages: list[str],
    fmt: LinkFormat,
    expected: str,
) -> None:
    links.set_format(fmt)
    first = item(model, "a.png")
    failed = item(model, "failed.png", State.FAILED)
    uploading = item(model, "uploading.png", State.UPLOADING)
    unsafe = item(model, "unsafe.png", url="javascript:alert(1)")
    second = item(model, "b.png")
    chosen = [first, failed, uploading, unsafe, second]
    assert links.copy_items(chosen) == 2
    assert clipboard() == expected
    assert first.copied
    assert second.copied
    assert not any(i.copied for i in (failed, uploading, unsafe))
    assert messages == [f"Copied 2 links as {fmt.label}"]


def test_one_copied_link_is_named_in_the_message(
    links: LinkService, model: UploadListModel, messages: list[str]
) -> None:
    assert links.copy_items([item(model, "only.png")]) == 1
    assert clipboard() == "https://img.example/only.png"
    assert messages == ["Copied only.png as URL"]


def test_copied_rows_are_repainted_when_the_mark_goes(
    qtbot: QtBot, links: LinkService, model: UploadListModel
) -> None:
    copied = item(model, "mark.png")
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        links.copy_items([copied])
    with qtbot.waitSignal(model.dataChanged, timeout=3000):
        pass  # the "Copied ✓" moment ends with a repaint
    assert not copied.copied


@pytest.mark.parametrize("url", UNSAFE)
def test_a_url_that_is_not_a_safe_web_url_is_never_copied(
    links: LinkService, model: UploadListModel, messages: list[str], url: str
) -> None:
    for fmt in LinkFormat:
        links.set_format(fmt)
        bad = item(model, f"bad-{fmt.value}.png", url=url)
        assert links.copy_items([bad]) == 0
        assert not bad.copied
        assert links.copy_entries([entry(1, "bad.png", HistoryState.DONE, url)]) == 0
        assert links.copy_links([LinkInfo(url, "bad.png")]) == 0
    assert clipboard() == BEFORE
    assert set(messages) == {"Nothing to copy: no finished upload selected"}


def test_copy_entries_copies_done_history_entries_only(
    links: LinkService, messages: list[str]
) -> None:
    links.set_format(LinkFormat.MARKDOWN)
    entries = [
        entry(1, "one.png", HistoryState.DONE, "https://img.example/one.png"),
        entry(2, "failed.png", HistoryState.FAILED, "https://img.example/failed.png"),
        entry(3, "queued.png", HistoryState.QUEUED, None),
        entry(4, "[two]*.png", HistoryState.DONE, "https://img.example/two.png"),
        entry(5, "cancelled.png", HistoryState.CANCELLED, None),
    ]
    assert links.copy_entries(entries) == 2
    assert clipboard() == (
        "![one.png](https://img.example/one.png)\n![\\[two\\]\\*.png](https://img.example/two.png)"
    )
    assert messages == ["Copied 2 links as Markdown"]


def test_a_finished_drop_is_copied_only_with_auto_copy_on(
    links: LinkService, model: UploadListModel, messages: list[str]
) -> None:
    drop = [
        item(model, "a.png"),
        item(model, "b.png"),
        item(model, "broken.png", State.FAILED),
        item(model, "stopped.png", State.CANCELLED),
    ]
    links.set_auto_copy(False)
    links.drop_finished(drop)
    assert clipboard() == BEFORE
    assert messages == []
    assert not any(i.copied for i in drop)

    links.set_auto_copy(True)
    links.drop_finished(drop)
    assert clipboard() == "https://img.example/a.png\nhttps://img.example/b.png"
    assert messages[-1] == "Uploaded: 2 links copied to the clipboard as URL; 1 failed"


def test_a_drop_with_nothing_to_copy_leaves_the_clipboard_and_says_nothing(
    links: LinkService, model: UploadListModel, messages: list[str]
) -> None:
    links.set_auto_copy(True)
    links.drop_finished([item(model, "broken.png", State.FAILED)])
    assert clipboard() == BEFORE
    assert messages == []


def test_format_and_auto_copy_are_kept_in_settings_and_announced(
    links: LinkService, model: UploadListModel, report: Report
) -> None:
    formats: list[object] = []
    toggles: list[bool] = []
    links.format_changed.connect(formats.append)
    links.auto_copy_changed.connect(toggles.append)
    links.set_format(LinkFormat.BBCODE)
    links.set_auto_copy(False)
    again = LinkService(Settings(), model, report)
    assert again.format is LinkFormat.BBCODE
    assert again.auto_copy is False
    assert formats == [LinkFormat.BBCODE]
    assert toggles == [False]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What would have been opened in the browser (nothing really is)."""
    urls: list[str] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return urls


def test_open_urls_opens_web_urls_only(opened: list[str]) -> None:
    LinkService.open_urls(["https://img.example/ok.png", None, *UNSAFE, "http://img.example/x"])
    assert opened == ["https://img.example/ok.png", "http://img.example/x"]


def test_open_items_and_entries_open_finished_ones_only(
    links: LinkService, model: UploadListModel, opened: list[str]
) -> None:
    links.open_items(
        [
            item(model, "done.png"),
            item(model, "failed.png", State.FAILED),
            item(model, "bad.png", url="file:///etc/passwd"),
        ]
    )
    links.open_entries(
        [
            entry(1, "old.png", HistoryState.DONE, "https://img.example/old.png"),
            entry(2, "failed.png", HistoryState.FAILED, "https://img.example/failed.png"),
            entry(3, "evil.png", HistoryState.DONE, "javascript:alert(1)"),
        ]
    )
    assert opened == ["https://img.example/done.png", "https://img.example/old.png"]
