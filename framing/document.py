"""One article prepared for analysis: its lines with roles, its headline, its story sentences.

Every feature reads a :class:`Document` rather than re-reading the text, so segmentation and
sentence splitting happen once per article, and character offsets always refer to the raw text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from framing.io import Article
from framing.lexicon import count_words
from framing.segment import PROSE_ROLES, Line, Segmentation, segment
from framing.sentences import Sentence, split_sentences

__all__ = ["Document", "prepare"]

@dataclass
class Document:
    """An article with its segmentation, headline and story sentences."""

    article: Article
    segmentation: Segmentation
    headline: str
    headline_start: int | None  # offsets of the headline in the raw text (None when given separately)
    headline_end: int | None
    headline_is_lede: bool
    sentences: list[Sentence] = field(default_factory=list)  # story sentences below the headline

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def article_id(self) -> str:
        return self.article.article_id

    @property
    def outlet(self) -> str:
        return self.article.outlet

    @property
    def lines(self) -> list[Line]:
        return self.segmentation.lines

    @cached_property
    def story_lines(self) -> list[Line]:
        """Headline, dek, subhead and body lines (story prose; table cells are left out)."""
        return [ln for ln in self.lines if ln.role == "headline" or ln.role in PROSE_ROLES]

    @cached_property
    def body_lines(self) -> list[Line]:
        """Story lines below the headline: dek, subheads and body."""
        return [ln for ln in self.lines if ln.role in PROSE_ROLES]

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        """``(start, end)`` of each story line below the headline (the attribution search space)."""
        return [(ln.start, ln.end) for ln in self.body_lines]

    @property
    def sentence_spans(self) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.sentences]

    @cached_property
    def story_text(self) -> str:
        """Story lines joined by blank lines (for bag-of-words comparisons; offsets do not apply)."""
        parts = [self.article.headline] if self.article.headline else []
        parts += [ln.text.strip() for ln in self.story_lines]
        return "\n\n".join(parts)

    @cached_property
    def n_words(self) -> int:
        return count_words(self.story_text)

    @property
    def story_chars(self) -> int:
        """Characters of story lines below the headline (stripped)."""
        return sum(len(ln.text.strip()) for ln in self.body_lines)


def prepare(article: Article, *, use_model: bool = True) -> Document:
    """Segment an article, find its headline (or lede) and split its story into sentences."""
    seg = segment(article.text, headline=article.headline, use_model=use_model)
    body = [ln for ln in seg.lines if ln.role in PROSE_ROLES]
    sentences = split_sentences(article.text, [(ln.start, ln.end) for ln in body], line_nos=[ln.line_no for ln in body])
    if article.headline:
        headline, hs, he, is_lede = article.headline.strip(), None, None, False
    elif seg.headline_line is not None:
        ln = seg.lines[seg.headline_line]
        lead = len(ln.text) - len(ln.text.lstrip())
        headline, hs, he, is_lede = ln.text.strip(), ln.start + lead, ln.start + lead + len(ln.text.strip()), False
    elif sentences:
        s = sentences[0]
        headline, hs, he, is_lede = s.text, s.start, s.end, True
    else:
        headline, hs, he, is_lede = "", None, None, True
    return Document(
        article=article,
        segmentation=seg,
        headline=headline,
        headline_start=hs,
        headline_end=he,
        headline_is_lede=is_lede,
        sentences=sentences,
    )
