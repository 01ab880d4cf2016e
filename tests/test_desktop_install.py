"""``--install-desktop-entry`` / ``--uninstall-desktop-entry``, and launching the installed
entry the way a menu or a file manager does (``gio launch ENTRY FILE``).

The helpers at the top start the real app in a child process against the test's sandbox
server; the single-instance and bundle tests use them too.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import psutil
import pytest
from PySide6.QtGui import QImageReader

from tests.images import png_bytes
from uploader_gui import APP_NAME
from uploader_gui.desktop import APP_ID, DESKTOP_FILE, ICON_SVG
from uploader_gui.desktop.resources import read_text
from uploader_gui.platform.linux.desktop_entry import (
    HICOLOR_SIZES,
    desktop_entry,
    exec_value,
    mime_package,
    quote_exec_argument,
)
from uploader_gui.sandbox import SandboxServer

ROOT = Path(__file__).resolve().parents[1]
APP = [sys.executable, "-m", "uploader_gui"]
#: The ShareX custom uploader file type (packaging/<id>.mime.xml).
SXCU_TYPE = "application/x-sharex-custom-uploader"


# -- helpers shared with the single-instance and bundle tests --------------------------------


def tool(name: str, package: str) -> str:
    """The tool's path; a missing tool fails the test (scripts/setup.sh test installs it)."""
    found = shutil.which(name)
    assert found, f"{name} is missing: install the Debian package {package} (scripts/setup.sh test)"
    return found


def runtime_dir(factory: pytest.TempPathFactory) -> Path:
    """A private ``$XDG_RUNTIME_DIR`` (where the single-instance socket lives), short enough
    for a Unix socket path."""
    folder = factory.mktemp("run")
    folder.chmod(stat.S_IRWXU)
    return folder


