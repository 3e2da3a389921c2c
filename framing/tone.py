"""Sentiment of an article's headline and story sentences, and who carries it: the outlet or the people quoted.

Each story sentence and the headline are scored with VADER (compound, and the pos/neu/neg proportions).
Per article: the headline's score, the mean and median sentence score, the shares of positive and negative
sentences (VADER's documented cut-offs: compound >= 0.05 positive, <= -0.05 negative, else neutral), and the
tone of the outlet's own (authorial) words versus the words inside quotation marks.

Authorial/quoted rule: a sentence's characters inside the caller's quotation spans form its quoted segments,
the rest its authorial segments. The quoted segments of one sentence are joined with a space and scored as one
text, and so are its authorial segments; a side counts for that sentence only if it holds at least one word.
``sentiment_quoted`` is the mean of the per-sentence quoted scores over the sentences that have quoted words,
``sentiment_authorial`` the mean of the per-sentence authorial scores over the sentences that have authorial
words. A sentence wholly outside quotes adds only to the authorial mean; one wholly inside, only to the quoted.
"""

from __future__ import annotations

import bisect
import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import astuple, dataclass, fields
from functools import lru_cache

import pandas as pd

from framing.lexicon import _DROP_INVISIBLE, _WORD_RE, _clip_spans

__all__ = [
    "COLUMNS",
    "NEGATIVE_THRESHOLD",
    "POSITIVE_THRESHOLD",
    "SentenceTone",
    "article_tone",
    "polarity",
    "quote_segments",
    "sentence_tone",
]

POSITIVE_THRESHOLD = 0.05  # VADER's documented cut-off for a positive text (compound >= 0.05)
NEGATIVE_THRESHOLD = -0.05  # ... and for a negative one (compound <= -0.05)
MAX_WORDS_PER_CHUNK = 400  # VADER slows quadratically on run-on "sentences"; longer ones are scored in chunks

COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "sentiment_headline": "VADER compound score (-1 most negative .. +1 most positive) of the headline; NaN when there is no headline.",
        "sentiment_headline_pos": "VADER share of the headline's text that is positive (0..1); NaN when there is no headline.",
        "sentiment_headline_neu": "VADER share of the headline's text that is neutral (0..1); NaN when there is no headline.",
        "sentiment_headline_neg": "VADER share of the headline's text that is negative (0..1); NaN when there is no headline.",
        "sentiment_body_mean": "Mean VADER compound score of the story sentences; NaN without story sentences.",
        "sentiment_body_median": "Median VADER compound score of the story sentences; NaN without story sentences.",
        "share_positive_sentences": "Share of story sentences with compound >= 0.05 (VADER's positive cut-off); NaN without story sentences.",
        "share_negative_sentences": "Share of story sentences with compound <= -0.05 (VADER's negative cut-off); NaN without story sentences.",
        "sentiment_authorial": "Tone of the outlet's own words: mean over story sentences with words outside quotation spans of the VADER compound of those words (a sentence's out-of-quote segments joined by spaces); NaN when there are none.",
        "sentiment_quoted": "Tone of quoted words: mean over story sentences with words inside quotation spans of the VADER compound of those words (a sentence's in-quote segments joined by spaces); NaN when nothing is quoted.",
        "n_sentences_authorial": "Number of story sentences with at least one word outside quotation spans (the sentences sentiment_authorial averages).",
        "n_sentences_quoted": "Number of story sentences with at least one word inside quotation spans (the sentences sentiment_quoted averages).",
    },
    "sentences": {
        "article_id": "Identifier of the article the sentence is in.",
        "sentence": "Index of the story sentence within its article, in text order, starting at 0.",
        "start": "Character offset of the sentence's first character in the raw article text.",
        "end": "Character offset just after the sentence's last character in the raw article text.",
        "text": "The sentence as written in the raw article text (text[start:end]).",
        "in_quote": "Share of the sentence's non-space characters that lie inside quotation spans (0..1).",
        "compound": "VADER compound score of the whole sentence (-1 most negative .. +1 most positive); NaN if it has no words.",
        "pos": "VADER share of the sentence's text that is positive (0..1).",
        "neu": "VADER share of the sentence's text that is neutral (0..1).",
        "neg": "VADER share of the sentence's text that is negative (0..1).",
        "compound_authorial": "VADER compound score of the sentence's words outside quotation spans, joined; NaN if there are none.",
        "compound_quoted": "VADER compound score of the sentence's words inside quotation spans, joined; NaN if there are none.",
    },
}


