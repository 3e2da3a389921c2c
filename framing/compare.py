"""Comparisons across outlets, run after every article has been analysed on its own.

Quote families and fidelity, translation artifacts, actor tone and labels, topics and omissions
are compared within each story (``story_id``; a corpus without one is a single story).
Distinctive terms and outlet similarity compare each outlet's story text over the whole corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

import pandas as pd

if TYPE_CHECKING:
    from framing.document import Document

__all__ = ["ArticleContext", "StoryComparisons", "compare", "outlet_label", "outlet_labels", "story_comparisons"]


def outlet_label(outlet: object, article_id: object) -> str:
    """The name an article's outlet goes by in the cross-outlet tables.

    The outlet itself; an article without one (empty, blank or missing) stands for an outlet of
    its own, named by its ``article_id``, so that unnamed articles are never pooled into one
    nameless outlet. Every comparison (quote families, topics and omissions, actors, distinctive
    terms, outlet similarity, outlet profiles) uses this rule.
    """
    if isinstance(outlet, str) and outlet.strip():
        return outlet
    return str(article_id)


def outlet_labels(articles: pd.DataFrame, outlet_col: str = "outlet", id_col: str = "article_id") -> pd.Series:
    """:func:`outlet_label` of every row of a table with an article-id column (and usually an
    outlet column: without one, every article is its own outlet)."""
    outlets = articles[outlet_col] if outlet_col in articles.columns else [None] * len(articles)
    return pd.Series([outlet_label(o, a) for o, a in zip(outlets, articles[id_col])],
                     index=articles.index, dtype=object)


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
    def from_document(cls, doc: Document, *, english: bool = True) -> "ArticleContext":
        """The context of a prepared article (:func:`framing.document.prepare`)."""
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

    return [StoryText(c.article_id, outlet_label(c.outlet, c.article_id), c.text, c.sentences, c.story_id)
            for c in contexts]


def _outlet_texts(contexts: list[ArticleContext]) -> dict[str, str]:
    """Each outlet's story sentences, outlets sorted by name and each outlet's articles by
    (story_id, article_id), so that the texts (whose word pairs run across the joins) do not
    depend on the order of the corpus."""
    texts: dict[str, list[str]] = {}
    for c in sorted(contexts, key=lambda c: (outlet_label(c.outlet, c.article_id), c.story_id, c.article_id)):
        texts.setdefault(outlet_label(c.outlet, c.article_id), []).extend(c.text[a:b] for a, b in c.sentences)
    return {k: "\n".join(v) for k, v in texts.items()}


@dataclass
class StoryComparisons:
    """The within-story comparison results of one story (see :func:`story_comparisons`)."""

    artifacts: dict[str, list]  # article_id -> translation-artifact evidence
    artifact_scores: dict[str, float]  # article_id -> evidence per 1,000 words
    actor_tone: pd.DataFrame
    actor_labels: pd.DataFrame
    topics: pd.DataFrame
    actor_mentions: pd.DataFrame


def story_comparisons(item: tuple[list[ArticleContext], pd.DataFrame | None]) -> StoryComparisons:
    """Translation artifacts, actor tone, actor labels and topic presence of one story.

    ``item`` is (the story's articles, the quote-family rows of those articles). A module-level
    function of one argument, so that worker processes can run it story by story.
    """
    from framing.actors import actor_labels, actor_mentions, actor_tone, forget_parses, sentence_parses
    from framing.artifacts import artifact_score, translation_artifacts
    from framing.omissions import topic_presence

    contexts, families = item
    found, scores = {}, {}
    for c in contexts:
        # the actor tables parse every story sentence; the pronoun evidence reuses those parses
        parses = dict(zip(c.sentences, sentence_parses(c.text, c.sentences)))
        evidence = translation_artifacts(c.text, paragraphs=c.paragraphs, families=families, article_id=c.article_id,
                                         sentence_docs=parses)
        found[c.article_id] = evidence
        scores[c.article_id] = artifact_score(evidence, c.n_words)
    docs = _story_texts(contexts)
    try:
        return StoryComparisons(found, scores, actor_tone(docs), actor_labels(docs), topic_presence(docs),
                                actor_mentions(docs))
    finally:
        forget_parses()  # this story is done: free its parses


def _stories(contexts: list[ArticleContext]) -> list[list[ArticleContext]]:
    """Articles grouped by story, stories in order of first appearance."""
    groups: dict[str, list[ArticleContext]] = {}
    for c in contexts:
        groups.setdefault(c.story_id, []).append(c)
    return list(groups.values())


def _rows_of(families: pd.DataFrame | None, group: list[ArticleContext]) -> pd.DataFrame | None:
    if families is None or len(families) == 0 or "article_id" not in families.columns:
        return families
    ids = {str(c.article_id) for c in group}
    return families[families["article_id"].astype(str).isin(ids)]


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Story tables one after another (empty ones only give the columns)."""
    full = [f for f in frames if len(f)]
    if not full:
        return frames[0].iloc[0:0].reset_index(drop=True)
    return pd.concat(full, ignore_index=True)


def compare(
    tables: dict[str, pd.DataFrame], contexts: Iterable[ArticleContext], *, jobs: int = 1, progress: bool = False
) -> dict[str, pd.DataFrame]:
    """Add the cross-outlet tables to ``tables`` (and their columns to ``tables["articles"]``).

    Only English articles take part (the lexicons and the parser are English). The comparisons
    that stay within a story (:func:`story_comparisons`) run story by story, so each article is
    parsed once and memory holds one story's parses at a time; with ``jobs`` > 1 the stories
    are shared among that many worker processes (``progress``: a tqdm bar counting stories). The
    tables do not depend on ``jobs``.
    """
    from framing.artifacts import artifacts_table
    from framing.distinctive import distinctive_terms
    from framing.omissions import omissions, outlet_similarity
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

    # within each story: translation artifacts (quote drift needs the families), the actors
    # (tone around them, the labels each outlet attaches) and the topics each outlet mentions
    stories = _stories(contexts)
    items = [(group, _rows_of(families, group)) for group in stories]
    from framing.parallel import map_in_workers

    parts = map_in_workers(story_comparisons, items, jobs=jobs, progress=progress, unit="story")
    evidence_of: dict[str, list] = {}
    scores: dict[str, float] = {}
    for part in parts:
        evidence_of.update(part.artifacts)
        scores.update(part.artifact_scores)
    tables["artifacts"] = artifacts_table(e for c in contexts for e in evidence_of.get(c.article_id, ()))
    articles["translation_artifact_score"] = articles["article_id"].map(scores)
    tables["actor_tone"] = _concat([p.actor_tone for p in parts])
    if quotes is not None and len(quotes):  # one name per speaker across outlets
        from framing.actors import speaker_actors

        tables["quotes"] = tables["quotes"].assign(
            speaker_actor=speaker_actors(tables["quotes"], _concat([p.actor_mentions for p in parts])))
    tables["actor_labels"] = _concat([p.actor_labels for p in parts]).sort_values("story_id", kind="stable",
                                                                                   ignore_index=True)
    # stories sorted by story_id (within a story the rows no longer depend on the input order)
    presence = _concat([p.topics for p in parts]).sort_values("story_id", kind="stable", ignore_index=True)
    presence["present"] = presence["present"].astype(bool)
    tables["topics"] = presence
    tables["omissions"] = omissions(presence)

    # vocabulary: distinctive terms per outlet, and how alike the outlets' texts are
    texts = _outlet_texts(contexts)
    if len(texts) >= 2:
        tables["terms"] = distinctive_terms(texts)
        sim = outlet_similarity(texts)
        tables["outlet_similarity"] = sim.reset_index().rename(columns={sim.index.name or "index": "outlet"})
    # outlet profiles with bootstrap intervals, where an outlet has several articles
    if outlet_labels(articles).value_counts().max() >= 2:
        from framing.profiles import outlet_profile

        tables["outlet_profile"] = outlet_profile(articles)
    tables["articles"] = articles
    return tables
