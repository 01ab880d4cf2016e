"""The PyInstaller bundle: built by packaging/build-bundle.sh, then run with no Python set-up
(a bare environment): --version, a --headless --sandbox upload, the install command (its
resources come through the same helper), and the window itself with a hand-off."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
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


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The built bundle's folder (about 200 MB: removed afterwards)."""
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

    # The translations: ours, and Qt's own for its dialogs.
    for name in ("uploader_de.qm", "uploader_zh_CN.qm", "qtbase_de.qm", "qtbase_zh_CN.qm"):
        assert list(bundle.rglob(name)), f"{name} is not in the bundle"

    # What build-bundle.sh puts beside it for packagers.
    share = bundle / "share"
    assert (share / "applications" / DESKTOP_FILE).is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()

    # The window (QtWidgets, QtNetwork, the icon) uploads, takes a hand-off, quits on SIGTERM.
    gui_env = bare_env(
        tmp_path,
        XDG_RUNTIME_DIR=str(runtime_dir(tmp_path_factory)),
        IMAGEPIPELINE_API_URL=sandbox.url,
        IMAGEPIPELINE_API_KEY=sandbox.key,
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
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
