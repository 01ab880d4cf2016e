#!/usr/bin/env bash
# Writes the locks scripts/setup.sh installs: every package pyproject.toml needs, pinned with
# the sha256 of each of its files, for CPython 3.11 on Linux x86_64 (what CI runs):
#   requirements/dev.txt   `scripts/setup.sh test`: the dependencies, the dev extra, setuptools
#   requirements/run.txt   `scripts/setup.sh run`: the same pins without the dev extra
# The package itself is not in them (setup.sh installs it editable, with --no-deps).
# Without options a lock keeps its pins and only follows pyproject.toml (run this after
# changing its dependencies); to move forward, see what scripts/try-newest.sh says, then:
#   scripts/lock.sh --upgrade               the newest versions pyproject.toml allows
#   scripts/lock.sh -P NAME [-P NAME ...]   only these packages
#   scripts/lock.sh --output-dir DIR ...    write DIR/dev.txt and DIR/run.txt instead
#   scripts/lock.sh --tools [--upgrade]     requirements/tools.txt (pip-tools itself) instead
# pip-compile runs from requirements/tools.txt in a scratch venv (--tools-venv DIR keeps it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

usage() {
    sed -n '2,/^set -e/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
    exit 64
}
upgrade=()
out=requirements
tools_only=false
tools=""
while [ $# -gt 0 ]; do
    case "$1" in
        -U | --upgrade) upgrade+=(--upgrade) ;;
        -P | --upgrade-package) [ $# -ge 2 ] || usage; upgrade+=(--upgrade-package "$2"); shift ;;
        --output-dir) [ $# -ge 2 ] || usage; out=$2; shift ;;
        --tools-venv) [ $# -ge 2 ] || usage; tools=$2; shift ;;
        --tools) tools_only=true ;;
        *) usage ;;
    esac
    shift
done

python=${PYTHON:-python3.11}
if ! "$python" -c 'import platform, sys
sys.exit(not (sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11)
              and sys.platform == "linux" and platform.machine() == "x86_64"))'; then
    echo "lock: the locks are for CPython 3.11 on Linux x86_64; set PYTHON to one" >&2
    exit 1
fi

if [ -z "$tools" ]; then
    scratch=$(mktemp -d -t uploader-lock.XXXXXX)
    trap 'rm -rf "$scratch"' EXIT
    tools="$scratch/tools"
fi
if [ ! -x "$tools/bin/pip-compile" ]; then
    "$python" -m venv "$tools"
    "$tools/bin/python" -m pip install -q --disable-pip-version-check --require-hashes \
        --no-deps -r requirements/tools.txt
fi

compile=(
    "$tools/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --strip-extras
    --no-emit-index-url --no-emit-find-links "${upgrade[@]}"
)
# The header of each lock names this script as the way to regenerate it.
export CUSTOM_COMPILE_COMMAND="scripts/lock.sh"

if $tools_only; then
    CUSTOM_COMPILE_COMMAND="scripts/lock.sh --tools" "${compile[@]}" \
        --output-file requirements/tools.txt requirements/tools.in
    exit 0
fi

mkdir -p "$out"
# dev.txt first: the tests run on it, and run.txt is then held to the same pins (-c), so
# `setup.sh run` installs nothing the tests did not pass with. --build-deps-for editable adds
# pyproject's [build-system] requirements: setup.sh builds the editable install with them.
"${compile[@]}" --extra dev --build-deps-for editable \
    --output-file "$out/dev.txt" pyproject.toml
"${compile[@]}" --build-deps-for editable --constraint "$out/dev.txt" \
    --output-file "$out/run.txt" pyproject.toml
echo "lock: wrote $out/dev.txt and $out/run.txt" >&2
