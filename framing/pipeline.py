"""The main job: every feature over every article, then the comparisons across outlets.

:func:`analyze` takes a corpus (a path, a :class:`~framing.io.Corpus` or articles) and returns a
:class:`Report`: a dict of tidy tables (``articles``, ``lines``, ``quotes``, ``sentences``, ...)
plus ``errors``. An article that fails is listed in ``errors`` with the reason and the rest of
the batch goes on.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Collection, Iterable

import pandas as pd

from framing.compare import ArticleContext, compare
from framing.document import Document, prepare
from framing.io import Article, Corpus, LoadError
from framing.language import detect_language

__all__ = ["Report", "analyze", "analyze_article", "ARTICLE_STEPS", "TABLE_ORDER"]

#: Tables in the order they are written and shown.
TABLE_ORDER = (
    "articles", "lines", "quotes", "sentences", "lexicon_hits", "quote_families", "quote_family_summary",
    "artifacts", "actor_tone", "actor_labels", "topics", "omissions", "terms", "outlet_similarity",
    "outlet_profile",
)


@dataclass
class Report:
    """The tables of one run; ``report["articles"]`` etc."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    errors: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["article_id", "source", "reason"])
    )

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def __contains__(self, name: str) -> bool:
        return name in self.tables

    @property
    def articles(self) -> pd.DataFrame:
        return self.tables["articles"]


# --------------------------------------------------------------------------- per-article steps
# A step takes the prepared Document and a dict of tables being built for that article
# ({"articles": {row}, "lines": [rows], ...}) and adds to it.

def _segmentation_step(doc: Document, out: dict) -> None:
    row = out["articles"]
    row.update(
        {
            "headline": doc.headline,
            "headline_is_lede": doc.headline_is_lede,
            "n_lines": len(doc.lines),
            "n_words": doc.n_words,
            "n_sentences": len(doc.sentences),
            "boilerplate_ratio": doc.segmentation.boilerplate_ratio,
            "boilerplate_source": "text lines",
        }
    )
    meta = doc.article.metadata
    html_ratio = meta.get("html_boilerplate_ratio")
    if html_ratio is not None:  # a web page: the story was extracted from the page's visible text
        row["boilerplate_ratio"] = html_ratio
        row["boilerplate_source"] = "html page"
    published = meta.get("published") or meta.get("date")
    if published:
        row["published"] = str(published)
    out["lines"] = [
        {
            "article_id": doc.article_id,
            "line_no": ln.line_no,
            "start": ln.start,
            "end": ln.end,
            "role": ln.role,
            "furniture_kind": ln.furniture_kind,
            "is_story": ln.is_story,
            "text": ln.text,
        }
        for ln in doc.lines
    ]


def _with_article(doc: Document, rows: list[dict]) -> list[dict]:
    return [{"article_id": doc.article_id, "outlet": doc.outlet, **r} for r in rows]


def _headline_step(doc: Document, out: dict) -> None:
    from framing.headlines import headline_frame, to_record, with_story_organisations

    persons = out.get("_persons", set())
    record = with_story_organisations(to_record(headline_frame(doc.headline, names=persons)),
                                      out.get("_organisations", set()), persons=persons)
    out["articles"].update(record)


def _attribution_step(doc: Document, out: dict) -> None:
    from framing.attribution import (article_summary, attributions, organisation_names, person_names,
                                     quotation_spans, to_records)

    attrs = attributions(doc.text, paragraphs=doc.paragraphs)
    spans = quotation_spans(doc.text, paragraphs=doc.paragraphs)
    out["_quote_spans"] = spans
    quoted = sum(len(doc.text[a:b].strip()) for a, b in spans)
    out["articles"].update(article_summary(attrs, story_chars=doc.story_chars, quoted_chars=quoted))
    out["quotes"] = _with_article(doc, to_records(attrs))
    out["_organisations"] = organisation_names(attrs)  # for the headline's agent type
    out["_persons"] = person_names(attrs)


def _tone_step(doc: Document, out: dict) -> None:
    from framing.tone import article_tone, sentence_tone

    spans = out.get("_quote_spans", ())
    table = sentence_tone(doc.text, doc.sentence_spans, quote_spans=spans)
    out["articles"].update(article_tone(doc.text, doc.headline, doc.sentence_spans, quote_spans=spans, table=table))
    out["sentences"] = _with_article(doc, table.to_dict("records"))


def _readability_step(doc: Document, out: dict) -> None:
    from framing.readability import readability

    out["articles"].update(readability(doc.text, doc.sentence_spans))


def _lexicon_step(doc: Document, out: dict) -> None:
    from framing.lexicon import count_words, hits_table, lexicon_hits, lexicon_rates, lexicon_terms

    hits = lexicon_hits(doc.text, doc.sentence_spans)
    out["articles"].update(lexicon_rates(hits, count_words(doc.text, doc.sentence_spans)))
    out["articles"].update(lexicon_terms(hits))
    out["lexicon_hits"] = _with_article(doc, hits_table(hits).to_dict("records"))


