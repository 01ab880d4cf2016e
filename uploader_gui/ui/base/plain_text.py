"""Text from outside (file names, paths, a server's words) shown as it is, never as markup.

A ``QLabel`` is given ``Qt.TextFormat.PlainText``. A tooltip has no such setting: Qt guesses
from the text whether it is rich text, and draws a file named ``<font size=7>BIG.png`` or a
server's ``<h1>`` as markup. :func:`tooltip` escapes the text into a paragraph, which Qt shows
literally. Names and paths are wrapped in a Unicode isolate (:func:`isolate`), so that a
right-to-left override inside one cannot reverse the text around it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

#: First Strong Isolate and Pop Directional Isolate (Unicode's bidirectional algorithm).
_FSI, _PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    """``text`` as a unit of its own in the surrounding text's direction."""
    return f"{_FSI}{text}{_PDI}"


def tooltip(text: str) -> str:
    """``text`` as a tooltip Qt shows literally, line breaks kept."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as it is (never as markup)."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def form_row(form: QFormLayout, text: str, field: QWidget) -> QLabel:
    """A row of ``form``: a plain label (its ``&`` marks the shortcut to ``field``)."""
    label = plain_label(text)
    label.setBuddy(field)
    form.addRow(label, field)
    return label
