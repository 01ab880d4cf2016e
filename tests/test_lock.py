"""The locks (requirements/*.txt, written by scripts/lock.sh) match pyproject.toml, and the
suite runs on exactly the locked set."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import NormalizedName, canonicalize_name
from packaging.version import Version

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] != (3, 11), reason="the locks are for CPython 3.11 (what CI runs)"
)

ROOT = Path(__file__).resolve().parents[1]
RUN_LOCK = ROOT / "requirements" / "run.txt"
DEV_LOCK = ROOT / "requirements" / "dev.txt"
PROJECT = canonicalize_name("uploader-gui")
SHA256 = re.compile(r"--hash=sha256:[0-9a-f]{64}")


@dataclass(frozen=True)
class Pin:
    version: Version
    hashes: int


def read_lock(path: Path) -> dict[NormalizedName, Pin]:
    """Each `name==version` entry of a pip-compile lock, with how many sha256 hashes it has."""
    pins: dict[NormalizedName, Pin] = {}
    for line in path.read_text(encoding="utf-8").replace("\\\n", " ").splitlines():
        line = re.sub(r"(^|\s)#.*", "", line).strip()
        if not line:
            continue
        spec, *options = line.split()
        assert not spec.startswith("-"), f"{path.name}: an option, not a pin: {line}"
        match = re.fullmatch(r"([A-Za-z0-9][\w.-]*)==(\S+)", spec)
        assert match, f"{path.name}: not pinned with ==: {spec}"
        name = canonicalize_name(match[1])
        assert name not in pins, f"{path.name}: {name} twice"
        assert all(SHA256.fullmatch(option) for option in options), line
        pins[name] = Pin(Version(match[2]), len(options))
    return pins


def pyproject() -> dict[str, Any]:
    if sys.version_info >= (3, 11):  # always: this module runs on 3.11 only (pytestmark)
        import tomllib

        data: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        return data
    raise AssertionError("the locks are checked on CPython 3.11")


def requirements(strings: list[str]) -> list[Requirement]:
    """The requirements that apply here (CPython 3.11 on Linux, like the locks)."""
    reqs = [Requirement(s) for s in strings]
    return [req for req in reqs if req.marker is None or req.marker.evaluate({"extra": ""})]


def runtime_and_build() -> list[Requirement]:
    data = pyproject()
    return requirements(data["project"]["dependencies"] + data["build-system"]["requires"])


def dev_extra() -> list[Requirement]:
    return requirements(pyproject()["project"]["optional-dependencies"]["dev"])


@pytest.mark.parametrize(
    ("lock", "wanted"),
    [(RUN_LOCK, runtime_and_build), (DEV_LOCK, lambda: runtime_and_build() + dev_extra())],
    ids=["run", "dev"],
)
def test_every_requirement_is_pinned_with_hashes_within_pyproject(
    lock: Path, wanted: Callable[[], list[Requirement]]
) -> None:
    pins = read_lock(lock)
    for req in wanted():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req} is not in {lock.name}: run scripts/lock.sh"
        pin = pins[name]
        assert pin.hashes >= 1, f"{name} has no --hash in {lock.name}"
        assert req.specifier.contains(pin.version, prereleases=True), (
            f"{lock.name} pins {name}=={pin.version}, outside pyproject's {req}: "
            "run scripts/lock.sh"
        )


def test_every_locked_package_has_hashes_and_the_project_is_not_locked() -> None:
    for lock in (RUN_LOCK, DEV_LOCK):
        pins = read_lock(lock)
        assert PROJECT not in pins, f"{lock.name} must not hold the package itself"
        assert all(pin.hashes for pin in pins.values()), lock.name


def test_dev_lock_holds_the_run_lock_with_the_same_pins() -> None:
    run, dev = read_lock(RUN_LOCK), read_lock(DEV_LOCK)
    assert run.keys() <= dev.keys(), f"only in run.txt: {sorted(run.keys() - dev.keys())}"
    differ = {
        name: (str(pin.version), str(dev[name].version))
        for name, pin in run.items()
        if pin.version != dev[name].version
    }
    assert not differ, f"run.txt and dev.txt disagree (run, dev): {differ}"


def test_the_suite_runs_on_the_locked_versions() -> None:
    # scripts/try-newest.sh runs the suite on a scratch lock: that one is installed then.
    lock = Path(os.environ.get("UPLOADER_LOCK") or DEV_LOCK)
    if not lock.is_absolute():
        lock = ROOT / lock
    wrong: dict[str, tuple[str, str]] = {}
    for name, pin in read_lock(lock).items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        if installed == "not installed" or Version(installed) != pin.version:
            wrong[name] = (str(pin.version), installed)
    assert not wrong, (
        f"installed versions differ from {lock} (locked, installed): {wrong}; "
        "run scripts/setup.sh test"
    )
