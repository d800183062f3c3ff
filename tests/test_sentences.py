"""The sentence splitter shared by ``coverage`` and ``new``: offsets exact, nothing lost."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jointstmt.sentences import split

WORDS = st.sampled_from(
    [
        "We",
        "the",
        "U.S.",
        "Jr.",
        "Dr.",
        "No.",
        "5",
        "agree",
        "ASEAN-U.S.",
        "Summit",
        "p.m.",
        "1.",
        "(a)",
        "**bold**",
        "déclaration",
        "\u00a0",
        "E.U.",
        "call",
        "on",
    ]
)
ENDS = st.sampled_from([". ", "? ", "! ", ".\n", ".\n\n", ":\n\n1. ", ".  \n   \n", " "])
TEXTS = st.lists(st.tuples(st.lists(WORDS, min_size=1, max_size=6), ENDS), max_size=8).map(
    lambda parts: "".join(" ".join(words) + end for words, end in parts)
)


@given(TEXTS)
def test_sentences_are_ordered_disjoint_exact_and_cover_every_character(text: str) -> None:
    """Each sentence is the text at its offsets, stripped; they come in order without overlap;
    every non-space character of the text is in one of them."""
    sentences = split(text)
    covered = set()
    previous_end = 0
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        assert s.text
        assert s.start >= previous_end
        previous_end = s.end
        covered.update(range(s.start, s.end))
    assert {i for i, c in enumerate(text) if not c.isspace()} <= covered


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. and Japan met. We agree.", ["The U.S. and Japan met.", "We agree."]),
        (
            "Martin Luther King Jr. spoke. Dr. Smith agreed.",
            ["Martin Luther King Jr. spoke.", "Dr. Smith agreed."],
        ),
        ("Resolution No. 2722 passed. It binds.", ["Resolution No. 2722 passed.", "It binds."]),
        (
            "We agree as follows:\n\n1. Alpha acts.\n2. Beta acts.",
            ["We agree as follows:", "1. Alpha acts.", "2. Beta acts."],
        ),
        (
            "At the 9th ASEAN-U.S. Summit, they met. Then left.",
            ["At the 9th ASEAN-U.S. Summit, they met.", "Then left."],
        ),
        (
            "the ASEAN-U.S.\nSpecial Summit (2022) met.",
            ["the ASEAN-U.S.\nSpecial Summit (2022) met."],
        ),
        ("Closing words.  \n   \nNext paragraph.", ["Closing words.", "Next paragraph."]),
    ],
)
def test_abbreviations_and_numbered_items(text: str, expected: list[str]) -> None:
    assert [s.text for s in split(text)] == expected


def test_a_bold_heading_that_wraps_is_a_heading_and_a_sentence_is_not() -> None:
    heading, sentence = split(
        "**Promoting Stability for Communities of Destination,\nOrigin**\n\nWe act."
    )
    assert heading.is_heading
    assert not sentence.is_heading
