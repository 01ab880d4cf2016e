"""Where the app's files live on Linux (``platform/linux/xdg_locations.py``), from the XDG
variables of a fake environment, and ``core.paths`` asking the platform for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from uploader_gui.core import paths
from uploader_gui.platform.linux.xdg_locations import XdgLocations

HOME = Path("/home/alice")


def xdg(**environ: str) -> XdgLocations:
    return XdgLocations(environ, home=lambda: HOME)


def test_the_variables_name_the_folders() -> None:
    found = xdg(
        XDG_CONFIG_HOME="/cfg",
        XDG_DATA_HOME="/data",
        XDG_CACHE_HOME="/cache",
        XDG_RUNTIME_DIR="/run/user/1000/",
    )
    assert found.config_dir() == Path("/cfg/uploader-gui")
    assert found.data_dir() == Path("/data/uploader-gui")
    assert found.cache_dir() == Path("/cache/uploader-gui")
    assert found.data_home() == Path("/data")
    assert found.runtime_dir() == Path("/run/user/1000")


@pytest.mark.parametrize("value", ["", "relative/path", "~/.config"])
def test_an_unset_or_relative_variable_means_the_default_under_home(value: str) -> None:
    found = xdg(XDG_CONFIG_HOME=value, XDG_DATA_HOME=value, XDG_CACHE_HOME=value)
    assert found.config_dir() == HOME / ".config" / "uploader-gui"
    assert found.data_dir() == HOME / ".local" / "share" / "uploader-gui"
    assert found.cache_dir() == HOME / ".cache" / "uploader-gui"
    assert xdg().config_dir() == HOME / ".config" / "uploader-gui"


@pytest.mark.parametrize("value", ["", "run/user/1000", "/", "/./"])
def test_no_usable_runtime_folder(value: str) -> None:
    assert xdg(XDG_RUNTIME_DIR=value).runtime_dir() is None
    assert xdg().runtime_dir() is None


def test_the_environment_is_read_at_each_call() -> None:
    environ = {"XDG_CACHE_HOME": "/one"}
    found = XdgLocations(environ, home=lambda: HOME)
    assert found.cache_dir() == Path("/one/uploader-gui")
    environ["XDG_CACHE_HOME"] = "/two"
    assert found.cache_dir() == Path("/two/uploader-gui")


def test_the_core_asks_the_platform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``core.paths`` keeps the folders private; where they are is the platform's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "k"))
    assert paths.config_dir() == tmp_path / "c" / "uploader-gui"
    assert paths.data_dir() == tmp_path / "d" / "uploader-gui"
    assert paths.cache_dir() == tmp_path / "k" / "uploader-gui"
    assert paths.thumbnail_file(7) == tmp_path / "k" / "uploader-gui" / "thumbnails" / "7.png"
