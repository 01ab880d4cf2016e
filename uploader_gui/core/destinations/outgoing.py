"""A request as the upload client sends it (to ImagePipeline or to a custom destination)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import BinaryIO

#: What carries the file in a multipart part: ``(filename, stream, mime)``.
Part = tuple[str, BinaryIO, str]


@dataclass
class Outgoing:
    """A request ready for httpx: never logged whole (its URL or headers may hold secrets)."""

    method: str
    url: str
    params: list[tuple[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    files: dict[str, Part] | None = None
    data: dict[str, str] | None = None
    content: bytes | BinaryIO | None = None
    #: Whether the file's bytes are in the body (multipart or binary).
    sends_file: bool = False
