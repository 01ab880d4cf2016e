"""The menu entry on Linux (``platform/linux/desktop_entry.py``) in this test's own XDG data
folder, made of fake shipped files (no Qt, no icon rendering), without the cache tools."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from uploader_gui.platform.fallback.inert import NoMenuEntry
from uploader_gui.platform.linux.desktop_entry import (
    HICOLOR_SIZES,
    DesktopEntry,
    launcher_command,
    mime_package,
)

APP_ID = "org.example.Test"
TEMPLATE = (
    "[Desktop Entry]\nType=Application\nName=Test\nExec=uploader-gui %F\nIcon=org.example.Test\n"
)
FILE_TYPE = "<mime-info><!-- the .sxcu type --></mime-info>\n"


class FakeShipped:
    app_id = APP_ID

    def __init__(self, template: str = TEMPLATE) -> None:
        self.template = template
        self.rendered: list[int] = []

    def read_text(self, name: str) -> str:
        if name == f"{APP_ID}.mime.xml":
            return FILE_TYPE
        assert name == f"{APP_ID}.desktop"
        return self.template

    def icon_svg(self) -> bytes:
        return b"<svg/>"

    def icon_png(self, size: int) -> bytes:
        self.rendered.append(size)
        return f"png {size}".encode()


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``$XDG_DATA_HOME`` (tests/conftest.py makes it per test), and no cache tools."""
    (tmp_path / "no-tools").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    return Path(os.environ["XDG_DATA_HOME"])


def test_install_then_uninstall(data_home: Path) -> None:
    shipped = FakeShipped()
    said: list[str] = []
    assert DesktopEntry().install(shipped, said.append) == 0

    entry = data_home / "applications" / f"{APP_ID}.desktop"
    command = " ".join(launcher_command())
    assert entry.read_text() == TEMPLATE.replace("Exec=uploader-gui %F", f"Exec={command} %F")
    assert oct(entry.stat().st_mode & 0o777) == "0o644"
    hicolor = data_home / "icons" / "hicolor"
    assert shipped.rendered == list(HICOLOR_SIZES)
    for size in HICOLOR_SIZES:
        assert (
            hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        ).read_bytes() == f"png {size}".encode()
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() == b"<svg/>"
    file_type = data_home / "mime" / "packages" / mime_package(APP_ID)
    assert file_type.read_text() == FILE_TYPE
    assert oct(file_type.stat().st_mode & 0o777) == "0o644"
    assert said[0] == f"Installed the desktop entry {entry}"
    assert f"Installed the .sxcu file type (ShareX custom uploader) {file_type}" in said
    assert any(line.startswith("Skipped the desktop database: update-") for line in said)
    assert any(line.startswith("Skipped the MIME database: update-mime-") for line in said)
    assert said[-1] == (
        "uploader-gui is now in the applications menu and in Open With for images and .sxcu files."
    )

    said.clear()
    assert DesktopEntry().uninstall(shipped, said.append) == 0
    assert not entry.exists()
    assert not file_type.exists()
    assert not list(hicolor.rglob(f"{APP_ID}.*"))
    assert f"Removed {entry}" in said
    assert f"Removed {file_type}" in said
    said.clear()
    assert DesktopEntry().uninstall(shipped, said.append) == 0
    assert said == [
        f"Nothing to remove: no desktop entry, file type or icons of uploader-gui in {data_home}"
    ]


def test_the_launcher_is_this_installation() -> None:
    command = launcher_command()
    assert Path(command[0]).is_absolute()
    assert command in (
        [str(Path(sys.executable).absolute().with_name("uploader-gui"))],
        [str(Path(sys.executable).absolute()), "-m", "uploader_gui"],
    )


def test_a_broken_template_installs_nothing(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = FakeShipped(TEMPLATE + "Exec=again %F\n")
    assert DesktopEntry().install(broken, lambda _line: None) == 1
    assert "could not install the desktop entry: the shipped desktop entry has 2 Exec lines" in (
        capsys.readouterr().err
    )
    assert not (data_home / "applications").exists()
    assert not (data_home / "mime").exists()


def test_elsewhere_there_is_no_menu_entry_yet(capsys: pytest.CaptureFixture[str]) -> None:
    assert NoMenuEntry().install(FakeShipped(), print) == 1
    assert NoMenuEntry().uninstall(FakeShipped(), print) == 1
    assert "packaging/PORTING.md" in capsys.readouterr().err
