"""Readability of an article's story text: Flesch, Flesch-Kincaid, Gunning fog, SMOG, sentence and word length.

Only the story sentences count (never page furniture). Sentences are the spans the caller gives, not a
splitter of textstat's own; words are counted with :func:`framing.lexicon.count_words`, the same words the
lexicon rates are per 1,000 of. Syllables come from textstat 0.7.8 (CMU Pronouncing Dictionary, with Pyphen
hyphenation for words it lacks), and Gunning's "complex words" follow textstat's rule (three or more syllables
and not on its Dale-Chall easy-word list). Nothing is downloaded.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from framing.lexicon import _WORD_RE, _clip_spans

__all__ = ["COLUMNS", "ReadabilityCounts", "readability", "readability_counts"]

COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "flesch_reading_ease": "Flesch Reading Ease of the story text, 206.835 - 1.015 x words per sentence - 84.6 x syllables per word; higher is easier (60-70 is plain English); NaN without story words.",
        "flesch_kincaid_grade": "Flesch-Kincaid grade level of the story text, 0.39 x words per sentence + 11.8 x syllables per word - 15.59 (a US school grade); NaN without story words.",
        "gunning_fog": "Gunning fog index of the story text, 0.4 x (words per sentence + 100 x share of complex words); complex = 3+ syllables and not on textstat's easy-word list; NaN without story words.",
        "smog_index": "SMOG grade of the story text, 1.043 x sqrt(words of 3+ syllables x 30 / sentences) + 3.1291; the formula was built for samples of 30 or more sentences and is unreliable on shorter stories; NaN without story words.",
        "words_per_sentence": "Mean story-sentence length in words (story words / story sentences that contain a word).",
        "syllables_per_word": "Mean syllables per story word (textstat syllable counts).",
    }
}


@dataclass(frozen=True)
class ReadabilityCounts:
    """The counts every readability formula is built from."""

    n_sentences: int
    n_words: int
    n_syllables: int
    n_polysyllables: int  # words of three or more syllables
    n_complex: int  # polysyllables not on textstat's easy-word list (Gunning's "hard words")


@lru_cache(maxsize=1)
def _textstat():
    """A private textstat instance (English, no rounding) so no other caller's settings leak in."""
    from textstat.textstat import textstatistics

    ts = textstatistics()
    ts.set_lang("en_US")
    if hasattr(ts, "set_rounding_points"):  # textstat >= 0.7.6
        ts.set_rounding_points(None)
    return ts


@lru_cache(maxsize=65536)
def _syllables(word: str) -> int:
    n = _textstat().syllable_count(word)
    return max(int(n), 1)


@lru_cache(maxsize=65536)
def _is_complex(word: str) -> bool:
    return bool(_textstat().is_difficult_word(word, syllable_threshold=3))


def readability_counts(text: str, sentences: Sequence[tuple[int, int]]) -> ReadabilityCounts:
    """Count sentences, words, syllables, polysyllables and complex words inside the sentence spans."""
    n_sent = n_words = n_syll = n_poly = n_complex = 0
    text = text if isinstance(text, str) else ""
    for _, s, e in _clip_spans(text, sentences):
        words = [re.sub(r"[-\u2010\u2011.]", " ", w.group()).split() for w in _WORD_RE.finditer(text, s, e)]
        if not words:
            continue
        n_sent += 1
        for parts in words:
            n_words += 1
            # a hyphenated or dotted word is one word whose syllables are those of its parts
            syl = sum(_syllables(p.lower()) for p in parts)
            n_syll += syl
            if syl >= 3:
                n_poly += 1
                if len(parts) > 1 or _is_complex(parts[0].lower()):
                    n_complex += 1
    return ReadabilityCounts(n_sent, n_words, n_syll, n_poly, n_complex)


def readability(text: str, sentences: Sequence[tuple[int, int]]) -> dict[str, float]:
    """Readability scores of the story text (the ``articles`` columns in :data:`COLUMNS`).

    Parameters
    ----------
    text:
        The raw article text.
    sentences:
        Story sentences as ``(start, end)`` spans into ``text``; a span without any word is not a sentence.

    Returns
    -------
    dict with ``flesch_reading_ease``, ``flesch_kincaid_grade``, ``gunning_fog``, ``smog_index``,
    ``words_per_sentence`` and ``syllables_per_word``; all NaN when there are no story words.

    Notes
    -----
    Flesch (1948), "A new readability yardstick"; Kincaid, Fishburne, Rogers & Chissom (1975), the
    Flesch-Kincaid grade; Gunning (1952), The Technique of Clear Writing; McLaughlin (1969), "SMOG grading",
    whose formula assumes a sample of 30 sentences (here it is applied to all story sentences, scaled to 30).
    """
    c = readability_counts(text, sentences)
    if c.n_words == 0 or c.n_sentences == 0:
        return {k: math.nan for k in COLUMNS["articles"]}
    wps = c.n_words / c.n_sentences
    spw = c.n_syllables / c.n_words
    return {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + 100.0 * c.n_complex / c.n_words),
        "smog_index": 1.043 * math.sqrt(c.n_polysyllables * 30.0 / c.n_sentences) + 3.1291,
        "words_per_sentence": wps,
        "syllables_per_word": spw,
    }


