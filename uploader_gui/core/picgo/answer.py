"""PicGo's answers: ``{"success": true, "result": [urls]}`` or ``{"success": false,
"message": …}``, and the bytes of the HTTP response that carries them.

When some files of a batch upload and others do not, PicGo answers ``success: true`` with
only the URLs it got: a client that lines them up with what it sent puts them in the wrong
places (the Obsidian plugin then warns that the counts differ). This server answers
``success: false`` with a message naming each file that failed and why; ``result`` still
lists the URLs that were made, in order, for a client that wants them. The uploads are
not undone: the window keeps them in its history.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from http import HTTPStatus
from typing import TypeAlias

from . import messages
from .batch import LocalFile, Outcome

#: One requested file: the name to report it by, and the checked file or why it was refused.
Entry: TypeAlias = "tuple[str, LocalFile | str]"
Body: TypeAlias = "dict[str, object]"


def failure(message: str, urls: Sequence[str] = ()) -> Body:
    body: Body = {"success": False, "message": message}
    if urls:
        body["result"] = list(urls)
    return body


def success(urls: Sequence[str]) -> Body:
    return {"success": True, "result": list(urls)}


def _summary(named: Sequence[tuple[str, Outcome]]) -> Body:
    urls = [outcome.url for _, outcome in named if outcome.url is not None]
    failed = [(name, outcome.reason) for name, outcome in named if outcome.reason is not None]
    if not failed and urls:
        return success(urls)
    if len(named) == 1 and failed:
        return failure(failed[0][1])
    return failure(messages.partial(failed) if failed else messages.no_result(), urls)


def merge(entries: Sequence[Entry], outcomes: Sequence[Outcome]) -> Body:
    """The answer for requested files: refused ones keep their reason, the others get the
    upload's outcomes in order (a missing one counts as a failure)."""
    given = iter(outcomes)
    named: list[tuple[str, Outcome]] = []
    for name, checked in entries:
        if isinstance(checked, str):
            named.append((name, Outcome.failed(checked)))
        else:
            named.append((name, next(given, None) or Outcome.failed(messages.no_result())))
    return _summary(named)


def clipboard(outcomes: Sequence[Outcome]) -> Body:
    """The answer for the clipboard: one outcome per image the window found there."""
    return _summary([(str(index), outcome) for index, outcome in enumerate(outcomes, 1)])


def response(
    status: int, body: Body, *, close: bool, extra: Sequence[tuple[str, str]] = ()
) -> bytes:
    """A whole HTTP/1.1 response (written in one ``sendall``: see the server's ``stop``)."""
    payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
    lines = [
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}",
        "Content-Type: application/json; charset=utf-8",
        f"Content-Length: {len(payload)}",
        "Cache-Control: no-store",
        "X-Content-Type-Options: nosniff",
        *(f"{name}: {value}" for name, value in extra),
    ]
    if close:
        lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + payload
