"""The window end to end: real drops, real uploads to the sandbox, the real clipboard."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from urllib.parse import quote_from_bytes

import httpx
import pytest
import shiboken6
from PySide6.QtCore import QEventLoop, QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from tests.gui.conftest import (
    SILENT_S,
    ScriptedDialogs,
    drop_files,
    drop_mime,
    make_window,
    send_as_is,
    settle,
    shut,
    wait_finished,
)
from tests.images import fake_image, png_bytes, sparse_image, write
from uploader_gui.core.history import HistoryStore
from uploader_gui.core.links import LinkFormat
from uploader_gui.core.urls import api_host
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.base.actions import ActionId
from uploader_gui.ui.destination.key_dialog import KeyAnswer, KeyChoice
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.uploads.delegate import actions_for
from uploader_gui.ui.uploads.model import FailureKind, State, ThumbnailErrorRole, UploadItem


def real_image(path: Path, color: str = "#3366cc") -> Path:
    """A decodable image whose format follows the suffix (.jpg, .webp, .png)."""
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


def test_starts_with_an_empty_state_that_says_what_to_do(window: MainWindow) -> None:
    assert window.uploads.currentWidget() is window.uploads.empty
    assert window.model.rowCount() == 0


def test_drop_uploads_images_byte_identical_and_keeps_the_non_image(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    send_as_is(window)
    png = write(tmp_path / "one.png", png_bytes(9, 9))
    jpeg = real_image(tmp_path / "two.jpg")
    webp_named_gif = write(tmp_path / "three.gif", fake_image("image/webp"))
    notes = write(tmp_path / "notes.txt", b"shopping list\n")
    drop_files(window, [png, jpeg, webp_named_gif, notes])
    items = wait_finished(qtbot, window, 4)

    by_name = {item.name: item for item in items}
    assert [item.name for item in items] == ["one.png", "two.jpg", "three.gif", "notes.txt"]
    for path in (png, jpeg, webp_named_gif):
        item = by_name[path.name]
        assert item.state is State.DONE
        assert httpx.get(item.url or "").content == path.read_bytes()
    types = {upload.filename: upload.content_type for upload in sandbox.uploads}
    assert types == {"one.png": "image/png", "two.jpg": "image/jpeg", "three.gif": "image/webp"}
    failed = by_name["notes.txt"]
    assert failed.state is State.FAILED
    assert failed.error == "not an image the service accepts: text; allowed: PNG, JPEG, WebP, GIF"
    assert failed.failure is FailureKind.REFUSED  # retrying cannot help: Remove, and why
    assert not failed.retryable
    assert actions_for(failed) == [ActionId.REMOVE]
    assert failed.status_text().startswith("Can't be uploaded: not an image")
    assert window.uploads.currentWidget() is window.uploads.view


def test_the_same_path_twice_in_one_drop_is_one_item(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    png = write(tmp_path / "same.png", png_bytes())
    drop_files(window, [png, png, tmp_path / "." / "same.png"])
    wait_finished(qtbot, window, 1)


def test_folder_drop_expands_recursively_to_images(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    root = tmp_path / "shoot"
    (root / "day2" / "raw").mkdir(parents=True)
    write(root / "a.png", png_bytes(seed=1))
    real_image(root / "day2" / "b.jpg")
    real_image(root / "day2" / "raw" / "c.webp")
    write(root / "day2" / "readme.txt", b"not me")
    write(root / ".hidden.png", png_bytes(seed=2))
    drop_files(window, [root])
    items = wait_finished(qtbot, window, 3)
    assert sorted(item.name for item in items) == ["a.png", "b.jpg", "c.webp"]
    assert all(item.state is State.DONE for item in items)
    assert len(sandbox.uploads) == 3


def test_a_big_folder_asks_first_and_declining_queues_nothing(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for index in range(101):
        write(root / f"{index:03}.png", png_bytes(seed=index))
    loose = write(tmp_path / "loose.png", png_bytes())
    dialogs.confirm_answer = False
    # One of its images named on its own too: it still holds 101, and declining the folder
    # keeps the files the user named.
    drop_files(window, [root / "050.png", root, loose])
    qtbot.waitUntil(lambda: len(dialogs.confirms) == 1)
    assert "101 images" in dialogs.confirms[0]
    items = wait_finished(qtbot, window, 2)
    assert [item.name for item in items] == ["050.png", "loose.png"]


def test_non_file_links_are_refused_with_a_message(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/cat.png")])
    accepted = drop_mime(window, mime)
    assert not accepted
    assert "Links can't be uploaded" in window.overlay.message
    assert window.model.rowCount() == 0


def test_dropped_image_data_is_uploaded_as_png(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    image = QImage(30, 20, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ff8800"))
    mime = QMimeData()
    mime.setImageData(image)
    assert drop_mime(window, mime)
    items = wait_finished(qtbot, window, 1)
    assert items[0].state is State.DONE
    assert items[0].name.startswith("dropped-")
    assert sandbox.uploads[0].content_type == "image/png"


def test_paste_of_image_data_uploads_a_clipboard_png(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#22aa55"))
    QGuiApplication.clipboard().setImage(image)
    window.registry[ActionId.PASTE].trigger()
    items = wait_finished(qtbot, window, 1)
    name = items[0].name
    assert items[0].state is State.DONE
    assert name.startswith("clipboard-")
    assert name.endswith(".png")
    time.strptime(name[len("clipboard-") : -len(".png")], "%Y%m%d-%H%M%S")
    stored = QImage(str(sandbox.uploads[0].path))
    assert stored.size() == image.size()
    assert stored.pixelColor(5, 5) == QColor("#22aa55")


def test_paste_of_file_paths_uploads_them(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    first = write(tmp_path / "p1.png", png_bytes(seed=1))
    second = write(tmp_path / "p2.png", png_bytes(seed=2))
    QGuiApplication.clipboard().setText(f"{first}\nfile://{second}\n")
    window.intake.paste()
    items = wait_finished(qtbot, window, 2)
    assert [item.state for item in items] == [State.DONE, State.DONE]


def test_paste_of_plain_text_says_there_is_nothing_to_upload(window: MainWindow) -> None:
    QGuiApplication.clipboard().setText("hello")
    window.intake.paste()
    assert "no image or file" in window.statusBar().currentMessage()
    assert window.model.rowCount() == 0


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (LinkFormat.URL, "{url}"),
        (LinkFormat.MARKDOWN, "![{name}]({url})"),
        (LinkFormat.HTML, '<img src="{url}" alt="{name}">'),
        (LinkFormat.BBCODE, "[img]{url}[/img]"),
    ],
)
def test_copy_one_several_and_all_in_each_format(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, fmt: LinkFormat, expected: str
) -> None:
    window.parts.preferences.settings.auto_copy = False
    paths = [write(tmp_path / f"img{i}.png", png_bytes(seed=i)) for i in range(3)]
    drop_files(window, paths)
    items = wait_finished(qtbot, window, 3)
    window.links.set_format(fmt)
    assert window.top_bar.format_combo.currentData() == fmt.value
    clipboard = QGuiApplication.clipboard()

    def line(index: int) -> str:
        return expected.format(url=items[index].url, name=items[index].name)

    window.select_item(items[1].id)
    window.registry[ActionId.COPY].trigger()
    assert clipboard.text() == line(1)

    window.uploads.view.selectAll()
    selection = window.uploads.view.selectionModel()
    selection.select(window.model.index_of(items[1].id), selection.SelectionFlag.Deselect)
    window.registry[ActionId.COPY].trigger()
    assert clipboard.text() == f"{line(0)}\n{line(2)}"

    clipboard.clear()
    window.top_bar.copy_all_button.click()
    assert clipboard.text() == "\n".join(line(i) for i in range(3))


def test_a_finished_drop_copies_its_urls_and_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    QGuiApplication.clipboard().clear()
    paths = [write(tmp_path / f"auto{i}.png", png_bytes(seed=i)) for i in range(2)]
    drop_files(window, paths)
    items = wait_finished(qtbot, window, 2)
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == f"{items[0].url}\n{items[1].url}")
    assert "2 links copied" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.summary_label.text() == "2 images uploaded")


def test_auto_copy_off_leaves_the_clipboard_alone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.registry[ActionId.AUTO_COPY].setChecked(False)
    assert window.parts.preferences.settings.auto_copy is False
    QGuiApplication.clipboard().setText("mine")
    drop_files(window, [write(tmp_path / "x.png", png_bytes())])
    wait_finished(qtbot, window, 1)
    assert QGuiApplication.clipboard().text() == "mine"


def test_the_copy_button_on_a_row_copies_and_confirms(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.parts.preferences.settings.auto_copy = False
    drop_files(window, [write(tmp_path / "row.png", png_bytes())])
    (item,) = wait_finished(qtbot, window, 1)
    QGuiApplication.clipboard().clear()
    index = window.model.index_of(item.id)
    option = QStyleOptionViewItem()
    window.uploads.view.initViewItemOption(option)
    option.rect = window.uploads.view.visualRect(index)
    rects = dict(window.uploads.delegate.button_rects(option, item))
    center: QPoint = rects[ActionId.COPY].center()
    qtbot.mouseClick(window.uploads.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert QGuiApplication.clipboard().text() == item.url
    assert item.copied
    assert window.uploads.delegate.label(item, ActionId.COPY) == "Copied ✓"


def test_cancel_mid_upload(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    send_as_is(window)
    sandbox.faults.throttle_bps = 1_000_000
    big = sparse_image(tmp_path / "slow.png", 30_000_000)
    drop_files(window, [big])
    qtbot.waitUntil(lambda: bool(window.model.items()) and window.model.items()[0].sent > 500_000)
    item = window.model.items()[0]
    assert item.state is State.UPLOADING
    window.select_item(item.id)
    window.registry[ActionId.CANCEL].trigger()
    assert window.model.items()[0].state is State.CANCELLED
    qtbot.waitUntil(lambda: window.queue.idle, timeout=5000)
    assert sandbox.uploads == []
    # The worker's late report did not override it.
    assert window.model.items()[0].state is State.CANCELLED


def test_injected_503s_are_retried_automatically(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.faults.fail_status = 503
    sandbox.faults.fail_count = 2
    drop_files(window, [write(tmp_path / "flaky.png", png_bytes())])
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE
    assert len([r for r in sandbox.requests if r.method == "POST"]) == 3


def test_a_failure_stays_with_its_reason_and_retry_works(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.faults.fail_status = 503
    sandbox.faults.fail_count = 4  # one more than the retries
    drop_files(window, [write(tmp_path / "down.png", png_bytes())])
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.FAILED
    assert "HTTP 503" in (item.error or "")
    window.select_item(item.id)
    window.registry[ActionId.RETRY].trigger()
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE


def test_429_shows_the_wait_on_the_item(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.faults.fail_status = 429
    sandbox.faults.fail_count = 1
    sandbox.faults.retry_after = "2"
    drop_files(window, [write(tmp_path / "busy.png", png_bytes())])
    qtbot.waitUntil(
        lambda: bool(window.model.items()) and window.model.items()[0].state is State.RETRY_WAIT
    )
    text = window.model.items()[0].status_text()
    assert text.startswith("Retrying in ")
    assert "HTTP 429" in text
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE


def test_a_rejected_key_asks_once_then_retries_the_affected_items(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window(qtbot, sandbox.url, dialogs)
    window.keys.use_key(sandbox.url, "wrong-key")
    dialogs.key_answers = [KeyAnswer(KeyChoice.KEY, sandbox.key)]
    paths = [write(tmp_path / f"k{i}.png", png_bytes(seed=i)) for i in range(5)]
    drop_files(window, paths)
    items = wait_finished(qtbot, window, 5)
    assert [item.state for item in items] == [State.DONE] * 5
    assert len(dialogs.key_prompts) == 1
    assert "rejected" in dialogs.key_prompts[0]
    shut(qtbot, window)


def test_declining_a_new_key_leaves_items_failed_with_retry(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window(qtbot, sandbox.url, dialogs)
    window.queue.set_concurrency(1)
    window.keys.use_key(sandbox.url, "wrong-key")
    paths = [write(tmp_path / f"d{i}.png", png_bytes(seed=i)) for i in range(3)]
    drop_files(window, paths)
    items = wait_finished(qtbot, window, 3)
    assert {item.state for item in items} == {State.FAILED}
    assert {item.failure for item in items} == {FailureKind.KEY}
    assert len(dialogs.key_prompts) == 1
    shut(qtbot, window)


def test_files_dropped_before_a_key_wait_for_one(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window(qtbot, sandbox.url, dialogs)
    drop_files(window, [write(tmp_path / "early.png", png_bytes())])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    item = window.model.items()[0]
    assert item.status_text() == "Waiting for an API key"
    assert sandbox.requests == []
    window.keys.use_key(sandbox.url, sandbox.key)
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE
    shut(qtbot, window)


def test_closing_during_uploads_asks_then_quits_quickly(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window(qtbot, sandbox.url, dialogs)
    window.keys.use_key(sandbox.url, sandbox.key)
    sandbox.faults.throttle_bps = 500_000
    sandbox.faults.latency = SILENT_S  # no upload can finish while the test runs
    paths = [sparse_image(tmp_path / f"c{i}.png", 5_000_000) for i in range(6)]
    drop_files(window, paths)
    qtbot.waitUntil(lambda: window.queue.uploading_count > 0)
    window.close()
    # It closes at all: so it did not wait for the uploads, which cannot end before the test.
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert sandbox.uploads == []
    assert len(dialogs.confirms) == 1
    assert "not finished" in dialogs.confirms[0]
    assert window.queue.idle


def test_declining_to_quit_keeps_uploading(
    qtbot: QtBot,
    window: MainWindow,
    sandbox: SandboxServer,
    dialogs: ScriptedDialogs,
    tmp_path: Path,
) -> None:
    sandbox.faults.latency = 0.5
    drop_files(window, [write(tmp_path / "keep.png", png_bytes())])
    qtbot.waitUntil(lambda: window.queue.uploading_count > 0)
    dialogs.confirm_answer = False
    window.close()
    assert window.isVisible()
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE
    dialogs.confirm_answer = True


def test_progress_title_and_status_while_uploading(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    sandbox.faults.latency = 0.3
    window.queue.set_concurrency(1)
    paths = [write(tmp_path / f"t{i}.png", png_bytes(seed=i)) for i in range(3)]
    drop_files(window, paths)
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Uploading "))
    assert window.windowTitle().endswith("of 3 — uploader-gui")
    assert window.progress.isVisible()
    wait_finished(qtbot, window, 3)
    qtbot.waitUntil(lambda: window.windowTitle() == "uploader-gui")
    assert not window.progress.isVisible()


def test_remove_takes_items_off_the_list(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    paths = [write(tmp_path / f"r{i}.png", png_bytes(seed=i)) for i in range(3)]
    drop_files(window, paths)
    items = wait_finished(qtbot, window, 3)
    window.select_item(items[1].id)
    window.registry[ActionId.REMOVE].trigger()
    assert [item.name for item in window.model.items()] == ["r0.png", "r2.png"]
    window.clear_finished()
    assert window.model.rowCount() == 0
    assert window.uploads.currentWidget() is window.uploads.empty


def test_thumbnails_arrive_and_an_undecodable_file_gets_a_reason(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    good = real_image(tmp_path / "good.jpg")
    broken = write(tmp_path / "broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    drop_files(window, [good, broken])
    qtbot.waitUntil(
        lambda: (
            window.model.rowCount() == 2
            and all(picture(window, i) or preview_error(window, i) for i in window.model.items())
        )
    )
    wait_finished(qtbot, window, 2)
    first, second = window.model.items()
    thumbnail = picture(window, first)
    assert thumbnail is not None
    assert max(thumbnail.width(), thumbnail.height()) <= 128
    assert picture(window, second) is None
    error = preview_error(window, second)
    assert error
    tooltip = window.model.index_of(second.id).data(Qt.ItemDataRole.ToolTipRole)
    assert error in tooltip


def picture(window: MainWindow, item: UploadItem) -> QPixmap | None:
    """The row's picture, as the view gets it."""
    value = window.model.index_of(item.id).data(Qt.ItemDataRole.DecorationRole)
    return value if isinstance(value, QPixmap) else None


