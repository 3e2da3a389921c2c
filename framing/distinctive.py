"""Distinctive words: which words and two-word phrases each outlet uses more than the others.

Each outlet's story text is compared with the pooled story text of all other outlets by the
log-odds ratio with an informative Dirichlet prior, divided by its standard error (a z-score).
Large positive ``z``: the outlet favours the term; large negative: the other outlets do.

Terms are lower-cased words (letters, with inner apostrophes, hyphens or full stops as in "u.s";
a trailing possessive "'s" is dropped; one-letter words are ignored) and two-word sequences. Stop
words (scikit-learn's English list) are left out of the unigrams, and bigrams that begin or end
with a stop word are left out ("the judge" is dropped, "district judge" kept), so the lists show
content words; pass ``stop_words=()`` to keep everything. Counts n^i include unigrams and bigrams.

Notes
-----
Monroe, Colaresi and Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", Political Analysis 16(4): 372-403, sec. 3.5. With
``y_w^i`` the count of term ``w`` in outlet ``i``, ``n^i`` the outlet's total count, ``j`` the
other outlets pooled, and prior pseudo-counts ``alpha_w`` summing to ``alpha_0``:

    delta_w = log[(y_w^i + a_w) / (n^i + a_0 - y_w^i - a_w)]
              - log[(y_w^j + a_w) / (n^j + a_0 - y_w^j - a_w)]
    var(delta_w) ~= 1 / (y_w^i + a_w) + 1 / (y_w^j + a_w)
    z_w = delta_w / sqrt(var(delta_w))

The informative prior sets ``a_w = a_0 * pi_w`` where ``pi_w`` is the term's share of the pooled
counts of all outlets (the story's own vocabulary serves as background); by default
``a_0`` is the pooled total, i.e. ``a_w`` is the term's pooled count.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, NamedTuple

import numpy as np
import pandas as pd

__all__ = ["DistinctiveTerm", "distinctive_terms", "term_counts", "log_odds_z", "COLUMNS"]

COLUMNS: dict[str, dict[str, str]] = {
    "terms": {
        "outlet": "News outlet whose story text is compared with all other outlets' story text.",
        "term": "A word or two-word phrase, lower-cased.",
        "ngram": "Number of words in the term (1 or 2).",
        "count": "How often the outlet's story text uses the term.",
        "count_rest": "How often the other outlets' story text, pooled, uses the term.",
        "log_odds": "Log-odds ratio of the term in this outlet versus the others, smoothed by an informative Dirichlet prior (Monroe et al. 2008).",
        "z": "The log-odds ratio divided by its standard error; above about 2, the outlet clearly favours the term, below about -2 it avoids it.",
    },
}

_WORD = re.compile(r"[^\W\d_]+(?:['’\-.][^\W\d_]+)*")


class DistinctiveTerm(NamedTuple):
    """One row of the ``terms`` table."""

    outlet: str
    term: str
    ngram: int
    count: int
    count_rest: int
    log_odds: float
    z: float


def _default_stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def _words(text: str) -> list[str]:
    out = []
    for m in _WORD.finditer(text.replace("’", "'").lower()):
        w = m.group(0)
        if w.endswith("'s"):
            w = w[:-2]
        w = w.strip("'-.")
        if len(w) > 1:
            out.append(w)
    return out


def _terms(text: str, ngram_range: tuple[int, int], stop_words: frozenset[str]) -> list[str]:
    words = _words(text)
    lo, hi = ngram_range
    out: list[str] = []
    for n in range(max(1, lo), hi + 1):
        for k in range(len(words) - n + 1):
            gram = words[k:k + n]
            if gram[0] in stop_words or gram[-1] in stop_words:
                continue
            out.append(" ".join(gram))
    return out


def _texts_by_outlet(texts_by_outlet: Mapping[str, str] | pd.DataFrame) -> dict[str, str]:
    if isinstance(texts_by_outlet, pd.DataFrame):
        df = texts_by_outlet
        text_col = "story_text" if "story_text" in df.columns else "text"
        if "outlet" not in df.columns or text_col not in df.columns:
            return {}
        out: dict[str, list[str]] = {}
        for outlet, text in zip(df["outlet"], df[text_col]):
            out.setdefault(str(outlet), []).append(text if isinstance(text, str) else "")
        return {k: "\n".join(v) for k, v in out.items()}
    return {str(k): (v if isinstance(v, str) else "") for k, v in dict(texts_by_outlet).items()}


def term_counts(texts_by_outlet: Mapping[str, str] | pd.DataFrame, *, ngram_range: tuple[int, int] = (1, 2),
                stop_words: Iterable[str] | None = None) -> pd.DataFrame:
    """Term x outlet count table (columns in input order, terms sorted)."""
    from sklearn.feature_extraction.text import CountVectorizer

    texts = _texts_by_outlet(texts_by_outlet)
    stops = _default_stop_words() if stop_words is None else frozenset(w.lower() for w in stop_words)
    if not texts:
        return pd.DataFrame()
    vec = CountVectorizer(analyzer=lambda t: _terms(t, tuple(ngram_range), stops))
    try:
        matrix = vec.fit_transform(list(texts.values()))
    except ValueError:  # empty vocabulary
        return pd.DataFrame(columns=list(texts))
    return pd.DataFrame(matrix.T.toarray(), index=vec.get_feature_names_out(), columns=list(texts))


def log_odds_z(y_i: np.ndarray, y_j: np.ndarray, alpha: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Log-odds ratio with Dirichlet prior ``alpha`` and its z-score, for counts ``y_i`` vs ``y_j``."""
    y_i, y_j, alpha = (np.asarray(a, dtype=float) for a in (y_i, y_j, alpha))
    n_i, n_j, a0 = y_i.sum(), y_j.sum(), alpha.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((y_i + alpha) / (n_i + a0 - y_i - alpha))
                 - np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
        var = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
        z = delta / np.sqrt(var)
    return delta, z


