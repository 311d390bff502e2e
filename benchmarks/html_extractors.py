"""Which library reads web pages best for us: trafilatura, readability-lxml, justext, inscriptis.

Each page of tests/webpages.py (three shapes: a GBK government portal, a GB2312 table layout, a
UTF-8 HTML5 page, all with heavy navigation, widgets, scripts and footers) is made from a text
report, decoded as the page declares, turned into text by each library, then parsed. Measured:
whether the headline and the metadata lines are kept as lines, the share of the report's
paragraphs kept in order, how many navigation/footer strings leak into the text, whether the
parse gives the same title, date, people and statement blocks as the text itself, and the time.

    pip install -e ".[bench-html]"      # trafilatura, readability-lxml, justext
    python benchmarks/html_extractors.py [--texts N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import converter  # noqa: E402
from converter.summary import summarise  # noqa: E402
from converter.webpage import decode_page  # noqa: E402
from tests.webpages import NAV, PAGES, RELATED, page_bytes, split_report  # noqa: E402

_FURNITURE = NAV + RELATED + ["版权所有", "ICP备", "分享到", "无障碍", "网站标识码", "var _hmt"]


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, output_format="txt", favor_recall=True, include_comments=False) or ""


def _readability(html: str) -> str:
    from inscriptis import get_text
    from readability import Document

    document = Document(html)
    # readability gives the article as HTML and the headline apart; a reader sees both.
    return document.short_title() + "\n" + get_text(document.summary(html_partial=True))


def _justext(html: str) -> str:
    import justext

    # No Chinese stop-list ships with justext: an empty one leaves length and link density.
    paragraphs = justext.justext(html, frozenset(), encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _inscriptis(html: str) -> str:
    from inscriptis import get_text

    return get_text(html)


def _ours(html: str) -> str:
    from converter.webpage import page_text

    return page_text(html).text


EXTRACTORS = {
    "trafilatura": _trafilatura,
    "readability-lxml": _readability,
    "justext": _justext,
    "inscriptis": _inscriptis,
    "ours (inscriptis + pruning)": _ours,
}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def _shape(text: str) -> dict:
    data = summarise(converter.parse(text).root)
    return {
        "title": _squash(data["title"]),
        "date": [m["date"]["value"] if m["date"] else None for m in data["meetings"]],
        "people": sorted((p["name"], p["role"], tuple(p["action"])) for m in data["meetings"] for p in m["persons"]),
        "blocks": [(s["kind"], s["speaker"], len(s["items"])) for m in data["meetings"] for s in m["sections"]],
    }


def _measure(name: str, extract, report: str, shape: str) -> dict:
    html = decode_page(page_bytes(shape, report)).text
    started = time.perf_counter()
    text = extract(html)
    seconds = time.perf_counter() - started
    lines = [_squash(line) for line in text.splitlines() if line.strip()]
    title, meta, paragraphs = split_report(report)
    flat = "".join(lines)
    kept, cursor = 0, 0
    for paragraph in paragraphs:
        at = flat.find(_squash(paragraph), cursor)
        if at >= 0:
            kept, cursor = kept + 1, at
    try:
        same = _shape(text) == _shape(report) if text.strip() else False
    except converter.ConverterError:
        same = False
    return {
        "headline": _squash(title) in lines if title else None,
        "metadata": sum(_squash(m) in lines for m in meta) / len(meta) if meta else None,
        "paragraphs": kept / len(paragraphs),
        "leaks": sum(flat.count(_squash(f)) for f in _FURNITURE),
        "same": same,
        "ms": seconds * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=10, help="corpus texts besides the seed")
    args = parser.parse_args()
    reports = [(ROOT / "examples" / "notice.txt").read_text(encoding="utf-8")]
    corpus = sorted((ROOT.parent / "shared" / "corpus").glob("*.txt"))[: args.texts]
    for path in corpus:
        text = path.read_text(encoding="utf-8")
        try:
            split_report(text)
            text.encode("gbk")
        except (StopIteration, UnicodeEncodeError):
            continue  # no 。-line to start the body, or characters a GBK page cannot hold
        reports.append(text)
    for extract in EXTRACTORS.values():  # imports and first-call set-up are not measured
        extract(PAGES["html5-utf8"](reports[0]))
    print(f"{len(reports)} reports x {len(PAGES)} page shapes\n")
    print("| library | headline kept | metadata lines kept | paragraphs kept in order | furniture strings leaked | same reading as the text | ms/page |")
    print("|---|---|---|---|---|---|---|")
    for name, extract in EXTRACTORS.items():
        rows = [_measure(name, extract, r, s) for r in reports for s in PAGES]
        titled = [r["headline"] for r in rows if r["headline"] is not None]
        with_metadata = [r["metadata"] for r in rows if r["metadata"] is not None]
        print(
            f"| {name} | {sum(titled)}/{len(titled)} "
            f"| {statistics.mean(with_metadata):.0%} "
            f"| {statistics.mean(r['paragraphs'] for r in rows):.0%} "
            f"| {statistics.mean(r['leaks'] for r in rows):.1f} "
            f"| {sum(r['same'] for r in rows)}/{len(rows)} "
            f"| {statistics.median(r['ms'] for r in rows):.1f} |"
        )


if __name__ == "__main__":
    main()
