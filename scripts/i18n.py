"""The translations: update the .ts sources from the code, build the .qm files.

    python scripts/i18n.py update   # pyside6-lupdate → translations/uploader_*.ts
    python scripts/i18n.py build    # pyside6-lrelease → uploader_gui/translations/*.qm
    python scripts/i18n.py check    # every message of every language translated

The .ts files (XML, edited by translators, e.g. with Qt Linguist) are in the repository; the
.qm files are built, never committed: by every build of the package (setup.py calls build()
for wheels, sdists and pip install; PySide6-Essentials is a build requirement), and for the
checkout by scripts/setup.sh.

``update`` also fixes two things pyside6-lupdate's Python parser does not do: a message whose
source has ``%n`` is a plural (``numerus="yes"``, one form per plural of the language), and
the ``#:`` attribute comments it mistakes for translator comments are dropped.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "translations"
BUILT = ROOT / "uploader_gui" / "translations"
LANGUAGES = ("de", "zh_CN")
#: Plural forms per language (as Qt counts them): German one/other, Chinese one form.
PLURAL_FORMS = {"de": 2, "zh_CN": 1}


def tool(name: str) -> str:
    """PySide6's ``pyside6-<tool>``: on ``PATH``, beside this Python, or else the Qt program
    it runs, in the PySide6 package (a build environment may have it only there)."""
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if Path(found).exists():
        return found
    package = importlib.util.find_spec("PySide6")
    if package is not None and package.origin is not None:
        program = Path(package.origin).parent / name.removeprefix("pyside6-")
        if program.exists():
            return str(program)
    raise SystemExit(f"{name} is missing: it comes with PySide6-Essentials")


def parse(path: Path) -> ElementTree.ElementTree:
    return ElementTree.parse(path)  # noqa: S314 - the project's own .ts files


def ts_file(language: str) -> Path:
    return SOURCES / f"uploader_{language}.ts"


def python_sources() -> list[str]:
    return sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "uploader_gui").rglob("*.py")
        if "__pycache__" not in path.parts
    )


def update() -> None:
    SOURCES.mkdir(exist_ok=True)
    for language in LANGUAGES:
        target = ts_file(language)
        plurals = plural_translations(target) if target.exists() else {}
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *python_sources(),
                "-locations",
                "relative",
                "-no-obsolete",
                "-target-language",
                language,
                "-ts",
                str(target.relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )
        tidy(target, PLURAL_FORMS[language], plurals)


def plural_translations(path: Path) -> dict[tuple[str, str], list[str]]:
    """The finished plural forms, by (context, source): lupdate's Python parser does not
    know these messages are plurals and would keep only their first form."""
    found = {}
    for context in parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") != "yes" or translation is None:
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            if translation.get("type") != "unfinished" and all(forms):
                found[(name, message.findtext("source") or "")] = forms
    return found


def tidy(path: Path, forms: int, plurals: dict[tuple[str, str], list[str]]) -> None:
    tree = parse(path)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            for comment in message.findall("extracomment"):
                message.remove(comment)  # "#:" attribute documentation, not a translator note
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or "%n" not in source:
                continue
            kept = plurals.get((name, source))
            old = [form.text or "" for form in translation.iter("numerusform")]
            text = translation.text or (old[0] if old else "")
            message.set("numerus", "yes")
            for form in list(translation):
                translation.remove(form)
            translation.text = None
            for form in kept or [text] * forms:
                ElementTree.SubElement(translation, "numerusform").text = form
            if kept is not None:
                translation.attrib.pop("type", None)  # the plural was finished before
    ElementTree.indent(tree, space="    ")
    with path.open("wb") as stream:
        stream.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(stream, encoding="utf-8", xml_declaration=False)
        stream.write(b"\n")


def build(out: Path = BUILT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run(
            [
                tool("pyside6-lrelease"),
                "-silent",
                str(ts_file(language)),
                "-qm",
                str(out / f"uploader_{language}.qm"),
            ],
            check=True,
        )


def unfinished(language: str) -> list[str]:
    """Sources with no translation (or one marked unfinished) in ``language``."""
    missing = []
    for message in parse(ts_file(language)).getroot().iter("message"):
        translation = message.find("translation")
        forms = [] if translation is None else list(translation.iter("numerusform"))
        texts = (
            [form.text for form in forms]
            if forms
            else [translation.text if translation is not None else None]
        )
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not all(texts)
        ):
            missing.append(message.findtext("source") or "")
    return missing


def fields(text: str) -> set[str] | None:
    """The ``{names}`` ``str.format`` sees in ``text`` (and ``%n``); None if it cannot parse
    it (a stray brace would make ``.format()`` raise in the window)."""
    try:
        found = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None
    return found | ({"%n"} if "%n" in text else set())


def mismatched(language: str) -> list[str]:
    """Messages whose translation lacks a ``{placeholder}`` or ``%n`` of the source, has
    one the source does not, or does not parse as a format string."""
    wrong = []
    for message in parse(ts_file(language)).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        forms = [form.text or "" for form in translation.iter("numerusform")]
        wanted = fields(source)
        for text in forms or [translation.text or ""]:
            if not text:
                continue  # untranslated: counted apart
            found = fields(text)
            # A language with one plural form may say the number in words: %n optional.
            plural_free = None if wanted is None else wanted - {"%n"}
            if found != wanted and not (forms and found == plural_free):
                wrong.append(f"{source!r} -> {text!r}")
    return wrong


def check() -> int:
    status = 0
    for language in LANGUAGES:
        missing, wrong = unfinished(language), mismatched(language)
        if missing or wrong:
            status = 1
            print(f"{language}: {len(missing)} untranslated, e.g. {missing[:3]}")
            for line in wrong:
                print(f"{language}: placeholders differ: {line}")
        else:
            print(f"{language}: complete")
    return status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "build", "check"))
    args = parser.parse_args()
    if args.command == "update":
        update()
    elif args.command == "build":
        build()
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
