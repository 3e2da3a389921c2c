"""Headline framing: who a headline makes act, on whom, with what kind of verb, in which voice.

For each headline (or, where an article has none, its lede sentence) this module finds the main verb
of the matrix clause, its grammatical subject, the object or patient, the voice, a coarse verb class
from a small lexicon (``framing/data/verb_classes.tsv``), the type of the actor the headline frames
as acting (``framing/data/agent_cues.tsv``) and the source, if any, the headline puts its statement in
the mouth of (a speaker label such as "Reid: ...", ``framing/data/headline_labels.tsv``, or the subject
of a verb of saying).

Headlines are not ordinary sentences ("headlinese"): articles and auxiliaries are dropped, passives are
reduced ("Worker killed by train"), a speaker or label may precede a colon, a trailing "..., X says"
carries the matrix verb, and Title Case confuses a tagger trained on running text. The module cuts
the headline at colons (labels, speakers, trailing sources) and semicolons, replaces quotation marks
by spaces, re-cases Title Case segments (proper nouns kept, other words lowered; if that reading
finds no clause, everything but the first word lowered), parses with the shared spaCy pipeline and
reads each parse with headline-specific rules, keeping the most complete reading. All re-cased and
de-quoted texts have the length of the original, so every offset refers to the headline string
exactly as passed in, and every reported word is as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Iterable, NamedTuple, Sequence

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "COLUMNS",
    "HeadlineFrame",
    "headline_frame",
    "headline_frames",
    "to_record",
    "verb_class_of",
    "with_story_organisations",
]

COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "headline_verb": "Lemma of the main verb of the headline's main clause (for a trailing '..., X says' "
        "the reporting verb); empty when the headline has no finite verb.",
        "headline_verb_text": "The main verb exactly as written in the headline.",
        "headline_agent": "Who the headline presents as acting: the grammatical subject of an active "
        "headline, or the by-phrase of a passive one ('Parler app pulled by Apple' -> 'Apple'); "
        "empty for a passive without 'by' or a headline without a verb.",
        "headline_agent_head": "Head word of headline_agent ('Judge Barbara Rothstein' -> 'Rothstein').",
        "headline_agent_type": "Kind of actor headline_agent is: court/judge, company, person, government, "
        "other, or none when there is no agent.",
        "headline_patient": "Who or what is acted upon: the object of an active headline, or the "
        "grammatical subject of a passive one ('Parler app pulled by Apple' -> 'Parler app').",
        "headline_voice": "Voice of the main verb: active, passive (including reduced passives such as "
        "'worker killed by train' and 'senator urged to resign'), or none when there is no main verb.",
        "headline_verb_class": "Class of the main verb from a small lexicon: legal_action, reporting, "
        "conflict, state_outcome, other (any other verb) or none (no verb).",
        "headline_subject_head": "Head word of the main clause's grammatical subject, whatever the voice.",
        "headline_source": "Who the headline presents its statement as coming from, as written: a speaker "
        "label before or after a colon ('Reid: Mosque should be built elsewhere' -> 'Reid'; '...: report' -> "
        "'report') or the agent of a reporting verb ('Trump says he ...', '..., attorney says'); empty when "
        "the headline states its news without a source, or its label is a kicker ('EXCLUSIVE:') or a topic "
        "('Migrant caravan:').",
    }
}


@dataclass(frozen=True)
class HeadlineFrame:
    """Framing reading of one headline; offsets index the headline string as passed in.

    ``subject`` / ``subject_head`` are the grammatical subject whatever the voice. ``agent`` is who is
    framed as acting: the subject of an active headline, the by-phrase of a passive one (None
    without 'by'); ``patient`` is the object of an active headline, the subject of a passive one.
    For a trailing "..., X says", the verb is 'say', the agent X and the patient the reported clause.
    ``source`` is who the headline presents its statement as coming from (see :data:`COLUMNS`).
    """

    headline: str
    verb: str | None
    verb_text: str | None
    verb_start: int | None
    verb_end: int | None
    subject: str | None
    subject_head: str | None
    agent: str | None
    agent_head: str | None
    agent_type: str
    patient: str | None
    voice: str
    verb_class: str
    source: str | None = None


# --------------------------------------------------------------------------------------------------
# lexicons


def _read_tsv(name: str) -> list[list[str]]:
    text = resources.files("framing").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows[1:]  # first non-comment row is the column header


@lru_cache(maxsize=1)
def _verb_lexicon() -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    """(class by lemma, intransitive lemmas, object-control lemmas, implicative object-control
    lemmas) from ``verb_classes.tsv``."""
    classes: dict[str, str] = {}
    intransitive, control, implicative = set(), set(), set()
    for row in _read_tsv("verb_classes.tsv"):
        classes[row[0]] = row[1]
        if len(row) > 2 and row[2].strip() == "1":
            intransitive.add(row[0])
        if len(row) > 3 and row[3].strip() in ("1", "2"):
            control.add(row[0])
        if len(row) > 3 and row[3].strip() == "2":
            implicative.add(row[0])
    return classes, frozenset(intransitive), frozenset(control), frozenset(implicative)


def implicative_object_control_verbs() -> frozenset[str]:
    """Lemmas whose object does what their to-infinitive says ("prompted Vieira to ask"; value 2 of
    the object_control column of ``verb_classes.tsv``)."""
    return _verb_lexicon()[3]


@lru_cache(maxsize=1)
def _agent_cues() -> dict[str, str]:
    return {row[0]: row[1] for row in _read_tsv("agent_cues.tsv")}


def verb_class_of(lemma: str | None) -> str:
    """Class of a verb lemma in the headline verb lexicon: 'other' if unlisted, 'none' if no verb."""
    if not lemma:
        return "none"
    return _verb_lexicon()[0].get(lemma.lower(), "other")


REPORTING_TAIL = frozenset(
    {"say", "rule", "report", "claim", "warn", "confirm", "allege", "insist", "argue", "announce",
     "admit", "suggest", "find", "show", "reveal", "predict", "believe", "think", "tell"}
)
FUNCTION_WORDS = frozenset(
    "a an the and or but nor of in on at to for by with from as into onto over under after before "
    "about against amid among between during via vs vs. than up down off out per near inside outside "
    "upon within without through across behind beyond toward towards despite since until while "
    "if so yet not no is are was were be been being has have had do does did its it this that these those".split()
)
_OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj", "ccomp", "xcomp", "attr", "oprd", "acomp"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})
_NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP", "ORG", "FAC"})
_SUBORDINATORS = frozenset({"as", "after", "before", "while", "when", "because", "since", "until", "if", "though",
                           "although", "once", "whereas", "unless"})
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "PUNCT", "SPACE", "SYM", "PRON", "X"})


# --------------------------------------------------------------------------------------------------
# dictionary look-ups through the spaCy lemmatizer's own tables (no extra download)


@lru_cache(maxsize=1)
def _lemma_tables(nlp) -> dict[str, dict]:
    tables: dict[str, dict] = {}
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        index = lookups.get_table("lemma_index")
        exc = lookups.get_table("lemma_exc")
        rules = lookups.get_table("lemma_rules")
    except (KeyError, ValueError, AttributeError):
        return {}
    for pos in ("noun", "verb", "adj", "adv"):
        key = nlp.vocab.strings[pos]
        tables[pos] = {
            "index": frozenset(index.get(key, [])),
            "exc": dict(exc.get(key, {})),
            "rules": list(rules.get(key, [])),
        }
    return tables


def _lemmas(nlp, form: str, pos: str) -> list[str]:
    """Dictionary base forms of ``form`` as part of speech ``pos`` (empty if not a word of that pos)."""
    return list(_cached_lemmas(nlp, form.lower(), pos))


@lru_cache(maxsize=65536)
def _cached_lemmas(nlp, form: str, pos: str) -> tuple[str, ...]:
    table = _lemma_tables(nlp).get(pos)
    if not table:
        return ()
    if form in table["exc"]:
        return tuple(table["exc"][form])
    found = [form] if form in table["index"] else []
    for old, new in table["rules"]:
        if old and form.endswith(old):
            cand = form[: len(form) - len(old)] + new
            if cand in table["index"] and cand not in found:
                found.append(cand)
    return tuple(found)


def _verb_lemma(nlp, token) -> str:
    """Verb lemma of a token, also when the tagger read it as a noun ('edges' -> 'edge')."""
    spacy_lemma = token.lemma_.lower()
    cands = _lemmas(nlp, token.text, "verb")
    if not cands:
        return spacy_lemma
    # several dictionary readings ('fined' -> fin / fine): prefer one the verb lexicon lists
    listed = [c for c in cands if c in _verb_lexicon()[0]] or cands
    if len(listed) > 1 and token.text.lower() not in _lemma_tables(nlp).get("verb", {}).get("exc", {}):
        # two suffix rules both give a word ('hates' -> hat / hate, 'hated' -> hat / hate): the
        # reading that strips less is the verb ('-s' before '-es', '-d' before '-ed')
        return max(listed, key=len)
    return spacy_lemma if spacy_lemma in listed else listed[0]


def _is_known_word(nlp, word: str) -> bool:
    return any(_lemmas(nlp, word, pos) for pos in ("noun", "verb", "adj", "adv"))


def _is_inflected_verb(nlp, word: str) -> bool:
    """True for a form like 'blasts', 'spent', 'marries' (a verb form that is not the base form)."""
    low = word.lower()
    return any(lemma != low for lemma in _lemmas(nlp, low, "verb"))


# --------------------------------------------------------------------------------------------------
# the raw string: where the main clause can be


_MAX_CHARS = 1000
_TRAILING_BRACKET = re.compile(r"\s*[\(\[][^()\[\]]{0,40}[\)\]]\s*$")
_TRAILING_SITE = re.compile(r"\s+\|\s+[^|]{1,60}$")
_WH_START = re.compile(r"^\W*(how|why|what|when|where|who|which|whose|watch|video|photos?)\b", re.I)


def _core_span(text: str) -> tuple[int, int]:
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    for pattern in (_TRAILING_BRACKET, _TRAILING_SITE):
        while True:
            m = pattern.search(text, start, end)
            if not m or m.start() <= start + 3:
                break
            end = m.start()
    end = min(end, start + _MAX_CHARS)  # a headline is short; never hand the parser a whole article
    semi = text.find(";", start, end)
    if semi > start + 3:
        end = semi
    return start, end


def _colon_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [
        i for i in range(start, end)
        if text[i] == ":" and not (0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())
    ]
    bounds = [start - 1, *cuts, end]
    segments = []
    for a, b in zip(bounds, bounds[1:]):
        a += 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            segments.append((a, b))
    return segments


# --------------------------------------------------------------------------------------------------
# same-length parsing variants of a segment


_QUOTES_DOUBLE = "\"“”„«»"
_QUOTES_SINGLE = "'‘’`"
_WORD = re.compile(r"[^\W\d_][\w]*(?:[’'.\-][\w]+)*\.?")


def _dequote(s: str) -> str:
    """Replace quotation marks (not apostrophes) with spaces, keeping the length."""
    chars = list(s)
    open_single = False
    for i, c in enumerate(chars):
        if c in _QUOTES_DOUBLE:
            chars[i] = " "
        elif c in _QUOTES_SINGLE:
            before = s[i - 1] if i > 0 else " "
            after = s[i + 1] if i + 1 < len(s) else " "
            if (before.isalnum() or before == "-") and (after.isalnum() or after == "-"):
                continue  # apostrophe inside a word (don't, Parler’s) or glued to a hyphen ('MAGA'-themed)
            if c == "‘" or (not before.isalnum() and after.isalnum()):
                open_single = True
                chars[i] = " "
            elif open_single:
                open_single = False
                chars[i] = " "
            # else: a plural possessive apostrophe ("investors' money"): keep
    return "".join(chars)


def _is_title_case(s: str) -> bool:
    words = [w for w in _WORD.findall(s)][1:]
    content = [w for w in words if w.lower() not in FUNCTION_WORDS and w[0].isalpha()]
    if len(content) < 2:
        return False
    caps = sum(1 for w in content if w[0].isupper())
    return caps / len(content) >= 0.75


def _set_case(chars: list[str], start: int, word: str) -> None:
    lowered = word[0].lower()
    if len(lowered) == 1:
        chars[start] = lowered


def _lower_variants(nlp, s: str, entities: Iterable[tuple[int, int]] = ()) -> list[str]:
    """Two re-cased copies of a Title Case segment, both of len(s), in order of preference.

    1. proper nouns kept, other words lowered (a proper noun: an acronym, a word the dictionary does
       not know, a possessor, a word inside a named entity found in the text as written -- unless it
       is a function word or an inflected verb form, which such entities swallow in Title Case
       ('Kanye West Spent') -- or a noun-only word next to one of these: 'Kanye West');
    2. every word but the first, acronyms and surnames after an honorific lowered.
    """
    words = list(_WORD.finditer(s))
    if not words:
        return []
    info = []
    for k, m in enumerate(words):
        w = m.group()
        bare = re.sub(r"[’']s$", "", w).rstrip(".")
        follows = s[m.end():m.end() + 2]
        caps = w[0].isupper()
        acronym = sum(ch.isupper() for ch in w[1:]) > 0 or any(ch.isdigit() for ch in w)
        possessive = bare != w.rstrip(".") or follows[:2] in ("'s", "’s")
        function = w.lower() in FUNCTION_WORDS
        parts = [p for p in re.split(r"[-.]", bare) if p]
        unknown = caps and not function and len(bare) > 1 and not any(_is_known_word(nlp, p) for p in parts)
        name_like = (not function and bool(_lemmas(nlp, bare, "noun"))
                     and not any(_lemmas(nlp, bare, pos) for pos in ("verb", "adj", "adv")))
        in_entity = any(a <= m.start() and m.end() <= b for a, b in entities) and not function \
            and not _lemmas(nlp, bare, "verb") and not _lemmas(nlp, bare, "adj")
        info.append(dict(m=m, caps=caps, acronym=acronym, possessive=possessive, function=function,
                         anchor=caps and (unknown or possessive), name_like=name_like, entity=in_entity))
    titled = [_named_after_title(nlp, s, words, k) for k in range(len(words))]
    keep = [k == 0 or i["acronym"] or i["anchor"] or i["entity"] or titled[k] for k, i in enumerate(info)]
    # a run of capitalised words joined by single spaces around a name anchor is one name
    # ("Kanye West", "Whitney Houston's"), unless the neighbour could be a verb or is a function word
    for k, i in enumerate(info):
        if not i["anchor"]:
            continue
        for step in ((-1,) if i["possessive"] else (-1, 1)):
            j = k + step
            while 0 <= j < len(info):
                a, b = (info[j], info[j - step]) if step == 1 else (info[j], info[j + 1])
                gap = s[min(a["m"].end(), b["m"].end()):max(a["m"].start(), b["m"].start())]
                if gap != " " or not a["caps"] or not (a["name_like"] or a["anchor"] or a["acronym"]):
                    break
                keep[j] = True
                j += step
    name_chars = list(s)
    lower_chars = list(s)
    for k, i in enumerate(info):
        if not i["caps"] or k == 0:
            continue
        if not keep[k]:
            _set_case(name_chars, i["m"].start(), i["m"].group())
        if not (i["acronym"] or titled[k]):
            _set_case(lower_chars, i["m"].start(), i["m"].group())
    return ["".join(name_chars), "".join(lower_chars)]


@lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """Words written right before a person's name ("President", "Sen.", "Judge"): the honorific
    category of ``speaker_nouns.tsv``, without a final full stop."""
    from framing.attribution import _speaker_nouns

    return frozenset(w.rstrip(".") for w in _speaker_nouns()["honorific"])


def _named_after_title(nlp, s: str, words: list, k: int) -> bool:
    """Is word ``k`` a surname after an honorific ('President Trump', 'Judge Cook')? It is when its
    only verb reading is the base form: after a singular title noun a present-tense verb needs its
    -s form ('Judge Orders', 'Governor Signs') and a past one its -ed form."""
    if k == 0:
        return False
    prev, word = words[k - 1].group(), words[k].group()
    if s[words[k - 1].end():words[k].start()] != " " or not (prev[0].isupper() and word[0].isupper()):
        return False
    if prev.lower().rstrip(".") not in _honorifics() or word.lower() in FUNCTION_WORDS:
        return False
    lemmas = _lemmas(nlp, word, "verb")
    return not lemmas or word.lower() in lemmas


def _is_all_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(_WORD.findall(s)) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _caps_to_title(nlp, s: str) -> str:
    """'JUDGE REJECTS PARLER BID' -> 'Judge Rejects Parler Bid' (same length); a short word the
    dictionary does not know stays upper case as an acronym ('FBI')."""
    chars = list(s)
    for m in _WORD.finditer(s):
        w = m.group()
        if len(w) <= 4 and w.lower() not in FUNCTION_WORDS and not _is_known_word(nlp, w.strip(".")):
            continue
        for i in range(m.start() + 1, m.end()):
            low = chars[i].lower()
            if len(low) == 1:
                chars[i] = low
    return "".join(chars)


def _variants(nlp, segment: str, entities: Iterable[tuple[int, int]] = ()) -> list[str]:
    base = _dequote(segment)
    if _is_all_caps(base):
        base = _caps_to_title(nlp, base)
    out = [base]
    if _is_title_case(base):
        out = _lower_variants(nlp, base, entities) or [base]
    seen: list[str] = []
    for v in out:
        if v not in seen:
            seen.append(v)
    return seen


# --------------------------------------------------------------------------------------------------
# reading one parse


class _Reading(NamedTuple):
    """One reading of a parse; ``score`` ranks how complete a clause it found (0 = no verb)."""

    score: float
    verb: int | None          # token index in the doc
    subject: int | None
    kind: str                  # attribution | clause | reduced (passive) | repaired | none
    reduced: bool              # noun + participle: a reduced passive


def _np_like(token) -> bool:
    if token.pos_ in _NP_POS and token.tag_ not in ("WP", "WDT"):
        return token.lower_ not in FUNCTION_WORDS or token.pos_ in ("DET", "PART")
    if token.tag_ in ("VBN", "VBG") and token.dep_ in ("amod", "compound"):
        return True
    return token.pos_ == "ADV" and token.lower_.endswith("ly")


def _trailing_attribution(nlp, doc) -> _Reading | None:
    words = [t for t in doc if not (t.is_punct or t.is_space)]
    if len(words) < 4:
        return None
    commas = [t.i for t in doc if t.text == ","]
    if not commas:
        return None
    c = commas[-1]
    tail = [t for t in doc[c + 1:] if not t.is_space]
    while tail and tail[-1].is_punct:
        tail.pop()
    if not 2 <= len(tail) <= 7 or c < 2:
        return None

    def reporting(t) -> bool:
        if not t.is_alpha or t.lower_.endswith("ing") or t.tag_ == "VBG":
            return False  # a participle clause ('..., alleging violations') is not the matrix verb
        if not any(lemma in REPORTING_TAIL for lemma in _lemmas(nlp, t.text, "verb")):
            return False
        # a bare 'report' / 'claim' / 'find' / 'show' at the end is a noun label ('..., New Report');
        # 'tell' needs an object
        return t.lower_ not in ("report", "claim", "find", "show", "tell", "tells", "told")

    last, first = tail[-1], tail[0]
    if reporting(last) and all(_np_like(t) or t.pos_ == "ADP" for t in tail[:-1]):
        np = tail[:-1]
        verb = last
    elif reporting(first) and all(_np_like(t) or t.pos_ == "ADP" for t in tail[1:]):
        np = tail[1:]
        verb = first
    else:
        return None
    head = None
    for t in np:
        if t.pos_ == "ADP":
            break
        if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or t.tag_.startswith("NN"):
            head = t
    if head is None:
        return None
    return _Reading(5.0, verb.i, head.i, "attribution", False)


def _subject_of(verb):
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS and child.tag_ not in ("WP", "WDT"):
            return child
    if verb.dep_ == "conj":
        for child in verb.head.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
    return None


def _nominal(nlp, token) -> bool:
    """A noun, or a word the tagger called an adjective that the dictionary also knows as a noun
    (or does not know at all): 'Gold hovers ...', 'Bitcoin plunges ...'."""
    if token.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return True
    return token.pos_ == "ADJ" and token.is_alpha and (
        not _lemmas(nlp, token.text, "adj") or bool(_lemmas(nlp, token.text, "noun")))


def _repair_scan(nlp, doc) -> _Reading | None:
    """A verb the tagger read as a noun: 'Wall Street edges lower', 'McDonald's Sales Tank In ...',
    also after a prepositional phrase inside the subject ('Battle Over Medicare Savings Intensifies
    Between ...', 'Aide to lawmaker apologizes for ...'), where the subject is the noun before the
    preposition, the verb must agree with it and must not be the headline's last word."""
    seen_noun = None
    prev = None
    coordinated = False
    first_conjunct = None
    head_noun = None  # the subject's head when a prepositional phrase follows it
    skip: set[int] = set()
    words = [t for t in doc if t.is_alpha]
    for t in doc:
        if t.is_space or t.i in skip:
            continue
        if t.pos_ == "ADP" and t.lower_ not in _SUBORDINATORS and seen_noun is not None and prev is not None \
                and _nominal(nlp, prev) and not coordinated:
            head_noun = head_noun or prev  # 'Battle over ...': the rest of the phrase modifies 'Battle'
            prev = t
            continue
        if t.text == "," and seen_noun is not None and t.i + 2 < len(doc) and doc[t.i + 1].like_num \
                and doc[t.i + 2].text == ",":
            skip.update((t.i + 1, t.i + 2))  # age apposition: 'Girl, 12, Killed In Crash'
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        # a participle right after the first noun phrase: reduced passive ('Three killed in ...')
        if seen_noun is not None and prev is not None and _nominal(nlp, prev) and t.tag_ in ("VBN", "VBD") \
                and t.is_alpha and t.dep_ in ("acl", "relcl", "ROOT", "conj") \
                and not any(c.dep_ in _SUBJECT_DEPS for c in t.children) \
                and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ")):
            return _Reading(3.0, t.i, (head_noun or prev).i, "reduced", True)
        comma_and = t.text == "," and prev is not None and prev.pos_ == "PROPN" and nxt is not None \
            and nxt.pos_ == "PROPN"  # 'Parler, Amazon trade accusations'
        if (t.lower_ in ("and", "&") or comma_and) and seen_noun is not None:
            if not coordinated and prev is not None and _nominal(nlp, prev):
                first_conjunct = prev
            coordinated = True
            prev = t
            continue
        if seen_noun is not None and t.is_alpha and t.i > 0 and t.tag_ not in ("VBN", "VBG"):
            low = t.lower_
            verb_lemmas = _lemmas(nlp, low, "verb")
            third_sg = low.endswith("s") and any(l != low for l in verb_lemmas) and not low.endswith("ss")
            plural_prev = prev is not None and prev.tag_ in ("NNS", "NNPS") or (
                prev is not None and prev.lower_.endswith("s") and prev.pos_ in ("NOUN", "PROPN"))
            base_after_plural = low in verb_lemmas and (plural_prev or coordinated) and not low.endswith("s")
            if head_noun is not None:  # after a prepositional phrase: agree with the subject's head
                plural_head = head_noun.tag_ in ("NNS", "NNPS")
                third_sg = third_sg and not plural_head
                base_after_plural = low in verb_lemmas and plural_head and not low.endswith("s")
                if t.i == words[-1].i:
                    third_sg = base_after_plural = False  # 'Concern over flood risks': a noun phrase
            if (third_sg or base_after_plural) and prev is not None and _nominal(nlp, prev):
                return _Reading(1.5, t.i, (head_noun or first_conjunct or prev).i, "repaired", False)
        if not _np_like(t):
            return None
        if _nominal(nlp, t):
            seen_noun = t
        prev = t
    return None


def _read(nlp, doc) -> _Reading:
    if not any(t.is_alpha for t in doc):
        return _Reading(0.0, None, None, "none", False)
    attribution = _trailing_attribution(nlp, doc)
    if attribution is not None:
        return attribution
    best = _Reading(0.0, None, None, "none", False)
    for root in (t for t in doc if t.dep_ == "ROOT"):
        reading = _read_root(nlp, root)
        if reading.score > best.score:
            best = reading
        if best.score >= 3:
            break
    if best.score < 2 or best.kind == "clause" and best.score <= 3 and doc[best.verb].tag_ == "VBG":
        # (a participle root, 'Aide to lawmaker apologizes(NNS) for post ripping(ROOT) ...': a
        # finite verb the tagger missed before it is the main verb)
        repaired = _repair_scan(nlp, doc)
        if repaired is not None and (repaired.score > best.score or best.verb is not None and repaired.verb < best.verb):
            best = repaired
    return best


def _earlier_clause(nlp, root):
    """'Euro Anxieties Wane as Bunds Top Treasuries, Spain Debt Rallies': the parser makes the last
    comma-joined clause the root; in a headline the first main clause carries the news."""
    doc = root.doc
    commas = [t.i for t in doc[: root.i] if t.text == ","]
    if not commas or (_verb_lemma(nlp, root) in REPORTING_TAIL and _subject_of(root) is not None):
        # '..., Trump says' is the matrix verb; a 'says' without a subject of its own shares the
        # first clause's ('Trump warns shutdown could last years, says he may declare ...')
        return None
    for child in root.lefts:
        if child.i < commas[-1] and child.dep_ in ("ccomp", "conj", "parataxis") \
                and not any(c.dep_ == "mark" for c in child.children) \
                and (child.tag_ in ("VBZ", "VBP", "VBD") or (child.pos_ == "NOUN" and _lemmas(nlp, child.text, "verb"))):
            subj = _subject_of(child)
            if subj is None:
                subj = next((c for c in reversed(list(child.lefts)) if _nominal(nlp, c)), None)
            if subj is not None:
                return child, subj
    return None


def _coordinated_first_verb(nlp, root, subj):
    """'Train strikes, kills railroad employee': the first of two comma-joined verbs read as a noun."""
    doc = root.doc
    if subj is None or subj.i + 2 != root.i or doc[subj.i + 1].text != "," or root.tag_ != "VBZ":
        return None
    if subj.tag_ not in ("NNS", "NNPS") or not _is_inflected_verb(nlp, subj.text):
        return None
    noun = next((c for c in reversed(list(subj.lefts)) if _nominal(nlp, c) and c.dep_ in ("compound", "nmod", "amod")), None)
    return noun


def _bare_subject(nlp, verb):
    """A subject the parser did not attach: 'Jobs Report Beats ...' with 'report' read as an auxiliary."""
    left = [t for t in verb.doc[: verb.i] if not t.is_space]
    if not 1 <= len(left) <= 6 or any(t.pos_ in ("ADP", "SCONJ", "VERB") or t.text in ",:;" for t in left):
        return None
    last = left[-1]
    if last.is_alpha and (_nominal(nlp, last) or _lemmas(nlp, last.text, "noun")) and last.lower_ not in FUNCTION_WORDS:
        return last
    return None


def _verb_read_as_subject(nlp, root, subj):
    """'Judge rejects bid' tagged as 'Judge rejects(NNS) bid(VBP)': the tagger made the verb a plural
    noun and the object a verb. Both readings are grammatical ('Amazon shares surge' is the other
    one); the news-verb lexicon decides: the -s form must be a listed headline verb and the base
    form not. Also for a root in the past with an object ('Governor signs(NNS) revised(VBD) bill')
    and an -s form the parser hung on the root as a compound; also before a root noun with no verb
    reading ('Mayor signals(compound) willingness(ROOT) to talk'), where the -s form must be a listed
    headline verb. Returns (verb, subject) or None."""
    doc = root.doc
    if subj is None and root.i > 0 and doc[root.i - 1].dep_ == "compound" and doc[root.i - 1].head.i == root.i:
        subj = doc[root.i - 1]  # 'Union details(compound) plan(ROOT)'
    if subj is None or subj.i + 1 != root.i or subj.tag_ not in ("NNS", "NNPS", "VBZ"):
        return None
    # 'Mayor signals(compound) willingness(ROOT) to talk': a root noun that has no verb reading
    noun_root = root.tag_ == "NN" and not _lemmas(nlp, root.text, "verb")
    if root.tag_ not in ("VBP", "VBD") and not noun_root:
        return None
    if root.tag_ == "VBD" and not any(c.dep_ == "dobj" for c in root.children):
        return None  # 'Governor signs(NNS) revised(VBD) budget bill': a participle before its noun
    if subj.i == 0 or not subj.lower_.endswith("s") or not _is_inflected_verb(nlp, subj.text):
        return None
    lexicon = _verb_lexicon()[0]
    if noun_root and _verb_lemma(nlp, subj) not in lexicon:
        return None  # 'Apple shares(compound) outlook(ROOT)': a noun-noun compound
    if root.lower_ not in FUNCTION_WORDS and _lemmas(nlp, root.text, "verb") and (  # 'Gold hovers near(VBP) ...'
            _verb_lemma(nlp, subj) not in lexicon or _verb_lemma(nlp, root) in lexicon):
        return None  # (a root that is no verb at all, 'signals openness(VBP)', needs no lexicon)
    noun = doc[subj.i - 1]
    if noun.head.i not in (subj.i, root.i if noun_root else subj.i) or not _nominal(nlp, noun):
        return None
    return subj, noun


_AUXILIARIES = frozenset({"be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might",
                          "must", "ought", "need", "dare", "get", "to"})


def _listed_s_verb(nlp, tok) -> bool:
    """Is ``tok`` the -s form of a verb of the headline lexicon ("signals", "names", "taps")?"""
    return tok.lower_.endswith("s") and _is_inflected_verb(nlp, tok.text) and _verb_lemma(nlp, tok) in _verb_lexicon()[0]


def _verb_read_as_noun_root(nlp, root):
    """'Trump(compound) taps(ROOT) Pompeo(appos) to lead ...': a listed headline verb in -s form
    read as a plural noun between its subject and its object (a name or a determiner next):
    (verb, subject) or None."""
    doc = root.doc
    if root.tag_ != "NNS" or root.i == 0 or root.i + 1 >= len(doc) or not _listed_s_verb(nlp, root):
        return None
    before, after = doc[root.i - 1], doc[root.i + 1]
    if before.head.i != root.i or before.dep_ != "compound" or not _nominal(nlp, before):
        return None
    if after.head.i == root.i and after.dep_ in ("appos", "dobj", "compound") and (after.pos_ == "PROPN" or after.tag_ == "DT"):
        return root, before
    return None


def _future_before_coordinated_verb(root, subj):
    """'Mayor to tour flood zone, meet residents': the parser made the second, bare verb the root
    and hung the headline future ('to tour', copula elided) on the subject. The first verb carries
    the news: the infinitive right after the subject, or None."""
    if subj is None or subj.i > root.i or root.tag_ != "VB" or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return None
    for c in subj.rights:
        to = next((g for g in c.children if g.dep_ == "aux" and g.lower_ == "to"), None)
        if c.dep_ in ("relcl", "acl") and c.tag_ == "VB" and c.i < root.i and to is not None and to.i == subj.i + 1:
            return c
    return None


def _verb_hung_on_subject(nlp, root, subj):
    """'Governor Names Aide To Replace Senator': the parser hung the finite verb on the subject
    (as an apposition) and made the purpose infinitive the root. A present or past form right
    after the subject is the main verb: (verb, subject), or None."""
    if subj is None or root.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children):
        return None
    for c in subj.rights:
        if c.i == subj.i + 1 and c.tag_ in ("VBZ", "VBD") and c.dep_ in ("appos", "acl", "relcl", "compound") \
                and _lemmas(nlp, c.text, "verb") and not any(g.dep_ in _SUBJECT_DEPS for g in c.children):
            return c, subj
    # 'Governor names(compound) aide(nsubj) to replace(ROOT) ...': a listed headline verb in -s
    # form read as part of the subject, after a noun of its own
    doc = subj.doc
    c = doc[subj.i - 1] if subj.i >= 2 else None
    if c is not None and c.head.i == subj.i and c.tag_ in ("NNS", "VBZ") and _listed_s_verb(nlp, c):
        noun = doc[c.i - 1]
        if noun.head.i in (c.i, subj.i) and _nominal(nlp, noun):
            return c, noun
    return None


