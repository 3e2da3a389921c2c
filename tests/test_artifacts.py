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


def test_pronoun_evidence_reuses_given_sentence_parses():
    # the parses of the story sentences, keyed by span, are used instead of parsing again: with
    # every sentence given, a pipeline that refuses to run is never asked; the evidence is the same
    from framing.nlp import load_model
    from framing.sentences import sentence_spans

    text = "Zeta's servers went dark on Monday. Zeta's users moved elsewhere.\nZeta said he would sue. Zeta added that his lawyers were ready."
    spans = sentence_spans(text, [(0, text.index("\n")), (text.index("\n") + 1, len(text))])
    assert len(spans) == 4
    parses = dict(zip(spans, load_model().pipe(text[a:b] for a, b in spans)))

    class Refuses:
        def pipe(self, texts):
            raise AssertionError("parsed again")

    reused = pronoun_artifacts(text, nlp=Refuses(), sentence_docs=parses)
    assert [a.text for a in reused] == ["he", "his"]
    assert reused == pronoun_artifacts(text)
    # a sentence missing from the given parses is parsed
    partial = {k: v for k, v in parses.items() if k != spans[3]}
    assert pronoun_artifacts(text, sentence_docs=partial) == reused


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
    "text, expected",
    [
        # the changed word first or last of two or three words, in the middle, and a one-word phrase
        ("He sought a premilinary injunction today.", "premilinary injunction"),
        ("He sought a preliminary injuction today.", "preliminary injuction"),
        ("The burden of prof was on Parler.", "burden of prof"),
        ("Few would toe thee line.", "toe thee line"),
        ("Parler cited a deap-seated bias.", "deap-seated"),
        # the phrase at the very start and at the very end of a paragraph
        ("Statue of limitations aside, it was late.", "Statue of limitations"),
        ("They claimed tortuous interference", "tortuous interference"),
    ],
)
def test_near_miss_at_every_position_of_the_phrase(text, expected):
    # each a one-letter edit (or swap) of a listed collocation, worked out by hand
    assert [a.text for a in near_miss_terms(text)] == [expected]


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
            "end": [15, 27, 60],
            "fidelity": [1.0, 0.5, math.nan],
            "n_articles": [2, 2, 1],
            "diff": ["", "[-slight-] {+lighter+}", ""],
        }
    )
    arts = quote_drift_artifacts(fams, article_id="b")
    assert [(a.kind, a.offset, a.end, a.text) for a in arts] == [("quote_drift", 20, 27, "[-slight-] {+lighter+}")]
    assert quote_drift_artifacts(fams, article_id="a") == []


def test_quote_drift_offsets_delimit_the_quoted_words():
    # H0 e1 _2 s3 a4 i5 d6 _7 \u201c8 t9 ... r28 \u201d29 .30: the quoted words are 9-29
    text = "He said \u201cthe proof is lighter\u201d."
    fams = pd.DataFrame(
        {
            "article_id": ["b", "b"],
            "start": [9, math.nan],
            "end": [29, math.nan],
            "fidelity": [0.5, 0.5],
            "n_articles": [2, 2],
            "diff": ["the proof is [-slight-] {+lighter+}", "x"],
        }
    )
    arts = quote_drift_artifacts(fams, article_id="b", text=text)
    assert [(a.offset, a.end, a.line_no, a.text) for a in arts] == [
        (9, 29, 1, "the proof is [-slight-] {+lighter+}"),
        (-1, -1, 0, "x"),  # a quotation not located
    ]
    assert text[arts[0].offset : arts[0].end] == "the proof is lighter"
    assert arts[0].context == text  # text[0:31]: 20 characters either side reach both ends
    assert arts[1].context == ""


def test_score_is_evidence_per_thousand_words():
    arts = [Artifact("near_miss_term", "x", 0, 1)] * 3
    assert artifact_score(arts, 1500) == pytest.approx(2.0)
    assert artifact_score([], 100) == 0.0
    assert math.isnan(artifact_score(arts, 0))


def test_table_columns():
    table = artifacts_table(translation_artifacts("A , b", article_id="x"))
    assert list(table.columns) == list(COLUMNS["artifacts"])
    assert table["article_id"].tolist() == ["x"]
    # A0 _1 ,2 _3 b4: the blank before the comma and the comma
    assert table[["text", "offset", "end", "line_no", "context"]].values.tolist() == [[" ,", 1, 3, 1, "A , b"]]
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


