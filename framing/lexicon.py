"""Loaded and hedging language: lexicon cue words found in an article's story sentences.

Ten categories of cue words are matched in the story sentences only (never page furniture): the four
epistemic-stance classes of Recasens et al. (2013) -- hedges, factive, assertive and implicative verbs --,
intensifiers (with boosters), emotionally loaded words, and cue words of a legal, violence, free-speech or
political frame. Every hit keeps the lexicon entry, the surface text and its raw-text offsets, so a reader
can see why a rate is high.

Matching rules: case-insensitive; whole words only (an entry never matches inside a longer word, and a
hyphenated word such as "law-abiding" is one word); multi-word entries match when their words are separated by
whitespace only, or written with hyphens instead ("free-speech" matches "free speech"); verb entries also match
their -s/-ed/-ing forms and noun entries their plural, produced by a small deterministic rule set plus the
irregular forms listed in the data files; within one category the longest entry wins and hits do not overlap.
A verb of the epistemic classes (hedge, factive, assertive, implicative) is skipped where the word before it
shows it is a noun ("the show", "his remarks", "Trump's claims", "on charges"); the base and -s forms of an
entry flagged ``obj`` count only before a determiner or possessive that opens the verb's object ("moderate its
platform", not "moderate Republicans" or "the moderates"); its -ed and -ing forms count as usual. An entry flagged
``not=word|word`` does not count where one of those words follows within four words or comes just before it
("moderate the presidential debate" is not content moderation).
A word can count in several categories (e.g. "mob" is loaded and a violence cue).

The lists are plain TSV files, ``framing/data/lexicon_*.tsv``, whose ``#`` headers cite the works they follow.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "CATEGORIES",
    "COLUMNS",
    "LexiconEntry",
    "LexiconHit",
    "count_words",
    "hits_table",
    "lexicon_hits",
    "lexicon_rates",
    "lexicon_terms",
    "load_entries",
    "load_lexicons",
]

CATEGORIES: tuple[str, ...] = (
    "hedge",
    "factive",
    "assertive",
    "implicative",
    "intensifier",
    "loaded",
    "frame_legal",
    "frame_violence",
    "frame_free_speech",
    "frame_political",
)

LEXICON_FILES: tuple[str, ...] = ("lexicon_epistemic.tsv", "lexicon_tone.tsv", "lexicon_frames.tsv")

# A matching token: letters/digits, hyphen-joined parts stay one token ("law-abiding").
# Apostrophes split ("Parler's" -> "Parler", "s"), so a possessive never hides a lexicon word.
# Invisible characters inside a word (soft hyphen, zero-width space/joiners, word joiner) neither
# split it nor count: "al\u00adlegedly" is the word "allegedly".
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060"
_LETTERS = rf"[^\W_]+(?:[{_INVISIBLE}]+[^\W_]+)*"
_TOKEN_RE = re.compile(rf"{_LETTERS}(?:[-\u2010\u2011]{_LETTERS})*")
# A counted word: as above, but also joined across internal apostrophes and dots ("didn't", "U.S").
_WORD_RE = re.compile(rf"{_LETTERS}(?:[-\u2010\u2011'\u2019.]{_LETTERS})*")
_DROP_INVISIBLE = str.maketrans("", "", _INVISIBLE)
# What may separate the words of a multi-word entry: whitespace, or the apostrophe that split a token.
_GAP_RE = re.compile(r"\s+|['\u2019]")
_HYPHENS = "-\u2010\u2011"

# The epistemic classes of Recasens et al. are verb classes: a verb entry of these categories does not
# count where the word is used as a noun ("the show", "his remarks", "on charges"), told by the word
# before it (no tagger is run).
VERB_CLASSES = frozenset({"hedge", "factive", "assertive", "implicative"})
# Before an -ing form only these make it a noun ("the understanding"; but "some suggesting", "those
# predicting" are verbs after a pronoun).
_ARTICLES_POSSESSIVES = frozenset("a an the his its their my our your whose".split())
# Words after which the next word is a noun: determiners, possessives, numbers and quantity words.
_NOUN_MARKERS = _ARTICLES_POSSESSIVES | frozenset(
    "this these those each every no another such any some "
    "several multiple numerous two three four five six seven eight nine ten dozens hundreds".split()
)
# ... and prepositions, after which a verb form other than the -ing gerund is a noun ("on charges").
_PREPOSITIONS = frozenset(
    "of in on for with by from about against after before during over under without despite amid "
    "among into at through".split()
)
# Words that open a verb's object ("moderate its platform"): the base and -s forms of an entry flagged
# ``obj`` count only before one, so the political adjective and noun ("moderate Republicans", "the
# moderates") do not; "lightly moderated", "moderating the posts" are verbs and count.
_OBJECT_OPENERS = (_ARTICLES_POSSESSIVES - {"whose"}) | frozenset("this that these those her all any some".split())
# "he's shown", "it's claimed": the apostrophe-s after these words is "is"/"has", not a possessive.
_CONTRACTING = frozenset("he she it that there here what who where which let".split())

_DESCRIPTIONS = {
    "hedge": "hedges (Hyland 2005): words that weaken commitment, e.g. 'apparently', 'may', 'according to'",
    "factive": "factive predicates (Kiparsky & Kiparsky 1970) that presuppose their complement is true, e.g. 'reveal', 'realize'",
    "assertive": "assertive verbs (Hooper 1975) that assert a complement without presupposing it, e.g. 'claim', 'insist'",
    "implicative": "implicative verbs (Karttunen 1971) that entail or deny their complement, e.g. 'failed to', 'declined to', 'force'",
    "intensifier": "intensifiers and boosters (Quirk et al. 1985; Hyland 2005), e.g. 'sharply', 'clearly', 'in fact'",
    "loaded": "emotionally loaded or pejorative word choices, e.g. 'slammed', 'booted', 'shunned', 'so-called'",
    "frame_legal": "legal-frame cue words (Boydstun et al. 2014 'Legality, constitutionality and jurisprudence'), e.g. 'injunction', 'lawsuit'",
    "frame_violence": "violence cue words (violent side of Boydstun et al. 2014 'Crime and punishment' / 'Security and defense'), e.g. 'riot', 'threats'",
    "frame_free_speech": "free-speech cue words (issue-specific frame), e.g. 'censorship', 'First Amendment', 'deplatform'",
    "frame_political": "political-frame cue words (Boydstun et al. 2014 'Political'), e.g. 'Republican', 'election', 'partisan'",
}

COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        **{
            f"{cat}_rate": f"Hits per 1,000 story words of {_DESCRIPTIONS[cat]}; NaN when the article has no story words."
            for cat in CATEGORIES
        },
        **{
            f"{cat}_terms": f"The {cat} lexicon entries found in the story, most frequent first, as 'term (count); ...'; empty when none."
            for cat in CATEGORIES
        },
    },
    "lexicon_hits": {
        "article_id": "Identifier of the article the hit is in.",
        "category": "Lexicon category of the hit (hedge, factive, assertive, implicative, intensifier, loaded, frame_legal, frame_violence, frame_free_speech, frame_political).",
        "term": "The lexicon entry that matched, in its base form (e.g. 'claim' for 'claimed').",
        "matched": "The text as written in the article at start:end.",
        "start": "Character offset of the hit's first character in the raw article text.",
        "end": "Character offset just after the hit's last character in the raw article text.",
        "sentence": "Index of the story sentence the hit is in (same numbering as the sentences table).",
    },
}


@dataclass(frozen=True)
class LexiconEntry:
    """One line of a lexicon file."""

    category: str
    term: str
    inflect: str = "none"  # "verb", "noun" or "none"
    extra_forms: tuple[str, ...] = ()
    lowercase_only: bool = False
    object_only: bool = False  # base and -s forms count only before an object (a determiner or possessive)
    not_near: tuple[str, ...] = ()  # words (or phrases) that, within NOT_NEAR_WINDOW words, veto a hit


@dataclass(frozen=True)
class LexiconHit:
    """One lexicon word found in a story sentence; offsets refer to the raw article text."""

    category: str
    term: str
    matched: str
    start: int
    end: int
    sentence: int


# --------------------------------------------------------------------------- loading


def _parse_lines(lines: Iterable[str], source: str) -> list[LexiconEntry]:
    entries: list[LexiconEntry] = []
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\n\r")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[0] == "category":  # column-name line
            continue
        fields += [""] * (5 - len(fields))
        category, term, inflect, extra, flags = (f.strip() for f in fields[:5])
        if category not in CATEGORIES or not term:
            raise ValueError(f"{source}:{n}: bad lexicon line {line!r}")
        if inflect not in ("verb", "noun", "none", ""):
            raise ValueError(f"{source}:{n}: unknown inflect value {inflect!r}")
        entries.append(
            LexiconEntry(
                category=category,
                term=term.lower(),
                inflect=inflect or "none",
                extra_forms=tuple(f.strip().lower() for f in extra.split(",") if f.strip()),
                lowercase_only="lc" in flags.split(","),
                object_only="obj" in flags.split(","),
                not_near=tuple(
                    w.strip().lower()
                    for f in flags.split(",") if f.strip().startswith("not=")
                    for w in f.strip()[4:].split("|") if w.strip()
                ),
            )
        )
    return entries


@lru_cache(maxsize=1)
def load_entries() -> tuple[LexiconEntry, ...]:
    """All entries of the shipped lexicon files, in file order (cached)."""
    entries: list[LexiconEntry] = []
    pkg = resources.files("framing") / "data"
    for name in LEXICON_FILES:
        text = (pkg / name).read_text(encoding="utf-8")
        entries.extend(_parse_lines(text.splitlines(), name))
    return tuple(entries)


def load_lexicons() -> dict[str, list[str]]:
    """The lexicon entries (base forms) of each category, in file order."""
    out: dict[str, list[str]] = {cat: [] for cat in CATEGORIES}
    for e in load_entries():
        out[e.category].append(e.term)
    return out


# --------------------------------------------------------------------------- inflection

_VOWELS = "aeiou"


def _double_final(word: str) -> bool:
    """One-syllable consonant-vowel-consonant words double the final consonant (stop -> stopped)."""
    if len(word) < 3 or not word.isalpha():
        return False
    c1, v, c2 = word[-3], word[-2], word[-1]
    one_syllable = len(re.findall(r"[aeiouy]+", word)) == 1
    return one_syllable and c2 not in _VOWELS + "wxy" and v in _VOWELS and c1 not in _VOWELS


def _plural(word: str) -> str:
    if re.search(r"(s|x|z|ch|sh|o)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def verb_forms(word: str) -> set[str]:
    """Regular inflections of an English verb: base, -s, -ed and -ing forms."""
    forms = {word, _plural(word)}
    if word.endswith("ie"):
        forms |= {word + "d", word[:-2] + "ying"}
    elif word.endswith(("ee", "ye", "oe")):
        forms |= {word + "d", word + "ing"}
    elif word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", word):
        forms |= {word[:-1] + "ied", word + "ing"}
    elif _double_final(word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
    return forms


def noun_forms(word: str) -> set[str]:
    """Singular and regular plural of an English noun."""
    return {word, _plural(word)}


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in _TOKEN_RE.finditer(text))


def entry_forms(entry: LexiconEntry) -> set[tuple[str, ...]]:
    """Every token sequence an entry matches (inflections, irregular forms, hyphen/space variants)."""
    phrases: set[str] = {entry.term, *entry.extra_forms}
    words = entry.term.split()
    if entry.inflect == "verb":
        phrases |= {" ".join([f, *words[1:]]) for f in verb_forms(words[0])}
    elif entry.inflect == "noun":
        phrases |= {" ".join([*words[:-1], f]) for f in noun_forms(words[-1])}
    out: set[tuple[str, ...]] = set()
    for phrase in phrases:
        toks = _tokens(phrase)
        if not toks:
            continue
        out.add(toks)
        # hyphen-joined <-> space-separated variants
        if len(toks) > 1:
            out.add(("-".join(toks),))
        split = tuple(p for t in toks for p in re.split(f"[{_HYPHENS}]", t) if p)
        if split != toks:
            out.add(split)
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[dict[tuple[str, ...], LexiconEntry], int]]:
    """Per category: {token sequence: entry} (first entry in file order wins) and the longest sequence length."""
    index: dict[str, dict[tuple[str, ...], LexiconEntry]] = {cat: {} for cat in CATEGORIES}
    for e in load_entries():
        table = index[e.category]
        for form in sorted(entry_forms(e)):
            table.setdefault(form, e)
    return {cat: (table, max((len(k) for k in table), default=0)) for cat, table in index.items()}


@lru_cache(maxsize=1)
def _first_words() -> dict[str, frozenset[str]]:
    """Per category, the words an entry can start with (most tokens start none, and are skipped)."""
    return {cat: frozenset(k[0] for k in table) for cat, (table, _) in _index().items()}


# --------------------------------------------------------------------------- matching


def _clip_spans(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(index, start, end) of each usable sentence span, clipped to the text."""
    out = []
    n = len(text)
    for i, span in enumerate(() if sentences is None else sentences):
        try:
            s, e = int(span[0]), int(span[1])
        except (TypeError, ValueError, IndexError):
            continue
        s, e = max(0, min(s, n)), max(0, min(e, n))
        if e > s:
            out.append((i, s, e))
    return out


