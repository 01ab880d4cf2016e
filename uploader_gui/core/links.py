"""Link formats for copying: plain URL, Markdown, HTML and BBCode."""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable

from .urls import is_web_url


class LinkFormat(enum.Enum):
    URL = "url"
    MARKDOWN = "markdown"
    HTML = "html"
    BBCODE = "bbcode"

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


_LABELS = {
    LinkFormat.URL: "URL",
    LinkFormat.MARKDOWN: "Markdown",
    LinkFormat.HTML: "HTML",
    LinkFormat.BBCODE: "BBCode",
}


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


def format_link(url: str, name: str, fmt: LinkFormat) -> str:
    """One link in ``fmt``. Raises ValueError for a URL that is not absolute http(s)."""
    if not is_web_url(url):
        raise ValueError("not an http(s) URL")
    if fmt is LinkFormat.MARKDOWN:
        return f"![{_markdown_text(name)}]({_markdown_url(url)})"
    if fmt is LinkFormat.HTML:
        return f'<img src="{html.escape(url, quote=True)}" alt="{html.escape(name, quote=True)}">'
    if fmt is LinkFormat.BBCODE:
        return f"[img]{_bbcode_url(url)}[/img]"
    return url


def format_links(items: Iterable[tuple[str, str]], fmt: LinkFormat) -> str:
    """Several ``(url, name)`` links, one per line; invalid URLs are skipped."""
    return "\n".join(format_link(url, name, fmt) for url, name in items if is_web_url(url))
