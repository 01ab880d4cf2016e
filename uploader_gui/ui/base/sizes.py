"""File sizes as the window shows them: the core's units, the language's decimal mark."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from ...core.units import format_size


def shown_size(size: int) -> str:
    """``"2.9 MB"`` in English, ``"2,9 MB"`` in German (the language set at start)."""
    return format_size(size, QLocale().decimalPoint() or ".")
