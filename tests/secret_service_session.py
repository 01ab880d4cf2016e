"""Run inside a private D-Bus session with an unlocked gnome-keyring (see the test).

Stores, reads back from fresh processes, replaces and deletes a key through the app's own
Credentials and window, and prints what it saw as JSON for the test to check.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

API_URL = "https://api.imagepipeline.io"
FIRST = "first-secret-key-4f1b2c"
SECOND = "second-secret-key-9a8e7d"

READ_BACK = """
from uploader_gui.core.credentials import Credentials
lookup = Credentials().lookup("https://api.imagepipeline.io")
print(lookup.source.value, lookup.key or "")
"""


def read_back() -> list[str]:
    """The key as a fresh process (a fresh app) finds it."""
    done = subprocess.run(
        [sys.executable, "-c", READ_BACK], capture_output=True, text=True, check=True
    )
    return done.stdout.split()


def main() -> None:
    from uploader_gui.core.credentials import Credentials

    report: dict[str, object] = {}
    creds = Credentials()
    report["backend"] = creds.backend_name()
    report["secure"] = creds.has_secure_backend()
    creds.save(API_URL, FIRST)
    report["after_save"] = read_back()
    creds.save(API_URL, SECOND)
    report["after_replace"] = read_back()

    # The window with that key: its settings file is written, and never holds the key.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from argparse import Namespace

    from PySide6.QtCore import QTimer

    from uploader_gui.ui.app import create_application, create_window
    from uploader_gui.ui.settings.dialog import SettingsValues

    app = create_application()
    window = create_window(Namespace(api_url=None, sandbox=False, files=[]))
    window.show()
    window.keys.load()
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.start(10_000)
    while not window.queue.has_key and deadline.isActive():
        app.processEvents()
    report["window_source"] = window.keys.source.value
    report["window_status"] = window.keys.status().text
    window.parts.preferences.apply(
        SettingsValues(
            api_url=API_URL,
            concurrency=6,
            retries=2,
            auto_copy=False,
        )
    )
    window.close()

    creds.delete(API_URL)
    report["after_delete"] = read_back()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
