"""Parts tell the person things through one injected channel (``ui/base/report.py``): they
say "status", "notice" or "inform" to it, and none has a message signal of its own for the
window (or another part) to relay. A walk of the Qt layer's syntax trees holds that."""

from __future__ import annotations

import ast
from pathlib import Path

import uploader_gui

UI = Path(uploader_gui.__file__).parent / "ui"
REPORT = UI / "base" / "report.py"
#: Who may call what: the channel itself, and the widgets and dialogs it drives.
ALLOWED = {
    "show_notice": {REPORT, UI / "notices" / "bar.py"},
    "clear_notice": {REPORT, UI / "notices" / "bar.py"},
    "inform": {REPORT, UI / "modal_dialogs.py"},
    "showMessage": {UI / "main_window.py"},
}


def _modules() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def _receiver(node: ast.Attribute) -> str:
    return ast.unparse(node.value)


def test_no_part_has_a_message_signal_of_its_own() -> None:
    found = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.ClassDef):
                continue
            for statement in node.body:
                if (
                    isinstance(statement, ast.Assign)
                    and isinstance(statement.value, ast.Call)
                    and ast.unparse(statement.value.func) == "Signal"
                    and any(
                        isinstance(t, ast.Name) and t.id in ("message", "status")
                        for t in statement.targets
                    )
                ):
                    found.append(
                        f"{path.relative_to(UI)}: {node.name}.{ast.unparse(statement.targets[0])}"
                    )
    assert found == []


def test_notices_status_lines_and_message_boxes_go_through_the_report() -> None:
    found = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            name = node.func.attr
            if name in ALLOWED and path not in ALLOWED[name]:
                if name == "inform" and _receiver(node.func).endswith("report"):
                    continue
                found.append(f"{path.relative_to(UI)}:{node.lineno}: {ast.unparse(node.func)}")
    assert found == []


def test_every_notice_has_its_topic_in_one_place() -> None:
    """A notice is raised by its :class:`Topic`; no module keeps notice keys of its own."""
    found = []
    for path in _modules():
        if path == REPORT:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id.endswith("_NOTICE") for t in node.targets
            ):
                found.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert found == []
