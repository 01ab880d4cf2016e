"""Older ``.sxcu`` files brought to the current syntax (``CheckBackwardCompatibility`` in
ShareX's ``CustomUploaderItem.cs``, and its ``CustomUploaderParser.cs`` of version 13.7).

* Every file: a query string in ``RequestURL`` moves into ``Parameters`` (names already there
  win), as ShareX does on import.
* ``Version`` 12.3.1 or older (ShareX 12.3 and before, which wrote no ``Version``): converted
  as ShareX did until 16.1 (current ShareX refuses these files): ``Body`` from the method,
  ``ResponseType`` folded into the result templates, ``RequestType`` read as the method.
* ``Version`` 13.7.1 or older: the ``$…$`` syntax rewritten in the current one. ShareX's own
  rewrite loses ``RegexList`` references (``$regex:1|1$`` becomes ``{regex:1|1}``, the pattern
  ``1``) and drops an escaped character; here each reference is written out with its pattern
  (``{regex:<pattern>|1}``) and escapes keep their character.
* No ``Version`` (ShareX refuses such a file): read as the ``$…$`` syntax when it uses it or has
  the old keys, else as the current syntax; a note says which.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NoReturn
from urllib.parse import parse_qsl

from ..i18n import translate
from .sxcu_fields import Draft, SxcuError
from .syntax_parse import escape

_LAST_PRE_12_4 = (12, 3, 1, 0)
_LAST_DOLLAR = (13, 7, 1, 0)
_VERSION = re.compile(r"[0-9]+(?:\.[0-9]+){1,3}")
#: A reference in the ``$…$`` syntax, to tell such a file from one in the current syntax.
_DOLLAR_REFERENCE = re.compile(
    r"\$(?:response|responseurl|input|filename|prompt|header:|regex:|json:|xml:|random:|select:"
    r"|prompt:|base64:|[0-9])[^$]*\$",
    re.IGNORECASE,
)
_SIMPLE = ("response", "responseurl", "input", "filename")
_ONE_PARAMETER = ("header", "json", "xml", "base64")
_KEYWORDS = (*_SIMPLE, *_ONE_PARAMETER, "regex", "random", "select", "prompt")
_USES_REGEX_LIST = re.compile(r"\$(?:regex:)?[0-9]", re.IGNORECASE)


def version_key(version: str) -> tuple[int, ...]:
    """``version`` compared as .NET compares versions (missing parts are 0)."""
    if not _VERSION.fullmatch(version):
        message = translate("Destinations", "{version} is not a version number like 17.0.0")
        raise SxcuError("Version", message.format(version=repr(version)))
    parts = [int(part) for part in version.split(".")]
    return tuple(parts + [0] * (4 - len(parts)))


def request_templates(draft: Draft) -> list[str]:
    templates = [draft.request_url]
    for section in (draft.parameters, draft.headers, draft.arguments):
        templates.extend(value for _, value in section)
    return templates


def _era(draft: Draft) -> str:
    """``"12.3"``, ``"13.7"`` (the ``$…$`` syntax) or ``"current"``."""
    if draft.version:
        key = version_key(draft.version)
        if key <= _LAST_PRE_12_4:
            return "12.3"
        return "13.7" if key <= _LAST_DOLLAR else "current"
    templates = request_templates(draft) + list(draft.result_fields().values())
    old_keys = draft.request_type is not None or draft.response_type is not None
    old = old_keys or bool(draft.regex_list) or any(map(_DOLLAR_REFERENCE.search, templates))
    if not old:
        draft.notes.append(
            translate(
                "Destinations",
                "no Version: read in the current syntax (ShareX itself refuses such a file)",
            )
        )
        return "current"
    draft.notes.append(
        translate(
            "Destinations",
            "no Version, and ShareX's older $…$ syntax: read as a file of ShareX 13 or older",
        )
    )
    return "12.3" if draft.body is None else "13.7"


def move_query(draft: Draft) -> None:
    """``RequestURL``'s query string into ``Parameters`` (``CheckRequestURL``)."""
    url = draft.request_url
    mark = url.find("?")
    if mark < 0 or mark + 1 >= len(url):
        return
    draft.request_url = url[:mark]
    moved: dict[str, list[str]] = {}
    for name, value in parse_qsl(url[mark + 1 :], keep_blank_values=True):
        moved.setdefault(name, []).append(value)
    present = {name for name, _ in draft.parameters}
    for name, values in moved.items():
        if name not in present:
            draft.parameters.append((name, ",".join(values)))
    draft.notes.append(
        translate(
            "Destinations", "the query string of RequestURL moved to Parameters (as ShareX does)"
        )
    )


def _pre_12_4(draft: Draft) -> None:
    """ShareX 16.1's conversion of a 12.3 file (``Version`` ≤ 12.3.1)."""
    if draft.method is None and draft.request_type is not None:
        draft.method = draft.request_type
    post = (draft.method or "POST").upper() == "POST"
    draft.body = "MultipartFormData" if post else "None"
    if not post:
        present = {name for name, _ in draft.parameters}
        draft.parameters += [pair for pair in draft.arguments if pair[0] not in present]
        draft.arguments = []
    response_type = (draft.response_type or "Text").lower()
    replacement = {"redirectionurl": "$responseurl$", "locationheader": "$header:Location$"}
    if response_type in replacement:
        new = replacement[response_type]
        draft.url = draft.url.replace("$response$", new) if draft.url else new
        draft.thumbnail_url = draft.thumbnail_url.replace("$response$", new)
        draft.deletion_url = draft.deletion_url.replace("$response$", new)
    elif response_type == "headers":
        message = translate(
            "Destinations",
            "Headers (the whole header list as the URL) was dropped in ShareX 12.4: read one "
            "header with $header:Name$ in URL",
        )
        raise SxcuError("ResponseType", message)
    elif response_type != "text":
        message = translate("Destinations", "{value} is not a response type ShareX knew")
        raise SxcuError("ResponseType", message.format(value=repr(draft.response_type)))


