"""The one build step pyproject.toml cannot say: the translations are compiled into the package.

Every build of the package (a wheel, a wheel from the sdist, ``pip install .``,
``pip install git+…``) compiles ``translations/*.ts`` (the sources, in the repository and the
sdist) into ``uploader_gui/translations/*.qm`` with ``scripts/i18n.py``, which runs PySide6's
lrelease: PySide6-Essentials is a build requirement (``[build-system]``). An editable install
writes them beside the sources, as ``scripts/i18n.py build`` does during development.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
I18N = "scripts/i18n.py"


def i18n() -> ModuleType:
    """``scripts/i18n.py`` (no package: loaded from its file)."""
    spec = importlib.util.spec_from_file_location("uploader_i18n", ROOT / I18N)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"{I18N} is missing: the translations cannot be built")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithTranslations(build_py):
    """``build_py``, then the ``.qm`` files into the built package."""

    def translations_dir(self) -> Path:
        if self.editable_mode:  # the package is imported from the sources
            return ROOT / "uploader_gui" / "translations"
        return Path(self.build_lib) / "uploader_gui" / "translations"

    def run(self) -> None:
        super().run()
        i18n().build(self.translations_dir())

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:  # type: ignore[override]
        built = [
            str(self.translations_dir() / f"uploader_{language}.qm")
            for language in i18n().LANGUAGES
        ]
        return [*super().get_outputs(include_bytecode), *built]


setup(cmdclass={"build_py": BuildPyWithTranslations})
