"""Chinese line breaking: 禁则, unbroken Latin words, justification to the exact line width."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from converter.typeset.linebreak import break_lines, can_break
from converter.layout.punctuation import NO_LINE_END, NO_LINE_START

FULL = 16.0  # one Chinese character
HALF = 8.0  # one Latin letter or digit


def widths_of(text: str) -> list[float]:
    return [HALF if c.isascii() else FULL for c in text]


def lines_of(text: str, characters_per_line: int = 10) -> list[str]:
    width = characters_per_line * FULL
    return [text[s.start:s.end] for s in break_lines(text, widths_of(text), width, width)]


def test_a_closing_mark_never_starts_a_line_it_pulls_the_character_before_it_down():
    text = "一二三四五六七八九十，十一"
    assert lines_of(text) == ["一二三四五六七八九", "十，十一"]


def test_an_opening_mark_never_ends_a_line():
    text = "一二三四五六七八九《十一》"
    assert lines_of(text) == ["一二三四五六七八九", "《十一》"]


def test_a_latin_word_or_number_is_not_split():
    text = "一二三四五六七八九2024年"  # 9 + 2 character widths: the number goes down whole
    assert lines_of(text) == ["一二三四五六七八九", "2024年"]


def test_ellipsis_and_dash_pairs_stay_together():
    assert lines_of("一二三四五六七八九……十") == ["一二三四五六七八", "九……十"]
    assert lines_of("一二三四五六七八九——十") == ["一二三四五六七八", "九——十"]


def test_full_lines_are_justified_to_the_width_and_the_last_line_is_not():
    text = "一二三四五六七八九2024年十一"
    spans = break_lines(text, widths_of(text), 10 * FULL, 10 * FULL)
    first = spans[0]
    used = sum(widths_of(text)[first.start:first.end]) + first.extra * (first.end - first.start - 1)
    assert abs(used - 10 * FULL) < 1e-6
    assert spans[-1].extra == 0.0


def test_a_word_longer_than_a_line_is_split_rather_than_lost():
    text = "A" * 30
    assert "".join(lines_of(text)) == text


def test_the_first_line_may_be_narrower_than_the_rest():
    text = "一" * 20
    spans = break_lines(text, widths_of(text), 8 * FULL, 10 * FULL)
    assert [s.end - s.start for s in spans] == [8, 9, 3]  # no last line of two characters


def test_a_paragraph_does_not_end_on_one_or_two_characters_when_the_line_above_can_give_one():
    assert lines_of("一二三四五六七八九十。") == ["一二三四五六七八", "九十。"]
    assert lines_of("一二三四五六七八九十十一") == ["一二三四五六七八九", "十十一"]


def test_a_number_keeps_its_unit_and_a_kept_position_is_not_broken():
    assert lines_of("一二三四五六七八24日期") == ["一二三四五六七八", "24日期"]
    text = "一二三四五六七八王春黎来了"
    spans = break_lines(text, widths_of(text), 10 * FULL, 10 * FULL, keeps=frozenset({9, 10}))
    assert [text[s.start:s.end] for s in spans] == ["一二三四五六七八", "王春黎来了"]


def test_a_latin_run_breaks_after_a_slash_and_never_stretches_the_line():
    text = "一二三四五六ISO/IEC/ABCDEFGH十"
    lines = lines_of(text)
    assert "".join(lines) == text and lines[0].endswith("/")
    text = "一二三" + "A" * 16
    spans = break_lines(text, widths_of(text), 10 * FULL, 10 * FULL)
    assert spans[0].extra == 0.0  # three characters are not spread over the whole measure


_ALPHABET = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动" "，。、；：？！）】》」』”…—（【《「『“ab12"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, min_size=1, max_size=120), st.integers(min_value=3, max_value=28))
def test_every_character_is_kept_in_order_and_breaks_respect_the_rules(text, per_line):
    width = per_line * FULL
    spans = break_lines(text, widths_of(text), width, width)
    assert "".join(text[s.start:s.end] for s in spans) == text
    for previous, span in zip(spans, spans[1:]):
        assert previous.end == span.start
        # A forbidden break is taken only when no allowed one exists on the line.
        if not can_break(text, span.start):
            assert not any(can_break(text, p) for p in range(previous.start + 1, span.start))
    for span in spans:
        line_width = sum(widths_of(text)[span.start:span.end])
        assert line_width <= width + 0.01 or span.end - span.start == 1 or not any(
            can_break(text, p) for p in range(span.start + 1, span.end))


def test_can_break_follows_the_mark_sets():
    for mark in NO_LINE_START:
        assert not can_break("一" + mark, 1)
    for mark in NO_LINE_END:
        assert not can_break(mark + "一", 1)
    assert can_break("一二", 1)
