"""What the history holds: an entry per uploaded file, and drops not yet expanded."""

from __future__ import annotations

import enum
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path


class HistoryState(enum.Enum):
    QUEUED = "queued"  # added, not finished: after a crash, "not uploaded"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    path: str
    name: str
    size: int | None
    sha256: str | None
    content_type: str | None
    destination: str
    state: HistoryState
    url: str | None
    error: str | None
    added_at: float
    uploaded_at: float | None
    #: The attempt that last wrote the row (a retry continues from it).
    attempt: int = 0
    #: What was done to the file before it was sent, for a person; ``None``: nothing.
    prepared: str | None = None
    #: The size of the picture sent (for link templates); ``None`` when not known.
    width: int | None = None
    height: int | None = None
    #: Where a custom destination said the file can be deleted (a capability: never
    #: exported), and when it was deleted from the server.
    deletion_url: str | None = None
    deleted_at: float | None = None

    def as_record(self) -> dict[str, object]:
        record = asdict(self)
        record["state"] = self.state.value
        return record


@dataclass(frozen=True)
class Drop:
    """Files and folders handed over together, recorded before they are expanded."""

    id: int
    paths: list[Path]


def pack_paths(paths: Sequence[Path | str]) -> bytes:
    # NUL cannot occur in a path: the exact bytes of every name, whatever their encoding.
    return b"\0".join(os.fsencode(path) for path in paths)


def unpack_paths(blob: bytes) -> list[Path]:
    return [Path(os.fsdecode(raw)) for raw in bytes(blob).split(b"\0") if raw]


def raw_path(path: str) -> bytes | None:
    """The exact bytes of a path that SQLite text cannot hold (``None`` for the rest)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)
    return None


def storable(text: str) -> str:
    """``text`` as SQLite can store it.

    A file name that is not valid UTF-8 reaches Python with lone surrogates, which SQLite
    refuses; its odd bytes are written as ``\\xNN`` instead, so the row (and the others
    written with it) is kept.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def entry_from_row(row: sqlite3.Row) -> HistoryEntry:
    return HistoryEntry(
        id=row["id"],
        path=os.fsdecode(row["raw_path"]) if row["raw_path"] is not None else row["path"],
        name=row["name"],
        size=row["size"],
        sha256=row["sha256"],
        content_type=row["content_type"],
        destination=row["destination"],
        state=HistoryState(row["state"]),
        url=row["url"],
        error=row["error"],
        added_at=row["added_at"],
        uploaded_at=row["uploaded_at"],
        attempt=row["attempt"],
        prepared=row["prepared"],
        width=row["width"],
        height=row["height"],
        deletion_url=row["deletion_url"],
        deleted_at=row["deleted_at"],
    )


def like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
