"""framing: measure, side by side, how news outlets frame the same story.

>>> import framing
>>> report = framing.analyze("seeds")          # every feature, every article
>>> report["articles"]                          # one row per article
>>> framing.columns("articles")                 # what each column means
"""

from framing.columns import columns
from framing.document import Document, prepare
from framing.io import Article, Corpus, FramingInputError, load_corpus
from framing.loaders import iter_articles
from framing.pipeline import Report, analyze, analyze_article

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Corpus",
    "Document",
    "FramingInputError",
    "Report",
    "analyze",
    "analyze_article",
    "columns",
    "iter_articles",
    "load_corpus",
    "prepare",
]
