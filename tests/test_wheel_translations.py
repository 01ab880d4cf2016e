"""Every build of the package carries its translations, not only a checkout that ran
scripts/setup.sh: a wheel built from a clean checkout (what ``pip install .`` and
``pip install git+…`` build too) holds the compiled ``.qm`` files, and the sdist holds the
``.ts`` sources that a wheel built from it compiles them from (setup.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from PySide6.QtCore import QTranslator

from tests.needs import missing

ROOT = Path(__file__).resolve().parents[1]
#: The languages shipped: one translations/uploader_<lang>.ts each.
LANGUAGES = sorted(ts.stem.removeprefix("uploader_") for ts in (ROOT / "translations").glob("*.ts"))
QM = [f"uploader_gui/translations/uploader_{lang}.qm" for lang in LANGUAGES]
TS = [f"translations/uploader_{lang}.ts" for lang in LANGUAGES]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean copy of the work tree: the files git tracks or would (not ignored), so none
    of the .qm files scripts/setup.sh built here, no build/ and no venv."""
    if shutil.which("git") is None:
        missing("git is missing")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:
        missing(f"not a git checkout: {listed.stderr.decode(errors='replace').strip()}")
    copy = tmp_path_factory.mktemp("checkout") / "uploader-gui"
    for name in listed.stdout.decode().split("\0"):
        source = ROOT / name
        if not name or not (source.exists() or source.is_symlink()):
            continue  # deleted in the work tree, not yet in git
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target, follow_symlinks=False)
    assert not list(copy.rglob("*.qm")), "a compiled translation is in the clean copy"
    return copy


def build_wheel(source: Path, out: Path) -> Path:
    """``pip wheel`` with the venv's locked setuptools and PySide6 (offline)."""
    done = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "wheel", "--disable-pip-version-check", "-q"),
            *("--no-deps", "--no-build-isolation", "--no-index", "-w", str(out), "."),
        ],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (wheel,) = out.glob("uploader_gui-*.whl")
    return wheel


def build_sdist(source: Path, out: Path) -> Path:
    """The sdist, through the build backend's own hook (what ``python -m build --sdist``
    calls)."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\nfrom setuptools import build_meta\nbuild_meta.build_sdist(sys.argv[1])",
            str(out),
        ],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (sdist,) = out.glob("uploader_gui-*.tar.gz")
    return sdist


def a_translated_message(ts: Path) -> tuple[str, str, str]:
    """A (context, source, translation) of ``ts`` with a plain (not plural) translation."""
    root = ElementTree.parse(ts).getroot()  # noqa: S314 - the project's own file
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") != "yes" and translation is not None and translation.text:
                return (
                    context.findtext("name") or "",
                    message.findtext("source") or "",
                    translation.text,
                )
    raise AssertionError(f"{ts.name} has no translated message")


def assert_holds_the_translations(wheel: Path, tmp_path: Path) -> None:
    assert QM, "no translations/*.ts"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert set(QM) <= names, f"{wheel.name} lacks {sorted(set(QM) - names)}"
        for qm, ts in zip(QM, TS, strict=True):
            compiled = tmp_path / Path(qm).name
            compiled.write_bytes(archive.read(qm))
            translator = QTranslator()
            assert translator.load(str(compiled)), f"{qm} does not load"
            context, source, translation = a_translated_message(ROOT / ts)
            assert translator.translate(context, source) == translation


def test_a_wheel_from_a_clean_checkout_holds_the_compiled_translations(
    checkout: Path, tmp_path: Path
) -> None:
    wheel = build_wheel(checkout, tmp_path / "wheel")
    assert_holds_the_translations(wheel, tmp_path)
    assert not (checkout / "uploader_gui" / "translations").exists(), "built into the sources"


def test_the_sdist_holds_the_sources_and_its_wheel_the_translations(
    checkout: Path, tmp_path: Path
) -> None:
    sdist = build_sdist(checkout, tmp_path / "sdist")
    with tarfile.open(sdist) as archive:
        names = {name.partition("/")[2] for name in archive.getnames()}
        assert {*TS, "scripts/i18n.py", "setup.py"} <= names
        assert not [name for name in names if name.endswith(".qm")], "compiled files in it"
        archive.extractall(tmp_path / "unpacked", filter="data")
    (unpacked,) = (tmp_path / "unpacked").iterdir()
    wheel = build_wheel(unpacked, tmp_path / "wheel")
    assert_holds_the_translations(wheel, tmp_path)


def test_an_isolated_build_gets_the_translation_compiler() -> None:
    """pip builds in an environment of its own with [build-system]'s requirements only:
    lrelease comes with PySide6-Essentials, which must be one of them."""
    if sys.version_info < (3, 11):
        pytest.skip("reading pyproject.toml takes tomllib (Python 3.11)")
    else:
        import tomllib

        text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
        requires = tomllib.loads(text)["build-system"]["requires"]
        assert "pyside6-essentials" in {canonicalize_name(Requirement(r).name) for r in requires}
