"""Every glyph a PDF prints: character, position, size, face and colour (read with pdfminer.six).

pdfminer.six interprets the content streams (fonts, CMaps, text and graphics state); this device
only records what it is told, with one correction: the PDF specification applies the character
spacing (Tc) after every glyph, and pdfminer skips it after the last glyph of each string
(pdfminer.six issue #1128, open), which shifts justified Chinese text (set with a negative Tc in
many short strings, as our PDF sets it) by points per line.
"""

from __future__ import annotations

from typing import Optional

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.psparser import PSLiteral

from ..errors import InputError
from .glyphs import Glyph, Page

class _Recorder(PDFTextDevice):
    def __init__(self, resources) -> None:
        super().__init__(resources)
        self.pages: list[Page] = []
        self._height = 0.0
        self._names: dict[int, str] = {}

    def begin_page(self, page, ctm) -> None:
        x0, y0, x1, y1 = page.mediabox
        self._height = abs(y1 - y0)
        self.pages.append(Page(len(self.pages) + 1, abs(x1 - x0), self._height, []))

    def render_string_horizontal(self, seq, matrix, pos, font, fontsize, scaling, charspace,
                                 wordspace, rise, dxscale, ncs, graphicstate):
        x, y = pos
        for item in seq:
            if isinstance(item, (int, float)):
                x -= item * dxscale
                continue
            if not isinstance(item, bytes):
                continue
            for cid in font.decode(item):
                origin = (matrix[0] * x + matrix[2] * (y + rise) + matrix[4],
                          matrix[1] * x + matrix[3] * (y + rise) + matrix[5])
                x += self.render_char(matrix, origin, font, fontsize, scaling, cid, graphicstate)
                x += charspace
                if cid == 32 and wordspace:
                    x += wordspace
        return (x, y)

    def render_string_vertical(self, seq, matrix, pos, *args):
        return pos  # vertical writing is no part of a 公文's body: not recorded

    def render_char(self, matrix, origin, font, fontsize, scaling, cid, graphicstate) -> float:
        advance = font.char_width(cid) * fontsize * scaling
        if abs(matrix[1]) > 1e-6 or abs(matrix[2]) > 1e-6 or matrix[0] <= 0 or matrix[3] <= 0:
            return advance  # rotated or mirrored text is no part of a 公文's body: not recorded
        try:
            char = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            char = "\ufffd"
        self.pages[-1].glyphs.append(Glyph(
            char=char,
            x=origin[0],
            baseline=self._height - origin[1],
            advance=advance * matrix[0],
            size=fontsize * matrix[3],
            font=self._name(font),
            color=_rgb(graphicstate.ncolor),
        ))
        return advance

    def _name(self, font) -> str:
        name = self._names.get(id(font))
        if name is None:
            name = self._names[id(font)] = _font_name(font)
        return name


def _font_name(font) -> str:
    name = getattr(font, "fontname", None) or getattr(font, "basefont", None) or ""
    if isinstance(name, PSLiteral):
        name = name.name
    if isinstance(name, bytes):
        raw = name
    elif any(ord(c) > 0x7F for c in str(name)):
        raw = str(name).encode("latin-1", "replace")
    else:
        return str(name)
    for encoding in ("utf-8", "gb18030"):  # Chinese face names: often GBK bytes (#CB#CE#CC#E5 = 宋体)
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            pass
    return raw.decode("latin-1")


def _rgb(color) -> Optional[tuple[float, float, float]]:
    """The fill colour as RGB 0..1 (gray and CMYK converted), None for patterns and the unknown."""
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not all(isinstance(c, (int, float)) for c in color):
        return None
    if len(color) == 1:
        return (float(color[0]),) * 3
    if len(color) == 3:
        return tuple(float(c) for c in color)  # type: ignore[return-value]
    if len(color) == 4:
        c, m, y, k = (float(v) for v in color)
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def read(data: bytes, name: str) -> list[Page]:
    """The glyphs of every page; InputError when pdfminer cannot read the file."""
    import io

    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        resources = PDFResourceManager(caching=True)
        device = _Recorder(resources)
        interpreter = PDFPageInterpreter(resources, device)
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
    except InputError:
        raise
    except Exception as error:  # pdfminer raises many kinds on a damaged file
        raise InputError(f"cannot read this PDF: {error}", source=name) from error
    return device.pages