def preview_error(window: MainWindow, item: UploadItem) -> str | None:
    value = window.model.index_of(item.id).data(ThumbnailErrorRole)
    return value if isinstance(value, str) else None


def test_the_model_passes_qtmodeltester(
    qtbot: QtBot, qtmodeltester: object, window: MainWindow, tmp_path: Path
) -> None:
    paths = [write(tmp_path / f"m{i}.png", png_bytes(seed=i)) for i in range(4)]
    drop_files(window, paths)
    items = wait_finished(qtbot, window, 4)
    qtmodeltester.check(window.model)  # type: ignore[attr-defined]
    window.queue.remove([items[0].id, items[2].id])
    qtmodeltester.check(window.model)  # type: ignore[attr-defined]


def test_a_big_drop_is_added_in_chunks_and_copied_once_at_the_end(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    paths = [write(tmp_path / f"many-{i:03}.png", png_bytes(2, 2, seed=i)) for i in range(120)]
    copies: list[str] = []
    QGuiApplication.clipboard().dataChanged.connect(
        lambda: copies.append(QGuiApplication.clipboard().text())
    )
    drop_files(window, paths)
    items = wait_finished(qtbot, window, 120, timeout=30_000)
    assert [item.name for item in items] == [path.name for path in paths]
    qtbot.waitUntil(lambda: len(copies) == 1)
    assert copies[0].splitlines() == [item.url for item in items]
    assert len(sandbox.uploads) == 120


def test_the_status_bar_keeps_counting_while_progress_streams_in(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    send_as_is(window)
    # Progress arrives every tick for seconds on end: the summary must follow it, not wait
    # for a quiet moment that never comes.
    sandbox.faults.throttle_bps = 2_000_000
    drop_files(window, [sparse_image(tmp_path / "slow.png", 5_000_000)])
    seen: list[int] = []

    def sample() -> bool:
        if window.progress.isVisible() and window.progress.value() not in seen:
            seen.append(window.progress.value())
        return len(seen) >= 4

    qtbot.waitUntil(sample, timeout=10_000)
    assert seen == sorted(seen)
    wait_finished(qtbot, window, 1)


def test_a_key_asked_for_in_a_modal_dialog_still_gets_the_drop_copied_once(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    # A real key dialog runs its own event loop while the person types: every file of the
    # drop is refused meanwhile. The drop is finished (and its links copied) only once the
    # files have gone up with the new key.
    window = make_window(qtbot, sandbox.url, dialogs)
    window.keys.use_key(sandbox.url, "wrong-key")
    copied: list[int] = []
    window.queue.batch_finished.connect(copied.append)

    def ask_key(*_args: object, **_kwargs: object) -> KeyAnswer:
        loop = QEventLoop()
        QTimer.singleShot(600, loop.quit)
        loop.exec()
        dialogs.key_prompts.append("asked")
        return KeyAnswer(KeyChoice.KEY, sandbox.key)

    dialogs.ask_key = ask_key  # type: ignore[method-assign]
    QGuiApplication.clipboard().setText("before")
    paths = [write(tmp_path / f"m{i}.png", png_bytes(seed=i)) for i in range(3)]
    drop_files(window, paths)
    qtbot.waitUntil(lambda: len(copied) == 1, timeout=10_000)
    items = window.model.items()
    assert [item.state for item in items] == [State.DONE] * 3
    assert QGuiApplication.clipboard().text() == "\n".join(str(item.url) for item in items)
    assert len(dialogs.key_prompts) == 1
    settle(qtbot, window)  # whatever was still under way has finished and reported
    assert len(copied) == 1
    shut(qtbot, window)


def test_declining_the_key_finishes_the_drop_with_its_failures(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    window = make_window(qtbot, sandbox.url, dialogs)
    window.keys.use_key(sandbox.url, "wrong-key")
    finished: list[int] = []
    window.queue.batch_finished.connect(finished.append)
    drop_files(window, [write(tmp_path / f"n{i}.png", png_bytes(seed=i)) for i in range(2)])
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=10_000)
    assert {item.failure for item in window.model.items()} == {FailureKind.KEY}
    shut(qtbot, window)


def test_a_file_retried_while_its_drop_runs_is_copied_with_the_drop(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    window.queue.set_concurrency(1)
    sandbox.faults.latency = 0.2
    paths = [write(tmp_path / f"r{i}.png", png_bytes(seed=i)) for i in range(4)]
    paths[0].unlink()  # fails at once ("does not exist"); written and retried below
    QGuiApplication.clipboard().setText("before")
    finished: list[int] = []
    window.queue.batch_finished.connect(finished.append)
    drop_files(window, paths)
    qtbot.waitUntil(
        lambda: bool(window.model.items()) and window.model.items()[0].state is State.FAILED,
        timeout=10_000,
    )
    assert not finished
    write(paths[0], png_bytes(seed=9))
    window.queue.retry([window.model.items()[0].id])
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=10_000)
    items = window.model.items()
    assert [item.state for item in items] == [State.DONE] * 4
    assert QGuiApplication.clipboard().text().splitlines() == [str(i.url) for i in items]


def test_a_retried_file_from_an_earlier_drop_shows_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    bad = tmp_path / "later.png"  # not there yet: fails, then is written and retried
    drop_files(window, [bad])
    wait_finished(qtbot, window, 1)
    drop_files(window, [write(tmp_path / "fine.png", png_bytes())])
    qtbot.waitUntil(lambda: window.summary_label.text() == "1 image uploaded")
    write(bad, png_bytes(seed=5))
    sandbox.faults.latency = 0.5
    window.uploads.retry([window.model.items()[0].id])
    qtbot.waitUntil(lambda: window.summary_label.text() == "Uploading 1 of 1")
    assert window.windowTitle() == "Uploading 1 of 1 — uploader-gui"
    qtbot.waitUntil(lambda: window.summary_label.text() == "1 image uploaded", timeout=5000)


def test_a_drop_recorded_after_shutdown_began_is_not_started_but_kept(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    gate = threading.Event()
    window.history.run(lambda _store: gate.wait(10), lambda _r, _e: None)  # hold its thread
    drop_files(window, [write(tmp_path / "late.png", png_bytes())])
    window.queue.shutdown()  # before the history thread has recorded the drop
    window.intake.close()
    gate.set()
    settle(qtbot, window)  # the drop was recorded, and what that reported was delivered
    assert sandbox.requests == []
    assert window.model.rowCount() == 0
    # The drop is on disk: the next start lists its file.
    store = HistoryStore()
    assert [drop.paths for drop in store.leftover_drops(api_host(sandbox.url))] == [
        [tmp_path / "late.png"]
    ]


def test_sigterm_while_the_quit_question_is_open_still_quits(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from uploader_gui.ui.app import compose
    from uploader_gui.ui.modal_dialogs import ModalDialogs
    from uploader_gui.ui.settings.store import Settings

    window = compose(Settings(), sandbox.url, dialogs=ModalDialogs())  # real, modal questions
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.keys.use_key(sandbox.url, sandbox.key)
    sandbox.faults.latency = SILENT_S
    drop_files(window, [write(tmp_path / "pending.png", png_bytes())])
    qtbot.waitUntil(lambda: window.queue.uploading_count == 1)

    left_open: list[str] = []

    def answer_no_if_still_open() -> None:  # bounds the test if the question stayed open
        modal = QApplication.activeModalWidget()
        if modal is not None:
            left_open.append(modal.windowTitle())
            modal.close()

    # Both fire inside the question's own event loop (window.close() below runs it).
    QTimer.singleShot(300, window, window.quit_without_asking)  # as SIGTERM does
    fallback = QTimer(window)
    fallback.setSingleShot(True)
    fallback.timeout.connect(answer_no_if_still_open)
    fallback.start(10_000)
    window.close()  # "Quit uploader-gui?" waits in its own event loop
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=15_000)
    if shiboken6.isValid(fallback):  # (gone with the window, if that was deleted)
        fallback.stop()
    assert left_open == []  # the quit closed the question, not the fallback


def test_a_dropped_file_whose_name_is_not_utf8_uploads(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    folder = os.fsencode(tmp_path)
    raw = folder + b"/caf\xe9.png"
    with open(raw, "wb") as file:
        file.write(png_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl.fromEncoded(b"file://" + quote_from_bytes(raw).encode())])
    drop_mime(window, mime)
    (item,) = wait_finished(qtbot, window, 1)
    assert item.state is State.DONE, item.error
    assert os.fsencode(item.path) == raw
    qtbot.waitUntil(lambda: picture(window, item) is not None)  # decoded from the same bytes
    qtbot.waitUntil(lambda: HistoryStore().count() == 1)
    (entry,) = HistoryStore().page(0, 10)
    assert (entry.name, entry.url) == ("caf\\xe9.png", item.url)
