"""What the request handler needs of the sandbox, and what the sandbox keeps on record.

The handler (:mod:`.handler`) serves each request through these interfaces; the server
(:mod:`.server`) implements them. Neither imports the other's internals.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from .contract import FilePart, ImageType
from .faults import Fault, Faults
from .hosts import Hosts


@dataclass(frozen=True)
class StoredUpload:
    """An accepted upload."""

    filename: str
    content_type: str
    size: int
    sha256: str
    path: Path
    url: str


@dataclass(frozen=True)
class RequestRecord:
    """A request as received; header names are lower-cased."""

    method: str
    path: str
    headers: dict[str, str]


class Service(Protocol):
    """The sandbox service: its key and limits, its faults, its record and storage, and the
    generic test hosts when it serves them."""

    key: str
    max_bytes: int
    faults: Faults
    hosts: Hosts | None

    @property
    def url(self) -> str: ...

    @property
    def storage(self) -> Path: ...

    def record(self, method: str, path: str, headers: dict[str, str]) -> None: ...

    def next_fault(self, filename: str) -> Fault: ...

    def store(self, part: FilePart, image_type: ImageType, spool: IO[bytes]) -> StoredUpload: ...

    def stored_upload(self, name: str) -> StoredUpload | None: ...


class Connections(Protocol):
    """The HTTP server as a handler sees it: its service, and the connections it tracks."""

    sandbox: Service
    stopping: threading.Event

    def track(self, connection: socket.socket) -> None: ...

    def untrack(self, connection: socket.socket) -> None: ...