def _verb_read_as_auxiliary(nlp, root):
    """'Chris Christie Announces Run': the parser made the verb an auxiliary of its object noun
    read as a verb ('announces(aux) run(ROOT)'). A finite form that is no auxiliary is the verb:
    (verb, subject) or None."""
    for c in root.children:
        if c.dep_ == "aux" and c.i < root.i and c.tag_ in ("VBZ", "VBD") \
                and c.lemma_.lower() not in _AUXILIARIES and _lemmas(nlp, c.text, "verb"):
            subj = _subject_of(root) or _subject_of(c)
            if subj is not None and subj.i < c.i:
                return c, subj
    return None


def _main_verb_before_subordinate(nlp, root):
    """'FBI fires(compound) Peter Strzok, months after texts revealed(ROOT)': the parser made the
    verb of a subordinate clause the root and the main verb part of a name. A present-tense verb
    form after a noun, before the subordinator, is the main verb: (verb, subject) or None."""
    mark = next((c for c in root.children if c.dep_ == "mark" and c.lower_ in _SUBORDINATORS), None)
    if mark is None:
        return None
    doc = root.doc
    for t in doc[1: mark.i]:
        if t.dep_ not in ("compound", "amod", "nmod", "nsubj", "appos") or not _nominal(nlp, doc[t.i - 1]):
            continue
        if t.tag_ == "VBZ" and _lemmas(nlp, t.text, "verb"):
            return t, doc[t.i - 1]
        if t.tag_ == "NNS" and _is_inflected_verb(nlp, t.text) and t.i + 1 < mark.i \
                and (doc[t.i + 1].pos_ in ("PROPN", "DET") or doc[t.i + 1].tag_ == "PRP$"):
            return t, doc[t.i - 1]  # 'Agency fires(NNS) John Doe'
    return None


