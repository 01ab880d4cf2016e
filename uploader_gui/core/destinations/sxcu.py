"""ShareX custom-uploader files (``.sxcu``): read (the current syntax and the older ``$…$``
one), checked, and written so that current ShareX reads them.

A file is JSON (:mod:`.sxcu_fields` reads it, keys in any letter case); an older one is
brought to the current syntax (:mod:`.sxcu_legacy`); then it is checked
(:mod:`.sxcu_checks`): a known body (a note says when it carries no file, as ShareX refuses
those for images), one fixed https origin for the request, every template valid on its side,
and nothing that asks a person. Secrets (a header, argument or parameter whose name says it
holds a credential, and the fields the caller names) leave the :class:`~.uploader.Uploader`
for :attr:`Imported.secrets`.

Written files add two keys that ShareX ignores: ``DeletionRequest`` (``{"Method", "Headers"}``)
and ``AcceptedTypes`` (the image MIME types, when not the four the service takes).
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..i18n import translate
from ..sniff import ACCEPTED_MIMES
from . import sxcu_checks as checks
from .readers_regex import PatternError, compile_dotnet
from .sxcu_fields import Draft, Pairs, SxcuError, load, read_draft
from .sxcu_legacy import upgrade
from .uploader import METHODS, Body, Deletion, Field, Section, Uploader, looks_secret

__all__ = [
    "MAX_SXCU_BYTES",
    "SXCU_VERSION",
    "Imported",
    "SxcuError",
    "parse_sxcu",
    "read_sxcu",
    "write_sxcu",
]

#: A bigger file is refused unread.
MAX_SXCU_BYTES = 1 << 20
#: The ``Version`` written: current ShareX's (it writes its own version; the syntax written is
#: the same since 14.0.0, so every ShareX since reads it without converting).
SXCU_VERSION = "19.0.2"


@dataclass(frozen=True)
class Imported:
    """A file read: the uploader (secret values blanked), the secrets it held, and notes on
    what was converted, ignored or dropped."""

    uploader: Uploader
    secrets: dict[Field, str]
    notes: tuple[str, ...] = ()


def _too_big(size: int) -> SxcuError:
    message = translate(
        "Destinations", "is {size} bytes; a custom uploader file is at most {limit}"
    )
    return SxcuError("(file)", message.format(size=size, limit=MAX_SXCU_BYTES))


def read_sxcu(path: Path, *, extra_secrets: Collection[Field] = ()) -> Imported:
    """:func:`parse_sxcu` of the file at ``path``; its size is checked before it is read."""
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_SXCU_BYTES:
                raise _too_big(size)
            data = file.read(MAX_SXCU_BYTES + 1)
    except OSError as error:
        message = translate("Destinations", "cannot be read: {error}")
        raise SxcuError("(file)", message.format(error=error.strerror or error)) from None
    return parse_sxcu(data, extra_secrets=extra_secrets)


def parse_sxcu(data: bytes, *, extra_secrets: Collection[Field] = ()) -> Imported:
    """The uploader in ``data`` (a ``.sxcu`` file's bytes). :class:`SxcuError` names the key
    and the reason when it is refused. ``extra_secrets`` are fields whose values are secrets
    although their names do not say so."""
    if len(data) > MAX_SXCU_BYTES:
        raise _too_big(len(data))
    draft = read_draft(load(data))
    upgrade(draft)
    uploader, secrets = _build(draft, extra_secrets)
    return Imported(uploader, secrets, tuple(dict.fromkeys(draft.notes)))


def _sections(draft: Draft) -> list[tuple[Section, Pairs]]:
    sections = [
        (Section.PARAMETERS, draft.parameters),
        (Section.HEADERS, draft.headers),
        (Section.ARGUMENTS, draft.arguments),
    ]
    if draft.deletion is not None:
        sections.append((Section.DELETION_HEADERS, draft.deletion.headers))
    return sections


def _check_templates(draft: Draft, request_url: str) -> None:
    checks.template("RequestURL", request_url, "request")
    for section, pairs in _sections(draft):
        headers = section in (Section.HEADERS, Section.DELETION_HEADERS)
        checks.names(section.value, pairs, headers)
        for name, value in pairs:
            checks.template(f"{section.value}.{name}", value, "request")
    for number, pattern in enumerate(draft.regex_list, 1):
        try:
            compile_dotnet(pattern)
        except PatternError as error:
            raise SxcuError(f"RegexList.{number}", str(error)) from None
    for field, text in draft.result_fields().items():
        checks.template(field, text, "result", draft.regex_list)


def _is_secret(field: Field, extra: Collection[Field]) -> bool:
    section, name = field
    if looks_secret(name) or field in extra:
        return True
    if section in (Section.HEADERS, Section.DELETION_HEADERS):
        return any(
            other == section and other_name.lower() == name.lower() for other, other_name in extra
        )
    return False


def _split_secrets(
    draft: Draft, extra: Collection[Field]
) -> tuple[dict[Section, tuple[tuple[str, str], ...]], dict[Field, str]]:
    kept: dict[Section, tuple[tuple[str, str], ...]] = {}
    secrets: dict[Field, str] = {}
    for section, pairs in _sections(draft):
        out = []
        for name, value in pairs:
            if _is_secret((section, name), extra):
                secrets[(section, name)] = value
                value = ""
            else:
                checks.name_patterns(f"{section.value}.{name}", value, draft.notes)
            out.append((name, value))
        kept[section] = tuple(out)
    return kept, secrets


def _deletion(draft: Draft, headers: tuple[tuple[str, str], ...]) -> Deletion | None:
    if draft.deletion is None:
        return None
    method = draft.deletion.method.upper()
    if method not in METHODS:
        message = translate("Destinations", "{method} is not one of {methods}")
        methods = ", ".join(METHODS)
        raise SxcuError(
            "DeletionRequest.Method",
            message.format(method=repr(draft.deletion.method), methods=methods),
        )
    return Deletion(method, headers)


def _build(draft: Draft, extra: Collection[Field]) -> tuple[Uploader, dict[Field, str]]:
    body = checks.body(draft)
    checks.drop_unsent(draft, body)
    method = checks.method(draft)
    checks.destination_type(draft)
    request_url = checks.request_url(draft)
    _check_templates(draft, request_url)
    accepts = checks.accepted(draft.accepted)
    kept, secrets = _split_secrets(draft, extra)
    host = urlsplit(request_url).hostname or ""
    uploader = Uploader(
        name=draft.name or host.removeprefix("www."),
        request_url=request_url,
        method=method,
        parameters=kept[Section.PARAMETERS],
        headers=kept[Section.HEADERS],
        body=body,
        arguments=kept[Section.ARGUMENTS],
        file_form_name=draft.file_form_name,
        data=draft.data,
        url=draft.url,
        thumbnail_url=draft.thumbnail_url,
        deletion_url=draft.deletion_url,
        error_message=draft.error_message,
        regex_list=tuple(draft.regex_list),
        deletion=_deletion(draft, kept.get(Section.DELETION_HEADERS, ())),
        accepts=accepts,
        secrets=frozenset(secrets),
    )
    return uploader, secrets


def _section(
    uploader: Uploader, section: Section, secrets: Mapping[Field, str] | None
) -> dict[str, str]:
    values = {}
    for name, value in uploader.section(section):
        if (section, name) in uploader.secrets:
            value = secrets.get((section, name), "") if secrets is not None else ""
        values[name] = value
    return values


def write_sxcu(uploader: Uploader, secrets: Mapping[Field, str] | None = None) -> bytes:
    """``uploader`` as a ``.sxcu`` file (UTF-8 JSON in ShareX's key order) that current ShareX
    reads. A secret's value is written only when ``secrets`` has it; otherwise it is ``""``."""
    document: dict[str, object] = {"Version": SXCU_VERSION}
    if uploader.name:
        document["Name"] = uploader.name
    document["DestinationType"] = "ImageUploader"
    document["RequestMethod"] = uploader.method
    document["RequestURL"] = uploader.request_url
    for section in (Section.PARAMETERS, Section.HEADERS):
        if uploader.section(section):
            document[section.value] = _section(uploader, section, secrets)
    document["Body"] = uploader.body.value
    if uploader.body in (Body.MULTIPART, Body.FORM) and uploader.arguments:
        document["Arguments"] = _section(uploader, Section.ARGUMENTS, secrets)
    if uploader.body is Body.MULTIPART and uploader.file_form_name:
        document["FileFormName"] = uploader.file_form_name
    if uploader.body in (Body.JSON, Body.XML) and uploader.data:
        document["Data"] = uploader.data
    for key, value in (
        ("URL", uploader.url),
        ("ThumbnailURL", uploader.thumbnail_url),
        ("DeletionURL", uploader.deletion_url),
        ("ErrorMessage", uploader.error_message),
    ):
        if value:
            document[key] = value
    if uploader.regex_list:
        document["RegexList"] = list(uploader.regex_list)
    if uploader.deletion is not None:
        deletion: dict[str, object] = {"Method": uploader.deletion.method}
        if uploader.deletion.headers:
            deletion["Headers"] = _section(uploader, Section.DELETION_HEADERS, secrets)
        document["DeletionRequest"] = deletion
    if uploader.accepts != ACCEPTED_MIMES:
        document["AcceptedTypes"] = sorted(uploader.accepts)
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
