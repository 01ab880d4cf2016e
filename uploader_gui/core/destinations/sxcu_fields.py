"""Reading a ``.sxcu`` file's JSON into a :class:`Draft`: every key in any letter case (as
Newtonsoft matches them), every value of the type ShareX reads, anything else refused with
the key that holds it (ShareX silently ignores what it cannot convert).

A key written twice, or twice in different letter cases (``RequestURL`` and ``requesturl``,
two ``Authorization`` headers), is refused: Newtonsoft keeps the last one, which a person
reading the file may not see, and for a header the two would both be sent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..i18n import translate

Pairs = list[tuple[str, str]]

#: The keys read, in ShareX's order, then our extensions (``DeletionRequest``, ``AcceptedTypes``)
#: and the old ones (ShareX 12.3 and before: ``RequestType``, ``ResponseType``, ``RegexList``).
KNOWN_KEYS = (
    "Version",
    "Name",
    "DestinationType",
    "RequestMethod",
    "RequestURL",
    "Parameters",
    "Headers",
    "Body",
    "Arguments",
    "FileFormName",
    "Data",
    "URL",
    "ThumbnailURL",
    "DeletionURL",
    "ErrorMessage",
    "RegexList",
    "RequestType",
    "ResponseType",
    "DeletionRequest",
    "AcceptedTypes",
)


class SxcuError(ValueError):
    """A ``.sxcu`` file that is refused: ``field`` is the key (``"RequestURL"``,
    ``"Headers.Authorization"``, ``"(file)"`` for the file as a whole), ``reason`` a sentence."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class JsonObject:
    """A JSON object as written: its pairs in order, duplicates kept (to be refused)."""

    def __init__(self, pairs: list[tuple[str, object]]) -> None:
        self.pairs = pairs


def load(data: bytes) -> JsonObject:
    """The file's top-level object (UTF-8, -16 or -32, a byte-order mark allowed)."""
    try:
        document = json.loads(data, object_pairs_hook=JsonObject)
    except (ValueError, RecursionError) as error:
        message = translate("Destinations", "not JSON: {error}")
        raise SxcuError("(file)", message.format(error=error)) from None
    if not isinstance(document, JsonObject):
        raise SxcuError("(file)", translate("Destinations", "not JSON: not a JSON object"))
    return document


class Keys:
    """An object's keys looked up in any letter case; a key there twice is refused."""

    def __init__(self, document: JsonObject, where: str = "") -> None:
        self.where = where
        self.values: dict[str, tuple[str, object]] = {}
        for key, value in document.pairs:
            seen = self.values.get(key.lower())
            if seen is not None:
                raise _twice(where + key, seen[0], key)
            self.values[key.lower()] = (key, value)

    def has(self, key: str) -> bool:
        return key.lower() in self.values

    def get(self, key: str) -> object:
        return self.values.get(key.lower(), ("", None))[1]

    def unknown(self, known: tuple[str, ...]) -> list[str]:
        lowered = {key.lower() for key in known}
        return [key for key, _ in self.values.values() if key.lower() not in lowered]

    def text(self, key: str) -> str:
        """A text value; ``""`` when absent or ``null``."""
        value = self.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise SxcuError(self.where + key, translate("Destinations", "must be a text"))
        return value

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if self.get(key) is not None else None

    def pairs(self, key: str, case_insensitive: bool = False) -> Pairs:
        """A section (``Headers``…): names and texts, in order."""
        value = self.get(key)
        if value is None:
            return []
        where = self.where + key
        if not isinstance(value, JsonObject):
            message = translate("Destinations", "must be an object of names and texts")
            raise SxcuError(where, message)
        pairs: Pairs = []
        seen: dict[str, str] = {}
        for name, text in value.pairs:
            folded = name.lower() if case_insensitive else name
            if folded in seen:
                raise _twice(f"{where}.{name}", seen[folded], name)
            seen[folded] = name
            if text is not None and not isinstance(text, str):
                raise SxcuError(f"{where}.{name}", translate("Destinations", "must be a text"))
            pairs.append((name, text or ""))
        return pairs

    def texts(self, key: str) -> list[str] | None:
        """A list of texts, or ``None`` when absent."""
        value = self.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise SxcuError(self.where + key, translate("Destinations", "must be a list of texts"))
        return list(value)


def _twice(where: str, first: str, second: str) -> SxcuError:
    if first == second:
        return SxcuError(where, translate("Destinations", "is written twice"))
    message = translate("Destinations", "is written twice, as {first} and {second}")
    return SxcuError(where, message.format(first=first, second=second))


@dataclass
class DeletionDraft:
    method: str = "DELETE"
    headers: Pairs = field(default_factory=list)


@dataclass
class Draft:
    """A file's fields as read, before the old syntax is converted and the values checked."""

    version: str = ""
    name: str = ""
    destination_type: str | None = None
    method: str | None = None
    request_url: str = ""
    parameters: Pairs = field(default_factory=list)
    headers: Pairs = field(default_factory=list)
    body: str | None = None
    arguments: Pairs = field(default_factory=list)
    file_form_name: str = ""
    data: str = ""
    url: str = ""
    thumbnail_url: str = ""
    deletion_url: str = ""
    error_message: str = ""
    regex_list: list[str] = field(default_factory=list)
    request_type: str | None = None
    response_type: str | None = None
    deletion: DeletionDraft | None = None
    accepted: list[str] | None = None
    notes: list[str] = field(default_factory=list)

    def result_fields(self) -> dict[str, str]:
        return {
            "URL": self.url,
            "ThumbnailURL": self.thumbnail_url,
            "DeletionURL": self.deletion_url,
            "ErrorMessage": self.error_message,
        }


def _deletion(keys: Keys) -> DeletionDraft | None:
    value = keys.get("DeletionRequest")
    if value is None:
        return None
    if not isinstance(value, JsonObject):
        raise SxcuError("DeletionRequest", translate("Destinations", "must be an object"))
    inner = Keys(value, "DeletionRequest.")
    for key in inner.unknown(("Method", "Headers")):
        raise SxcuError(f"DeletionRequest.{key}", translate("Destinations", "is not a key it has"))
    method = inner.optional_text("Method")
    return DeletionDraft(method or "DELETE", inner.pairs("Headers", case_insensitive=True))


def read_draft(document: JsonObject) -> Draft:
    keys = Keys(document)
    draft = Draft(
        version=keys.text("Version").strip(),
        name=keys.text("Name"),
        destination_type=keys.optional_text("DestinationType"),
        method=keys.optional_text("RequestMethod"),
        request_url=keys.text("RequestURL"),
        parameters=keys.pairs("Parameters"),
        headers=keys.pairs("Headers", case_insensitive=True),
        body=keys.optional_text("Body"),
        arguments=keys.pairs("Arguments"),
        file_form_name=keys.text("FileFormName"),
        data=keys.text("Data"),
        url=keys.text("URL"),
        thumbnail_url=keys.text("ThumbnailURL"),
        deletion_url=keys.text("DeletionURL"),
        error_message=keys.text("ErrorMessage"),
        regex_list=keys.texts("RegexList") or [],
        request_type=keys.optional_text("RequestType"),
        response_type=keys.optional_text("ResponseType"),
        deletion=_deletion(keys),
        accepted=keys.texts("AcceptedTypes"),
    )
    for key in keys.unknown(KNOWN_KEYS):
        message = translate("Destinations", "{key} is not a key ShareX reads: ignored")
        draft.notes.append(message.format(key=key))
    return draft
