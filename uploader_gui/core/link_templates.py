"""The saved link templates, in ``templates.json`` beside the settings (no Qt here).

One file, read by the window and by ``--headless --format NAME`` alike, written whole
(readers never see half of it). A template that does not check (edited by hand) is left out
with a log line rather than breaking every copy.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from .atomic import atomic_text_file
from .i18n import translate
from .links import TemplateError, check_template
from .paths import config_dir, private_config_dir
from .text import printable

log = logging.getLogger(__name__)

FILE_NAME = "templates.json"


def templates_path() -> Path:
    return config_dir() / FILE_NAME


def load_templates(path: Path | None = None) -> dict[str, str]:
    """``{name: template}`` in the order they were saved; empty when there is no file."""
    path = path or templates_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("the link templates in %s cannot be read: %s", path, exc)
        return {}
    if not isinstance(raw, dict):
        log.warning("the link templates in %s are not a JSON object", path)
        return {}
    templates: dict[str, str] = {}
    for name, text in raw.items():
        if not isinstance(text, str) or not check_name_quietly(name):
            continue
        try:
            templates[name] = check_template(text)
        except TemplateError as exc:
            log.warning("link template %r left out: %s", name, exc)
    return templates


def save_templates(templates: dict[str, str], path: Path | None = None) -> None:
    """Write every template (checked first: raises :class:`TemplateError`)."""
    for name, text in templates.items():
        check_name(name)
        check_template(text)
    path = path or templates_path()
    # The folder the user's alone first (0700, whatever the umask); the file is made 0600
    # (mkstemp) and replaces whatever was there, a link or another user's file included.
    if not private_config_dir(path.parent):
        raise OSError(
            translate("SettingsFile", "{path} belongs to another user.").format(
                path=printable(str(path.parent))
            )
        )
    with atomic_text_file(path) as stream:
        json.dump(templates, stream, ensure_ascii=False, indent=2)
        stream.write("\n")


#: Names the built-in formats use: a template cannot take them.
RESERVED = frozenset({"url", "markdown", "html", "bbcode", "json"})


def check_name(name: str) -> str:
    """A template's name: one line, not empty, not a built-in format's, no ``{url}``."""
    stripped = name.strip()
    if not stripped:
        raise TemplateError(translate("Templates", "give the template a name"))
    if stripped.lower() in RESERVED:
        raise TemplateError(
            translate("Templates", "“{name}” is the name of a built-in format").format(
                name=stripped
            )
        )
    if "{" in stripped or "}" in stripped or any(ord(char) < 0x20 for char in stripped):
        raise TemplateError(
            translate("Templates", "a template's name has no braces and no control characters")
        )
    return stripped


def check_name_quietly(name: object) -> bool:
    try:
        return isinstance(name, str) and check_name(name) == name
    except TemplateError:
        return False
