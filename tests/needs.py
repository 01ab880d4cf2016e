"""What a test needs from the machine: skipped where it is missing, but never in CI.

On a developer's machine a test that needs root, a tool or a kernel feature that is not there
is skipped with the reason. CI runs every test (as root, with ``scripts/setup.sh test``'s
packages): there a missing need is a broken set-up, and a skip would hide the test for good,
so it fails instead. CI is recognised by the ``CI`` variable that CI services set.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(reason: str) -> NoReturn:
    """Skip the calling test for ``reason``; in CI, fail it."""
    if in_ci():
        pytest.fail(f"{reason} (CI={os.environ['CI']!r}: CI must run this test)", pytrace=False)
    pytest.skip(reason)


def need_root(why: str) -> None:
    if os.geteuid() != 0:
        missing(f"{why} needs root (CI runs as root)")


#: Marks a test that needs root (e.g. ``chattr``): see the ``running_as_root`` fixture.
needs_root = pytest.mark.usefixtures("running_as_root")
