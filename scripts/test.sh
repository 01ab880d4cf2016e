#!/usr/bin/env bash
# The whole test suite on a fresh Debian/Ubuntu machine: set-up (Debian packages, .venv),
# then lint, format check, type check and every test. Extra arguments go to pytest.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh test
export PATH="$root/.venv/bin:$PATH"

echo "== ruff check" >&2
ruff check .
echo "== ruff format --check" >&2
ruff format --check .
echo "== mypy" >&2
mypy
echo "== pytest" >&2
python -m pytest "$@"
