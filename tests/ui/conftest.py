"""Fixtures for unit tests of the Qt layer's parts, each built without a MainWindow.

Qt runs offscreen and the keyring, settings and data folders are isolated by
``tests/conftest.py`` (the root conftest, which applies here too); the pytest-qt options
(warnings fail tests) come from ``pyproject.toml``. The scripted dialogs are the ones the
window tests use too (``tests/ui/helpers.py``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.helpers import dialogs as dialogs  # the shared fixture (re-exported)
from uploader_gui.ui.base.workers import Workers

#: How long a test's background work may take to finish at teardown.
TEARDOWN_S = 10.0


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    """A plain widget to parent the parts (dialogs and notices need one)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def workers(host: QWidget) -> Iterator[Workers]:
    """The parts' pools; every job has ended before the test's widgets are deleted."""
    made = Workers(host)
    yield made
    made.cancel()
    assert made.wait(time.monotonic() + TEARDOWN_S), made.busy_pools()
