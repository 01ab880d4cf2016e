"""Persistent notices above the upload list, and the one about a refused API URL."""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import keyring
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import MemoryKeyring
from tests.gui.conftest import FAST, ScriptedDialogs, shut, wait_finished
from tests.images import png_bytes, write
from uploader_gui.core.credentials import SERVICE, Credentials, KeySource
from uploader_gui.core.errors import InsecureURLError
from uploader_gui.core.paths import config_dir
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.app import create_window
from uploader_gui.ui.base.palette import contrast_ratio
from uploader_gui.ui.base.report import Severity, Topic
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.notices.bar import NoticeBar, notice_colors
from uploader_gui.ui.settings.dialog import SettingsValues
from uploader_gui.ui.uploads.model import State

REFUSAL = "refusing to send the API key over plain http to evil.example"


def refuses(text: str) -> bool:
    """``text`` gives the reason core.urls refuses ``http://evil.example`` (any case)."""
    return REFUSAL.lower() in text.lower()


# -- the notice bar ------------------------------------------------------------------------


@pytest.fixture
def bar(qtbot: QtBot) -> Iterator[NoticeBar]:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    notices = NoticeBar(host)
    layout.addWidget(notices)
    layout.addStretch(1)
    host.resize(400, 200)
    host.show()
    qtbot.waitExposed(host)
    yield notices  # (the host must live as long as the test)
    host.close()


def test_notices_stack_by_key_and_stay_until_cleared(qtbot: QtBot, bar: NoticeBar) -> None:
    assert bar.isHidden()  # nothing to say: no room taken
    clicks: list[str] = []
    bar.show_notice("a", "First", Severity.WARNING)
    bar.show_notice("b", "Second <b>not bold</b>", "error", ("Fix It", lambda: clicks.append("b")))
    assert bar.isVisible()
    assert bar.keys() == ["a", "b"]
    assert bar.notice_text("b") == "Second <b>not bold</b>"
    second = bar.notice("b")
    assert second is not None
    assert second.label.textFormat() == Qt.TextFormat.PlainText  # shown as typed
    assert second.label.wordWrap()
    assert second.accessibleName() == "Error: Second <b>not bold</b>"
    assert second.button is not None
    assert second.button.text() == "Fix It"
    qtbot.mouseClick(second.button, Qt.MouseButton.LeftButton)
    assert clicks == ["b"]

    # The same key again: replaced in place (same position), its button gone.
    bar.show_notice("a", "First, again", Severity.INFO)
    assert bar.keys() == ["a", "b"]
    first = bar.notice("a")
    assert first is not None
    assert first.button is None
    assert first.accessibleName() == "Information: First, again"

    bar.clear_notice("a")
    bar.clear_notice("nothing under this key")
    assert bar.keys() == ["b"]
    assert bar.notice_text("a") is None
    bar.clear_notice("b")
    assert bar.keys() == []
    assert bar.isHidden()


def test_a_long_notice_wraps_instead_of_widening_the_window(qtbot: QtBot, bar: NoticeBar) -> None:
    bar.show_notice("long", "word " * 200, Severity.WARNING, ("Open Settings", lambda: None))
    host = bar.parentWidget()
    assert host is not None
    host.resize(380, 600)
    qtbot.waitUntil(lambda: bar.sizeHint().height() > 3 * bar.fontMetrics().height())
    notice = bar.notice("long")
    assert notice is not None
    assert notice.button is not None
    assert notice.button.isVisible()
    assert notice.label.geometry().right() < notice.button.geometry().left()


@pytest.mark.parametrize("severity", list(Severity))
@pytest.mark.parametrize("dark", [False, True])
def test_notice_colours_meet_wcag_aa(severity: Severity, dark: bool) -> None:
    colors = notice_colors(severity, dark)
    assert contrast_ratio(colors.text, colors.background) >= 4.5
    # The tint is the window's kind: light on a light palette, dark on a dark one.
    assert (colors.background.lightness() < 128) is dark


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def _label_color(notice: QWidget) -> QColor:
    label = notice.findChild(QLabel, "noticeText")
    assert isinstance(label, QLabel)
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_the_notices_follow_a_switch_to_a_dark_palette(qtbot: QtBot, bar: NoticeBar) -> None:
    bar.show_notice("k", "Readable?", Severity.ERROR)
    notice = bar.notice("k")
    assert notice is not None
    light = notice_colors(Severity.ERROR, dark=False)
    assert _label_color(notice) == light.text
    dark_palette = QPalette(bar.palette())
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        dark_palette.setColor(role, QColor("#202020"))
    host = bar.parentWidget()
    assert host is not None
    host.setPalette(dark_palette)  # as a desktop switching to dark would
    QApplication.sendPostedEvents(None, QEvent.Type.PolishRequest)
    dark = notice_colors(Severity.ERROR, dark=True)
    qtbot.waitUntil(lambda: _label_color(notice) == dark.text)


def test_the_window_shows_its_notices_at_the_top(window: MainWindow) -> None:
    central = window.centralWidget()
    assert central is not None
    layout = central.layout()
    assert layout is not None
    assert layout.indexOf(window.notices) == 0
    window.notices.show_notice("test", "Hello")
    assert window.notices.isVisible()


# -- a refused API URL ---------------------------------------------------------------------


def write_settings(api_url: str) -> None:
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.ini").write_text(f"[api]\nurl={api_url}\n")


