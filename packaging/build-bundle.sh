#!/usr/bin/env bash
# Builds the one-folder bundle with PyInstaller, offline:
#   DIST/uploader-gui/uploader-gui          the program (runs with no Python installed)
#   DIST/uploader-gui/_internal/            Python, Qt and the app's files
#   DIST/uploader-gui/share/                desktop entry, AppStream metainfo, the .sxcu file
#                                           type (shared-mime-info), hicolor icons
#                                           (for whoever packages the folder system-wide)
# Usage: packaging/build-bundle.sh [DIST [WORK]]   (default: dist/ and build/bundle/)
# Needs the dev extras (scripts/setup.sh test installs PyInstaller). Users of the bundle can
# run `uploader-gui --install-desktop-entry` from it to get a menu entry pointing at it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dist=$(realpath -m "${1:-$root/dist}")
work=$(realpath -m "${2:-$root/build/bundle}")
python=${PYTHON:-$root/.venv/bin/python}
app_id=io.imagepipeline.UploaderGui

"$python" "$root/scripts/i18n.py" build  # the .qm files the spec bundles
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work" "$root/packaging/uploader-gui.spec"

share="$dist/uploader-gui/share"
install -D -m 644 "$root/packaging/$app_id.desktop" "$share/applications/$app_id.desktop"
install -D -m 644 "$root/packaging/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
install -D -m 644 "$root/packaging/$app_id.mime.xml" "$share/mime/packages/$app_id.mime.xml"
QT_QPA_PLATFORM=offscreen "$python" "$root/packaging/render-icons.py" "$share/icons" >/dev/null

echo "built $dist/uploader-gui/uploader-gui ($(du -sh "$dist/uploader-gui" | cut -f1))"