def count_words(text: str, sentences: Sequence[tuple[int, int]] | None = None) -> int:
    """Number of words in ``text`` (or only inside the given sentence spans).

    A word is a run of letters or digits; parts joined by a hyphen, apostrophe or dot count as one word
    ("law-abiding", "didn't", "U.S."). Punctuation and dashes are not words.
    """
    if not isinstance(text, str) or not text:
        return 0
    if sentences is None:
        return sum(1 for _ in _WORD_RE.finditer(text))
    return sum(sum(1 for _ in _WORD_RE.finditer(text, s, e)) for _, s, e in _clip_spans(text, sentences))


def lexicon_hits(
    text: str,
    sentences: Sequence[tuple[int, int]],
    *,
    categories: Iterable[str] | None = None,
) -> list[LexiconHit]:
    """Find the lexicon words in the story sentences of ``text``.

    Parameters
    ----------
    text:
        The raw article text.
    sentences:
        Story sentences as ``(start, end)`` character spans into ``text``; only text inside them is searched.
        Hits carry the index of their sentence in this sequence.
    categories:
        Categories to search (default: all of :data:`CATEGORIES`).

    Returns
    -------
    list of LexiconHit, ordered by category (in :data:`CATEGORIES` order), then by position.

    Notes
    -----
    Categories follow Recasens, Danescu-Niculescu-Mizil & Jurafsky (2013), "Linguistic Models for Analyzing and
    Detecting Biased Language" (ACL) for hedges (Hyland 2005), factives (Kiparsky & Kiparsky 1970), assertives
    (Hooper 1975) and implicatives (Karttunen 1971); frame categories follow Boydstun et al. (2014)'s Policy
    Frames Codebook as used in the Media Frames Corpus (Card et al. 2015). Matching is lexical, with one syntactic
    check: a verb entry of the four epistemic (verb) classes is not counted where the word before it marks a noun
    -- a determiner, possessive, number or quantity word, or a preposition before a non-gerund form ("the show",
    "his remarks", "on charges") -- the determiner test for nouns of descriptive grammar (Quirk et al. 1985).
    """
    if isinstance(categories, str):
        categories = [categories]
    if categories is not None:
        unknown = set(categories) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown lexicon categories: {sorted(unknown)}; known: {CATEGORIES}")
    if not isinstance(text, str) or not text or sentences is None or len(sentences) == 0:
        return []
    wanted = [c for c in CATEGORIES if categories is None or c in set(categories)]
    index = _index()
    first_words = _first_words()
    hits: dict[str, list[LexiconHit]] = {c: [] for c in wanted}
    for sent_i, s, e in _clip_spans(text, sentences):
        toks = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN_RE.finditer(text, s, e)]
        if not toks:
            continue
        gap_ok = [
            _GAP_RE.fullmatch(text, toks[k][1], toks[k + 1][0]) is not None for k in range(len(toks) - 1)
        ]
        words = [re.sub(f"[{_HYPHENS}]", "-", t[2].translate(_DROP_INVISIBLE)) for t in toks]
        for cat in wanted:
            table, maxlen = index[cat]
            first = first_words[cat]
            i = 0
            while i < len(toks):
                if words[i] not in first:
                    i += 1
                    continue
                found = 0
                for n in range(min(maxlen, len(toks) - i), 0, -1):
                    if n > 1 and not all(gap_ok[i : i + n - 1]):
                        continue
                    entry = table.get(tuple(words[i : i + n]))
                    if entry is None:
                        continue
                    surface = text[toks[i][0] : toks[i + n - 1][1]]
                    if entry.lowercase_only and i > 0 and surface != surface.lower():
                        continue
                    if entry.inflect == "verb" and cat in VERB_CLASSES and _noun_position(text, toks, words, i):
                        continue
                    if (entry.object_only and words[i] in (entry.term, entry.term + "s")
                            and (i + n >= len(toks) or words[i + n] not in _OBJECT_OPENERS)):
                        continue
                    if entry.not_near and _near(words, i, i + n, entry.not_near):
                        continue
                    hits[cat].append(
                        LexiconHit(cat, entry.term, surface, toks[i][0], toks[i + n - 1][1], sent_i)
                    )
                    found = n
                    break
                i += found or 1
    return [h for c in wanted for h in hits[c]]


