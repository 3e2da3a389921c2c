"""The data dictionary: one plain sentence for every column of every output table.

Like scikit-learn's ``get_feature_names_out``, it makes a table's columns discoverable:
``framing.columns()`` returns a DataFrame (table, column, description) that the README, the
notebooks and ``DIR/columns.csv`` all show.
"""

from __future__ import annotations

import importlib

import pandas as pd

__all__ = ["columns", "FEATURE_MODULES", "BASE_COLUMNS"]

#: Modules that contribute columns (each has a ``COLUMNS`` dict: table -> column -> sentence).
FEATURE_MODULES: tuple[str, ...] = (
    "framing.segment",
    "framing.language",
    "framing.boilerplate",
    "framing.headlines",
    "framing.attribution",
    "framing.tone",
    "framing.readability",
    "framing.lexicon",
    "framing.quote_families",
    "framing.artifacts",
    "framing.actors",
    "framing.omissions",
    "framing.distinctive",
    "framing.profiles",
)

BASE_COLUMNS = {
    "articles": {
        "article_id": "The article's identifier (for a folder corpus, the file name without extension).",
        "outlet": "The news outlet that published the article.",
        "story_id": "The story (event) the article reports; comparisons across outlets run within a story.",
    },
    "errors": {
        "article_id": "The article (or manifest row) that could not be used.",
        "source": "The file it came from.",
        "reason": "What was wrong, in one line.",
    },
}


def columns(table: str | None = None) -> pd.DataFrame:
    """The data dictionary as a DataFrame with columns ``table``, ``column``, ``description``."""
    merged: dict[str, dict[str, str]] = {t: dict(c) for t, c in BASE_COLUMNS.items()}
    for name in FEATURE_MODULES:
        mod = importlib.import_module(name)
        for t, cols in getattr(mod, "COLUMNS", {}).items():
            merged.setdefault(t, {})
            for c, desc in cols.items():
                merged[t].setdefault(c, desc)
    rows = [(t, c, d) for t, cols in merged.items() for c, d in cols.items()]
    frame = pd.DataFrame(rows, columns=["table", "column", "description"])
    if table is not None:
        frame = frame[frame["table"] == table].reset_index(drop=True)
    return frame