@dataclass(frozen=True)
class SentenceTone:
    """VADER scores of one story sentence and of its authorial and quoted parts."""

    sentence: int
    start: int
    end: int
    text: str
    in_quote: float
    compound: float
    pos: float
    neu: float
    neg: float
    compound_authorial: float
    compound_quoted: float


_SENTENCE_COLUMNS = [f.name for f in fields(SentenceTone)]
_NAN_SCORES = {"compound": math.nan, "pos": math.nan, "neu": math.nan, "neg": math.nan}


@lru_cache(maxsize=1)
def _analyzer():
    """The process's one VADER analyzer (loading its lexicon is the slow part)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _has_word(text: str) -> bool:
    return _WORD_RE.search(text) is not None


def polarity(text: str | None) -> dict[str, float]:
    """VADER ``compound``, ``pos``, ``neu`` and ``neg`` of ``text``; all NaN if it has no words.

    A text longer than ``MAX_WORDS_PER_CHUNK`` words (a run-on span, not a real sentence) is scored in
    consecutive chunks of that many words and the chunk scores averaged, weighted by their word counts.

    Notes
    -----
    Hutto & Gilbert (2014), "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media
    Text", ICWSM.
    """
    if not isinstance(text, str) or not _has_word(text):
        return dict(_NAN_SCORES)
    text = text.translate(_DROP_INVISIBLE)  # "out\u00adrageous" is VADER's "outrageous"
    words = text.split()
    analyzer = _analyzer()
    if len(words) <= MAX_WORDS_PER_CHUNK:
        scores = analyzer.polarity_scores(text)
        return {k: float(scores[k]) for k in ("compound", "pos", "neu", "neg")}
    totals = dict.fromkeys(("compound", "pos", "neu", "neg"), 0.0)
    n_total = 0
    for i in range(0, len(words), MAX_WORDS_PER_CHUNK):
        chunk = words[i : i + MAX_WORDS_PER_CHUNK]
        scores = analyzer.polarity_scores(" ".join(chunk))
        for k in totals:
            totals[k] += float(scores[k]) * len(chunk)
        n_total += len(chunk)
    return {k: v / n_total for k, v in totals.items()}


def _merge_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clip spans to the text, drop empty or malformed ones, merge overlaps; sorted."""
    clean = [(s, e) for _, s, e in _clip_spans(text, spans)]
    clean.sort()
    merged: list[tuple[int, int]] = []
    for s, e in clean:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def quote_segments(
    start: int, end: int, quote_spans: Sequence[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Split the span [start, end) into its (quoted, authorial) segments, given merged, sorted quote spans."""
    quoted, authorial = [], []
    pos = start
    # spans are sorted and disjoint: start at the first one ending after `start` (linear overall)
    for k in range(bisect.bisect_right(quote_spans, start, key=lambda span: span[1]), len(quote_spans)):
        qs, qe = quote_spans[k]
        if qs >= end:
            break
        if qe <= start:
            continue
        s, e = max(qs, start), min(qe, end)
        if s > pos:
            authorial.append((pos, s))
        quoted.append((s, e))
        pos = e
    if pos < end:
        authorial.append((pos, end))
    return quoted, authorial


def _joined(text: str, segments: list[tuple[int, int]]) -> str:
    return " ".join(text[s:e].strip() for s, e in segments if text[s:e].strip())


def _in_quote_share(text: str, quoted: list[tuple[int, int]], start: int, end: int) -> float:
    total = len(re.sub(r"\s", "", text[start:end]))
    if total == 0:
        return math.nan
    inside = sum(len(re.sub(r"\s", "", text[s:e])) for s, e in quoted)
    return inside / total


def sentence_tone(
    text: str,
    sentences: Sequence[tuple[int, int]],
    *,
    quote_spans: Sequence[tuple[int, int]] = (),
) -> pd.DataFrame:
    """The ``sentences`` table (without ``article_id``): one row per story sentence with its VADER scores.

    Parameters
    ----------
    text:
        The raw article text.
    sentences:
        Story sentences as ``(start, end)`` spans into ``text``; the row's ``sentence`` is the span's index
        in this sequence. Spans are clipped to the text; empty or malformed ones get no row.
    quote_spans:
        Quotation spans ``(start, end)`` into ``text`` (from the attribution step), used for ``in_quote`` and
        the authorial/quoted scores.

    Notes
    -----
    VADER: Hutto & Gilbert (2014), ICWSM. See the module docstring for the authorial/quoted rule.
    """
    text = text if isinstance(text, str) else ""
    quotes = _merge_spans(text, quote_spans)
    rows = []
    for i, s, e in _clip_spans(text, sentences):
        quoted, authorial = quote_segments(s, e, quotes)
        sentence = text[s:e]
        whole = polarity(sentence)
        q_text, a_text = _joined(text, quoted), _joined(text, authorial)
        rows.append(
            SentenceTone(
                sentence=i,
                start=s,
                end=e,
                text=sentence,
                in_quote=_in_quote_share(text, quoted, s, e),
                compound=whole["compound"],
                pos=whole["pos"],
                neu=whole["neu"],
                neg=whole["neg"],
                compound_authorial=_part_compound(a_text, sentence, whole),
                compound_quoted=_part_compound(q_text, sentence, whole),
            )
        )
    df = pd.DataFrame([astuple(r) for r in rows], columns=_SENTENCE_COLUMNS)
    return df.astype({"sentence": "int64", "start": "int64", "end": "int64"} | {c: "float64" for c in _SENTENCE_COLUMNS[4:]})


def _part_compound(part: str, sentence: str, whole: dict[str, float]) -> float:
    """Compound score of the authorial or quoted part of a sentence (NaN when it has no word);
    a part that is the whole sentence takes the sentence's own score rather than a second VADER call."""
    if not _has_word(part):
        return math.nan
    return whole["compound"] if part == sentence else polarity(part)["compound"]


def _mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else math.nan


def article_tone(
    text: str,
    headline: str | None,
    sentences: Sequence[tuple[int, int]],
    *,
    quote_spans: Sequence[tuple[int, int]] = (),
    table: pd.DataFrame | None = None,
) -> dict[str, float]:
    """Per-article tone figures (the ``articles`` columns in :data:`COLUMNS`).

    Parameters
    ----------
    text, sentences, quote_spans:
        As for :func:`sentence_tone`.
    headline:
        The headline (or lede sentence) scored on its own; ``None`` or blank gives NaN headline scores.
    table:
        The result of :func:`sentence_tone` for the same input, to avoid scoring the sentences twice.

    Notes
    -----
    Hutto & Gilbert (2014), "VADER", ICWSM; the +/-0.05 cut-offs are the ones VADER's authors recommend.
    Sentences without any word (compound NaN) are left out of every mean, median and share.
    """
    if table is None:
        table = sentence_tone(text, sentences, quote_spans=quote_spans)
    head = polarity(headline)
    scores = [float(x) for x in table["compound"] if not math.isnan(x)] if len(table) else []
    authorial = [float(x) for x in table["compound_authorial"] if not math.isnan(x)] if len(table) else []
    quoted = [float(x) for x in table["compound_quoted"] if not math.isnan(x)] if len(table) else []
    n = len(scores)
    return {
        "sentiment_headline": head["compound"],
        "sentiment_headline_pos": head["pos"],
        "sentiment_headline_neu": head["neu"],
        "sentiment_headline_neg": head["neg"],
        "sentiment_body_mean": _mean(scores),
        "sentiment_body_median": statistics.median(scores) if scores else math.nan,
        "share_positive_sentences": sum(x >= POSITIVE_THRESHOLD for x in scores) / n if n else math.nan,
        "share_negative_sentences": sum(x <= NEGATIVE_THRESHOLD for x in scores) / n if n else math.nan,
        "sentiment_authorial": _mean(authorial),
        "sentiment_quoted": _mean(quoted),
        "n_sentences_authorial": len(authorial),
        "n_sentences_quoted": len(quoted),
    }
