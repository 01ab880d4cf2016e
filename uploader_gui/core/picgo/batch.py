"""What the PicGo server hands the window (a :class:`Batch`) and what it gets back.

The window implements :class:`UploadBatch`: it takes the batch as a drop and returns, once
the uploads have finished, one :class:`Outcome` per file of the batch, in the batch's order
(for the clipboard: one per image it found there, or one failure). The server calls it on its
own handler thread and waits for it; two clients may be served at once, so it may be called
from two threads at the same time.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..files import FileSignature

#: At most this many files in one multipart request (the rest is refused with 413).
MAX_FILES = 10
#: At most this many paths in one JSON list.
MAX_PATHS = 100
#: The largest image received in a multipart body (the service's own limit is not documented;
#: the sandbox service refuses more than this).
MAX_FILE_BYTES = 100 * 1024 * 1024
#: The largest JSON body.
MAX_JSON_BYTES = 1024 * 1024
#: Room for the boundaries and part headers of a multipart body.
MULTIPART_OVERHEAD = 64 * 1024
#: The largest body of any request, by default.
DEFAULT_MAX_BODY = MAX_FILES * MAX_FILE_BYTES + MULTIPART_OVERHEAD


class Source(enum.Enum):
    """Where the images of a batch come from."""

    #: Paths on this computer named in a JSON ``{"list": [...]}`` body.
    PATHS = "paths"
    #: Images sent in a multipart body, saved in a private temporary folder; the server
    #: removes them after :class:`UploadBatch` returns.
    RECEIVED = "received"
    #: The image on the clipboard (an empty body): the window reads it itself.
    CLIPBOARD = "clipboard"


@dataclass(frozen=True)
class LocalFile:
    """One checked file: absolute, a regular file, readable, an image by its first bytes.

    ``signature`` is what it was when checked: the window may compare it with what it opens
    (:meth:`FileSignature.of`) to be sure it uploads that file and not one swapped in since.
    ``name`` is the name to show: the file's own, or the name the client sent it under.
    """

    path: Path
    name: str
    signature: FileSignature


@dataclass(frozen=True)
class Client:
    """Who asked, as far as the request tells: for the window to show ("from Obsidian")."""

    peer: str
    origin: str | None = None
    user_agent: str | None = None


@dataclass(frozen=True)
class Batch:
    """What to upload: ``files`` (empty for the clipboard), in the order the client gave."""

    source: Source
    files: tuple[LocalFile, ...]
    client: Client


@dataclass(frozen=True)
class Outcome:
    """One file's result: its ``url``, or the ``reason`` it was not uploaded."""

    url: str | None = None
    reason: str | None = None

    def __post_init__(self) -> None:
        if (self.url is None) == (self.reason is None):
            raise ValueError("an Outcome has either a url or a reason")

    @classmethod
    def uploaded(cls, url: str) -> Outcome:
        return cls(url=url)

    @classmethod
    def failed(cls, reason: str) -> Outcome:
        return cls(reason=reason)


class UploadBatch(Protocol):
    """Uploads a batch and returns when every upload of it has finished.

    Called on a server thread (never the window's). Returns one :class:`Outcome` per file of
    ``batch.files`` in that order; for :attr:`Source.CLIPBOARD`, one per image uploaded from
    the clipboard (or a single failure). It should not raise: an exception is answered as a
    failure of the whole batch.
    """

    def __call__(self, batch: Batch, /) -> Sequence[Outcome]: ...