def _read_root(nlp, root) -> _Reading:
    if root.pos_ in ("VERB", "AUX") or root.tag_.startswith("VB") or root.tag_ == "MD":
        misread = _verb_read_as_auxiliary(nlp, root) or _main_verb_before_subordinate(nlp, root)
        if misread is not None:
            return _Reading(4.0, misread[0].i, misread[1].i, "clause", False)
        earlier = _earlier_clause(nlp, root)
        if earlier is not None:
            return _Reading(4.0, earlier[0].i, earlier[1].i, "clause", False)
        subj = _subject_of(root)
        future = _future_before_coordinated_verb(root, subj)
        if future is not None:
            return _Reading(3.0, future.i, subj.i, "clause", False)
        misread = _verb_hung_on_subject(nlp, root, subj)
        if misread is not None:
            return _Reading(4.0, misread[0].i, misread[1].i, "clause", False)
        first = _coordinated_first_verb(nlp, root, subj)
        if first is not None:
            return _Reading(4.0, subj.i, first.i, "clause", False)
        misread = _verb_read_as_subject(nlp, root, subj)
        if misread is not None:
            return _Reading(4.0, misread[0].i, misread[1].i, "clause", False)
        if subj is None:
            subj = _bare_subject(nlp, root)
        has_aux = any(c.dep_ in ("aux", "auxpass") for c in root.children)
        finite = root.tag_ in _FINITE_TAGS or has_aux
        if subj is not None and any(t.lower_ in _SUBORDINATORS for t in root.doc[subj.i + 1:root.i]
                                    if t.i in {s.i for s in subj.subtree}):
            # 'Chaos at the border as migrants surge': the verb belongs to a subordinate clause
            return _Reading(1.0, None, None, "none", False)
        if subj is not None and root.tag_ == "VBP" and subj.tag_ in ("NN", "NNP") and not has_aux \
                and not any(c.dep_ == "conj" for c in subj.children) and _lemmas(nlp, root.text, "adj"):
            # singular subject + plural-agreement form that can be an adjective: an elided copula,
            # 'North Korea Still Open To Talks'
            return _Reading(1.0, None, None, "none", False)
        if subj is not None and (finite or root.tag_ in ("VBN", "VBG", "VB")):
            score = 4.0 if finite else 3.0
        elif finite:
            score = 2.5
        else:
            score = 1.0
        return _Reading(score, root.i, subj.i if subj is not None else None, "clause", False)
    if root.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
        misread = _verb_read_as_subject(nlp, root, None) or _verb_read_as_noun_root(nlp, root)
        if misread is not None:
            return _Reading(4.0, misread[0].i, misread[1].i, "clause", False)
        for child in root.rights:
            # 'Facebook to ban political ads': the headline future, copula elided
            to = next((c for c in child.children if c.dep_ in ("aux", "auxpass") and c.lower_ == "to"), None)
            if child.tag_ == "VB" and to is not None and to.i > root.i and all(
                    t.pos_ not in ("VERB", "AUX", "ADP", "PUNCT") for t in root.doc[root.i + 1:to.i]):
                passive = any(c.dep_ == "auxpass" for c in child.children)
                return _Reading(3.0, child.i, root.i, "reduced" if passive else "clause", passive)
            if child.dep_ in ("acl", "relcl") and child.tag_ in ("VBN", "VBD"):
                between = root.doc[root.i + 1:child.i]
                if all(t.dep_ != "punct" or t.is_space for t in between) and not any(
                        c.dep_ in _SUBJECT_DEPS for c in child.children):
                    if _verb_lemma(nlp, child) in _verb_lexicon()[1]:
                        # 'Campaign Aide Communicated With Lobbyists': a verb that takes no object
                        # has no passive; the noun is its subject
                        return _Reading(3.5, child.i, root.i, "clause", False)
                    return _Reading(3.5, child.i, root.i, "reduced", True)
    return _Reading(0.0, None, None, "none", False)


