"""Quit requests on Linux (``platform/linux/signals.py``): SIGTERM and SIGINT call back on the
GUI thread inside the block, and the previous handlers come back after it."""

from __future__ import annotations

import signal

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from uploader_gui.platform.linux.signals import Signals


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_calls_back_on_the_gui_thread(
    qtbot: QtBot, qapp: QApplication, signum: signal.Signals
) -> None:
    before = signal.getsignal(signum)
    calls: list[bool] = []
    with Signals().watch(lambda: calls.append(QThread.currentThread() is qapp.thread())):
        signal.raise_signal(signum)
        qtbot.waitUntil(lambda: calls == [True], timeout=5000)
    assert signal.getsignal(signum) is before
