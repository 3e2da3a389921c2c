"""Outlet profiles: each outlet's average framing features with bootstrap confidence intervals.

:func:`outlet_profile` turns the ``articles`` table into one row per outlet and feature: the
mean, a percentile-bootstrap confidence interval, and how many articles and stories it rests on.
When the corpus has ``story_id`` (several outlets covering the same events), stories are
resampled as clusters: articles about one event resemble each other, and treating them as
independent would make the intervals too narrow.

Notes
-----
Percentile bootstrap: Efron, B. & Tibshirani, R. (1993), *An Introduction to the Bootstrap*,
ch. 13. Resampling whole clusters (here stories) rather than observations: Davison, A. C. &
Hinkley, D. V. (1997), *Bootstrap Methods and their Application*, sect. 3.8; Field, C. A. &
Welsh, A. H. (2007), "Bootstrapping clustered data", JRSS B 69(3). The mean of a resample is the
ratio estimator sum(values) / count(values) over the resampled stories' articles.
"""

from __future__ import annotations

import zlib
from typing import Sequence

import numpy as np
import pandas as pd

from framing.compare import outlet_labels

__all__ = ["DEFAULT_FEATURES", "profile_features", "outlet_profile", "COLUMNS"]

#: Features profiled by default (those present in the table are used).
DEFAULT_FEATURES = (
    "headline_has_agent",
    "headline_passive",
    "headline_attributed",
    "n_anonymous_sources",
    "quoted_share",
    "sentiment_body_mean",
)

COLUMNS = {
    "outlet_profile": {
        "outlet": "The news outlet (an article without one: its article_id).",
        "feature": "The article feature averaged (a column of the articles table, or a share derived from one).",
        "mean": "Mean of the feature over the outlet's articles that have a value (a share for yes/no features).",
        "ci_low": "Lower end of the percentile-bootstrap confidence interval of the mean (NaN with fewer than 2 stories).",
        "ci_high": "Upper end of the percentile-bootstrap confidence interval of the mean (NaN with fewer than 2 stories).",
        "n": "Number of the outlet's articles with a value for the feature.",
        "n_stories": "Number of distinct stories (resampling units) those articles belong to; each article without story_id counts as its own story.",
    },
}


