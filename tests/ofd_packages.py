"""Small OFD packages (GB/T 33190-2016) written here from the standard, for `convert check`'s tests.

`from_glyphs` turns glyphs read from one of our PDFs (by pdfminer, not by the OFD reader) into an
OFD that prints the same characters at the same places, each line one TextObject, encoded in one
of several ways the standard allows: absolute TextCode positions, a Boundary whose origin carries
the position, a CTM that scales a half-size object up, DeltaX with its `g` shorthand, colours in
an indexed colour space or through a DrawParam. The reader must measure every encoding alike.
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from functools import lru_cache
from xml.sax.saxutils import escape, quoteattr

from converter import layout
from converter.check.glyphs import Glyph, Page

NS = "http://www.ofdspec.org/2016"
MM_PER_PT = layout.MM_PER_INCH / layout.PT_PER_INCH
ENCODINGS = ("absolute", "boundary", "ctm", "shorthand")


@lru_cache(maxsize=4)
def face_subset(chars: str, sans: bool = False) -> bytes:
    """A TrueType-flavoured subset (CFF kept: OpenType 'OTTO') of the bundled Noto face."""
    import pylopdf_fonts_zh_cn
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from pathlib import Path

    folder = Path(pylopdf_fonts_zh_cn.__file__).parent
    font = TTFont(folder / ("NotoSansSC-Regular.otf" if sans else "NotoSerifSC-Regular.otf"))
    options = subset.Options()
    options.layout_features = []
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _plain_name(font: str) -> str:
    return font.split("+", 1)[-1]


def _lines(page: Page) -> list[list[Glyph]]:
    """Runs of glyphs in reading order: along each baseline, left to right, a new run wherever
    the face, size or colour changes (a PDF may split one face into several subsets)."""
    rows: dict[float, list[Glyph]] = defaultdict(list)
    for glyph in page.glyphs:
        rows[round(glyph.baseline, 2)].append(glyph)
    runs: list[list[Glyph]] = []
    for _, glyphs in sorted(rows.items()):
        for glyph in sorted(glyphs, key=lambda g: g.x):
            key = (glyph.font, round(glyph.size, 2), glyph.color)
            if runs and (runs[-1][0].font, round(runs[-1][0].size, 2), runs[-1][0].color) == key \
                    and abs(runs[-1][0].baseline - glyph.baseline) < 0.01:
                runs[-1].append(glyph)
            else:
                runs.append([glyph])
    return runs


def _num(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".") or "0"


def _deltas(steps: list[float], shorthand: bool) -> str:
    if not shorthand:
        return " ".join(_num(s) for s in steps)
    out, index = [], 0
    while index < len(steps):
        run = index
        while run + 1 < len(steps) and _num(steps[run + 1]) == _num(steps[index]):
            run += 1
        count = run - index + 1
        out.append(f"g {count} {_num(steps[index])}" if count > 1 else _num(steps[index]))
        index = run + 1
    return " ".join(out)


def _text_object(ident: int, glyphs: list[Glyph], font_id: int, encoding: str, color_xml: str,
                 draw_param: str) -> str:
    size = glyphs[0].size * MM_PER_PT
    x0, y0 = glyphs[0].x * MM_PER_PT, glyphs[0].baseline * MM_PER_PT
    steps = [(b.x - a.x) * MM_PER_PT for a, b in zip(glyphs, glyphs[1:])]
    scale = 1.0
    if encoding == "boundary":  # the object's origin carries the position; the text sits at (1, size)
        boundary, x, y = f"{_num(x0 - 1)} {_num(y0 - size)} 170 {_num(2 * size)}", 1.0, size
        ctm = ""
    elif encoding == "ctm":  # a half-size object scaled up by its CTM, moved by the CTM's e and f
        scale = 0.5
        boundary, x, y = "0 0 210 297", 0.0, 0.0
        ctm = f' CTM="2 0 0 2 {_num(x0)} {_num(y0)}"'
    else:
        boundary, x, y, ctm = "0 0 210 297", x0, y0, ""
    deltas = _deltas([s * scale for s in steps], shorthand=encoding == "shorthand")
    delta_attr = f' DeltaX="{deltas}"' if deltas else ""
    text = "".join(g.char for g in glyphs)
    return (f'<ofd:TextObject ID="{ident}" Boundary="{boundary}"{ctm} Font="{font_id}" '
            f'Size="{_num(size * scale)}"{draw_param}>{color_xml}'
            f'<ofd:TextCode X="{_num(x * scale if encoding != "boundary" else x)}" '
            f'Y="{_num(y * scale if encoding != "boundary" else y)}"{delta_attr}>{escape(text)}</ofd:TextCode>'
            f'</ofd:TextObject>')


def from_glyphs(pages: list[Page], encoding: str = "absolute", *, embed: bool = True,
                move_mm: tuple[float, float] = (0.0, 0.0), doctype: str = "") -> bytes:
    """An OFD printing these glyphs; `move_mm` moves every character (mm right, mm down)."""
    fonts: dict[str, int] = {}
    colours: dict[tuple, str] = {}
    chars = "".join(sorted({g.char for page in pages for g in page.glyphs}))
    next_id = [100]
    contents = []
    for page in pages:
        objects = []
        for glyphs in _lines(page):
            font_id = fonts.setdefault(glyphs[0].font, len(fonts) + 1)
            rgb = tuple(round(c * 255) for c in (glyphs[0].color or (0, 0, 0)))
            color_xml, draw_param = "", ""
            if rgb != (0, 0, 0):
                if encoding == "shorthand":  # through a DrawParam that inherits its colour (Relative)
                    colours.setdefault(rgb, f"{60 + len(colours)}")
                    draw_param = f' DrawParam="{int(colours[rgb]) + 20}"'
                elif encoding == "boundary":  # hexadecimal components
                    color_xml = '<ofd:FillColor Value="{}"/>'.format(" ".join(f"#{c:02X}" for c in rgb))
                else:
                    color_xml = '<ofd:FillColor Value="{}"/>'.format(" ".join(str(c) for c in rgb))
            next_id[0] += 1
            if move_mm != (0.0, 0.0):
                glyphs = [Glyph(g.char, g.x + move_mm[0] / MM_PER_PT, g.baseline + move_mm[1] / MM_PER_PT,
                                g.advance, g.size, g.font, g.color) for g in glyphs]
            objects.append(_text_object(next_id[0], glyphs, font_id, encoding, color_xml, draw_param))
        contents.append(
            f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<ofd:Page xmlns:ofd="{NS}"><ofd:Area>'
            f'<ofd:PhysicalBox>0 0 {_num(page.width * MM_PER_PT)} {_num(page.height * MM_PER_PT)}</ofd:PhysicalBox>'
            f'</ofd:Area><ofd:Content><ofd:Layer ID="{2 + len(contents)}">{"".join(objects)}</ofd:Layer>'
            f'</ofd:Content></ofd:Page>')
    font_xml = "".join(
        f'<ofd:Font ID="{ident}" FontName={quoteattr(_plain_name(name))} FamilyName={quoteattr(_plain_name(name))}>'
        + (f'<ofd:FontFile>font_{ident}.otf</ofd:FontFile>' if embed else "") + "</ofd:Font>"
        for name, ident in fonts.items())
    params = "".join(
        f'<ofd:DrawParam ID="{ident}"><ofd:FillColor Value="{" ".join(map(str, rgb))}"/></ofd:DrawParam>'
        f'<ofd:DrawParam ID="{int(ident) + 20}" Relative="{ident}"/>' for rgb, ident in colours.items())
    public = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
              f'<ofd:Fonts>{font_xml}</ofd:Fonts>' + (f'<ofd:DrawParams>{params}</ofd:DrawParams>' if params else "")
              + '</ofd:Res>')
    page_refs = "".join(f'<ofd:Page ID="{1000 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
    document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
                f'<ofd:MaxUnitID>{next_id[0] + 100}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297'
                f'</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>'
                f'<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>')
    entry = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
             f'<ofd:DocBody><ofd:DocInfo><ofd:DocID>0123456789abcdef0123456789abcdef</ofd:DocID></ofd:DocInfo>'
             f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("OFD.xml", entry)
        package.writestr("Doc_0/Document.xml", document)
        package.writestr("Doc_0/PublicRes.xml", public)
        for index, content in enumerate(contents):
            package.writestr(f"Doc_0/Pages/Page_{index}/Content.xml", content)
        if embed:
            for name, ident in fonts.items():
                package.writestr(f"Doc_0/Res/font_{ident}.otf", face_subset(chars, sans="Sans" in name))
    return out.getvalue()
