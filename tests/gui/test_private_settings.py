"""settings.ini and templates.json are the user's alone (0600 in a 0700 folder, whatever the
umask), a settings file another user can change is not believed about what leaves the
computer and where it goes (the window says so, once, with the fix), and a proxy address
that does not parse never reaches settings.ini."""

from __future__ import annotations

import os
import shutil
import stat
from argparse import Namespace
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.conftest import ScriptedDialogs, make_window, shut
from tests.other_user import OtherUser, other_user, shared_folder
from uploader_gui.core.config import DEFAULT_API_URL
from uploader_gui.core.link_templates import load_templates, save_templates, templates_path
from uploader_gui.core.links import LinkFormat, Template
from uploader_gui.core.network.proxy import ProxyMode, ProxySettings
from uploader_gui.core.paths import config_dir
from uploader_gui.core.prepare.options import PrepareOptions
from uploader_gui.sandbox import SandboxServer
from uploader_gui.ui.app import create_window
from uploader_gui.ui.base.actions import ActionId
from uploader_gui.ui.base.report import Topic
from uploader_gui.ui.main_window import MainWindow
from uploader_gui.ui.settings.dialog import KeyStatus, SettingsDialog, SettingsValues
from uploader_gui.ui.settings.store import Settings

STATUS = KeyStatus("Key for x: not set.", "GNOME Keyring (Secret Service)", True, False)

#: What another user appends to a settings file they can write: the metadata stays in the
#: photos, they go to a server of theirs, through a proxy of theirs, and start on their own.
HOSTILE = """
[images]
remove_metadata=false
convert=false
max_side=64
[api]
url=https://evil.example
[network]
proxy_mode=manual
proxy_url=http://attacker.example:3128
[uploads]
resume_unfinished=true
"""

APPEND = "import sys\nwith open(sys.argv[1], 'a') as f:\n    f.write(sys.argv[2])\n"
CREATE = (
    "import os, sys\n"
    "os.makedirs(os.path.dirname(sys.argv[1]), exist_ok=True)\n"
    "with open(sys.argv[1], 'w') as f:\n    f.write(sys.argv[2])\n"
)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def assert_private(folder: Path) -> None:
    """The folder 0700 and the user's; in it only the two files, each 0600 and the user's
    (no lock or temporary file left behind)."""
    assert mode(folder) == 0o700
    assert os.lstat(folder).st_uid == os.geteuid()
    assert sorted(path.name for path in folder.iterdir()) == ["settings.ini", "templates.json"]
    for path in folder.iterdir():
        assert stat.S_ISREG(os.lstat(path).st_mode)
        assert mode(path) == 0o600, path
        assert os.lstat(path).st_uid == os.geteuid()