def profile_features(articles: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``articles`` with the derived yes/no features (1.0/0.0, NaN when undefined).

    ``headline_has_agent``: the headline names who acts (``headline_agent_type`` is not ``none``
    or empty); ``headline_passive``: the headline's main verb is passive, among headlines with a
    main verb (``headline_voice`` ``active`` or ``passive``); ``headline_attributed``: the headline
    presents its statement as coming from a source (``headline_source`` not empty: "Reid: ...",
    "..., attorney says"), among headlines that were read (``headline_voice`` present).

    All three are NaN (left out of the outlet's mean and ``n``) where there is no headline to read: a
    missing ``headline_agent_type``/``headline_voice`` (e.g. a non-English article, whose headline
    is not parsed), or, when the table has a ``headline`` column, an empty or missing headline.
    """
    out = articles.copy()
    if "headline" in out.columns:
        has_headline = (out["headline"].astype("string").str.strip().fillna("") != "").to_numpy(dtype=bool)
    else:
        has_headline = np.ones(len(out), dtype=bool)
    if "headline_agent_type" in out.columns and "headline_has_agent" not in out.columns:
        kind = out["headline_agent_type"].astype("string").str.strip()
        agent = (~kind.isin(["none", ""])).astype(float)
        out["headline_has_agent"] = agent.where(kind.notna().to_numpy(dtype=bool) & has_headline)
    if "headline_voice" in out.columns and "headline_passive" not in out.columns:
        voice = out["headline_voice"].astype("string").str.strip()
        passive = (voice == "passive").astype(float)
        out["headline_passive"] = passive.where(voice.isin(["active", "passive"]).fillna(False).to_numpy(dtype=bool)
                                                & has_headline)
    if "headline_source" in out.columns and "headline_voice" in out.columns and "headline_attributed" not in out.columns:
        source = out["headline_source"].astype("string").str.strip().fillna("")
        read = out["headline_voice"].astype("string").str.strip().fillna("") != ""
        out["headline_attributed"] = (source != "").astype(float).where(read.to_numpy(dtype=bool) & has_headline)
    return out


def _numeric(col: pd.Series) -> np.ndarray:
    if col.dtype == bool or str(col.dtype) == "boolean":
        return col.astype("float64").to_numpy()
    if col.dtype == object or str(col.dtype).startswith(("str", "string")):
        lowered = col.astype("string").str.strip().str.lower()
        if lowered.dropna().isin(["true", "false"]).all() and lowered.notna().any():
            return lowered.map({"true": 1.0, "false": 0.0}).astype("float64").to_numpy()
    return pd.to_numeric(col, errors="coerce").astype("float64").to_numpy()


def _clusters(frame: pd.DataFrame, story_col: str) -> np.ndarray:
    """Cluster code per row: its story, or a cluster of its own when it has none."""
    if story_col not in frame.columns:
        return np.arange(len(frame))
    story = frame[story_col].astype("string").fillna("").str.strip()
    key = story.where(story != "", "\x00row" + pd.Series(range(len(frame)), index=frame.index).astype(str))
    return pd.factorize(key, sort=False)[0]


def _bootstrap_means(sums: np.ndarray, counts: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Means over ``n_boot`` resamples of the clusters (rows of ``sums``/``counts``); shape (n_boot, features)."""
    k = sums.shape[0]
    out = np.empty((n_boot, sums.shape[1]))
    chunk = max(1, min(n_boot, 2_000_000 // max(k, 1)))
    done = 0
    while done < n_boot:
        m = min(chunk, n_boot - done)
        weights = rng.multinomial(k, np.full(k, 1.0 / k), size=m).astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[done : done + m] = (weights @ sums) / (weights @ counts)
        done += m
    return out


def outlet_profile(
    articles: pd.DataFrame,
    columns: Sequence[str] | None = None,
    *,
    n_boot: int = 1000,
    ci: float = 0.95,
    seed: int = 0,
    outlet_col: str = "outlet",
    story_col: str = "story_id",
) -> pd.DataFrame:
    """Per outlet and feature: mean, percentile-bootstrap CI, number of articles and of stories.

    Parameters
    ----------
    articles:
        The ``articles`` table (one row per article).
    columns:
        Features to profile; default those of :data:`DEFAULT_FEATURES` present (after
        :func:`profile_features` derives the headline shares). Yes/no columns give shares.
    n_boot:
        Bootstrap resamples.
    ci:
        Confidence level of the interval (0.95: 2.5th to 97.5th percentile of the resampled means).
    seed:
        Random seed; each outlet's resamples depend only on the seed and the outlet's name, so
        adding an outlet or a feature leaves the others' intervals unchanged.
    outlet_col, story_col:
        Columns naming the outlet and the story (the resampling cluster; articles without a
        story, or a table without the column, are resampled one by one). When the table has an
        ``article_id`` column, an article without an outlet (empty or missing) is an outlet of its
        own named by its article_id, as in every cross-outlet table
        (:func:`framing.compare.outlet_label`).

    Returns
    -------
    DataFrame with columns outlet, feature, mean, ci_low, ci_high, n, n_stories; outlets sorted,
    features in the order given.
    """
    if not 0 < ci < 1:
        raise ValueError(f"ci must be between 0 and 1, got {ci}")
    if n_boot < 1:
        raise ValueError(f"n_boot must be at least 1, got {n_boot}")
    frame = profile_features(articles)
    if columns is None:
        columns = [c for c in DEFAULT_FEATURES if c in frame.columns]
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"no column(s) {', '.join(missing)} in the articles table (found: {', '.join(map(str, frame.columns))})")
    result_cols = list(COLUMNS["outlet_profile"])
    if outlet_col not in frame.columns or frame.empty or not columns:
        return pd.DataFrame(columns=result_cols)
    alpha = (1 - ci) / 2
    rows = []
    if "article_id" in frame.columns:
        outlets = outlet_labels(frame, outlet_col).astype("string")
    else:
        outlets = frame[outlet_col].astype("string").fillna("")
    for outlet in sorted(outlets.unique()):
        sub = frame[(outlets == outlet).to_numpy()]
        values = np.column_stack([_numeric(sub[c]) for c in columns])  # (articles, features)
        cluster = _clusters(sub, story_col)
        k = int(cluster.max()) + 1
        present = ~np.isnan(values)
        sums = np.zeros((k, len(columns)))
        counts = np.zeros((k, len(columns)))
        np.add.at(sums, cluster, np.where(present, values, 0.0))
        np.add.at(counts, cluster, present.astype(float))
        rng = np.random.default_rng([seed, zlib.crc32(str(outlet).encode("utf-8"))])
        boot = _bootstrap_means(sums, counts, n_boot, rng)
        for j, feature in enumerate(columns):
            n = int(counts[:, j].sum())
            n_stories = int((counts[:, j] > 0).sum())
            mean = float(sums[:, j].sum() / n) if n else float("nan")
            if n_stories >= 2:
                low, high = np.nanquantile(boot[:, j], [alpha, 1 - alpha])
            else:
                low = high = float("nan")
            rows.append((outlet, feature, mean, float(low), float(high), n, n_stories))
    return pd.DataFrame(rows, columns=result_cols)
