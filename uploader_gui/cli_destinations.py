"""The command line's custom destinations: ``--import-destination FILE`` adds one from a
ShareX custom uploader file, ``--headless --destination NAME`` uploads to one. No Qt: the
destinations file and the keyring, as the window keeps them.

A secret is never printed, and never taken from an argument (every user of the computer can
read those): it comes from the file being imported, or from the keyring. Without a secure
keyring a destination that has secrets is not added, since they could not be kept.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from . import APP_NAME
from .core.credentials import SERVICE, CredentialError, Credentials
from .core.destination import IMAGEPIPELINE, Destination
from .core.destinations.store import (
    Stored,
    destinations_path,
    load_destinations,
    new_key,
    save_destinations,
    secret_user,
)
from .core.destinations.sxcu import SxcuError, read_sxcu
from .core.destinations.uploader import Field
from .core.errors import ConfigurationError
from .core.paths import unsafe_config
from .core.text import printable

EXIT_OK = 0
EXIT_USAGE = 2
#: Where the window keeps a destination's secrets, for the messages.
SETTINGS_PLACE = "Settings ▸ Destinations"


class DestinationProblem(Exception):
    """Why the command cannot go on: printed on stderr, then exit 2."""


def field_name(field: Field) -> str:
    """A secret field as messages name it: ``Headers Authorization``."""
    section, name = field
    return f"{section.value} {name}"


def _fields(fields: Mapping[Field, str] | frozenset[Field]) -> str:
    return ", ".join(printable(field_name(field)) for field in sorted(fields))


# -- --import-destination FILE -----------------------------------------------------------


def import_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """``--import-destination FILE``, on its own."""
    if args.files or args.headless or args.destination:
        parser.error("--import-destination takes no FILE, --headless or --destination")
    return import_destination(Path(args.import_destination))


def import_destination(path: Path, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Read and check ``path`` (a ``.sxcu``), add its destination (its secrets to the
    keyring, the rest to the destinations file) and say so in one line; nothing is added
    when any part of that fails."""
    out, err = out or sys.stdout, err or sys.stderr
    shown = printable(str(path))
    try:
        imported = read_sxcu(path)
        key = new_key()
        destination = Destination.of_uploader(key, imported.uploader)
    except SxcuError as error:
        err.write(f"{APP_NAME}: {shown}: {printable(str(error))}\n")
        return EXIT_USAGE
    except ConfigurationError as error:
        err.write(f"{APP_NAME}: {shown}: RequestURL: {printable(str(error))}\n")
        return EXIT_USAGE
    try:
        kept = _keep(key, imported.secrets, Credentials())
        try:
            _add(Stored(key, imported.uploader))
        except BaseException:
            _forget(key, kept)
            raise
    except DestinationProblem as problem:
        err.write(f"{APP_NAME}: {shown}: {problem}; nothing was added\n")
        return EXIT_USAGE
    for note in imported.notes:
        err.write(f"{APP_NAME}: note: {printable(note)}\n")
    empty = sorted(field for field, value in imported.secrets.items() if not value)
    if empty:
        fields = ", ".join(printable(field_name(field)) for field in empty)
        err.write(f"{APP_NAME}: {shown}: empty, set in the window ({SETTINGS_PLACE}): {fields}\n")
    name = printable(imported.uploader.name)
    secrets = f"in the keyring: {_fields(kept)}" if kept else "no secrets"
    out.write(f"Added {name} ({key}) for {destination.host}; {secrets}\n")
    return EXIT_OK


def _keep(key: str, secrets: Mapping[Field, str], credentials: Credentials) -> dict[Field, str]:
    """Put each secret in the keyring; on a failure take back those put there already."""
    values = {field: value for field, value in secrets.items() if value}
    if not values:
        return {}
    if not credentials.has_secure_backend():
        raise DestinationProblem(
            f"its secrets ({_fields(values)}) could not be kept: no secure keyring is available "
            "(Secret Service, macOS Keychain or Windows Credential Locker), and uploader-gui "
            "never writes secrets in plain text"
        )
    kept: dict[Field, str] = {}
    try:
        for field, value in sorted(values.items()):
            credentials.save_secret(secret_user(key, field), value)
            kept[field] = value
    except CredentialError as error:
        _forget(key, kept)
        raise DestinationProblem(f"the keyring refused its secrets: {error}") from None
    return kept