def _voice(nlp, doc, reading: _Reading) -> str:
    if reading.verb is None:
        return "none"
    if reading.reduced:
        return "passive"
    verb = doc[reading.verb]
    children = list(verb.children)
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in children):
        return "passive"
    if reading.kind == "attribution" or verb.tag_ not in ("VBD", "VBN") or reading.subject is None:
        return "active"
    if any(c.dep_ in ("aux",) for c in children):
        return "active"  # perfect: 'Weather has curbed ...'
    nxt = verb.nbor(1) if verb.i + 1 < len(doc) else None
    if any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in children) or (
            nxt is not None and nxt.lower_ == "by"):
        return "passive"
    if _verb_lemma(nlp, verb) in _verb_lexicon()[2] and not any(c.dep_ in ("dobj", "dative", "ccomp") for c in children) and any(
            c.dep_ == "xcomp" and c.i > verb.i and any(g.lower_ == "to" for g in c.children) for c in children):
        return "passive"  # 'Senator urged to resign', 'Company ordered to pay': object control, no object
    if any(c.dep_ in _OBJECT_DEPS for c in children):
        return "active"
    if any(c.dep_ == "npadvmod" and any(g.like_num for g in c.subtree) for c in children):
        return "active"  # 'Shares dropped 5%'
    lemma = _verb_lemma(nlp, verb)
    if lemma in _verb_lexicon()[1]:
        return "active"
    # a headline reports past events in the present tense; a bare past form with no object is the
    # participle of a reduced passive ("Morgan Freeman Dropped From ...") -- Mardh (1980)
    return "passive"