def _prior(counts: pd.DataFrame, prior: float | Mapping[str, float] | None) -> np.ndarray:
    pooled = counts.sum(axis=1).to_numpy(dtype=float)
    if prior is None:
        return pooled
    if isinstance(prior, Mapping):
        background = np.array([float(prior.get(t, 0.0)) for t in counts.index])
        return np.where(background > 0, background, 0.01)
    total = pooled.sum()
    return pooled / total * float(prior) if total > 0 else pooled


def distinctive_terms(texts_by_outlet: Mapping[str, str] | pd.DataFrame, *, ngram_range: tuple[int, int] = (1, 2),
                      prior: float | Mapping[str, float] | None = None, stop_words: Iterable[str] | None = None,
                      min_count: int = 1, top_n: int | None = None) -> pd.DataFrame:
    """Each outlet's distinctive terms against all other outlets; table ``terms``.

    Parameters
    ----------
    texts_by_outlet:
        ``{outlet: story text}``, or a DataFrame with ``outlet`` and ``story_text`` (or ``text``)
        columns (several rows per outlet are joined). Pass story text only, never page furniture.
    ngram_range:
        Smallest and largest number of words per term.
    prior:
        The Dirichlet prior. ``None`` (default): informative, each term's pooled count over all
        outlets. A number ``a0``: informative with total strength ``a0`` (pooled shares times
        ``a0``). A mapping term -> pseudo-count: counts from a background corpus (terms missing
        from it get 0.01).
    stop_words:
        Words kept out of unigrams and from either end of bigrams; default scikit-learn's English
        list; ``()`` keeps all words.
    min_count:
        Drop terms used fewer times than this across all outlets.
    top_n:
        Keep only the ``top_n`` terms with the highest z for each outlet.

    Returns
    -------
    One row per outlet and term (terms the outlet never uses included, with negative z), sorted by
    outlet (input order), then z descending, then term. Empty when fewer than two outlets.
    """
    counts = term_counts(texts_by_outlet, ngram_range=ngram_range, stop_words=stop_words)
    columns = list(COLUMNS["terms"])
    if counts.shape[1] < 2 or counts.shape[0] == 0:
        return pd.DataFrame(columns=columns)
    counts = counts[counts.sum(axis=1) >= max(1, min_count)]
    if counts.empty:
        return pd.DataFrame(columns=columns)
    alpha = _prior(counts, prior)
    terms = counts.index.to_numpy()
    ngrams = np.array([t.count(" ") + 1 for t in terms])
    frames = []
    total = counts.sum(axis=1).to_numpy()
    for outlet in counts.columns:
        y_i = counts[outlet].to_numpy()
        y_j = total - y_i
        delta, z = log_odds_z(y_i, y_j, alpha)
        df = pd.DataFrame({"outlet": outlet, "term": terms, "ngram": ngrams, "count": y_i.astype(int),
                           "count_rest": y_j.astype(int), "log_odds": delta, "z": z})
        df = df.sort_values(["z", "term"], ascending=[False, True], kind="mergesort")
        if top_n is not None:
            df = df.head(top_n)
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    return out[columns]
