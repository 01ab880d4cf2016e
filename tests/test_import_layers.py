"""The package's modules import each other in layers, with no cycle.

Every import counts: at the top of a module, inside a function (loaded when first used), and
behind ``if TYPE_CHECKING:`` (a cycle hidden there is a cycle of ideas all the same). The
Qt-free core imports nothing of the Qt layer, the desktop integration or the command line,
and neither does the platform seam (``uploader_gui/platform``), which the core uses; only the
seam's chooser imports a system's implementation; within the Qt layer, ``ui/base`` imports no
feature package.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "uploader_gui"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imports_of(name: str) -> Iterator[str]:
    """Every module of the package ``name`` imports, however and wherever it does."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join(parts + ([base] if base else []))
            # "from package import module" imports the module (the package is loaded
            # already); "from module import name" the module.
            named = [f"{base}.{alias.name}" for alias in node.names]
            modules = [target for target in named if target in MODULES]
            targets = modules if len(modules) == len(named) else [*modules, base]
        else:
            continue
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target


GRAPH = {name: set(imports_of(name)) for name in MODULES}


def cycles() -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(GRAPH[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return found


def is_package_face(name: str) -> bool:
    """A package's ``__init__`` may gather its own modules (``from .server import …``)."""
    return MODULES[name].name == "__init__.py"


def test_no_module_imports_itself_through_others() -> None:
    found = [
        group
        for group in cycles()
        # A package's face importing its own module, which imports the face for the name
        # of the package only, is one idea: still, none exists today.
        if not all(is_package_face(member) or member.startswith(group[0]) for member in group)
    ]
    assert cycles() == [], found


ABOVE_THE_CORE = (
    "uploader_gui.ui",
    "uploader_gui.desktop",
    "uploader_gui.cli",
    "uploader_gui.headless",
)


def test_the_core_imports_nothing_above_it() -> None:
    leaks = sorted(
        f"{name} -> {target}"
        for name, targets in GRAPH.items()
        if name.startswith("uploader_gui.core")
        for target in targets
        if target.startswith(ABOVE_THE_CORE)
    )
    assert leaks == []


def test_the_platform_seam_imports_nothing_above_the_core() -> None:
    """The core asks the seam; the Qt layer and the desktop integration hand it what it
    needs (a worker pool, an icon renderer, Qt's platform name) instead of being imported."""
    leaks = sorted(
        f"{name} -> {target}"
        for name, targets in GRAPH.items()
        if name.startswith("uploader_gui.platform")
        for target in targets
        if target.startswith(ABOVE_THE_CORE)
    )
    assert leaks == []


#: Each system's implementations of the platform interfaces (a port adds its folder here).
IMPLEMENTATIONS = ("uploader_gui.platform.linux", "uploader_gui.platform.fallback")
CHOOSER = "uploader_gui.platform.chooser"


def system_of(name: str) -> str | None:
    """The implementation folder ``name`` is in (``uploader_gui.platform.linux``), if any."""
    return next((folder for folder in IMPLEMENTATIONS if name.startswith(folder)), None)


def test_only_the_chooser_imports_a_platform_implementation() -> None:
    """One place picks the implementation; an implementation may use its own system's."""
    leaks = sorted(
        f"{name} -> {target}"
        for name, targets in GRAPH.items()
        if name != CHOOSER
        for target in targets
        if system_of(target) is not None and system_of(target) != system_of(name)
    )
    assert leaks == []


def test_the_qt_layer_s_base_imports_no_feature() -> None:
    leaks = sorted(
        f"{name} -> {target}"
        for name, targets in GRAPH.items()
        if name.startswith("uploader_gui.ui.base")
        for target in targets
        if target.startswith("uploader_gui.ui.") and not target.startswith("uploader_gui.ui.base")
    )
    assert leaks == []


def test_the_walk_sees_the_imports() -> None:
    """The graph is not empty by mistake: known edges are found, hidden ones included."""
    assert "uploader_gui.ui.uploads.queue" in GRAPH["uploader_gui.ui.app"]  # in a function
    assert "uploader_gui.ui.parts" in GRAPH["uploader_gui.ui.main_window"]  # TYPE_CHECKING
    assert "uploader_gui.core.destination" in GRAPH["uploader_gui.core.client"]
    assert "uploader_gui.platform.linux.xdg_locations" in GRAPH[CHOOSER]  # in a function
    assert len(GRAPH) > 100