# --------------------------------------------------------------------------------------------------
# phrases and agent types


def _phrase_tokens(token, exclude=None) -> list:
    drop = set()
    if exclude is not None:
        drop = {t.i for t in exclude.subtree}
    tokens = [t for t in token.subtree if t.i not in drop]
    # keep the contiguous run containing the token
    idx = {t.i for t in tokens}
    lo = hi = token.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    run = [t for t in tokens if lo <= t.i <= hi]
    while run and (run[0].is_punct or run[0].is_space or run[0].dep_ in ("cc", "prep") and run[0].i != token.i):
        run.pop(0)
    while run and (run[-1].is_punct or run[-1].is_space or run[-1].dep_ == "cc"):
        if run[-1].text in ")]" and any(t.text in "([" for t in run):
            break  # keep a closing bracket whose opener is in the phrase
        run.pop()
    return run


def _by_phrase(verb):
    """The 'by' of a passive's agent: the verb's own 'by', or one the parser hung on a dependent of
    the verb ('Taken Offline By Amazon'); only asked for passive verbs."""
    doc = verb.doc
    for t in verb.subtree:
        if t.i <= verb.i or t.lower_ != "by":
            continue
        if any(a.pos_ in ("VERB", "AUX") and a.i != verb.i for a in t.ancestors if verb.i in {b.i for b in a.ancestors}):
            continue  # the 'by' of a verb inside the clause ('Killed After Being Struck By Train')
        if t.dep_ == "agent" or t.head.i == verb.i or t.head.head.i == verb.i:
            return t
    if verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "by" and doc[verb.i + 1].head.i == verb.i:
        return doc[verb.i + 1]
    # 'Senator urged to resign by party leaders': the parser hangs the 'by' on the active infinitive
    # of an object-control passive; it names who urged
    for x in verb.children:
        if x.dep_ == "xcomp" and x.i > verb.i and not any(c.dep_ in ("auxpass", "nsubjpass") for c in x.children):
            for t in x.subtree:
                owner = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if t.lower_ == "by" and t.i > x.i and owner is not None and owner.i == x.i:
                    return t
    return None


