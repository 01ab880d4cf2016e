"""The PyInstaller bundle: built by packaging/build-bundle.sh, then run with no Python set-up
(a bare environment): --version, a --headless --sandbox upload, the install command (its
resources come through the same helper), and the window itself with a hand-off. It holds
nothing the app never loads (Qt Quick, unused plugins and translations, GTK, debug
information), and every library it holds loads."""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImageReader

from tests.fixtures_metadata import jpeg_with_metadata, picture
from tests.test_desktop_install import (
    output,
    photo,
    runtime_dir,
    start,
    terminate,
    uploaded,
    wait_for,
)
from uploader_gui import APP_NAME, __version__
from uploader_gui.core.prepare.limits import pillow_with_heif
from uploader_gui.desktop import APP_ID, DESKTOP_FILE
from uploader_gui.sandbox import SandboxServer

ROOT = Path(__file__).resolve().parents[1]
QT = "_internal/PySide6/Qt/"
#: The languages shipped: one translations/uploader_<lang>.ts each.
LANGUAGES = sorted(ts.stem.removeprefix("uploader_") for ts in (ROOT / "translations").glob("*.ts"))

#: What the app never loads, as paths in the bundle (fnmatch; packaging/uploader-gui.spec
#: leaves it out): Qt Quick and QML, the Qt modules the app does not import, the tools, the
#: plugins of kiosk platforms, TLS and network information (QtNetwork serves local sockets
#: only), GTK (the gtk3 theme's), type stubs.
NEVER_NEEDED = (
    "*/libQt6Qml*",
    "*/libQt6Quick*",
    "*/QtQml*",
    "*/QtQuick*",
    "*/libQt6WebEngine*",
    "*/QtWebEngine*",
    "*/libQt6Pdf*",
    "*/libQt6Multimedia*",
    "*/libQt6EglFS*",
    "*/libQt6WlShellIntegration*",
    "*/libQt6Designer*",
    "*/QtDesigner*",
    "*/QtUiTools*",
    "*/QtTest*",
    "*/QtOpenGL*",
    f"{QT}qml/*",
    f"{QT}libexec/*",
    f"{QT}metatypes/*",
    f"{QT}plugins/tls/*",
    f"{QT}plugins/networkinformation/*",
    f"{QT}plugins/egldeviceintegrations/*",
    f"{QT}plugins/generic/*",
    f"{QT}plugins/sqldrivers/*",
    f"{QT}plugins/platformthemes/libqgtk3.so",
    "*/libgtk-3.so*",
    "*/libgdk-3.so*",
    "*/libcairo*",
    "*/libpango*",
    "*.pyi",
)
#: The only platform plugins: X11, Wayland, offscreen (what the tests run on).
PLATFORMS = {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"}
#: The only translations: ours and Qt's own for the same languages.
TRANSLATIONS = {
    *(f"_internal/uploader_gui/translations/uploader_{lang}.qm" for lang in LANGUAGES),
    *(f"{QT}translations/qtbase_{lang}.qm" for lang in LANGUAGES),
}
#: Python packages the program never imports (its archive of modules holds none of them).
NEVER_IMPORTED = {"pygments", "pytest", "_pytest", "mypy", "PyInstaller", "tkinter", "hypothesis"}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The built bundle's folder (about 180 MB: removed afterwards)."""
    base = tmp_path_factory.mktemp("bundle")
    built = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build-bundle.sh"), str(base / "dist"), str(base / "w")],
        capture_output=True,
        text=True,
        timeout=800,
        check=False,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    try:
        yield base / "dist" / APP_NAME
    finally:
        shutil.rmtree(base, ignore_errors=True)


def bare_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """No venv, no PYTHONPATH: only what a desktop session has."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = os.environ[name]  # the test's own (tests/conftest.py)
    Path(env["HOME"]).mkdir(exist_ok=True)
    env.update(extra)
    return env


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def contents(bundle: Path) -> list[str]:
    """Every file and link in the bundle, as a path relative to its folder."""
    return sorted(path.relative_to(bundle).as_posix() for path in bundle.rglob("*"))


def elf_sections(path: Path) -> set[str] | None:
    """The section names of an ELF file (64-bit, little-endian); None if it is no ELF file."""
    with path.open("rb") as file:
        header = file.read(64)
        if header[:4] != b"\x7fELF":
            return None
        offset, size, count, names = (
            struct.unpack_from("<Q", header, 0x28)[0],
            *struct.unpack_from("<HHH", header, 0x3A),
        )
        file.seek(offset)
        table = file.read(size * count)
        name_offset, name_size = struct.unpack_from("<QQ", table, names * size + 0x18)
        file.seek(name_offset)
        strings = file.read(name_size)
    found = set()
    for index in range(count):
        start = struct.unpack_from("<I", table, index * size)[0]
        found.add(strings[start : strings.index(b"\0", start)].decode("ascii", "replace"))
    return found


def python_modules(program: Path) -> set[str]:
    """The top-level packages in the program's archive of Python modules."""
    from PyInstaller.archive.readers import CArchiveReader  # type: ignore[import-untyped]

    archive = CArchiveReader(str(program))
    modules = archive.open_embedded_archive("PYZ.pyz")
    return {name.split(".")[0] for name in modules.toc}


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_bundle_holds_nothing_the_app_never_loads(bundle: Path) -> None:
    files = contents(bundle)
    unneeded = [path for path in files if any(fnmatch.fnmatch(path, p) for p in NEVER_NEEDED)]
    assert not unneeded, f"never loaded, yet in the bundle: {unneeded}"
    platforms = {Path(path).name for path in files if path.startswith(f"{QT}plugins/platforms/")}
    assert platforms == PLATFORMS
    translations = {path for path in files if path.endswith(".qm")}
    assert translations == TRANSLATIONS
    assert not NEVER_IMPORTED & python_modules(bundle / APP_NAME)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_every_library_in_the_bundle_loads_and_carries_no_debug_information(
    bundle: Path, tmp_path: Path
) -> None:
    internal = bundle / "_internal"
    libraries = sorted(
        path for path in internal.rglob("*.so*") if path.is_file() and not path.is_symlink()
    )
    assert len(libraries) > 100
    heavy = {
        str(path.relative_to(bundle)): sorted(n for n in sections if n.startswith(".debug_"))
        for path in [bundle / APP_NAME, *libraries]
        if (sections := elf_sections(path)) and any(n.startswith(".debug_") for n in sections)
    }
    assert not heavy, f"not stripped: {heavy}"
    # Each one with its dependencies as the program finds them (its bootloader puts
    # _internal on LD_LIBRARY_PATH): a plugin the tests never use (xcb, wayland, ibus) still
    # has every library it needs, and stripping broke none.
    script = (
        "import ctypes, sys\n"
        "for path in sys.argv[1:]:\n"
        "    try:\n"
        "        ctypes.CDLL(path)\n"
        "    except OSError as exc:\n"
        "        print(exc)\n"
    )
    loaded = run(
        [sys.executable, "-c", script, *map(str, libraries)],
        bare_env(tmp_path, LD_LIBRARY_PATH=str(internal)),
    )
    assert (loaded.returncode, loaded.stdout, loaded.stderr) == (0, "", "")


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_bundle_runs_on_its_own(
    bundle: Path,
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    sandbox: SandboxServer,
) -> None:
    program = bundle / APP_NAME
    env = bare_env(tmp_path)

    version = run([str(program), "--version"], env)
    assert (version.returncode, version.stdout.strip()) == (0, f"{APP_NAME} {__version__}")

    # The sandbox (python_multipart) and the upload client (httpx) are in the bundle.
    image = photo(tmp_path, "frozen.png", seed=51)
    headless = run([str(program), "--headless", "--sandbox", str(image)], env)
    assert headless.returncode == 0, headless.stderr
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/u/\w+\.png\n", headless.stdout)

    # Preparation works frozen: the walkers strip a photo's location, libheif (pillow-heif)
    # converts a HEIC.
    holiday = jpeg_with_metadata(tmp_path / "holiday.jpg")
    pillow_with_heif()
    heic = tmp_path / "phone.heic"
    picture((64, 48)).save(heic, "HEIF", quality=80)
    prepared = run(
        [str(program), "--headless", "--json", "--sandbox", str(holiday), str(heic)], env
    )
    assert prepared.returncode == 0, prepared.stderr
    first, second = (json.loads(line) for line in prepared.stdout.splitlines())
    assert "location" in first["prepared"]["removed"]
    assert second["prepared"]["converted_from"] == "heic"
    assert second["filename"] == "phone.jpg"

    # Resources through the same helper as a checkout: the entry, and icons rendered by the
    # bundle's QtSvg. Exec points at the bundle's program.
    installed = run([str(program), "--install-desktop-entry"], env)
    assert installed.returncode == 0, installed.stderr
    data_home = Path(env["XDG_DATA_HOME"])
    entry = (data_home / "applications" / DESKTOP_FILE).read_text(encoding="utf-8")
    assert f"\nExec={program} %F\n" in entry
    for size in (16, 512):
        png = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert QImageReader(str(png)).size().width() == size

    # The translations: ours, and Qt's own for its dialogs (the window below loads ours).
    for name in ("uploader_de.qm", "uploader_zh_CN.qm", "qtbase_de.qm", "qtbase_zh_CN.qm"):
        assert list(bundle.rglob(name)), f"{name} is not in the bundle"

    # What build-bundle.sh puts beside it for packagers.
    share = bundle / "share"
    assert (share / "applications" / DESKTOP_FILE).is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "mime" / "packages" / f"{APP_ID}.mime.xml").is_file()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()

    # The window (QtWidgets, QtNetwork, the icon) uploads, takes a hand-off, quits on SIGTERM;
    # in German, from the bundle's translation (else it says there is none).
    gui_env = bare_env(
        tmp_path,
        XDG_RUNTIME_DIR=str(runtime_dir(tmp_path_factory)),
        IMAGEPIPELINE_API_URL=sandbox.url,
        IMAGEPIPELINE_API_KEY=sandbox.key,
        LANGUAGE="de",
    )
    first, second = photo(tmp_path, "window.png", seed=52), photo(tmp_path, "handed.png", seed=53)
    log = tmp_path / "window.log"
    window = start([str(program), str(first)], gui_env, log)
    try:
        try:
            wait_for(lambda: uploaded(sandbox, first), 60, "the frozen window to upload")
            handed = run([str(program), str(second)], gui_env)
            assert handed.returncode == 0, handed.stderr
            wait_for(lambda: uploaded(sandbox, second), 30, "the handed-over file")
        except AssertionError as exc:
            raise AssertionError(f"{exc}\nwindow output:\n{output(log)}") from None
        assert terminate(window) == 0, output(log)
        assert "no translation" not in output(log), output(log)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
