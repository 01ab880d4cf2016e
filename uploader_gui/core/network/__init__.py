"""Connections to the API: proxies, certificates, and what their failures mean (no Qt)."""

from __future__ import annotations

from collections.abc import Iterator


def causes(exc: BaseException | None) -> Iterator[BaseException]:
    """``exc`` and what it was raised from or during, innermost last (httpx wraps the
    socket's and the TLS library's errors twice)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        yield exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
