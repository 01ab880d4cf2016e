"""The menu entry on Linux: a desktop entry and hicolor icons for the current user, following
the XDG base directory, desktop entry and icon theme specifications.

The entry goes to ``$XDG_DATA_HOME/applications`` with ``Exec=`` pointing at the absolute path
of the executable that ran the command (so a venv or a bundle works without being on
``PATH``); its ``MimeType=`` list puts the app in "Open with" for images and for ShareX custom
uploaders (``.sxcu``), a file type shared-mime-info does not know: its definition (a
shared-mime-info package) goes to ``$XDG_DATA_HOME/mime/packages``. The icon goes to
``$XDG_DATA_HOME/icons/hicolor/<size>x<size>/apps`` as PNGs rendered from the SVG, plus the
SVG itself under ``scalable``. The desktop, MIME and icon caches are refreshed when their
tools exist. ``packaging/render-icons.py`` writes the same hicolor tree for system packages.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from ... import APP_NAME
from ..menu_entry import Printer, Shipped
from .xdg_locations import XdgLocations

#: The hicolor theme sizes the install command and ``packaging/render-icons.py`` produce.
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# The desktop entry spec's reserved characters: an argument holding one must be quoted.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = re.compile(r'(["`$\\])')


def launcher_command() -> list[str]:
    """How a desktop entry starts this very installation, as absolute paths.

    A bundle is its own executable; otherwise the ``uploader-gui`` script installed next to
    the Python running this (a venv's ``bin/``), else that Python with ``-m uploader_gui``.
    """
    executable = Path(sys.executable).absolute()  # not resolved: a venv's python is a link
    if getattr(sys, "frozen", False):
        return [str(executable)]
    script = executable.with_name(APP_NAME)
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


def desktop_entry(template: str, command: Sequence[str]) -> str:
    """The shipped desktop entry ``template`` with its ``Exec=`` line running ``command``."""
    replaced, count = re.subn(
        r"^Exec=.*$", lambda _m: f"Exec={exec_value(command)}", template, flags=re.MULTILINE
    )
    if count != 1:
        raise ValueError(f"the shipped desktop entry has {count} Exec lines, expected one")
    return replaced


def mime_package(app_id: str) -> str:
    """The shipped shared-mime-info package's file name (the ``.sxcu`` file type)."""
    return f"{app_id}.mime.xml"


def hicolor_files(hicolor: Path, app_id: str, sizes: Iterable[int] = HICOLOR_SIZES) -> list[Path]:
    """Where :func:`write_hicolor` puts the icon under a ``hicolor`` theme folder."""
    files = [hicolor / f"{size}x{size}" / "apps" / f"{app_id}.png" for size in sizes]
    files.append(hicolor / "scalable" / "apps" / f"{app_id}.svg")
    return files


def write_hicolor(
    hicolor: Path, shipped: Shipped, sizes: Iterable[int] = HICOLOR_SIZES
) -> list[Path]:
    """Writes the icon as ``<size>x<size>/apps/<id>.png`` for each size plus the scalable SVG
    under ``hicolor`` (e.g. ``$XDG_DATA_HOME/icons/hicolor``); returns the files written."""
    sizes = tuple(sizes)
    files = hicolor_files(hicolor, shipped.app_id, sizes)
    for size, target in zip(sizes, files[:-1], strict=True):
        write_file(target, shipped.icon_png(size))
    write_file(files[-1], shipped.icon_svg())
    return files


def write_file(target: Path, data: bytes) -> None:
    """Writes ``data`` to ``target`` whole or not at all (a temporary file, then a rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class DesktopEntry:
    """:class:`~uploader_gui.platform.menu_entry.MenuEntry` as a desktop entry under
    ``home`` (``$XDG_DATA_HOME`` unless given)."""

    def __init__(self, home: Path | None = None) -> None:
        self._home = home

    def home(self) -> Path:
        return self._home or XdgLocations().data_home()

    def entry_path(self, app_id: str) -> Path:
        return self.home() / "applications" / f"{app_id}.desktop"

    def icon_theme_dir(self) -> Path:
        return self.home() / "icons" / "hicolor"

    def mime_dir(self) -> Path:
        return self.home() / "mime"

    def mime_path(self, app_id: str) -> Path:
        return self.mime_dir() / "packages" / mime_package(app_id)

    def install(self, shipped: Shipped, out: Printer) -> int:
        command = launcher_command()
        app_id = shipped.app_id
        try:
            text = desktop_entry(shipped.read_text(f"{app_id}.desktop"), command)
            file_type = shipped.read_text(mime_package(app_id))
            write_hicolor(self.icon_theme_dir(), shipped)
            write_file(self.mime_path(app_id), file_type.encode("utf-8"))
            entry = self.entry_path(app_id)
            write_file(entry, text.encode("utf-8"))
        except (OSError, ValueError) as exc:
            sys.stderr.write(f"{APP_NAME}: could not install the desktop entry: {exc}\n")
            return 1
        out(f"Installed the desktop entry {entry}")
        out(f"  Exec={exec_value(command)}")
        sizes = f"{HICOLOR_SIZES[0]}-{HICOLOR_SIZES[-1]} px"
        out(f"Installed the icon {app_id} in {self.icon_theme_dir()} ({sizes} and scalable)")
        out(f"Installed the .sxcu file type (ShareX custom uploader) {self.mime_path(app_id)}")
        self._refresh_caches(out)
        out(
            f"{APP_NAME} is now in the applications menu and in Open With for images and "
            ".sxcu files."
        )
        return 0

    def uninstall(self, shipped: Shipped, out: Printer) -> int:
        app_id = shipped.app_id
        removed: list[Path] = []
        try:
            ours = [self.entry_path(app_id), self.mime_path(app_id)]
            for path in [*ours, *hicolor_files(self.icon_theme_dir(), app_id)]:
                if path.is_file() or path.is_symlink():
                    path.unlink()
                    removed.append(path)
        except OSError as exc:
            sys.stderr.write(f"{APP_NAME}: could not remove the desktop entry: {exc}\n")
            return 1
        if not removed:
            out(
                f"Nothing to remove: no desktop entry, file type or icons of {APP_NAME} in "
                f"{self.home()}"
            )
            return 0
        for path in removed:
            out(f"Removed {path}")
        self._refresh_caches(out)
        return 0

    def _refresh_caches(self, out: Printer) -> None:
        applications = self.home() / "applications"
        hicolor = self.icon_theme_dir()
        _run_tool(
            ["update-desktop-database", "-q", str(applications)],
            f"Updated the desktop database in {applications}",
            "the desktop database",
            out,
        )
        _run_tool(
            ["update-mime-database", str(self.mime_dir())],
            f"Updated the MIME database in {self.mime_dir()}",
            "the MIME database",
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
