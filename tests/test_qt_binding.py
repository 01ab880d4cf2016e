"""Guards against a broken Qt binding release (see the pin in pyproject.toml)."""

import sys

from PySide6.QtCore import QObject


def test_calls_returning_nothing_keep_none_alive() -> None:
    # PySide6 6.12.0 decrements None's reference count on every such call; on Python < 3.12
    # the interpreter aborts once it reaches zero.
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(500):
        probe.setObjectName("x")
    assert sys.getrefcount(None) >= before - 50
