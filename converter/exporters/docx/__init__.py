"""DOCX export: a Word file an office prints as it is (GB/T 9704 page, report and 纪要 layouts).

    content   the print plan (converter.layout, shared with PDF) as styled paragraphs
    styles, parts, template   our own small template, built by code from converter.layout
    writer    paragraphs and document properties into python-docx
"""

from __future__ import annotations

import io

import docx

from ...layout.plan import build_plan
from .content import paragraphs
from .faces import faces_for
from .template import template
from .writer import write_paragraphs, write_properties


class DocxExporter:
    name = "docx"
    suffix = ".docx"
    description = "Word document, GB/T 9704 page; --layout report or minutes (纪要)"

    def export(self, document, options) -> bytes:
        plan = build_plan(document.root, options)
        faces = faces_for(options.fonts)
        word = docx.Document(io.BytesIO(template(faces, plan.layout == "minutes")))
        write_paragraphs(word, paragraphs(plan))
        write_properties(word, plan.properties)
        output = io.BytesIO()
        word.save(output)
        return output.getvalue()


EXPORTER = DocxExporter()
