"""The settings table and the store it makes (``ui/base/settings_table.py``,
``ui/settings/store.py``): each row is its own accessor, with its key, default and range;
a write that changes what is read says ``changed`` once, with the key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from uploader_gui.core.network.proxy import ProxyMode
from uploader_gui.ui.base.setting_kinds import Applies, Tab
from uploader_gui.ui.base.settings_table import PRIVATE_KEYS, ROWS, SettingsTable
from uploader_gui.ui.settings.store import Settings

#: What an older version wrote and read, key by key: users' files keep working.
DEFAULTS = {
    "uploads/concurrency": 4,
    "uploads/retries": 3,
    "uploads/reuse_duplicates": True,
    "uploads/resume_unfinished": False,
    "notifications/enabled": True,
    "api/url": "",
    "ui/language": "",
    "images/remove_metadata": True,
    "images/convert": True,
    "images/max_side": None,
    "copy/format": "url",
    "copy/auto_copy": True,
    "network/proxy_mode": ProxyMode.SYSTEM,
    "network/proxy_url": "",
    "network/plain_password_ok": frozenset(),
}


def recorded(settings: Settings) -> list[str]:
    keys: list[str] = []
    settings.changed.connect(keys.append)
    return keys


def test_every_setting_is_one_row_with_its_key_and_default(qtbot: QtBot) -> None:
    assert {row.key: row.default for row in ROWS if row.key in DEFAULTS} == DEFAULTS
    assert len({row.name for row in ROWS}) == len({row.key for row in ROWS}) == len(ROWS)
    settings = Settings()
    assert {row.key: getattr(settings, row.name) for row in ROWS if row.key in DEFAULTS} == (
        DEFAULTS
    )
    assert Settings.retries is SettingsTable.retries  # the class attribute is the row
    for row in ROWS:
        if row.tab is not None:
            assert row.label, row  # everything shown has a label


#: What another user must not decide, as it was before the table.
PRIVATE = {
    "images/remove_metadata",
    "images/convert",
    "images/max_side",
    "api/url",
    "destination/current",
    "network/proxy_mode",
    "network/proxy_url",
    "network/plain_password_ok",
    "uploads/resume_unfinished",
    # Whether a server listens in this person's session, where, and with what key.
    "sources/picgo_server",
    "sources/picgo_port",
    "sources/picgo_key",
}


def test_the_private_keys_are_the_ones_another_user_must_not_decide() -> None:
    assert PRIVATE_KEYS == PRIVATE


def test_what_the_file_says_is_read_within_each_row_s_range(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text(
        "[uploads]\nconcurrency=99\nretries=lots\nreuse_duplicates=no\n"
        "[images]\nmax_side=10\nconvert=yes\n"
        "[network]\nproxy_mode=bogus\nplain_password_ok=proxy.corp:3128\n"
        "[copy]\nformat=\n",
        encoding="utf-8",
    )
    settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    assert settings.concurrency == 16
    assert settings.retries == 3
    assert settings.reuse_duplicates is False
    assert settings.max_side is None  # below the smallest: off
    assert settings.convert_formats is True
    assert settings.proxy_mode is ProxyMode.SYSTEM
    assert settings.plain_password_ok == frozenset({"proxy.corp:3128"})
    assert settings.copy_format == "url"


def test_a_write_says_changed_once_and_only_when_the_value_changes(qtbot: QtBot) -> None:
    settings = Settings()
    changed = recorded(settings)
    settings.retries = 5
    settings.retries = 5
    settings.max_side = 1024
    settings.auto_copy = True  # the default: nothing changed
    assert changed == ["uploads/retries", "images/max_side"]
    settings.sync()
    ini = settings.path.read_text(encoding="utf-8")
    assert "retries=5" in ini
    assert "auto_copy=true" in ini  # written all the same (a write repairs an unsafe file)
    assert Settings().max_side == 1024


def test_a_value_a_row_refuses_is_not_stored(qtbot: QtBot) -> None:
    settings = Settings()
    settings.proxy_url = "http://bob@proxy.corp:3128"
    changed = recorded(settings)
    settings.proxy_url = "http://alice:Zq7@Xk9/Vw3@proxy.corp:3128"  # does not parse
    assert settings.proxy_url == "http://bob@proxy.corp:3128"
    settings.proxy_url = "http://carol:secret@proxy.corp:3128"  # the password is dropped
    assert settings.proxy_url == "http://carol@proxy.corp:3128"
    assert changed == ["network/proxy_url"]


def test_the_rows_say_where_and_when_they_apply() -> None:
    images = [row for row in ROWS if row.tab is Tab.IMAGES]
    assert [row.name for row in images] == ["remove_metadata", "convert_formats", "max_side"]
    assert all(row.applies is Applies.NOT_STARTED and row.private for row in images)
    assert SettingsTable.language.applies is Applies.NEXT_START
    assert SettingsTable.plain_password_ok.tab is None  # asked in the window, never shown
