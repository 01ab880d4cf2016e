#!/usr/bin/env bash
# Prepares everything uploader-gui needs on Debian/Ubuntu, idempotently:
#   1. the Debian packages Qt needs (and, for "test", what the tests drive: Xvfb, a Secret
#      Service keyring, desktop-file tools), installed when run as root, else the exact
#      apt-get line is printed and the script stops;
#   2. a virtual environment in .venv with the package (and, for "test", its dev extras).
# Usage: scripts/setup.sh run|test
set -euo pipefail

purpose=${1:-run}
case "$purpose" in run|test) ;; *) echo "usage: $0 run|test" >&2; exit 64 ;; esac
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# Qt's xcb and offscreen platforms, fonts, D-Bus (keyring), and a CJK font for file names.
apt_run=(
    libegl1 libgl1 libfontconfig1 libxkbcommon0 "libglib2.0-0|libglib2.0-0t64" libx11-6
    libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libdbus-1-3
    fonts-dejavu-core fonts-wqy-microhei
)
# What the tests use: a virtual screen, a real Secret Service, desktop-entry tools,
# binutils (objdump, objcopy) for PyInstaller's bundle build, exiftool (an independent
# reader of image metadata for the metadata-removal tests) and heif-convert (the reference
# converter of benchmarks/bench_prepare.py).
apt_test=(
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
    desktop-file-utils appstream libglib2.0-bin gtk-update-icon-cache binutils
    libimage-exiftool-perl libheif-examples
)

python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null 2>&1; then
    apt_run+=(python3)
    python=python3
elif ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    apt_run+=(python3-venv)
fi

wanted=("${apt_run[@]}")
[ "$purpose" = test ] && wanted+=("${apt_test[@]}")

is_installed() {
    local alt
    IFS='|' read -r -a alts <<<"$1"
    for alt in "${alts[@]}"; do
        if [ "$(dpkg-query -W -f='${db:Status-Status}' "$alt" 2>/dev/null)" = installed ]; then
            return 0
        fi
    done
    return 1
}

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for pkg in "${wanted[@]}"; do
        is_installed "$pkg" || missing+=("${pkg%%|*}")
    done
else
    echo "setup: not a Debian/Ubuntu system; make sure Qt's system libraries are present." >&2
fi

if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "setup: installing Debian packages: ${missing[*]}" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "setup: these Debian packages are missing. Install them, then run this again:" >&2
        echo "    sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
fi

venv="$root/.venv"
if [ ! -x "$venv/bin/python" ]; then
    echo "setup: creating $venv" >&2
    "$python" -m venv "$venv"
fi

extras=""
[ "$purpose" = test ] && extras="[dev]"
stamp="$venv/.installed-$purpose"
want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: installing uploader-gui$extras into $venv" >&2
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "$venv/bin/python" -m pip install -q --disable-pip-version-check -e ".$extras"
    echo "$want" >"$stamp"
fi
# Byte-compile the package (quietly, only what changed): an editable install is not
# compiled by pip, and with PYTHONDONTWRITEBYTECODE set every start would compile it again.
"$venv/bin/python" -m compileall -q "$root/uploader_gui" >/dev/null || true