#: How many words after a hit (and, for a passive "a debate moderated by", before it) a ``not=`` word vetoes it.
NOT_NEAR_WINDOW = 4


def _near(words: Sequence[str], start: int, end: int, vetoes: Sequence[str]) -> bool:
    """Whether one of ``vetoes`` (a word or a space-separated phrase) occurs among the
    :data:`NOT_NEAR_WINDOW` words after ``words[start:end]`` or the two words before it
    ("moderate the first presidential debate", "a debate moderated by ...")."""
    after = " " + " ".join(words[end : end + NOT_NEAR_WINDOW]) + " "
    before = " " + " ".join(words[max(0, start - 2) : start]) + " "
    return any(f" {v} " in after or f" {v} " in before for v in vetoes)


def _noun_position(text: str, toks: Sequence[tuple[int, int, str]], words: Sequence[str], i: int) -> bool:
    """True when token ``i`` is used as a noun, judged from the word before it: a determiner,
    possessive, number, quantity word or preposition ("the show", "their claims", "Trump's remarks",
    "two charges", "on charges"); before an -ing form only an article or a possessive ("the
    understanding"; "by claiming", "some suggesting" stay verbs)."""
    if i == 0:
        return False
    prev = words[i - 1]
    gerund = words[i].endswith("ing")
    if gerund:
        if prev in _ARTICLES_POSSESSIVES:
            return True
    elif prev in _NOUN_MARKERS or prev in _PREPOSITIONS or prev.isdigit():
        return True
    if prev == "s" and i >= 2 and text[toks[i - 2][1] : toks[i - 1][0]] in ("'", "\u2019"):
        return words[i - 2] not in _CONTRACTING
    return False