#: Per-article feature steps, in order (attribution first: tone uses its quote spans, the headline
#: step its organisation names).
ARTICLE_STEPS: list[Callable[[Document, dict], None]] = [
    _segmentation_step,
    _attribution_step,
    _headline_step,
    _tone_step,
    _readability_step,
    _lexicon_step,
]

#: Steps that need English text (lexicons, the English parser, VADER). For an article whose story
#: text is identified as another language they are skipped, so its features stay empty (NaN)
#: rather than being scored as if it were English; ``language`` says why.
ENGLISH_ONLY = frozenset({_headline_step, _attribution_step, _tone_step, _readability_step, _lexicon_step})


def analyze_article(article: Article, *, steps: Iterable[Callable] | None = None) -> dict[str, list[dict]]:
    """Run every per-article step; return ``{table: rows}`` (``articles`` has one row).

    Byte-order marks at the start of ``article.text`` are dropped first, as the file loaders drop
    them (:func:`framing.io.decode_bytes`), so offsets in the tables count from the first
    character after them.
    """
    if article.text.startswith("\ufeff"):
        article = replace(article, text=article.text.lstrip("\ufeff"))
    doc = prepare(article)
    out: dict = {"articles": {"article_id": article.article_id, "outlet": article.outlet}}
    if article.story_id:
        out["articles"]["story_id"] = article.story_id
    language = detect_language(doc.story_text)
    english = language in ("en", "und")
    out["articles"]["language"] = language
    for step in steps or ARTICLE_STEPS:
        if english or step not in ENGLISH_ONLY:
            step(doc, out)
    tables = {k: v for k, v in out.items() if k != "articles" and not k.startswith("_")}
    tables["articles"] = [out["articles"]]
    tables["_context"] = [ArticleContext.from_document(doc, english=english)]
    return tables


def _to_corpus(corpus: Corpus | Iterable[Article]) -> Corpus:
    """A corpus as given, or the given articles as one (:func:`analyze` reads paths itself)."""
    if isinstance(corpus, Corpus):
        return corpus
    return Corpus(articles=list(corpus))


def analyze(
    corpus: Corpus | str | Path | Iterable[Article],
    *,
    progress: bool = False,
    jobs: int = 1,
    batch_size: int = 16,
    skip_ids: Collection[str] = (),
    on_results: Callable[[list], None] | None = None,
    compare_outlets: bool = True,
    previous: dict[str, list] | None = None,
) -> Report:
    """Analyse every article of ``corpus`` and compare outlets; return a :class:`Report`.

    ``compare_outlets=False`` skips the cross-outlet comparisons (quote families, translation
    artifacts, actors, topics, terms; :func:`framing.compare.compare`), which run after every
    article has been analysed, within each ``story_id``.

    ``jobs`` worker processes share the articles (``0``: one per core); the tables and their row
    order do not depend on ``jobs`` (see :func:`framing.parallel.analyze_parallel`). A path is
    read as a stream (:func:`framing.loaders.iter_articles`). Articles whose id is in
    ``skip_ids`` are left out (``framing report --resume``). ``on_results``, if given, is called
    with each completed batch of :class:`~framing.parallel.ArticleResult` (in input order), e.g.
    to write rows out as they come. ``previous`` (``{table: rows}``, from
    :func:`framing.parallel.read_previous`) holds the rows of the skipped articles; they are put in
    front and take part in the cross-outlet comparisons.
    """
    from framing.parallel import analyze_parallel

    errors: list[LoadError] = []
    if isinstance(corpus, (str, Path)):
        from framing.loaders import iter_articles

        articles: Iterable[Article] = iter_articles(corpus, errors=errors)
    else:
        corpus = _to_corpus(corpus)
        errors.extend(corpus.errors)
        articles = corpus.articles
    rows: dict[str, list[dict]] = {}
    pending: list = []
    results = analyze_parallel(articles, jobs=jobs, batch_size=batch_size, progress=progress, skip_ids=skip_ids)
    for result in results:
        if result.error is not None:
            errors.append(result.error)
        for name, trows in result.tables.items():
            rows.setdefault(name, []).extend(trows)
        if on_results is not None:
            pending.append(result)
            if len(pending) >= batch_size * max(jobs, 1):
                on_results(pending)
                pending = []
    if on_results is not None and pending:
        on_results(pending)
    for name, old in (previous or {}).items():
        rows[name] = list(old) + rows.get(name, [])
    contexts = rows.pop("_context", [])
    report = Report()
    for name in list(TABLE_ORDER) + sorted(set(rows) - set(TABLE_ORDER)):
        if name in rows:
            report.tables[name] = pd.DataFrame(rows[name])
    if "articles" not in report.tables:
        report.tables["articles"] = pd.DataFrame(columns=["article_id", "outlet"])
    if compare_outlets and contexts:
        try:
            compare(report.tables, contexts, jobs=jobs, progress=progress)
        except Exception as exc:  # the per-article tables stand even if a comparison fails
            errors.append(LoadError("(corpus)", "", f"cross-outlet comparison failed: {exc.__class__.__name__}: {exc}"))
    report.errors = pd.DataFrame(
        [(e.article_id, e.source, e.reason) for e in errors], columns=["article_id", "source", "reason"]
    )
    return report
