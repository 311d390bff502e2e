"""What a printed notice shows, decided once for every page format (GB/T 9704-2012).

    numbers      the standard's page, grid, type sizes and faces (re-exported here)
    punctuation  GB/T 15834 punctuation and the 禁则 of Chinese line breaking
    minutes      the 纪要标志, the 出席/列席/请假 lines, the source line under a headline
    inline       one walker over a block's inline markup, one handler per element
    properties   the document properties (title, author, subject, keywords, date)
    plan         the print plan: blocks with a role, runs with a role, blank lines, anchors

The DOCX and PDF exporters render a plan and map its roles to their own look; neither decides
what prints. This package reads the model only: it imports no exporter and no parser.
"""

from .numbers import *  # noqa: F401,F403 - the GB/T 9704 numbers, as `layout.BODY` etc.
