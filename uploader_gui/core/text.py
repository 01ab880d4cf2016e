"""Text from outside (file names, a server's words), made safe to print on one line.

A file name may hold a newline, a terminal escape (``ESC [2J`` clears the screen, OSC 52
writes the clipboard), a right-to-left override that reverses what follows, or bytes that are
not UTF-8 (Python keeps them as lone surrogates). :func:`printable` escapes all of those, so
that what reaches a terminal or a line-oriented reader is one line of valid UTF-8 that shows
every character it stands for.
"""

from __future__ import annotations

import re
from typing import Final

#: C0 controls, DEL and C1 controls; bidirectional controls and marks; zero-width
#: characters and the byte-order mark; the line and paragraph separators; lone surrogates.
_UNSAFE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]"
)
_NAMED: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, invisible or direction-changing character escaped
    (``\\n``, ``\\x1b``, ``\\u202e``; a non-UTF-8 byte of a file name as ``\\xff``)."""
    return _UNSAFE.sub(_escape, text)