# --------------------------------------------------------------------------- per-article figures


def lexicon_rates(
    hits: Iterable[LexiconHit],
    n_words: int | None,
    *,
    categories: Iterable[str] = CATEGORIES,
) -> dict[str, float]:
    """Hits per 1,000 story words for each category (``{category}_rate``); NaN when ``n_words`` is 0 or missing."""
    counts = Counter(h.category for h in hits)
    try:
        n = float(n_words) if n_words is not None else math.nan
    except (TypeError, ValueError):
        n = math.nan
    ok = not math.isnan(n) and n > 0
    return {f"{cat}_rate": (1000.0 * counts.get(cat, 0) / n if ok else math.nan) for cat in categories}


def lexicon_terms(hits: Iterable[LexiconHit], *, categories: Iterable[str] = CATEGORIES) -> dict[str, str]:
    """For each category (``{category}_terms``), the entries found as 'term (count); ...', most frequent first."""
    counts: dict[str, Counter] = {cat: Counter() for cat in categories}
    for h in hits:
        if h.category in counts:
            counts[h.category][h.term] += 1
    return {
        f"{cat}_terms": "; ".join(f"{t} ({n})" for t, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
        for cat, c in counts.items()
    }


def hits_table(hits: Iterable[LexiconHit]):
    """The ``lexicon_hits`` table (without ``article_id``; the pipeline adds it) as a DataFrame."""
    import pandas as pd

    cols = ["category", "term", "matched", "start", "end", "sentence"]
    rows = [(h.category, h.term, h.matched, h.start, h.end, h.sentence) for h in hits]
    df = pd.DataFrame(rows, columns=cols)
    return df.astype({"start": "int64", "end": "int64", "sentence": "int64"})
