"""The PDF file: A4 pages filled by the shared pagination (the 版记 at the foot of the last page,
page numbers), the embedded font subsets, the outline and the document information.

Object order: catalog, page tree, information, then each font subset (program, ToUnicode map,
descriptor, font), each page (content, page), then the outline.
"""

from __future__ import annotations

from ... import layout
from ...errors import ExportError
from ...typeset import fonts as typeset_fonts
from ...typeset.fontset import FontSet
from ...typeset.gridlines import GridLines
from ...typeset.pagination import PageFiller, page_number_place
from . import subsetface
from .pdfsyntax import PdfFile, deflate, name, numbers, reference, text_string
from .surface import Mark, PdfSurface

PAGE = (layout.mm_to_pt(layout.PAGE_WIDTH_MM), layout.mm_to_pt(layout.PAGE_HEIGHT_MM))


def draw_page_number(surface, fonts: FontSet) -> None:
    """"— N —" where the shared pagination places it (the OFD draws it at the same place)."""
    runs, x, baseline = page_number_place(fonts, surface.getPageNumber())
    text = surface.beginText(x, baseline)
    for font_name, run in runs:
        text.setFont(font_name, layout.PAGE_NUMBER.size_pt)
        text.textOut(run)
    surface.setFillColorRGB(0, 0, 0)
    surface.drawText(text)


def draw(blocks: list[GridLines], fonts: FontSet) -> PdfSurface:
    surface = PdfSurface()

    def end_page(surface: PdfSurface, empty: bool) -> None:
        if not empty:  # GB/T 9704: no number on an empty page
            draw_page_number(surface, fonts)
        surface.showPage()

    filler = PageFiller(surface, end_page)  # the OFD's pagination: the same pages
    filler.fill(blocks)
    filler.end_page()
    return surface


def write_pdf(blocks: list[GridLines], fonts: FontSet, info: dict[str, str], pdf_date: str | None) -> bytes:
    surface = draw(blocks, fonts)
    pdf = PdfFile()
    catalog, page_tree, information = pdf.reserve(), pdf.reserve(), pdf.reserve()
    font_objects = _font_objects(surface, fonts, pdf)
    page_objects = []
    width, height = PAGE
    for page in surface.pages:
        content = pdf.add_stream(deflate("\n".join(page.content).encode("latin-1")))
        used = " ".join(f"/{resource} {reference(font_objects[resource])}" for resource in page.fonts)
        page_objects.append(pdf.add(
            f"<< /Type /Page /Parent {reference(page_tree)} /MediaBox [0 0 {numbers(width, height)}] "
            f"/Resources << /Font << {used} >> /ProcSet [/PDF /Text] >> /Contents {reference(content)} >>"))
    kids = " ".join(reference(number) for number in page_objects)
    pdf.set(page_tree, f"<< /Type /Pages /Kids [{kids}] /Count {len(page_objects)} >>")
    outline = _outline(surface.marks, page_objects, pdf)
    pdf.set(catalog, f"<< /Type /Catalog /Pages {reference(page_tree)}"
                     + (f" /Outlines {reference(outline)} /PageMode /UseOutlines" if outline else "") + " >>")
    pdf.set(information, _information(info, pdf_date))
    return pdf.write(catalog, information)


def _information(info: dict[str, str], pdf_date: str | None) -> str:
    entries = [("Title", info["title"]), ("Author", info["author"]), ("Subject", info["subject"]),
               ("Keywords", info["keywords"]), ("Creator", info["creator"]), ("Producer", info["producer"])]
    if pdf_date:
        entries += [("CreationDate", pdf_date), ("ModDate", pdf_date)]
    return "<< " + " ".join(f"/{key} {text_string(value)}" for key, value in entries if value) + " >>"


