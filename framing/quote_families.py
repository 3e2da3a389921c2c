"""Quote families: which outlets quote the same source sentence, and how faithfully.

Articles about one event draw on the same few documents (a court order, the parties'
filings, statements). Each quotation an outlet prints is split into sentence-sized units;
units from *different* articles that render the same source sentence are linked, and the
connected groups are *quote families*. Within a family the best-attested wording is chosen,
and every quotation gets a ``fidelity`` score and a word-level ``diff`` against it. An
article's selection shows in the families only it used (``n_exclusive_quotes``), its
faithfulness in ``quote_fidelity_mean``.

Linking rule, on normalised words (casefolded; curly/straight marks, dashes and
possessives ``AWS'``/``AWS's`` unified; light suffix stemming; an ellipsis or
``[editorial insertion]`` kept as a gap marker):

* **aligned containment** -- the words ``difflib.SequenceMatcher`` aligns between the two
  units (anchor blocks only: runs of >= 2 words, or one content word) cover at least
  ``min_containment`` (0.5) of the *shorter* unit, and include at least ``min_overlap`` (2)
  content (non-stop) words. A two-word fragment of a sentence another outlet quotes whole
  has containment 1.0; "balance of hardships" vs "balance of actions" shares one content
  word and is not linked;
* or **content-word containment**, for reordered (translated) wording: at least 3 shared
  content words, covering at least ``min_content_share`` (0.6) of the shorter unit's
  content words.

Units of the same article are never linked directly (two quotations of one article share a
family only through another article); single-article families count as the article's
exclusive quotations. On the five seeds these thresholds link the judge's sentence that UPI
quotes whole, SiliconANGLE quotes as two words and the machine-translated Ars Technica text
renders with "increasingly lighter" (containment 0.6-1.0), while different sentences about
"violent content" stay apart (containment < 0.2).

Notes
-----
Linking quotations across outlets by overlapping word sequences follows quotation tracking
and text-reuse work: Leskovec, Backstrom & Kleinberg (2009), "Meme-tracking and the
dynamics of the news cycle" (KDD) -- phrase variants grouped when one contains enough of the
other -- and Clough, Gaizauskas, Piao & Wilks (2002), "METER: MEasuring TExt Reuse" (ACL).

Best-attested wording: a small truth-discovery iteration in the spirit of Yin, Han & Yu
(2008), "Truth discovery with multiple conflicting information providers on the web"
(IEEE TKDE). A member's support is its article's reliability plus the agreement of each
linked member of another article times that article's reliability; an article's
reliability is the mean fidelity of its shared quotations in the previous round (5 rounds;
ties go to the longer member, then the earlier article id and offset). Each quotation is
compared with the best-supported member among itself and the members it is linked to (its
``reference``: in a chain of adjacent sentences, the rendering of its own sentence); the
family's best-supported member is its ``family_reference``.

``fidelity`` = ``SequenceMatcher.ratio()`` of the quotation's words and the reference's
words over the region the quotation covers (first to last aligned word, widened by
unmatched words both sides have at the edges), where words facing a gap marker count
neither way. Quoting a fragment exactly, or with a marked omission, is 1.0; a paraphrase
inside quotation marks scores lower. Quotations no other article quotes have NaN.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from typing import NamedTuple, Sequence

import numpy as np
import pandas as pd

from framing.compare import outlet_label
from framing.sentences import sentence_spans

__all__ = [
    "QuoteUnit",
    "normalize_quote",
    "quote_similarity",
    "word_diff",
    "quote_families",
    "quote_family_summary",
    "article_quote_sharing",
    "COLUMNS",
]

COLUMNS: dict[str, dict[str, str]] = {
    "quote_families": {
        "story_id": "The story the quotation belongs to; families are formed within one story only.",
        "family_id": "Number of the quote family: quotations from different articles that render the same source sentence.",
        "article_id": "The article the quotation appears in.",
        "outlet": "The outlet that published the article.",
        "quote": "The quoted words (one sentence-sized unit of a quotation), as written in the raw text.",
        "start": "Character offset of the quoted words in the article's raw text.",
        "end": "Character offset just past the quoted words in the article's raw text.",
        "speaker": "Who the article says spoke the words (canonical name when known).",
        "fidelity": "Agreement (0-1) of the quoted words with the family's best-attested wording over the part they cover; NaN when no other article quotes it.",
        "diff": "Word-level differences from the best-attested wording: [-reference words-] {+this article's words+}.",
        "n_outlets": "Number of different outlets whose articles quote this source sentence.",
        "n_articles": "Number of different articles that quote this source sentence.",
        "source": "The speaker most often credited with the quotation across the family.",
        "reference": "The best-attested rendering of the same sentence, which fidelity and diff compare this quotation with.",
        "family_reference": "The family's best-attested wording: the member that other articles' renderings agree with most.",
        "is_reference": "True for the quotation chosen as the family's best-attested wording.",
    },
    "quote_family_summary": {
        "story_id": "The story the family belongs to.",
        "family_id": "Number of the quote family.",
        "n_quotes": "Number of quotations in the family.",
        "n_articles": "Number of different articles quoting the source sentence.",
        "n_outlets": "Number of different outlets quoting the source sentence.",
        "outlets": "The outlets that quote it, sorted and joined by '; '.",
        "source": "The speaker most often credited with the quotation.",
        "reference": "The best-attested wording of the quotation.",
        "fidelity_mean": "Mean fidelity of the family's quotations (NaN for single-article families).",
        "fidelity_min": "Lowest fidelity among the family's quotations: the most altered rendering.",
    },
    "articles": {
        "n_shared_quotes": "Quotations (sentence units) in the article whose source sentence another article also quotes.",
        "n_exclusive_quotes": "Quotations (sentence units) in the article that no other article of the story quotes.",
        "quote_fidelity_mean": "Mean fidelity of the article's shared quotations to the best-attested wording (1 = verbatim).",
    },
}

QUOTE_KINDS = ("direct", "partial", "mixed")

_MARKS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
}
_DASH_RE = re.compile(r"[\u2010-\u2015\u2212]|-{2,}|(?<=\s)-(?=\s)")
_ELLIPSIS_RE = re.compile(r"\u2026|\.(?:\s?\.){2,}")
# "[Amazon Web Services]" is an editorial insertion: dropped. "[t]he" keeps its letter.
_INSERT_RE = re.compile(r"(?<![\w])\[[^\]]*\](?![\w])")
_WORD_RE = re.compile(r"\u2026|[^\W_]+(?:'[^\W_]+)*")
GAP = "\u2026"  # an ellipsis or [insertion]: words left out or replaced by the reporter
_SUFFIXES = ("ingly", "edly", "ing", "ed", "ly", "es", "s")


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # a dependency's word list, no model

    return frozenset(STOP_WORDS)


_STOP: frozenset[str] | None = None


def _is_content(word: str) -> bool:
    global _STOP
    if _STOP is None:
        _STOP = _stop_words()
    return word not in _STOP and word != GAP and not word.isdigit()


class QuoteUnit(NamedTuple):
    """One sentence-sized piece of a quotation, with its words (surface and normalised)."""

    row: int
    piece: int
    text: str
    start: int
    end: int
    words: tuple[str, ...]  # surface words, for display in diffs
    norm: tuple[str, ...]  # normalised (casefolded, stemmed) words, for matching

    @property
    def n_words(self) -> int:
        return _n_words(self.norm)


class _Profile(NamedTuple):
    content: frozenset
    counts: Counter
    n_words: int


# Wire style abbreviates month names (AP: "Jan. 6"); other outlets spell them out.
_MONTHS = {"jan": "january", "feb": "february", "aug": "august", "sep": "september",
           "sept": "september", "oct": "october", "nov": "november", "dec": "december"}


def _stem(word: str) -> str:
    word = _MONTHS.get(word, word)
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3 and not word.endswith("ss"):
            return word[: -len(suf)]
    return word


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text))
    text = "".join(_MARKS.get(ch, ch) for ch in text)
    text = _INSERT_RE.sub(f" {GAP} ", text)
    text = text.replace("[", "").replace("]", "")
    text = _ELLIPSIS_RE.sub(f" {GAP} ", text)
    return _DASH_RE.sub(" ", text)


def _words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    surface = tuple(m.group(0).rstrip("'") for m in _WORD_RE.finditer(_clean(text)))
    surface = tuple(w for w in surface if w)
    norm = tuple(_stem(w.casefold()) for w in surface)
    keep = [i for i, n in enumerate(norm) if n]
    return tuple(surface[i] for i in keep), tuple(norm[i] for i in keep)


def normalize_quote(text: str) -> tuple[str, ...]:
    """The normalised words used to match quotations (casefolded, marks unified, stemmed).

    ``"AWS' ability"`` and ``"AWS\u2019s ability"`` give the same words; an ellipsis or a
    ``[bracketed insertion]`` becomes the gap marker ``"\u2026"``.
    """
    return _words(text)[1]


def _n_words(words: Sequence[str]) -> int:
    return sum(w != GAP for w in words)


def _agreement(a: Sequence[str], b: Sequence[str]) -> float:
    """``SequenceMatcher.ratio()`` of two word regions, except that words one side replaces
    by a gap marker (ellipsis, [insertion]) count neither as agreement nor as difference."""
    sm = SequenceMatcher(None, a, b, autojunk=False)
    matched, total = 0, 0
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            n = _n_words(a[i1:i2])
            matched += n
            total += 2 * n
            continue
        side_a, side_b = a[i1:i2], b[j1:j2]
        # words facing a gap on the other side are excused; a side's own words still count
        total += (0 if GAP in side_b else _n_words(side_a)) + (0 if GAP in side_a else _n_words(side_b))
    return 2.0 * matched / total if total else 0.0


def _anchor_blocks(a: Sequence[str], b: Sequence[str]):
    sm = SequenceMatcher(None, a, b, autojunk=False)
    return [
        blk
        for blk in sm.get_matching_blocks()
        if (blk.size >= 2 and _n_words(a[blk.a : blk.a + blk.size]) >= 1)
        or (blk.size == 1 and _is_content(a[blk.a]))
    ]


def _region(a: Sequence[str], b: Sequence[str], blocks) -> tuple[int, int, int, int]:
    a_lo, b_lo = blocks[0].a, blocks[0].b
    a_hi, b_hi = blocks[-1].a + blocks[-1].size, blocks[-1].b + blocks[-1].size
    left = min(a_lo, b_lo)
    right = min(len(a) - a_hi, len(b) - b_hi)
    return a_lo - left, a_hi + right, b_lo - left, b_hi + right


def quote_similarity(a: Sequence[str], b: Sequence[str]) -> tuple[float, int, float]:
    """Compare two normalised quotations.

    Returns ``(containment, content_aligned, agreement)``: aligned anchor words over the
    shorter quotation's length, the number of aligned content (non-stop) words, and
    ``SequenceMatcher.ratio()`` over the region the two cover in common (0 if none).
    """
    if not _n_words(a) or not _n_words(b):
        return 0.0, 0, 0.0
    blocks = _anchor_blocks(a, b)
    if not blocks:
        return 0.0, 0, 0.0
    matched = sum(_n_words(a[blk.a : blk.a + blk.size]) for blk in blocks)
    content = sum(_is_content(w) for blk in blocks for w in a[blk.a : blk.a + blk.size])
    a_lo, a_hi, b_lo, b_hi = _region(a, b, blocks)
    agreement = _agreement(a[a_lo:a_hi], b[b_lo:b_hi])
    return matched / min(_n_words(a), _n_words(b)), content, agreement


def word_diff(quote: str, reference: str) -> str:
    """Word-level diff of ``quote`` against ``reference`` over the region the quote covers.

    Reference words missing from the quote are shown ``[-like this-]``, words the quote has
    instead ``{+like this+}``; agreeing words are shown as the quote writes them.
    Returns ``""`` when the two share no words or agree word for word over that region.
    """
    q_surface, q = _words(quote)
    r_surface, r = _words(reference)
    blocks = _anchor_blocks(q, r)
    if not blocks:
        return ""
    q_lo, q_hi, r_lo, r_hi = _region(q, r, blocks)
    sm = SequenceMatcher(None, r[r_lo:r_hi], q[q_lo:q_hi], autojunk=False)
    opcodes = sm.get_opcodes()
    if _agreement(r[r_lo:r_hi], q[q_lo:q_hi]) == 1.0:
        return ""
    parts: list[str] = []
    for op, i1, i2, j1, j2 in opcodes:
        ref_words = " ".join(r_surface[r_lo + i1 : r_lo + i2])
        q_words = " ".join(q_surface[q_lo + j1 : q_lo + j2])
        if op == "equal":
            parts.append(q_words)
        elif GAP in q[q_lo + j1 : q_lo + j2]:  # the quote marks an omission here
            parts.append(f"{{+{q_words}+}}" if _n_words(q[q_lo + j1 : q_lo + j2]) else GAP)
        elif GAP in r[r_lo + i1 : r_lo + i2]:
            parts.append(f"[-{ref_words}-]" if _n_words(r[r_lo + i1 : r_lo + i2]) else GAP)
        elif op == "delete":
            parts.append(f"[-{ref_words}-]")
        elif op == "insert":
            parts.append(f"{{+{q_words}+}}")
        else:
            parts.append(f"[-{ref_words}-] {{+{q_words}+}}")
    return " ".join(parts)


_MARK_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u201f\u201b"


def _int_or(val, default: int = -1) -> int:
    try:
        out = int(val)
    except (TypeError, ValueError, OverflowError):
        return default
    return out if out == out else default


def _carve(row) -> list[tuple[str, int]]:
    """(text, raw start) of each piece of a quotes-table row.

    The attribution table joins interrupted quotations' pieces with " \u2026 " and gives each
    piece's (start, end); the pieces are cut back out of ``quote`` by their lengths.
    """
    quote = row.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        return []
    start = _int_or(row.get("start"))
    pieces = row.get("pieces")
    if isinstance(pieces, str):  # a table read back from CSV: "[[12, 40], [52, 90]]"
        try:
            pieces = json.loads(pieces)
        except ValueError:
            pieces = None
    spans: list[tuple[int, int]] = []
    if isinstance(pieces, (list, tuple, np.ndarray)):
        for p in pieces:
            if isinstance(p, (list, tuple, np.ndarray)) and len(p) >= 2:
                a, b = _int_or(p[0]), _int_or(p[1])
                if 0 <= a < b:
                    spans.append((a, b))
    sep = " \u2026 "
    if len(spans) > 1 and sum(b - a for a, b in spans) + len(sep) * (len(spans) - 1) == len(quote):
        out, pos = [], 0
        for a, b in spans:
            out.append((quote[pos : pos + b - a], a))
            pos += b - a + len(sep)
        return out
    return [(quote, start)]


def _row_pieces(row) -> list[tuple[str, int]]:
    """(text, raw start) of the words inside quotation marks in a quotes-table row.

    Quotation marks are found with :func:`framing.attribution.quotation_spans`; a piece with
    no marks (a hand-made table of bare quotations) is taken whole. Start is -1 when the row
    has no offsets.
    """
    from framing.attribution import quotation_spans

    out: list[tuple[str, int]] = []
    for text, base in _carve(row):
        spans = quotation_spans(text, paragraphs=[(0, len(text))])
        if not spans:
            spans = [(0, len(text))]
        for a, b in spans:
            while a < b and (text[a].isspace() or text[a] in _MARK_CHARS):
                a += 1
            while b > a and (text[b - 1].isspace() or text[b - 1] in _MARK_CHARS):
                b -= 1
            if b > a:
                out.append((text[a:b], base + a if base >= 0 else -1))
    return out


def _units(quotes: pd.DataFrame) -> list[QuoteUnit]:
    units: list[QuoteUnit] = []
    for row_no, (_, row) in enumerate(quotes.iterrows()):
        k = 0
        for text, start in _row_pieces(row):
            for a, b in sentence_spans(text, [(0, len(text))]):
                sub = text[a:b]
                surface, norm = _words(sub)
                if not _n_words(norm):
                    continue
                lead = len(sub) - len(sub.lstrip())
                trail = len(sub.rstrip())
                s = start + a + lead if start >= 0 else -1
                e = start + a + trail if start >= 0 else -1
                units.append(QuoteUnit(row_no, k, sub.strip(), s, e, surface, norm))
                k += 1
    return _drop_overlaps(units, [str(quotes.iloc[u.row]["article_id"]) for u in units])


def _drop_overlaps(units: list[QuoteUnit], arts: list[str]) -> list[QuoteUnit]:
    """Keep one unit where two attribution rows cover the same quoted words (the longer)."""
    kept: dict[str, list[tuple[int, int]]] = defaultdict(list)
    keep = []
    for i in sorted(range(len(units)), key=lambda i: (-(units[i].end - units[i].start), units[i].start, i)):
        u = units[i]
        if u.start >= 0 and any(u.start < e and s < u.end for s, e in kept[arts[i]]):
            continue
        if u.start >= 0:
            kept[arts[i]].append((u.start, u.end))
        keep.append(i)
    return [units[i] for i in sorted(keep)]


class _DSU:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _linked(
    ua: QuoteUnit,
    ub: QuoteUnit,
    a: _Profile,
    b: _Profile,
    *,
    min_overlap: int,
    min_containment: float,
    min_content_share: float,
) -> float | None:
    """Agreement of two units when they render the same sentence, else None."""
    shared = len(a.content & b.content)
    by_content = shared >= 3 and shared / max(1, min(len(a.content), len(b.content))) >= min_content_share
    if not by_content:
        # cheap bound first: aligned words cannot exceed the words the two have in common
        common = sum((a.counts & b.counts).values())
        if common < min_containment * min(a.n_words, b.n_words):
            return None
    containment, content, agreement = quote_similarity(ua.norm, ub.norm)
    if containment >= min_containment and content >= min_overlap:
        return agreement
    if by_content:
        return max(agreement, 1e-6)
    return None


def _choose_references(
    fams: dict[int, list[int]],
    art: list[str],
    sims: dict[tuple[int, int], float],
    lengths: list[int],
    order: list[tuple],
    rounds: int = 5,
) -> tuple[dict[int, int], dict[int, int], dict[int, float]]:
    """Best-attested member per family, and per member the wording it is compared with.

    Returns ``(family_ref, member_ref, fidelity)``. A member is compared with the
    best-supported member among itself and the members of other articles it is linked to
    (in a chain of sentences that is the rendering of the same sentence).
    """

    def sim(m: int, n: int) -> float | None:
        return sims.get((min(m, n), max(m, n)))

    neighbours: dict[int, list[int]] = defaultdict(list)
    for i, j in sims:
        neighbours[i].append(j)
        neighbours[j].append(i)
    reliability: dict[str, float] = defaultdict(lambda: 1.0)
    family_ref: dict[int, int] = {}
    member_ref: dict[int, int] = {}
    fidelity: dict[int, float] = {}
    for _ in range(rounds):
        family_ref, member_ref, fidelity = {}, {}, {}
        for fid, members in fams.items():
            if len({art[m] for m in members}) < 2:
                continue
            support = {
                m: reliability[art[m]]
                + sum(sim(m, n) * reliability[art[n]] for n in neighbours[m])
                for m in members
            }

            def rank(m: int) -> tuple:
                return (-round(support[m], 9), -lengths[m], order[m])

            family_ref[fid] = min(members, key=rank)
            for m in members:
                ref = min([m, *neighbours[m]], key=rank)
                member_ref[m] = ref
                fidelity[m] = 1.0 if ref == m else float(sim(m, ref))
        per_article: dict[str, list[float]] = defaultdict(list)
        for m, f in fidelity.items():
            per_article[art[m]].append(f)
        reliability = defaultdict(lambda: 1.0, {a: float(np.mean(v)) for a, v in per_article.items()})
    return family_ref, member_ref, fidelity


def _families_for_story(
    table: pd.DataFrame,
    *,
    min_overlap: int,
    min_containment: float,
    min_content_share: float,
) -> list[dict]:
    units = _units(table)
    if not units:
        return []
    art = [str(table.iloc[u.row]["article_id"]) for u in units]
    order = [(art[i], u.start, u.piece, i) for i, u in enumerate(units)]
    # candidate pairs: units of different articles sharing enough content words to link
    index: dict[str, list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        for w in sorted(set(u.norm)):
            if _is_content(w):
                index[w].append(i)
    shared: Counter = Counter()
    for members in index.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if art[i] != art[j]:
                    shared[(i, j)] += 1
    pairs = [pair for pair, n in shared.items() if n >= min(min_overlap, 3)]
    dsu = _DSU(len(units))
    sims: dict[tuple[int, int], float] = {}
    profiles = [
        _Profile(
            frozenset(w for w in u.norm if _is_content(w)),
            Counter(w for w in u.norm if w != GAP),
            u.n_words,
        )
        for u in units
    ]
    for i, j in sorted(pairs):
        agreement = _linked(
            units[i],
            units[j],
            profiles[i],
            profiles[j],
            min_overlap=min_overlap,
            min_containment=min_containment,
            min_content_share=min_content_share,
        )
        if agreement is not None:
            sims[(i, j)] = agreement
            dsu.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(units)):
        groups[dsu.find(i)].append(i)
    fams = {k: sorted(v, key=lambda m: order[m]) for k, v in groups.items()}
    lengths = [_n_words(u.norm) for u in units]
    family_ref, member_ref, fidelity = _choose_references(fams, art, sims, lengths, order)

    rows: list[dict] = []
    for key, members in sorted(fams.items(), key=lambda kv: order[kv[1][0]]):
        sub = [table.iloc[units[m].row] for m in members]
        outlets = {_outlet(r) for r in sub}
        articles = {art[m] for m in members}
        speakers = [
            s for s in (_speaker(r, canonical=True) for r in sub) if s
        ]
        source = sorted(Counter(speakers).items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if speakers else None
        for m in members:
            u, r = units[m], sub[members.index(m)]
            shared = len(articles) >= 2
            ref = member_ref.get(m, m)
            ref_text = units[ref].text
            rows.append(
                {
                    "_family_key": order[members[0]],
                    "article_id": art[m],
                    "outlet": _outlet(r),
                    "quote": u.text,
                    "start": u.start,
                    "end": u.end,
                    "speaker": _speaker(r, canonical=True),
                    "fidelity": fidelity.get(m, np.nan) if shared else np.nan,
                    "diff": word_diff(u.text, ref_text) if shared and m != ref else "",
                    "n_outlets": len(outlets),
                    "n_articles": len(articles),
                    "source": source,
                    "reference": ref_text,
                    "is_reference": bool(shared and m == family_ref.get(key)),
                    "family_reference": units[family_ref.get(key, members[0])].text,
                }
            )
    return rows


def _outlet(row) -> str:
    return outlet_label(row.get("outlet"), row.get("article_id"))


def _speaker(row, *, canonical: bool) -> str | None:
    for col in (("speaker_canonical", "speaker") if canonical else ("speaker",)):
        val = row.get(col)
        if isinstance(val, str) and val.strip():
            return val
    return None


_OUT_COLUMNS = [
    "story_id", "family_id", "article_id", "outlet", "quote", "start", "end", "speaker",
    "fidelity", "diff", "n_outlets", "n_articles", "source", "reference", "family_reference",
    "is_reference",
]


def quote_families(
    quotes: pd.DataFrame | None,
    *,
    min_overlap: int = 2,
    min_containment: float = 0.5,
    min_content_share: float = 0.6,
    kinds: Sequence[str] | None = QUOTE_KINDS,
) -> pd.DataFrame:
    """Group quotations of different articles that render the same source sentence.

    Parameters
    ----------
    quotes:
        A quotes table (one row per attribution) with at least ``article_id`` and ``quote``;
        ``outlet``, ``start``, ``end``, ``kind``, ``speaker``, ``speaker_canonical``,
        ``pieces`` and ``story_id`` are used when present. With ``story_id``, quotations are
        compared within each story only.
    min_overlap:
        Fewest aligned content words for two quotations to be linked (a single-word scare
        quote is therefore never linked).
    min_containment:
        Share of the shorter quotation's words that must align with the other one.
    min_content_share:
        Share of the shorter quotation's content words both must contain (with at least 3
        shared), the alternative rule for reordered, translated wording.
    kinds:
        Quotation kinds kept (indirect speech has no quoted wording). ``None`` keeps all.

    Returns
    -------
    One row per quotation unit (a sentence of a quotation), sorted by family: columns
    ``story_id, family_id, article_id, outlet, quote, start, end, speaker, fidelity, diff,
    n_outlets, n_articles, source, reference, family_reference, is_reference``.
    """
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in _OUT_COLUMNS})
    if quotes is None or len(quotes) == 0 or not {"article_id", "quote"} <= set(quotes.columns):
        return empty
    table = quotes
    if kinds is not None and "kind" in table.columns:
        table = table[table["kind"].isin(list(kinds))]
    if "story_id" in table.columns:
        stories = [
            (str(sid), grp) for sid, grp in table.groupby(table["story_id"].fillna("").astype(str), sort=True)
        ]
    else:
        stories = [("", table)]
    rows: list[dict] = []
    for sid, grp in stories:
        for r in _families_for_story(
            grp.reset_index(drop=True),
            min_overlap=min_overlap,
            min_containment=min_containment,
            min_content_share=min_content_share,
        ):
            r["story_id"] = sid
            rows.append(r)
    if not rows:
        return empty
    out = pd.DataFrame(rows)
    keys = sorted({(r["story_id"], r["_family_key"]) for r in rows})
    ids = {k: i for i, k in enumerate(keys)}
    out["family_id"] = [ids[(s, k)] for s, k in zip(out["story_id"], out["_family_key"])]
    out = out.drop(columns="_family_key")
    out = out.sort_values(["family_id", "article_id", "start"], kind="stable").reset_index(drop=True)
    return out[_OUT_COLUMNS]


def quote_family_summary(families: pd.DataFrame) -> pd.DataFrame:
    """One row per family: who quoted it, the source, the reference wording, fidelity."""
    cols = list(COLUMNS["quote_family_summary"])
    if families is None or len(families) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    rows = []
    for fid, grp in families.groupby("family_id", sort=True):
        fid_vals = grp["fidelity"].astype(float)
        rows.append(
            {
                "story_id": grp["story_id"].iloc[0],
                "family_id": fid,
                "n_quotes": len(grp),
                "n_articles": grp["article_id"].nunique(),
                "n_outlets": grp["outlet"].nunique(),
                "outlets": "; ".join(sorted(set(map(str, grp["outlet"])))),
                "source": grp["source"].iloc[0],
                "reference": grp["family_reference"].iloc[0],
                "fidelity_mean": float(fid_vals.mean()) if fid_vals.notna().any() else np.nan,
                "fidelity_min": float(fid_vals.min()) if fid_vals.notna().any() else np.nan,
            }
        )
    return pd.DataFrame(rows, columns=cols)


def article_quote_sharing(families: pd.DataFrame, articles: pd.DataFrame | Sequence[str]) -> pd.DataFrame:
    """Per article: shared and exclusive quotations, and mean fidelity of the shared ones.

    ``articles`` is an articles table with an ``article_id`` column (or a list of ids);
    articles without quotations get 0, 0 and NaN.
    """
    if isinstance(articles, pd.DataFrame):
        ids = list(articles["article_id"].astype(str)) if "article_id" in articles.columns else []
    else:
        ids = [str(a) for a in articles]
    rows = []
    fam = families if families is not None and len(families) else None
    for aid in ids:
        if fam is None:
            rows.append((aid, 0, 0, np.nan))
            continue
        mine = fam[fam["article_id"].astype(str) == aid]
        shared = mine[mine["n_articles"] >= 2]
        fid = shared["fidelity"].astype(float)
        rows.append(
            (
                aid,
                int(len(shared)),
                int((mine["n_articles"] < 2).sum()),
                float(fid.mean()) if fid.notna().any() else np.nan,
            )
        )
    return pd.DataFrame(
        rows, columns=["article_id", "n_shared_quotes", "n_exclusive_quotes", "quote_fidelity_mean"]
    ).astype({"n_shared_quotes": "int64", "n_exclusive_quotes": "int64"})
