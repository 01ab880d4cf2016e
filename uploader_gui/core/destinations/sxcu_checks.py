"""The checks a ``.sxcu`` file passes before it becomes an :class:`~.uploader.Uploader`: the
method, the body (an image needs ``MultipartFormData`` or ``Binary``, as in ShareX's
``CustomImageUploader.cs``), the destination type, a request URL on one fixed https origin,
field names, and every template (:func:`.syntax.check`, on its side).
"""

from __future__ import annotations

import ipaddress
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from urllib.parse import urlsplit

from ..i18n import translate
from ..sniff import ACCEPTED_MIMES
from ..urls import is_loopback_host
from .sxcu_fields import Draft, Pairs, SxcuError
from .syntax_check import Side, TemplateError, check
from .uploader import METHODS, Body

_PREFIXES = ("http://", "https://", "ftp://", "ftps://", "file://", "//")
_DESTINATION_TYPES = (
    "None",
    "ImageUploader",
    "TextUploader",
    "FileUploader",
    "URLShortener",
    "URLSharingService",
)
#: An HTTP header name (RFC 9110 token).
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_HOST_NAME = re.compile(r"[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?\.?")
#: ShareX's file-name patterns (``NameParser``), which it replaces in parameters, arguments and
#: headers (and which are sent as written here).
_NAME_PATTERN = re.compile(
    r"%(?:radjective|ranimal|remoji|guid|unix|width|height|mon2|mon|uln|rna|iAa|yy|mo|w2|wy"
    r"|mi|ms|pm|ia|ib|ix|rn|ra|rx|rf|un|cn|pn|[tydhsinw])"
)


def method(draft: Draft) -> str:
    value = (draft.method or "POST").upper()
    if value not in METHODS:
        message = translate("Destinations", "{method} is not one of {methods}")
        raise SxcuError(
            "RequestMethod", message.format(method=repr(draft.method), methods=", ".join(METHODS))
        )
    return value


def body(draft: Draft) -> Body:
    """The body type. The four that carry no file are taken with a note: ShareX refuses
    to upload an image with them (``CustomImageUploader.cs``); a missing ``Body`` is
    ``None``, as ShareX reads it."""
    raw = draft.body if draft.body is not None else Body.NONE.value
    found = next((kind for kind in Body if kind.value.lower() == raw.lower()), None)
    if found is None:
        message = translate("Destinations", "{body} is not a body ShareX knows ({bodies})")
        bodies = ", ".join(kind.value for kind in Body)
        raise SxcuError("Body", message.format(body=repr(raw), bodies=bodies))
    if found is Body.MULTIPART and not draft.file_form_name:
        message = translate(
            "Destinations", "is empty, and MultipartFormData needs the name of the file's field"
        )
        raise SxcuError("FileFormName", message)
    if draft.body is None:
        draft.notes.append(translate("Destinations", "no Body: ShareX reads that as None"))
    if found not in (Body.MULTIPART, Body.BINARY):
        message = translate(
            "Destinations",
            "Body {body} sends no file: ShareX itself refuses to upload an image with it "
            "(only MultipartFormData and Binary carry the file)",
        )
        draft.notes.append(message.format(body=found.value))
    return found


def drop_unsent(draft: Draft, kind: Body) -> None:
    """What ShareX does not send with this body is dropped, with a note (its
    ``ShouldSerialize…`` rules: arguments for form bodies, the file's field name for
    multipart, ``Data`` for JSON and XML)."""
    unsent: list[str] = []
    if draft.data and kind not in (Body.JSON, Body.XML):
        unsent.append("Data")
        draft.data = ""
    if draft.arguments and kind not in (Body.MULTIPART, Body.FORM):
        unsent.append("Arguments")
        draft.arguments = []
    if draft.file_form_name and kind is not Body.MULTIPART:
        unsent.append("FileFormName")
        draft.file_form_name = ""
    for key in unsent:
        message = translate(
            "Destinations", "{key} is not sent with Body {body} (as in ShareX): dropped"
        )
        draft.notes.append(message.format(key=key, body=kind.value))
    if draft.data:
        data_notes(draft, kind)


def data_notes(draft: Draft, kind: Body) -> None:
    """``Data`` is sent as written with ``{input}`` and ``{filename}`` filled in; ShareX does
    not check it, neither is it refused here, but a note says when it is not JSON or XML."""
    name_patterns("Data", draft.data, draft.notes)
    filled = re.sub(r"\{(?:input|filename)\}", "x", draft.data, flags=re.IGNORECASE)
    if kind is Body.JSON:
        try:
            json.loads(filled)
            return
        except (ValueError, RecursionError):
            pass
    elif not any(mark in filled for mark in ("<!DOCTYPE", "<!ENTITY")):
        try:
            ET.fromstring(filled)  # noqa: S314 - declarations refused just above
            return
        except ET.ParseError:
            pass
    message = translate(
        "Destinations",
        "Data is not valid {body} once {{input}} and {{filename}} are filled in: sent as "
        "written (ShareX does not check it either)",
    )
    draft.notes.append(message.format(body=kind.value))


