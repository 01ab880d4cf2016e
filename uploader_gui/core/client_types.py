"""The values the upload client hands out and holds (no network here)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import UploadError
from .files import FileSignature
from .responses import UploadResult

if TYPE_CHECKING:
    from .destinations.syntax import Reply

RetryCallback = Callable[[int, float, UploadError], None]
"""Called with ``(retry_number, delay_seconds, error)`` before waiting to retry."""


class Secret:
    """Holds the key so that no ``repr``/``vars`` dump shows it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "<secret>"

    __str__ = __repr__


@dataclass(frozen=True)
class Exchange:
    """One request and its reply, as it came (Settings' Test shows it)."""

    reply: Reply
    filename: str
    redact: Callable[[str], str]


@dataclass(frozen=True)
class SentFile:
    """A finished upload: the service's answer, and the signature of the file whose bytes
    were sent (unchanged from the moment it was opened to the answer)."""

    result: UploadResult
    signature: FileSignature
