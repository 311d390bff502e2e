"""Typesetting shared by the page formats (PDF, OFD): fonts, their notes and glyphs, line
breaking and setting, the grid-line blocks of a print plan.

Format-neutral: the writers of each page format (converter/exporters/pdf, …/ofd) draw what is
set here; nothing here writes a file format.
"""
