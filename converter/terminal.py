"""Text bound for a terminal: file names and messages shown, never obeyed.

A file name may hold any byte but NUL and '/': an ESC sequence in one would recolour, move or
clear the terminal when an error names the file, a line break would fake a line of the report,
and a bidirectional override would reorder what is read. Such characters are shown as escapes
instead. Bytes of a name that are not UTF-8 (kept by Python as lone surrogates) are shown as the
bytes they were, where printing them would fail.
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls (CSI U+009B starts a command on some terminals), bidirectional
# embeddings, overrides and isolates, and the surrogates Python keeps for bytes that are not UTF-8.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
# The same but TAB and LF, for text of several lines (a traceback).
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: object) -> str:
    """A line of report (an error, a warning, a file name) with every control character escaped."""
    return _CONTROL.sub(_escaped, str(text))


def printable(text: str) -> str:
    """Text of several lines as it can be shown: line breaks and tabs kept, other controls escaped."""
    return _CONTROL_IN_TEXT.sub(_escaped, text)
