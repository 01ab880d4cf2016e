"""The window in German and in Chinese, and a pseudo-locale that finds clipped labels.

The language test builds the same window, menus and dialogs in English and in another
language and collects every text a person can read or hear (texts, tooltips, status tips,
accessible names and descriptions, placeholders, titles, tabs, combo entries, table
headers): a text that is the same in both languages stayed English.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.conftest import ScriptedDialogs, drop_files, make_window, shut, wait_finished
from tests.images import png_bytes, write
from uploader_gui.core import i18n
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.base import language
from uploader_gui.ui.base.sizes import shown_size
from uploader_gui.ui.destination.key_dialog import KeyDialog
from uploader_gui.ui.settings.dialog import KeyStatus, SettingsDialog, SettingsValues

#: Words that are the same in every language: names, formats, units.
SAME_EVERYWHERE = {
    "url",
    "html",
    "markdown",
    "bbcode",
    "api",
    "uploader-gui",
    "english",
    "deutsch",
    "简体中文",
    "px",
    "ok",
    "✕",
    "http://proxy.example:3128",
    "https://api.imagepipeline.io",
    "gnome keyring (secret service)",
    "body",  # a template's name: the person's own words
}
#: Words that German spells as English does.
SAME_IN = {"de": {"name", "proxy", "uploads", "port:"}, "zh_CN": set()}


def normal(text: str) -> str:
    return re.sub(r"&(?!&)|\(&\w\)", "", text).replace("&&", "&").strip().lower()


def readable(widget: QWidget) -> Iterator[str]:
    """Every text a person can read or hear on ``widget`` and its children."""
    for child in [widget, *widget.findChildren(QWidget)]:
        yield child.toolTip()
        yield child.statusTip()
        yield child.accessibleName()
        yield child.accessibleDescription()
        yield child.windowTitle() if child.isWindow() else ""
        if isinstance(child, (QLabel, QAbstractButton)):
            yield child.text()
        if isinstance(child, QLineEdit):
            yield child.placeholderText()
        if isinstance(child, QGroupBox):
            yield child.title()
        if isinstance(child, QTabWidget):
            yield from (child.tabText(i) for i in range(child.count()))
            yield from (child.tabToolTip(i) for i in range(child.count()))
        if isinstance(child, QComboBox):
            yield from (child.itemText(i) for i in range(child.count()))
        if isinstance(child, QTableWidget):
            for column in range(child.columnCount()):
                header = child.horizontalHeaderItem(column)
                yield header.text() if header else ""
        if isinstance(child, QMenu):
            for action in child.actions():
                yield action.text()
                yield action.toolTip()
                yield action.statusTip()
    if isinstance(widget, QMainWindow):
        for menu in widget.menuBar().findChildren(QMenu):
            yield menu.title()
            for action in menu.actions():
                yield action.text()
                yield action.statusTip()


def texts_of(qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path) -> set[str]:
    found: set[str] = set()
    window = make_window(qtbot, sandbox.url, ScriptedDialogs())
    window.keys.use_key(sandbox.url, sandbox.key)
    # Rows in each state a person sees: done, refused, waiting for a key.
    folder = tmp_path / f"rows-{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    good = write(folder / "good.png", png_bytes())
    refused = write(folder / "notes.txt", b"not an image")
    drop_files(window, [good, refused])
    wait_finished(qtbot, window, 2)
    model = window.model
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        found.add(str(model.data(index, Qt.ItemDataRole.AccessibleTextRole)))
        found.add(str(model.data(index, Qt.ItemDataRole.ToolTipRole) or ""))
    found.update(readable(window))
    values = SettingsValues(templates=(("body", "{url}"),))
    status = KeyStatus("", "GNOME Keyring (Secret Service)", True, True)
    dialogs: list[QDialog] = [
        SettingsDialog(window, values, status, "https://api.imagepipeline.io"),
        KeyDialog(window, "api.imagepipeline.io", backend="GNOME Keyring (Secret Service)"),
    ]
    for dialog in dialogs:
        found.update(readable(dialog))
        dialog.deleteLater()
    shut(qtbot, window)
    return {normal(text) for text in found if text and re.search(r"[^\W\d_]", text)}


@pytest.fixture
def speak(qapp: QCoreApplication) -> Iterator[object]:
    yield language.install
    language.install("en")


@pytest.mark.parametrize("code", ["de", "zh_CN"])
def test_nothing_stays_english(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path, speak: object, code: str
) -> None:
    assert language.install("en") == "en"
    english = texts_of(qtbot, sandbox, tmp_path)
    assert language.install(code) == code
    translated = texts_of(qtbot, sandbox, tmp_path)
    stayed = sorted(
        text
        for text in english & translated
        if text not in SAME_EVERYWHERE | SAME_IN[code]
        and not re.fullmatch(r"[\w.:/-]*\.(png|jpg|txt)|\d.*", text)
        and not re.fullmatch(r"\u2068imagepipeline\u2069 — \u2068[\w.:]+\u2069", text)
    )
    assert stayed == [], stayed
    assert len(translated) > 120  # the walk really saw the window, menus and dialogs


def test_the_system_language_is_followed() -> None:
    assert language.system_language({"LANG": "de_DE.UTF-8"}) == "de"
    assert language.system_language({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"}) == "zh_CN"
    assert language.system_language({"LC_ALL": "C", "LANGUAGE": "de"}) == "en"
    assert language.system_language({"LC_MESSAGES": "de_AT.UTF-8", "LANG": "en_GB"}) == "de"
    assert language.system_language({"LANG": "zh_TW.UTF-8"}) == "en"  # not shipped
    assert language.system_language({"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr:de"}) == "de"
    assert language.system_language({}) == "en"


def test_qt_s_own_buttons_are_translated_too(speak: object) -> None:
    language.install("de")
    assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "&Ja"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    assert i18n.translate("Summary", "%n image(s) uploaded", None, 2) != "2 images uploaded"
    assert shown_size(2_900_000) == "2,9 MB"  # the German decimal mark
    language.install("zh_CN")
    assert shown_size(2_900_000) == "2.9 MB"


class PseudoTranslator(QTranslator):
    """English stretched by 40 % and bracketed: a clipped label shows it."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        del context, disambiguation, n
        if not source:
            return source
        return f"[{source}{'~' * math.ceil(len(source) * 0.4)}]"

    def isEmpty(self) -> bool:
        return False


