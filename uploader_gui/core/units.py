"""Human-readable sizes."""

from __future__ import annotations


def format_size(size: int, point: str = ".") -> str:
    """``1536`` → ``"1.5 KB"``; decimal units, as file managers show them. ``point`` is the
    language's decimal mark (German writes ``"1,5 KB"``)."""
    if size < 1000:
        return f"{size} B"
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1000
        if value < 999.95 or unit == "TB":
            number = f"{value:.1f}".replace(".", point) if value < 100 else f"{value:.0f}"
            return f"{number} {unit}"
    raise AssertionError("unreachable")
