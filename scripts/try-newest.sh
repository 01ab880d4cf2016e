#!/usr/bin/env bash
# Tries the newest versions pyproject.toml allows, so the lock moves forward on purpose:
#   1. resolves them into a scratch lock (scripts/lock.sh --upgrade, in a temporary folder;
#      requirements/ is left alone);
#   2. installs that lock into a scratch venv and runs the whole suite there (scripts/test.sh:
#      ruff, mypy, pytest, with the newest ruff and mypy too); extra arguments go to pytest;
#   3. reports, for each requirement of pyproject.toml: the locked version, the newest one
#      allowed, the newest one released, and what holds it back. A release beyond an upper
#      bound is reported as blocked, with the reason in the comment above its line in
#      pyproject.toml.
# Exits non-zero if the suite fails on the newest versions (or they cannot be resolved).
# If it passes: scripts/lock.sh --upgrade (or -P NAME), scripts/test.sh, commit requirements/.
# Usage: scripts/try-newest.sh [--report-only] [--keep] [PYTEST_ARGS...]
#   --report-only   resolve and report only (no venv, no suite: a minute instead of many)
#   --keep          keep the temporary folder (lock, venv) and print where it is
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

report_only=false
keep=false
while [ $# -gt 0 ]; do
    case "$1" in
        --report-only) report_only=true ;;
        --keep) keep=true ;;
        -h | --help)
            sed -n '2,/^set -e/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
            exit 0
            ;;
        *) break ;;
    esac
    shift
done

scratch=$(mktemp -d -t uploader-newest.XXXXXX)
if $keep; then
    trap 'echo "try-newest: kept $scratch" >&2' EXIT
else
    trap 'rm -rf "$scratch"' EXIT
fi

echo "try-newest: resolving the newest versions pyproject.toml allows" >&2
if ! bash scripts/lock.sh --upgrade --output-dir "$scratch/lock" --tools-venv "$scratch/tools" \
    >"$scratch/lock.log" 2>&1; then
    cat "$scratch/lock.log" >&2
    echo "try-newest: the newest versions could not be resolved (above)" >&2
    exit 1
fi

suite="not run (--report-only)"
status=0
if ! $report_only; then
    echo "try-newest: running the whole suite on them in $scratch/venv" >&2
    if UPLOADER_VENV="$scratch/venv" UPLOADER_LOCK="$scratch/lock/dev.txt" \
        MYPY_CACHE_DIR="$scratch/mypy-cache" bash scripts/test.sh "$@"; then
        suite="passed on the newest allowed versions"
    else
        status=$?
        suite="FAILED on the newest allowed versions (exit $status): keep the lock"
    fi
fi

# The report: pyproject.toml's requirements, the committed and the scratch locks, and the
# newest release of each requirement on the index (pip index versions: what installs here).
report() {
    "$scratch/tools/bin/python" - "$scratch/lock/dev.txt" "$suite" <<'PY'
import re
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

newest_lock, suite = Path(sys.argv[1]), sys.argv[2]
text = Path("pyproject.toml").read_text(encoding="utf-8")
data = tomllib.loads(text)


def pins(path):
    body = path.read_text(encoding="utf-8")
    found = re.finditer(r"(?m)^([A-Za-z0-9][\w.-]*)==(\S+)", body)
    return {canonicalize_name(m[1]): Version(m[2]) for m in found}


def reasons():
    """Each requirement string's comment: the comment lines right above it, or after it."""
    found, comment = {}, []
    for line in text.splitlines():
        stripped = line.strip()
        item = re.fullmatch(r'"([^"]+)",?\s*(?:#\s*(.*))?', stripped)
        if stripped.startswith("#"):
            comment.append(stripped.lstrip("#").strip())
            continue
        if item:
            found[item[1]] = " ".join([*comment, item[2] or ""]).strip()
        comment = []
    return found


def newest_released(name):
    out = subprocess.run(
        [sys.executable, "-m", "pip", "index", "versions", "--disable-pip-version-check", name],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    match = re.search(r"\(([^)]+)\)", out)
    try:
        return Version(match[1]) if match else None
    except InvalidVersion:
        return None


requirements = {}
for group, strings in (
    ("run", data["project"]["dependencies"]),
    ("dev", data["project"].get("optional-dependencies", {}).get("dev", [])),
    ("build", data["build-system"]["requires"]),
):
    for string in strings:
        req = Requirement(string)
        requirements.setdefault(canonicalize_name(req.name), (req, string, group))

locked = pins(Path("requirements/dev.txt"))
allowed = pins(newest_lock)
with ThreadPoolExecutor(4) as pool:
    released = dict(zip(requirements, pool.map(newest_released, requirements), strict=True))
why = reasons()

rows, blocked, caps_idle = [], [], []
for name, (req, string, group) in requirements.items():
    have, can, out = locked.get(name), allowed.get(name), released[name]
    caps = ",".join(str(s) for s in req.specifier if s.operator in ("<", "<=", "==", "~=", "==="))
    if out is not None and not req.specifier.contains(out, prereleases=True):
        status = f"blocked ({caps})"
        reason = why.get(string) or "no reason given: add a comment above its line"
        blocked.append(f"{req.name} {out} is still blocked ({caps}): {reason}")
    elif have is None:
        status = "not locked: run scripts/lock.sh"
    elif can is not None and can > have:
        status = "can move"
    elif out is not None and can is not None and out > can:
        status = "held back by a dependency"
    else:
        status = "newest"
    if caps and not status.startswith("blocked"):
        caps_idle.append(f"{req.name}{caps}")
    rows.append((f"{req.name} ({group})", have, can, out or "?", status))

head = ("package", "locked", "newest allowed", "newest released", "status")
table = [head, *[tuple(str(c) if c is not None else "-" for c in row) for row in rows]]
widths = [max(len(row[i]) for row in table) for i in range(len(head))]
print()
for i, row in enumerate(table):
    print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    if i == 0:
        print("  ".join("-" * w for w in widths))
print()
for line in blocked:
    print(line)
if caps_idle:
    print("Upper bounds that hold nothing back today: " + ", ".join(caps_idle))
moved = [
    f"{name} {locked.get(name, '-')} -> {allowed.get(name, '-')}"
    for name in sorted(locked.keys() | allowed.keys())
    if name not in requirements and locked.get(name) != allowed.get(name)
]
print("Dependencies that would move too: " + (", ".join(moved) if moved else "none"))
print(f"Suite: {suite}")
if suite.startswith("passed"):
    print("To take them: scripts/lock.sh --upgrade (or -P NAME), then scripts/test.sh.")
PY
}
report
exit "$status"