def clipped(widget: QWidget) -> Iterator[str]:
    for child in widget.findChildren(QWidget):
        if not child.isVisible():
            continue
        if (
            isinstance(child, QLabel)
            and child.buddy() is None
            and re.search(r"&[^&\s]", child.text().replace("&&", ""))
        ):
            yield f"QLabel {child.text()!r}: an accelerator with no buddy shows a literal '&'"
        if isinstance(child, QLabel) and child.wordWrap():
            continue
        if (
            isinstance(child, (QLabel, QAbstractButton))
            and child.text()
            and child.width() < child.minimumSizeHint().width()
        ):
            yield (
                f"{type(child).__name__} {child.text()!r}: {child.width()} px < "
                f"{child.minimumSizeHint().width()} px"
            )


def test_the_pseudo_locale_clips_nothing(qtbot: QtBot, sandbox: SandboxServer) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    pseudo = PseudoTranslator()
    app.installTranslator(pseudo)
    i18n.install(lambda c, t, d, n: QCoreApplication.translate(c, t, d, n))
    try:
        window = make_window(qtbot, sandbox.url, ScriptedDialogs())
        window.resize(820, 600)
        assert window.top_bar.copy_all_button.text().startswith("[Copy all")
        problems = list(clipped(window))
        dialog = SettingsDialog(
            window,
            SettingsValues(),
            KeyStatus("", "GNOME Keyring", True, True),
            "https://api.imagepipeline.io",
        )
        dialog.show()
        qtbot.waitExposed(dialog)
        for index in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(index)
            problems += clipped(dialog)
        dialog.close()
        shut(qtbot, window)
    finally:
        app.removeTranslator(pseudo)
        i18n.install(None)
    assert problems == []
