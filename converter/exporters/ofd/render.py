"""Document → OFD bytes: the print plan set as for the PDF (converter/typeset), its pages
recorded, then written as OFD parts with the fonts' subsets embedded."""

from __future__ import annotations

import re

from ... import layout
from ...errors import ExportError
from ...layout.plan import Plan, build_plan
from ...model import Document
from ...typeset.fontset import FontSet, font_set, font_warnings
from ...typeset.pagination import PageFiller, page_number_place
from ...typeset.story import story
from .content import page_content
from .document import OutlineEntry, document_xml
from .fontfile import subset
from .ids import Ids
from .package import package
from .resources import RES_FOLDER, FontEntry, document_res, public_res
from .surface import RecordingSurface, TextRun


def _pages(plan: Plan, fonts: FontSet) -> RecordingSurface:
    """The plan's blocks on pages, recorded: the same pagination and page numbers as the PDF's."""
    surface = RecordingSurface(fonts.advance)

    def end_page(surface: RecordingSurface, empty: bool) -> None:
        if not empty:  # GB/T 9704: no number on an empty page
            runs, x, baseline = page_number_place(fonts, surface.page.number)
            size = layout.PAGE_NUMBER.size_pt
            for name, text in runs:
                surface.page.runs.append(TextRun(x, baseline, name, size, text, 0.0, (0.0, 0.0, 0.0)))
                x += sum(fonts.advance(name, c) * size / 1000 for c in text)
        surface.new_page()

    filler = PageFiller(surface, end_page)
    filler.fill(story(plan, fonts))
    filler.end_page()
    surface.pages.pop()  # the page opened after the last one closed
    return surface


def _serif(family: str) -> bool:
    """Serif, as OFD's Font says it: a reader that draws with its own fonts picks by it. The faces
    GB/T 9704 asks for are Song, 仿宋 and 楷 (serif) and 黑体 (sans); the family's name tells which."""
    return not re.search(r"sans|hei|黑|gothic", family, re.IGNORECASE)


def render(document: Document, options) -> bytes:
    plan = build_plan(document.root, options)
    characters = plan.characters()
    fonts = font_set(dict(options.fonts), characters)
    surface = _pages(plan, fonts)
    ids = Ids()
    colour_space = ids.next()
    draw_param = ids.next()
    used: dict[str, set[str]] = {}
    for page in surface.pages:
        for run in page.runs:
            used.setdefault(run.font, set()).update(run.text)
    faces = fonts.faces_used()
    entries: list[FontEntry] = []
    parts: dict[str, bytes] = {}
    for number, name in enumerate(sorted(used)):
        info = faces.get(name)
        if info is None:  # the stand-in name of a face that could not be used: nothing to embed
            continue
        file = f"font_{number}.ttf"
        parts[f"Doc_0/{RES_FOLDER}/{file}"] = subset(info, name, used[name])
        entries.append(FontEntry(ids.next(), name, info.family, file, info.weight_class >= 600,
                                  _serif(info.family)))
    if used and not entries:  # a document that prints nothing (one empty page) needs no font
        raise ExportError("no font of the document could be embedded in the OFD")
    # A run named after a face that could not be used (fonts.UNUSABLE) has characters no face
    # has: kept in the text, in the first embedded font, where they draw as nothing.
    font_ids = {name: entries[0].id for name in used} if entries else {}
    font_ids.update({entry.name: entry.id for entry in entries})
    page_ids: list[tuple[int, str]] = []
    outline: list[OutlineEntry] = []
    for index, page in enumerate(surface.pages):
        page_id = ids.next()
        location = f"Pages/Page_{index}/Content.xml"
        page_ids.append((page_id, location))
        outline.extend(OutlineEntry(m.label, m.level, page_id, m.x, m.y) for m in page.marks)
        parts[f"Doc_0/{location}"] = page_content(page, font_ids, ids, fonts.advance, draw_param)
    parts["Doc_0/PublicRes.xml"] = public_res(colour_space, entries)
    parts["Doc_0/DocumentRes.xml"] = document_res(draw_param)
    parts["Doc_0/Document.xml"] = document_xml(ids.last, page_ids, outline, colour_space)
    data = package(parts, plan.properties)
    # After the layout: a face is read when a character first needs it, and may have a word to say.
    for warning in font_warnings(fonts, characters):
        if warning not in document.warnings:  # the run's diagnostics, which the CLI prints
            document.warnings.append(warning)
    return data