def _regex_reference(syntax: str, value: str, regex_list: Sequence[str], field: str) -> str:
    """``$regex:N|G$`` / ``$N,G$`` (``syntax``; ``value`` after ``regex:``) as
    ``{regex:<pattern N>|G}`` (``ParseSyntaxRegex``)."""
    match = re.match(r"([0-9]+)(.*)", value, re.DOTALL)
    if match is None:
        message = translate("Destinations", "${syntax}$ names no RegexList entry")
        raise SxcuError(field, message.format(syntax=syntax))
    number, rest = int(match.group(1)), match.group(2)
    count = len(regex_list)
    if not 1 <= number <= count:
        message = translate(
            "Destinations",
            "${syntax}$ refers to RegexList entry {number}, but RegexList holds %n pattern(s): "
            "a reader that never matches",
            None,
            count,
        )
        raise SxcuError(field, message.format(syntax=syntax, number=number))
    group = rest[1:] if rest[:1] in ("|", ",") else ""
    pattern = escape(regex_list[number - 1])
    return "{regex:" + pattern + ("|" + escape(group) if group else "") + "}"


def _reference(syntax: str, regex_list: Sequence[str], field: str) -> str:
    """One ``$…$`` reference in the current syntax."""
    if not syntax:
        return ""
    if syntax[0].isdigit():
        return _regex_reference(syntax, syntax, regex_list, field)
    keyword, colon, value = syntax.partition(":")
    keyword = keyword.lower()
    if keyword not in _KEYWORDS:
        _unknown(syntax, field)
    if keyword in _SIMPLE or not colon:
        # Without its parameters a function is refused later, with the reason.
        return "{" + keyword + "}"
    if keyword in _ONE_PARAMETER:
        return "{" + keyword + ":" + escape(value) + "}"
    if keyword == "regex":
        return _regex_reference(syntax, value, regex_list, field)
    if keyword in ("random", "select"):
        return "{" + keyword + ":" + "|".join(map(escape, value.split("|"))) + "}"
    title, bar, default = value.partition("|")  # prompt
    return "{prompt:" + escape(title) + (bar + escape(default) if bar else "") + "}"


def _unknown(syntax: str, field: str) -> NoReturn:
    message = translate("Destinations", "${syntax}$ is not a function of ShareX's older syntax")
    raise SxcuError(field, message.format(syntax=syntax))


def migrate(template: str, regex_list: Sequence[str], field: str) -> str:
    """``template`` in the ``$…$`` syntax (ShareX 13.7 ``CustomUploaderParser``) written in the
    current one, with the same meaning."""
    out: list[str] = []
    reference: list[str] | None = None
    i = 0
    while i < len(template):
        char = template[i]
        if char == "\\":
            char = template[i + 1 : i + 2]
            i += 1
        elif char == "$":
            if reference is None:
                reference = []
            else:
                out.append(_reference("".join(reference), regex_list, field))
                reference = None
            i += 1
            continue
        if reference is not None:
            reference.append(char)
        else:
            out.append(escape(char))
        i += 1
    if reference is not None:
        message = translate(
            "Destinations",
            "a $ is never closed (ShareX 13 dropped the rest of the text): escape a literal $ "
            "as \\$",
        )
        raise SxcuError(field, message)
    return "".join(out)


def _migrate_all(draft: Draft) -> None:
    regexes = draft.regex_list
    draft.request_url = migrate(draft.request_url, regexes, "RequestURL")
    for section_name in ("Parameters", "Headers", "Arguments"):
        section = getattr(draft, section_name.lower())
        converted = [
            (name, migrate(value, regexes, f"{section_name}.{name}")) for name, value in section
        ]
        setattr(draft, section_name.lower(), converted)
    draft.url = migrate(draft.url, regexes, "URL")
    draft.thumbnail_url = migrate(draft.thumbnail_url, regexes, "ThumbnailURL")
    draft.deletion_url = migrate(draft.deletion_url, regexes, "DeletionURL")
    draft.error_message = migrate(draft.error_message, regexes, "ErrorMessage")
    draft.data = re.sub(r"\$input\$", "{input}", draft.data, flags=re.IGNORECASE)
    draft.data = re.sub(r"\$filename\$", "{filename}", draft.data, flags=re.IGNORECASE)


def upgrade(draft: Draft) -> None:
    """``draft`` in the current syntax, with a note for each change."""
    era = _era(draft)
    move_query(draft)
    if era == "current":
        for key, value in (
            ("RequestType", draft.request_type),
            ("ResponseType", draft.response_type),
        ):
            if value is not None:
                message = translate(
                    "Destinations", "{key} is not read by ShareX since 12.4: ignored"
                )
                draft.notes.append(message.format(key=key))
        return
    if era == "12.3":
        _pre_12_4(draft)
        draft.notes.append(
            translate(
                "Destinations",
                "a file of ShareX 12.3 or older: converted as ShareX did until 16.1 (current "
                "ShareX refuses it)",
            )
        )
    elif draft.method is None and draft.request_type is not None:
        draft.method = draft.request_type
    templates = request_templates(draft) + list(draft.result_fields().values())
    uses_regex_list = any(map(_USES_REGEX_LIST.search, templates))
    _migrate_all(draft)
    draft.notes.append(
        translate("Destinations", "converted from ShareX's older $…$ syntax to the current one")
    )
    if uses_regex_list:
        draft.notes.append(
            translate(
                "Destinations",
                "RegexList references written out as {regex:pattern|group}: ShareX's own "
                "conversion loses them",
            )
        )
