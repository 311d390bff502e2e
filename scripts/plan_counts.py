"""Counts of issue 11 over the corpus, from the print plan of every text in both layouts:

    python scripts/plan_counts.py [--unfinished] [CORPUS_DIR]

titles and 纪要标志 that wrap, and how many of them break only between words (jieba's words,
on the simplified shadow of a traditional text); bare 会议纪要 marks; characters of the text's
paragraphs (front, meetings, back; inline chrome excepted) that no printed line carries; printed
lines of the text that are no finished sentence (where page junk would show: `--unfinished` lists
them for review).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import converter  # noqa: E402
from converter.layout import plan as p  # noqa: E402
from converter.layout import titles  # noqa: E402
from converter.options import ExportOptions  # noqa: E402
from tests.printable import HAN as _HAN, printable_text  # noqa: E402

_GENERATED = {p.TITLE, p.MINUTES_MARK, p.META}
_FINISHED = re.compile(r"[。！？!?][”’\"）)]*\s*$")


def dropped(root, plan: p.Plan) -> int:
    printed = Counter(_HAN.findall("".join(b.text for b in plan.blocks if b.role not in _GENERATED)))
    wanted = Counter(_HAN.findall(printable_text(root)))
    return sum((wanted - printed).values())


def between_words(broken: str) -> bool:
    text = broken.replace("\n", "")
    boundaries, position = set(), 0
    for word in titles._words(text):
        position += len(word)
        boundaries.add(position)
    position, ok = 0, True
    for line in broken.split("\n")[:-1]:
        position += len(line)
        ok = ok and position in boundaries
    return ok


def unfinished(plan: p.Plan) -> list[str]:
    """The printed lines of the text itself that do not end a sentence (headings, a deck, a
    signature, cut-off lines … and any page junk the parser failed to mark as chrome); a 纪要's
    attendance lines are left out (their names are the meeting's, never a page's)."""
    return [b.text for b in plan.blocks
            if b.role not in _GENERATED and b.role != p.ATTENDANCE and not _FINISHED.search(b.text)]


def main(corpus: Path, listing: bool = False) -> None:
    wrapped = by_words = bare = lost = documents = open_lines = 0
    for path in sorted(corpus.glob("*.txt")):
        document = converter.parse(path.read_text(encoding="utf-8"))
        documents += 1
        for layout in ("report", "minutes"):
            plan = p.build_plan(document.root, ExportOptions(layout=layout))
            lost += dropped(document.root, plan)
            for line in unfinished(plan):
                open_lines += 1
                if listing:
                    print(f"{path.stem}.{layout}\t{line}")
            for block in plan.blocks:
                if block.role not in (p.TITLE, p.MINUTES_MARK):
                    continue
                size = (p.MARK_TYPE if block.role == p.MINUTES_MARK else p.TITLE_TYPE).size_pt
                if block.role == p.MINUTES_MARK and block.text in ("会议纪要", "會議紀要"):
                    bare += 1
                if any(titles.em_width(piece) > p._per_line(size) for piece in block.text.split("\n")):
                    wrapped += 1  # a piece the plan could not break between words: the renderer breaks it
                elif "\n" in block.text:
                    wrapped += 1
                    by_words += between_words(block.text)
    print(f"{documents} texts x 2 layouts")
    print(f"titles and marks that wrap: {wrapped}; broken only between words: {by_words}")
    print(f"bare 会议纪要 marks: {bare}")
    print(f"characters dropped: {lost}")
    print(f"printed lines that end no sentence: {open_lines}")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--unfinished"]
    main(Path(arguments[0]) if arguments else ROOT.parent / "shared" / "corpus", "--unfinished" in sys.argv[1:])
