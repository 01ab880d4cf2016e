"""A ShareX custom uploader (``.sxcu``) handed to the window, by drop, paste or a second
start ("Open with"): added as a destination after a question, its secret in the keyring and
never in a file; a refused file says which field and why, and adds nothing."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.conftest import MemoryKeyring
from tests.gui.conftest import ScriptedDialogs, drop_files, settle, wait_finished
from tests.images import png_bytes, write
from tests.test_desktop_install import APP, app_env, runtime_dir
from uploader_gui.core.credentials import SERVICE
from uploader_gui.core.destinations.store import destinations_path, secret_user
from uploader_gui.core.destinations.uploader import Section
from uploader_gui.desktop import single_instance
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui import app
from uploader_gui.ui.base.actions import ActionId
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.uploads.intake import describe_drag

SECRET = "Bearer s3cret-from-the-file"
AUTHORIZATION = (Section.HEADERS, "Authorization")


def uploader_file(folder: Path, name: str = "My Host.sxcu", **changes: object) -> Path:
    """A ``.sxcu`` for a host on loopback, its credential in a header (no Version: a note)."""
    document: dict[str, object] = {
        "Name": "My Host",
        "DestinationType": "ImageUploader",
        "RequestMethod": "POST",
        "RequestURL": "http://127.0.0.1:9/hosts/nested-json",
        "Headers": {"Authorization": SECRET},
        "Body": "MultipartFormData",
        "FileFormName": "file",
        "URL": "{json:data.link}",
    }
    document.update(changes)
    path = folder / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def nothing_added(qtbot: QtBot, window: MainWindow, keyring: MemoryKeyring) -> None:
    settle(qtbot, window)
    assert window.parts.book.items == []
    assert keyring.secrets == {}
    assert window.model.rowCount() == 0


def test_a_dropped_uploader_is_added_after_a_question_and_chosen(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    path = uploader_file(tmp_path, "My Host.SXCU")  # any letter case
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert describe_drag(mime) == (True, "Drop to add the destination in My Host.SXCU")
    drop_files(window, [path])

    qtbot.waitUntil(lambda: len(dialogs.confirms) == 2)
    question, use = dialogs.confirms
    assert question.startswith(
        "Add My Host as a destination? Its uploads go to 127.0.0.1:9.\n\n"
        "Kept in the keyring, never in a file: Headers Authorization."
    )
    assert "Notes:\n• no Version" in question
    assert SECRET not in question
    assert use == "Upload to My Host from now on?"

    book = window.parts.book
    (stored,) = book.items
    assert stored.uploader.name == "My Host"
    qtbot.waitUntil(
        lambda: (SERVICE, secret_user(stored.key, AUTHORIZATION)) in memory_keyring.secrets
    )
    assert memory_keyring.secrets[(SERVICE, secret_user(stored.key, AUTHORIZATION))] == SECRET
    assert window.parts.choice.chosen == stored.key
    assert window.keys.custom is not None
    assert window.keys.custom.key == stored.key
    assert window.statusBar().currentMessage() == "Added the destination My Host (127.0.0.1:9)"
    # Not an image: nothing was queued, and the secret is in no file.
    settle(qtbot, window)
    assert window.model.rowCount() == 0
    assert SECRET not in destinations_path().read_text(encoding="utf-8")
    assert dialogs.informed == []


def test_declining_adds_nothing(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    dialogs.confirm_answer = False
    drop_files(window, [uploader_file(tmp_path)])
    qtbot.waitUntil(lambda: len(dialogs.confirms) == 1)
    nothing_added(qtbot, window, memory_keyring)
    assert not destinations_path().exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"RequestURL": "http://uploads.example.com/up"}, "RequestURL"),
        ({"Body": "Telepathy"}, "Body"),
        ({"URL": "{prompt:Which URL?}"}, "URL"),
    ],
)
def test_a_refused_uploader_names_the_field_and_adds_nothing(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
    changes: dict[str, object],
    field: str,
) -> None:
    path = uploader_file(tmp_path, "bad.sxcu", **changes)
    drop_files(window, [path])
    qtbot.waitUntil(lambda: len(dialogs.informed) == 1)
    title, _, text = dialogs.informed[0].partition(": ")
    assert title == "bad.sxcu was not added"
    assert text.startswith(f"{path}: {field}: ")
    assert len(text) > len(f"{path}: {field}: ")  # a reason follows
    assert dialogs.confirms == []
    nothing_added(qtbot, window, memory_keyring)


def test_a_pasted_uploader_is_asked_about_and_the_image_beside_it_uploaded(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    dialogs.confirm_answer = False  # (a yes would send the image elsewhere meanwhile)
    image = write(tmp_path / "beside.png", png_bytes(seed=7))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(uploader_file(tmp_path))), QUrl.fromLocalFile(str(image))])
    QGuiApplication.clipboard().setMimeData(mime)
    window.registry[ActionId.PASTE].trigger()
    (item,) = wait_finished(qtbot, window, 1)
    assert item.path == image
    assert item.url is not None
    qtbot.waitUntil(lambda: len(dialogs.confirms) == 1)
    assert dialogs.confirms[0].startswith("Add My Host as a destination?")
    assert window.parts.book.items == []


# The window comes to the front as it takes them: offscreen, raising it is a warning.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_an_uploader_handed_over_by_a_second_start_is_added(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    sandbox: SandboxServer,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``uploader-gui FILE.sxcu`` (what "Open with" runs) while the window is open."""
    runtime = runtime_dir(tmp_path_factory)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    claim = single_instance.claim(single_instance.target_for(False, sandbox.url), [])
    assert claim.server is not None, claim.obstacle
    try:
        app.attach_instance(window, claim)
        path = uploader_file(tmp_path, "opened with.sxcu")
        env = app_env(runtime, sandbox)
        second = subprocess.Popen([*APP, path.name], env=env, cwd=tmp_path)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
        assert second.returncode == 0
        qtbot.waitUntil(lambda: len(window.parts.book.items) == 1)
        assert dialogs.confirms[0].startswith("Add My Host as a destination?")
        assert window.model.rowCount() == 0
    finally:
        claim.server.close()
