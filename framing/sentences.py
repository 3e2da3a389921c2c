"""Sentence splitting for news prose, with offsets into the raw text.

A line break always ends a sentence. Inside a line, a sentence ends at ``.``, ``!``, ``?`` or
``…`` (plus any closing quotation marks or brackets) followed by white space and a capital,
digit or opening quotation mark — unless the word before the stop is an abbreviation.

Notes
-----
Abbreviations come in two kinds, after the orthographic heuristics of Kiss and Strunk (2006),
"Unsupervised Multilingual Sentence Boundary Detection" (Computational Linguistics 32:4):
titles and month names ("Rep.", "Jan.") never end a sentence before a name or number, while
"Inc.", "U.S." or "Jr." end one only when the next word is a typical sentence opener ("The",
"But", "He") rather than a name ("U.S. District Judge", "Apple Inc. and").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

__all__ = ["Sentence", "split_sentences", "sentence_spans"]

_NEVER_FINAL = {
    # titles and forms of address
    "mr", "mrs", "ms", "dr", "prof", "rep", "reps", "sen", "sens", "gov", "gen", "col", "lt", "capt",
    "sgt", "adm", "rev", "hon", "pres", "supt", "atty", "st", "mt", "ft", "messrs", "mmes", "sr", "jr",
    # others that precede what they qualify
    "approx", "vs", "v", "cf", "e.g", "i.e", "al",
}
# Abbreviations that precede a number ("Jan. 6", "No. 2"): not final before a digit.
_BEFORE_NUMBER = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vol", "fig", "p", "pp", "art", "sec", "ch", "para", "est",
}
_MAYBE_FINAL = {
    "inc", "corp", "co", "ltd", "llc", "plc", "bros", "etc", "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m",
    "jr", "sr", "n.y", "l.a", "ky", "calif", "mass", "wash", "ariz", "colo", "conn", "fla", "ga", "ill",
    "ind", "kan", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn",
    "tex", "va", "vt", "wis", "wyo", "ala", "ark", "del", "la",
}
# Words that typically open a sentence; after a "maybe final" abbreviation they signal a boundary.
_OPENERS = {
    "the", "a", "an", "but", "and", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
    "those", "in", "on", "at", "as", "after", "before", "when", "while", "if", "however", "meanwhile",
    "there", "his", "her", "its", "their", "our", "my", "so", "yet", "still", "also", "for", "with",
    "what", "who", "why", "how", "some", "many", "most", "one", "no", "not", "both", "since", "although",
    "though", "because", "then", "now", "later", "earlier", "instead", "further", "by", "to", "from",
}

_CANDIDATE = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)(?=[\"'“‘«(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-]*)$")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[]?([A-Za-z0-9]+)")


@dataclass(frozen=True)
class Sentence:
    """A sentence of story text: index within the article, raw-text offsets and text."""

    index: int
    start: int
    end: int
    text: str
    line_no: int = 0


def _is_boundary(text: str, stop_start: int, stop: str, after: int) -> bool:
    if stop != ".":
        return True
    # look only at the few characters around the stop, so splitting stays linear in the text
    m = _WORD_BEFORE.search(text, max(0, stop_start - 64), stop_start)
    if not m:
        return True
    word = m.group(1)
    low = word.lower().rstrip(".")
    nxt = _NEXT_WORD.match(text, after)
    next_word = nxt.group(1) if nxt else ""
    # a single capital letter is an initial ("John F. Kennedy"), unless it ends a sentence
    # before an opener ("... Plan B. The ...")
    if len(low) == 1 and word[0].isupper():
        return next_word.lower() in _OPENERS
    if "-" in low:  # party-state tags like (R-Ky.) or (D-N.Y.)
        low = low.rsplit("-", 1)[1]
    if low in _NEVER_FINAL:
        return False
    if low in _BEFORE_NUMBER:
        return not next_word[:1].isdigit() and next_word.lower() in _OPENERS
    if low in _MAYBE_FINAL or re.fullmatch(r"(?:[a-z]\.)+[a-z]", low):
        return next_word.lower() in _OPENERS
    return True


def _split_span(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    pos = start
    for m in _CANDIDATE.finditer(text, start, end):
        if not _is_boundary(text, m.start(1), m.group(1), m.end(3)):
            continue
        cut = m.end(2)
        if text[pos:cut].strip():
            yield pos, cut
        pos = m.end(3)
    if text[pos:end].strip():
        yield pos, end


def sentence_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence ``(start, end)`` offsets inside each ``(start, end)`` span (a line) of ``text``."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for a, b in _split_span(text, s, e):
            # trim white space so offsets point at the sentence's first/last character
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b))
    return out


def split_sentences(
    text: str, spans: Sequence[tuple[int, int]] | None = None, *, line_nos: Sequence[int] | None = None
) -> list[Sentence]:
    """Split ``text`` (or only the given line spans of it) into :class:`Sentence` objects.

    Parameters
    ----------
    text:
        The raw article text.
    spans:
        ``(start, end)`` spans to split, usually the story lines; default: the whole text, one
        line at a time.
    line_nos:
        Line number of each span, copied onto its sentences.
    """
    if spans is None:
        from framing.segment import split_lines

        lines = split_lines(text)
        spans = [(ln.start, ln.end) for ln in lines]
        line_nos = [ln.line_no for ln in lines]
    out: list[Sentence] = []
    for k, (s, e) in enumerate(spans):
        ln = line_nos[k] if line_nos is not None else 0
        for a, b in sentence_spans(text, [(s, e)]):
            out.append(Sentence(index=len(out), start=a, end=b, text=text[a:b], line_no=ln))
    return out
