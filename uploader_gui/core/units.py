"""Human-readable sizes."""

from __future__ import annotations


def format_size(size: int) -> str:
    """``1536`` → ``"1.5 KB"``; decimal units, as file managers show them."""
    if size < 1000:
        return f"{size} B"
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1000
        if value < 999.95 or unit == "TB":
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    raise AssertionError("unreachable")
