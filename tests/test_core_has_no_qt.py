"""The core stays Qt-free: each of its modules imports without loading PySide6 or shiboken6.

Each module is imported alone in a fresh interpreter, so one that pulls Qt in is named,
whatever the others (or this test process) have already loaded.
"""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import uploader_gui.core

REPO = Path(__file__).resolve().parent.parent
QT_PACKAGES = ("PySide6", "shiboken6")

CHECK = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
qt = sorted(name for name in sys.modules if name.split(".")[0] in {packages!r})
print(json.dumps(qt))
"""


def core_modules() -> list[str]:
    package = uploader_gui.core
    found = [
        info.name for info in pkgutil.walk_packages(package.__path__, prefix=f"{package.__name__}.")
    ]
    return [package.__name__, *sorted(found)]


def qt_modules_loaded_by(module: str) -> list[str]:
    """The Qt modules in ``sys.modules`` after importing ``module`` in a new interpreter."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(packages=QT_PACKAGES), module],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, f"importing {module} failed:\n{result.stderr}"
    loaded: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def test_the_core_modules_are_found() -> None:
    modules = core_modules()
    assert "uploader_gui.core.history" in modules
    assert "uploader_gui.core.client" in modules
    assert len(modules) > 10


@pytest.mark.parametrize("module", core_modules())
def test_core_module_imports_without_qt(module: str) -> None:
    assert qt_modules_loaded_by(module) == [], f"{module} imports Qt"
