"""Translatable text, without Qt in the core.

Every sentence a person reads goes through :func:`translate`, in the window and in the core
(error messages are shown on rows):

    translate("Errors", "could not connect to {host}").format(host=host)
    translate("Summary", "%n image(s) uploaded", None, count)

``pyside6-lupdate`` finds these calls (the context is the first argument) and writes
``translations/uploader_*.ts``; the set-up builds the ``.qm`` files from them. It sees only
calls written like these: literal context and text, no keyword arguments, and a plain name
for the number.

Until the window installs Qt's translator (:func:`install`), text stays English: this is
what ``--headless`` prints, because scripts parse it. English plurals come from the
source text itself: ``%n`` is the number and ``(s)`` an ``s`` unless the number is 1.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Translator = Callable[[str, str, "str | None", int], str]

_translator: Translator | None = None
_PLURAL = re.compile(r"\(s\)|\(es\)")


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the language chosen (English until :func:`install`)."""
    if _translator is not None:
        text = _translator(context, text, disambiguation, n)
    # An untranslated plural (English, or a string not translated yet) still reads right.
    return english_plural(text, n) if n >= 0 else text


def english_plural(text: str, n: int) -> str:
    """``"%n file(s)"`` → ``"1 file"``, ``"2 files"`` (and ``"box(es)"``)."""
    text = text.replace("%n", str(n))
    return _PLURAL.sub(lambda m: "" if n == 1 else m.group(0)[1:-1], text)


def install(translator: Translator | None) -> None:
    """Route :func:`translate` through ``translator`` (the window's Qt translators)."""
    global _translator
    _translator = translator


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation where it is defined (a table made at import, before
    the translator is installed); translate it where it is shown:
    ``translate(context, SPEC.text)``."""
    del context
    return text