def destination_type(draft: Draft) -> None:
    if draft.destination_type is None:
        return
    names = [name.strip() for name in draft.destination_type.split(",") if name.strip()]
    known = {name.lower(): name for name in _DESTINATION_TYPES}
    for name in names:
        if name.lower() not in known:
            message = translate("Destinations", "{name} is not a destination type ShareX knows")
            raise SxcuError("DestinationType", message.format(name=repr(name)))
    chosen = {known[name.lower()] for name in names} - {"None"}
    if chosen <= {"ImageUploader"}:
        return
    if not chosen & {"ImageUploader", "FileUploader"}:
        message = translate("Destinations", "not an image uploader: it is for {types}")
        raise SxcuError("DestinationType", message.format(types=", ".join(sorted(chosen))))
    if "ImageUploader" in chosen:
        message = translate(
            "Destinations", "DestinationType lists {types} too: only images are sent"
        )
    else:
        message = translate("Destinations", "DestinationType is {types}: used for images")
    draft.notes.append(message.format(types=", ".join(sorted(chosen - {"ImageUploader"}))))


def request_url(draft: Draft) -> str:
    """The request URL, checked: ``https://`` put in front when it has no scheme (ShareX's
    ``FixPrefix``), then http(s) on a fixed host and port, https unless the host is loopback."""
    url = draft.request_url
    if not url:
        raise SxcuError("RequestURL", translate("Destinations", "is empty"))
    if not url.lower().startswith(_PREFIXES):
        url = "https://" + url
        draft.notes.append(
            translate(
                "Destinations", "RequestURL has no scheme: https:// put in front (as ShareX does)"
            )
        )
    scheme, _, rest = url.partition("://")
    if scheme.lower() not in ("http", "https") or not _:
        raise SxcuError(
            "RequestURL", translate("Destinations", "is not an http:// or https:// address")
        )
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if any(char in authority for char in "{}|\\$"):
        message = translate(
            "Destinations",
            "a function in the scheme, host or port: the secrets must go to one fixed address",
        )
        raise SxcuError("RequestURL", message)
    if "@" in authority:
        message = translate(
            "Destinations",
            "a user name or password in the URL: put credentials in a header or parameter, "
            "where they are kept as secrets",
        )
        raise SxcuError("RequestURL", message)
    _host(scheme.lower(), authority)
    return url


def _host(scheme: str, authority: str) -> None:
    try:
        parts = urlsplit(f"{scheme}://{authority}")
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a bad port
        valid = bool(_HOST_NAME.fullmatch(host)) or ipaddress.ip_address(host) is not None
    except ValueError:
        valid = False
    if not valid:
        raise SxcuError("RequestURL", translate("Destinations", "names no valid host and port"))
    if scheme == "http" and not is_loopback_host(host):
        message = translate(
            "Destinations",
            "http:// to {host}: the secrets would cross the network unencrypted; use https://",
        )
        raise SxcuError("RequestURL", message.format(host=host))


def names(section: str, pairs: Pairs, headers: bool) -> None:
    """Field names: a header's must be an HTTP token; none may be empty; a header's value may
    not hold a line break."""
    for name, value in pairs:
        where = f"{section}.{name}"
        if not name:
            raise SxcuError(section, translate("Destinations", "a name is empty"))
        if headers and not _HEADER_NAME.fullmatch(name):
            raise SxcuError(where, translate("Destinations", "is not a valid header name"))
        if headers and any(char in value for char in "\r\n\x00"):
            raise SxcuError(where, translate("Destinations", "holds a line break or NUL"))


def template(field: str, text: str, side: Side, regex_list: Sequence[str] = ()) -> None:
    try:
        check(text, side=side, regex_list=regex_list)
    except TemplateError as error:
        raise SxcuError(field, str(error)) from None


def name_patterns(field: str, text: str, notes: list[str]) -> None:
    if _NAME_PATTERN.search(text):
        message = translate(
            "Destinations",
            "{field} uses ShareX's name patterns (such as %y or %rn), which uploader-gui sends "
            "as written",
        )
        notes.append(message.format(field=field))


def accepted(types: list[str] | None) -> frozenset[str]:
    if types is None:
        return ACCEPTED_MIMES
    chosen = frozenset(kind.lower() for kind in types)
    if not chosen:
        raise SxcuError("AcceptedTypes", translate("Destinations", "is empty"))
    for kind in sorted(chosen - ACCEPTED_MIMES):
        message = translate("Destinations", "{type} is not a type uploader-gui sends ({types})")
        raise SxcuError(
            "AcceptedTypes", message.format(type=kind, types=", ".join(sorted(ACCEPTED_MIMES)))
        )
    return chosen
