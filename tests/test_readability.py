"""Tests for framing.readability on tiny texts whose words, sentences and syllables are counted by hand.

Formulas (published): Flesch reading ease 206.835 - 1.015 W/S - 84.6 Y/W; Flesch-Kincaid grade
0.39 W/S + 11.8 Y/W - 15.59; Gunning fog 0.4 (W/S + 100 C/W); SMOG 1.043 sqrt(30 P/S) + 3.1291.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from framing.readability import COLUMNS, readability, readability_counts


def _easy_words() -> set[str]:
    import textstat

    path = Path(textstat.__file__).parent / "resources" / "en" / "easy_words.txt"
    return {w.strip() for w in path.read_text(encoding="utf-8").splitlines()}


def test_monosyllabic_text():
    text = "The cat sat on the mat. The dog ran."
    spans = [(0, text.index(".") + 1), (text.index("The dog"), len(text))]
    out = readability(text, spans)
    # 9 words, 2 sentences, every word one syllable, no word of 3+ syllables
    assert out["words_per_sentence"] == pytest.approx(4.5)
    assert out["syllables_per_word"] == pytest.approx(1.0)
    assert out["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 4.5 - 84.6)  # 117.6675
    assert out["flesch_kincaid_grade"] == pytest.approx(0.39 * 4.5 + 11.8 - 15.59)  # -2.035
    assert out["gunning_fog"] == pytest.approx(0.4 * 4.5)
    assert out["smog_index"] == pytest.approx(3.1291)


def test_polysyllabic_text():
    text = "The injunction was denied. Jurisdiction matters."
    spans = [(0, text.index(".") + 1), (text.index("Jurisdiction"), len(text))]
    # The(1) in-junc-tion(3) was(1) de-nied(2) | ju-ris-dic-tion(4) mat-ters(2): 6 words, 13 syllables
    # words of 3+ syllables: injunction, jurisdiction (neither on textstat's easy-word list)
    easy = _easy_words()
    assert "injunction" not in easy and "jurisdiction" not in easy
    c = readability_counts(text, spans)
    assert (c.n_sentences, c.n_words, c.n_syllables, c.n_polysyllables, c.n_complex) == (2, 6, 13, 2, 2)
    out = readability(text, spans)
    assert out["words_per_sentence"] == pytest.approx(3.0)
    assert out["syllables_per_word"] == pytest.approx(13 / 6)
    assert out["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 3 - 84.6 * 13 / 6)  # 20.49
    assert out["gunning_fog"] == pytest.approx(0.4 * (3 + 100 * 2 / 6))  # 14.533
    assert out["smog_index"] == pytest.approx(1.043 * math.sqrt(30) + 3.1291)  # 8.842


def test_sentence_length_comes_from_the_given_spans_not_a_splitter():
    text = "Mr. Smith went to Washington. He left."
    # 7 words; the caller decides how many sentences there are
    one = readability(text, [(0, len(text))])
    two = readability(text, [(0, text.index("He") - 1), (text.index("He"), len(text))])
    assert one["words_per_sentence"] == pytest.approx(7.0)
    assert two["words_per_sentence"] == pytest.approx(3.5)


def test_spans_without_words_are_not_sentences_and_hyphenated_words_count_once():
    text = "A well-known fact. \u2014 \u2014"
    out = readability(text, [(0, 18), (19, len(text))])
    assert out["words_per_sentence"] == pytest.approx(3.0)  # A, well-known, fact; the dash span is no sentence


def test_only_story_spans_count():
    text = "Subscribe now for unbelievable international opportunities! The dog ran."
    out = readability(text, [(text.index("The dog"), len(text))])
    assert out["syllables_per_word"] == pytest.approx(1.0)
    assert out["words_per_sentence"] == pytest.approx(3.0)


def test_empty_input_gives_nan():
    for text, spans in [("", []), ("abc", []), ("abc", [(10, 20)]), ("...", [(0, 3)]), (None, None)]:
        out = readability(text, spans)
        assert set(out) == set(COLUMNS["articles"])
        assert all(math.isnan(v) for v in out.values())
