"""The test suite's own layers: tests/ui builds on tests/, tests/gui on both, never upwards.

Shared helpers live in the lowest layer that uses them (``tests/`` for the Qt-free ones,
``tests/ui/helpers.py`` for the scripted dialogs), so that each part's tests run, and can be
read, without the window's.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

TESTS = Path(__file__).resolve().parent
#: The layers from the bottom; a file may import its own layer and those below.
LAYERS = ("tests", "tests.ui", "tests.gui")


def layer_of(module: str) -> int | None:
    found = None
    for level, name in enumerate(LAYERS):
        if module == name or module.startswith(name + "."):
            found = level
    return found


def suite_imports(path: Path) -> Iterator[str]:
    """Every ``tests.*`` module ``path`` imports, wherever in the file it does."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        elif isinstance(node, ast.ImportFrom):
            raise AssertionError(f"{path}: a relative import (the suite imports absolutely)")
        else:
            continue
        yield from (name for name in names if layer_of(name) is not None)


def files_of(level: int) -> list[Path]:
    folder = TESTS.joinpath(*LAYERS[level].split(".")[1:])
    return sorted(folder.glob("*.py"))


def test_no_layer_of_the_suite_imports_one_above_it() -> None:
    wrong = []
    for level in range(len(LAYERS)):
        for path in files_of(level):
            for module in suite_imports(path):
                above = layer_of(module)
                if above is not None and above > level:
                    wrong.append(f"{path.relative_to(TESTS.parent)} imports {module}")
    assert wrong == []


def test_the_walk_sees_the_imports() -> None:
    """Known edges are found: the check above is not empty by mistake."""
    gui = set(suite_imports(TESTS / "gui" / "conftest.py"))
    assert "tests.ui.helpers" in gui
    assert "tests.images" in set(suite_imports(TESTS / "ui" / "test_keys.py"))
    assert all(files_of(level) for level in range(len(LAYERS)))
