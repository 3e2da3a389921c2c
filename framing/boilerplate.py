"""Story text versus page furniture, line by line: a small learned line classifier.

Given the lines of a scraped page (navigation, captions, "Related" links, sign-up appeals and the
article itself, one paragraph per line), :func:`story_probabilities` gives each line the
probability that it is part of the story (headline and article body), :func:`is_story_line`
turns those into yes/no after a smoothing pass, and :func:`boilerplate_ratio` measures how much
of a page, by characters, is furniture.

The classifier is a pair of logistic regressions over shallow per-line features (length,
function-word density, punctuation and capitalisation, cue phrases such as "Sign up" or
"Photo:", dates, duplicated lines, runs of short link-like lines, distance to the page's "core"
run of long prose lines, and the same features of the neighbouring lines). A page-type gate,
itself a logistic regression over the page's composition, first decides whether the input
looks like already-extracted article text with some leftover furniture ("cleaned", like the
seed files) or a whole-page text dump with menus and footers ("raw"), and the matching expert
scores the lines. :func:`is_story_line` can then run a two-state Viterbi pass that charges a
penalty for every switch between story and furniture; cross-validation on the benchmark's dev
pages chose a penalty of 0.5 (in log-odds) for the shipped model: a short run of lines between
two runs of the other label takes their label when its summed log-odds margin over the threshold
is below the two switches (1.0) it would cost. Fitted parameters
live in ``framing/data/boilerplate_model.json`` (written by ``scripts/train_boilerplate.py``)
and are evaluated with numpy only.

Notes
-----
Feature design follows Kohlschuetter, Fankhauser & Nejdl (2010), "Boilerplate detection using
shallow text features", WSDM '10, and the stop-word density of jusText (Pomikalek 2011, PhD
thesis, Masaryk University). The story "core" is the maximum-sum run of lines scored by word
count, the body-text-extraction idea of Finn, Kushmerick & Smyth (2001), "Fact or fiction:
content classification for digital libraries". The smoothing is Viterbi decoding
(Rabiner 1989, Proc. IEEE 77(2)) of a two-state model with a constant switch cost, in the
spirit of the sequence labelling of Spousta, Marek & Pecina (2008), "Victor: the web-page
cleaning tool", WAC4. The gate-and-experts arrangement is a hard mixture of experts
(Jacobs, Jordan, Nowlan & Hinton 1991, "Adaptive mixtures of local experts", Neural
Computation 3(1)).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

__all__ = [
    "COLUMNS",
    "FEATURE_NAMES",
    "PAGE_TYPE_FEATURES",
    "StoryLineModel",
    "boilerplate_ratio",
    "is_story_line",
    "line_features",
    "load_model",
    "page_type_features",
    "smooth_labels",
    "story_lines_and_features",
    "story_probabilities",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
MODEL_PATH = DATA_DIR / "boilerplate_model.json"

COLUMNS: dict[str, dict[str, str]] = {
    "lines": {
        "story_probability": (
            "Probability, from the learned line classifier, that the line is story text "
            "(headline or article body) rather than page furniture; 0 for empty lines."
        ),
    }
}

# Words per line from which a line counts as "long prose" for the core and density features.
LONG_LINE_WORDS = 15
# A line with fewer words than this is "short" for the run-of-short-lines feature.
SHORT_LINE_WORDS = 6
# Cue indicators count fully up to this many words and shrink as 1/words beyond it.
CUE_FULL_WEIGHT_WORDS = 20
# Word count at which a line's contribution to the story core turns positive.
CORE_PIVOT_WORDS = 10
# How many lines above the story core the headline is looked for.
HEADLINE_REACH = 8
# Share of a headline candidate's content words that must recur in the core.
HEADLINE_MIN_OVERLAP = 0.3


# ---------------------------------------------------------------------------------------------
# Lexicons


def _read_lines(path: Path) -> list[str]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        out.append(raw.rstrip("\n"))
    return out


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(w.strip().casefold() for w in _read_lines(DATA_DIR / "boilerplate_stopwords.txt"))


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, re.Pattern], ...]:
    kinds: dict[str, list[str]] = {}
    for row in _read_lines(DATA_DIR / "boilerplate_cues.tsv"):
        kind, _, pattern = row.partition("\t")
        kinds.setdefault(kind.strip(), []).append(pattern.strip())
    return tuple(
        (kind, re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE))
        for kind, pats in kinds.items()
    )


def _cue_kinds() -> tuple[str, ...]:
    return tuple(kind for kind, _ in _cues())


_TOKEN = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ENDS_SENTENCE = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)\]]*\s*$")
_ENDS_COLON = re.compile(r"[:\uff1a]\s*$")
_ENDS_ELLIPSIS = re.compile(r"(\.\.\.|\u2026)\s*$")
# A lower-case letter directly followed by a capitalised word ("Student-AthleteA 24-year-old"):
# the trace of a link title glued to its teaser text by a naive scraper.
_GLUED = re.compile(r"[a-z\u00df-\u00ff][A-Z\u00c0-\u00de][a-z\u00df-\u00ff]")
_QUOTE = re.compile(r"[\"\u201c\u201d\u00ab\u00bb\u201e]")
_MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?)"
)
_DATE = re.compile(
    rf"(\b{_MONTH}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\b|\b\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}\b|"
    r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b,)",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(\b\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?|\b\d{1,2}\s*(am|pm|a\.m\.|p\.m\.)|"
    r"\b(gmt|utc|est|edt|pst|pdt|cet|bst)\b|\b\d+\s+(min(ute)?s?|hours?|days?)\s+ago\b)",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[|\u2022\u00b7\u203a\u00bb/>]")


# ---------------------------------------------------------------------------------------------
# Features

_BASE = (
    "log_chars",
    "log_words",
    "stopword_density",
    "punctuation_ratio",
    "uppercase_ratio",
    "titlecase_ratio",
    "digit_ratio",
    "commas_per_word",
    "ends_sentence",
    "ends_colon",
    "has_quote_mark",
    "date_share",
    "time_share",
    "all_caps",
    "log_separators",
    "is_long",
    "is_short",
    "ends_ellipsis",
    "log_glued_words",
    "words_3_to_5",
    "words_6_to_9",
    "words_10_to_14",
    "words_15_to_24",
    "words_25_to_39",
    "words_40_plus",
)
# Word-count bins (one indicator each) so the model can bend the effect of line length.
_WORD_BINS = ((3, 6), (6, 10), (10, 15), (15, 25), (25, 40), (40, 10**9))
_CONTEXT = ("log_words", "stopword_density", "ends_sentence", "titlecase_ratio", "any_cue")
_CONTEXT_OFFSETS = (-2, -1, 1, 2)
_PAGE = (
    "any_cue",
    "duplicated",
    "repeats_earlier_line",
    "relative_position",
    "log_chars_vs_page",
    "stopword_density_vs_page",
    "page_stopword_density",
    "in_core",
    "before_core",
    "after_core",
    "log_lines_to_core",
    "core_share",
    "long_share_2",
    "long_share_5",
    "long_share_10",
    "log_short_run",
    "headline_candidate",
    "log_lines_from_previous_long",
    "log_lines_to_next_long",
    "in_long_envelope",
    "core_word_overlap",
)


def _feature_names() -> tuple[str, ...]:
    names = list(_BASE) + [f"cue_{k}" for k in _cue_kinds()] + list(_PAGE)
    for off in _CONTEXT_OFFSETS:
        tag = f"prev{-off}" if off < 0 else f"next{off}"
        names += [f"{tag}_{c}" for c in _CONTEXT] + [f"{tag}_exists"]
    return tuple(names)


FEATURE_NAMES: tuple[str, ...] = _feature_names()


def _line_base(text: str, stop: frozenset[str]) -> tuple[list[float], list[float], str]:
    """Per-line shallow features (independent of the page) and the cue indicators."""
    n_chars = len(text)
    tokens = _TOKEN.findall(text.casefold())
    n_cjk = len(_CJK.findall(text))
    n_words = len(tokens) + n_cjk // 2  # CJK text has no spaces: ~2 characters per word
    letters = [c for c in text if c.isalpha()]
    n_letters = len(letters)
    n_upper = sum(c.isupper() for c in letters)
    n_digits = sum(c.isdigit() for c in text)
    n_punct = sum(not (c.isalnum() or c.isspace()) for c in text)
    alpha_words = [w for w in text.split() if w[:1].isalpha()]
    n_title = sum(w[0].isupper() for w in alpha_words)
    n_stop = sum(t in stop for t in tokens)
    base = [
        math.log1p(n_chars),
        math.log1p(n_words),
        n_stop / len(tokens) if tokens else 0.0,
        n_punct / n_chars,
        n_upper / n_letters if n_letters else 0.0,
        n_title / len(alpha_words) if alpha_words else 0.0,
        n_digits / n_chars,
        text.count(",") / max(n_words, 1),
        float(bool(_ENDS_SENTENCE.search(text))),
        float(bool(_ENDS_COLON.search(text))),
        float(bool(_QUOTE.search(text))),
        sum(len(m.group()) for m in _DATE.finditer(text)) / n_chars,
        sum(len(m.group()) for m in _TIME.finditer(text)) / n_chars,
        float(n_letters >= 2 and n_upper == n_letters),
        math.log1p(len(_SEPARATORS.findall(text))),
        float(n_words >= LONG_LINE_WORDS),
        float(n_words < SHORT_LINE_WORDS),
        float(bool(_ENDS_ELLIPSIS.search(text))),
        math.log1p(len(_GLUED.findall(text))),
        *(float(lo <= n_words < hi) for lo, hi in _WORD_BINS),
    ]
    # A cue phrase is strong evidence in a short line, weak inside a long paragraph.
    weight = min(1.0, CUE_FULL_WEIGHT_WORDS / max(n_words, 1))
    cues = [weight * bool(rx.search(text)) for _, rx in _cues()]
    return base, cues, text.casefold()


def _max_subarray(values: np.ndarray) -> tuple[int, int]:
    """Inclusive [start, end] of the maximum-sum contiguous run (Kadane); (0, -1) if none > 0."""
    best, best_s, best_e = 0.0, 0, -1
    cur, cur_s = 0.0, 0
    for i, v in enumerate(values):
        if cur <= 0:
            cur, cur_s = v, i
        else:
            cur += v
        if cur > best:
            best, best_s, best_e = cur, cur_s, i
    return best_s, best_e


def _window_mean(x: np.ndarray, k: int) -> np.ndarray:
    """Mean of x over [i-k, i+k] clipped to the page."""
    n = len(x)
    c = np.concatenate([[0.0], np.cumsum(x, dtype=float)])
    idx = np.arange(n)
    lo = np.clip(idx - k, 0, n)
    hi = np.clip(idx + k + 1, 0, n)
    return (c[hi] - c[lo]) / (hi - lo)


def _run_lengths(flag: np.ndarray) -> np.ndarray:
    """For each position, the length of the run of True it belongs to (0 where False)."""
    n = len(flag)
    out = np.zeros(n)
    i = 0
    while i < n:
        if flag[i]:
            j = i
            while j < n and flag[j]:
                j += 1
            out[i:j] = j - i
            i = j
        else:
            i += 1
    return out


def _core_overlap(content: list[set[str]], core_s: int, core_e: int) -> np.ndarray:
    """Share of each line's content words that also occur in the story core (the line itself
    left out): high for a headline or subhead, low for menus and promos."""
    n = len(content)
    out = np.zeros(n)
    if core_e < core_s:
        return out
    counts: Counter[str] = Counter()
    for i in range(core_s, core_e + 1):
        counts.update(content[i])
    for i, words in enumerate(content):
        if not words:
            continue
        own = core_s <= i <= core_e
        shared = sum(1 for w in words if counts[w] - (1 if own else 0) > 0)
        out[i] = shared / len(words)
    return out


def _compact_features(texts: Sequence[str]) -> np.ndarray:
    """Feature matrix for non-empty, stripped lines (the page with blank lines removed)."""
    n = len(texts)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    stop = _stopwords()
    rows = [_line_base(t, stop) for t in texts]
    content = [
        {w for w in _TOKEN.findall(t.casefold()) if len(w) >= 3 and w not in stop and not w.isdigit()}
        for t in texts
    ]
    base = np.array([r[0] for r in rows], dtype=float)
    cues = np.array([r[1] for r in rows], dtype=float).reshape(n, -1)
    keys = [r[2] for r in rows]
    col = {name: base[:, j] for j, name in enumerate(_BASE)}

    counts = Counter(keys)
    duplicated = np.array([counts[k] > 1 for k in keys], dtype=float)
    seen: set[str] = set()
    repeats = np.zeros(n)
    for i, k in enumerate(keys):
        repeats[i] = k in seen
        seen.add(k)

    words = np.expm1(col["log_words"])
    any_cue = (cues.sum(axis=1) > 0).astype(float)
    rel_pos = np.arange(n) / max(n - 1, 1)
    log_chars = col["log_chars"]
    log_chars_vs_page = log_chars - np.percentile(log_chars, 90)
    substantial = words >= 5
    stop_d = col["stopword_density"]
    if substantial.any():
        page_stop = float(np.average(stop_d[substantial], weights=words[substantial]))
    else:
        page_stop = 0.0
    stop_vs_page = stop_d - page_stop

    core_s, core_e = _max_subarray(np.minimum(words, 40.0) - CORE_PIVOT_WORDS)
    idx = np.arange(n)
    if core_e >= core_s:
        in_core = ((idx >= core_s) & (idx <= core_e)).astype(float)
        before = (idx < core_s).astype(float)
        after = (idx > core_e).astype(float)
        dist = np.where(idx < core_s, core_s - idx, np.where(idx > core_e, idx - core_e, 0))
        core_share = (core_e - core_s + 1) / n
    else:
        in_core = np.zeros(n)
        before = np.zeros(n)
        after = np.zeros(n)
        dist = np.full(n, n)
        core_share = 0.0
    is_long = col["is_long"]
    overlap = _core_overlap(content, core_s, core_e)
    headline = np.zeros(n)
    if core_e >= core_s:
        # The headline: among title-like lines just above the core, the one sharing most
        # words with the core (the nearest on ties).
        title_like = (words >= 4) & (words <= 30) & (col["ends_sentence"] == 0) & (any_cue == 0)
        above = [i for i in range(max(core_s - HEADLINE_REACH, 0), core_s) if title_like[i]]
        above = [i for i in above if overlap[i] >= HEADLINE_MIN_OVERLAP]
        if above:
            headline[max(above, key=lambda i: (overlap[i], i))] = 1.0
    short_run = _run_lengths(col["is_short"] > 0)
    long_idx = np.flatnonzero(is_long)
    if len(long_idx):
        k = np.searchsorted(long_idx, idx, side="left")  # first long line at or after i
        prev_long = np.where(k > 0, idx - long_idx[np.maximum(k - 1, 0)], n)
        has_next = k < len(long_idx)
        next_long = np.where(has_next, long_idx[np.minimum(k, len(long_idx) - 1)] - idx, n)
        prev_long = np.where(is_long > 0, 0, prev_long)
        envelope = ((idx >= long_idx[0]) & (idx <= long_idx[-1])).astype(float)
    else:
        prev_long = next_long = np.full(n, n)
        envelope = np.zeros(n)

    page = np.column_stack(
        [
            any_cue,
            duplicated,
            repeats,
            rel_pos,
            log_chars_vs_page,
            stop_vs_page,
            np.full(n, page_stop),
            in_core,
            before,
            after,
            np.log1p(dist),
            np.full(n, core_share),
            _window_mean(is_long, 2),
            _window_mean(is_long, 5),
            _window_mean(is_long, 10),
            np.log1p(short_run),
            headline,
            np.log1p(prev_long),
            np.log1p(next_long),
            envelope,
            overlap,
        ]
    )
    ctx_src = np.column_stack([col[c] for c in _CONTEXT if c != "any_cue"] + [any_cue])
    ctx_blocks = []
    for off in _CONTEXT_OFFSETS:
        shifted = np.zeros((n, ctx_src.shape[1] + 1))
        src = np.arange(n) + off
        ok = (src >= 0) & (src < n)
        shifted[ok, :-1] = ctx_src[src[ok]]
        shifted[ok, -1] = 1.0
        ctx_blocks.append(shifted)
    return np.column_stack([base, cues, page] + ctx_blocks)


def _nonempty(lines: Sequence[str]) -> tuple[list[int], list[str]]:
    index, texts = [], []
    for i, line in enumerate(lines):
        text = line.strip() if isinstance(line, str) else ""
        if text:
            index.append(i)
            texts.append(text)
    return index, texts


def line_features(lines: Sequence[str]) -> np.ndarray:
    """Shallow features of each line, shape ``(len(lines), len(FEATURE_NAMES))``.

    Blank lines are skipped when computing neighbour and page features (so a page with a blank
    line between paragraphs looks like the same page without them) and get a row of zeros.
    Column names are in :data:`FEATURE_NAMES`.
    """
    out = np.zeros((len(lines), len(FEATURE_NAMES)))
    index, texts = _nonempty(lines)
    if texts:
        out[index] = _compact_features(texts)
    return out


# ---------------------------------------------------------------------------------------------
# Model


@dataclass(frozen=True)
class _Logistic:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def logit(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.coef + self.intercept

    @classmethod
    def from_dict(cls, d: dict) -> "_Logistic":
        return cls(
            mean=np.asarray(d["mean"], dtype=float),
            scale=np.asarray(d["scale"], dtype=float),
            coef=np.asarray(d["coef"], dtype=float),
            intercept=float(d["intercept"]),
        )


PAGE_TYPE_FEATURES: tuple[str, ...] = (
    "long_line_share",
    "long_line_char_share",
    "log_lines",
    "cue_line_share",
    "very_short_line_share",
    "core_line_share",
    "core_char_share",
    "long_envelope_share",
)


def page_type_features(x: np.ndarray, n_chars: np.ndarray) -> np.ndarray:
    """Page-level composition, the input of the page-type gate (names in PAGE_TYPE_FEATURES).

    ``x`` is the feature matrix of the page's non-empty lines and ``n_chars`` their lengths.
    Already-extracted article text is mostly long lines; a whole-page dump is mostly short ones.
    """
    if len(x) == 0:
        return np.zeros(len(PAGE_TYPE_FEATURES))
    col = {name: x[:, j] for j, name in enumerate(FEATURE_NAMES)}
    total = max(float(n_chars.sum()), 1.0)
    long_ = col["is_long"] > 0
    in_core = col["in_core"] > 0
    return np.array(
        [
            long_.mean(),
            n_chars[long_].sum() / total,
            math.log1p(len(x)),
            (col["any_cue"] > 0).mean(),
            (np.expm1(col["log_words"]) < 4).mean(),
            in_core.mean(),
            n_chars[in_core].sum() / total,
            col["in_long_envelope"].mean(),
        ]
    )


@dataclass(frozen=True)
class StoryLineModel:
    """Fitted parameters of the line classifier (see ``framing/data/boilerplate_model.json``).

    A page-type gate (logistic regression over :func:`page_type_features`) decides whether
    the page looks like already-extracted article text ("cleaned", e.g. a scraped story with a
    few leftover lines of furniture) or a whole-page text dump ("raw", menus and all); each
    type has its own logistic regression over :func:`line_features` (standardised).
    ``switch_penalty`` is the cost, in log-odds, of each change between story and furniture in
    the smoothing pass. Tuned decision thresholds are folded into the intercepts, so 0.5 is
    the cut-off the model was tuned for.
    """

    feature_names: tuple[str, ...]
    page_type: _Logistic
    cleaned: _Logistic
    raw: _Logistic
    switch_penalty: float

    @classmethod
    def from_dict(cls, d: dict) -> "StoryLineModel":
        """The model stored by ``scripts/train_boilerplate.py``; ValueError if it was fitted on other features."""
        names = tuple(d["feature_names"])
        if names != FEATURE_NAMES or tuple(d["page_type_features"]) != PAGE_TYPE_FEATURES:
            raise ValueError("boilerplate model was fitted on a different feature set; retrain it")
        return cls(
            feature_names=names,
            page_type=_Logistic.from_dict(d["page_type"]),
            cleaned=_Logistic.from_dict(d["cleaned"]),
            raw=_Logistic.from_dict(d["raw"]),
            switch_penalty=float(d.get("switch_penalty", 0.0)),
        )

    def log_odds(self, texts: Sequence[str]) -> np.ndarray:
        """Story log-odds for non-empty, stripped lines (one page)."""
        if not texts:
            return np.zeros(0)
        return self.log_odds_of_features(_compact_features(texts), np.array([len(t) for t in texts], dtype=float))

    def log_odds_of_features(self, x: np.ndarray, n_chars: np.ndarray) -> np.ndarray:
        """Story log-odds from a page's compact feature matrix and its lines' lengths."""
        if len(x) == 0:
            return np.zeros(0)
        page = page_type_features(x, n_chars)
        cleaned = float(self.page_type.logit(page[None, :])[0]) > 0
        return (self.cleaned if cleaned else self.raw).logit(x)


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> StoryLineModel:
    """Load fitted parameters from JSON (default: the packaged ``boilerplate_model.json``)."""
    with open(path or MODEL_PATH, encoding="utf-8") as fh:
        return StoryLineModel.from_dict(json.load(fh))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))


def story_probabilities(lines: Sequence[str], *, model: StoryLineModel | None = None) -> np.ndarray:
    """Probability that each line is story text (headline or article body); empty lines get 0.

    Parameters
    ----------
    lines:
        The page's lines in order (blank lines allowed).
    model:
        Fitted parameters; default the packaged model (:func:`load_model`).
    """
    model = model or load_model()
    out = np.zeros(len(lines))
    index, texts = _nonempty(lines)
    if texts:
        out[index] = _sigmoid(model.log_odds(texts))
    return out


def smooth_labels(log_odds: np.ndarray, *, switch_penalty: float) -> np.ndarray:
    """Two-state Viterbi: maximise sum(log_odds over story lines) - switch_penalty * switches."""
    n = len(log_odds)
    if n == 0:
        return np.zeros(0, dtype=bool)
    if switch_penalty <= 0:
        return np.asarray(log_odds) > 0
    # score[s] = best total ending in state s (0 furniture, 1 story)
    back = np.zeros((n, 2), dtype=np.int8)
    s0, s1 = 0.0, float(log_odds[0])
    for i in range(1, n):
        stay0, move0 = s0, s1 - switch_penalty
        stay1, move1 = s1, s0 - switch_penalty
        back[i, 0] = 0 if stay0 >= move0 else 1
        back[i, 1] = 1 if stay1 >= move1 else 0
        s0 = max(stay0, move0)
        s1 = max(stay1, move1) + float(log_odds[i])
    out = np.zeros(n, dtype=bool)
    state = 1 if s1 > s0 else 0
    for i in range(n - 1, -1, -1):
        out[i] = bool(state)
        state = back[i, state]
    return out


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def is_story_line(
    lines: Sequence[str], *, threshold: float = 0.5, model: StoryLineModel | None = None
) -> np.ndarray:
    """Boolean per line: story text after smoothing; empty lines are False.

    A line is story when its probability exceeds ``threshold`` unless the smoothing pass
    (Viterbi with the model's switch penalty, run over the non-empty lines) relabels it to
    avoid a short isolated run.
    """
    return story_lines_and_features(lines, threshold=threshold, model=model)[0]


def story_lines_and_features(
    lines: Sequence[str], *, threshold: float = 0.5, model: StoryLineModel | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`is_story_line` and :func:`line_features` of the same lines, features computed once."""
    model = model or load_model()
    story = np.zeros(len(lines), dtype=bool)
    x = np.zeros((len(lines), len(FEATURE_NAMES)))
    index, texts = _nonempty(lines)
    if texts:
        xc = _compact_features(texts)
        z = model.log_odds_of_features(xc, np.array([len(t) for t in texts], dtype=float))
        story[index] = smooth_labels(z - _logit(threshold), switch_penalty=model.switch_penalty)
        x[index] = xc
    return story, x


def boilerplate_ratio(lines: Sequence[str], is_story: Sequence[bool]) -> float:
    """Share of characters in non-story lines: chars of furniture / chars of all non-empty lines.

    Lines are stripped before counting; empty lines count for nothing. NaN when the page has
    no characters. ``is_story`` must have one entry per line.
    """
    if len(lines) != len(is_story):
        raise ValueError("lines and is_story must have the same length")
    total = furniture = 0
    for line, story in zip(lines, is_story):
        n = len(line.strip()) if isinstance(line, str) else 0
        total += n
        if not story:
            furniture += n
    return furniture / total if total else float("nan")
