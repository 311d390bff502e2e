"""reportlab's formatting of PDF names and short strings, remembered.

reportlab writes every dictionary key through `pdfdoc.PDFName` (a Python loop over the name's
characters) and every name, number and short string through `pdfdoc.pdfdocEnc` (a codec written
in Python). A document repeats the same few dozen of them (/Type, /Font, /Resources, "0 R", ...)
in every object: about a tenth of writing a warm PDF's objects went there. Both are pure
functions of their argument, so they are replaced, once per process, by the same functions
remembering their answers; the bytes written are the same.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfdoc

_SHORT = 64  # longer strings (text, stream contents) are encoded each time, not remembered


def install() -> None:
    if getattr(pdfdoc.PDFName, "remembered", False):
        return
    original_name, encode = pdfdoc.PDFName, pdfdoc.pdfdocEnc
    name = lru_cache(maxsize=4096)(original_name)
    encoded = lru_cache(maxsize=4096)(encode)

    def remembered_name(data, lo=chr(0x21), hi=chr(0x7E)):
        return name(data, lo, hi) if isinstance(data, str) and len(data) <= _SHORT else original_name(data, lo, hi)

    def remembered_encoding(x):
        return encoded(x) if isinstance(x, str) and len(x) <= _SHORT else encode(x)

    remembered_name.remembered = True
    pdfdoc.PDFName = remembered_name
    pdfdoc.pdfdocEnc = remembered_encoding