def _font_objects(surface: PdfSurface, fonts: FontSet, pdf: PdfFile) -> dict[str, int]:
    """Every font subset the pages name, written: resource name → its Font object's number.

    Characters no usable face has are drawn in a stand-in font (typeset.fonts.UNUSABLE): they are
    kept in the text (copied out through the ToUnicode map) and drawn as nothing, as in the OFD,
    by a subset of the document's first embedded face that maps them all to its empty .notdef."""
    kept = subsetface.memory()
    written: dict[str, int] = {}
    for resource, (font, subset) in surface.resources().items():
        info, stand_in = fonts.face(font), font == typeset_fonts.UNUSABLE
        face_name = font
        if info is None:
            face_name, info = _stand_in_face(surface, fonts)
        codes = surface.fonts[font].subsets()[subset]
        base_name = f"{subsetface.subset_tag(face_name, codes)}+{face_name}"
        built = subsetface.built(info, face_name, base_name, codes, stand_in, kept)
        program = pdf.add_stream(built.program, f"/Length1 {built.program_length}", identifying=False)
        to_unicode = pdf.add_stream(built.to_unicode, identifying=False)
        descriptor = pdf.add(f"<< /Type /FontDescriptor /FontName {name(base_name)} "
                             f"{subsetface.descriptor_entries(info)} /FontFile2 {reference(program)} >>")
        written[resource] = pdf.add(
            f"<< /Type /Font /Subtype /TrueType /BaseFont {name(base_name)} /FirstChar 0 "
            f"/LastChar {built.count - 1} /Widths {built.widths} /FontDescriptor {reference(descriptor)} "
            f"/ToUnicode {reference(to_unicode)} >>")
    return written


def _stand_in_face(surface: PdfSurface, fonts: FontSet):
    """(name, notes) of the face that carries the stand-in subset: the first face the document
    drew in, else the first usable face of the chains. Chosen from the document alone, never
    from the faces this process happens to have loaded, so that the same document gives the same
    file in any process."""
    for font in surface.fonts:  # first-use order
        info = fonts.face(font)
        if info is not None:
            return font, info
    for role in sorted(fonts.chains):
        for piece in fonts.chains[role]:
            info = fonts.face(piece.name)  # the name loads the face
            if info is not None:
                return piece.name, info
    raise ExportError("no font of the document could be embedded in the PDF")


def _outline(marks: list[Mark], pages: list[int], pdf: PdfFile) -> int | None:
    """The bookmarks as an outline tree (ISO 32000-1 §12.3.3), every entry open; None for none.
    The marks come in drawing order and a level never skips one (gridlines.Outline)."""
    if not marks:
        return None
    root = pdf.reserve()
    numbers_ = [pdf.reserve() for _ in marks]
    parents: list[int | None] = []
    children: dict[int | None, list[int]] = {None: []}
    stack: list[int] = []  # indices of the open ancestors of the next mark
    for index, mark in enumerate(marks):
        del stack[mark.level:]
        parent = stack[-1] if stack else None
        parents.append(parent)
        children.setdefault(parent, []).append(index)
        children[index] = []
        stack.append(index)

    counts = {key: len(value) for key, value in children.items()}  # descendants, summed upwards:
    for index in reversed(range(len(marks))):  # a mark comes after its parent, so children first
        counts[parents[index]] += counts[index]
    position = {index: place for siblings in children.values() for place, index in enumerate(siblings)}
    for index, mark in enumerate(marks):
        parent = parents[index]
        siblings = children[parent]
        entries = [f"/Title {text_string(mark.label)}",
                   f"/Parent {reference(root if parent is None else numbers_[parent])}",
                   f"/Dest [{reference(pages[mark.page])} /XYZ {numbers(mark.x, mark.y)} 0]"]
        at = position[index]
        if at > 0:
            entries.append(f"/Prev {reference(numbers_[siblings[at - 1]])}")
        if at + 1 < len(siblings):
            entries.append(f"/Next {reference(numbers_[siblings[at + 1]])}")
        if children[index]:
            entries += [f"/First {reference(numbers_[children[index][0]])}",
                        f"/Last {reference(numbers_[children[index][-1]])}", f"/Count {counts[index]}"]
        pdf.set(numbers_[index], "<< " + " ".join(entries) + " >>")
    top = children[None]
    pdf.set(root, f"<< /Type /Outlines /First {reference(numbers_[top[0]])} /Last {reference(numbers_[top[-1]])} "
                  f"/Count {counts[None]} >>")
    return root
