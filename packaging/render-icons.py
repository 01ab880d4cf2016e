"""Render the app icon (resources/io.imagepipeline.UploaderGui.svg) into a hicolor tree.

    python packaging/render-icons.py OUT_DIR [--size N ...]

writes OUT_DIR/hicolor/<N>x<N>/apps/io.imagepipeline.UploaderGui.png for 16-512 px and
OUT_DIR/hicolor/scalable/apps/io.imagepipeline.UploaderGui.svg, i.e. what goes to
/usr/share/icons (system packages) or share/icons in the bundle. It is the same code that
`uploader-gui --install-desktop-entry` runs for one user, so the PNGs are never committed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from uploader_gui.desktop.icons import ensure_gui_application
from uploader_gui.desktop.install import SHIPPED
from uploader_gui.platform.linux.desktop_entry import HICOLOR_SIZES, write_hicolor


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the app icon into a hicolor tree.")
    parser.add_argument("out", type=Path, help="the folder that gets hicolor/ (e.g. share/icons)")
    parser.add_argument(
        "--size",
        type=int,
        action="append",
        dest="sizes",
        metavar="N",
        help=f"a size in px (repeatable; default {' '.join(map(str, HICOLOR_SIZES))})",
    )
    args = parser.parse_args(argv)
    ensure_gui_application()
    for path in write_hicolor(args.out / "hicolor", SHIPPED, args.sizes or HICOLOR_SIZES):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