def start_window(qtbot: QtBot, dialogs: ScriptedDialogs) -> MainWindow:
    """As ``uploader-gui`` starts: create_window, then the key lookup run_app schedules."""
    window = create_window(Namespace(api_url=None, sandbox=False, files=[]), dialogs=dialogs)
    window.queue.set_retry_policy(FAST)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if not window.queue.has_key:
        window.keys.load()
    return window


def fixed(url: str) -> SettingsValues:
    return SettingsValues(api_url=url, concurrency=4, retries=3, auto_copy=False, copy_format="url")


def test_a_refused_api_url_in_settings_says_why_until_it_is_fixed(
    qtbot: QtBot,
    sandbox: SandboxServer,
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    write_settings("http://evil.example")
    monkeypatch.setenv("IMAGEPIPELINE_API_KEY", sandbox.key)
    window = start_window(qtbot, dialogs)
    window.intake.add_paths([write(tmp_path / "held.png", png_bytes())])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    (item,) = window.model.items()

    # The row says why it waits, not "Waiting for an API key" (a key is set).
    shown = window.uploads.delegate.status_text(item)
    assert refuses(shown)
    assert "API key" not in shown.split(":")[0]
    index = window.model.index(0)
    for role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
        assert refuses(window.model.data(index, role))  # screen readers and tooltips too
    # And so does a notice, in full, with the way to fix it.
    text = window.notices.notice_text(Topic.API_URL)
    assert text is not None
    assert refuses(text)
    assert "Settings" in text
    notice = window.notices.notice(Topic.API_URL)
    assert notice is not None
    assert notice.isVisible()
    assert notice.button is not None
    assert notice.severity is Severity.ERROR
    assert dialogs.key_prompts == []  # no key is asked for an address it may not go to
    assert "API key" not in window.statusBar().currentMessage()  # the wrong reason, cut off
    qtbot.waitUntil(lambda: window.summary_label.text() == "1 file waiting")  # not "Uploading"
    assert not window.windowTitle().startswith("Uploading")

    # "Open Settings" opens them; cancelled, nothing changes.
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    assert len(dialogs.settings_shown) == 1
    assert window.notices.notice_text(Topic.API_URL) == text

    # Fixed there: the notice goes and the waiting file goes to the new URL.
    dialogs.settings_answer = fixed(sandbox.url)
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    assert len(dialogs.settings_shown) == 2
    assert window.notices.notice_text(Topic.API_URL) is None
    (done,) = wait_finished(qtbot, window, 1)
    assert done.state is State.DONE
    assert str(done.url).startswith(sandbox.url)
    assert window.keys.source is KeySource.ENVIRONMENT
    assert [upload.filename for upload in sandbox.uploads] == ["held.png"]
    shut(qtbot, window)


def test_nothing_is_sent_while_the_api_url_is_refused(
    qtbot: QtBot,
    sandbox: SandboxServer,
    dialogs: ScriptedDialogs,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    # Refused (user info in the URL), though it names the sandbox, and keys are stored for
    # both: whatever the app tried to send would reach the sandbox.
    refused = sandbox.url.replace("http://", "http://someone@")
    Credentials(env={}).save(sandbox.url, sandbox.key)
    # No key can be saved for a refused URL any more; one left by an older version is there.
    with pytest.raises(InsecureURLError):
        Credentials(env={}).save(refused, sandbox.key)
    keyring.set_password(SERVICE, urlsplit(refused).netloc, sandbox.key)
    write_settings(refused)
    window = start_window(qtbot, dialogs)
    window.intake.add_paths([write(tmp_path / f"n{i}.png", png_bytes(seed=i)) for i in range(2)])
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    window.keys.load()  # asked again (e.g. by a second start): still nothing
    qtbot.waitUntil(lambda: window.parts.workers.idle)
    assert window.queue.idle
    assert all(i.state is State.QUEUED for i in window.model.items())
    assert "user name or password" in window.uploads.delegate.status_text(window.model.items()[0])
    assert sandbox.requests == []
    assert dialogs.key_prompts == []

    # Fixed: the stored key for the new URL is found and both files go.
    window.parts.preferences.apply(fixed(sandbox.url))
    assert window.notices.keys() == []
    items = wait_finished(qtbot, window, 2)
    assert [i.state for i in items] == [State.DONE] * 2
    assert window.keys.source is KeySource.KEYRING
    assert len(sandbox.uploads) == 2
    shut(qtbot, window)


def test_a_refused_url_fixed_for_the_session_offers_no_settings(
    qtbot: QtBot, dialogs: ScriptedDialogs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("IMAGEPIPELINE_API_URL", "http://evil.example")
    monkeypatch.setenv("IMAGEPIPELINE_API_KEY", "some-key")
    window = start_window(qtbot, dialogs)
    text = window.notices.notice_text(Topic.API_URL)
    assert text is not None
    assert refuses(text)
    assert "IMAGEPIPELINE_API_URL" in text
    notice = window.notices.notice(Topic.API_URL)
    assert notice is not None
    assert notice.button is None
    window.intake.add_paths([write(tmp_path / "x.png", png_bytes())])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert refuses(window.uploads.delegate.status_text(window.model.items()[0]))
    shut(qtbot, window)


def test_without_a_key_the_rows_still_wait_for_one(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    write_settings(sandbox.url)
    window = start_window(qtbot, dialogs)
    window.intake.add_paths([write(tmp_path / "k.png", png_bytes())])
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.uploads.delegate.status_text(window.model.items()[0]) == "Waiting for an API key"
    assert window.statusBar().currentMessage() == "Waiting for an API key before uploading"
    assert window.notices.keys() == []
    shut(qtbot, window)
