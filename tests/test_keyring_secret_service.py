"""The key in a real Secret Service (gnome-keyring over a private D-Bus session).

scripts/test.sh installs gnome-keyring and dbus, so this runs in CI; it is never skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.secret_service_session import FIRST, SECOND

SESSION = Path(__file__).with_name("secret_service_session.py")


def test_store_read_back_replace_delete_and_no_key_in_any_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DBUS_", "XDG_", "IMAGEPIPELINE_", "PYTHON_KEYRING"))
    }
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(runtime),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(Path(__file__).resolve().parent.parent),
    )
    script = (
        "echo -n test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null"
        f' && exec "{sys.executable}" "{SESSION}"'
    )
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])

    assert report["secure"] is True
    assert report["backend"] == "GNOME Keyring (Secret Service)"
    assert report["after_save"] == ["keyring", FIRST]
    assert report["after_replace"] == ["keyring", SECOND]
    assert report["window_source"] == "keyring"
    assert "stored in GNOME Keyring (Secret Service)" in str(report["window_status"])
    assert report["after_delete"] == ["none"]

    # Settings were written, and no file anywhere under the home folder (config, data,
    # cache, the keyring's own encrypted files) holds either key in plain text.
    settings = home / ".config" / "uploader-gui" / "settings.ini"
    assert "concurrency=6" in settings.read_text()
    files = [path for path in home.rglob("*") if path.is_file()]
    assert any(path.parent.name == "keyrings" for path in files)  # gnome-keyring's store
    for path in files:
        data = path.read_bytes()
        for secret in (FIRST, SECOND):
            assert secret.encode() not in data, path
    # Nothing the app logged or warned about names a key.
    assert FIRST not in done.stderr
    assert SECOND not in done.stderr
