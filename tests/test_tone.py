"""Tests for framing.tone: VADER sentence/headline scores and their per-article aggregation.

Expected values are worked out by hand from the constructed texts and from VADER's documented behaviour
(its lexicon file vader_lexicon.txt and the +/-0.05 compound cut-offs), never copied from this code's output.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import framing.tone as tone
from framing.tone import COLUMNS, article_tone, polarity, sentence_tone

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

POS = "This is a wonderful, great day."  # "wonderful", "great" are positive VADER words
NEG = "The attack was horrible."  # "attack", "horrible" are negative VADER words
NEU = "The meeting is on Tuesday."  # no VADER lexicon word at all -> compound exactly 0.0


def _vader_lexicon() -> dict[str, float]:
    import vaderSentiment

    path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


def _spans(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for p in pieces:
        s = text.index(p, pos)
        out.append((s, s + len(p)))
        pos = s + len(p)
    return out


def test_constructed_sentences_have_the_expected_signs():
    lex = _vader_lexicon()
    assert lex["wonderful"] > 0 and lex["great"] > 0
    assert lex["attack"] < 0 and lex["horrible"] < 0
    assert not {"meeting", "tuesday", "the", "is", "on"} & set(lex)
    assert polarity(POS)["compound"] >= 0.05
    assert polarity(NEG)["compound"] <= -0.05
    neutral = polarity(NEU)
    assert neutral["compound"] == 0.0
    assert neutral["neu"] == 1.0 and neutral["pos"] == 0.0 and neutral["neg"] == 0.0


def test_article_aggregates_mean_median_and_shares():
    text = f"{POS} {NEG} {NEU}"
    spans = _spans(text, [POS, NEG, NEU])
    out = article_tone(text, None, spans)
    # one positive, one negative, one neutral sentence
    assert out["share_positive_sentences"] == pytest.approx(1 / 3)
    assert out["share_negative_sentences"] == pytest.approx(1 / 3)
    # the median of {positive, 0.0, negative} is the neutral sentence's 0.0
    assert out["sentiment_body_median"] == 0.0
    # no quotation spans: every sentence is authorial, nothing is quoted
    assert out["n_sentences_authorial"] == 3 and out["n_sentences_quoted"] == 0
    assert math.isnan(out["sentiment_quoted"])
    assert out["sentiment_authorial"] == pytest.approx(out["sentiment_body_mean"])


def test_mean_of_two_equal_positive_sentences_and_a_neutral_one():
    text = f"{POS} {POS} {NEU}"
    spans = _spans(text, [POS, POS, NEU])
    c = polarity(POS)["compound"]
    out = article_tone(text, None, spans)
    assert out["sentiment_body_mean"] == pytest.approx(2 * c / 3)
    assert out["sentiment_body_median"] == pytest.approx(c)
    assert out["share_positive_sentences"] == pytest.approx(2 / 3)
    assert out["share_negative_sentences"] == 0.0


def test_thresholds_are_inclusive_at_plus_minus_0_05(monkeypatch):
    values = {"a": 0.05, "b": -0.05, "c": 0.049, "d": -0.049}

    def fake_polarity(t):
        key = (t or "").strip(" .")
        c = values.get(key, 0.0)
        return {"compound": c, "pos": 0.0, "neu": 1.0, "neg": 0.0}

    monkeypatch.setattr(tone, "polarity", fake_polarity)
    text = "a. b. c. d."
    spans = [(0, 2), (3, 5), (6, 8), (9, 11)]
    out = article_tone(text, None, spans)
    assert out["share_positive_sentences"] == 0.25  # only 0.05
    assert out["share_negative_sentences"] == 0.25  # only -0.05


def test_authorial_and_quoted_split():
    s1 = 'Officials said the plan was "a wonderful, great success" on Tuesday.'
    text = f"{s1} {NEG}"
    spans = _spans(text, [s1, NEG])
    q0 = text.index('"')
    q1 = text.index('"', q0 + 1) + 1
    table = sentence_tone(text, spans, quote_spans=[(q0, q1)])
    row = table.iloc[0]
    # authorial words "Officials said the plan was ... on Tuesday." hold no VADER lexicon word
    assert not {"officials", "said", "plan", "was", "on", "tuesday"} & set(_vader_lexicon())
    assert row["compound_authorial"] == 0.0
    assert row["compound_quoted"] >= 0.05
    # the second sentence has no quoted text
    assert math.isnan(table.iloc[1]["compound_quoted"])
    assert table.iloc[1]["compound_authorial"] == pytest.approx(table.iloc[1]["compound"])
    out = article_tone(text, None, spans, quote_spans=[(q0, q1)])
    assert out["n_sentences_quoted"] == 1
    assert out["n_sentences_authorial"] == 2
    assert out["sentiment_quoted"] == pytest.approx(row["compound_quoted"])
    # authorial mean over the two sentences: (0.0 + compound of NEG) / 2
    assert out["sentiment_authorial"] == pytest.approx(polarity(NEG)["compound"] / 2)


def test_in_quote_share_counts_non_space_characters():
    text = 'He said "great day" today.'
    q0 = text.index('"')
    q1 = text.index('"', q0 + 1) + 1
    table = sentence_tone(text, [(0, len(text))], quote_spans=[(q0, q1)])
    # non-space characters: He(2) said(4) "great(6) day"(4) today.(6) = 22; inside the quote: 6 + 4 = 10
    assert table.loc[0, "in_quote"] == pytest.approx(10 / 22)
    # a sentence wholly inside a quote has no authorial text
    table = sentence_tone(text, [(q0, q1)], quote_spans=[(0, len(text))])
    assert table.loc[0, "in_quote"] == 1.0
    assert math.isnan(table.loc[0, "compound_authorial"])


def test_sentences_table_columns_offsets_and_indices():
    text = f"{POS}   {NEG}"
    spans = [(0, len(POS)), (50, 40), (len(POS) + 3, len(text))]  # the middle span is malformed
    table = sentence_tone(text, spans)
    assert list(table.columns) == [c for c in COLUMNS["sentences"] if c != "article_id"]
    assert list(table["sentence"]) == [0, 2]  # indices are the positions in the caller's list
    for _, row in table.iterrows():
        assert text[row["start"] : row["end"]] == row["text"]


def test_headline_of_seed_000_is_negative_by_its_only_lexicon_word():
    headline = (SEEDS / "000_74b91037a9b5fe92.txt").read_text(encoding="utf-8").splitlines()[0]
    assert headline == "Judge rejects Parler's request to be reinstated on Amazon's servers"
    lex = _vader_lexicon()
    # VADER strips only leading/trailing punctuation, so "Parler's"/"Amazon's" are looked up as written
    words = [w.lower() for w in headline.split()]
    in_lexicon = [w for w in words if w in lex]
    assert in_lexicon == ["rejects"] and lex["rejects"] < 0
    out = article_tone("", headline, [])
    assert out["sentiment_headline"] <= -0.05
    assert out["sentiment_headline_neg"] > 0 and out["sentiment_headline_pos"] == 0.0
    assert math.isnan(out["sentiment_body_mean"])


def test_empty_and_bad_input_give_nan_not_errors():
    for text, head, spans in [("", None, []), ("", "", []), ("abc", "  ", [(5, 9)]), ("...", None, [(0, 3)])]:
        out = article_tone(text, head, spans)
        assert set(out) == set(COLUMNS["articles"])
        assert math.isnan(out["sentiment_headline"])
        assert math.isnan(out["sentiment_body_mean"])
        assert math.isnan(out["share_negative_sentences"])
    table = sentence_tone("", [])
    assert len(table) == 0 and list(table.columns) == [c for c in COLUMNS["sentences"] if c != "article_id"]
    # malformed quote spans are ignored
    out = article_tone(NEG, None, [(0, len(NEG))], quote_spans=[(10, 2), ("x", 1), (None,), (-5, 0)])
    assert out["n_sentences_quoted"] == 0 and out["share_negative_sentences"] == 1.0


def test_run_on_sentence_is_scored_in_chunks():
    text = (NEG + " ") * 300  # 1,200 words in one span: scored in chunks, each negative
    out = article_tone(text, None, [(0, len(text))])
    assert out["sentiment_body_mean"] <= -0.05


def test_one_analyzer_per_process_and_deterministic():
    assert tone._analyzer() is tone._analyzer()
    text = f"{POS} {NEG}"
    spans = _spans(text, [POS, NEG])
    out = article_tone(text, POS, spans)
    # not two empty results: the POS headline is positive, and of the two sentences NEG is negative
    assert out["sentiment_headline"] >= 0.05 and out["share_negative_sentences"] == 0.5
    assert article_tone(text, POS, spans) == out


def test_a_soft_hyphen_does_not_hide_a_word_from_vader():
    # "horrible" is negative in VADER's lexicon and no other word of the sentence is in it, so the
    # sentence is negative; written with a soft hyphen it must stay so (VADER alone would see
    # "hor\u00adrible", a word it does not know, and score 0).
    assert _vader_lexicon()["horrible"] < 0
    assert polarity("The meeting is hor\u00adrible.")["compound"] <= -0.05
    assert polarity("The meeting is hor\u00adrible.") == polarity("The meeting is horrible.")
