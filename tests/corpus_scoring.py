"""Score the parser against the hand annotations in ../shared/corpus, field by field.

Run it to see the table:  python tests/corpus_scoring.py [--details]
The corpus test (test_corpus.py) asserts the per-field thresholds.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from converter import parse  # noqa: E402
from converter.model import blocks, effective_metadata, meeting_date, meetings, participants, text_of, title_text  # noqa: E402
from converter.vocabulary import GROUP, q  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
FIELDS = ("title", "date", "chairs", "people", "roles", "groups", "sections", "items", "metadata")
_WIDTH = str.maketrans("，：；（）！？“”", ",:;()!?\"\"")


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text or "").translate(_WIDTH)


def _start(block) -> str:
    """The text right after the marker, as the annotation rules cut it."""
    text = block.text
    if block.marker and block.marker in text:
        text = text[text.index(block.marker) + len(block.marker):]
    text = re.sub(r"^\s*了?\s*", "", text)
    return re.sub(r"^[,，]|^[:：]\s*[“\"]?", "", text).lstrip()


def extract(text: str) -> dict:
    """The parser's reading of a text, in the annotation's shape."""
    root = parse(text).root
    people, chairs = [], []
    for meeting in meetings(root):
        for person in participants(meeting):
            for action in person.actions:
                people.append({"name": person.name, "role": person.role, "action": action})
                if action == "主持":
                    chairs.append({"name": person.name, "role": person.role})
    groups = list(dict.fromkeys(text_of(g).strip() for g in root.iter(q(GROUP))))
    date = None
    if meetings(root):
        found = meeting_date(meetings(root)[0])
        if found is not None:
            value = found.get("value")
            date = value if not value.startswith("-") else (value[2:] if value.startswith("--") and not value.startswith("---") else None)
    return {
        "title": title_text(root),
        "meeting_date": date,
        "chairs": chairs,
        "people": people,
        "groups": groups,
        "sections": [
            {"kind": b.kind, "speaker": b.speaker, "start": _start(b)[:16], "items": len(b.items)}
            for b in blocks(root)
        ],
        "metadata": effective_metadata(root),
    }


@dataclass
class Tally:
    true_positive: int = 0
    predicted: int = 0
    expected: int = 0

    def add(self, predicted: list, expected: list) -> list:
        missing = Counter(expected)
        hits = 0
        for item in predicted:
            if missing[item] > 0:
                missing[item] -= 1
                hits += 1
        self.true_positive += hits
        self.predicted += len(predicted)
        self.expected += len(expected)
        return [item for item in expected if item not in predicted] + [("extra", i) for i in predicted if i not in expected]

    @property
    def f1(self) -> float:
        if self.predicted == 0 and self.expected == 0:
            return 1.0
        precision = self.true_positive / self.predicted if self.predicted else 0.0
        recall = self.true_positive / self.expected if self.expected else 0.0
        return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _section_keys(sections: list[dict]) -> list[tuple]:
    return [(s["kind"], _norm(s["speaker"]), _norm(s["start"])[:6]) for s in sections]


def compare(got: dict, want: dict, tallies: dict[str, Tally]) -> dict[str, list]:
    misses: dict[str, list] = {}
    misses["title"] = tallies["title"].add([_norm(got["title"])] if got["title"] else [], [_norm(want["title"])] if want["title"] else [])
    misses["date"] = tallies["date"].add([got["meeting_date"]] if got["meeting_date"] else [], [want["meeting_date"]] if want["meeting_date"] else [])
    misses["chairs"] = tallies["chairs"].add([(c["name"], c["role"]) for c in got["chairs"]], [(c["name"], c["role"]) for c in want["chairs"]])
    misses["people"] = tallies["people"].add([(p["name"], p["action"]) for p in got["people"]], [(p["name"], p["action"]) for p in want["people"]])
    misses["roles"] = tallies["roles"].add(sorted({(p["name"], p["role"]) for p in got["people"]}), sorted({(p["name"], p["role"]) for p in want["people"]}))
    misses["groups"] = tallies["groups"].add([_norm(g) for g in got["groups"]], [_norm(g) for g in want["groups"]])
    misses["sections"] = tallies["sections"].add(_section_keys(got["sections"]), _section_keys(want["sections"]))
    got_items = [k + (s["items"],) for k, s in zip(_section_keys(got["sections"]), got["sections"]) if s["items"]]
    want_items = [k + (s["items"],) for k, s in zip(_section_keys(want["sections"]), want["sections"]) if s["items"]]
    misses["items"] = tallies["items"].add(got_items, want_items)
    got_meta = sorted((k, str(v)) for k, v in got["metadata"].items())
    want_meta = sorted((k, str(v)) for k, v in want["metadata"].items())
    misses["metadata"] = tallies["metadata"].add(got_meta, want_meta)
    return {k: v for k, v in misses.items() if v}


def score(names: list[str] | None = None) -> tuple[dict[str, Tally], dict[str, dict]]:
    tallies = {name: Tally() for name in FIELDS}
    details = {}
    for path in sorted(CORPUS.glob("*.txt")):
        if names and path.stem not in names:
            continue
        want = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        got = extract(path.read_text(encoding="utf-8"))
        details[path.stem] = compare(got, want, tallies)
    return tallies, details


def main() -> None:
    tallies, details = score()
    print(f"{'field':<10} {'F1':>6} {'tp':>4} {'pred':>5} {'exp':>4}")
    for name, tally in tallies.items():
        print(f"{name:<10} {tally.f1:6.3f} {tally.true_positive:4d} {tally.predicted:5d} {tally.expected:4d}")
    if "--details" in sys.argv:
        for text, misses in details.items():
            for field_name, wrong in misses.items():
                print(f"{text} {field_name}: {wrong}")


if __name__ == "__main__":
    main()