def app_env(runtime: Path, sandbox: SandboxServer | None = None, **extra: str) -> dict[str, str]:
    """The environment of a child app: offscreen, the test's XDG folders (tests/conftest.py),
    its own runtime folder, no user keyring, and the test's sandbox server as the API."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")
    }
    env.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime))
    env["HOME"] = str(Path(env["XDG_CONFIG_HOME"]).parent / "home")
    Path(env["HOME"]).mkdir(exist_ok=True)
    if sandbox is not None:
        env.update(IMAGEPIPELINE_API_URL=sandbox.url, IMAGEPIPELINE_API_KEY=sandbox.key)
    env.update(extra)
    return env


def photo(folder: Path, name: str, seed: int) -> Path:
    """A small real PNG whose bytes no other test file has (the window reuses the link of a
    file it uploaded before)."""
    path = folder / name
    path.write_bytes(png_bytes(width=5, height=4, seed=seed))
    return path


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Polls ``condition`` (a child process or the sandbox server, not Qt events)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def uploaded(sandbox: SandboxServer, path: Path) -> bool:
    return any(upload.filename == path.name for upload in sandbox.uploads)


def start(
    command: Sequence[str], env: dict[str, str], log: Path, cwd: Path | None = None
) -> subprocess.Popen[bytes]:
    """Starts a child whose output goes to ``log`` (read it with :func:`output`)."""
    with log.open("wb") as out:
        return subprocess.Popen(
            list(command), env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT
        )


def output(log: Path) -> str:
    return log.read_text(errors="replace") if log.exists() else ""


def terminate(process: psutil.Process | subprocess.Popen[bytes], timeout: float = 10) -> int | None:
    """SIGTERM, as a session manager or ``kill`` sends it; the app must close by itself.
    Returns the exit status (``None`` for a process that is not our child)."""
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=timeout)
    except (subprocess.TimeoutExpired, psutil.TimeoutExpired):
        process.kill()
        raise AssertionError(f"the app did not quit within {timeout} s of SIGTERM") from None


# -- the Exec line ---------------------------------------------------------------------------


def test_exec_arguments_are_quoted_as_the_spec_says() -> None:
    assert exec_value(["/usr/bin/uploader-gui"]) == "/usr/bin/uploader-gui %F"
    assert exec_value(["/opt/My Apps/uploader-gui"]) == '"/opt/My Apps/uploader-gui" %F'
    # Inside quotes ", `, $ and \ get a backslash; then every backslash is doubled (the
    # string escape), and % is doubled (field codes).
    assert quote_exec_argument('/a/b"c') == '"/a/b\\\\"c"'
    assert quote_exec_argument("/a/$HOME") == '"/a/\\\\$HOME"'
    assert quote_exec_argument("/a\\b") == '"/a\\\\\\\\b"'
    assert quote_exec_argument("/100%/x") == "/100%%/x"
    assert exec_value(["/venv/bin/python", "-m", "uploader_gui"]) == (
        "/venv/bin/python -m uploader_gui %F"
    )
    with pytest.raises(ValueError, match="cannot put"):
        quote_exec_argument("/a\nb")


def test_glib_runs_a_quoted_exec_line_with_the_files(tmp_path: Path) -> None:
    """The quoting as GLib reads it: a program whose path has a space, a quote and a dollar
    sign gets the files, each as one argument."""
    gio = tool("gio", "libglib2.0-bin")
    folder = tmp_path / 'my "apps" $HOME'
    folder.mkdir()
    program = folder / "record-args"
    record = tmp_path / "args.txt"
    program.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\n')
    program.chmod(0o755)
    entry = tmp_path / DESKTOP_FILE
    entry.write_text(desktop_entry(read_text(DESKTOP_FILE), [str(program)]), encoding="utf-8")
    validated = subprocess.run(
        [tool("desktop-file-validate", "desktop-file-utils"), str(entry)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (validated.returncode, validated.stdout) == (0, "")
    files = [tmp_path / "one photo.png", tmp_path / "two.png"]
    launched = subprocess.run(
        [gio, "launch", str(entry), *map(str, files)],
        env=app_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=30,
        check=False,
    )
    assert launched.returncode == 0
    wait_for(record.exists, 10, "the program to run")
    wait_for(lambda: record.read_text().count("\n") == 2, 10, "its arguments")
    assert record.read_text().splitlines() == [str(f) for f in files]


# -- install and uninstall -------------------------------------------------------------------


def content_type(path: Path, env: dict[str, str]) -> str:
    """The file's type as GLib finds it (``$XDG_DATA_HOME/mime`` included)."""
    done = subprocess.run(
        [tool("gio", "libglib2.0-bin"), "info", "-a", "standard::content-type", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return done.stdout.rsplit("standard::content-type:", 1)[1].strip()


def gio_mime(mime: str, env: dict[str, str]) -> str:
    """What GLib says opens ``mime`` (the default and the registered applications)."""
    done = subprocess.run(
        [tool("gio", "libglib2.0-bin"), "mime", mime],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    return done.stdout


def test_install_then_uninstall_for_the_current_user(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    data_home = Path(os.environ["XDG_DATA_HOME"])
    # xcb with no display: opening a window, or even connecting to a display, would fail.
    env = app_env(runtime_dir(tmp_path_factory), QT_QPA_PLATFORM="xcb")

    installed = subprocess.run(
        [*APP, "--install-desktop-entry"], env=env, capture_output=True, text=True, timeout=60
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    entry = data_home / "applications" / DESKTOP_FILE
    script = Path(sys.executable).absolute().with_name(APP_NAME)
    assert f"Installed the desktop entry {entry}" in installed.stdout
    assert f"Exec={script} %F" in installed.stdout
    assert "Updated the desktop database" in installed.stdout
    assert "Updated the icon cache" in installed.stdout
    assert f"Updated the MIME database in {data_home / 'mime'}" in installed.stdout

    # The shipped entry with Exec pointing at this installation's executable.
    shipped = (ROOT / "packaging" / DESKTOP_FILE).read_text(encoding="utf-8")
    assert entry.read_text(encoding="utf-8") == shipped.replace(
        f"Exec={APP_NAME} %F", f"Exec={script} %F"
    )
    validated = subprocess.run(
        [tool("desktop-file-validate", "desktop-file-utils"), str(entry)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (validated.returncode, validated.stdout) == (0, "")

    hicolor = data_home / "icons" / "hicolor"
    for size in HICOLOR_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert QImageReader(str(png)).size().width() == size, png
    assert (hicolor / "scalable" / "apps" / ICON_SVG).is_file()
    assert (hicolor / "icon-theme.cache").is_file()
    # "Open with": update-desktop-database maps each image type to the entry.
    mime_cache = (data_home / "applications" / "mimeinfo.cache").read_text()
    for mime in ("image/png", "image/jpeg", "image/webp", "image/gif", SXCU_TYPE):
        assert f"{mime}={DESKTOP_FILE};" in mime_cache
    # The .sxcu file type, as GLib (a file manager's "Open with") sees it, in any case.
    package = data_home / "mime" / "packages" / mime_package(APP_ID)
    assert package.read_bytes() == (ROOT / "packaging" / mime_package(APP_ID)).read_bytes()
    uploader = tmp_path / "My Host.SXCU"
    uploader.write_text('{"Name": "My Host", "RequestURL": "https://example.com/up"}\n')
    assert content_type(uploader, env) == SXCU_TYPE
    assert DESKTOP_FILE in gio_mime(SXCU_TYPE, env)

    removed = subprocess.run(
        [*APP, "--uninstall-desktop-entry"], env=env, capture_output=True, text=True, timeout=60
    )
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert f"Removed {entry}" in removed.stdout
    assert not entry.exists()
    assert not package.exists()
    assert f"Removed {package}" in removed.stdout
    assert not list(hicolor.rglob(f"{APP_ID}.*"))
    assert DESKTOP_FILE not in (data_home / "applications" / "mimeinfo.cache").read_text()
    assert SXCU_TYPE not in (data_home / "mime" / "globs2").read_text()
    assert content_type(uploader, env) != SXCU_TYPE

    again = subprocess.run(
        [*APP, "--uninstall-desktop-entry"], env=env, capture_output=True, text=True, timeout=60
    )
    assert again.returncode == 0
    assert "Nothing to remove" in again.stdout


def test_install_without_the_cache_tools_still_installs(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    env = app_env(runtime_dir(tmp_path_factory), PATH=str(empty))
    installed = subprocess.run(
        [*APP, "--install-desktop-entry"], env=env, capture_output=True, text=True, timeout=60
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert "Skipped the desktop database: update-desktop-database is not installed" in (
        installed.stdout
    )
    assert "Skipped the icon cache: gtk-update-icon-cache is not installed" in installed.stdout
    assert "Skipped the MIME database: update-mime-database is not installed" in installed.stdout
    assert (Path(env["XDG_DATA_HOME"]) / "mime" / "packages" / mime_package(APP_ID)).is_file()
    assert (Path(env["XDG_DATA_HOME"]) / "applications" / DESKTOP_FILE).is_file()


def test_install_takes_no_files() -> None:
    result = subprocess.run(
        [*APP, "--install-desktop-entry", "photo.png"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "takes no FILE" in result.stderr


# -- launching the installed entry -----------------------------------------------------------


def test_launching_the_installed_entry_uploads_the_file(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, sandbox: SandboxServer
) -> None:
    """Install, then ``gio launch ENTRY FILE`` as a menu or "Open with" does: the window
    starts, uploads FILE to the sandbox server, and quits cleanly on SIGTERM."""
    gio = tool("gio", "libglib2.0-bin")
    env = app_env(runtime_dir(tmp_path_factory), sandbox)
    installed = subprocess.run(
        [*APP, "--install-desktop-entry"], env=env, capture_output=True, text=True, timeout=60
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    entry = Path(env["XDG_DATA_HOME"]) / "applications" / DESKTOP_FILE
    image = photo(tmp_path, "from the menu.png", seed=11)

    log = tmp_path / "app.log"
    # Output to a file: the app inherits gio's stdout and stderr and outlives gio.
    with log.open("wb") as out:
        launched = subprocess.run(
            [gio, "launch", str(entry), str(image)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=30,
            check=False,
        )
    assert launched.returncode == 0, output(log)
    app: psutil.Process | None = None
    command: list[str] = []
    try:

        def find_app() -> bool:
            nonlocal app, command
            for process in psutil.process_iter(["cmdline"]):
                if str(image) in (process.info["cmdline"] or []):
                    app, command = process, process.info["cmdline"]
                    return True
            return False

        wait_for(find_app, 15, "the launched app's process")
        wait_for(lambda: uploaded(sandbox, image), 30, f"{image.name} on the sandbox server")
    except AssertionError as exc:
        raise AssertionError(f"{exc}\napp output:\n{output(log)}") from None
    finally:
        if app is not None:
            # gio's child, not ours: no exit status, but it must be gone promptly.
            terminate(app)
    # The installed Exec line ran (python is the script's interpreter).
    assert command[1:] == [str(Path(sys.executable).absolute().with_name(APP_NAME)), str(image)]