_VERB_ADJUNCTS = frozenset({"over", "for", "after", "amid", "during", "despite", "following", "ahead", "before", "about"})
_HYPHEN_PREFIXES = frozenset({"ex", "former", "vice", "co", "non", "pre", "anti", "pro", "self", "post", "mid",
                              "deputy", "acting", "would", "then", "un", "re"})
_COMPANY_SUFFIXES = frozenset({"inc", "inc.", "corp", "corp.", "llc", "ltd", "ltd.", "plc", "co", "co."})


def _np_head_for_name(token):
    """'Bitcoin exchange MtGox' -> 'MtGox': a common noun followed by its name in apposition;
    'Amazon Web Services Inc.' -> 'Services': a company suffix is not the name's head."""
    if token.lower_ in _COMPANY_SUFFIXES and token.i > 0 and token.doc[token.i - 1].head.i == token.i:
        return token.doc[token.i - 1]
    if token.pos_ == "NOUN":
        for child in token.rights:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and child.i == token.i + 1:
                return child
    return token


def _agent_type(doc, tokens, head, written_ents=()) -> str:
    """court/judge | company | person | government | other, from cue words, then NER on the head
    (in the parsed text, else in the Title Case text as written: ``written_ents``)."""
    if not tokens:
        return "none"
    cues = _agent_cues()
    words = [t.lower_.strip(".") for t in tokens]
    joined = " ".join(words)
    for phrase, kind in cues.items():
        if " " in phrase and f" {phrase} " in f" {joined} ":
            return kind
    if head.lower_ in cues:
        return cues[head.lower_]
    if any(cues.get(w) == "court/judge" for w in words):
        return "court/judge"
    if any(t.lower_ in _COMPANY_SUFFIXES for t in tokens):
        return "company"
    labels = {ent.label_ for ent in doc.ents if ent.start <= head.i < ent.end} or {
        label for a, b, label in written_ents if a <= head.idx < b}
    if "PERSON" in labels:
        return "person"
    if "ORG" in labels:
        return "company"
    if labels & {"GPE", "NORP"}:
        return "government"
    for w in reversed(words):
        if w in cues:
            return cues[w]
    if head.pos_ == "PRON":
        return "person"
    return "other"


# --------------------------------------------------------------------------------------------------
# public API


def _empty(headline: str) -> HeadlineFrame:
    return HeadlineFrame(headline, None, None, None, None, None, None, None, None, "none", None, "none", "none")


def _frame_from(nlp, headline: str, offset: int, doc, reading: _Reading,
                written_ents: list[tuple[int, int, str]] = ()) -> HeadlineFrame:
    if reading.verb is None:
        return _empty(headline)
    verb = doc[reading.verb]

    def raw(tokens) -> str | None:
        if not tokens:
            return None
        return headline[offset + tokens[0].idx: offset + tokens[-1].idx + len(tokens[-1])]

    def raw_token(t) -> str:
        return headline[offset + t.idx: offset + t.idx + len(t)]

    def raw_word(t) -> str:
        """The token with hyphen-joined neighbours: 'Jae-yong', not 'yong'."""
        lo, hi = t.i, t.i
        while lo >= 2 and doc[lo - 1].text == "-" and not doc[lo - 2].whitespace_ and not doc[lo - 1].whitespace_ \
                and doc[lo - 2].is_alpha and doc[lo - 2].lower_ not in _HYPHEN_PREFIXES:
            lo -= 2
        while hi + 2 < len(doc) and doc[hi + 1].text == "-" and not doc[hi].whitespace_ \
                and not doc[hi + 1].whitespace_ and doc[hi + 2].is_alpha:
            hi += 2
        return headline[offset + doc[lo].idx: offset + doc[hi].idx + len(doc[hi])]

    voice = _voice(nlp, doc, reading)
    subj_tokens: list = []
    subj_head = None
    if reading.subject is not None:
        subj_head = _np_head_for_name(doc[reading.subject])
        if reading.kind == "attribution":  # the NP after the last comma
            comma = max((t.i for t in doc if t.text == "," and t.i < reading.subject), default=-1)
            subj_tokens = [t for t in doc[comma + 1:] if t.i != verb.i and not t.is_punct and not t.is_space]
        elif reading.kind == "repaired":
            subj_tokens = [t for t in doc[: verb.i] if not t.is_space]
            while subj_tokens and subj_tokens[0].is_punct:
                subj_tokens.pop(0)
        else:
            subj_tokens = _phrase_tokens(doc[reading.subject], exclude=verb if reading.reduced or verb.head.i == reading.subject else None)
    obj = None
    if reading.kind == "attribution":
        comma = max(t.i for t in doc if t.text == "," and t.i < min(verb.i, reading.subject or verb.i) + 1)
        obj_tokens = [t for t in doc[:comma] if not t.is_space]
    else:
        for dep in ("dobj", "obj", "dative", "attr", "ccomp", "xcomp", "oprd"):
            obj = next((c for c in verb.children if c.dep_ == dep), None)
            if obj is not None:
                break
        if obj is None:  # a noun object under a wrong label ('buys twitter/NN/advmod')
            obj = next((c for c in verb.rights if c.pos_ in ("NOUN", "PROPN")
                        and c.dep_ in ("advmod", "dep", "nmod", "compound", "appos")), None)
        obj_tokens = _phrase_tokens(obj) if obj is not None else []
        if reading.kind == "repaired" and obj is None:  # the noun phrase right after the verb
            for t in doc[verb.i + 1:]:
                if t.is_space or not _np_like(t) or t.pos_ == "ADP" or t.pos_ == "PUNCT" and t.text != "-":
                    break
                obj_tokens.append(t)
            while obj_tokens and not _nominal(nlp, obj_tokens[-1]):
                obj_tokens.pop()
        if obj is None and verb.head.i == verb.i + 1 and (
                verb.dep_ in ("nsubj", "nsubjpass") or verb.dep_ == "compound" and not obj_tokens):
            # the verb was re-read from a mis-tagged parse ('Judge rejects(NNS) bid(VBP)'): what the
            # parser made its head is the object, up to a cause, time or place that belongs to the
            # verb ('fines(NNS) broadcaster(ROOT) over indecency', 'rips(VBZ) progressivism at CPAC')
            head = verb.head
            cut = next((c.i for c in head.rights if c.dep_ == "prep" and (c.lower_ in _VERB_ADJUNCTS or c.lower_ == "at")
                        and c.lower_ not in ("for", "about")), head.right_edge.i + 1)  # ('plan for', 'talks about')
            obj_tokens = [t for t in doc[head.i: cut] if not t.is_space]
            while obj_tokens and obj_tokens[-1].is_punct:
                obj_tokens.pop()

    if voice == "passive":
        by = _by_phrase(verb)
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if pobj is None and by is not None and by.i + 1 < len(doc):
            nouns = [t for t in doc[by.i + 1:] if t.pos_ in ("NOUN", "PROPN")]
            pobj = nouns[0].head if nouns and nouns[0].head.i > by.i else (nouns[0] if nouns else None)
        # 'blasted by older sister over gay-marriage stance': a cause or time the parser hung on the
        # agent belongs to the verb
        adjunct = next((c for c in pobj.children if c.dep_ == "prep" and c.i > pobj.i and c.lower_ in _VERB_ADJUNCTS),
                       None) if pobj is not None else None
        agent_tokens = _phrase_tokens(pobj, exclude=adjunct) if pobj is not None else []
        agent_head = _np_head_for_name(pobj) if pobj is not None else None
        patient_tokens = subj_tokens
    else:
        agent_tokens = subj_tokens
        agent_head = subj_head
        patient_tokens = obj_tokens
    lemma = _verb_lemma(nlp, verb)
    return HeadlineFrame(
        headline=headline,
        verb=lemma,
        verb_text=raw_token(verb),
        verb_start=offset + verb.idx,
        verb_end=offset + verb.idx + len(verb),
        subject=raw(subj_tokens),
        subject_head=raw_word(subj_head) if subj_head is not None else None,
        agent=raw(agent_tokens),
        agent_head=raw_word(agent_head) if agent_head is not None else None,
        agent_type=_agent_type(doc, agent_tokens, agent_head, written_ents) if agent_head is not None else "none",
        patient=raw(patient_tokens),
        voice=voice,
        verb_class=verb_class_of(lemma),
    )