# --------------------------------------------------------------------------- exact spans
# Each artifact's text is exactly article_text[offset:end]: the characters at fault, as written.
# Offsets below are counted by hand (character positions in the comments).


def span(a) -> tuple[str, int, int, str]:
    return (a.kind, a.offset, a.end, a.text)


def assert_as_written(arts, text):
    for a in arts:
        assert a.text == text[a.offset : a.end], a


@pytest.mark.parametrize(
    "rule, text, expected",
    [
        # H0 e1 _2 l3 o4 s5 t6 _7 ,8 _9 s10: the blank before the comma, and the comma
        (punctuation_artifacts, "He lost , said Lee.", [("punctuation_spacing", 7, 9, " ,")]),
        # I0 t1 _2 e3 n4 d5 e6 d7 .8 _9 .10 _11 T12: the doubled stop ". ."
        (punctuation_artifacts, "It ended. . Then", [("punctuation_spacing", 8, 11, ". .")]),
        # S0 h1 e2 _3 s4 a5 i6 d7 _8 \u201c9 _10 h11 ... o15 \u201d16: the opening mark and the blank after it
        (quote_mark_artifacts, "She said \u201c hello\u201d today.", [("quote_mark_spacing", 9, 11, "\u201c ")]),
        # ... \u201c9 h10 e11 l12 l13 o14 _15 \u201d16: the blank before the closing mark, and the mark
        (quote_mark_artifacts, "She said \u201chello \u201d today.", [("quote_mark_spacing", 15, 17, " \u201d")]),
        # t0 h1 e2 _3 \u20184 _5 r6 ... e9 \u201910: an opening single mark followed by a blank
        (quote_mark_artifacts, "the \u2018 rule\u2019 stands", [("quote_mark_spacing", 4, 6, "\u2018 ")]),
        # \u201c0 W1 e2 _3 l4 o5 s6 t7 ,8 \u201c9: the second opening mark closes the quotation
        (quote_mark_artifacts, "\u201cWe lost,\u201c he said.", [("quote_mark_orientation", 9, 10, "\u201c")]),
        # H0 e1 _2 s3 a4 i5 d6 _7 \u201d8 N9: a closing mark opens the quotation
        (quote_mark_artifacts, "He said \u201dNo.\u201d", [("quote_mark_orientation", 8, 9, "\u201d")]),
        # A0 W1 S2 _3 \u20184 o5: a single mark never closed
        (quote_mark_artifacts, "AWS \u2018obligation to host.", [("quote_mark_orientation", 4, 5, "\u2018")]),
        # F0 r1 a2 u3 d4 ;5 _6 B7 r8 e9 a10 c11 h12 _13: the capitalised word alone
        (
            capitalisation_artifacts,
            "Fraud; Breach of contract too. The breach hurt.",
            [("capitalisation", 7, 13, "Breach")],
        ),
        # I0 t1 _2 a3 ... d9 _10 t11 ... s19 _20 i21 ... e32 _33: "torturous interference" is 11-33
        (
            near_miss_terms,
            "It alleged torturous interference with trade.",
            [("near_miss_term", 11, 33, "torturous interference")],
        ),
        # A0 c1 m2 e3 _4 C5 o6 r7 p8 _9 s10 a11 i12 d13 _14 h15 e16: the pronoun
        (
            lambda t: pronoun_artifacts(t, min_repeats=1),
            "Acme Corp said he would appeal the ruling.",
            [("pronoun_for_organisation", 15, 17, "he")],
        ),
    ],
)
def test_text_is_exactly_the_characters_at_fault(rule, text, expected):
    arts = rule(text)
    assert [span(a) for a in arts] == expected
    assert_as_written(arts, text)
    assert all(a.line_no == 1 for a in arts)


def test_context_shows_line_breaks_and_text_keeps_none():
    # "Parler lost." is 0-11, \n12; line 2 starts at 13: \u201c13 W14 e15 _16 l17 o18 s19 t20 ,21
    # \u201c22 ... ".31", \n32; line 3 "Next line here." starts at 33.
    text = "Parler lost.\n\u201cWe lost,\u201c he said.\nNext line here."
    (a,) = translation_artifacts(text)
    assert (a.kind, a.offset, a.end, a.line_no, a.text) == ("quote_mark_orientation", 22, 23, 2, "\u201c")
    # 20 characters either side: text[2:43] -- "rler lost." + break + line 2 + break + "Next line "
    assert a.context == "rler lost. / \u201cWe lost,\u201c he said. / Next line "
    # the same with \r\n: line 2 starts at 14, the mark is at 23, the window is text[3:44]
    crlf = text.replace("\n", "\r\n")
    (b,) = translation_artifacts(crlf)
    assert (b.offset, b.end, b.line_no, b.text) == (23, 24, 2, "\u201c")
    assert b.context == "ler lost. / \u201cWe lost,\u201c he said. / Next line"


