"""Which language an article is written in, offline and without extra dependencies.

framing's features (headline parse, reporting verbs, sentiment, readability) are built for English;
an article in another language is flagged (the ``language`` column) rather than scored as if it
were English. :func:`detect_language` returns an ISO 639-1 code — ``en``, ``es``, ``fr``, ``de``,
``it``, ``pt``, ``nl``, ``ru``, ``zh``, ``ja``, ``ko``, ``ar``, ``he`` — or ``und`` when it cannot
tell (too little text, an unlisted language, mixed evidence).

Notes
-----
Two cues, in order. (1) Writing system: text mostly in Han, kana, Hangul, Arabic or Hebrew
letters is Chinese, Japanese (any kana among the Han characters), Korean, Arabic or Hebrew.
(2) For Latin and Cyrillic text, the share of words that are one language's most frequent
function words (``framing/data/language_stopwords.tsv``): the "short words" identifier that
Grefenstette (1995), "Comparing two language identification schemes" (JADT), compares with the
character n-gram profiles of Cavnar & Trenkle (1994), "N-Gram-Based Text Categorization"
(SDAIR). Function words make up a third or more of running text in these languages, so a
paragraph suffices; a handful of words does not, and gets ``und``. Only the first
:data:`MAX_CHARS` characters are read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

__all__ = [
    "LanguageGuess",
    "LANGUAGES",
    "MAX_CHARS",
    "COLUMNS",
    "guess_language",
    "detect_language",
    "is_english",
]

#: Codes :func:`detect_language` can return (besides ``und``).
LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "ru", "zh", "ja", "ko", "ar", "he")

#: Characters read from the start of a text (enough for a confident guess, bounded cost).
MAX_CHARS = 20_000

#: Fewer words than this (Latin/Cyrillic text) -> ``und``.
MIN_WORDS = 8
#: The best language's function words must be at least this share of all words ...
MIN_SHARE = 0.12
#: ... and at least this many times the runner-up's share.
MIN_MARGIN = 1.25
#: A writing system decides when its letters are at least this share of all letters.
SCRIPT_SHARE = 0.4

COLUMNS = {
    "articles": {
        "language": (
            "Language of the story text as an ISO 639-1 code (en, es, fr, de, it, pt, nl, ru, zh, ja, ko, "
            "ar, he), or 'und' when too short or unclear to tell; features are meant for English text."
        ),
    },
}


class LanguageGuess(NamedTuple):
    """A language guess with its evidence."""

    language: str  # ISO 639-1 code or "und"
    script: str  # "latin", "cyrillic", "han", "kana", "hangul", "arabic", "hebrew" or "none"
    share: float  # share of words that are the language's function words (1.0 for script decisions)
    n_words: int


_SCRIPTS = {
    "latin": r"A-Za-z\u00c0-\u024f",
    "cyrillic": r"\u0400-\u04ff",
    "han": r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    "kana": r"\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f",
    "hangul": r"\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
    "arabic": r"\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    "hebrew": r"\u0590-\u05ff\ufb1d-\ufb4f",
}
_SCRIPT_RE = {name: re.compile(f"[{chars}]") for name, chars in _SCRIPTS.items()}
_SCRIPT_LANG = {"hangul": "ko", "arabic": "ar", "hebrew": "he"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+")


@lru_cache(maxsize=1)
def _profiles() -> dict[str, frozenset[str]]:
    text = resources.files("framing").joinpath("data/language_stopwords.tsv").read_text(encoding="utf-8")
    profiles = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, words = line.split("\t", 1)
        profiles[code.strip()] = frozenset(words.split())
    return profiles


def _script_counts(text: str) -> dict[str, int]:
    return {name: len(rx.findall(text)) for name, rx in _SCRIPT_RE.items()}


def guess_language(text: str) -> LanguageGuess:
    """Guess the language of ``text`` and say why (see the module Notes)."""
    if not isinstance(text, str):
        return LanguageGuess("und", "none", 0.0, 0)
    sample = _URL.sub(" ", text[:MAX_CHARS])
    counts = _script_counts(sample)
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters == 0:
        return LanguageGuess("und", "none", 0.0, 0)
    cjk = counts["han"] + counts["kana"]
    if cjk / letters >= SCRIPT_SHARE:
        # Japanese writes kana between its kanji; Chinese has none.
        lang = "ja" if counts["kana"] >= 0.05 * cjk else "zh"
        return LanguageGuess(lang, "kana" if lang == "ja" else "han", 1.0, cjk)
    for script, lang in _SCRIPT_LANG.items():
        if counts[script] / letters >= SCRIPT_SHARE:
            return LanguageGuess(lang, script, 1.0, counts[script])
    script = "cyrillic" if counts["cyrillic"] > counts["latin"] else "latin"
    if counts[script] / letters < SCRIPT_SHARE:
        return LanguageGuess("und", "none", 0.0, 0)
    words = [w.lower() for w in _WORD.findall(sample) if _SCRIPT_RE[script].match(w)]
    n = len(words)
    if n < MIN_WORDS:
        return LanguageGuess("und", script, 0.0, n)
    profiles = _profiles()
    candidates = ["ru"] if script == "cyrillic" else [c for c in profiles if c != "ru"]
    shares = sorted(
        ((sum(1 for w in words if w in profiles[c]) / n, c) for c in candidates), reverse=True
    )
    best_share, best = shares[0]
    runner_up = shares[1][0] if len(shares) > 1 else 0.0
    if best_share < MIN_SHARE or best_share < MIN_MARGIN * runner_up:
        return LanguageGuess("und", script, best_share, n)
    return LanguageGuess(best, script, best_share, n)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language of ``text`` (see :data:`LANGUAGES`), or ``'und'``.

    >>> detect_language("The judge said the company had not shown that it would win the case.")
    'en'
    >>> detect_language("El juez dijo que la empresa no había demostrado que ganaría el caso.")
    'es'
    """
    return guess_language(text).language


def is_english(text: str, *, default: bool = True) -> bool:
    """True if ``text`` is English; ``default`` when the language cannot be told (``und``).

    The default is ``True`` so that a short English headline without body is still analysed;
    pass ``default=False`` to analyse only text positively identified as English.
    """
    lang = detect_language(text)
    return default if lang == "und" else lang == "en"
