"""Omissions: what most outlets' stories mention but one leaves out; and how alike the outlets' texts are.

A story's *topics* are (a) its main actors (see :mod:`framing.actors`) and (b) the key noun phrases
and named places, events and laws its outlets mention, merged by their head word ("the US Capitol",
"the Capitol Building" and "the Capitol" are one topic; so are "app stores" and "online stores").
A topic counts when at least half of the story's outlets mention it. For each topic and article
the ``topics`` table says whether the article mentions it and quotes the first sentence that does;
:func:`omissions` lists, for each article, the topics most *other* outlets mention but it does not.
:func:`outlet_similarity` gives the TF-IDF cosine similarity of the outlets' story texts.

Only the *story text* (the article's story sentences, not its headline) is compared. An article
with no story sentences (e.g. only a headline) has nothing to compare: it takes no part in the
topics (no rows, and its outlet does not count among the story's outlets), so it is never said to
omit anything. The tables do not depend on the order of the articles: within a story the articles
are taken sorted by outlet and article_id, and ties are broken by name.

Notes
-----
Comparing which facts and actors each outlet includes is the "selection" side of framing (Entman
1993, "Framing: Toward Clarification of a Fractured Paradigm", Journal of Communication 43(4));
presence/absence across outlets of the same event follows the coverage-difference analyses of
Park et al. (2009), "NewsCube: Delivering Multiple Aspects of News to Mitigate Media Bias" (CHI).
Noun phrases come from spaCy's noun chunks and named entities, merged by the lemma of their head
word; light nouns such as "time" or "way" (``data/actor_topic_light_nouns.tsv``) are not topics.
Similarity is the cosine of TF-IDF vectors (Salton and Buckley 1988, "Term-weighting approaches in
automatic text retrieval", Information Processing & Management 24(5)).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable, Mapping, NamedTuple

import pandas as pd

from framing.actors import DATA_DIR, StoryText, _group_stories, _parse, find_actors

__all__ = ["TopicPresence", "topic_presence", "omissions", "outlet_similarity", "COLUMNS"]

COLUMNS: dict[str, dict[str, str]] = {
    "topics": {
        "story_id": "Identifier of the story the article covers.",
        "topic": "An actor (canonical name) or key noun phrase mentioned by at least half of the story's outlets.",
        "kind": "actor for people and organisations, phrase for other noun phrases and named places/events.",
        "article_id": "Identifier of the article.",
        "outlet": "News outlet that published the article.",
        "present": "True when the article's story text mentions the topic.",
        "sentence": "The first story sentence of the article that mentions the topic (empty when absent).",
        "start": "Character offset of that sentence in the raw article text (empty when absent).",
        "end": "Character offset just after that sentence in the raw article text (empty when absent).",
        "n_outlets": "Number of the story's outlets that mention the topic.",
    },
    "omissions": {
        "story_id": "Identifier of the story the article covers.",
        "outlet": "News outlet that leaves the topic out.",
        "article_id": "Identifier of the article that leaves the topic out.",
        "topic": "The actor or noun phrase most other outlets mention.",
        "kind": "actor or phrase.",
        "n_others_present": "Number of other outlets that mention the topic.",
        "share_others_present": "Share of the other outlets that mention the topic (0 to 1).",
        "example_outlet": "One other outlet that mentions the topic (the first by name; among its articles, the first by article_id).",
        "example_sentence": "The first sentence of that article that mentions it.",
    },
}

# entity types that are never topics on their own (numbers, dates, amounts)
_SKIP_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_ACTOR_ENTITIES = frozenset({"PERSON", "ORG"})


class TopicPresence(NamedTuple):
    """One row of the ``topics`` table."""

    story_id: str
    topic: str
    kind: str
    article_id: str
    outlet: str
    present: bool
    sentence: str
    start: float
    end: float
    n_outlets: int


def _phrase_words(tokens) -> list[str]:
    """Lemmatised, lower-cased content words of a phrase (no determiners, possessives, punctuation)."""
    return [t.lemma_.lower().replace(".", "") for t in tokens
            if not (t.is_punct or t.is_space or t.pos_ in ("DET", "PRON", "PART", "ADP", "CCONJ", "NUM"))
            and t.lemma_.strip(".")]


@lru_cache(maxsize=1)
def _light_nouns() -> frozenset[str]:
    text = (DATA_DIR / "actor_topic_light_nouns.tsv").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _head_key(tok) -> str | None:
    """Topic key of a phrase head: its lemma, unless it is a stop word, light noun or not a noun."""
    key = tok.lemma_.lower().replace(".", "")
    if len(key) < 3 or not key.replace("-", "").isalpha() or tok.is_stop or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if key in _light_nouns():
        return None
    return key


def _phrases(sd) -> Iterable[tuple[str, str, object]]:
    """(head key, lemmatised phrase, head token) for each noun chunk and non-actor entity of a parsed sentence."""
    for ent in sd.ents:
        if ent.label_ in _SKIP_ENTITIES or ent.label_ in _ACTOR_ENTITIES:
            continue
        key = _head_key(ent[-1])
        if key:
            yield key, " ".join(_phrase_words(ent)) or key, ent[-1]
    for chunk in sd.noun_chunks:
        root = chunk.root
        if root.ent_type_ in _ACTOR_ENTITIES or root.ent_type_ in _SKIP_ENTITIES:
            continue
        key = _head_key(root)
        if key:
            # keep the head and the modifiers right before it ("app store", "capitol riot")
            words = _phrase_words([t for t in chunk if t.i <= root.i and t.ent_type_ not in _ACTOR_ENTITIES])
            yield key, " ".join(words[-3:]) or key, root


class _Occurrences:
    """Where each topic occurs: first sentence per article, outlets, and surface forms of phrases."""

    def __init__(self) -> None:
        self.first: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)  # (kind, key) -> article -> sentence
        self.outlets: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.surface: dict[str, Counter] = defaultdict(Counter)

    def note(self, key: tuple[str, str], doc: StoryText, sentence_index: int) -> None:
        prev = self.first[key].get(doc.article_id)
        self.first[key][doc.article_id] = sentence_index if prev is None else min(prev, sentence_index)
        self.outlets[key].add(doc.outlet)

    def label(self, key: tuple[str, str]) -> str:
        """Actor name, or the most frequent lemmatised form of the phrase."""
        kind, name = key
        if kind == "actor" or not self.surface[name]:
            return name
        return min(self.surface[name].items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0]


def _actor_occurrences(docs: list[StoryText], occ: _Occurrences) -> tuple[dict[str, str], dict]:
    """Note main actors' mentions; return one-word alias -> actor, and each article's mention spans."""
    alias_actor: dict[str, str] = {}
    mention_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    by_id = {d.article_id: d for d in docs}
    for st in find_actors(docs):
        for a in st.actors:
            if a.is_main:
                for alias in a.aliases:
                    if " " not in alias:
                        alias_actor.setdefault(alias.lower().replace(".", ""), a.name)
        for m in st.mentions:
            mention_spans[m.article_id].append((m.start, m.end))
            if m.is_main:
                occ.note(("actor", m.actor), by_id[m.article_id], m.sentence_index)
    return alias_actor, mention_spans


def _phrase_occurrences(docs: list[StoryText], occ: _Occurrences, alias_actor: dict[str, str],
                        mention_spans: dict) -> None:
    """Note noun phrases; a phrase headed by an actor's one-word alias ("the Capitol") counts for the actor,
    and one that is itself an actor mention ("the company") is skipped."""
    for d in docs:
        for si, sd in enumerate(_parse(d.text, d.sentences)):
            off = d.sentences[si][0]
            for key, phrase, head in _phrases(sd):
                if key in alias_actor:
                    occ.note(("actor", alias_actor[key]), d, si)
                    continue
                pos = off + head.idx
                if any(a <= pos < b for a, b in mention_spans[d.article_id]):
                    continue
                occ.note(("phrase", key), d, si)
                occ.surface[key][phrase] += 1


def _story_topics(story_id: str, docs: list[StoryText], *, min_share: float) -> list[TopicPresence]:
    # no story sentences, nothing to compare (see the module notes); a fixed order of the articles
    docs = sorted((d for d in docs if d.sentences), key=lambda d: (str(d.outlet), str(d.article_id)))
    if not docs:
        return []
    n_outlets = len({d.outlet for d in docs})
    need = max(1, math.ceil(min_share * n_outlets - 1e-9))
    occ = _Occurrences()
    alias_actor, mention_spans = _actor_occurrences(docs, occ)
    _phrase_occurrences(docs, occ, alias_actor, mention_spans)

    topics = [k for k in occ.outlets if len(occ.outlets[k]) >= need]
    topics.sort(key=lambda k: (k[0] != "actor", -len(occ.outlets[k]), occ.label(k), k[1]))
    rows: list[TopicPresence] = []
    seen: set[tuple[str, str]] = set()
    for key in topics:
        kind, name = key[0], occ.label(key)
        if (kind, name) in seen:  # two heads whose most common phrase is the same: keep the first
            continue
        seen.add((kind, name))
        n = len(occ.outlets[key])
        for d in docs:
            si = occ.first[key].get(d.article_id)
            if si is None:
                rows.append(TopicPresence(story_id, name, kind, d.article_id, d.outlet, False, "", math.nan,
                                          math.nan, n))
            else:
                a, b = d.sentences[si]
                rows.append(TopicPresence(story_id, name, kind, d.article_id, d.outlet, True, d.text[a:b], a, b, n))
    return rows


def topic_presence(docs: Iterable[StoryText], *, min_share: float = 0.5) -> pd.DataFrame:
    """Which of the story's topics each article mentions, with the sentence that does; table ``topics``.

    Parameters
    ----------
    docs:
        The articles as :class:`~framing.actors.StoryText`; articles sharing ``story_id`` form a story.
    min_share:
        A noun phrase or actor is a topic of the story when at least this share of the story's
        outlets mention it.
    """
    rows: list[TopicPresence] = []
    for story_id, group in _group_stories(docs):
        try:
            rows.extend(_story_topics(story_id, group, min_share=min_share))
        except Exception:  # one malformed story must not lose the batch
            continue
    df = pd.DataFrame(rows, columns=list(COLUMNS["topics"]))
    df["present"] = df["present"].astype(bool)
    return df


def omissions(presence: pd.DataFrame, *, min_share: float = 0.6) -> pd.DataFrame:
    """Topics an article leaves out although most other outlets of the story mention them.

    Parameters
    ----------
    presence:
        A ``topics`` table from :func:`topic_presence`.
    min_share:
        Report an omission when at least this share of the *other* outlets mention the topic.
    """
    columns = list(COLUMNS["omissions"])
    if presence is None or len(presence) == 0:
        return pd.DataFrame(columns=columns)
    groups: dict[tuple, list[dict]] = {}  # (story, topic, kind) -> its rows, groups in order of appearance
    for r in presence[["story_id", "topic", "kind", "outlet", "article_id", "present", "sentence"]].to_dict("records"):
        key = (r["story_id"], r["topic"], r["kind"])
        if not any(pd.isna(k) for k in key):
            groups.setdefault(key, []).append(r)
    rows = []
    for (story_id, topic, kind), grp in groups.items():
        mentioned: dict[str, bool] = {}  # outlet -> does any of its articles mention the topic
        for r in grp:
            mentioned[r["outlet"]] = mentioned.get(r["outlet"], False) or bool(r["present"])
        for r in grp:
            if r["present"]:
                continue
            others = [m for outlet, m in mentioned.items() if outlet != r["outlet"]]
            if not others:
                continue
            n_present = sum(others)
            share = n_present / len(others)
            if share < min_share or n_present == 0:
                continue
            example = min((x for x in grp if x["outlet"] != r["outlet"] and x["present"]),
                          key=lambda x: (str(x["outlet"]), str(x["article_id"])))
            rows.append({"story_id": story_id, "outlet": r["outlet"], "article_id": r["article_id"],
                         "topic": topic, "kind": kind, "n_others_present": n_present,
                         "share_others_present": share, "example_outlet": example["outlet"],
                         "example_sentence": example["sentence"]})
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["story_id", "outlet", "article_id", "share_others_present", "topic", "kind"],
                           ascending=[True, True, True, False, True, True], kind="mergesort").reset_index(drop=True)


def outlet_similarity(texts_by_outlet: Mapping[str, str] | pd.DataFrame, **tfidf_options) -> pd.DataFrame:
    """Cosine similarity of the outlets' story texts as TF-IDF vectors; square, indexed by outlet.

    ``tfidf_options`` go to scikit-learn's ``TfidfVectorizer`` (its defaults otherwise: lower-cased
    words of two or more characters, smoothed idf, l2-normalised rows). An outlet with no words has
    similarity 0 with every outlet (NaN with itself); any other outlet has exactly 1 with itself.
    Outlets are sorted by name and values rounded to 12 decimals and kept within [0, 1], so the
    table does not depend on the order of the input (nor on last-digit rounding noise).
    """
    import numpy as np

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    from framing.distinctive import _texts_by_outlet

    texts = _texts_by_outlet(texts_by_outlet)
    names = sorted(texts)
    if not names:
        return pd.DataFrame()
    try:
        matrix = TfidfVectorizer(**tfidf_options).fit_transform([texts[n] for n in names])
    except ValueError:  # no words at all
        return pd.DataFrame(math.nan, index=names, columns=names)
    raw = cosine_similarity(matrix)
    values = np.clip(np.round((raw + raw.T) / 2, 12), 0.0, 1.0)
    for i, row in enumerate(matrix):
        values[i, i] = 1.0 if row.nnz else math.nan
    sim = pd.DataFrame(values, index=names, columns=names)
    sim.index.name = "outlet"
    return sim
