"""Reading what the service answered: error details and the success body."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import BadResponseError
from .i18n import translate
from .urls import url_problem

#: Longest detail text we quote to a user.
MAX_DETAIL = 300


@dataclass(frozen=True)
class UploadResult:
    """What the service returned for one uploaded file."""

    url: str
    filename: str
    size_bytes: int
    #: What a custom destination's reply gave besides the URL (checked http(s) URLs).
    thumbnail_url: str | None = None
    deletion_url: str | None = None


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_DETAIL else text[: MAX_DETAIL - 1] + "…"


def _describe_item(item: Any) -> str | None:
    if isinstance(item, str):
        return item
    if not isinstance(item, dict):
        return None
    msg = item.get("msg")
    if not isinstance(msg, str):
        return None
    loc = item.get("loc")
    if isinstance(loc, list) and loc:
        where = ".".join(str(part) for part in loc if isinstance(part, (str, int)))
        if where:
            return f"{where}: {msg}"
    return msg


def parse_error_detail(body: bytes, redact: Callable[[str], str] = str) -> str | None:
    """The server's explanation from an error body, for quoting to a person.

    Understands ``{"detail": "text"}`` and FastAPI's ``{"detail": [{"loc": …, "msg": …}]}``;
    returns ``None`` when the body says nothing usable. ``redact`` runs on the whole text
    before it is shortened (so a secret cut in half is still masked). Never raises.
    """
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    detail = data.get("detail", data.get("message"))
    if isinstance(detail, str):
        return _clip(redact(detail)) if detail.strip() else None
    if isinstance(detail, list):
        parts = [text for text in map(_describe_item, detail) if text]
        return _clip(redact("; ".join(parts))) if parts else None
    return None


def parse_success(body: bytes, url_key: str = "url") -> UploadResult:
    """The URL (under ``url_key``), ``filename`` and ``size_bytes`` of a 200 reply; raises
    BadResponseError."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadResponseError(translate("Errors", "the server's reply was not JSON")) from None
    if not isinstance(data, dict):
        raise BadResponseError(translate("Errors", "the server's reply was not a JSON object"))
    url = data.get(url_key)
    if url is None:
        raise BadResponseError(translate("Errors", "the server's reply has no url"))
    problem = url_problem(url)
    if problem is not None:
        message = translate("Errors", "the server's reply has a url that cannot be used: {reason}")
        raise BadResponseError(message.format(reason=problem))
    filename = data.get("filename")
    size = data.get("size_bytes")
    return UploadResult(
        url=str(url),
        filename=filename if isinstance(filename, str) else "",
        size_bytes=size if isinstance(size, int) and not isinstance(size, bool) else -1,
    )
