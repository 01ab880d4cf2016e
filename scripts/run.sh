#!/usr/bin/env bash
# Set up (Debian packages, .venv) if needed, then start uploader-gui. Arguments go to the app,
# e.g. `scripts/run.sh --sandbox` to try it against a local test server with no account.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/setup.sh" run
exec "${UPLOADER_VENV:-$root/.venv}/bin/uploader-gui" "$@"
