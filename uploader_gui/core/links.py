"""Link formats for copying: URL, Markdown, HTML, BBCode, a JSON string, and templates.

A template is a person's own format, with placeholders: ``{url}``, ``{filename}``, ``{name}``
(the file name without its extension), ``{ext}``, ``{size}`` (bytes), ``{width}``,
``{height}`` and ``{date}`` (the upload's date, ``YYYY-MM-DD``). ``"person_image": "{url}"``
makes one line of an ImagePipeline request body. A template must contain ``{url}``.

Braces are natural: only ``{`` + a placeholder's name + ``}`` is a placeholder, and any other
brace is copied as it is, so ``{"person_image": "{url}"}`` works as typed; ``{{`` and ``}}``
still stand for one literal brace each.
"""

from __future__ import annotations

import enum
import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePath

from .i18n import QT_TRANSLATE_NOOP, translate
from .urls import is_web_url

#: What a name may not bring into a template, whatever the template is written in: quotes
#: (they end a JSON string or an HTML attribute), angle brackets (a tag), square brackets
#: (Markdown's alt text), the backtick and the backslash; and control, invisible and
#: direction-changing characters (one link per line, shown as it is). Each becomes ``_``.
_NAME_UNSAFE = re.compile(
    "[\"'<>`\\\\\\[\\]\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)
#: What a checked URL may still hold that ends a Markdown link or a BBCode tag.
_URL_BRACKETS = str.maketrans({"(": "%28", ")": "%29", "[": "%5B", "]": "%5D"})

PLACEHOLDERS: tuple[str, ...] = (
    "url",
    "filename",
    "name",
    "ext",
    "size",
    "width",
    "height",
    "date",
)


class LinkFormat(enum.Enum):
    URL = "url"
    MARKDOWN = "markdown"
    HTML = "html"
    BBCODE = "bbcode"
    JSON = "json"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @classmethod
    def parse(cls, value: object, default: LinkFormat | None = None) -> LinkFormat:
        """The format named ``value`` (e.g. from settings); ``default`` or URL if unknown."""
        for member in cls:
            if member.value == value:
                return member
        return default or cls.URL


#: English names; the window shows ``translate("LinkFormats", fmt.label)``.
_LABELS = {
    LinkFormat.URL: QT_TRANSLATE_NOOP("LinkFormats", "URL"),
    LinkFormat.MARKDOWN: QT_TRANSLATE_NOOP("LinkFormats", "Markdown"),
    LinkFormat.HTML: QT_TRANSLATE_NOOP("LinkFormats", "HTML"),
    LinkFormat.BBCODE: QT_TRANSLATE_NOOP("LinkFormats", "BBCode"),
    LinkFormat.JSON: QT_TRANSLATE_NOOP("LinkFormats", "JSON string"),
}


class TemplateError(ValueError):
    """A template that cannot be used; the message says why, for the person typing it."""


@dataclass(frozen=True)
class Template:
    """A saved template: a name to choose it by, and its text."""

    name: str
    text: str


#: What a link is copied as: a built-in format, or a template.
LinkStyle = LinkFormat | Template


@dataclass(frozen=True)
class LinkInfo:
    """What a link's placeholders are filled from. Unknown values are left empty."""

    url: str
    filename: str
    size: int | None = None
    width: int | None = None
    height: int | None = None
    #: When it was uploaded, ``YYYY-MM-DD``.
    date: str | None = None

    def values(self) -> dict[str, str]:
        """Each placeholder's text, safe wherever a template puts it (see the README's
        table): the URL is a checked http(s) URL with its brackets and parentheses
        percent-encoded; a name has quotes, angle and square brackets, backticks,
        backslashes and control or invisible characters replaced by ``_``; the numbers are
        digits and the date ``YYYY-MM-DD``."""
        values = self._raw_values()
        safe = {key: _NAME_UNSAFE.sub("_", value) for key, value in values.items()}
        safe["url"] = _template_url(self.url)
        return safe

    def _raw_values(self) -> dict[str, str]:
        path = PurePath(self.filename)
        suffix = path.suffix
        return {
            "url": self.url,
            "filename": self.filename,
            "name": self.filename[: -len(suffix)] if suffix else self.filename,
            "ext": suffix[1:],
            "size": "" if self.size is None else str(self.size),
            "width": "" if self.width is None else str(self.width),
            "height": "" if self.height is None else str(self.height),
            "date": self.date or "",
        }


#: A placeholder, or a doubled brace (one literal brace); every other brace is literal.
_TOKEN = re.compile(r"\{\{|\}\}|\{(" + "|".join(PLACEHOLDERS) + r")\}")
#: What looks like a placeholder but is none (for a hint where templates are typed).
_LOOKALIKE = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")


def check_template(text: str) -> str:
    """``text`` if it is a usable template; raises :class:`TemplateError` saying why."""
    if "\n" in text or "\r" in text:
        raise TemplateError(
            translate("Templates", "a template is one line: each link is copied on its own line")
        )
    if not any(match.group(1) == "url" for match in _TOKEN.finditer(text)):
        raise TemplateError(translate("Templates", "a template must contain {{url}}").format())
    return text


def unknown_placeholders(text: str) -> list[str]:
    """Braced words in ``text`` that are not placeholders (``{wdith}``): they are copied as
    typed, which is rarely what a person meant; where templates are typed, say so."""
    return [
        match.group(0) for match in _LOOKALIKE.finditer(text) if match.group(1) not in PLACEHOLDERS
    ]


def is_template(text: str) -> bool:
    """Whether ``text`` is meant as a template rather than a format's name."""
    return "{url}" in text


def render(template: str, info: LinkInfo) -> str:
    """``template`` filled from ``info`` (check it first with :func:`check_template`)."""
    values = info.values()

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is not None:
            return values[name]
        return match.group(0)[0]  # "{{" or "}}": one brace

    return _TOKEN.sub(fill, template)


def _markdown_text(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\[]*_`<>":
            out.append("\\" + ch)
        elif ch in "\r\n\t":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _markdown_url(url: str) -> str:
    return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def _bbcode_url(url: str) -> str:
    return url.replace("[", "%5B").replace("]", "%5D")


def _template_url(url: str) -> str:
    """A checked URL with the brackets and parentheses of its path, query and fragment
    percent-encoded (an IPv6 host keeps its own)."""
    scheme, _, rest = url.partition("://")
    host_end = next((i for i, ch in enumerate(rest) if ch in "/?#"), len(rest))
    return f"{scheme}://{rest[:host_end]}{rest[host_end:].translate(_URL_BRACKETS)}"


def format_link(url: str, name: str, fmt: LinkStyle, info: LinkInfo | None = None) -> str:
    """One link in ``fmt``. Raises ValueError for a URL that is not absolute http(s).

    ``info`` fills a template's other placeholders (by default only the URL and the name).
    """
    if not is_web_url(url):
        raise ValueError("not an http(s) URL")
    if isinstance(fmt, Template):
        return render(fmt.text, info or LinkInfo(url, name))
    if fmt is LinkFormat.MARKDOWN:
        return f"![{_markdown_text(name)}]({_markdown_url(url)})"
    if fmt is LinkFormat.HTML:
        return f'<img src="{html.escape(url, quote=True)}" alt="{html.escape(name, quote=True)}">'
    if fmt is LinkFormat.BBCODE:
        return f"[img]{_bbcode_url(url)}[/img]"
    if fmt is LinkFormat.JSON:
        return json.dumps(url, ensure_ascii=False)
    return url


def format_links(items: Iterable[tuple[str, str]], fmt: LinkStyle) -> str:
    """Several ``(url, name)`` links, one per line; invalid URLs are skipped."""
    return format_infos((LinkInfo(url, name) for url, name in items), fmt)


def format_infos(infos: Iterable[LinkInfo], fmt: LinkStyle) -> str:
    """Several links with all they know, one per line; invalid URLs are skipped."""
    return "\n".join(
        format_link(info.url, info.filename, fmt, info) for info in infos if is_web_url(info.url)
    )


def resolve_style(value: str, templates: Mapping[str, str] | None = None) -> LinkStyle:
    """``url``, ``markdown``, ``html``, ``bbcode``, ``json``, a saved template's name, or a
    template itself (anything containing ``{url}``). Raises :class:`TemplateError`."""
    for member in LinkFormat:
        if member.value == value:
            return member
    if templates and value in templates:
        return Template(value, check_template(templates[value]))
    if is_template(value):
        return Template(value, check_template(value))
    names = [member.value for member in LinkFormat] + sorted(templates or {})
    raise TemplateError(
        f"unknown format {value!r}: use {', '.join(names)}, or a template containing {{url}}"
    )
