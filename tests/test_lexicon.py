"""Tests for framing.lexicon: the cue-word matcher, rates, and the shipped data files.

Expected hits are decided by reading the constructed sentences and the seed texts.
"""

from __future__ import annotations

import itertools
import math
import re
from importlib import resources
from pathlib import Path

import pytest

from framing.lexicon import (
    CATEGORIES,
    COLUMNS,
    LEXICON_FILES,
    _parse_lines,
    count_words,
    hits_table,
    lexicon_hits,
    lexicon_rates,
    lexicon_terms,
    load_entries,
    load_lexicons,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _hits(text, category=None):
    return lexicon_hits(text, [(0, len(text))], categories=category)


def _terms(text, category):
    return [(h.term, h.matched) for h in _hits(text, category)]


def test_verb_inflections_match_the_base_entry():
    text = "She claims it. He claimed it. They are claiming it. We claim it."
    assert _terms(text, "assertive") == [
        ("claim", "claims"),
        ("claim", "claimed"),
        ("claim", "claiming"),
        ("claim", "claim"),
    ]


def test_doubled_consonants_irregular_forms_and_plurals():
    assert _terms("The order stopped the sale.", "implicative") == [("stop", "stopped")]
    assert _terms("She knew it and thought so.", "factive") == [("know", "knew")]
    assert _terms("She knew it and thought so.", "hedge") == [("think", "thought")]
    assert _terms("Two lawsuits and many casualties.", "frame_legal") == [("lawsuit", "lawsuits")]
    assert _terms("Two lawsuits and many casualties.", "frame_violence") == [("casualty", "casualties")]


def test_multi_word_entries_and_inflected_head():
    assert _terms("It failed to act, according to\nofficials.", "implicative") == [("fail to", "failed to")]
    assert _terms("It failed to act, according to\nofficials.", "hedge") == [("according to", "according to")]
    # punctuation between the words breaks a multi-word entry
    assert _terms("According, to me.", "hedge") == []
    # the longest entry wins and hits do not overlap
    assert _terms("It was caused at least in part by rain.", "hedge") == [("at least in part", "at least in part")]


def test_case_insensitive_and_surface_offsets():
    text = "Parler was APPARENTLY offline; Apparently so."
    hits = _hits(text, "hedge")
    assert [h.matched for h in hits] == ["APPARENTLY", "Apparently"]
    for h in hits:
        assert text[h.start : h.end] == h.matched
        assert h.term == "apparently"
    assert hits[0].start == text.index("APPARENTLY")


def test_word_boundaries():
    assert _terms("The mayor met a claimant about the hedgehog.", "hedge") == []
    assert _terms("The mayor met a claimant.", "assertive") == []
    # a hyphenated word is one word: "law-abiding" is no legal cue
    assert _terms("Millions of law-abiding Americans.", "frame_legal") == []
    # a possessive does not hide the word
    assert _terms("The riot's aftermath.", "frame_violence") == [("riot", "riot")]


def test_hyphen_and_space_variants():
    assert _terms("A free-speech fight.", "frame_free_speech") == [("free speech", "free-speech")]
    assert _terms("The far right site.", "loaded") == [("far-right", "far right")]


def test_month_may_is_not_a_hedge():
    assert _terms("The ruling came in May and Parler may appeal.", "hedge") == [("may", "may")]


@pytest.mark.parametrize("text, category, expected", [
    # a determiner, possessive or number before the word: a noun, not the verb of the class
    ("The show was cancelled.", "factive", []),
    ("Polls show a close race.", "factive", [("show", "show")]),
    ("He apologised for his remarks.", "assertive", []),
    ("Trump's claims were false.", "assertive", []),
    ("He faces two charges.", "assertive", []),
    ("He was arrested on charges.", "assertive", []),
    ("Prosecutors charge that he lied.", "assertive", [("charge", "charge")]),
    ("The suspect fled.", "hedge", []),
    ("I suspect he fled.", "hedge", [("suspect", "suspect")]),
    # after an apostrophe-s that stands for "is"/"has" the word is still a verb
    ("He's shown no remorse.", "factive", [("show", "shown")]),
    # an -ing form after a preposition or a quantifier is a verb; after an article, a noun
    ("By claiming victory, he won.", "assertive", [("claim", "claiming")]),
    ("Some suggesting a recusal were ignored.", "hedge", [("suggest", "suggesting")]),
    ("The understanding was clear.", "factive", []),
    # the check is for the epistemic verb classes only: a noun still counts as a frame cue
    ("The ban was lifted.", "frame_free_speech", [("ban", "ban")]),
])
def test_epistemic_verbs_used_as_nouns_do_not_count(text, category, expected):
    assert _terms(text, category) == expected


@pytest.mark.parametrize("text, expected", [
    ("Parler failed to properly moderate its platform.", [("moderate", "moderate")]),
    ("He moderates the forum.", [("moderate", "moderates")]),
    ("Its platform is more lightly moderated than Facebook.", [("moderate", "moderated")]),
    # the political adjective and noun: no object follows the base or -s form
    ("Moderate Republicans backed the bill.", []),
    ("The moderates walked out.", []),
    # chairing a debate or a panel is not content moderation (the not= flag of the entry)
    ("She will moderate the first presidential debate.", []),
    ("He was moderating a panel on trade.", []),
    ("The debate, moderated by Lester Holt, ran long.", []),
    ("He moderated the town hall in Ohio.", []),
    ("They moderate the posts about the debate.", [("moderate", "moderate")]),  # the debate is five words on
])
def test_moderate_counts_as_a_free_speech_cue_only_as_a_verb(text, expected):
    assert _terms(text, "frame_free_speech") == expected


def test_not_near_flag_is_read_from_the_flags_column():
    (entry,) = _parse_lines(["frame_free_speech\tmoderate\tverb\t\tobj,not=debate|town hall"], "x.tsv")
    assert entry.object_only and entry.not_near == ("debate", "town hall")
    (plain,) = _parse_lines(["frame_free_speech\tcensor\tverb\t\t"], "x.tsv")
    assert plain.not_near == ()


def test_a_tv_appearance_is_not_a_hedge_and_a_debate_moderator_not_a_free_speech_cue():
    assert _terms("She made a television appearance that appears to have helped.", "hedge") == [("appear", "appears")]
    assert _terms("The debate moderator asked about taxes.", "frame_free_speech") == []
    assert _terms("Content moderators removed the posts.", "frame_free_speech") == [
        ("content moderator", "Content moderators")
    ]


def test_only_story_sentence_spans_are_searched_and_hits_carry_the_sentence_index():
    text = "RELATED Woman charged with stealing laptop. The riot was violent. Click here."
    s = text.index("The riot")
    e = text.index("Click") - 1
    hits = lexicon_hits(text, [(0, 0), (s, e)])
    assert {h.sentence for h in hits} == {1}
    assert [(h.category, h.matched) for h in hits] == [("frame_violence", "riot"), ("frame_violence", "violent")]
    assert lexicon_hits(text, []) == []


def test_seed_000_failed_to_is_an_implicative():
    text = (SEEDS / "000_74b91037a9b5fe92.txt").read_text(encoding="utf-8")
    sent = 'Rothstein also said Parler failed to prove that the "balance of hardships"'
    s = text.index(sent)
    e = text.index("toward Parler.", s) + len("toward Parler.")
    hits = lexicon_hits(text, [(s, e)])
    impl = [h for h in hits if h.category == "implicative"]
    assert [(h.term, h.matched) for h in impl] == [("fail to", "failed to")]
    assert impl[0].start == text.index("failed to", s)
    assert ("prove", "prove") in [(h.term, h.matched) for h in hits if h.category == "factive"]


def test_seed_004_free_speech_sentence():
    text = (SEEDS / "004_835e64f4218eea4b.txt").read_text(encoding="utf-8")
    s = text.index("Parler said there was no evidence")
    e = text.index("for free speech.", s) + len("for free speech.")
    hits = lexicon_hits(text, [(s, e)])
    got = {(h.category, h.matched) for h in hits}
    assert ("frame_free_speech", "free speech") in got
    assert ("frame_violence", "inciting") in got and ("frame_violence", "riots") in got
    assert not any(h.category == "frame_legal" for h in hits)  # "law-abiding" is not a legal cue


def test_rates_and_terms():
    text = "Apparently it may rain. " * 2 + "The dog ran home today in the sun. " * 4
    spans = [(0, len(text))]
    n = count_words(text, spans)
    assert n == 4 * 2 + 8 * 4  # 40 words
    hits = lexicon_hits(text, spans)
    rates = lexicon_rates(hits, n)
    assert set(rates) == {f"{c}_rate" for c in CATEGORIES}
    assert rates["hedge_rate"] == pytest.approx(4 * 1000 / 40)  # apparently x2, may x2
    assert rates["loaded_rate"] == 0.0
    terms = lexicon_terms(hits)
    assert terms["hedge_terms"] == "apparently (2); may (2)"
    assert terms["loaded_terms"] == ""
    assert all(math.isnan(v) for v in lexicon_rates(hits, 0).values())
    assert all(math.isnan(v) for v in lexicon_rates([], None).values())


def test_count_words():
    assert count_words("The U.S. didn't ban it \u2014 yet.") == 6
    assert count_words("") == 0
    assert count_words("abc def", [(0, 3)]) == 1
    assert count_words("abc def", [(10, 20), (3, 1)]) == 0


def test_hits_table_columns():
    hits = _hits("The riot was violent.")
    df = hits_table(hits)
    assert list(df.columns) == [c for c in COLUMNS["lexicon_hits"] if c != "article_id"]
    assert len(df) == 2
    assert len(hits_table([])) == 0
    # frame_violence lists "riot" (verb) and "violent": "The riot was violent." has them at 4 and 13
    assert [(h.category, h.term, h.start) for h in hits] == [("frame_violence", "riot", 4), ("frame_violence", "violent", 13)]
    assert df["term"].tolist() == ["riot", "violent"] and df["start"].tolist() == [4, 13]


def test_bad_input_never_raises():
    assert lexicon_hits("", [(0, 5)]) == []
    assert lexicon_hits("riot", [(-3, 99), ("a", "b"), (None,)])[0].matched == "riot"
    with pytest.raises(ValueError):
        lexicon_hits("riot", [(0, 4)], categories=["nonsense"])
    huge = "The riot was violent. " * 20000
    assert len(lexicon_hits(huge, [(0, len(huge))], categories="frame_violence")) == 40000


def test_data_files_have_cited_headers_and_sane_sizes():
    pkg = resources.files("framing") / "data"
    for name in LEXICON_FILES:
        lines = (pkg / name).read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("#")
        header = " ".join(l for l in lines if l.startswith("#"))
        assert "Format:" in header
    epistemic = (pkg / "lexicon_epistemic.tsv").read_text(encoding="utf-8")
    for work in ("Recasens", "Hyland", "Kiparsky", "Hooper", "Karttunen"):
        assert work in epistemic
    frames = (pkg / "lexicon_frames.tsv").read_text(encoding="utf-8")
    assert "Boydstun" in frames and "Card" in frames
    lex = load_lexicons()
    assert set(lex) == set(CATEGORIES)
    for cat, terms in lex.items():
        assert 30 <= len(terms) <= 350, cat
        assert len(terms) == len(set(terms)), cat
    assert all(e.inflect in ("verb", "noun", "none") for e in load_entries())


def test_deterministic():
    text = (SEEDS / "003_cb9c59c22a6b5b98.txt").read_text(encoding="utf-8")
    spans = [(0, len(text))]
    hits = lexicon_hits(text, spans)
    # not two empty lists: seed 003 has "an injunction" (frame_legal) and "Capitol riots" (the verb
    # entry "riot", inflected)
    assert {("injunction", "injunction"), ("riot", "riots")} <= {(h.term, h.matched) for h in hits}
    assert lexicon_hits(text, spans) == hits


def test_articles_columns_match_the_outputs():
    hits = _hits("Apparently the riot was violent.")
    out = {**lexicon_rates(hits, 5), **lexicon_terms(hits)}
    assert set(out) == set(COLUMNS["articles"])


def test_numpy_spans_are_accepted():
    np = pytest.importorskip("numpy")
    text = "The riot was violent. It may rain."
    spans = np.array([[0, 21], [22, len(text)]])
    hits = lexicon_hits(text, spans)
    assert [(h.term, h.sentence) for h in hits] == [("may", 1), ("riot", 0), ("violent", 0)]
    assert count_words(text, spans) == 7  # The riot was violent | It may rain
    assert lexicon_hits(text, np.zeros((0, 2), dtype=int)) == []


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = st.sampled_from(
    ["riot", "Riots", "may", "May", "according", "to", "free", "speech", "free-speech", "claimed", "the", ",", ".",
     "\u201c", "\u201d", "law-abiding", "at", "least", "in", "part", "\n", "it\u2019s", "x"]
)


@settings(max_examples=60, deadline=None)
@given(words=st.lists(_WORDS, max_size=30), cuts=st.lists(st.integers(-5, 200), max_size=6))
def test_hits_always_point_at_their_surface_text_inside_their_sentence(words, cuts):
    text = " ".join(words)
    spans = list(zip(cuts[::2], cuts[1::2]))
    for h in lexicon_hits(text, spans):
        assert text[h.start : h.end] == h.matched
        s, e = spans[h.sentence]
        assert max(0, s) <= h.start < h.end <= e


def test_invisible_characters_inside_a_word_neither_split_nor_hide_it():
    # "al<soft hyphen>legedly" is the hedge "allegedly"; the hit keeps the text as written, offsets 3..13
    # (the soft hyphen is one character); "ri<zero-width space>ot" is the violence cue "riot" at 24..29.
    text = "He al\u00adlegedly incited a ri\u200bot."
    hits = _hits(text)
    assert [(h.category, h.term, h.matched, h.start, h.end) for h in hits] == [
        ("hedge", "allegedly", "al\u00adlegedly", 3, 13),
        ("frame_violence", "incite", "incited", 14, 21),
        ("frame_violence", "riot", "ri\u200bot", 24, 29),
    ]
    # He / allegedly / incited / a / riot: five words, not seven
    assert count_words(text) == 5


def test_every_word_list_opens_with_a_header_citing_its_sources():
    # the project's lists are its own; each says what it follows (an author and a year)
    data = Path(__file__).resolve().parents[1] / "framing" / "data"
    files = sorted(data.glob("*.tsv")) + sorted(data.glob("*.txt"))
    assert files
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        header = list(itertools.takewhile(lambda line: line.startswith("#"), lines))  # the leading comment block
        assert lines[0].startswith("#"), path.name
        assert any(re.search(r"\b(19|20)\d\d\b", line) for line in header), path.name
