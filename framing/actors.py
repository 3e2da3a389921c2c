"""Actors of a story: who is named, how each outlet labels them, and the tone around them.

A story's *actors* are the people and organisations spaCy's named-entity recogniser finds in the
story sentences (``PERSON`` and ``ORG``), with their aliases merged across all outlets covering the
story ("Amazon Web Services" = "AWS" = "Amazon"; "Barbara Jacobs Rothstein" = "Barbara Rothstein" =
"Rothstein"), plus the definite descriptions ("the judge") and pronouns ("she", "it") that can be
resolved to them simply. Three tables come out:

- ``actor_mentions``: every resolved mention, with raw-text offsets;
- ``actor_tone``: per article and main actor, mention count and mean VADER tone of the sentences
  that mention the actor;
- ``actor_labels``: the descriptors each outlet attaches to a main actor (titles, pre-modifiers,
  appositives, relative clauses, copular predicates, definite descriptions).

Only story sentences are read: callers pass :class:`StoryText` objects whose ``sentences`` are
``(start, end)`` spans into the raw text (never page furniture). Every offset in the output refers
to the raw text.

Notes
-----
Alias merging uses string rules of the kind surveyed by Ratinov and Roth (2009), "Design
Challenges and Misconceptions in Named Entity Recognition" (CoNLL) and the name-matching sieve of
Lee et al. (2013), "Deterministic coreference resolution based on entity-centric, precision-ranked
rules" (Computational Linguistics 39:4): exact match after stripping honorifics, possessives and
corporate suffixes; acronym of a longer name; a person's surname (or the first word of a name, for
family-name-first names) inside a longer person name; an organisation name that is the first word(s)
of a longer organisation name. Pronouns and general nouns ("the company") are resolved to the
nearest compatible actor in the same or previous sentence (a person pronoun agreeing with a given
name that marks a gender, ``data/given_names.tsv``), preferring grammatical subjects, after
the salience ranking of centering theory (Grosz, Joshi and Weinstein 1995, "Centering: A Framework
for Modeling the Local Coherence of Discourse", Computational Linguistics 21:2). A definite
description whose head noun occurs in an actor's title or appositive ("U.S. District Judge ..." ->
"the judge"; "Sen. ..." -> "the senator") is resolved to the most recently mentioned such actor; the
two must agree on rank words ("the vice president" is not "President ..."), and an actor whose title
also holds the description's compound nouns ("the U.S. attorney") is preferred. Tone is the VADER compound score
(Hutto and Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social
Media Text", ICWSM).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence

import pandas as pd

__all__ = [
    "StoryText",
    "ActorMention",
    "ActorLabel",
    "Actor",
    "StoryActors",
    "find_actors",
    "actor_mentions",
    "actor_tone",
    "actor_labels",
    "labels_by_outlet",
    "speaker_actors",
    "sentence_tone",
    "given_name_gender",
    "courtesy_gender",
    "courtesy_titles",
    "word_gender",
    "is_expletive",
    "forget_parses",
    "sentence_parses",
    "COLUMNS",
]

COLUMNS: dict[str, dict[str, str]] = {
    "actor_mentions": {
        "story_id": "Identifier of the story the article covers.",
        "article_id": "Identifier of the article.",
        "outlet": "News outlet that published the article.",
        "actor": "Canonical name of the actor (the longest full name any outlet uses for it).",
        "mention": "The words of the mention as they appear in the article.",
        "kind": "How the actor is mentioned: name, description (a definite noun phrase such as 'the judge') or pronoun.",
        "start": "Character offset where the mention starts in the raw article text.",
        "end": "Character offset just after the mention in the raw article text.",
        "sentence_index": "Position of the story sentence holding the mention (0 = first story sentence).",
        "is_main": "True when the actor is named in at least two outlets covering the story.",
    },
    "actor_tone": {
        "story_id": "Identifier of the story the article covers.",
        "article_id": "Identifier of the article.",
        "outlet": "News outlet that published the article.",
        "actor": "Canonical name of a main actor of the story.",
        "n_mentions": "Number of times the article mentions the actor (by name, description or pronoun; a pronoun agrees with a given name that marks a gender); 0 when it does not.",
        "n_sentences": "Number of story sentences that mention the actor.",
        "tone_mean": "Mean VADER compound tone (-1 negative to +1 positive) of the sentences mentioning the actor; empty when there are none.",
    },
    "actor_labels": {
        "story_id": "Identifier of the story the article covers.",
        "actor": "Canonical name of the actor the label describes.",
        "outlet": "News outlet that published the article.",
        "article_id": "Identifier of the article.",
        "label": "The descriptor the outlet attaches to the actor, as written (e.g. 'a Carter appointee').",
        "kind": "Grammatical form of the descriptor: title, premodifier, appositive, relative_clause, predicate or description.",
        "start": "Character offset where the descriptor starts in the raw article text.",
        "end": "Character offset just after the descriptor in the raw article text.",
    },
    "quotes": {
        "speaker_actor": "The story's actor the speaker is, by the cross-outlet actor resolution (its longest full name: 'Barbara Jacobs Rothstein' for a speaker resolved to 'Barbara Rothstein' or 'Rothstein'); empty for anonymous speakers and for names that fit none, or more than one, of the story's actors.",
    },
}

DATA_DIR = Path(__file__).resolve().parent / "data"
ENTITY_LABELS: tuple[str, ...] = ("PERSON", "ORG")
_PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_ORG_PRONOUNS = frozenset({"it", "its", "itself"})
# the gender a person pronoun or "the man"/"the woman" asks of its antecedent (:func:`word_gender`)
_WORD_GENDER = {**dict.fromkeys(("he", "him", "his", "himself", "man"), "male"),
                **dict.fromkeys(("she", "her", "hers", "herself", "woman"), "female")}
_OTHER = {"male": "female", "female": "male"}
_DEFINITE = frozenset({"the", "this", "that"})
_RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "that"})
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&", "de", "on", "in"})
_PREMOD_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod", "advmod", "punct", "quantmod"})
_HYPHENS = frozenset({"-", "‐", "–"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
_NUMBER_ENTITIES = frozenset({"ORDINAL", "CARDINAL", "DATE"})
_AMOUNT_ENTITIES = frozenset({"PERCENT", "MONEY", "QUANTITY"})
_APPOS_OPENERS = frozenset({",", "(", "—", "–", "-", "--"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})


# ---------------------------------------------------------------------------------------------
# inputs and results


@dataclass(frozen=True)
class StoryText:
    """One article's story text: raw ``text`` and its story ``sentences`` as raw-text spans.

    ``story_id`` groups the articles of one story (all articles given together form one story
    when it is empty). Spans outside the text or empty are dropped.
    """

    article_id: str
    outlet: str
    text: str
    sentences: tuple[tuple[int, int], ...] = ()
    story_id: str = ""

    def __post_init__(self) -> None:
        text = self.text if isinstance(self.text, str) else ("" if self.text is None else str(self.text))
        n = len(text)
        spans = []
        for span in self.sentences or ():
            try:
                a, b = int(span[0]), int(span[1])
            except (TypeError, ValueError, IndexError):
                continue
            a, b = max(0, a), min(n, b)
            if a < b:
                spans.append((a, b))
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "sentences", tuple(spans))
        object.__setattr__(self, "article_id", str(self.article_id))
        object.__setattr__(self, "outlet", str(self.outlet))
        object.__setattr__(self, "story_id", "" if self.story_id is None else str(self.story_id))

    @classmethod
    def from_document(cls, document) -> "StoryText":
        """Build from any object with ``article_id``, ``outlet``, ``text`` and ``sentence_spans``
        (e.g. the pipeline's prepared document); ``story_id`` is read from it or its ``article``."""
        story_id = getattr(document, "story_id", None)
        if story_id is None:
            story_id = getattr(getattr(document, "article", None), "story_id", "")
        return cls(document.article_id, document.outlet, document.text,
                   tuple(getattr(document, "sentence_spans", ()) or ()), story_id or "")

    @property
    def story_text(self) -> str:
        """The story sentences joined by newlines (for bag-of-words comparisons)."""
        return "\n".join(self.text[a:b] for a, b in self.sentences)


class ActorMention(NamedTuple):
    """One mention of an actor in an article."""

    story_id: str
    article_id: str
    outlet: str
    actor: str
    mention: str
    kind: str  # name | description | pronoun
    start: int
    end: int
    sentence_index: int
    is_main: bool


class ActorLabel(NamedTuple):
    """A descriptor an outlet attaches to an actor."""

    story_id: str
    actor: str
    outlet: str
    article_id: str
    label: str
    kind: str  # title | premodifier | appositive | relative_clause | predicate | description
    start: int
    end: int


@dataclass
class Actor:
    """An actor of a story: canonical name, aliases, entity type and the outlets naming it."""

    name: str
    aliases: tuple[str, ...]
    entity_type: str  # PERSON | ORG
    outlets: tuple[str, ...]
    n_named: int
    is_main: bool


@dataclass
class StoryActors:
    """Everything :func:`find_actors` found in one story."""

    story_id: str
    actors: list[Actor] = field(default_factory=list)
    mentions: list[ActorMention] = field(default_factory=list)
    labels: list[ActorLabel] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# word lists


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    text = (DATA_DIR / "actor_words.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word = (line.split("\t") + [""])[:2]  # (a third column is read by _word_pairs)
        out[kind.strip()].add(word.strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _word_pairs(kind: str) -> dict[str, str]:
    """The ``kind<TAB>word<TAB>word`` rows of ``actor_words.tsv`` as a mapping."""
    out = {}
    for line in (DATA_DIR / "actor_words.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0] == kind:
            out[parts[1].strip().lower()] = parts[2].strip().lower()
    return out


def _title_abbreviations() -> dict[str, str]:
    """Abbreviated title -> the word a description uses for it ("sen" -> "senator")."""
    return _word_pairs("title_abbreviation")


def party_member_words() -> frozenset[str]:
    """A party's names for one of its members, the words its party-state tag letters spell out
    ("R-Ariz.": "republican"; "the Arizona Republican")."""
    return frozenset(_word_pairs("party_letter").values())


def party_state_words(party: str, state: str) -> tuple[str, ...]:
    """The words a lawmaker's party-state tag stands for ("R", "Ariz." -> ("republican", "arizona");
    "D", "N.Y." -> ("democrat", "new", "york")); () when either part is not a listed abbreviation."""
    full_party = _word_pairs("party_letter").get(party.lower())
    full_state = _word_pairs("state_abbreviation").get(state.lower().rstrip("."))
    if full_party is None or full_state is None:
        return ()
    return (full_party, *full_state.split())


_PARTY_OF_STATE = re.compile(r"\s*,\s*(?:a\s+)?([A-Z][a-z]+)\s+(?:of|from)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")
_PARTY_STATE_TAG = re.compile(r"\s*[,(]\s*([RDI])\s?[-–]\s?([A-Z][A-Za-z]*\.?)([A-Z][A-Za-z]*\.?)?")


def party_state_tag(after: str) -> tuple[str, ...]:
    """The words of a lawmaker's party-state tag at the start of ``after``, the text right after
    the name (", R-Ariz.," or " (D-N.Y.)" -> "republican", "arizona" / "democrat", "new", "york";
    ", Democrat of California" -> "democrat", "california"); () when there is none."""
    m = _PARTY_STATE_TAG.match(after)
    if m is None:
        m = _PARTY_OF_STATE.match(after)  # ", Democrat of California," (read here also where no parse is)
        if m is None or m.group(1).lower() not in party_member_words():
            return ()
        return (m.group(1).lower(), *m.group(2).lower().split())
    return party_state_words(m.group(1), m.group(2) + (m.group(3) or "")) or party_state_words(m.group(1), m.group(2))


def office_words(word: str) -> tuple[str, ...]:
    """``word`` and the office word a title uses for the same office ("congressman" -> "representative")."""
    other = _word_pairs("office_synonym").get(word)
    return (word, other) if other else (word,)


def spelled_out(word: str) -> str:
    """An abbreviated title spelled out as a description would say it ("sen." -> "senator"), else ``word``."""
    return _title_abbreviations().get(word.lower().rstrip("."), word)


def _role_word(tok) -> str:
    """A label word as a description would say it: lower case, abbreviated titles spelled out."""
    return spelled_out(tok.lower_)


def rank_modifiers() -> frozenset[str]:
    """Words that make a different office of the same noun ("vice", "deputy"; ``actor_words.tsv``)."""
    return _word_lists().get("rank_modifier", frozenset())


def same_rank(a: Iterable[str], b: Iterable[str]) -> bool:
    """Do two sets of words name the same rank of an office? "vice president" and "president" do
    not; "the president" and "President Obama" do."""
    rank = rank_modifiers()
    return rank.intersection(a) == rank.intersection(b)


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """{given name: "female" / "male"} from ``data/given_names.tsv`` (see its header)."""
    out = {}
    for line in (DATA_DIR / "given_names.tsv").read_text(encoding="utf-8").splitlines():
        name, _, gender = line.partition("\t")
        if line.startswith("#") or not gender or (name, gender) == ("name", "gender"):
            continue
        out[name.strip().lower()] = gender.strip()
    return out


def courtesy_titles() -> frozenset[str]:
    """Titles of courtesy ("mr", "mrs", "dr", ...; ``actor_words.tsv`` kind honorific), which say
    nothing of office."""
    return _word_lists().get("honorific", frozenset())


def courtesy_gender(toks) -> str | None:
    """The gender the courtesy titles among the tokens ``toks`` mark, each right before a
    capitalised word ("Mr. Clinton" -> "male", "Ms. Rice" -> "female"; the third column of the
    honorific rows of ``actor_words.tsv``; "Dr." marks none); None without one, or when they disagree."""
    marks = {_word_pairs("honorific").get(t.lower_.rstrip(".")) for t in toks
             if t.i + 1 < len(t.doc) and t.doc[t.i + 1].text[:1].isupper()} - {None}
    return marks.pop() if len(marks) == 1 else None


def word_gender(word: str) -> str | None:
    """The gender a third-person pronoun or "man"/"woman" asks of the person it refers to
    ("she" -> "female"); None for any other word."""
    return _WORD_GENDER.get(word.lower())


def given_name_gender(full_name: str) -> str | None:
    """"female" or "male" when the first word of a person's full name is a given name listed as
    marking that gender ("Meredith Vieira" -> "female"); None for a single word (a lone surname
    such as "Warren" is no given name), for names given to both genders and for unlisted names."""
    words = full_name.split()
    if len(words) < 2:
        return None
    return _given_names().get(words[0].lower().rstrip(".,"))


# ---------------------------------------------------------------------------------------------
# parsing and tone (cached per process)


MAX_SENTENCE_CHARS = 20_000  # a longer "sentence" is mis-segmented text; only its start is parsed


@lru_cache(maxsize=1024)
def _parse(text: str, sentences: tuple[tuple[int, int], ...]) -> tuple:
    """spaCy parses of each story sentence (same order as ``sentences``; each cut at MAX_SENTENCE_CHARS)."""
    if not sentences:
        return ()
    from framing.nlp import load_model

    nlp = load_model()
    limit = max(1, min(nlp.max_length - 1, MAX_SENTENCE_CHARS))
    return tuple(nlp.pipe(text[a:b][:limit] for a, b in sentences))


@lru_cache(maxsize=65536)
def sentence_tone(sentence: str) -> float:
    """VADER compound score of one sentence (-1 to +1); NaN for a blank sentence.

    The same scorer as the sentence table (:func:`framing.tone.polarity`), so an actor's tone is
    the mean of the very scores shown for its sentences.
    """
    from framing.tone import polarity

    return float(polarity(sentence)["compound"])


# ---------------------------------------------------------------------------------------------
# names


class _Name(NamedTuple):
    display: str  # name as written, minus determiner/possessive/honorific/suffix
    key: tuple[str, ...]  # lower-cased words used for matching
    had_suffix: bool
    is_acronym: bool


def _normalise_name(words: Sequence[str]) -> _Name | None:
    """Strip honorifics, corporate suffixes, possessives and '.com' from a name's words."""
    lists = _word_lists()
    honorific, suffix = lists.get("honorific", frozenset()), lists.get("corporate_suffix", frozenset())
    ws = [w.strip("[]") for w in words]  # editorial brackets: "[President Barack] Obama"
    ws = [w for w in ws if w.strip()]
    while ws and ws[0].lower() in ("the",):
        ws = ws[1:]
    while ws and ws[0].lower().rstrip(".") in honorific and len(ws) > 1:
        ws = ws[1:]
    if ws:
        ws[-1] = re.sub(r"(['’]s?|['’])$", "", ws[-1])
    had_suffix = False
    while len(ws) > 1 and ws[-1].lower().rstrip(".,") in suffix:
        ws = ws[:-1]
        had_suffix = True
    ws = [w.rstrip(",") for w in ws]
    if ws and ws[-1].lower().endswith(".com") and len(ws[-1]) > 4:
        ws[-1] = ws[-1][:-4]
        had_suffix = True
    ws = [w for w in ws if w]
    key = tuple(k for k in (w.lower().replace(".", "") for w in ws) if k)
    if not key or not any(ch.isalpha() for ch in "".join(key)):
        return None
    letters = "".join(ws).replace(".", "").replace("&", "")
    is_acronym = len(ws) == 1 and 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
    return _Name(" ".join(ws), key, had_suffix, is_acronym)


def _initials(key: tuple[str, ...]) -> set[str]:
    full = "".join(w[0] for w in key)
    skipped = "".join(w[0] for w in key if w not in _ACRONYM_SKIP)
    return {full, skipped}


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


#: Generational suffixes after a surname ("Eric H. Holder Jr.", "Robert S. Mueller III").
GENERATIONAL_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _match_quality(short: _Name, long: _Name, long_type: str, *, together: bool = False) -> int:
    """How well ``short`` matches the longer alias ``long`` (0 = not at all).

    A person's generational suffix is no surname: "Holder" and "Eric Holder" match "Eric H. Holder
    Jr." (one outlet writes the suffix and the middle initial, another drops them), though less
    well than a name without one, so that "Trump" stays with "Donald Trump" beside "Donald Trump
    Jr."; a full name that differs from the suffixed one by the suffix alone ("Donald Trump") is
    another person, the father, and so is any full name one article (``together``) names beside it."""
    if len(short.key) >= len(long.key) and not short.is_acronym:
        return 0
    if short.is_acronym and len(long.key) >= 2 and short.key[0] in _initials(long.key):
        return 3
    if long_type == "PERSON" and _is_subsequence(short.key, long.key):
        if short.key[-1] == long.key[-1]:
            return 3
        if len(short.key) == 1 and short.key[0] == long.key[0]:
            return 1
    if (long_type == "PERSON" and len(long.key) > 2 and long.key[-1] in GENERATIONAL_SUFFIXES
            and short.key[-1] == long.key[-2] and _is_subsequence(short.key, long.key[:-1])
            and not (len(short.key) > 1 and (together or short.key == long.key[:-1]))):
        return 2
    if long_type == "ORG" and long.key[: len(short.key)] == short.key:
        return 2
    return 0


# ---------------------------------------------------------------------------------------------
# per-article extraction


class _RawName(NamedTuple):
    doc_i: int
    sent_i: int
    tok_start: int  # token indices within the sentence parse
    tok_end: int
    start: int  # raw-text offsets
    end: int
    name: _Name
    ent_label: str


def _entity_name_tokens(ent) -> tuple[int, int] | None:
    """Token range of an entity without a leading determiner and trailing possessive/punct."""
    a, b = ent.start, ent.end
    doc = ent.doc
    while a < b and (doc[a].lower_ in ("the",) or doc[a].is_punct or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].lower_ in _POSSESSIVE or doc[b - 1].dep_ == "case" or doc[b - 1].is_punct
                     or doc[b - 1].is_space):
        b -= 1
    return (a, b) if a < b else None


def _raw_names(doc_i: int, story: StoryText, parses: Sequence, entity_labels: Sequence[str]) -> list[_RawName]:
    out = []
    for s_i, ((off, _), sd) in enumerate(zip(story.sentences, parses)):
        for ent in sd.ents:
            if ent.label_ not in entity_labels:
                continue
            rng = _entity_name_tokens(ent)
            if rng is None:
                continue
            a, b = rng
            name = _normalise_name(sd[a:b].text.split())
            if name is None or name.display.islower():  # "conservation & healthy herds": not a name
                continue
            out.append(_RawName(doc_i, s_i, a, b, off + sd[a].idx, off + sd[b - 1].idx + len(sd[b - 1]), name,
                                ent.label_))
    return out


def _alias_names(doc_i: int, story: StoryText, parses: Sequence, aliases: Iterable[str],
                 taken: set[tuple[int, int, int]], entity_labels: Sequence[str]) -> list[_RawName]:
    """Occurrences of already-known aliases that the entity recogniser missed (exact, case-sensitive)."""
    pattern = "|".join(re.escape(a) for a in sorted(set(aliases), key=lambda a: (-len(a), a)))
    if not pattern:
        return []
    rx = re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])")
    out = []
    for s_i, ((off, _), sd) in enumerate(zip(story.sentences, parses)):
        for m in rx.finditer(sd.text):
            span = sd.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or any((doc_i, s_i, t.i) in taken or t.ent_type_ in entity_labels for t in span):
                continue
            # part of a longer proper name ("District Court", "US Capitol"): not this actor
            if any(0 <= j < len(sd) and sd[j].pos_ == "PROPN" and sd[j].is_alpha for j in (span.start - 1, span.end)):
                continue
            name = _normalise_name(m.group(0).split())
            if name is None:
                continue
            out.append(_RawName(doc_i, s_i, span.start, span.end, off + sd[span.start].idx,
                                off + sd[span.end - 1].idx + len(sd[span.end - 1]), name, ""))
    return out


def _clip(sd, a: int, b: int) -> tuple[int, int] | None:
    """Trim punctuation/space tokens from both ends of token range [a, b)."""
    while a < b and (sd[a].is_punct or sd[a].is_space):
        a += 1
    while b > a and (sd[b - 1].is_punct or sd[b - 1].is_space):
        b -= 1
    return (a, b) if a < b else None


def _names_only(sd, a: int, b: int, entity_labels: Sequence[str] | None) -> bool:
    """True when every content token of [a, b) belongs to a PERSON/ORG entity (an alias, not a label)."""
    content = [t for t in sd[a:b] if not (t.is_punct or t.is_space or t.pos_ in ("DET", "PART", "CCONJ"))]
    if entity_labels is None:  # any entity type
        return bool(content) and all(t.ent_type_ for t in content)
    return bool(content) and all(t.ent_type_ in entity_labels for t in content)


def _in_full_person_name(t) -> bool:
    """True when ``t`` belongs to a PERSON entity of two or more tokens."""
    if t.ent_type_ != "PERSON":
        return False
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return t.ent_iob_ == "I" or (nxt is not None and nxt.ent_iob_ == "I")


def _premodifier(sd, ent_start: int, ent_end: int) -> tuple[int, int, int] | None:
    """Words before a name that modify it inside its noun phrase: (start, end, head token index).

    The subtrees of the name's left modifiers (compound, amod, nmod ...) that run up to the name
    ("U.S. District Judge", "Secretary of State", "former US President"), without a leading
    determiner; none when they hold another person's full name.
    """
    root = sd[ent_start:ent_end].root
    mods = [c for c in root.lefts if c.i < ent_start and c.dep_ in _PREMOD_DEPS and c.dep_ != "punct"]
    if not mods:
        return None
    head = max(mods, key=lambda c: c.i)
    if any(not (sd[k].is_space or sd[k].text in _HYPHENS) for k in range(head.right_edge.i + 1, ent_start)):
        return None  # not contiguous with the name
    start = min(c.left_edge.i for c in mods)
    if any(_in_full_person_name(sd[k]) for k in range(start, ent_start)):
        return None  # another person's full name inside: a misparse, or a label of that person
    while start < ent_start and (sd[start].pos_ in ("DET", "CCONJ", "ADP") or sd[start].lower_ in _POSSESSIVE):
        start += 1
    rng = _clip(sd, start, ent_start)
    if rng is None or not (rng[0] <= head.i < rng[1]):
        return None
    return rng[0], rng[1], head.i


def _subtree_range(tok, exclude_deps: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Token range of ``tok``'s subtree, cut before the first child whose dep is excluded."""
    a, b = tok.left_edge.i, tok.right_edge.i + 1
    for child in tok.rights:
        if child.dep_ in exclude_deps or child.dep_ in ("punct",) and child.text in (",", ";", ":", "(", ")"):
            b = min(b, child.left_edge.i)
            break
    return a, b


def _balanced(text: str) -> bool:
    """No unmatched bracket in ``text`` (a sign that a parse ran across a parenthesis)."""
    return text.count("(") == text.count(")") and text.count("[") == text.count("]")


class _LabelSpan(NamedTuple):
    kind: str
    start: int  # token indices in the sentence parse
    end: int
    head: int
    gives_role: bool  # may its head noun name the actor later ("the judge")?


def _is_title(head) -> bool:
    """A capitalised head noun ("Judge", "CEO") marks a title rather than a description."""
    return head.pos_ == "PROPN" or head.text.isupper() or (head.text[:1].isupper() and head.i > 0)


def _premodifier_label(sd, a: int, b: int) -> _LabelSpan | None:
    pre = _premodifier(sd, a, b)
    if pre is None or _names_only(sd, pre[0], pre[1], None):
        return None
    lists = _word_lists()
    honorific, empty = lists.get("honorific", frozenset()), lists.get("not_a_label", frozenset())
    words = [t for t in sd[pre[0]:pre[1]] if not t.is_punct]
    if all(t.lower_.rstrip(".") in honorific for t in words):
        return None  # "Mr." is a form of address, not a descriptor
    if all(t.lower_ in empty or t.ent_type_ in _NUMBER_ENTITIES or t.text[:1].isdigit() for t in words):
        return None  # "his own Justice Department", "the 116th Congress"
    head, name = sd[pre[2]], sd[a:b].root
    before = sd[pre[0] - 1] if pre[0] > 0 else None
    if head.pos_ == "VERB" and (before is None or before.tag_ not in ("DT", "PRP$", "IN", "POS")):
        return None  # "Trump celebrated Strzok's firing", "shows Obama leading Romney": a clause, not a label
    if head.tag_ == "NNS" and not any(c.dep_ == "conj" for c in name.children):
        return None  # "texts Strzok sent"
    if head.lower_.endswith("ing") and head.tag_ in ("NN", "VBG") and any(t.pos_ == "PROPN" for t in sd[pre[0]:head.i]):
        return None  # "a poll showed Romney edging Obama": a name and a participle, a clause
    return _LabelSpan("title" if _is_title(sd[pre[2]]) else "premodifier", pre[0], pre[1], pre[2], True)


def _following_labels(sd, root, b: int, entity_labels: Sequence[str]) -> list[_LabelSpan]:
    """Appositives ("Rothstein, a Carter appointee,") and relative clauses ("Parler, which ...")."""
    out = []
    for child in root.rights:
        if child.i < b:
            continue
        if child.dep_ == "appos" and child.pos_ != "PROPN" and b < len(sd) and sd[b].text in _APPOS_OPENERS \
                and child.ent_type_ not in _AMOUNT_ENTITIES:  # "Obama, 46 percent to 45 percent": a score
            rng = _clip(sd, *_subtree_range(child, frozenset({"relcl", "acl"})))
            if (rng and not _names_only(sd, *rng, entity_labels) and _balanced(sd[rng[0]:rng[1]].text)
                    and any(t.is_alpha for t in sd[rng[0]:rng[1]])):  # "Mr. Christie, 52," gives an age
                out.append(_LabelSpan("appositive", rng[0], rng[1], child.i, True))
        elif child.dep_ == "relcl":
            # a name takes a non-restrictive relative ("Parler, which ..."); "Parler that ..." is
            # nearly always a cleft sentence ("it was Parler that violated ...") or a misparse
            rng = _clip(sd, child.left_edge.i, child.right_edge.i + 1)
            if rng and sd[rng[0]].lower_ in _RELATIVE_WORDS and sd[rng[0]].lower_ != "that":
                out.append(_LabelSpan("relative_clause", rng[0], rng[1], child.i, False))
    return out


#: Verbs that take an object and a bare infinitive ("have the court order X", "let the judge
#: rule", "saw police arrest X"): after them, with a clause still to follow, "the court order
#: Amazon ... to continue" is object + verb + object, not a label and a name.
_BARE_INFINITIVE_VERBS = frozenset({"have", "let", "make", "help", "see", "watch", "hear"})


def _preceding_noun_label(sd, root, a: int, entity_labels: Sequence[str]) -> _LabelSpan | None:
    """The name as appositive of a noun before it: "the director of X, Suh Hoon", "its rival Twitter"."""
    head = root.head
    if root.dep_ != "appos" or not (head.i < a) or head.pos_ != "NOUN":
        return None
    rng = _clip(sd, head.left_edge.i, a)
    if rng is None or _names_only(sd, *rng, entity_labels):
        return None
    if a > 0 and sd[a - 1].text == ",":
        return _LabelSpan("appositive", rng[0], rng[1], head.i, True)
    if head.i == a - 1:  # no comma: reads as a pre-modifier; parses of this shape are less reliable
        verb = head.head
        if head.dep_ == "dobj" and verb.lemma_ in _BARE_INFINITIVE_VERBS and any(
                c.dep_ in ("xcomp", "advcl", "ccomp") and c.i > root.i for c in verb.children):
            return None  # "have the court order Amazon to continue": "order" is the verb of a bare infinitive
        s = rng[0]
        while s < rng[1] and sd[s].pos_ == "DET":
            s += 1
        if s < rng[1]:
            return _LabelSpan("title" if _is_title(head) else "premodifier", s, rng[1], head.i, False)
    return None


def _predicate_labels(sd, root, entity_labels: Sequence[str]) -> list[_LabelSpan]:
    """Copular predicates: "Parler is a social network"."""
    out = []
    paired = any(c.dep_ == "conj" for c in root.children)
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ == "be":
        for child in root.head.rights:
            if paired and any(c.dep_ == "nummod" for c in child.children):
                continue  # "Gingrich and Santorum were the only two Republicans ...": the pair's label
            if child.dep_ == "attr" and child.pos_ in ("NOUN", "PROPN"):
                rng = _clip(sd, *_subtree_range(child, frozenset({"relcl", "acl"})))
                if rng and not _names_only(sd, *rng, entity_labels):
                    out.append(_LabelSpan("predicate", rng[0], rng[1], child.i, True))
    return out


def _labels_of_name(sd, a: int, b: int, entity_labels: Sequence[str]) -> list[_LabelSpan]:
    """Descriptors attached to the name at tokens [a, b) of a parsed sentence."""
    root = sd[a:b].root
    out = [lb for lb in (_premodifier_label(sd, a, b), _preceding_noun_label(sd, root, a, entity_labels))
           if lb is not None]
    return out + _following_labels(sd, root, b, entity_labels) + _predicate_labels(sd, root, entity_labels)


# ---------------------------------------------------------------------------------------------
# clustering names across a story


@dataclass
class _NameInfo:
    """Every occurrence of one name key in a story."""

    name: _Name
    count: int = 0
    ent_labels: Counter = field(default_factory=Counter)
    had_suffix: bool = False
    displays: Counter = field(default_factory=Counter)
    docs: set[int] = field(default_factory=set)  # the articles it occurs in

    @property
    def display(self) -> str:
        return max(self.displays.items(), key=lambda kv: (kv[1], kv[0]))[0]

    @property
    def entity_type(self) -> str:
        if self.had_suffix or self.name.is_acronym:
            return "ORG"
        return "PERSON" if self.ent_labels["PERSON"] > self.ent_labels["ORG"] else "ORG"


@dataclass
class _Cluster:
    """Name keys merged into one actor."""

    keys: list[tuple[str, ...]]
    count: int = 0
    entity_type: str = "ORG"
    name: str = ""
    aliases: tuple[str, ...] = ()
    gender: str | None = None  # "female" / "male" when its full names' given names agree on one


def _name_infos(raw: list[_RawName]) -> dict[tuple[str, ...], _NameInfo]:
    infos: dict[tuple[str, ...], _NameInfo] = {}
    for r in raw:
        info = infos.setdefault(r.name.key, _NameInfo(r.name))
        info.count += 1
        if r.ent_label:
            info.ent_labels[r.ent_label] += 1
        info.had_suffix |= r.name.had_suffix
        info.displays[r.name.display] += 1
        info.docs.add(r.doc_i)
    return infos


def _cluster_names(raw: list[_RawName]) -> tuple[dict[tuple[str, ...], int], list[_Cluster]]:
    """Merge name keys into actors, longest names first; returns key -> cluster index, clusters.

    A shorter name joins the cluster it matches best (acronym, surname or leading words; see
    :func:`_match_quality`), ties going to the cluster mentioned most often.
    """
    infos = _name_infos(raw)
    clusters: list[_Cluster] = []
    key_to_cluster: dict[tuple[str, ...], int] = {}
    for key in sorted(infos, key=lambda k: (-len(k), -len(" ".join(k)), k)):
        info = infos[key]
        best, best_score = None, (0, 0)
        for ci, cl in enumerate(clusters):
            q = max(_match_quality(info.name, infos[k].name, infos[k].entity_type,
                                   together=bool(info.docs & infos[k].docs)) for k in cl.keys)
            if q and (q, cl.count) > best_score:
                best, best_score = ci, (q, cl.count)
        if best is None:
            clusters.append(_Cluster([]))
            best = len(clusters) - 1
        clusters[best].keys.append(key)
        clusters[best].count += info.count
        key_to_cluster[key] = best
    for cl in clusters:
        members = [infos[k] for k in cl.keys]
        labels = sum((i.ent_labels for i in members), Counter())
        org_evidence = any(i.had_suffix or i.name.is_acronym for i in members)
        person_evidence = any(_full_personal_name(k, cl.keys) for k in cl.keys)
        cl.entity_type = "ORG" if org_evidence or (labels["ORG"] >= labels["PERSON"] and not person_evidence) else "PERSON"
        canon = max(members, key=lambda i: (len(i.name.key), len(i.display), i.count, i.display))
        cl.name = canon.display
        cl.aliases = tuple(sorted({i.display for i in members}))
        genders = {given_name_gender(" ".join(k)) for k in cl.keys} - {None}
        cl.gender = genders.pop() if len(genders) == 1 and cl.entity_type == "PERSON" else None
    return key_to_cluster, clusters


def _surname(key: tuple[str, ...]) -> str:
    """The surname of a person's name key: its last word, or the one before a generational suffix."""
    return key[-2] if len(key) > 2 and key[-1] in GENERATIONAL_SUFFIXES else key[-1]


def _full_personal_name(key: tuple[str, ...], keys: list[tuple[str, ...]]) -> bool:
    """A name of the form given name + surname whose surname alone names the same actor ("Donald
    Trump" ... "Trump"), the given name being one ``given_names.tsv`` lists: a person, however often
    the recogniser took the name for an organisation."""
    return (len(key) >= 2 and (_surname(key),) in keys and given_name_gender(" ".join(key)) is not None
            and not any(w.endswith(("'s", "’s")) for w in key))


# ---------------------------------------------------------------------------------------------
# resolution of descriptions and pronouns


class _Hist(NamedTuple):
    sent_i: int
    tok_i: int
    cluster: int
    is_subject: bool


def _pick_recent(history: list[_Hist], allowed: set[int], sent_i: int, *, window: int | None) -> int | None:
    """Salience choice among earlier mentions of ``allowed`` clusters (same sentence, then the one before)."""
    same = [h for h in history if h.sent_i == sent_i and h.cluster in allowed]
    if same:
        subj = [h for h in same if h.is_subject]
        return (subj or same)[-1].cluster
    if window is None:
        earlier = [h for h in history if h.cluster in allowed]
        return earlier[-1].cluster if earlier else None
    prev = [h for h in history if sent_i - window <= h.sent_i < sent_i and h.cluster in allowed]
    if prev:
        last_sent = max(h.sent_i for h in prev)
        prev = [h for h in prev if h.sent_i == last_sent]
        subj = [h for h in prev if h.is_subject]
        return subj[0].cluster if subj else prev[-1].cluster
    return None


def is_expletive(tok) -> bool:
    """A non-referring "it": tagged expletive, or extraposed ("it is unclear whether ...", "it is likely
    that ...", "it was hard to talk about anything else")."""
    if tok.dep_ == "expl":
        return True
    if tok.lower_ != "it" or tok.dep_ != "nsubj" or tok.head.lemma_ != "be":
        return False
    deps = {c.dep_ for c in tok.head.children}
    return bool(deps & {"acomp", "attr"}) and bool(deps & {"ccomp", "xcomp", "advcl"})


def _description_np(tok) -> tuple[int, int] | None:
    """Token range of a definite singular description headed by ``tok`` ('the social media company')."""
    dets = [c for c in tok.lefts if c.dep_ == "det" and c.lower_ in _DEFINITE]
    if not dets:
        return None
    return dets[0].i, tok.i + 1


# ---------------------------------------------------------------------------------------------
# main entry point


def _group_stories(docs: Iterable[StoryText]) -> list[tuple[str, list[StoryText]]]:
    groups: dict[str, list[StoryText]] = {}
    for d in docs:
        if not isinstance(d, StoryText):
            continue
        groups.setdefault(d.story_id, []).append(d)
    return list(groups.items())


# ---------------------------------------------------------------------------------------------
# one story


class _Found(NamedTuple):
    """A resolved mention or label before it gets the actor's name: article, span, cluster."""

    doc_i: int
    start: int
    end: int
    sent_i: int
    kind: str
    cluster: int


def _story_names(docs: list[StoryText], parses: list, entity_labels: Sequence[str]) -> list[_RawName]:
    """Names the recogniser tags, plus later occurrences of those names it missed."""
    raw: list[_RawName] = []
    for i, d in enumerate(docs):
        raw.extend(_raw_names(i, d, parses[i], entity_labels))
    raw = _split_joined_names(raw, parses)
    aliases = {r.name.display for r in raw if any(ch.isupper() for ch in r.name.display) and len(r.name.display) > 1}
    taken = {(r.doc_i, r.sent_i, t) for r in raw for t in range(r.tok_start, r.tok_end)}
    for i, d in enumerate(docs):
        raw.extend(_alias_names(i, d, parses[i], aliases, taken, entity_labels))
    return raw


def _split_joined_names(raw: list[_RawName], parses: list) -> list[_RawName]:
    """"FBI & DOJ" is two actors when the story also names each on its own; "Procter & Gamble" stays one."""
    keys = {r.name.key for r in raw}
    out = []
    for r in raw:
        sd = parses[r.doc_i][r.sent_i]
        joins = [t.i for t in sd[r.tok_start:r.tok_end] if t.text == "&"]
        parts = []
        if len(joins) == 1 and r.tok_start < joins[0] < r.tok_end - 1:
            off = r.start - sd[r.tok_start].idx
            for a, b in ((r.tok_start, joins[0]), (joins[0] + 1, r.tok_end)):
                name = _normalise_name(sd[a:b].text.split())
                if name is None or name.display.islower():
                    parts = []
                    break
                parts.append(r._replace(tok_start=a, tok_end=b, start=off + sd[a].idx,
                                        end=off + sd[b - 1].idx + len(sd[b - 1]), name=name))
        out.extend(parts if parts and all(p.name.key in keys for p in parts) else [r])
    return out


def _token_span(doc: StoryText, sent_i: int, sd, start_tok: int, end_tok: int) -> tuple[int, int]:
    """Raw-text offsets of tokens [start_tok, end_tok) of sentence ``sent_i``."""
    off = doc.sentences[sent_i][0]
    last = sd[end_tok - 1]
    return off + sd[start_tok].idx, off + last.idx + len(last)


def _name_labels(raw: list[_RawName], docs: list[StoryText], parses: list, key_to_cluster: dict,
                 entity_labels: Sequence[str]) -> tuple[list[_Found], dict[str, set[int]]]:
    """Labels attached to named mentions, and role nouns: label head -> {cluster: the words of each such label}."""
    found: list[_Found] = []
    roles: dict[str, dict[int, list[frozenset[str]]]] = defaultdict(lambda: defaultdict(list))
    for r in raw:
        sd = parses[r.doc_i][r.sent_i]
        ci = key_to_cluster[r.name.key]
        for lb in _labels_of_name(sd, r.tok_start, r.tok_end, entity_labels):
            start, end = _token_span(docs[r.doc_i], r.sent_i, sd, lb.start, lb.end)
            found.append(_Found(r.doc_i, start, end, r.sent_i, lb.kind, ci))
            head = sd[lb.head]
            role = _role_word(head)
            if role == head.lower_:
                role = head.lemma_.lower()
            if lb.gives_role and head.ent_type_ not in entity_labels and role.isalpha():
                roles[role][ci].append(frozenset(_role_word(t) for t in sd[lb.start:lb.end]))
        tag = party_state_tag(docs[r.doc_i].text[r.end : r.end + 30])
        if tag:  # "John McCain, R-Ariz.": "the Arizona Republican" refers back to him
            roles[tag[0]][ci].append(frozenset(tag))
    return found, roles


def _reference_candidates(sd, names: list[_RawName], roles: dict, generic: dict,
                          entity_labels: Sequence[str]) -> list[tuple[int, str, object]]:
    """Names, pronouns and definite descriptions of one sentence, in text order."""
    events: list[tuple[int, str, object]] = [(r.tok_start, "name", r) for r in names]
    in_name = {t for r in names for t in range(r.tok_start, r.tok_end)}
    ent_tokens = {t.i for t in sd if t.ent_type_ in entity_labels} | in_name
    for t in sd:
        if t.i in ent_tokens:
            continue
        low = t.lower_
        if t.pos_ == "PRON" and (low in _PERSON_PRONOUNS or low in _ORG_PRONOUNS):
            if not is_expletive(t):
                events.append((t.i, "pronoun", t))
        elif t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound" and t.tag_ in ("NN", "NNP"):
            lemma = t.lemma_.lower()
            if lemma in party_member_words() and t.dep_ == "appos":
                continue  # "Conaway of Texas, the Republican leading the inquiry": says who he is
            if any(w in roles for w in office_words(lemma)) or lemma in generic:
                np = _description_np(t)
                if np is not None and not any(k in ent_tokens for k in range(*np)) and not _names_follow(sd, t):
                    events.append((np[0], "description", t))
    events.sort(key=lambda e: (e[0], e[1]))
    return events


def _names_follow(sd, head) -> bool:
    """A name right after the head noun ("the progressive group MoveOn"): a pre-modifier, not a reference."""
    nxt = sd[head.i + 1] if head.i + 1 < len(sd) else None
    return nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_type_ not in _TIME_ENTITIES


def _role_fits(tok, by_cluster: dict[int, list[frozenset[str]]]) -> set[int]:
    """Clusters one of whose labels fits the description headed by ``tok``.

    Rank words must agree both ways: "the vice president" needs a label with "vice", and "the
    president" is not the actor only ever called "Vice President". The description's compound nouns
    ("the U.S. attorney", "the Vermont senator") pick the actors whose label holds them, when any does.
    """
    words = {_role_word(c) for c in tok.lefts}
    fits = {ci: [lb for lb in labels if same_rank(words, lb)] for ci, labels in by_cluster.items()}
    compounds = {_role_word(c) for c in tok.lefts if c.dep_ == "compound"}
    strict = {ci for ci, labels in fits.items() if any(compounds <= lb for lb in labels)}
    return strict or {ci for ci, labels in fits.items() if labels}


def _resolve(tok, kind: str, history: list[_Hist], sent_i: int, clusters: list[_Cluster], roles: dict,
             generic: dict) -> int | None:
    """Cluster a pronoun or description refers to, or None."""
    if kind == "pronoun":
        want = "PERSON" if tok.lower_ in _PERSON_PRONOUNS else "ORG"
        other = _OTHER.get(word_gender(tok.lower_))  # "she" is not a person whose given name is a man's
        allowed = {i for i, cl in enumerate(clusters) if cl.entity_type == want and (other is None or cl.gender != other)}
        return _pick_recent(history, allowed, sent_i, window=1)
    lemma = tok.lemma_.lower()
    fits = set().union(*(_role_fits(tok, roles[w]) for w in office_words(lemma) if w in roles))
    if fits:  # a noun from an actor's title or appositive: the latest such actor
        ci = _pick_recent(history, fits, sent_i, window=None)
        if ci is None:
            ci = min(fits, key=lambda c: (-clusters[c].count, c))
        return ci
    if lemma in generic:  # "the company": like a pronoun
        other = _OTHER.get(word_gender(lemma))
        allowed = {i for i, cl in enumerate(clusters) if cl.entity_type == generic[lemma] and (other is None or cl.gender != other)}
        return _pick_recent(history, allowed, sent_i, window=1)
    return None


def _courtesy_fit(sd, r: _RawName, ci: int, clusters: list[_Cluster]) -> int:
    """The actor a surname after a courtesy title names: ``ci`` (the actor the surname joined), or,
    when that actor's given name marks the other gender, the actor whose full name ends with that
    surname and whose given name marks the title's gender (else marks none), the most mentioned
    first ("Mr. Clinton" beside "Hillary Clinton" and "Bill Clinton" is Bill Clinton)."""
    gender = courtesy_gender(sd[max(r.tok_start - 1, 0) : r.tok_start + 1])
    if gender is None or len(r.name.key) != 1 or clusters[ci].gender in (None, gender):
        return ci
    fits = [c for c, cl in enumerate(clusters) if cl.entity_type == "PERSON" and cl.gender in (None, gender)
            and any(len(k) > 1 and _surname(k) == r.name.key[0] for k in cl.keys)]
    return max(fits, key=lambda c: (clusters[c].gender == gender, clusters[c].count, -c)) if fits else ci


def _resolve_article(doc_i: int, doc: StoryText, parses: Sequence, names: list[_RawName], key_to_cluster: dict,
                     clusters: list[_Cluster], roles: dict, generic: dict,
                     entity_labels: Sequence[str]) -> tuple[list[_Found], list[_Found]]:
    """Walk one article in text order; returns its mentions and its description labels."""
    by_sent: dict[int, list[_RawName]] = defaultdict(list)
    for r in names:
        by_sent[r.sent_i].append(r)
    history: list[_Hist] = []
    mentions: list[_Found] = []
    labels: list[_Found] = []
    for si, sd in enumerate(parses):
        for tok_i, kind, obj in _reference_candidates(sd, by_sent.get(si, []), roles, generic, entity_labels):
            if kind == "name":
                ci = _courtesy_fit(sd, obj, key_to_cluster[obj.name.key], clusters)
                root = sd[obj.tok_start:obj.tok_end].root
                history.append(_Hist(si, tok_i, ci, root.dep_ in ("nsubj", "nsubjpass")))
                mentions.append(_Found(doc_i, obj.start, obj.end, si, "name", ci))
                continue
            ci = _resolve(obj, kind, history, si, clusters, roles, generic)
            if ci is None:
                continue
            s_tok, e_tok = (obj.i, obj.i + 1) if kind == "pronoun" else _description_np(obj)
            start, end = _token_span(doc, si, sd, s_tok, e_tok)
            history.append(_Hist(si, tok_i, ci, obj.dep_ in ("nsubj", "nsubjpass")))
            mentions.append(_Found(doc_i, start, end, si, kind, ci))
            if kind == "description":  # the description without its determiner is a label too
                labels.append(_Found(doc_i, *_token_span(doc, si, sd, s_tok + 1, e_tok), si, kind, ci))
    return mentions, labels


def _main_clusters(mentions: list[_Found], docs: list[StoryText], n_clusters: int,
                   min_outlets: int) -> tuple[list[bool], dict[int, set[str]], Counter]:
    """Main actors: named in >= ``min_outlets`` outlets (in a smaller story: in all, and named twice)."""
    outlets_named: dict[int, set[str]] = defaultdict(set)
    n_named: Counter = Counter()
    for m in mentions:
        if m.kind == "name":
            outlets_named[m.cluster].add(docs[m.doc_i].outlet)
            n_named[m.cluster] += 1
    n_outlets = len({d.outlet for d in docs})
    need = min(min_outlets, n_outlets)
    flags = [len(outlets_named[ci]) >= need and (n_outlets >= min_outlets or n_named[ci] >= 2)
             for ci in range(n_clusters)]
    return flags, outlets_named, n_named


def _analyse_story(story_id: str, docs: list[StoryText], *, min_outlets: int,
                   entity_labels: Sequence[str]) -> StoryActors:
    result = StoryActors(story_id)
    parses = [_parse(d.text, d.sentences) for d in docs]
    raw = _story_names(docs, parses, entity_labels)
    if not raw:
        return result
    key_to_cluster, clusters = _cluster_names(raw)
    labels, roles = _name_labels(raw, docs, parses, key_to_cluster, entity_labels)
    lists = _word_lists()
    generic = {w: "ORG" for w in lists.get("org_noun", ())} | {w: "PERSON" for w in lists.get("person_noun", ())}
    mentions: list[_Found] = []
    for di, d in enumerate(docs):
        found, desc = _resolve_article(di, d, parses[di], [r for r in raw if r.doc_i == di], key_to_cluster,
                                       clusters, roles, generic, entity_labels)
        mentions.extend(found)
        labels.extend(desc)
    is_main, outlets_named, n_named = _main_clusters(mentions, docs, len(clusters), min_outlets)

    for ci, cl in enumerate(clusters):
        result.actors.append(Actor(cl.name, cl.aliases, cl.entity_type, tuple(sorted(outlets_named[ci])),
                                   n_named[ci], is_main[ci]))
    result.actors.sort(key=lambda a: (-a.n_named, a.name))
    for m in sorted(mentions, key=lambda m: (m.doc_i, m.start, m.end)):
        d = docs[m.doc_i]
        result.mentions.append(ActorMention(story_id, d.article_id, d.outlet, clusters[m.cluster].name,
                                            d.text[m.start:m.end], m.kind, m.start, m.end, m.sent_i,
                                            is_main[m.cluster]))
    seen = set()
    for lb in sorted(labels, key=lambda x: (x.doc_i, x.start, x.end, x.kind)):
        if (lb.doc_i, lb.start, lb.end, lb.cluster) in seen:
            continue
        seen.add((lb.doc_i, lb.start, lb.end, lb.cluster))
        d = docs[lb.doc_i]
        result.labels.append(ActorLabel(story_id, clusters[lb.cluster].name, d.outlet, d.article_id,
                                        d.text[lb.start:lb.end], lb.kind, lb.start, lb.end))
    return result


def find_actors(docs: Iterable[StoryText], *, min_outlets: int = 2,
                entity_labels: Sequence[str] = ENTITY_LABELS) -> list[StoryActors]:
    """Detect, merge and resolve the actors of each story in ``docs``.

    Parameters
    ----------
    docs:
        The articles, as :class:`StoryText`; articles sharing a ``story_id`` form one story.
    min_outlets:
        An actor is a *main* actor when at least this many outlets of the story name it (in a
        story covered by fewer outlets: named at least twice).
    entity_labels:
        spaCy entity types treated as actors.
    """
    out = []
    for story_id, group in _group_stories(docs):
        try:
            out.append(_analysed_story(story_id, tuple(group), min_outlets, tuple(entity_labels)))
        except Exception:  # a malformed story must not lose the rest of the batch
            out.append(StoryActors(story_id))
    return out


@lru_cache(maxsize=64)
def _analysed_story(story_id: str, docs: tuple[StoryText, ...], min_outlets: int,
                    entity_labels: tuple[str, ...]) -> StoryActors:
    """:func:`_analyse_story`, remembered: actor tone, actor labels and topic presence all read the
    same story's actors, which are resolved once (treat the result as read-only)."""
    return _analyse_story(story_id, list(docs), min_outlets=min_outlets, entity_labels=entity_labels)


def sentence_parses(text: str, sentences: Sequence[tuple[int, int]]) -> tuple:
    """spaCy parses of the story ``sentences`` of ``text`` (in order), remembered until
    :func:`forget_parses`: the actor tables and the translation-artifact check share them."""
    return _parse(text, tuple((int(a), int(b)) for a, b in sentences))


def forget_parses() -> None:
    """Drop the remembered parses and resolved stories of this process.

    :func:`actor_tone`, :func:`actor_labels` and :func:`framing.omissions.topic_presence` share
    one parse and one actor resolution per story through a cache; a caller that has finished a
    story (:func:`framing.compare.compare` works story by story) frees that memory here.
    """
    _parse.cache_clear()
    _analysed_story.cache_clear()


def _frame(rows: list, table: str) -> pd.DataFrame:
    return pd.DataFrame([r._asdict() if hasattr(r, "_asdict") else r for r in rows],
                        columns=list(COLUMNS[table]))


def actor_mentions(docs: Iterable[StoryText], *, min_outlets: int = 2) -> pd.DataFrame:
    """Every resolved actor mention (names, descriptions, pronouns); table ``actor_mentions``."""
    rows = [m for st in find_actors(docs, min_outlets=min_outlets) for m in st.mentions]
    return _frame(rows, "actor_mentions")


def actor_tone(docs: Iterable[StoryText], *, min_outlets: int = 2) -> pd.DataFrame:
    """Mentions and mean sentence tone of each main actor in each article; table ``actor_tone``.

    One row per article and main actor of its story, including actors the article never mentions
    (``n_mentions`` 0, ``tone_mean`` NaN), so omissions show up. Rows follow the input order of
    articles, then actors by number of named mentions in the story.
    """
    docs = [d for d in docs if isinstance(d, StoryText)]
    rows = []
    for st in find_actors(docs, min_outlets=min_outlets):
        main = [a.name for a in st.actors if a.is_main]
        by_article: dict[tuple[str, str], list[ActorMention]] = defaultdict(list)
        for m in st.mentions:
            by_article[(m.article_id, m.actor)].append(m)
        for d in docs:
            if d.story_id != st.story_id:
                continue
            for actor in main:
                ms = by_article.get((d.article_id, actor), [])
                sents = sorted({m.sentence_index for m in ms})
                tones = [sentence_tone(d.text[slice(*d.sentences[i])]) for i in sents]
                tones = [t for t in tones if not math.isnan(t)]
                rows.append({"story_id": st.story_id, "article_id": d.article_id, "outlet": d.outlet,
                             "actor": actor, "n_mentions": len(ms), "n_sentences": len(sents),
                             "tone_mean": sum(tones) / len(tones) if tones else math.nan})
    return _frame(rows, "actor_tone")


def actor_labels(docs: Iterable[StoryText], *, min_outlets: int = 2, main_only: bool = True) -> pd.DataFrame:
    """Descriptors each outlet attaches to the story's actors; table ``actor_labels``.

    Parameters
    ----------
    main_only:
        Keep only labels of main actors (named in at least ``min_outlets`` outlets).
    """
    rows = []
    for st in find_actors(docs, min_outlets=min_outlets):
        main = {a.name for a in st.actors if a.is_main}
        rows.extend(lb for lb in st.labels if not main_only or lb.actor in main)
    rows.sort(key=lambda lb: (lb.story_id, lb.actor, lb.outlet, lb.article_id, lb.start, lb.end, lb.kind))
    return _frame(rows, "actor_labels")


def speaker_actors(quotes: pd.DataFrame, mentions: pd.DataFrame) -> pd.Series:
    """The story actor (``actor_mentions.actor``) each quote's named speaker is; column ``speaker_actor``.

    A person or organisation speaker is linked by its resolved name (``speaker_canonical``, in
    which the attribution step has already turned "she" or "Rothstein" into the article's
    fullest name) to the one actor of the same story that is mentioned by that name in the
    story (``kind`` "name" in ``mentions``: "Amazon" for "Amazon Web Services"), or else whose
    name holds the speaker's words in order and ends with the same word ("Barbara Rothstein" and
    "Rothstein" are "Barbara Jacobs Rothstein"); names are compared as the actor resolution
    keys them. A name that fits two actors, or none, is not linked, and neither is an
    anonymous speaker. The result is aligned with ``quotes`` (empty string where there is no
    link), so that outlets which name the same person differently count as one speaker.
    """
    out = pd.Series("", index=quotes.index, dtype=object)
    if not len(quotes) or not len(mentions) or "speaker_canonical" not in quotes.columns:
        return out
    story_of = dict(zip(mentions["article_id"].astype(str), mentions["story_id"].astype(str)))
    actors: dict[str, dict[str, tuple[str, ...]]] = {}
    aliases: dict[str, dict[tuple[str, ...], set[str]]] = {}  # story -> name as written -> actors
    kinds = mentions["kind"] if "kind" in mentions.columns else pd.Series("", index=mentions.index)
    texts = mentions["mention"] if "mention" in mentions.columns else pd.Series("", index=mentions.index)
    for story, actor, kind, text in zip(mentions["story_id"].astype(str), mentions["actor"].astype(str), kinds, texts):
        actors.setdefault(story, {})[actor] = _name_words(actor)
        if kind == "name" and isinstance(text, str):
            aliases.setdefault(story, {}).setdefault(_name_words(text), set()).add(actor)
    types = quotes["speaker_type"] if "speaker_type" in quotes.columns else pd.Series("person", index=quotes.index)
    for i, aid, name, kind in zip(quotes.index, quotes["article_id"].astype(str), quotes["speaker_canonical"], types):
        if kind not in ("person", "organisation") or not isinstance(name, str) or aid not in story_of:
            continue
        words = _name_words(name)
        if not words:
            continue
        story = story_of[aid]
        fits = sorted(aliases.get(story, {}).get(words, ()))  # a name the resolution gave this actor
        if not fits:
            fits = [actor for actor, full in actors.get(story, {}).items()
                    if full and full[-1] == words[-1] and _is_subsequence(words, full)]
        if len(fits) == 1:
            out[i] = fits[0]
    return out


def _name_words(name: str) -> tuple[str, ...]:
    """A name's key as the actor resolution makes it (:func:`_normalise_name`: honorific,
    corporate suffix and possessive dropped, lower case); empty when it is no name."""
    found = _normalise_name(name.split())
    return found.key if found else ()


def labels_by_outlet(labels: pd.DataFrame, *, sep: str = "; ") -> pd.DataFrame:
    """Pivot an ``actor_labels`` table to actor x outlet cells holding the distinct labels, joined.

    Labels keep their first-seen order in each cell; a cell is empty when the outlet attaches no
    label to the actor. With several stories the index is (story_id, actor).
    """
    if labels is None or len(labels) == 0:
        return pd.DataFrame()
    df = labels.sort_values(["story_id", "actor", "outlet", "start"], kind="stable")

    def join(values: pd.Series) -> str:
        return sep.join(dict.fromkeys(v.strip() for v in values if isinstance(v, str) and v.strip()))

    table = df.groupby(["story_id", "actor", "outlet"], sort=True)["label"].agg(join).unstack("outlet", fill_value="")
    table.columns.name = None
    if table.index.get_level_values("story_id").nunique() == 1:
        table = table.droplevel("story_id")
    return table
