"""Tests for framing.artifacts: each rule on constructed sentences, and the five seeds.

Seed expectations were decided by reading the texts: only 003 refers to Parler as "he"/"who"
(lines 3, 4, 14), writes "torturous interference" (lines 4, 15) and "; Breach of contract"
(line 4; "breach" on line 14), closes quotations with an
opening mark (lines 3, 5, 8, 12, 13), puts a space before commas after quotes (lines 15, 16)
and renders the judge's "dwindlingly slight" as "increasingly lighter" (line 12; UPI line 10).
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from framing.artifacts import (
    COLUMNS,
    Artifact,
    artifact_score,
    artifacts_table,
    capitalisation_artifacts,
    near_miss_terms,
    pronoun_artifacts,
    punctuation_artifacts,
    quote_drift_artifacts,
    quote_mark_artifacts,
    translation_artifacts,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def kinds(arts) -> list[str]:
    return [a.kind for a in arts]


# --------------------------------------------------------------------------- pronouns


def test_company_called_he():
    text = "Acme Corp said he would appeal the ruling."
    arts = pronoun_artifacts(text, min_repeats=1)
    assert [(a.text, a.offset) for a in arts] == [("he", text.index("he would"))]
    assert "Acme" in arts[0].note or "Corp" in arts[0].note


def test_single_slip_needs_repeats_by_default():
    text = "Acme Corp said he would appeal the ruling."
    assert pronoun_artifacts(text) == []
    text2 = text + " Acme Corp added that his lawyers were ready."
    assert [a.text for a in pronoun_artifacts(text2)] == ["he", "his"]


def test_who_and_himself_for_a_company():
    text = "Acme Inc. had 200 staff. Acme, who considers himself a rival of Zenith, sued on Monday."
    arts = pronoun_artifacts(text)
    assert [a.text for a in arts] == ["who", "himself"]
    assert all(a.line_no == 1 for a in arts)


def test_people_and_it_are_not_flagged():
    text = (
        "Judge Barbara Rothstein said she would rule soon. Rothstein said her order was final.\n"
        "Acme Corp said it would appeal. John Smith, who runs Acme Corp, said he was disappointed."
    )
    assert pronoun_artifacts(text, min_repeats=1) == []


def test_organisation_known_from_what_it_owns():
    owned = "Zeta's servers went dark on Monday. Zeta's users moved elsewhere.\n"
    claims = "Zeta said he would sue. Zeta added that his lawyers were ready."
    assert [a.text for a in pronoun_artifacts(owned + claims)] == ["he", "his"]
    # one such mention is not enough: people have websites too
    once = "Zeta's website went dark on Monday.\n" + claims
    assert pronoun_artifacts(once) == []


def test_pronoun_in_reporting_clause_does_not_take_antecedent_from_quote():
    text = (
        "Judge Ann Lee ruled on Friday.\n"
        "\u201cAcme Corp has failed to show harm and Acme Corp has no case,\u201d she wrote."
    )
    assert pronoun_artifacts(text, min_repeats=1) == []


# --------------------------------------------------------------------------- near-miss terms


def test_near_miss_legal_term():
    text = "Parler alleged breach of contract and torturous interference with business expectations."
    arts = near_miss_terms(text)
    assert [(a.text, a.offset) for a in arts] == [("torturous interference", text.index("torturous"))]
    assert "tortious interference" in arts[0].note


@pytest.mark.parametrize(
    "text",
    [
        "It claimed tortious interference.",
        "The court denied the preliminary injunctions.",  # an inflection, not a near miss
        "The torturous road to interference.",  # not the phrase
    ],
)
def test_correct_terms_are_not_flagged(text):
    assert near_miss_terms(text) == []


# --------------------------------------------------------------------------- punctuation


def test_space_before_comma_and_doubled_stop():
    text = "the result would be \u201cviolent content\u201d , said the decision. . Continued"
    arts = punctuation_artifacts(text)
    assert len(arts) == 2
    assert arts[0].offset == text.index(" ,")
    assert arts[1].offset == text.index(". .")
    assert arts[1].note == "doubled punctuation"


@pytest.mark.parametrize(
    "text",
    [
        'He said, "fine." Then he left.',
        "Trump . . . finishes first among voters.",
        "It rose 0.5 percent; Amazon.com Inc., the retailer, agreed...",
    ],
)
def test_normal_punctuation_is_not_flagged(text):
    assert punctuation_artifacts(text) == []


def test_quote_mark_orientation_and_spacing():
    text = "\u201cParler stayed away,\u201c he said. \u201cWe lost.\u201d\n\u201d Wrong side\u201d"
    arts = quote_mark_artifacts(text)
    assert kinds(arts) == ["quote_mark_orientation"]
    assert arts[0].offset == text.index("\u201c he said")

    text = "She said \u201c hello\u201d and \u201cbye \u201d.\n\u201dOops,\u201d he said."
    arts = quote_mark_artifacts(text)
    assert kinds(arts) == ["quote_mark_spacing", "quote_mark_spacing", "quote_mark_orientation"]
    assert arts[2].offset == text.index("\u201dOops")
    assert arts[2].line_no == 2


def test_unclosed_single_mark():
    text = "The court rejects AWS \u2018obligation to host such content.\nHe said \u2018no way,\u2019 and left in the \u201890s."
    arts = quote_mark_artifacts(text)
    assert [(a.kind, a.offset) for a in arts] == [("quote_mark_orientation", text.index("\u2018obligation"))]


def test_opening_mark_at_paragraph_end_and_nested_marks():
    text = "He called them \u201cliars. \u201c\nNext paragraph."
    assert kinds(quote_mark_artifacts(text)) == ["quote_mark_orientation"]
    nested = "\u201cThey said \u2018no deal,\u2019 \u201d she wrote."
    assert quote_mark_artifacts(nested) == []


def test_capitalised_common_word_mid_sentence():
    text = "Parler alleged fraud; Breach of contract was claimed too. The breach was serious."
    arts = capitalisation_artifacts(text)
    assert [(a.kind, a.offset) for a in arts] == [("capitalisation", text.index("Breach"))]


@pytest.mark.parametrize(
    "text",
    [
        "Later, Director of National Intelligence Dan Coats spoke. The director left.",
        "He met Bill, Will Smith and others. He will go.",
        "It rose 3 percent; Shares in the firm fell. Shares rose again.",
    ],
)
def test_names_and_titles_after_commas_are_not_flagged(text):
    assert capitalisation_artifacts(text) == []


# --------------------------------------------------------------------------- drift and score


def test_quote_drift_from_families_table():
    fams = pd.DataFrame(
        {
            "article_id": ["a", "b", "b"],
            "start": [10, 20, 50],
            "fidelity": [1.0, 0.5, math.nan],
            "n_articles": [2, 2, 1],
            "diff": ["", "[-slight-] {+lighter+}", ""],
        }
    )
    arts = quote_drift_artifacts(fams, article_id="b")
    assert [(a.kind, a.offset, a.text) for a in arts] == [("quote_drift", 20, "[-slight-] {+lighter+}")]
    assert quote_drift_artifacts(fams, article_id="a") == []


def test_score_is_evidence_per_thousand_words():
    arts = [Artifact("near_miss_term", "x", 0, 1)] * 3
    assert artifact_score(arts, 1500) == pytest.approx(2.0)
    assert artifact_score([], 100) == 0.0
    assert math.isnan(artifact_score(arts, 0))


def test_table_columns():
    table = artifacts_table(translation_artifacts("A , b", article_id="x"))
    assert list(table.columns) == list(COLUMNS["artifacts"])
    assert table["article_id"].tolist() == ["x"]
    assert len(artifacts_table([])) == 0


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        # German quotation marks: the low opening mark is not a curly English mark, and the raised
        # closing mark (U+201C) is read as an opening mark followed by "." -- a quotation left open,
        # which is not judged; "er" is not an English pronoun; no space before punctuation
        "Der Richter sagte, er werde \u201eentscheiden\u201c.",
        # no punctuation, capitals, quote marks or pronouns; no cue phrase contains "word"
        "word " * 20000,
    ],
)
def test_input_without_evidence_gives_nothing(text):
    assert translation_artifacts(text) == []


def test_only_mismatched_curly_marks():
    # \u201c \u201c \u201d \u201d \u201c, one paragraph, paired left to right (quote_mark_artifacts):
    #   0 \u201c opens a quotation;
    #   1 \u201c while one is open: an opening mark used to close it (orientation), none open now;
    #   2 \u201d and 3 \u201d with none open: neither follows white space or the paragraph start nor
    #     precedes a letter/digit, so they open nothing and are not judged;
    #   4 \u201c with nothing after it: an opening mark at the end of the paragraph (orientation).
    # Each artifact's text is the mark with up to 12 characters either side: the whole string.
    text = "\u201c\u201c\u201d\u201d\u201c"
    arts = translation_artifacts(text)
    assert [(a.kind, a.offset, a.line_no, a.text) for a in arts] == [
        ("quote_mark_orientation", 1, 1, text),
        ("quote_mark_orientation", 4, 1, text),
    ]
    assert [a.note for a in arts] == [
        "opening mark \u201c used to close a quotation",
        "opening mark \u201c at the end of a paragraph",
    ]


# --------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seed_results():
    from framing.attribution import attributions, to_records
    from framing.document import count_words
    from framing.nlp import load_model
    from framing.quote_families import quote_families

    nlp = load_model()
    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    rows = []
    for aid, text in texts.items():
        for r in to_records(attributions(text, nlp=nlp)):
            rows.append({**r, "article_id": aid, "outlet": aid})
    fams = quote_families(pd.DataFrame(rows))
    out = {}
    for aid, text in texts.items():
        arts = translation_artifacts(text, nlp=nlp, families=fams, article_id=aid)
        out[aid] = (arts, artifact_score(arts, count_words(text)), text)
    return out


def test_seed_003_scores_highest(seed_results):
    scores = {aid: score for aid, (_, score, _) in seed_results.items()}
    assert len(scores) == 5
    assert max(scores, key=scores.get) == "003"
    others = [s for aid, s in scores.items() if aid != "003"]
    assert scores["003"] > 5 * max(others + [0.1])


def test_seed_003_evidence(seed_results):
    arts, _, text = seed_results["003"]
    by_kind = {}
    for a in arts:
        by_kind.setdefault(a.kind, []).append(a)
        assert a.article_id == "003"
    assert {a.line_no for a in by_kind["near_miss_term"]} == {4, 15}
    who = [a for a in by_kind["pronoun_for_organisation"] if a.text == "who"]
    assert len(who) == 1 and who[0].offset == text.index("who considers himself")
    assert {3, 4, 14} <= {a.line_no for a in by_kind["pronoun_for_organisation"]}
    assert {3, 5, 8, 12, 13} <= {a.line_no for a in by_kind["quote_mark_orientation"]}
    assert {15, 16} <= {a.line_no for a in by_kind["punctuation_spacing"]}
    assert [a.line_no for a in by_kind["capitalisation"]] == [4]
    drift = [a for a in by_kind["quote_drift"] if a.line_no == 12]
    assert any("{+increasingly lighter+}" in a.text for a in drift)


def test_other_seeds_have_no_pronoun_or_term_evidence(seed_results):
    for aid in ("000", "001", "002", "004"):
        arts, _, _ = seed_results[aid]
        assert not {"pronoun_for_organisation", "near_miss_term", "capitalisation"} & set(kinds(arts)), aid
