"""Read a meeting report, check it, and print who presided and what the meeting said.

    python examples/api_example.py examples/notice.txt
"""

import sys
from pathlib import Path

import converter
from converter.model import blocks, meetings, participants


def main(path: str) -> None:
    document = converter.parse_bytes(Path(path).read_bytes())
    problems = converter.validate(document)
    if problems:
        raise SystemExit(f"{path}: {len(problems)} schema problem(s): {problems[0]}")
    print("标题:", document.title)
    print("发布:", document.metadata.get("published"), document.metadata.get("source"))
    for meeting in meetings(document.root):
        for person in participants(meeting):
            print(f"人员: {person.name} ({person.role or '—'}) {' '.join(person.actions)}")
    for block in blocks(document.root):
        print(f"{block.speaker}{block.kind}: {len(block.items)} 项, {len(block.text)} 字")
    json_bytes = converter.export(document, "json")
    print("JSON:", len(json_bytes), "bytes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).with_name("notice.txt")))
