"""A saved web page as the text its reader sees: headline, metadata lines and paragraphs, in order.

The page is decoded as it declares (`<meta charset>`, or the http-equiv Content-Type; GB2312
and GBK are read as their superset GB18030), else as any text input is. Then what no reader
sees or what is only page furniture is left out: scripts, styles, forms and frames, and the
page's `<nav>`, `<aside>` and `<footer>` and blocks whose class or id names them navigation, menu
or footer and lists of links (unless they hold running text). What is left out is counted in a note of the
provenance. inscriptis (chosen after measuring it beside trafilatura, readability-lxml and
justext: benchmarks/html_extractors.py) lays the rest out as lines, block by block, in page
order, without dropping the headline and metadata lines as article extractors do. The parser
then reads those lines as it reads a text report, and marks the breadcrumb, share and print
widgets that remain as chrome.

Line numbers and offsets in the document count lines of this text, not of the HTML source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import InputError

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
# Enough to see a page's start: a text report never opens with one of these tags.
_SNIFF = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Page encodings and what to read them as (GB18030 reads GB2312 and GBK; cp950 reads Big5).
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
            "cp936": "gb18030", "big5": "cp950", "big5-hkscs": "big5hkscs", "unicode": "utf-8"}
_NEVER_SEEN = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
               "canvas", "form", "select", "button", "input", "textarea", "head")
_FURNITURE_TAGS = ("nav", "aside", "footer")
_FURNITURE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|topbar|top-bar|sidebar|footer|foot|bottom|copyright|"
    r"related|share|toolbar|links|friendlink|login|logo|banner)(?:$|[\s_\d-])",
    re.I,
)
# A block holding running text is content, whatever its class says.
_RUNNING_TEXT = 3  # sentences
# A block with at least this many links that make up this share of its text is a link list.
_LINK_LIST = 3
_LINK_SHARE = 0.7


@dataclass
class PageText:
    text: str
    notes: list[str] = field(default_factory=list)


@dataclass
class DecodedPage:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def looks_like_html(data: bytes, name: str | None) -> bool:
    """A web page by its name's suffix, or by how its content starts."""
    if name and name.lower().endswith(HTML_SUFFIXES):
        return True
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    return bool(_SNIFF.match(head))


def decode_page(data: bytes) -> DecodedPage:
    """The page's characters, in the encoding it declares when that reads, else as text is read."""
    from .reading import decode

    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii").lower()
        encoding = _ALIASES.get(name, name)
        try:
            return DecodedPage(data.decode(encoding), name)
        except LookupError:
            found = decode(data)
            return DecodedPage(found.text, found.encoding, [f"the page declares an unknown encoding {name!r}; read as {found.encoding}"] + found.warnings)
        except UnicodeDecodeError:
            found = decode(data)
            return DecodedPage(found.text, found.encoding, [f"the page declares {name} but is not; read as {found.encoding}"] + found.warnings)
    found = decode(data)
    return DecodedPage(found.text, found.encoding, list(found.warnings))


def _is_running_text(element) -> bool:
    """Prose, or the headline: never page furniture, whatever the markup around it says."""
    return element.text_content().count("。") >= _RUNNING_TEXT or next(element.iter("h1"), None) is not None


def _attached(element, root) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is root:
            return True
    return False


def _is_link_list(element) -> bool:
    """A menu, a row of tabs, a list of related articles: several links and little else."""
    links = [a for a in element.iter("a") if a.text_content().strip()]
    if len(links) < _LINK_LIST or _is_running_text(element):
        return False
    text = len(re.sub(r"\s+", "", element.text_content()))
    linked = sum(len(re.sub(r"\s+", "", a.text_content())) for a in links)
    return text > 0 and linked >= _LINK_SHARE * text


def _prune(tree) -> list[str]:
    """Leave out what a reader does not see and marked page furniture; say what and how much."""
    counts: dict[str, int] = {}
    dropped_chars = 0

    def drop(element, what: str) -> None:
        nonlocal dropped_chars
        counts[what] = counts.get(what, 0) + 1
        if what not in _NEVER_SEEN:
            dropped_chars += len(re.sub(r"\s+", "", element.text_content()))
        element.drop_tree()

    for element in list(tree.iter(*_NEVER_SEEN)):
        if element.getparent() is not None:
            drop(element, element.tag)
    for element in list(tree.iter(*_FURNITURE_TAGS)):
        if element.getparent() is not None and not _is_running_text(element):
            drop(element, f"<{element.tag}>")
    for element in list(tree.iter("div", "ul", "table", "section", "header", "span", "p")):
        if element.getparent() is None:
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if _FURNITURE_NAMES.search(names) and not _is_running_text(element):
            drop(element, "navigation or footer block")
    for element in list(tree.iter("div", "ul", "ol", "table", "tr", "section", "header", "p", "dl")):
        if _attached(element, tree) and _is_link_list(element):
            drop(element, "list of links")
    if not counts:
        return []
    listed = ", ".join(f"{n} {what}" for what, n in counts.items())
    return [f"web page: left out {listed} ({dropped_chars} visible characters of navigation and footer)"]


def page_text(html: str) -> PageText:
    """The visible lines of a page in order, with what was left out as notes."""
    import lxml.html
    from inscriptis import Inscriptis
    from inscriptis.model.config import ParserConfig

    try:
        tree = lxml.html.document_fromstring(html)
    except Exception as error:  # lxml raises ParserError or ValueError for a page with no elements
        raise InputError(f"cannot read the web page: {error}") from None
    notes = _prune(tree)
    _unlay_tables(tree)
    text = Inscriptis(tree, ParserConfig(display_links=False, display_anchors=False)).get_text()
    # Blank lines and trailing padding are layout, not text: the lines stand as a text report's do.
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    return PageText("\n".join(lines) + "\n", notes)


def _unlay_tables(tree) -> None:
    """Read tables as blocks, one cell after another. Old pages lay the whole page out in
    tables; laid out as a grid, a headline cell would be padded to the width of the article."""
    for element in tree.iter("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"):
        element.tag = "div"


def extractor_name() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"inscriptis {version('inscriptis')}"
    except PackageNotFoundError:
        return "inscriptis"


def read(data: bytes):
    """The text of a web page as an InputText (see converter.inputs)."""
    from .inputs import InputText

    page = decode_page(data)
    extracted = page_text(page.text)
    if not extracted.text.strip():
        raise InputError("the web page shows no text")
    return InputText(
        extracted.text, page.encoding, media_type="text/html", extractor=extractor_name(),
        warnings=page.warnings, notes=extracted.notes,
    )
