"""The desktop entry and AppStream metainfo: valid for the real validators, and consistent with
each other and with the app (id, MIME types, version, WM class)."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImageReader

from uploader_gui import APP_NAME, __version__
from uploader_gui.core.prepare.convert import CONVERTIBLE_MIMES
from uploader_gui.core.sniff import ACCEPTED_MIMES
from uploader_gui.desktop import APP_ID, DESKTOP_FILE, ICON_SVG
from uploader_gui.desktop.resources import ResourceMissingError, read_bytes, resource
from uploader_gui.platform.linux.desktop_entry import mime_package

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "packaging" / DESKTOP_FILE
METAINFO = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"
SCREENSHOT = ROOT / "packaging" / "screenshots" / "main-window.png"
ICON = ROOT / "resources" / ICON_SVG
MIME_PACKAGE = ROOT / "packaging" / mime_package(APP_ID)
#: The .sxcu file type (packaging/<id>.mime.xml): shared-mime-info has none.
SXCU_TYPE = "application/x-sharex-custom-uploader"
#: What the app opens: images, and ShareX custom uploaders (added as destinations).
OPENS = ACCEPTED_MIMES | CONVERTIBLE_MIMES | {SXCU_TYPE}


def tool(name: str, package: str) -> str:
    """The tool's path; a missing tool fails the test (scripts/setup.sh test installs it)."""
    found = shutil.which(name)
    assert found, f"{name} is missing: install the Debian package {package} (scripts/setup.sh test)"
    return found


def desktop_keys(text: str) -> dict[str, str]:
    """The ``[Desktop Entry]`` group's keys (the entries here have no other group)."""
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0] == "[Desktop Entry]"
    keys: dict[str, str] = {}
    for line in lines[1:]:
        key, sep, value = line.partition("=")
        assert sep, line
        assert key not in keys, f"{key} twice"
        keys[key] = value
    return keys


def split_list(value: str) -> list[str]:
    assert value.endswith(";"), value
    return value[:-1].split(";")


def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        [tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
        capture_output=True,
        text=True,
        check=False,
    )
    # Silence too: the validator prints warnings and hints with a zero exit status.
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        [tool("appstreamcli", "appstream"), "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warnings" not in result.stdout, result.stdout


def test_desktop_entry_says_what_the_app_is() -> None:
    keys = desktop_keys(DESKTOP.read_text(encoding="utf-8"))
    assert DESKTOP.name == f"{APP_ID}.desktop"
    assert keys["Type"] == "Application"
    assert keys["Exec"] == f"{APP_NAME} %F"
    assert keys["Icon"] == APP_ID
    assert set(split_list(keys["MimeType"])) == OPENS
    main_categories = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game"}
    main_categories |= {"Graphics", "Network", "Office", "Science", "Settings", "System"}
    main_categories |= {"Utility"}
    assert [c for c in split_list(keys["Categories"]) if c in main_categories] == ["Graphics"]
    assert keys["Comment"]
    assert "upload" in split_list(keys["Keywords"])
    # Qt's X11 WM_CLASS is ("uploader-gui", applicationName()): docks match it to the entry.
    assert keys["StartupWMClass"] == APP_NAME


def test_metainfo_matches_the_entry_the_app_and_the_screenshot() -> None:
    component = ET.parse(METAINFO).getroot()  # noqa: S314 - our own file
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE
    assert component.find("content_rating[@type='oars-1.1']") is not None
    provided = {m.text for m in component.iterfind("provides/mediatype")}
    assert provided == OPENS
    assert component.findtext("provides/binary") == APP_NAME
    # Every version gets its release notes: the newest release is the running version.
    releases = component.findall("releases/release")
    assert releases
    assert releases[0].get("version") == __version__
    assert releases[0].find("description") is not None
    # The screenshot is the README's: same file name and size (AppStream wants a web URL).
    image = component.find("screenshots/screenshot[@type='default']/image")
    assert image is not None
    assert image.text is not None
    assert image.text.startswith("https://")
    assert image.text.endswith("/" + SCREENSHOT.name)
    size = QImageReader(str(SCREENSHOT)).size()
    assert (image.get("width"), image.get("height")) == (str(size.width()), str(size.height()))


def test_the_shipped_resources_are_the_repository_files() -> None:
    """``uploader_gui/desktop/data`` links to the canonical files; a copy that drifted, or a
    link that a tool flattened into a stale file, would ship the wrong icon or entry."""
    assert read_bytes(ICON_SVG) == ICON.read_bytes()
    assert read_bytes(DESKTOP_FILE) == DESKTOP.read_bytes()
    assert read_bytes(mime_package(APP_ID)) == MIME_PACKAGE.read_bytes()


NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_the_sxcu_type_is_a_glob_on_json_that_update_mime_database_takes(tmp_path: Path) -> None:
    root = ET.parse(MIME_PACKAGE).getroot()  # noqa: S314 - our own file
    assert root.tag == f"{NS}mime-info"
    (kind,) = root.findall(f"{NS}mime-type")
    assert kind.get("type") == SXCU_TYPE
    assert [glob.get("pattern") for glob in kind.iter(f"{NS}glob")] == ["*.sxcu"]
    assert [parent.get("type") for parent in kind.iter(f"{NS}sub-class-of")] == ["application/json"]
    assert kind.findtext(f"{NS}comment") == "ShareX custom uploader"
    # Not one of shared-mime-info's own types (a second definition would fight it).
    system = Path("/usr/share/mime/packages/freedesktop.org.xml")
    if system.exists():
        text = system.read_text(encoding="utf-8")
        assert SXCU_TYPE not in text
        assert "*.sxcu" not in text
    # The real tool reads it: globs2 maps the pattern to the type (any letter case: the
    # pattern is not case-sensitive).
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    (packages / MIME_PACKAGE.name).write_bytes(MIME_PACKAGE.read_bytes())
    done = subprocess.run(
        [tool("update-mime-database", "shared-mime-info"), str(tmp_path / "mime")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
    assert f"50:{SXCU_TYPE}:*.sxcu" in globs
    subclasses = (tmp_path / "mime" / "subclasses").read_text(encoding="utf-8").splitlines()
    assert f"{SXCU_TYPE} application/json" in subclasses


def test_a_missing_resource_is_reported_as_such() -> None:
    with pytest.raises(ResourceMissingError, match=r"nothing\.svg"):
        resource("nothing.svg")
    with pytest.raises(ValueError, match="not a resource name"):
        resource("../__init__.py")
