#!/usr/bin/env bash
# Prepares everything uploader-gui needs on Debian/Ubuntu, idempotently:
#   1. the Debian packages Qt needs (and, for "test", what the tests drive: Xvfb, a Secret
#      Service keyring, desktop-file tools), installed when run as root, else the exact
#      apt-get line is printed and the script stops;
#   2. a virtual environment in .venv with exactly the locked versions of the dependencies
#      (requirements/run.txt, or for "test" requirements/dev.txt with the dev extras; see
#      scripts/lock.sh), then the package itself, editable.
# Usage: scripts/setup.sh run|test
# UPLOADER_VENV=DIR uses that venv instead of .venv; UPLOADER_LOCK=FILE installs that lock
# instead of requirements/*.txt (scripts/try-newest.sh tries the newest versions so).
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
# reader of image metadata for the metadata-removal tests), heif-convert (the reference
# converter of benchmarks/bench_prepare.py), real HTTP and SOCKS5 proxies and openssl (a
# private CA) and GNOME's proxy schema for the company-network tests, weston (a headless
# Wayland compositor), and the locale sources (the --json tests run under en_US.UTF-8).
apt_test=(
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
    desktop-file-utils appstream libglib2.0-bin gtk-update-icon-cache binutils
    libimage-exiftool-perl libheif-examples
    tinyproxy microsocks openssl weston gsettings-desktop-schemas locales
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

# A real UTF-8 locale besides C.UTF-8, for the tests of output in every locale.
if [ "$purpose" = test ] && command -v localedef >/dev/null 2>&1 \
    && ! locale -a 2>/dev/null | grep -qix 'en_US\.utf-\?8'; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "setup: generating the en_US.UTF-8 locale" >&2
        localedef -i en_US -c -f UTF-8 en_US.UTF-8
    else
        echo "setup: the en_US.UTF-8 locale is missing (sudo localedef -i en_US -f UTF-8" \
            "en_US.UTF-8); the tests that need it are skipped" >&2
    fi
fi

venv=${UPLOADER_VENV:-$root/.venv}
if [ ! -x "$venv/bin/python" ]; then
    echo "setup: creating $venv" >&2
    "$python" -m venv "$venv"
fi

# The installed distributions that none of the given locks names (nor pip, nor the package).
list_strays() {
    "$venv/bin/python" - "$@" <<'PY'
import re
import sys
from importlib.metadata import distributions


def norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


keep = {"pip", "uploader-gui"}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as lock:
        keep.update(norm(m[1]) for m in re.finditer(r"(?m)^([A-Za-z0-9][\w.-]*)==", lock.read()))
names = {dist.metadata["Name"] or "" for dist in distributions()}
print(" ".join(sorted(name for name in names if name and norm(name) not in keep)))
PY
}

# The versions the tests passed with, each file checked against its sha256, and nothing else:
# --no-deps because the lock holds every dependency (pip check proves it), with the venv's own
# pip (not upgraded: with every file pinned by its hash, which pip installs them changes
# nothing, and an upgrade would fetch whatever pip is newest that day). The package is built
# by the locked setuptools (no build isolation: nothing unlocked is downloaded). Runs again
# whenever the lock or pyproject.toml changes.
lock=requirements/run.txt
[ "$purpose" = test ] && lock=requirements/dev.txt
lock=${UPLOADER_LOCK:-$lock}
stamp="$venv/.installed-$purpose"
want=$(cat "$lock" pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: installing $lock and uploader-gui into $venv" >&2
    pip=("$venv/bin/python" -m pip --disable-pip-version-check)
    "${pip[@]}" install -q --require-hashes --no-deps -r "$lock"
    "${pip[@]}" install -q --no-deps --no-build-isolation -e .
    # What no lock names goes (left by an older lock, or installed by hand: a pytest plugin
    # would load in every test run); "run" keeps what dev.txt adds.
    strays=$(list_strays "$lock" requirements/run.txt requirements/dev.txt)
    if [ -n "$strays" ]; then
        echo "setup: removing what no lock names: $strays" >&2
        # shellcheck disable=SC2086
        "${pip[@]}" uninstall -q -y $strays
    fi
    "${pip[@]}" check >/dev/null || { "${pip[@]}" check >&2; exit 1; }
    echo "$want" >"$stamp"
fi
# The translations (.qm) from their sources in translations/ (fast; never committed).
"$venv/bin/python" "$root/scripts/i18n.py" build
# Byte-compile the package (quietly, only what changed): an editable install is not
# compiled by pip, and with PYTHONDONTWRITEBYTECODE set every start would compile it again.
"$venv/bin/python" -m compileall -q "$root/uploader_gui" >/dev/null || true
