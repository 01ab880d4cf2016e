"""Getting files in (``ui/intake.py``): MIME helpers, big folders, history first, image data.

The controller runs with a real history on a temporary file and a real queue that has no
key, so nothing is uploaded: items are listed and wait.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote_from_bytes

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.images import png_bytes, write
from tests.ui.helpers import ScriptedDialogs
from uploader_gui.core.history import HistoryState, HistoryStore
from uploader_gui.core.paths import cache_dir
from uploader_gui.ui.base.report import Report
from uploader_gui.ui.base.workers import Workers
from uploader_gui.ui.history.controller import ASK_ABOVE, HistoryController
from uploader_gui.ui.notices.bar import NoticeBar
from uploader_gui.ui.settings.store import Settings
from uploader_gui.ui.uploads.intake import (
    IntakeController,
    describe_drag,
    local_file,
    local_paths,
    save_image_data,
)
from uploader_gui.ui.uploads.model import State, UploadItem, UploadListModel
from uploader_gui.ui.uploads.queue import UploadQueue

HOST = "api.example.test"


def file_url(path_bytes: bytes) -> str:
    """A ``file:`` URL with every byte of the path percent-encoded as it is."""
    return "file://" + quote_from_bytes(path_bytes)


# -- the MIME helpers --------------------------------------------------------------------


def test_local_paths_come_from_file_urls_only(tmp_path: Path) -> None:
    first, second = tmp_path / "a.png", tmp_path / "sub dir" / "b c.png"
    mime = QMimeData()
    mime.setUrls(
        [
            QUrl.fromLocalFile(str(first)),
            QUrl("https://example.com/web.png"),
            QUrl.fromLocalFile(str(second)),
        ]
    )
    mime.setText("/ignored/when/there/are/urls.png")
    assert local_paths(mime, from_text=False) == [first, second]
    assert local_paths(mime, from_text=True) == [first, second]


def test_pasted_text_lines_that_name_paths_are_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    mime = QMimeData()
    mime.setText(
        "file:///tmp/from%20url.png\n"
        "/abs/plain.png\n"
        "  ~/in-home.png  \n"
        "relative/name.png\n"
        "https://example.com/web.png\n"
        "just some words\n"
    )
    assert local_paths(mime, from_text=True) == [
        Path("/tmp/from url.png"),
        Path("/abs/plain.png"),
        tmp_path / "in-home.png",
    ]
    assert local_paths(mime, from_text=False) == []  # a drag's text is not a path list


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"/tmp/caf\xe9.png", b"/tmp/caf\xe9.png"),  # Latin-1, not UTF-8
        (b"/tmp/\xff\xfe name.png", b"/tmp/\xff\xfe name.png"),
        ("/tmp/café.png".encode(), "/tmp/café.png".encode()),  # UTF-8 stays as it is
    ],
)
def test_percent_encoded_file_urls_keep_the_exact_bytes(raw: bytes, expected: bytes) -> None:
    url = file_url(raw)
    assert os.fsencode(local_file(QUrl(url))) == expected
    dropped = QMimeData()
    dropped.setUrls([QUrl(url)])
    assert [os.fsencode(p) for p in local_paths(dropped, from_text=False)] == [expected]
    pasted = QMimeData()
    pasted.setText(url + "\n")
    assert [os.fsencode(p) for p in local_paths(pasted, from_text=True)] == [expected]


def test_a_non_utf8_file_url_names_the_real_file(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/ph\xf6to.png"
    path = write(Path(os.fsdecode(name)), png_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl(file_url(name))])
    (found,) = local_paths(mime, from_text=False)
    assert found == path
    assert found.read_bytes() == png_bytes()


def test_describe_drag_says_what_a_drop_would_do(tmp_path: Path) -> None:
    one = QMimeData()
    one.setUrls([QUrl.fromLocalFile(str(tmp_path / "cat.png"))])
    assert describe_drag(one) == (True, "Drop to upload cat.png")

    several = QMimeData()
    several.setUrls([QUrl.fromLocalFile(str(tmp_path / n)) for n in ("a.png", "b.png", "c")])
    assert describe_drag(several) == (True, "Drop to upload 3 items")

    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("#cc3366"))
    picture = QMimeData()
    picture.setImageData(image)
    assert describe_drag(picture) == (True, "Drop to upload this image")

    link = QMimeData()
    link.setUrls([QUrl("https://example.com/photo.png")])
    assert describe_drag(link) == (
        False,
        "Links can't be uploaded: drag the image file or the picture itself",
    )

    text = QMimeData()
    text.setText(str(tmp_path / "cat.png"))  # a path as text is not a file in a drag
    assert describe_drag(text) == (
        False,
        "Only image files, folders or pictures can be dropped here",
    )
    assert describe_drag(QMimeData())[0] is False


# -- the controller ----------------------------------------------------------------------


@dataclass
class Intake:
    controller: IntakeController
    queue: UploadQueue
    model: UploadListModel
    store: HistoryStore
    listed: list[list[UploadItem]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    #: Items whose history row was missing when the model listed them.
    unrecorded: list[str] = field(default_factory=list)

    def paths(self) -> list[Path]:
        return [item.path for item in self.model.items()]


@pytest.fixture
def intake(
    host: QWidget, workers: Workers, dialogs: ScriptedDialogs, tmp_path: Path
) -> Iterator[Intake]:
    store = HistoryStore(tmp_path / "history.sqlite3")
    history = HistoryController(workers, store, host)
    model = UploadListModel(parent=host)
    queue = UploadQueue(model, workers, Settings(), history, host)  # no key: nothing is sent
    report = Report(NoticeBar(host), dialogs)
    controller = IntakeController(
        queue, history, workers, dialogs, report, lambda: HOST, lambda: False, host
    )
    parts = Intake(controller, queue, model, store)
    controller.listed.connect(parts.listed.append)
    report.status_shown.connect(lambda text, _ms: parts.messages.append(text))

    def check_recorded(items: list[UploadItem]) -> None:
        # Runs as the rows are inserted: each must already be in the history, on disk.
        for item in items:
            entry = None if item.history_id is None else store.get(item.history_id)
            if entry is None or entry.path != str(item.path) or entry.destination != HOST:
                parts.unrecorded.append(f"{item.path}: {entry}")

    model.appended.connect(check_recorded)
    yield parts
    controller.close()
    queue.shutdown()
    workers.cancel()
    assert workers.wait(time.monotonic() + 10)
    history.close()


def make_folder(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    return [write(folder / f"img{n:03d}.png", png_bytes(seed=n)) for n in range(count)]


def test_declining_a_big_folder_keeps_only_the_files_named_on_their_own(
    qtbot: QtBot, intake: Intake, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    images = make_folder(tmp_path / "big", ASK_ABOVE + 1)
    lone = write(tmp_path / "lone.png", png_bytes(seed=200))
    dialogs.confirm_answer = False
    intake.controller.add_paths([tmp_path / "big", images[5], lone])
    qtbot.waitUntil(lambda: len(intake.listed) == 1, timeout=10_000)
    assert dialogs.confirms == [f"“big” holds {ASK_ABOVE + 1} images. Upload all of them?"]
    assert intake.paths() == [images[5], lone]
    assert intake.unrecorded == []
    assert intake.store.count() == 2  # the declined files were never recorded
    assert all(item.state is State.QUEUED and item.waiting_for_key for item in intake.listed[0])
    assert "Waiting for an API key before uploading" in intake.messages


def test_accepting_a_big_folder_lists_every_file_recorded_first(
    qtbot: QtBot, intake: Intake, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    images = make_folder(tmp_path / "big", ASK_ABOVE + 1)
    lone = write(tmp_path / "lone.png", png_bytes(seed=200))
    dialogs.confirm_answer = True
    intake.controller.add_paths([tmp_path / "big", lone])
    qtbot.waitUntil(lambda: intake.model.rowCount() == ASK_ABOVE + 2, timeout=10_000)
    assert len(dialogs.confirms) == 1
    assert intake.paths() == [*images, lone]
    assert len(intake.listed) > 1  # added a chunk per event-loop turn
    assert intake.unrecorded == []
    batches = {item.batch for item in intake.model.items()}
    assert len(batches) == 1  # one drop, one batch


def test_a_small_folder_is_not_asked_about(
    qtbot: QtBot, intake: Intake, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    images = make_folder(tmp_path / "small", 3)
    (tmp_path / "empty").mkdir()
    intake.controller.add_paths([tmp_path / "small", tmp_path / "empty"])
    qtbot.waitUntil(lambda: intake.model.rowCount() == 3, timeout=10_000)
    assert dialogs.confirms == []
    assert intake.paths() == images
    assert intake.unrecorded == []
    assert "No images found in empty" in intake.messages


def test_image_data_is_saved_privately_in_the_cache_and_queued(
    qtbot: QtBot, intake: Intake
) -> None:
    image = QImage(12, 7, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    intake.controller.add_image_data(image, "pasted")
    qtbot.waitUntil(lambda: intake.model.rowCount() == 1, timeout=10_000)
    (item,) = intake.model.items()
    folder = cache_dir() / "pasted"
    assert item.path.parent == folder
    assert item.path.name.startswith("pasted-")
    assert item.path.suffix == ".png"
    assert stat.S_IMODE(item.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    saved = QImage(str(item.path))
    assert (saved.width(), saved.height()) == (12, 7)
    assert saved.pixelColor(3, 3) == QColor("#3366cc")
    assert intake.unrecorded == []
    assert item.history_id is not None
    entry = intake.store.get(item.history_id)
    assert entry is not None
    assert entry.state is HistoryState.QUEUED


def test_dropped_image_data_is_taken_and_saved_under_its_own_name(
    qtbot: QtBot, intake: Intake
) -> None:
    image = QImage(5, 5, QImage.Format.Format_RGB32)
    image.fill(QColor("#00aa00"))
    mime = QMimeData()
    mime.setImageData(image)
    assert intake.controller.take_mime(mime, "dropped")
    qtbot.waitUntil(lambda: intake.model.rowCount() == 1, timeout=10_000)
    (item,) = intake.model.items()
    assert item.path.name.startswith("dropped-")
    assert item.path.parent == cache_dir() / "pasted"
    assert not intake.controller.take_mime(QMimeData(), "dropped")


def test_saving_image_data_twice_in_a_second_keeps_both() -> None:
    image = QImage(2, 2, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    first = save_image_data(image, "same")
    second = save_image_data(image, "same")
    assert first != second
    assert first.exists()
    assert second.exists()


def test_pasted_paths_are_added_and_plain_text_is_not(
    qtbot: QtBot, intake: Intake, tmp_path: Path
) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("nothing to upload here")
    intake.controller.paste()
    assert intake.messages == ["The clipboard holds no image or file to upload"]

    image = write(tmp_path / "pasted path.png", png_bytes())
    clipboard.setText(f"{image}\n")
    intake.controller.paste()
    qtbot.waitUntil(lambda: intake.model.rowCount() == 1, timeout=10_000)
    assert intake.paths() == [image]
    assert intake.unrecorded == []
