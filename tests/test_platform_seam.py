"""The platform seam (``uploader_gui/platform``): only its chooser asks which system this is,
only the seam talks to C libraries, its Qt-free half loads no Qt, and here (Linux) the
chooser picks the Linux implementations."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from uploader_gui.platform import chooser

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "uploader_gui"
SEAM = PACKAGE / "platform"
CHOOSER = SEAM / "chooser.py"

#: ``module.attribute`` reads that ask which system this is: in the chooser only.
QUESTIONS = {("sys", "platform"), ("sys", "getwindowsversion"), ("os", "name"), ("os", "uname")}
#: A module that says which system this is: in the chooser only.
QUESTION_MODULES = {"platform"}
#: Modules that reach into the system's C libraries and services: in the seam only.
SYSTEM_MODULES = {"ctypes", "winreg", "msvcrt", "_winapi"}


def findings(path: Path) -> Iterator[tuple[str, str]]:
    """``("question" | "system", where)`` for each place in ``path`` that asks which system
    this is, or imports a module that reaches into it."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        modules: list[str] = []
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if (node.value.id, node.attr) in QUESTIONS:
                yield "question", f"{node.lineno}: {node.value.id}.{node.attr}"
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            modules = [node.module]
            if any((node.module, alias.name) in QUESTIONS for alias in node.names):
                yield "question", f"{node.lineno}: from {node.module} import …"
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        for module in modules:
            top = module.split(".")[0]
            if top in QUESTION_MODULES:
                yield "question", f"{line}: {module}"
            elif top in SYSTEM_MODULES:
                yield "system", f"{line}: {module}"


def test_only_the_chooser_asks_which_system_this_is() -> None:
    """``sys.platform``, ``os.name``, the ``platform`` module: in the chooser only; ``ctypes``
    and the like: in the seam only (an implementation's C library)."""
    wrong = [
        f"{path.relative_to(ROOT)}:{where}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for kind, where in findings(path)
        if path != CHOOSER and (kind == "question" or not path.is_relative_to(SEAM))
    ]
    assert wrong == []


def test_the_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os, sys, ctypes\nimport platform\nfrom sys import platform as p\n"
        "if sys.platform == 'win32' or os.name == 'nt': pass\n"
        '"""sys.platform in a docstring is no question"""\n'
    )
    kinds = [kind for kind, _where in findings(sample)]
    assert sorted(kinds) == ["question"] * 4 + ["system"]
    assert [kind for kind, _where in findings(CHOOSER)].count("question") >= 3


QT_FREE = """
import json, sys
from uploader_gui.platform import chooser
chooser.locations().cache_dir()
chooser.proxy_source()
chooser.memory().return_freed_memory()
chooser.menu_entry()
chooser.instance_channel().socket_name("x")
chooser.activation().launch_token()
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))))
"""


def test_what_the_core_asks_for_loads_no_qt() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", QT_FREE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == []


def test_here_the_chooser_picks_the_linux_implementations() -> None:
    from uploader_gui.platform.linux import (
        desktop_entry,
        glibc_memory,
        gnome_proxy,
        private_socket,
        signals,
        xdg_activation,
        xdg_locations,
    )

    assert sys.platform.startswith("linux")
    assert (chooser.FREEDESKTOP, chooser.WINDOWS, chooser.POSIX) == (True, False, True)
    assert isinstance(chooser.locations(), xdg_locations.XdgLocations)
    assert isinstance(chooser.proxy_source(), gnome_proxy.GnomeProxy)
    assert isinstance(chooser.memory(), glibc_memory.GlibcMalloc)
    assert isinstance(chooser.menu_entry(), desktop_entry.DesktopEntry)
    assert isinstance(chooser.instance_channel(), private_socket.PrivateSocketChannel)
    assert isinstance(chooser.activation(), xdg_activation.XdgActivation)
    assert isinstance(chooser.quit_requests(), signals.Signals)
