"""framing.nlp: the faster rule components must annotate exactly as spaCy's own do."""

import spacy
from spacy.pipeline import AttributeRuler

from framing.nlp import _IndexedRuleMatch, load_model, speed_up_rules

from conftest import SEEDS


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_seed_annotations_identical_to_spacys_own_components():
    fast, plain = load_model(), load_model(fast_rules=False)
    assert isinstance(fast.get_pipe("attribute_ruler").match, _IndexedRuleMatch)
    assert not isinstance(plain.get_pipe("attribute_ruler").__dict__.get("match"), _IndexedRuleMatch)
    texts = _seed_texts()
    assert len(texts) == 5
    for a, b in zip(fast.pipe(texts, disable=["ner"]), plain.pipe(texts, disable=["ner"])):
        assert _annotations(a) == _annotations(b)


def test_indexed_match_lists_the_same_matches_as_the_matcher():
    nlp = load_model()
    ruler = nlp.get_pipe("attribute_ruler")
    before = [n for n in nlp.pipe_names if n in ("attribute_ruler", "lemmatizer", "ner")]
    for doc in nlp.pipe(_seed_texts(), disable=before):
        expected = AttributeRuler.match(ruler, doc)  # spaCy's Matcher path
        assert expected  # the tag-to-POS rules fire on every word
        assert ruler.match(doc) == expected


def _toy_pipeline():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}]], {"LEMMA": "first"})
    ruler.add([[{"LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "be"}, index=0)
    ruler.add([[{"LOWER": {"IN": ["cats", "dogs"]}}]], {"LEMMA": "pet"})
    ruler.add([[{"IS_SPACE": True}]], {"LEMMA": "SPACE"})
    ruler.add([[{"LOWER": "the"}]], {"LEMMA": "second"})  # a later rule wins
    ruler.add([[{"ORTH": "Cat"}]], {"LEMMA": "cat"})  # ORTH is not indexed: the Matcher finds it
    ruler.add([[{"LOWER": {"NOT_IN": ["the", "cat", "ai", "n't", "dogs", " "]}}]], {"LEMMA": "other"})
    return nlp


def test_rule_kinds_found_by_index_and_by_fallback_matcher():
    text = "The Cat ain't dogs  now"  # blank English splits ai|n't; two spaces leave a space token
    expected = ["second", "cat", "be", "", "pet", "SPACE", "other"]
    plain = _toy_pipeline()
    assert [t.lemma_ for t in plain(text)] == expected
    fast = speed_up_rules(_toy_pipeline())
    match = fast.get_pipe("attribute_ruler").match
    assert isinstance(match, _IndexedRuleMatch)
    assert match._n_others == 1  # the ORTH rule; the two-word REGEX rule and NOT_IN are handled by the index
    assert len(match._anywhere) == 1  # the NOT_IN rule has no IN condition to look up
    assert [t.lemma_ for t in fast(text)] == expected
    assert [t.lemma_ for t in fast("")] == []


def test_speed_up_rules_twice_changes_nothing_more():
    nlp = speed_up_rules(_toy_pipeline())
    match = nlp.get_pipe("attribute_ruler").match
    assert speed_up_rules(nlp) is nlp
    assert nlp.get_pipe("attribute_ruler").match is match
