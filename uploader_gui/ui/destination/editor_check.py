"""What the destination editor holds, checked as a ``.sxcu`` is at import: the uploader it
makes is written out and read back (:func:`write_sxcu`, :func:`parse_sxcu`), so every rule
of an imported file applies to a typed one too, with the same reasons. A problem is named
by where it is in the editor ("Request ▸ Headers ▸ X-Key"), not by the file's key.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from ...core.destinations.sxcu import SxcuError, parse_sxcu, write_sxcu
from ...core.destinations.uploader import Field, Section, Uploader
from ...core.i18n import translate

#: ``.sxcu`` keys as the editor shows them: (tab, label), by key.
_PLACES = {
    "Name": ("request", "name"),
    "RequestMethod": ("request", "method"),
    "RequestURL": ("request", "request_url"),
    "Body": ("request", "body"),
    "FileFormName": ("request", "file_form_name"),
    "Data": ("request", "data"),
    "AcceptedTypes": ("request", "types"),
    "URL": ("reply", "URL"),
    "ThumbnailURL": ("reply", "ThumbnailURL"),
    "DeletionURL": ("reply", "DeletionURL"),
    "ErrorMessage": ("reply", "ErrorMessage"),
    "RegexList": ("reply", "regex_list"),
    "DeletionRequest.Method": ("deletion", "method"),
}
_SECTIONS = {
    Section.PARAMETERS: "request",
    Section.HEADERS: "request",
    Section.ARGUMENTS: "request",
    Section.DELETION_HEADERS: "deletion",
}


def tab_title(tab: str) -> str:
    """The editor's tabs: request, reply, deletion, test."""
    titles = {
        "request": translate("Destinations", "Request"),
        "reply": translate("Destinations", "Reply"),
        "deletion": translate("Destinations", "Deletion"),
        "test": translate("Destinations", "Test"),
    }
    return titles[tab]


def label(name: str) -> str:
    """A field's label in the editor (and in Test's table of readers)."""
    labels = {
        "name": translate("Destinations", "Name"),
        "method": translate("Destinations", "Method"),
        "request_url": translate("Destinations", "Request URL"),
        "body": translate("Destinations", "Body"),
        "file_form_name": translate("Destinations", "File form name"),
        "data": translate("Destinations", "Data"),
        "types": translate("Destinations", "Image types"),
        "URL": translate("Destinations", "URL"),
        "ThumbnailURL": translate("Destinations", "Thumbnail URL"),
        "DeletionURL": translate("Destinations", "Deletion URL"),
        "ErrorMessage": translate("Destinations", "Error message"),
        "regex_list": translate("Destinations", "Regular expressions"),
    }
    return labels.get(name, name)


def section_label(section: Section) -> str:
    labels = {
        Section.PARAMETERS: translate("Destinations", "Parameters"),
        Section.HEADERS: translate("Destinations", "Headers"),
        Section.ARGUMENTS: translate("Destinations", "Arguments"),
        Section.DELETION_HEADERS: translate("Destinations", "Headers"),
    }
    return labels[section]


def field_text(field: Field) -> str:
    """A field as a sentence names it: "header Authorization"."""
    section, name = field
    texts = {
        Section.PARAMETERS: translate("Destinations", "parameter {name}"),
        Section.HEADERS: translate("Destinations", "header {name}"),
        Section.ARGUMENTS: translate("Destinations", "argument {name}"),
        Section.DELETION_HEADERS: translate("Destinations", "deletion header {name}"),
    }
    return texts[section].format(name=name)


def fields_text(fields: Collection[Field]) -> str:
    """ "header Authorization, parameter key"."""
    return ", ".join(field_text(field) for field in sorted(fields, key=_field_order))


def _field_order(field: Field) -> tuple[int, str]:
    return list(Section).index(field[0]), field[1]


def place(key: str) -> str:
    """Where the ``.sxcu`` key ``key`` (``"RequestURL"``, ``"Headers.X-Key"``,
    ``"RegexList.2"``) is in the editor: "Request ▸ Request URL"."""
    for section in sorted(Section, key=lambda s: -len(s.value)):
        if key == section.value or key.startswith(section.value + "."):
            steps = [tab_title(_SECTIONS[section]), section_label(section)]
            name = key[len(section.value) + 1 :]
            return " ▸ ".join([*steps, name] if name else steps)
    if key.startswith("RegexList."):
        line = translate("Destinations", "line {number}").format(number=key.split(".", 1)[1])
        return " ▸ ".join((tab_title("reply"), label("regex_list"), line))
    tab, name = _PLACES.get(key, ("", key))
    return " ▸ ".join((tab_title(tab), label(name))) if tab else key


@dataclass(frozen=True)
class Checked:
    """The editor's uploader as an import leaves it (``None`` while there is a problem),
    the secret values typed, notes on what ShareX would do with it, and the first problem
    (where, why)."""

    uploader: Uploader | None
    secrets: Mapping[Field, str] = field(default_factory=dict, repr=False)
    notes: tuple[str, ...] = ()
    problem: tuple[str, str] | None = None


def _twice(draft: Uploader) -> tuple[str, str] | None:
    """A name written twice in a section (a header's in any letter case): a file could not
    say it, as its sections are objects."""
    for section in Section:
        headers = section in (Section.HEADERS, Section.DELETION_HEADERS)
        seen: set[str] = set()
        for name, _value in draft.section(section):
            folded = name.lower() if headers else name
            if folded in seen:
                where = " ▸ ".join((place(section.value), name))
                return where, translate("Destinations", "is written twice")
            seen.add(folded)
    return None


def check(draft: Uploader, typed: Mapping[Field, str]) -> Checked:
    """``draft`` (secret values blank) with the secret values ``typed``, checked."""
    twice = _twice(draft)
    if twice is not None:
        return Checked(None, problem=twice)
    try:
        imported = parse_sxcu(write_sxcu(draft, typed), extra_secrets=draft.secrets)
    except SxcuError as error:
        return Checked(None, problem=(place(error.field), error.reason))
    secrets = {key: value for key, value in imported.secrets.items() if value}
    return Checked(imported.uploader, secrets, imported.notes)
