"""Comparisons across outlets, run after every article has been analysed on its own.

Quote families and fidelity, translation artifacts, actor tone and labels, topics and omissions
are compared within each story (``story_id``; a corpus without one is a single story).
Distinctive terms and outlet similarity compare each outlet's story text over the whole corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import pandas as pd

__all__ = ["ArticleContext", "compare"]


@dataclass(frozen=True)
class ArticleContext:
    """What the cross-outlet comparisons need of one analysed article (small and picklable)."""

    article_id: str
    outlet: str
    story_id: str
    text: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    n_words: int
    english: bool = True

    @classmethod
    def from_document(cls, doc, *, english: bool = True) -> "ArticleContext":
        from framing.lexicon import count_words

        return cls(
            article_id=doc.article_id,
            outlet=doc.outlet,
            story_id=doc.article.story_id or "",
            text=doc.text,
            paragraphs=tuple(doc.paragraphs),
            sentences=tuple(doc.sentence_spans),
            n_words=count_words(doc.text, doc.sentence_spans),
            english=english,
        )


def _story_texts(contexts: list[ArticleContext]):
    from framing.actors import StoryText

    return [StoryText(c.article_id, c.outlet or c.article_id, c.text, c.sentences, c.story_id) for c in contexts]


def _outlet_texts(contexts: list[ArticleContext]) -> dict[str, str]:
    texts: dict[str, list[str]] = {}
    for c in contexts:
        texts.setdefault(c.outlet or c.article_id, []).extend(c.text[a:b] for a, b in c.sentences)
    return {k: "\n".join(v) for k, v in texts.items()}


def compare(tables: dict[str, pd.DataFrame], contexts: Iterable[ArticleContext]) -> dict[str, pd.DataFrame]:
    """Add the cross-outlet tables to ``tables`` (and their columns to ``tables["articles"]``).

    Only English articles take part (the lexicons and the parser are English).
    """
    from framing.artifacts import artifact_score, artifacts_table, translation_artifacts
    from framing.distinctive import distinctive_terms
    from framing.omissions import omissions, outlet_similarity, topic_presence
    from framing.quote_families import article_quote_sharing, quote_families, quote_family_summary

    contexts = [c for c in contexts if c.english]
    articles = tables["articles"]
    if not contexts:
        return tables

    # quote families and fidelity (within each story)
    quotes = tables.get("quotes")
    if quotes is not None and len(quotes):
        story_of = {c.article_id: c.story_id for c in contexts}
        quotes = quotes.assign(story_id=quotes["article_id"].map(story_of).fillna(""))
    families = quote_families(quotes)
    tables["quote_families"] = families
    tables["quote_family_summary"] = quote_family_summary(families)
    sharing = article_quote_sharing(families, [c.article_id for c in contexts])
    articles = articles.merge(sharing, on="article_id", how="left")

    # translation artifacts (quote drift needs the families)
    evidence = []
    scores = {}
    for c in contexts:
        found = translation_artifacts(c.text, paragraphs=c.paragraphs, families=families, article_id=c.article_id)
        evidence.extend(found)
        scores[c.article_id] = artifact_score(found, c.n_words)
    tables["artifacts"] = artifacts_table(evidence)
    articles["translation_artifact_score"] = articles["article_id"].map(scores)

    # actors: tone around them and the labels each outlet attaches
    from framing.actors import actor_labels, actor_tone

    docs = _story_texts(contexts)
    tables["actor_tone"] = actor_tone(docs)
    tables["actor_labels"] = actor_labels(docs)

    # topics each outlet mentions or leaves out
    presence = topic_presence(docs)
    tables["topics"] = presence
    tables["omissions"] = omissions(presence)

    # vocabulary: distinctive terms per outlet, and how alike the outlets' texts are
    texts = _outlet_texts(contexts)
    if len(texts) >= 2:
        tables["terms"] = distinctive_terms(texts)
        sim = outlet_similarity(texts)
        tables["outlet_similarity"] = sim.reset_index().rename(columns={sim.index.name or "index": "outlet"})
    # outlet profiles with bootstrap intervals, where an outlet has several articles
    if articles.groupby("outlet").size().max() >= 2:
        from framing.profiles import outlet_profile

        tables["outlet_profile"] = outlet_profile(articles)
    tables["articles"] = articles
    return tables
