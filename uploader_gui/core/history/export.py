"""The history as CSV or JSON, for the History tab's Export.

A CSV is opened in spreadsheets, which run a cell that starts with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return before one) as a formula: such a cell (a file name, an
error the server wrote) is written with a leading apostrophe, as OWASP advises, so it stays
text. JSON needs no such care.
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterable
from typing import IO

from .records import HistoryEntry

EXPORT_FIELDS = (
    "name",
    "url",
    "state",
    "error",
    "path",
    "size",
    "sha256",
    "content_type",
    # The destination's id (its host[:port]), under the name exports have always used:
    # scripts that read them keep working.
    "api_host",
    "added_at",
    "uploaded_at",
    "prepared",
    "deleted_at",
)


def _iso(timestamp: float | None) -> str | None:
    if timestamp is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(timestamp))


def _export_record(entry: HistoryEntry) -> dict[str, object]:
    record = entry.as_record()
    record["added_at"] = _iso(entry.added_at)
    record["uploaded_at"] = _iso(entry.uploaded_at)
    record["deleted_at"] = _iso(entry.deleted_at)
    record["api_host"] = record.pop("destination")
    return {name: record[name] for name in EXPORT_FIELDS}


#: What starts a formula in a spreadsheet's cell.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """``value`` as a CSV cell that a spreadsheet shows as text, never runs."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_csv(entries: Iterable[HistoryEntry], stream: IO[str]) -> None:
    writer = csv.DictWriter(stream, fieldnames=EXPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        writer.writerow({k: csv_cell(v) for k, v in _export_record(entry).items()})


def export_json(entries: Iterable[HistoryEntry], stream: IO[str]) -> None:
    json.dump([_export_record(entry) for entry in entries], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