def headline_frames(headlines: Iterable[str], *, nlp: Language | None = None, batch_size: int = 256,
                    names: Sequence[Iterable[str]] | None = None) -> list[HeadlineFrame]:
    """Frame many headlines at once (all parsing variants go through one ``nlp.pipe`` batch).

    Parameters
    ----------
    headlines:
        Headline strings (pass the lede sentence where an article has no headline). ``None`` or
        non-strings are treated as empty.
    nlp:
        A spaCy English pipeline with tagger, parser, lemmatizer and NER; default
        :func:`framing.nlp.load_model`.
    batch_size:
        Texts per ``nlp.pipe`` batch.
    names:
        Optional, one collection per headline: the case-folded surnames of the people its story
        names (as :func:`framing.attribution.person_names` returns them). A capitalised headline
        word among them that is also a verb ("Trump", "Rice", "Stone") is read as a name:
        before parsing it is replaced by a placeholder proper noun of the same length, so that
        "Trump postpones tariffs" is not read with "trump" as the verb. The words reported stay
        as written, and an agent among the names is typed person.

    Returns
    -------
    One :class:`HeadlineFrame` per headline, in order.

    Notes
    -----
    Headline grammar ("headlinese": dropped articles and auxiliaries, reduced passives, present tense for
    past events, labels before a colon) follows Mårdh, I. (1980), *Headlinese: On the Grammar of English
    Front Page Headlines*, Lund Studies in English 58. The agent/patient reading of headlines as a framing
    device follows Entman, R. M. (1993), "Framing: Toward clarification of a fractured paradigm",
    *Journal of Communication* 43(4). Dependency parses come from spaCy's ``en_core_web_sm``
    (Honnibal & Montani); Title Case headlines are re-cased before parsing because taggers trained on
    running text read capitalised words as proper nouns.
    """
    if nlp is None:
        from framing.nlp import load_model

        nlp = load_model()
    written = [h if isinstance(h, str) else "" for h in headlines]
    # parse with ordinary spaces (same length, so offsets and the words reported stay as written)
    texts = [_ODD_SPACE.sub(" ", h) for h in written]
    name_sets = [frozenset(n) for n in names] if names is not None else None
    if name_sets is not None:
        texts = [_name_placeholders(nlp, t, n) for t, n in zip(texts, name_sets)]
    # 1. where the clause can be: core span and colon segments, as raw offsets
    segments: list[list[tuple[int, int]]] = []
    for text in texts:
        try:
            start, end = _core_span(text)
            segments.append(_colon_segments(text, start, end))
        except Exception:  # noqa: BLE001 - one odd headline must not lose the batch
            segments.append([])
    flat = [(h, a, b) for h, segs in enumerate(segments) for a, b in segs]
    # 2. named entities of Title Case segments as written (NER only), to keep proper nouns capitalised
    title = [k for k, (h, a, b) in enumerate(flat) if _is_title_case(_dequote(texts[h][a:b]))]
    entities: dict[int, list[tuple[int, int, str]]] = {}
    ner_off = [name for name in nlp.pipe_names if name != "ner"]
    if "ner" in nlp.pipe_names and title:
        ner_docs = nlp.pipe((_dequote(texts[flat[k][0]][flat[k][1]:flat[k][2]]) for k in title),
                            batch_size=batch_size, disable=ner_off)
        for k, doc in zip(title, ner_docs):
            entities[k] = [(e.start_char, e.end_char, e.label_) for e in doc.ents
                           if e.label_ in _NAME_LABELS and len(e) <= 4]
    variants = [_safe_variants(nlp, texts[h][a:b], [(s, e) for s, e, _ in entities.get(k, ())])
                for k, (h, a, b) in enumerate(flat)]
    # 3. parse the preferred variant of every segment; the fallback only where it found no clause
    docs: list[list] = [[doc] for doc in nlp.pipe((v[0] for v in variants), batch_size=batch_size)]
    readings = [[_safe_read(nlp, d[0])] for d in docs]
    retry = [k for k, v in enumerate(variants) if len(v) > 1 and readings[k][0].score < 3]
    for k, doc in zip(retry, nlp.pipe((variants[k][1] for k in retry), batch_size=batch_size)):
        docs[k].append(doc)
        readings[k].append(_safe_read(nlp, doc))
    frames = []
    k = 0
    for h, text in enumerate(written):
        parsed = []
        for a, b in segments[h]:
            parsed.append((a, b, docs[k], readings[k], entities.get(k, [])))
            k += 1
        try:
            frame = _choose(nlp, text, parsed, name_sets[h] if name_sets is not None else frozenset())
        except Exception:  # noqa: BLE001
            frame = _empty(text)
        if name_sets is not None:  # a name the placeholder hid from the recogniser
            frame = replace(frame, agent_type=_story_agent_type(frame.agent_head, frame.agent_type, persons=name_sets[h]))
        frames.append(frame)
    return frames


def _name_placeholders(nlp, text: str, names: frozenset[str]) -> str:
    """``text`` with every capitalised word that is one of the story's surnames ``names`` and also a
    verb ("Trump", "Rice", "Stone") replaced by a placeholder proper noun of the same length
    ("Qxxxx"), which the tagger reads as a name. Other names ("Pelosi", "Clinton") are left alone."""
    if not names:
        return text
    chars = None
    for m in re.finditer(r"[^\W\d_]+", text):
        word = m.group()
        if len(word) < 3 or not word[0].isupper() or word.casefold() not in names:
            continue
        if word.lower() in FUNCTION_WORDS or not _lemmas(nlp, word, "verb"):
            continue  # only a name that can be read as a verb misleads the parser
        if chars is None:
            chars = list(text)
        chars[m.start():m.end()] = "Q" + "x" * (len(word) - 1)
    return text if chars is None else "".join(chars)


#: No-break, thin and other fixed-width spaces, and zero-width spaces and byte-order marks: the
#: parser reads "Judge\u00a0rejects" as one word and "\u200bJudge" as an unknown one.
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff]")


def _safe_variants(nlp, segment: str, entities) -> list[str]:
    try:
        return _variants(nlp, segment, entities)
    except Exception:  # noqa: BLE001 - fall back to the text as written
        return [segment]