def test_line_numbers_with_lone_cr_and_crlf():
    # "Line one." 0-8, \r9; line 2 "He lost , said Lee." 10-28 (" ," at 17-18), \r\n 29-30;
    # line 3 is blank (\r\n 31-32); line 4 starts at 33: "AWS " 33-36, \u2018 at 37.
    text = "Line one.\rHe lost , said Lee.\r\n\r\nAWS \u2018obligation to host."
    arts = translation_artifacts(text)
    assert [(a.kind, a.offset, a.end, a.line_no) for a in arts] == [
        ("punctuation_spacing", 17, 19, 2),
        ("quote_mark_orientation", 37, 38, 4),
    ]
    assert_as_written(arts, text)


def test_lone_cr_ends_a_paragraph():
    # "He called them " 0-14, \u201c15, "liars." 16-21, \r22, \u201d23: the closing mark starts line 2,
    # where it opens a quotation (wrong way round); the quotation opened on line 1 is not judged.
    text = "He called them \u201cliars.\r\u201dOops,\u201d he said."
    arts = quote_mark_artifacts(text)
    assert [(a.kind, a.offset, a.end, a.line_no, a.text) for a in arts] == [
        ("quote_mark_orientation", 23, 24, 2, "\u201d")
    ]


@pytest.mark.parametrize("br", ["\n", "\r", "\r\n"])
def test_capitalised_word_at_line_start_is_not_mid_sentence(br):
    # "Breach" after "; " (offset 7) is flagged; the "Breach" opening the next line is a line
    # start, not a second mid-sentence capital, whichever line break precedes it
    text = f"Fraud; Breach of contract.{br}Breach hurt; breach again."
    arts = capitalisation_artifacts(text)
    assert [(a.offset, a.end, a.line_no, a.text) for a in arts] == [(7, 13, 1, "Breach")]


def test_only_mismatched_curly_marks():
    # \u201c \u201c \u201d \u201d \u201c, one paragraph, paired left to right (quote_mark_artifacts):
    #   0 \u201c opens a quotation;
    #   1 \u201c while one is open: an opening mark used to close it (orientation), none open now;
    #   2 \u201d and 3 \u201d with none open: neither follows white space or the paragraph start nor
    #     precedes a letter/digit, so they open nothing and are not judged;
    #   4 \u201c with nothing after it: an opening mark at the end of the paragraph (orientation).
    # Each artifact's text is the mark itself; its context (20 characters either side) the whole string.
    text = "\u201c\u201c\u201d\u201d\u201c"
    arts = translation_artifacts(text)
    assert [(a.kind, a.offset, a.end, a.line_no, a.text, a.context) for a in arts] == [
        ("quote_mark_orientation", 1, 2, 1, "\u201c", text),
        ("quote_mark_orientation", 4, 5, 1, "\u201c", text),
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


def test_seed_evidence_is_the_raw_text(seed_results):
    for aid, (arts, _, text) in seed_results.items():
        for a in arts:
            assert 0 <= a.offset < a.end <= len(text), a
            assert "\n" not in a.context and "\r" not in a.context, a
            if a.kind != "quote_drift":
                assert text[a.offset : a.end] == a.text, a
    arts, _, text = seed_results["003"]
    # line 15 ends 'by improper means” , the judge wrote.'; line 16 'in the first place” , said the
    # decision. . Continued:' -- the blank before each comma, and the doubled stop
    punct = [a for a in arts if a.kind == "punctuation_spacing"]
    assert [(a.text, a.line_no) for a in punct] == [(" ,", 15), (" ,", 16), (". .", 16)]
    assert punct[0].offset == text.index("\u201d , the judge") + 1
    assert punct[2].offset == text.index(". . Continued")
    (cap,) = [a for a in arts if a.kind == "capitalisation"]
    assert (cap.text, cap.offset) == ("Breach", text.index("; Breach of contract") + 2)


def test_other_seeds_have_no_pronoun_or_term_evidence(seed_results):
    for aid in ("000", "001", "002", "004"):
        arts, _, _ = seed_results[aid]
        assert not {"pronoun_for_organisation", "near_miss_term", "capitalisation"} & set(kinds(arts)), aid
