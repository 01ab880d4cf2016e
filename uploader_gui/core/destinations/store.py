"""The custom destinations, in ``destinations.json`` beside the settings (no Qt here).

Each is kept as the ``.sxcu`` it would export without its secrets (:func:`.sxcu.write_sxcu`),
under a stable key (``custom:`` and eight hex digits) and with the list of its secret fields;
the secrets themselves are in the keyring, one entry per destination and field
(:func:`secret_user`). The file is written whole, for the user alone (0600 in a 0700 folder);
one that another user could change is not believed at all (a planted destination would
receive every picture), and one that does not read is left out with a log line.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..atomic import atomic_text_file
from ..i18n import translate
from ..paths import config_dir, private_config_dir, unsafe_config
from ..text import printable
from .uploader import Field, Section, Uploader

log = logging.getLogger(__name__)

FILE_NAME = "destinations.json"
#: The key prefix of a custom destination (ImagePipeline's key is its host).
PREFIX = "custom:"


@dataclass(frozen=True)
class Stored:
    """One custom destination as kept: its key and its uploader (secrets blank)."""

    key: str
    uploader: Uploader


def destinations_path() -> Path:
    return config_dir() / FILE_NAME


def new_key() -> str:
    import secrets  # (not on the start-up path: it loads OpenSSL's hashes)

    return PREFIX + secrets.token_hex(4)


def secret_user(key: str, field: Field) -> str:
    """The keyring entry (user of service ``uploader-gui``) of one secret field."""
    section, name = field
    return f"{key} {section.value} {name}"


def _field(text: object) -> Field | None:
    if not isinstance(text, str) or "/" not in text:
        return None
    section, name = text.split("/", 1)
    try:
        return Section(section), name
    except ValueError:
        return None


def _entry(raw: Any) -> Stored:
    if not isinstance(raw, dict):
        raise ValueError("not an object")
    key, sxcu, marked = raw.get("key"), raw.get("sxcu"), raw.get("secrets", [])
    if not isinstance(key, str) or not key.startswith(PREFIX) or not isinstance(sxcu, dict):
        raise ValueError("no key or no uploader")
    fields = [_field(item) for item in marked] if isinstance(marked, list) else [None]
    if any(field is None for field in fields):
        raise ValueError("a secret field is not Section/Name")
    from .sxcu import parse_sxcu

    data = json.dumps(sxcu).encode()
    imported = parse_sxcu(data, extra_secrets=[f for f in fields if f is not None])
    return Stored(key, imported.uploader)


def load_destinations(path: Path | None = None) -> list[Stored]:
    """The custom destinations, in the order they were saved; none when there is no file or
    when another user could have changed it (the settings-file notice says so)."""
    path = path or destinations_path()
    if unsafe_config(path) is not None:
        log.warning("%s is not private to you: its destinations are not used", path)
        return []
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        log.warning("the destinations in %s cannot be read: %s", path, exc)
        return []
    items = raw.get("destinations") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        log.warning("the destinations in %s are not a list", path)
        return []
    from .sxcu import SxcuError  # the syntax's readers load only when there is a file

    stored: list[Stored] = []
    for index, item in enumerate(items):
        try:
            entry = _entry(item)
        except (ValueError, SxcuError) as exc:
            log.warning("destination %d in %s left out: %s", index + 1, path, exc)
            continue
        if all(entry.key != other.key for other in stored):
            stored.append(entry)
    return stored


def save_destinations(items: Sequence[Stored], path: Path | None = None) -> None:
    """Write every custom destination (never a secret): the file is replaced whole."""
    from .sxcu import write_sxcu

    path = path or destinations_path()
    if not private_config_dir(path.parent):
        raise OSError(
            translate("SettingsFile", "{path} belongs to another user.").format(
                path=printable(str(path.parent))
            )
        )
    document = {
        "version": 1,
        "destinations": [
            {
                "key": item.key,
                "sxcu": json.loads(write_sxcu(item.uploader)),
                "secrets": sorted(f"{s.value}/{name}" for s, name in item.uploader.secrets),
            }
            for item in items
        ],
    }
    with atomic_text_file(path) as stream:
        json.dump(document, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