def _safe_read(nlp, doc) -> _Reading:
    try:
        return _read(nlp, doc)
    except Exception:  # noqa: BLE001 - an unreadable parse is a headline without a verb
        return _Reading(0.0, None, None, "none", False)


@lru_cache(maxsize=1)
def _label_words() -> dict[str, str]:
    return {row[0]: row[1] for row in _read_tsv("headline_labels.tsv")}


_ADDRESSEE = re.compile(r"\s+to\s+", re.I)
_SOURCE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _label_source(label: str, doc, reading: _Reading, names: frozenset[str]) -> str | None:
    """The speaker a colon label names ('Reid', 'Former Mexican President Fox to Trump' -> 'Former
    Mexican President Fox', 'report'), as written; None for a kicker ('EXCLUSIVE') or a topic
    ('Migrant caravan', 'Biden-Ryan Debate'). ``doc`` and ``reading`` are the label's own parse
    and reading (it is parsed as a headline segment). The label's head word decides: a listed
    source word, a role or organisation word of ``agent_cues.tsv``, one of the story's ``names``,
    or a person, organisation or place as the recogniser reads the label."""
    last_word = max((t.i for t in doc if t.is_alpha), default=-1)
    if any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") for t in doc) or (
            reading.verb is not None and reading.score >= 1.5 and reading.verb < last_word):
        # a clause of its own ('Bob Etheridge Attacks Student: ...'), not a speaker; a verb-like
        # last word is a name ('Larry Summers')
        return None
    m = _ADDRESSEE.search(label)
    if m is not None:
        label = label[: m.start()]  # 'Mitt To Akin: Drop Out': the speaker is before 'to'
    end = len(label.rstrip(" '\"‘’“”.,;!?"))
    label = label[:end].lstrip(" '\"‘’“”")
    words = re.findall(r"[^\W\d_][\w.'’-]*", label)
    if not words or len(words) > 8:
        return None
    kinds = _label_words()
    low = [re.sub(r"[’']s$", "", w.lower()).rstrip(".") for w in words]
    if all(kinds.get(w) == "furniture" for w in low):
        return None
    head = low[-1]
    if kinds.get(head) == "source" or head in _agent_cues() or head in names:
        return label
    last = next((t for t in reversed(doc) if t.is_alpha and t.idx < end), None)
    entity = next((e for e in doc.ents if last is not None and e.start <= last.i < e.end), None)
    if entity is not None and entity.label_ in _SOURCE_ENTITIES and len(entity) <= 3 and kinds.get(head) != "furniture":
        return label  # a name, not a topic the recogniser swallowed whole ('Anthony Weiner Twitter Photo Scandal')
    return None


def _source(text: str, parsed, position: int, frame: HeadlineFrame, names: frozenset[str]) -> str | None:
    """Who the chosen clause is attributed to: the label before its colon, a short label after it
    ('...: state media'), or the agent of a verb of saying ('Trump says ...', '..., attorney says')."""
    labels = []
    if position > 0:
        labels.append(parsed[position - 1])
    if position + 1 == len(parsed) - 1 and len(text[parsed[-1][0]:parsed[-1][1]].split()) <= 5:
        labels.append(parsed[-1])
    for a, b, docs, readings, _ in labels:
        found = _label_source(text[a:b], docs[0], readings[0], names)
        if found is not None:
            return found
    if frame.verb in REPORTING_TAIL - _EVIDENCE_VERBS and frame.voice == "active" and frame.agent:
        return frame.agent
    return None


_EVIDENCE_VERBS = frozenset({"show", "find"})  # 'GOP Rep Shows Support', 'Police Find Body': not a statement


def _is_quotation(segment: str) -> bool:
    """Is the segment one quotation ('“You will pay”', "'Not now.'")?"""
    marks = _QUOTES_DOUBLE + _QUOTES_SINGLE
    segment = segment.strip().rstrip(".!?,")
    return len(segment) > 2 and segment[0] in marks and segment[-1] in marks


def _choose(nlp, text: str, parsed, names: frozenset[str] = frozenset()) -> HeadlineFrame:
    candidates = []
    for position, (a, b, docs, readings, written_ents) in enumerate(parsed):
        best = None
        for rank, (doc, reading) in enumerate(zip(docs, readings)):
            # variants come in order of preference; a later one is used only when the earlier
            # readings found no clause with a subject
            key = (min(reading.score, 3.0), -rank)
            if best is None or key > best[0]:
                best = (key, doc, reading)
        if best is None:
            continue
        n_words = sum(1 for t in best[1] if t.is_alpha)
        clause = best[2].verb is not None and best[2].score >= 1.5 and n_words >= 3 \
            and not _WH_START.match(text[a:b])
        candidates.append((clause, position, a, best[1], best[2], n_words, written_ents))
    if not candidates:
        return _empty(text)
    clauses = [c for c in candidates if c[0]]
    # a quotation after a clause of its own is what that clause reports ('Mayor warns developers:
    # “You will pay”'), not the headline's statement
    said = [c[1] for c in clauses if c[4].score >= 2.5 and c[4].subject is not None]
    if said:
        clauses = [c for c in clauses if c[1] <= said[0] or not _is_quotation(text[parsed[c[1]][0]:parsed[c[1]][1]])]
    if clauses:
        # the clause after a speaker/label colon is the headline's statement: prefer the last one
        chosen = max(clauses, key=lambda c: (c[4].score >= 2.5, c[1]))
    else:
        chosen = max(candidates, key=lambda c: (c[4].verb is not None, c[5]))
    frame = _frame_from(nlp, text, chosen[2], chosen[3], chosen[4], chosen[6])
    return replace(frame, source=_source(text, parsed, chosen[1], frame, names))


def headline_frame(headline: str, *, nlp: Language | None = None, names: Iterable[str] = ()) -> HeadlineFrame:
    """Frame one headline: main verb, subject, agent, patient, voice, verb class and agent type.

    >>> f = headline_frame("Worker killed by train")  # doctest: +SKIP
    >>> (f.verb, f.subject_head, f.voice, f.agent)      # doctest: +SKIP
    ('kill', 'Worker', 'passive', 'train')
    """
    return headline_frames([headline], nlp=nlp, names=[names])[0]


def to_record(frame: HeadlineFrame) -> dict[str, object]:
    """The frame as one row of the ``articles`` table (keys = :data:`COLUMNS` ``['articles']``)."""
    return {
        "headline_verb": frame.verb,
        "headline_verb_text": frame.verb_text,
        "headline_agent": frame.agent,
        "headline_agent_head": frame.agent_head,
        "headline_agent_type": frame.agent_type,
        "headline_patient": frame.patient,
        "headline_voice": frame.voice,
        "headline_verb_class": frame.verb_class,
        "headline_subject_head": frame.subject_head,
        "headline_source": frame.source,
    }


def with_story_organisations(record: dict[str, object], organisations: set[str], *,
                             persons: set[str] = frozenset()) -> dict[str, object]:
    """``record`` with ``headline_agent_type`` set from how the story itself treats the agent.

    The headline alone often cannot tell a company from a person ("Parler loses bid"), and the
    recogniser misreads names in Title Case ("Biden Tries, Again" as an organisation); the story's
    attributions can tell ("Parler said ...", "Biden said ..."). ``organisations`` and ``persons``
    are case-folded last words of such names, as :func:`framing.attribution.organisation_names`
    and :func:`framing.attribution.person_names` return them. An agent typed person or other
    becomes a company when the story treats it as an organisation; one typed company or other
    becomes a person when the story treats it as a person.
    """
    kind = record.get("headline_agent_type")
    new = _story_agent_type(record.get("headline_agent_head"), kind, organisations=organisations, persons=persons)
    return record if new == kind else {**record, "headline_agent_type": new}


def _story_agent_type(head, kind, *, organisations=frozenset(), persons=frozenset()):
    """The agent type ``kind`` corrected by how the story treats the agent's head word ``head``
    (see :func:`with_story_organisations`)."""
    head = str(head or "").casefold()
    if head and kind in ("person", "other") and head in organisations:
        return "company"
    if head and kind in ("company", "other") and head in persons and head not in organisations:
        return "person"
    return kind