def _forget(key: str, fields: Mapping[Field, str]) -> None:
    credentials = Credentials()
    for field in fields:
        try:
            credentials.delete_secret(secret_user(key, field))
        except CredentialError as error:
            sys.stderr.write(f"{APP_NAME}: could not take a secret back: {error}\n")


def _add(stored: Stored) -> None:
    path = destinations_path()
    problem = unsafe_config(path)
    if problem is not None:
        raise DestinationProblem(f"{problem.problem()} Fix it with: {problem.command()}")
    try:
        save_destinations([*load_destinations(path), stored], path)
    except OSError as error:
        raise DestinationProblem(f"{path} cannot be written: {error}") from None


# -- --headless --destination NAME --------------------------------------------------------


def find_destination(name: str) -> Stored | None:
    """The custom destination ``name`` names (its name in any letter case, or its key);
    ``None`` for ImagePipeline (the built-in destination)."""
    if name.casefold() == IMAGEPIPELINE.casefold():
        return None
    items = load_destinations()
    found = [item for item in items if item.key == name] or [
        item for item in items if item.uploader.name.casefold() == name.casefold()
    ]
    if len(found) == 1:
        return found[0]
    if found:
        keys = ", ".join(f"{item.key} ({printable(item.uploader.name)})" for item in found)
        raise DestinationProblem(
            f"{len(found)} destinations are named {printable(name)!r}: give one's key: {keys}"
        )
    names = ", ".join([IMAGEPIPELINE, *(printable(item.uploader.name) for item in items)])
    raise DestinationProblem(
        f"no destination named {printable(name)!r}; the destinations are: {names} (add one with "
        "--import-destination FILE.sxcu)"
    )


def chosen_access(
    parser: argparse.ArgumentParser, name: str, elsewhere: bool
) -> tuple[Destination, dict[Field, str]] | None:
    """``--destination NAME``: the custom destination and its secrets, or ``None`` for the
    built-in one; exit 2, saying why, when there is none such or its secrets are missing.
    ``elsewhere``: ``--sandbox`` or ``--api-url`` was given too."""
    try:
        stored = find_destination(name)
        if stored is not None and elsewhere:
            parser.error("--destination NAME cannot be used with --sandbox or --api-url")
        return custom_access(stored) if stored is not None else None
    except DestinationProblem as problem:
        parser.exit(EXIT_USAGE, f"{APP_NAME}: {problem}\n")


def custom_access(stored: Stored) -> tuple[Destination, dict[Field, str]]:
    """``stored`` as a destination, with its secrets read from the keyring (each must be
    there: a missing one is named, with how to set it)."""
    name = printable(stored.uploader.name)
    try:
        destination = Destination.of_uploader(stored.key, stored.uploader)
    except ConfigurationError as error:
        raise DestinationProblem(f"{name}: {error}") from None
    credentials = Credentials()
    secure = credentials.has_secure_backend()
    secrets: dict[Field, str] = {}
    for field in sorted(stored.uploader.secrets):
        user = secret_user(stored.key, field)
        try:
            value = credentials.secret(user)
        except CredentialError as error:
            raise DestinationProblem(f"{name}: {field_name(field)}: {error}") from None
        if not value:
            where = "in the keyring" if secure else "anywhere: there is no secure keyring"
            raise DestinationProblem(
                f"{name}: {printable(field_name(field))} is not set {where}. Set it in the "
                f"window ({SETTINGS_PLACE}), import its .sxcu again with --import-destination, "
                f'or run: keyring set {SERVICE} "{printable(user)}"'
            )
        secrets[field] = value
    return destination, secrets
