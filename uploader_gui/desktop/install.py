"""``--install-desktop-entry`` / ``--uninstall-desktop-entry``: the menu entry and icons for
the current user, following the XDG base directory, desktop entry and icon theme specs.

The entry goes to ``$XDG_DATA_HOME/applications`` with ``Exec=`` pointing at the absolute path
of the executable that ran the command (so a venv or a bundle works without being on
``PATH``); the icon to ``$XDG_DATA_HOME/icons/hicolor/<size>x<size>/apps`` as PNGs rendered
from the SVG, plus the SVG itself under ``scalable``. The desktop and icon caches are refreshed
when their tools exist. No window is opened.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .. import APP_NAME
from ..core.paths import data_dir
from . import APP_ID, DESKTOP_FILE
from .icons import HICOLOR_SIZES, ensure_gui_application, hicolor_files, write_file, write_hicolor
from .resources import read_text

# The desktop entry spec's reserved characters: an argument holding one must be quoted.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = re.compile(r'(["`$\\])')

Printer = Callable[[str], None]


def data_home() -> Path:
    """``$XDG_DATA_HOME`` if set to an absolute path, else ``~/.local/share``."""
    return data_dir().parent


def launcher_command() -> list[str]:
    """How a desktop entry starts this very installation, as absolute paths.

    A bundle is its own executable; otherwise the ``uploader-gui`` script installed next to
    the Python running this (a venv's ``bin/``), else that Python with ``-m uploader_gui``.
    """
    executable = Path(sys.executable).absolute()  # not resolved: a venv's python is a link
    if getattr(sys, "frozen", False):
        return [str(executable)]
    script = executable.with_name(APP_NAME + (".exe" if os.name == "nt" else ""))
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [str(executable), "-m", "uploader_gui"]


def quote_exec_argument(argument: str) -> str:
    """One argument of an ``Exec=`` value, quoted and escaped as the desktop entry spec says
    (quoting first, then the string escape of backslashes; ``%`` doubled)."""
    if not argument or "\n" in argument or "\r" in argument:
        raise ValueError(f"cannot put {argument!r} in a desktop entry's Exec line")
    argument = argument.replace("%", "%%")
    if any(char in _RESERVED for char in argument):
        argument = '"' + _ESCAPED_IN_QUOTES.sub(r"\\\1", argument) + '"'
    return argument.replace("\\", "\\\\")


def exec_value(command: Sequence[str]) -> str:
    """The ``Exec=`` value that runs ``command`` with the selected files (``%F``)."""
    return " ".join(quote_exec_argument(part) for part in command) + " %F"


def desktop_entry(command: Sequence[str]) -> str:
    """The shipped desktop entry with its ``Exec=`` line running ``command``."""
    template = read_text(DESKTOP_FILE)
    replaced, count = re.subn(
        r"^Exec=.*$", lambda _m: f"Exec={exec_value(command)}", template, flags=re.MULTILINE
    )
    if count != 1:
        raise ValueError(f"the shipped {DESKTOP_FILE} has {count} Exec lines, expected one")
    return replaced


def entry_path(home: Path) -> Path:
    return home / "applications" / DESKTOP_FILE


def icon_theme_dir(home: Path) -> Path:
    return home / "icons" / "hicolor"


def install(out: Printer = print, home: Path | None = None) -> int:
    """Installs the entry and icons for this user; returns the exit status."""
    home = home or data_home()
    command = launcher_command()
    try:
        text = desktop_entry(command)
        ensure_gui_application()
        write_hicolor(icon_theme_dir(home))
        entry = entry_path(home)
        write_file(entry, text.encode("utf-8"))
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"{APP_NAME}: could not install the desktop entry: {exc}\n")
        return 1
    out(f"Installed the desktop entry {entry}")
    out(f"  Exec={exec_value(command)}")
    sizes = f"{HICOLOR_SIZES[0]}-{HICOLOR_SIZES[-1]} px"
    out(f"Installed the icon {APP_ID} in {icon_theme_dir(home)} ({sizes} and scalable)")
    _refresh_caches(home, out)
    out(f"{APP_NAME} is now in the applications menu and in Open With for images.")
    return 0


def uninstall(out: Printer = print, home: Path | None = None) -> int:
    """Removes what :func:`install` put there; returns the exit status."""
    home = home or data_home()
    removed: list[Path] = []
    try:
        for path in [entry_path(home), *hicolor_files(icon_theme_dir(home))]:
            if path.is_file() or path.is_symlink():
                path.unlink()
                removed.append(path)
    except OSError as exc:
        sys.stderr.write(f"{APP_NAME}: could not remove the desktop entry: {exc}\n")
        return 1
    if not removed:
        out(f"Nothing to remove: no desktop entry or icons of {APP_NAME} in {home}")
        return 0
    for path in removed:
        out(f"Removed {path}")
    _refresh_caches(home, out)
    return 0


def _refresh_caches(home: Path, out: Printer) -> None:
    applications = home / "applications"
    hicolor = icon_theme_dir(home)
    _run_tool(
        ["update-desktop-database", "-q", str(applications)],
        f"Updated the desktop database in {applications}",
        "the desktop database",
        out,
    )
    # -t: a user's hicolor folder has no index.theme of its own (the system one applies).
    _run_tool(
        ["gtk-update-icon-cache", "-q", "-f", "-t", str(hicolor)],
        f"Updated the icon cache in {hicolor}",
        "the icon cache",
        out,
    )


def _run_tool(command: list[str], done: str, what: str, out: Printer) -> None:
    tool = shutil.which(command[0])
    if tool is None:
        out(f"Skipped {what}: {command[0]} is not installed (desktops rescan on their own)")
        return
    try:
        result = subprocess.run(
            [tool, *command[1:]], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        out(f"Could not update {what} ({command[0]}: {exc})")
        return
    if result.returncode == 0:
        out(done)
    else:
        problem = (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"
        out(f"Could not update {what} ({command[0]}: {problem})")
