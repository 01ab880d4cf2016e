"""The translations are complete and follow the code: every text the code marks is in each
.ts file, translated, with the same {placeholders} and %n."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.needs import missing

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "scripts" / "i18n.py"


def sources(ts: Path) -> set[tuple[str, str]]:
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.parse(ts).getroot()  # noqa: S314 - the project's own files
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_language_is_complete_with_the_same_placeholders() -> None:
    done = subprocess.run(
        [sys.executable, str(I18N), "check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.split("\n")[:2] == ["de: complete", "zh_CN: complete"]


def test_the_ts_files_hold_exactly_what_the_code_marks(tmp_path: Path) -> None:
    """Run ``scripts/i18n.py update`` on a copy: nothing is added or dropped."""
    if (
        shutil.which("pyside6-lupdate") is None
        and not (Path(sys.executable).parent / "pyside6-lupdate").exists()
    ):
        missing("pyside6-lupdate missing (it comes with PySide6, in the venv's bin)")
    copy = tmp_path / "repo"
    shutil.copytree(
        ROOT / "uploader_gui", copy / "uploader_gui", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(ROOT / "translations", copy / "translations")
    (copy / "scripts").mkdir()
    shutil.copy(I18N, copy / "scripts" / "i18n.py")
    before = {ts.name: sources(ts) for ts in (copy / "translations").glob("*.ts")}
    subprocess.run(
        [sys.executable, str(copy / "scripts" / "i18n.py"), "update"],
        capture_output=True,
        check=True,
    )
    after = {ts.name: sources(ts) for ts in (copy / "translations").glob("*.ts")}
    assert after == before, "run: python scripts/i18n.py update, then translate what is new"
    assert all(len(found) > 400 for found in after.values())


def test_every_marked_text_reaches_lupdate() -> None:
    """lupdate skips a ``translate`` call written with keyword arguments or with a count
    that is not a plain name (``len(files)``): such a text would stay English in every
    language without any test noticing. Every call is written the way it reads them (a text
    that is not a literal there is marked where it is written, with ``QT_TRANSLATE_NOOP``)."""
    import ast

    skipped = []
    for path in sorted((ROOT / "uploader_gui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "translate"
            ):
                continue
            args = node.args
            literal = bool(args) and isinstance(args[0], ast.Constant)
            count_ok = len(args) < 4 or isinstance(args[3], ast.Name)
            if node.keywords or not literal or not count_ok:
                skipped.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert skipped == []