def start_window(qtbot: QtBot, dialogs: ScriptedDialogs) -> MainWindow:
    """As ``uploader-gui`` starts: the settings decide the API URL, the proxy, the images."""
    window = create_window(Namespace(api_url=None, sandbox=False, files=[]), dialogs=dialogs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def assert_safe_defaults(window: MainWindow) -> None:
    assert window.queue.prepare_options == PrepareOptions()
    assert window.keys.api_url == DEFAULT_API_URL
    assert window.queue.clients._proxy == ProxySettings()
    current = window.parts.preferences.current()
    assert (current.remove_metadata, current.convert_formats, current.max_side) == (
        True,
        True,
        None,
    )
    assert (current.api_url, current.proxy_mode, current.proxy_url) == ("", ProxyMode.SYSTEM, "")
    assert current.resume_unfinished is False


@pytest.fixture
def shared_config(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """$XDG_CONFIG_HOME in a folder every user can write (1777, like /tmp)."""
    folder = shared_folder("uploader-config-")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def mallory() -> OtherUser:
    return other_user()


# -- 0600 in 0700, whatever the umask ----------------------------------------------------


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_settings_and_templates_are_private_whatever_the_umask(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, umask: int
) -> None:
    old = os.umask(umask)
    try:
        window = make_window(qtbot, sandbox.url, dialogs)
        folder = config_dir()
        dialogs.settings_answer = SettingsValues(
            api_url=sandbox.url,
            concurrency=5,
            retries=3,
            auto_copy=True,
            copy_format="markdown",
            templates=(("wiki", "[[{url}]]"),),
            proxy_mode=ProxyMode.MANUAL,
            proxy_url="http://bob@proxy.corp:3128",
        )
        window.registry[ActionId.SETTINGS].trigger()
        assert_private(folder)
        ini = (folder / "settings.ini").read_text(encoding="utf-8")
        assert "concurrency=5" in ini
        assert "proxy_url=http://bob@proxy.corp:3128" in ini
        assert load_templates() == {"wiki": "[[{url}]]"}
        # A write outside the settings dialog, synced by QSettings itself (on the event
        # loop), keeps the mode too.
        window.links.set_format(Template("wiki", "[[{url}]]"))
        qtbot.waitUntil(
            lambda: "format=wiki" in (folder / "settings.ini").read_text(encoding="utf-8"),
            timeout=5000,
        )
        assert_private(folder)
        assert window.notices.notice_text(Topic.SETTINGS_FILE) is None
        shut(qtbot, window)
    finally:
        os.umask(old)


def test_an_older_versions_readable_files_become_private(qtbot: QtBot) -> None:
    """Written 0644 in 0755 (umask 022) by an older version: nobody else could change them,
    so they are believed, and made the user's alone."""
    folder = config_dir()
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    (folder / "settings.ini").write_text("[images]\nremove_metadata=false\n", encoding="utf-8")
    (folder / "settings.ini").chmod(0o644)
    settings = Settings()
    assert mode(folder) == 0o700
    assert mode(folder / "settings.ini") == 0o600
    assert settings.remove_metadata is False  # the user's own choice
    assert settings.problem is None


# -- another user edits the settings -------------------------------------------------------


def test_settings_another_user_changed_are_not_believed_until_written_again(
    qtbot: QtBot, dialogs: ScriptedDialogs, shared_config: Path, mallory: OtherUser
) -> None:
    # As an older version left them under umask 000: 0666 in a 0777 folder.
    folder = shared_config / "uploader-gui"
    folder.mkdir()
    folder.chmod(0o777)
    ini = folder / "settings.ini"
    ini.write_text("[copy]\nformat=markdown\n[uploads]\nconcurrency=2\n", encoding="utf-8")
    ini.chmod(0o666)
    mallory.python(APPEND, str(ini), HOSTILE)
    assert "remove_metadata=false" in ini.read_text(encoding="utf-8")

    window = start_window(qtbot, dialogs)
    assert_safe_defaults(window)
    settings = window.parts.preferences.settings
    assert settings.problem is not None
    # What is not about privacy is still read.
    assert window.links.format is LinkFormat.MARKDOWN
    assert window.parts.preferences.current().concurrency == 2
    # Said once, in words, with the path and the fix.
    assert window.notices.keys().count(Topic.SETTINGS_FILE) == 1
    text = window.notices.notice_text(Topic.SETTINGS_FILE)
    assert text is not None
    assert f"Other users on this computer can change the files in {folder}." in text
    assert "location and camera details are removed" in text
    assert f"chmod 700 {folder} && chmod 600 {ini}" in text
    notice = window.notices.notice(Topic.SETTINGS_FILE)
    assert notice is not None
    assert notice.button is not None
    assert notice.button.text() == "Open Settings"
    # Another Settings object (create_application makes one for the language) does not
    # warn again.
    Settings()
    assert window.notices.keys().count(Topic.SETTINGS_FILE) == 1

    # The user saves the settings (as shown: the safe values): the file is written anew,
    # for the user alone, without what the other user wrote.
    dialogs.settings_answer = window.parts.preferences.current().replace(concurrency=6)
    window.registry[ActionId.SETTINGS].trigger()
    assert mode(folder) == 0o700
    assert mode(ini) == 0o600
    assert os.lstat(ini).st_uid == os.geteuid()
    written = ini.read_text(encoding="utf-8")
    for planted in ("remove_metadata=false", "evil.example", "attacker.example", "max_side=64"):
        assert planted not in written
    assert "concurrency=6" in written
    assert "format=markdown" in written
    assert settings.problem is None
    assert window.notices.notice_text(Topic.SETTINGS_FILE) is None
    # The other user can change it no more, and a new start believes it.
    done = mallory.python(APPEND, str(ini), HOSTILE, check=False)
    assert done.returncode != 0
    assert "PermissionError" in done.stderr
    again = Settings()
    assert again.problem is None
    assert again.remove_metadata is True
    assert again.concurrency == 6
    shut(qtbot, window)


def test_a_settings_file_another_user_owns_is_not_believed(
    qtbot: QtBot, dialogs: ScriptedDialogs, shared_config: Path, mallory: OtherUser
) -> None:
    """The folder is the user's alone again, but the file in it was made by someone else."""
    folder = shared_config / "uploader-gui"
    folder.mkdir()
    folder.chmod(0o777)
    ini = folder / "settings.ini"
    mallory.python(CREATE, str(ini), "[copy]\nformat=html\n" + HOSTILE)
    folder.chmod(0o700)
    assert os.lstat(ini).st_uid == mallory.uid
    assert mode(ini) & 0o022 == 0  # not writable by others: only its owner is wrong

    window = start_window(qtbot, dialogs)
    assert_safe_defaults(window)
    assert window.links.format is LinkFormat.HTML
    text = window.notices.notice_text(Topic.SETTINGS_FILE)
    assert text is not None
    assert f"{ini} belongs to another user." in text
    assert f"rm {ini}" in text

    # Any write (here the copy format, from the menu) replaces it with the user's own.
    window.links.set_format(LinkFormat.BBCODE)
    assert os.lstat(ini).st_uid == os.geteuid()
    assert mode(ini) == 0o600
    assert window.notices.notice_text(Topic.SETTINGS_FILE) is None
    qtbot.waitUntil(lambda: "format=bbcode" in ini.read_text(encoding="utf-8"), timeout=5000)
    written = ini.read_text(encoding="utf-8")
    assert "remove_metadata" not in written
    assert "evil.example" not in written
    assert Settings().remove_metadata is True
    shut(qtbot, window)


def test_a_settings_folder_another_user_owns_is_never_written(
    qtbot: QtBot, dialogs: ScriptedDialogs, shared_config: Path, mallory: OtherUser
) -> None:
    """The other user made $XDG_CONFIG_HOME/uploader-gui first: nothing is written there
    (they could read it, or put a link in it); changes last for the session."""
    folder = shared_config / "uploader-gui"
    ini = folder / "settings.ini"
    mallory.python(CREATE, str(ini), HOSTILE)
    before = ini.read_bytes()

    window = start_window(qtbot, dialogs)
    assert_safe_defaults(window)
    text = window.notices.notice_text(Topic.SETTINGS_FILE)
    assert text is not None
    assert f"{folder} belongs to another user." in text
    assert "Nothing can be saved there" in text
    assert f"mv {folder} {folder}.not-mine" in text

    dialogs.settings_answer = window.parts.preferences.current().replace(
        remove_metadata=False,
        templates=(("wiki", "[[{url}]]"),),
    )
    window.registry[ActionId.SETTINGS].trigger()
    # Kept for the session, said to be so; nothing of the user's is in that folder.
    assert window.queue.prepare_options.remove_metadata is False
    assert window.parts.preferences.settings.remove_metadata is False
    assert any("The templates were not saved" in line for line in dialogs.informed)
    assert ini.read_bytes() == before
    assert all(os.lstat(path).st_uid == mallory.uid for path in [folder, *folder.iterdir()])
    assert window.notices.notice_text(Topic.SETTINGS_FILE) is not None
    assert Settings().remove_metadata is True
    shut(qtbot, window)


def test_link_templates_another_user_can_change_are_said_and_repaired(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs
) -> None:
    save_templates({"wiki": "[[{url}]]"})
    path = templates_path()
    path.chmod(0o666)
    window = make_window(qtbot, sandbox.url, dialogs)
    text = window.notices.notice_text(Topic.SETTINGS_FILE)
    assert text is not None
    assert f"Other users on this computer can change {path}." in text
    assert "check them in Settings ▸ Copying" in text
    assert f"chmod 600 {path}" in text
    # OK in Settings writes them again, for the user alone, even though they did not change.
    dialogs.settings_answer = window.parts.preferences.current()
    window.registry[ActionId.SETTINGS].trigger()
    assert mode(path) == 0o600
    assert window.notices.notice_text(Topic.SETTINGS_FILE) is None
    shut(qtbot, window)


# -- a proxy address that does not parse ----------------------------------------------------


@pytest.mark.parametrize("saved", ["", "http://bob@proxy.corp:3128"])
def test_a_proxy_address_that_does_not_parse_never_reaches_the_settings_file(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs, saved: str
) -> None:
    """A raw "@" and "/" in the password, typed while another mode is chosen: the address
    does not parse (the password looks like a host and a path), and none of it is stored."""
    settings = Settings()
    settings.proxy_url = saved
    settings.sync()
    window = make_window(qtbot, sandbox.url, dialogs)
    dialog = SettingsDialog(None, window.parts.preferences.current(), STATUS, DEFAULT_API_URL)
    qtbot.addWidget(dialog)
    assert dialog.proxy.url.text() == saved
    dialog.proxy.none.setChecked(True)
    dialog.proxy.url.setText("http://alice:Zq7@Xk9/Vw3@proxy.corp:3128")
    dialog._accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    dialogs.settings_answer = dialog.values()
    window.registry[ActionId.SETTINGS].trigger()

    ini = (config_dir() / "settings.ini").read_text(encoding="utf-8").lower()
    assert "proxy_mode=none" in ini
    for fragment in ("zq7", "xk9", "vw3", "alice"):
        assert fragment not in ini
    assert window.parts.preferences.settings.proxy_url == saved
    # Nor through the settings layer itself.
    window.parts.preferences.settings.proxy_url = "http://alice:Zq7@Xk9/Vw3@proxy.corp:3128"
    window.parts.preferences.settings.sync()
    assert "xk9" not in (config_dir() / "settings.ini").read_text(encoding="utf-8").lower()
    shut(qtbot, window)


def test_custom_destinations_another_user_can_change_are_not_used_and_said(
    qtbot: QtBot, sandbox: SandboxServer, dialogs: ScriptedDialogs
) -> None:
    """A planted destination would receive every picture: a destinations file others can
    write is not believed, the notice says so and how to fix it, and once fixed it is used."""
    from uploader_gui.core.destinations.store import Stored, destinations_path, save_destinations
    from uploader_gui.core.destinations.uploader import Uploader

    planted = Uploader(
        name="Elsewhere", request_url="https://evil.example/upload", file_form_name="file"
    )
    save_destinations([Stored("custom:00000001", planted)])
    path = destinations_path()
    path.chmod(0o666)
    window = make_window(qtbot, sandbox.url, dialogs)
    assert window.parts.book.items == []
    assert [key for key, _name, _host in window.parts.choice.entries()] == [""]
    text = window.notices.notice_text(Topic.SETTINGS_FILE)
    assert text is not None
    assert f"Other users on this computer can change {path}." in text
    assert "custom destinations are not used" in text
    assert f"chmod 600 {path}" in text
    shut(qtbot, window)
    path.chmod(0o600)
    window = make_window(qtbot, sandbox.url, dialogs)
    assert [item.uploader.name for item in window.parts.book.items] == ["Elsewhere"]
    assert window.notices.notice_text(Topic.SETTINGS_FILE) is None
    shut(qtbot, window)
