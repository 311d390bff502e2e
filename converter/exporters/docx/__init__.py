"""DOCX export: a Word file an office prints as it is (GB/T 9704 page, report and 纪要 layouts).

    content   what each layout prints, as styled paragraphs read from the tree
    runs      a paragraph's runs (markers, item labels) and punctuation typesetting
    (the 纪要 mark and 出席/列席/请假 lines come from converter.minutes, shared with PDF)
    styles, parts, template   our own small template, built by code from converter.layout
    writer    paragraphs and document properties into python-docx
"""

from __future__ import annotations

import io

import docx

from ...errors import ExportError
from ...minutes import minutes_mark
from .content import LAYOUTS
from .faces import faces_for
from .template import template
from .writer import write_paragraphs, write_properties


class DocxExporter:
    name = "docx"
    suffix = ".docx"
    description = "Word document, GB/T 9704 page; --layout report or minutes (纪要)"

    def export(self, document, options) -> bytes:
        if options.layout not in LAYOUTS:
            raise ExportError(f"unknown layout {options.layout!r} for docx; choose {' or '.join(LAYOUTS)}")
        minutes = options.layout == "minutes"
        faces = faces_for(options.fonts)
        word = docx.Document(io.BytesIO(template(faces, minutes)))
        root = document.root
        write_paragraphs(word, LAYOUTS[options.layout](root, options.keep_punctuation))
        write_properties(word, root, minutes_mark(root) if minutes else None)
        output = io.BytesIO()
        word.save(output)
        return output.getvalue()


EXPORTER = DocxExporter()
