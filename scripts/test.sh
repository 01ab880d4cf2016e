#!/usr/bin/env bash
# The whole test suite on a fresh Debian/Ubuntu machine: set-up (Debian packages, .venv),
# then lint, format check, type check and every test. Extra arguments go to pytest.
# UPLOADER_VENV (and UPLOADER_LOCK) run it in another venv: see scripts/setup.sh.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh test
venv=${UPLOADER_VENV:-$root/.venv}
export PATH="$venv/bin:$PATH"
# What the tests start (packaging/build-bundle.sh) uses this venv's Python too.
export PYTHON="$venv/bin/python"

echo "== ruff check" >&2
ruff check .
echo "== ruff format --check" >&2
ruff format --check .
echo "== mypy" >&2
mypy
echo "== pytest" >&2
python -m pytest "$@"
