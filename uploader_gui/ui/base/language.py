"""The window's language: the system's (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``)
unless Settings ▸ General chooses one; applied at start (a change takes a restart).

Our own messages come from ``uploader_gui/translations/uploader_<lang>.qm`` (built from
``translations/*.ts`` by the set-up), Qt's dialogs and buttons from PySide6's own
``qtbase_<lang>.qm``. ``--headless`` installs none of this: it stays English.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ...core import i18n
from ...core.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

QM_DIR = Path(__file__).resolve().parents[2] / "translations"

#: The languages shipped: code → its own name (shown as is, in every language).
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "zh_CN": "简体中文"}
SYSTEM = ""
SYSTEM_LABEL = QT_TRANSLATE_NOOP("Language", "System language")

#: The translators in use (kept alive: Qt does not own them).
_installed: list[QTranslator] = []


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The first shipped language the environment asks for, as gettext reads it: the
    ``LANGUAGE`` list (when a locale is set), then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``."""
    env = os.environ if environ is None else environ
    locale = env.get("LC_ALL") or env.get("LC_MESSAGES") or env.get("LANG") or ""
    wanted: list[str] = []
    if env.get("LANGUAGE") and locale not in ("C", "POSIX"):
        wanted += env["LANGUAGE"].split(":")
    wanted.append(locale)
    for entry in wanted:
        code = entry.split(".")[0].split("@")[0]
        found = match(code)
        if found:
            return found
    return "en"


def match(code: str) -> str | None:
    """The shipped language for a locale code: ``de_AT`` → ``de``, ``zh_SG`` → ``zh_CN``."""
    if not code or code in ("C", "POSIX"):
        return None
    if code in LANGUAGES:
        return code
    base = code.split("_")[0].split("-")[0]
    if base == "zh":
        # Traditional Chinese (zh_TW, zh_HK) is not shipped: English rather than the
        # simplified script.
        region = code.replace("-", "_").split("_")[1:2]
        return "zh_CN" if not region or region[0] in ("CN", "SG", "Hans") else None
    return base if base in LANGUAGES else None


def install(choice: str = SYSTEM) -> str:
    """Load the translators for ``choice`` (``""``: the system's); the language used."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs the application")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = choice if choice in LANGUAGES else system_language()
    QLocale.setDefault(QLocale(language))
    if language != "en":
        ours = QTranslator(app)
        if ours.load(f"uploader_{language}", str(QM_DIR)):
            _installed.append(ours)
        else:
            log.warning("no translation for %s in %s (run scripts/setup.sh)", language, QM_DIR)
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir):
            _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    i18n.install(_qt_translate if _installed else None)
    return language


def _qt_translate(context: str, text: str, disambiguation: str | None, n: int) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)
