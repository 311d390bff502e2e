"""The typeset faces as reportlab fonts: each registered under its name when first loaded.

The typesetting (converter/typeset) knows faces by their notes only; reportlab must know every
font a page names before it draws, and hears of each character a document sets in it.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from ...typeset import fonts
from .subsetface import converted_font


def _register(name: str, info):
    font = converted_font(info, name)
    pdfmetrics.registerFont(font)
    return font.face  # ConvertedFace.admit(code): its widths table, filled per character


fonts.bind(_register)
