"""The parser on every corpus text: valid, lossless, and scored against the annotations."""

from __future__ import annotations

import re

import pytest

import converter
from converter.summary import summarise
from tests.conftest import corpus_names, corpus_text
from tests.corpus_scoring import FIELDS, score

# Per-field F1 below which the corpus test fails: what the parser reaches on all 61 texts
# (issue 9), rounded down. The corpus is a development sample and the parser is measured on
# reports kept aside, so these only guard against regressions. The one miss left (people, dev-11:
# 刘艳 部署 from "…进行了部署") is an annotation that disagrees with dev-53's for the same words.
THRESHOLDS = {
    "title": 1.0, "date": 1.0, "chairs": 1.0, "people": 0.997, "roles": 1.0,
    "groups": 1.0, "sections": 1.0, "items": 1.0, "metadata": 1.0,
}

_FULL_WIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"})


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", corpus_names())
def test_every_corpus_text_is_valid_and_keeps_all_its_text(name, corpus_available):
    text = corpus_text(name)
    document = converter.parse(text)
    assert converter.validate(document) == []
    assert _squash(document.text()) == _squash(text)


def _structure(text: str) -> dict:
    data = summarise(converter.parse(text).root)
    squash = lambda s: _squash(s or "").translate(_FULL_WIDTH)  # noqa: E731
    return {
        "title": squash(data["title"]),
        "metadata": {k: squash(str(v)) for k, v in data["metadata"].items()},
        "meetings": [
            {
                "date": m["date"]["value"] if m["date"] else None,
                "persons": [(squash(p["name"]), squash(p["role"]), p["action"]) for p in m["persons"]],
                "groups": [squash(g["text"]) for g in m["groups"]],
                "sections": [(s["kind"], squash(s["speaker"]), len(s["items"]), squash(s["text"])) for s in m["sections"]],
            }
            for m in data["meetings"]
        ],
    }


@pytest.mark.parametrize("name", corpus_names())
def test_full_width_punctuation_gives_the_same_structure(name, corpus_available):
    # The corpus lost its full-width marks on the way; real reports mostly have them.
    text = corpus_text(name)
    assert _structure(text.translate(_FULL_WIDTH)) == _structure(text)


@pytest.mark.parametrize("name", corpus_names())
def test_crlf_gives_the_same_structure(name, corpus_available):
    text = corpus_text(name)
    assert _structure(text.replace("\n", "\r\n")) == _structure(text)


def test_corpus_scores_per_field(corpus_available):
    tallies, details = score()
    low = {f: round(tallies[f].f1, 3) for f in FIELDS if tallies[f].f1 < THRESHOLDS[f]}
    assert not low, f"fields under threshold: {low}; misses: {details}"
