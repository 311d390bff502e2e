"""Every name of the canonical XML vocabulary, spelled once.

The parser that builds trees, the exporters that read them and the schema tests all take their
names from here, so a renamed element cannot drift between writer and reader.
"""

SCHEMA_VERSION = "1.1"
# One namespace per major version: a 2.x document is a different vocabulary.
NAMESPACE = "urn:notice-converter:notice:1"
NS = "{%s}" % NAMESPACE

# Structure.
NOTICE = "notice"
FRONT = "front"
BODY = "body"
BACK = "back"
MEETING = "meeting"

# Where the document came from (first child of the root; attributes only, no text).
PROVENANCE = "provenance"
WARNING = "warning"
GUESS = "guess"
NOTE = "note"
CONVERTER_NAME = "notice-converter"

# Blocks: one per non-blank input line.
TITLE = "title"
LINE_BREAK = "lb"
METADATA = "metadata"
LINE = "line"
CHROME = "chrome"
PARAGRAPH = "p"

# Where an element came from: the input line of a block, the characters of an inline element
# within that line (0-based, end exclusive).
SOURCE_LINE = "line"
START = "start"
END = "end"

# Inline markup inside blocks.
LABEL = "label"
DATE = "date"
ORGANISER = "organiser"
MEETING_NAME = "meeting-name"
PERSON = "person"
GROUP = "group"
SECTION = "section"
MARKER = "marker"
ITEM = "item"
BYLINE = "byline"
CREDIT = "credit"

# Metadata fields: element name -> what the field means.
METADATA_FIELDS = (
    "source",
    "author",
    "published",
    "views",
    "editor",
    "reviewer",
    "drafter",
    "proofreader",
    "publisher",
)

# Closed sets, mirrored as enumerations in schemas/notice.xsd.
METADATA_ORIGINS = ("page", "article", "footer")
CHROME_KINDS = (
    "navigation",
    "font-size",
    "share",
    "qr-code",
    "print",
    "close",
    "login",
    "comment",
    "copyright",
    "image",
    "byline",
    "repeated-title",
    "original-title",
    "residue",
    "timestamp",
    "site",
    "tag",
)
DAYPARTS = ("morning", "noon", "afternoon", "evening", "night")
YEAR_SOURCES = ("stated", "series", "publication", "none")
PERSON_ACTIONS = (
    "主持", "出席", "列席", "参加", "传达", "讲话", "作报告", "汇报", "通报", "发言", "领学",
    "宣读", "介绍", "点评", "总结", "说明", "解读", "部署", "布置", "培训", "就座", "上党课",
    "请假", "缺席",
)


def q(name: str) -> str:
    """The Clark name `{namespace}name` lxml uses for an element of the vocabulary."""
    return NS + name
