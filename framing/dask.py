"""Article features for corpora too big for one machine, with Dask (optional: ``pip install framing[dask]``).

:func:`features_from_dask` takes a Dask DataFrame of articles (one row per article, e.g. from
``dask.dataframe.read_parquet``) and returns a lazy Dask DataFrame of the ``articles`` table,
computed partition by partition on the cluster's workers (each worker loads the spaCy model once).

>>> import dask.dataframe as dd                                   # doctest: +SKIP
>>> from framing.dask import features_from_dask
>>> ddf = dd.read_parquet("corpus/", columns=["article_id", "outlet", "story_id", "headline", "text"])
>>> features_from_dask(ddf, headline_col="headline", story_col="story_id").to_parquet("features/")

An article whose analysis fails keeps its row (id and outlet) with the reason in ``error``;
the other features are then missing.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Sequence

import pandas as pd

from framing.io import Article

if TYPE_CHECKING:
    import dask.dataframe as dd

__all__ = ["features_from_dask", "articles_meta", "partition_features", "COLUMNS"]

COLUMNS = {
    "articles": {
        "error": "Dask runs only: why the article could not be analysed (empty when it was).",
    },
}

# An invented article (headline, attributed quote, anonymous source, furniture line) whose
# analysis shows every column the pipeline fills and its type.
_SAMPLE_HEADLINE = "Court rejects appeal by city council over new parking rules"
_SAMPLE_BODY = (
    "A federal judge on Monday rejected the city council's appeal, ruling that the council had broken "
    "its own rules when it approved the plan.\n\n"
    "\"We will keep fighting for the residents of this city,\" Mayor Jane Smith said in a statement. "
    "She called the ruling \"deeply disappointing.\"\n\n"
    "An official who asked not to be named said the decision had been expected for weeks, according "
    "to people familiar with the case.\n\n"
    "The council is expected to meet again next week to discuss its options.\n\n"
    "Sign up for our newsletter"
)


def _require_dask():
    try:
        import dask.dataframe as dd
    except ImportError:  # pragma: no cover - exercised only without the extra
        raise ImportError(
            "framing.dask needs Dask: pip install 'framing[dask]' (dask[dataframe] and distributed)"
        ) from None
    return dd


def _article(row: dict, *, text_col, id_col, outlet_col, headline_col, story_col) -> Article:
    def cell(col):
        if col is None:
            return ""
        v = row.get(col)
        return "" if v is None or (isinstance(v, float) and v != v) else str(v)

    return Article(
        article_id=cell(id_col),
        text=cell(text_col),
        outlet=cell(outlet_col),
        headline=cell(headline_col).strip() or None if headline_col else None,
        story_id=cell(story_col).strip(),
        source="dask",
    )


def _dtype(series: pd.Series) -> Any:
    """Types that survive a missing value and have a Parquet type: Int64, boolean, float64, string."""
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "Int64"
    if pd.api.types.is_float_dtype(series):
        return "float64"
    return pd.StringDtype()


@lru_cache(maxsize=8)
def _meta_cached(with_headline: bool, with_story: bool, steps: tuple | None) -> pd.DataFrame:
    from framing.parallel import analyze_one

    sample = Article(
        article_id="sample",
        text=_SAMPLE_BODY if with_headline else _SAMPLE_HEADLINE + "\n\n" + _SAMPLE_BODY,
        outlet="Sample Outlet",
        headline=_SAMPLE_HEADLINE if with_headline else None,
        story_id="sample-story" if with_story else "",
    )
    result = analyze_one(sample, steps=list(steps) if steps else None)
    if result.error is not None:
        raise RuntimeError(f"framing could not analyse its sample article: {result.error.reason}")
    frame = pd.DataFrame(result.tables["articles"])
    frame["error"] = ""
    return frame.iloc[:0].astype({c: _dtype(frame[c]) for c in frame.columns})


def articles_meta(
    *, headline_col: str | None = None, story_col: str | None = None, steps: Sequence[Callable] | None = None
) -> pd.DataFrame:
    """An empty ``articles`` table with the columns and types :func:`features_from_dask` returns."""
    return _meta_cached(headline_col is not None, story_col is not None, tuple(steps) if steps else None).copy()


def partition_features(
    part: pd.DataFrame,
    *,
    like: pd.DataFrame,
    text_col: str = "text",
    id_col: str | None = "article_id",
    outlet_col: str | None = "outlet",
    headline_col: str | None = None,
    story_col: str | None = None,
    steps: Sequence[Callable] | None = None,
) -> pd.DataFrame:
    """The ``articles`` rows of one partition (a pandas DataFrame of articles), with the columns and types of ``like``."""
    from framing.parallel import analyze_one

    rows = []
    for i, row in enumerate(part.to_dict("records")):
        article = _article(row, text_col=text_col, id_col=id_col, outlet_col=outlet_col,
                           headline_col=headline_col, story_col=story_col)
        if id_col is None:
            article.article_id = str(part.index[i])
        if not article.text.strip():
            rows.append({"article_id": article.article_id, "outlet": article.outlet, "error": "empty text"})
            continue
        result = analyze_one(article, i, steps=list(steps) if steps else None)
        if result.error is not None:
            rows.append({"article_id": article.article_id, "outlet": article.outlet, "error": result.error.reason})
        else:
            rows.append({**result.tables["articles"][0], "error": ""})
    frame = pd.DataFrame(rows).reindex(columns=like.columns)
    frame.index = part.index
    out = {}
    for col, dtype in like.dtypes.items():
        values = frame[col]
        if isinstance(dtype, pd.StringDtype):
            out[col] = pd.array([None if pd.isna(v) else str(v) for v in values], dtype=dtype)
        elif dtype == object:
            out[col] = values.astype(object).where(values.notna(), None)
        else:
            out[col] = pd.array(values.where(values.notna(), None).tolist(), dtype=dtype)
    return pd.DataFrame(out, index=part.index)


def features_from_dask(
    ddf: dd.DataFrame,
    *,
    text_col: str = "text",
    id_col: str | None = "article_id",
    outlet_col: str | None = "outlet",
    headline_col: str | None = None,
    story_col: str | None = None,
    steps: Sequence[Callable] | None = None,
    meta: pd.DataFrame | None = None,
) -> dd.DataFrame:
    """The ``articles`` feature table of a Dask DataFrame of articles, as a lazy Dask DataFrame.

    Parameters
    ----------
    ddf:
        ``dask.dataframe.DataFrame`` with one article per row.
    text_col, id_col, outlet_col, headline_col, story_col:
        Columns holding the text (the body, when ``headline_col`` gives the headline), the article
        id (``None``: the index), the outlet, the headline and the story id.
    steps:
        Per-article steps to run (default all of :data:`framing.pipeline.ARTICLE_STEPS`), e.g.
        ``[pipeline._segmentation_step, pipeline._lexicon_step]`` for a quick pass without the parser.
    meta:
        Column names and types of the result; default :func:`articles_meta` (found by analysing a
        small built-in article once, in this process).

    Each partition is analysed by :func:`partition_features` through ``map_partitions`` with an
    explicit ``meta``; the index is kept.
    """
    _require_dask()
    needed = [c for c in (text_col, id_col, outlet_col, headline_col, story_col) if c is not None]
    missing = [c for c in needed if c not in ddf.columns]
    if missing:
        raise KeyError(f"no column(s) {', '.join(missing)} in the Dask DataFrame (found: {', '.join(map(str, ddf.columns))})")
    if meta is None:
        meta = articles_meta(headline_col=headline_col, story_col=story_col, steps=steps)
    return ddf[needed].map_partitions(
        partition_features,
        like=meta,
        meta=meta,
        text_col=text_col,
        id_col=id_col,
        outlet_col=outlet_col,
        headline_col=headline_col,
        story_col=story_col,
        steps=steps,
        enforce_metadata=False,
    )
