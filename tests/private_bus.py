"""A private D-Bus session bus for tests: its own ``dbus-daemon``, never the person's bus.

A context manager that gives the bus's address (skipped where ``dbus-daemon`` is missing,
failed in CI); the fake notification server and screenshot portal live on one.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

from tests.needs import missing


@contextmanager
def private_session_bus() -> Iterator[str]:
    """A new session bus; its address while the ``with`` lasts."""
    program = shutil.which("dbus-daemon")
    if program is None:
        missing("dbus-daemon missing: apt-get install dbus")
    daemon = subprocess.Popen(
        [program, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        assert address, "dbus-daemon gave no address"
        yield address
    finally:
        daemon.terminate()
        daemon.wait(10)
        if daemon.stdout is not None:
            daemon.stdout.close()
