"""What a generic test host answers: an :class:`Answer` (status, type, headers, body chunks)
that the request handler sends, and :class:`HostError`, a refusal in the shape the hosts use
for every error, ``{"error": {"message": ...}}``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

JSON = "application/json"
TEXT = "text/plain; charset=utf-8"
HTML = "text/html; charset=utf-8"
XML = "application/xml"


@dataclass(frozen=True)
class Answer:
    """One response: ``length`` bytes of ``chunks``; ``close`` ends the connection after it."""

    status: int
    content_type: str
    length: int
    chunks: Iterable[bytes]
    headers: tuple[tuple[str, str], ...] = ()
    close: bool = False


def answer(
    status: int, content_type: str, body: bytes, headers: Sequence[tuple[str, str]] = ()
) -> Answer:
    return Answer(status, content_type, len(body), (body,), tuple(headers))


def json_answer(status: int, payload: object, headers: Sequence[tuple[str, str]] = ()) -> Answer:
    return answer(status, JSON, json.dumps(payload).encode(), headers)


class HostError(Exception):
    """Ends a request to a test host with ``{"error": {"message": message}}``."""

    def __init__(
        self,
        status: int,
        message: str,
        headers: Sequence[tuple[str, str]] = (),
        *,
        close: bool = False,
    ) -> None:
        super().__init__(status, message)
        self.status = status
        self.message = message
        self.headers = tuple(headers)
        self.close = close

    def answer(self) -> Answer:
        body = json.dumps({"error": {"message": self.message}}).encode()
        return Answer(self.status, JSON, len(body), (body,), self.headers, self.close)


def not_found() -> HostError:
    return HostError(404, "Not Found")


def require_method(method: str, *allowed: str) -> None:
    """405, with ``Allow``, unless ``method`` is one of ``allowed``."""
    if method not in allowed:
        raise HostError(405, "Method Not Allowed", [("Allow", ", ".join(allowed))])
