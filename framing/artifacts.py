"""Translation artifacts: traces that an article reached its outlet through machine translation.

Five kinds of evidence, each a general rule (no outlet's strings):

* ``pronoun_for_organisation`` -- "he", "his", "himself", "who" whose antecedent is a company
  ("Parler, who considers himself ..."). Target languages with grammatical gender make MT
  systems render a company's "it" as "he"/"she". The antecedent is the nearest preceding
  subject in the sentence (quotations and narration kept apart), else the main subject of the
  previous sentence; it is a company when the text elsewhere treats the name as one
  (``Name Inc.``, ``name.com``, ``Name's servers``, ``Name CEO``) and never as a person (a
  title such as "Judge", or a two-word personal name), or when it is "the company"/"the
  platform". Only sentences holding such a pronoun (and the sentence before) are parsed.
* ``near_miss_term`` -- a fixed legal or idiomatic phrase with one word replaced by a
  near-homograph ("torturous interference" for "tortious interference"): same first letter,
  Levenshtein distance <= max(1, 30% of the word's length), not an inflection.
* ``quote_drift`` -- a quotation whose wording differs from other outlets' renderings of the
  same sentence (fidelity below ``drift_threshold`` = 0.85 in :mod:`framing.quote_families`,
  i.e. more than about one word in seven altered).
* ``punctuation_spacing`` -- white space before , ; : ! ? or a full stop, and doubled
  punctuation (", ,", ". ." -- but not an ellipsis).
* ``quote_mark_spacing`` / ``quote_mark_orientation`` -- a space inside curly quotation
  marks, and marks facing the wrong way: a closing mark that opens a quotation, or an opening
  mark that closes one (found by pairing the marks of each paragraph).
* ``capitalisation`` -- a common word capitalised after a comma or semicolon ("; Breach of
  contract") that the same text writes in lower case elsewhere.

Location: each piece of evidence is the span ``offset``..``end`` of the raw text holding exactly
the characters at fault, and its ``text`` is that span as written -- the pronoun, the near-miss
phrase, the white space together with the punctuation or quotation mark it wrongly precedes or
follows, the wrong-facing mark, the capitalised word -- except for ``quote_drift``, whose
``text`` is a word diff and whose span is the quoted words. ``context`` carries up to
``CONTEXT_CHARS`` characters either side for reading, line breaks shown as " / ". Lines (for
``line_no`` and for the default paragraphs) end at ``\r\n``, ``\r`` or ``\n``, as in
:func:`framing.segment.split_lines`.

Score: ``translation_artifact_score`` = pieces of evidence per 1,000 words, every piece
weighing 1. Edited English news scores near 0 -- on BASIL's Fox/NYT/HuffPost articles a
mean of 0.11 (development half of the stories) and 0.27 (held-out half) per 1,000 words,
5-9% of articles above 0, mostly from typos such as an unclosed quotation -- while the
machine-translated seed scores about 30, with seven kinds of evidence at once.

Notes
-----
The categories follow MT error typologies: wrong lexical choice, wrong form and
punctuation/orthography errors (Vilar, Xu, D'Haro & Ney 2006, "Error Analysis of
Statistical Machine Translation Output", LREC; Popovic 2018, "Error Classification and
Analysis for Machine Translation Quality Assessment", in Moorkens et al. (eds.), *Translation
Quality Assessment*, Springer) and the pronoun/coreference errors in Koponen (2010),
"Assessing Machine Translation Quality with Error Analysis", MikaEL 4. The antecedent
choice (subject first, recent first) follows centering theory: Grosz, Joshi & Weinstein
(1995), "Centering: A Framework for Modeling the Local Coherence of Discourse",
Computational Linguistics 21(2).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

import pandas as pd

from framing.segment import LINE_BREAK, line_number, line_spans, line_starts

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "Artifact",
    "translation_artifacts",
    "artifact_score",
    "artifacts_table",
    "pronoun_artifacts",
    "near_miss_terms",
    "punctuation_artifacts",
    "quote_mark_artifacts",
    "capitalisation_artifacts",
    "quote_drift_artifacts",
    "KINDS",
    "COLUMNS",
    "CONTEXT_CHARS",
]

KINDS = (
    "pronoun_for_organisation",
    "near_miss_term",
    "quote_drift",
    "punctuation_spacing",
    "quote_mark_spacing",
    "quote_mark_orientation",
    "capitalisation",
)

#: Characters of raw text shown on either side of the evidence in the ``context`` column.
CONTEXT_CHARS = 20

COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "translation_artifact_score": (
            "Pieces of machine-translation evidence (pronouns for companies, near-miss legal terms, "
            "quotations drifting from other outlets' wording, odd spacing or orientation of "
            "punctuation and quote marks) per 1,000 words of story text."
        ),
    },
    "artifacts": {
        "article_id": "The article the evidence comes from.",
        "kind": "Which rule found it: " + ", ".join(KINDS) + ".",
        "text": (
            "Exactly the characters at fault, as written in the raw text: the raw text from offset to end "
            "(a pronoun; a near-miss phrase; white space with the punctuation or quotation mark it wrongly "
            "precedes or follows; a wrong-facing quotation mark; a wrongly capitalised word). For quote_drift, "
            "the word diff from other outlets' wording instead: [-their words-] {+this article's words+}."
        ),
        "offset": (
            "Character offset in the article's raw text of the first character at fault (for quote_drift, of "
            "the quoted words; -1 when the quotation was not located)."
        ),
        "end": (
            "Character offset just past the last character at fault, so the raw text from offset to end is "
            "text (for quote_drift, just past the quoted words; -1 when not located)."
        ),
        "line_no": (
            "Line of the raw file (counted from 1; \\r\\n, \\r and \\n each end a line) holding the "
            "first character at fault (0 for quote_drift when the quotation was not located)."
        ),
        "note": "Why it counts as evidence (e.g. the antecedent, or the phrase it nearly matches).",
        "context": (
            f"For reading, not for offsets: the raw text from up to {CONTEXT_CHARS} characters before offset to "
            f"up to {CONTEXT_CHARS} after end, each line break shown as ' / '."
        ),
    },
}


@dataclass(frozen=True)
class Artifact:
    """One piece of translation-artifact evidence, located in the raw text.

    ``text`` is the raw text from ``offset`` to ``end`` (``end`` defaults to
    ``offset + len(text)``), except for ``quote_drift``, whose ``text`` is a word diff and whose
    ``offset``/``end`` delimit the quoted words. ``context`` is a readable snippet around it.
    """

    kind: str
    text: str
    offset: int
    line_no: int
    note: str = ""
    article_id: str | None = None
    end: int | None = None
    context: str = ""

    def __post_init__(self) -> None:
        if self.end is None:
            object.__setattr__(self, "end", self.offset + len(self.text) if self.offset >= 0 else -1)


# --------------------------------------------------------------------------- cue lists


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[str, ...]]:
    path = Path(__file__).with_name("data") / "artifact_cues.tsv"
    out: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, entry = line.partition("\t")
        if entry.strip():
            out[kind.strip()].append(entry.strip())
    return {k: tuple(v) for k, v in out.items()}


def _context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """Raw text from ``width`` characters before ``start`` to ``width`` after ``end``, line breaks as " / "."""
    lo, hi = max(0, start - width), min(len(text), max(start, end) + width)
    return LINE_BREAK.sub(" / ", text[lo:hi])


def _evidence(kind: str, text: str, start: int, end: int, starts: list[int], note: str) -> Artifact:
    """An artifact whose ``text`` is exactly ``text[start:end]``."""
    return Artifact(kind, text[start:end], start, line_number(starts, start), note, None, end, _context(text, start, end))


def _paragraphs(text: str, paragraphs) -> list[tuple[int, int]]:
    if paragraphs is None:
        return line_spans(text)
    out = []
    for p in paragraphs:
        try:
            s, e = int(p[0]), int(p[1])
        except (TypeError, ValueError, IndexError):
            continue
        s, e = max(0, s), min(len(text), e)
        if e > s:
            out.append((s, e))
    return out


# --------------------------------------------------------------------------- punctuation


_SPACE_BEFORE = re.compile(r"(?<=\S)[ \t\u00a0]+(?:[,;:!?]|\.(?![.\d]))")
_SPACED_ELLIPSIS = re.compile(r"\.(?:[ \t\u00a0]?\.){2,}")
_DOUBLED = re.compile(r"([,;:])[ \t]*\1|(?<![.\s])[ \t]*\.[ \t]+\.(?![ \t]*\.)|,[ \t]*\.(?!\.)")


def punctuation_artifacts(text: str, *, paragraphs: Sequence[tuple[int, int]] | None = None) -> list[Artifact]:
    """White space before punctuation (" , said") and doubled punctuation (". .", ", ,")."""
    starts = line_starts(text)
    found: dict[int, Artifact] = {}
    doubled: list[tuple[int, int]] = []
    for s, e in _paragraphs(text, paragraphs):
        ellipses = [(m.start(), m.end()) for m in _SPACED_ELLIPSIS.finditer(text, s, e)]
        for m in _DOUBLED.finditer(text, s, e):
            if any(m.start() < b and a < m.end() for a, b in ellipses):
                continue
            a = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            doubled.append((a, m.end()))
            found[a] = _evidence("punctuation_spacing", text, a, m.end(), starts, "doubled punctuation")
        for m in _SPACE_BEFORE.finditer(text, s, e):
            a = m.start()
            if any(a < de and ds < m.end() for ds, de in doubled + ellipses):
                continue
            found[a] = _evidence("punctuation_spacing", text, a, m.end(), starts, "space before punctuation")
    return [found[k] for k in sorted(found)]


_OPEN2, _CLOSE2 = "\u201c", "\u201d"
# a closing single mark: \u2019 not followed by a letter (so not the apostrophe of "it\u2019s")
_SINGLE_CLOSE = re.compile(r"\u2019(?![A-Za-z])")


def quote_mark_artifacts(text: str, *, paragraphs: Sequence[tuple[int, int]] | None = None) -> list[Artifact]:
    """Curly quotation marks facing the wrong way or with a space inside the quotation.

    The double marks of each paragraph are paired left to right: an opening mark while a
    quotation is open closes it (orientation error); a closing mark while none is open, where a
    quotation would start (after white space or at the paragraph start, before a letter or
    digit), opens one (orientation error) and elsewhere is not judged, since a quotation running
    on from the previous paragraph meets its closing mark first. An opening single mark never
    closed in its paragraph is an orientation error too. A
    correctly facing opening mark followed by a space, or closing mark preceded by one, is a
    spacing error; so is an opening single mark followed by a space.
    Straight marks have no orientation and are not judged.
    """
    starts = line_starts(text)
    out: list[Artifact] = []

    def add(kind: str, a: int, b: int, note: str) -> None:
        out.append(_evidence(kind, text, a, b, starts, note))

    def space_after(i: int, e: int) -> int:  # just past the mark at i and the blanks after it
        j = i + 1
        while j < e and text[j] in " \t\u00a0":
            j += 1
        return j

    def space_before(i: int, s: int) -> int:  # first of the blanks before the mark at i
        j = i
        while j > s and text[j - 1] in " \t\u00a0":
            j -= 1
        return j

    for s, e in _paragraphs(text, paragraphs):
        is_open = False
        for i in range(s, e):
            ch = text[i]
            if ch == "\u2018" and i + 1 < e and text[i + 1] in " \t":
                add("quote_mark_spacing", i, space_after(i, e), "space after an opening single quotation mark")
                continue
            if ch == "\u2018" and i + 1 < e and text[i + 1].isalpha() and not _SINGLE_CLOSE.search(text, i + 1, e):
                add("quote_mark_orientation", i, i + 1, "opening single mark \u2018 never closed in its paragraph")
                continue
            if ch not in (_OPEN2, _CLOSE2):
                continue
            after = text[i + 1 : e]
            # a space between a single and a double mark (' \u201d) is a nesting convention
            before_ws = i > s and text[i - 1] in " \t\u00a0" and text[s:i].rstrip()[-1:] not in "'\u2019"
            after_ellipsis = before_ws and text[s:i].rstrip().endswith(("...", "\u2026"))
            if ch == _OPEN2:
                if is_open:
                    add("quote_mark_orientation", i, i + 1, "opening mark \u201c used to close a quotation")
                    is_open = False
                elif not after.strip():
                    add("quote_mark_orientation", i, i + 1, "opening mark \u201c at the end of a paragraph")
                else:
                    if after[:1] in (" ", "\t"):
                        add("quote_mark_spacing", i, space_after(i, e), "space after an opening quotation mark")
                    is_open = True
            else:
                if not is_open:
                    if (before_ws or i == s) and after[:1].isalnum():
                        add("quote_mark_orientation", i, i + 1, "closing mark \u201d used to open a quotation")
                        is_open = True
                    # otherwise a stray closing mark after a word: a quotation opened before
                    # this paragraph (multi-paragraph quotes) -- not judged
                else:
                    if before_ws and not after_ellipsis:
                        add("quote_mark_spacing", space_before(i, s), i + 1, "space before a closing quotation mark")
                    is_open = False
    return out


# a capitalised word after , or ; followed by a lower-case word that does not lead into
# a capitalised name ("Director of National Intelligence", "Firearms and Explosives")
_MIDCAP = re.compile(r"(?<=[,;] )([A-Z][a-z]+)(?= [a-z])(?! (?:of|and|for|&|de|the) [A-Z])")


def capitalisation_artifacts(text: str, *, paragraphs: Sequence[tuple[int, int]] | None = None) -> list[Artifact]:
    """A common word capitalised after a comma or semicolon ("...; Breach of contract").

    The word counts when the text writes it in lower case elsewhere, never capitalises it
    elsewhere except at the start of a sentence or line, and the next word is in lower case
    and does not lead into a capitalised name (so names, titles such as "Director of
    National Intelligence" and lists of names are left alone).
    """
    lower_words = set(re.findall(r"\b[a-z]+\b", text))
    capital_mid = Counter(
        m.group(1) for m in re.finditer(r"(?<![.!?\r\n\u201c\u2018\"'(] )(?<=[^\r\n])\b([A-Z][a-z]+)\b", text)
    )
    starts = line_starts(text)
    out = []
    for s, e in _paragraphs(text, paragraphs):
        for m in _MIDCAP.finditer(text, s, e):
            word = m.group(1)
            if word.lower() in lower_words and capital_mid[word] <= 1:
                out.append(
                    _evidence(
                        "capitalisation",
                        text,
                        m.start(),
                        m.end(),
                        starts,
                        f"'{word}' capitalised in mid-sentence, lower case elsewhere in the text",
                    )
                )
    return out


# --------------------------------------------------------------------------- near-miss terms


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _inflection_of(word: str, target: str) -> bool:
    for a, b in ((word, target), (target, word)):
        for suf in ("s", "es", "ed", "d", "ing", "'s"):
            if a == b + suf:
                return True
    return False


def _near_miss(word: str, target: str) -> bool:
    if word == target or len(word) < 3 or word[0] != target[0] or _inflection_of(word, target):
        return False
    return _levenshtein(word, target) <= max(1, int(0.3 * len(target)))


_TOKEN = re.compile(r"[A-Za-z]+(?:[-'\u2019][A-Za-z]+)*")


def _phrase_windows(n_words: int, where: Mapping[str, list[int]], phrase: tuple[str, ...]) -> list[int]:
    """Starts of the ``len(phrase)``-word windows of a paragraph of ``n_words`` words that could
    be a one-word near miss of ``phrase``, in order (``where``: each word's positions). A window
    of two or more words with one word changed keeps another word of the phrase in its place, so
    only the windows around such a word are tried (a one-word phrase: every word)."""
    n = len(phrase)
    last = n_words - n
    if n == 1:
        return list(range(last + 1))
    starts = {i - k for k, w in enumerate(phrase) for i in where.get(w, ())}
    return sorted(i for i in starts if 0 <= i <= last)


def near_miss_terms(text: str, *, paragraphs: Sequence[tuple[int, int]] | None = None) -> list[Artifact]:
    """Fixed legal/idiomatic phrases with one word swapped for a near-homograph."""
    phrases = [tuple(p.lower().split()) for p in _cues().get("collocation", ())]
    starts = line_starts(text)
    out: list[Artifact] = []
    for s, e in _paragraphs(text, paragraphs):
        toks = [(m.group(0).lower(), m.start(), m.end()) for m in _TOKEN.finditer(text, s, e)]
        words = [t[0] for t in toks]
        where: dict[str, list[int]] = defaultdict(list)
        for i, w in enumerate(words):
            where[w].append(i)
        for phrase in phrases:
            n = len(phrase)
            for i in _phrase_windows(len(words), where, phrase):
                window = words[i : i + n]
                diff = [k for k in range(n) if window[k] != phrase[k]]
                if len(diff) != 1:
                    continue
                k = diff[0]
                if not _near_miss(window[k], phrase[k]):
                    continue
                a, b = toks[i][1], toks[i + n - 1][2]
                out.append(
                    _evidence("near_miss_term", text, a, b, starts, f"near miss of the fixed phrase '{' '.join(phrase)}'")
                )
    return sorted(out, key=lambda x: x.offset)


# --------------------------------------------------------------------------- pronouns


_PRONOUN_RE = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself|who)\b", re.IGNORECASE)
_PERSONAL = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_RELATIVE = {"who", "which", "that"}


@lru_cache(maxsize=1)
def _name_patterns() -> tuple[tuple[re.Pattern, ...], re.Pattern, re.Pattern]:
    cues = _cues()
    suffix = "|".join(re.escape(s) for s in cues.get("org_suffix", ()))
    owned = "|".join(re.escape(s) for s in cues.get("org_possession", ()))
    titles = "|".join(re.escape(s) for s in cues.get("person_title", ()))
    name = r"[A-Z][\w&-]*"
    strong = (
        re.compile(rf"\b((?:{name}\s+){{0,3}}{name}),?\s+(?:{suffix})\b"),
        re.compile(rf"\b({name})\.(?:com|net|org|io)\b"),
        re.compile(rf"\b({name})\s+(?:CEO|spokesperson|spokesman|spokeswoman|chief executive)\b"),
    )
    weak = re.compile(
        rf"\b({name})(?:'s|\u2019s|'|\u2019)\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{owned})\b", re.IGNORECASE
    )
    person = re.compile(rf"\b(?:{titles})\.?\s+((?:[A-Z][\w.'-]*\s+){{0,3}}[A-Z][\w'-]+)")
    return strong, weak, person


def _name_types(text: str, docs) -> tuple[set[str], set[str]]:
    """Names the text treats as organisations, and names it treats as persons.

    Organisation: once with a legal-form suffix ("Acme Inc."), a domain ("acme.com") or a
    company role ("Acme CEO"), or twice with something only organisations have ("Acme's
    servers", "Acme's users"). Person: after a title ("Judge Ann Lee"), or inside a personal
    name of two or more words that spaCy tags PERSON. Person evidence wins.
    """
    strong, weak, person_re = _name_patterns()
    orgs, persons = set(), set()
    for rx in strong:
        for m in rx.finditer(text):
            orgs.update(m.group(1).split())
    owned = Counter(m.group(1) for m in weak.finditer(text) if m.group(1)[0].isupper())
    orgs.update(n for n, k in owned.items() if k >= 2)
    for m in person_re.finditer(text):
        persons.update(w.strip(".") for w in m.group(1).split())
    suffixes = set(_cues().get("org_suffix", ()))
    for doc in docs:
        for ent in doc.ents:
            words = [t.text for t in ent if t.pos_ == "PROPN"]
            if ent.label_ == "PERSON" and len(words) >= 2 and not suffixes & set(words):
                persons.update(words)
    return orgs - persons, persons


def _mention(tok):
    """The name or noun a subject token stands for (relative pronouns resolved)."""
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _is_org(tok, orgs: set[str], persons: set[str]) -> bool:
    suffixes = set(_cues().get("org_suffix", ()))
    if tok.text in suffixes or any(c.text in suffixes for c in tok.children):
        return True
    if tok.pos_ == "PROPN":
        chain = [c.text for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok.text]
        if persons & set(chain):
            return False
        return tok.text in orgs
    if tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lower_ in set(_cues().get("org_noun", ())):
        return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
    return False


def _inside(spans: list[tuple[int, int]], i: int) -> int:
    for k, (s, e) in enumerate(spans):
        if s <= i < e:
            return k
    return -1


def pronoun_artifacts(
    text: str,
    *,
    paragraphs: Sequence[tuple[int, int]] | None = None,
    nlp: Language | None = None,
    min_repeats: int = 2,
    sentence_docs: Mapping[tuple[int, int], Doc] | None = None,
) -> list[Artifact]:
    """Personal pronouns ("he", "his", "who") whose antecedent is an organisation.

    Each sentence containing such a pronoun is read with the sentence before it; only those
    sentences are parsed, each on its own, or taken from ``sentence_docs`` (spaCy parses of story
    sentences keyed by their ``(start, end)`` span, e.g. the ones :mod:`framing.actors` made),
    so a story is not parsed twice. An organisation counts only when at least ``min_repeats``
    pronouns refer to it: a translation system genders a company consistently, while one such
    pronoun in edited prose is more likely a mis-resolved antecedent (checked on human-written
    news).
    """
    from framing.attribution import quotation_spans
    from framing.sentences import sentence_spans

    paras = _paragraphs(text, paragraphs)
    sents = sentence_spans(text, paras)
    targets = [i for i, (s, e) in enumerate(sents) if _PRONOUN_RE.search(text, s, e)]
    if not targets:
        return []
    needed = sorted({j for i in targets for j in (i - 1, i) if j >= 0})
    docs = {j: sentence_docs[sents[j]] for j in needed if sentence_docs and sents[j] in sentence_docs}
    missing = [j for j in needed if j not in docs]
    if missing:
        if nlp is None:
            from framing.nlp import load_model

            nlp = load_model()
        docs.update(zip(missing, nlp.pipe(text[sents[j][0] : sents[j][1]] for j in missing)))
    orgs, persons = _name_types(text, [docs[j] for j in needed])
    quotes = quotation_spans(text, paragraphs=paras)
    starts = line_starts(text)
    out: list[Artifact] = []
    flagged: dict[int, str] = {}  # offset of a flagged pronoun -> the organisation it stands for
    for i in targets:
        doc, base = docs[i], sents[i][0]
        prev_base = sents[i - 1][0] if i > 0 else base
        prev_root_subject = None  # the subject of the previous sentence's main verb
        for sent in docs[i - 1].sents if i > 0 else ():
            for t in sent:
                if t.dep_ in _SUBJECT_DEPS and t.head.dep_ == "ROOT":
                    prev_root_subject = t
                    break
        for tok in doc:
            if tok.lower_ not in _PERSONAL | {"who"}:
                continue
            where = _inside(quotes, base + tok.idx)
            ante_base = base
            if tok.lower_ == "who":
                ante = _mention(tok) if tok.head.dep_ == "relcl" else None
                if ante is None or ante is tok or ante.i > tok.i:
                    continue
            else:
                ante = None
                for cand in reversed(doc[: tok.i]):
                    if cand.dep_ in _SUBJECT_DEPS and _inside(quotes, base + cand.idx) == where:
                        ante = _mention(cand)
                        break
                if ante is None and where < 0 and prev_root_subject is not None:
                    if _inside(quotes, prev_base + prev_root_subject.idx) < 0:
                        ante, ante_base = _mention(prev_root_subject), prev_base
                if ante is None:
                    continue
            if ante.lower_ in _PERSONAL:
                name = flagged.get(ante_base + ante.idx)
            else:
                name = ante.text if _is_org(ante, orgs, persons) else None
            if name is None:
                continue
            off = base + tok.idx
            flagged[off] = name
            out.append(
                _evidence(
                    "pronoun_for_organisation",
                    text,
                    off,
                    off + len(tok.text),
                    starts,
                    f"'{tok.text}' refers to '{name}', an organisation",
                )
            )
    counts: dict[str, int] = defaultdict(int)
    for name in flagged.values():
        counts[name] += 1
    out = [a for a in out if counts[flagged[a.offset]] >= min_repeats]
    return sorted(out, key=lambda x: x.offset)


# --------------------------------------------------------------------------- quote drift


def _offset_or(value, default: int = -1) -> int:
    try:
        return int(value) if value == value else default
    except (TypeError, ValueError):
        return default


def quote_drift_artifacts(
    families: pd.DataFrame | None,
    *,
    article_id: str | None = None,
    text: str | None = None,
    drift_threshold: float = 0.85,
) -> list[Artifact]:
    """Quotations that other outlets render differently (fidelity below ``drift_threshold``).

    ``text`` is the row's word diff; ``offset``/``end`` are the quotation's ``start``/``end`` in the
    families table (-1 when missing), and ``context`` shows the quotation in ``text`` when given.
    """
    if families is None or len(families) == 0 or "fidelity" not in families.columns:
        return []
    rows = families
    if article_id is not None:
        rows = rows[rows["article_id"].astype(str) == str(article_id)]
    rows = rows[(rows["n_articles"] >= 2) & (rows["fidelity"].astype(float) < drift_threshold)]
    starts = line_starts(text) if text else None
    out = []
    for _, r in rows.iterrows():
        off = _offset_or(r.get("start"))
        end = _offset_or(r.get("end")) if off >= 0 else -1
        if end < off:
            end = off
        out.append(
            Artifact(
                "quote_drift",
                str(r["diff"]),
                off,
                line_number(starts, off) if starts and off >= 0 else 0,
                f"fidelity {float(r['fidelity']):.2f} to other outlets' wording",
                str(r["article_id"]),
                end,
                _context(text, off, end) if text and 0 <= off <= len(text) else "",
            )
        )
    return out


# --------------------------------------------------------------------------- all together


def translation_artifacts(
    text: str,
    *,
    paragraphs: Sequence[tuple[int, int]] | None = None,
    nlp: Language | None = None,
    families: pd.DataFrame | None = None,
    article_id: str | None = None,
    drift_threshold: float = 0.85,
    sentence_docs: Mapping[tuple[int, int], Doc] | None = None,
) -> list[Artifact]:
    """All translation-artifact evidence in one article, sorted by offset.

    Parameters
    ----------
    text:
        The article's raw text.
    paragraphs:
        ``(start, end)`` spans of the story paragraphs to examine (default: every line).
    nlp:
        A spaCy pipeline (default: :func:`framing.nlp.load_model`), used only for sentences
        holding a personal pronoun.
    families:
        The :func:`framing.quote_families.quote_families` table of the article's story, for
        ``quote_drift`` evidence (rows of ``article_id``).
    sentence_docs:
        spaCy parses of story sentences keyed by their ``(start, end)`` span, reused by
        :func:`pronoun_artifacts` instead of parsing those sentences again.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    found: list[Artifact] = []
    for rule in (punctuation_artifacts, quote_mark_artifacts, capitalisation_artifacts, near_miss_terms):
        found += rule(text, paragraphs=paragraphs)
    try:
        found += pronoun_artifacts(text, paragraphs=paragraphs, nlp=nlp, sentence_docs=sentence_docs)
    except Exception:  # a parser failure must not lose the other evidence
        pass
    if families is not None and article_id is not None:
        found += quote_drift_artifacts(
            families, article_id=article_id, text=text, drift_threshold=drift_threshold
        )
    aid = None if article_id is None else str(article_id)
    found = [Artifact(a.kind, a.text, a.offset, a.line_no, a.note, aid, a.end, a.context) for a in found]
    return sorted(found, key=lambda a: (a.offset, KINDS.index(a.kind)))


def artifact_score(artifacts: Sequence[Artifact], n_words: int) -> float:
    """Pieces of evidence per 1,000 words (NaN when the article has no words)."""
    if not n_words or n_words <= 0:
        return float("nan")
    return 1000.0 * len(artifacts) / n_words


def artifacts_table(artifacts: Iterable[Artifact]) -> pd.DataFrame:
    """The ``artifacts`` table: one row per piece of evidence."""
    cols = list(COLUMNS["artifacts"])
    rows = [asdict(a) for a in artifacts]
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    return pd.DataFrame(rows)[cols]
