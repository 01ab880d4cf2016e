"""Show the real window mid-batch (for the README screenshot and for looking at the UI).

Run under a display (e.g. Xvfb) with the venv's Python:

    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshot.py OUT.png

It starts the in-process sandbox slowed down, queues a folder of generated photos plus one
non-image, and saves the window once some uploads are done, some running and one failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

from uploader_gui.ui.app import create_application, create_window
from uploader_gui.ui.uploads.model import State

NAMES = [
    "denim-jacket.jpg",
    "model-front.jpg",
    "model-side.png",
    "sneakers-white.webp",
    "summer-dress.jpg",
    "studio-portrait.png",
    "product-flatlay.jpg",
    "banner-wide.png",
]


def make_photos(folder: Path) -> list[Path]:
    paths = []
    for index, name in enumerate(NAMES):
        width, height = (1500, 1000) if index % 3 else (900, 1300)
        # Film grain under the picture makes the files big enough to watch them upload.
        grain = QImage(os.urandom(width * height * 4), width, height, QImage.Format.Format_RGB32)
        image = grain.copy()
        painter = QPainter(image)
        painter.setOpacity(0.9)
        gradient = QLinearGradient(0, 0, width, height)
        gradient.setColorAt(0, QColor.fromHsv((index * 47) % 360, 120, 235))
        gradient.setColorAt(1, QColor.fromHsv((index * 47 + 140) % 360, 190, 110))
        painter.fillRect(image.rect(), gradient)
        painter.setBrush(QColor(255, 255, 255, 110))
        painter.drawEllipse(width // 4, height // 4, width // 2, height // 2)
        painter.end()
        path = folder / name
        image.save(str(path))
        paths.append(path)
    notes = folder / "shot-list.txt"
    notes.write_text("front, side, detail\n")
    paths.insert(5, notes)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--language", default="en", help="en, de or zh_CN")
    args = parser.parse_args()
    # A fresh, private home for settings, history and caches: the shot never shows (or
    # leaves behind) anything from the user's own uploads, e.g. a previous shot's leftovers.
    home = Path(tempfile.mkdtemp(prefix="uploader-shot-home-"))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(home / name.lower())
    app = create_application()
    from uploader_gui.ui.base.language import install

    install(args.language)
    window = create_window(argparse.Namespace(api_url=None, sandbox=True, files=[]))
    sandbox = window.parts.sandbox.server
    assert sandbox is not None
    sandbox.faults.throttle_bps = 2_000_000
    window.queue.set_concurrency(3)
    window.resize(820, 600)
    window.show()
    folder = Path(tempfile.mkdtemp(prefix="uploader-shot-"))
    window.intake.add_paths(make_photos(folder))

    def ready() -> bool:
        states = [item.state for item in window.model.items()]
        return (
            states.count(State.DONE) >= 3
            and State.FAILED in states
            and any(
                item.state is State.UPLOADING and 0.2 < item.fraction < 0.9
                for item in window.model.items()
            )
        )

    def poll() -> None:
        if ready():
            QTimer.singleShot(150, shoot)
        else:
            QTimer.singleShot(30, poll)

    def shoot() -> None:
        # The window as the screen shows it (Qt renders it again, decorations aside).
        if not window.grab().save(args.output):
            raise SystemExit(f"could not write {args.output}")
        window.quit_without_asking()

    QTimer.singleShot(100, poll)
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
