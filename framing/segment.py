"""Segmentation: which lines of a scraped page are the story, and what the rest is.

Each non-empty line gets a ``role`` — ``headline``, ``dek``, ``byline``, ``dateline``,
``caption``, ``subhead``, ``body``, ``table`` or ``furniture`` — and furniture a
``furniture_kind`` (nav, related, promo, credit, source, section, duplicate, bio, other). Story
text is the headline, dek, subheads, body and the cells of data tables inside the story;
everything else is page furniture, and the ``boilerplate_ratio`` is the share of characters
that are furniture. Table cells count as story for that ratio but are not prose: sentences,
readability, tone and attributions are read from the headline, dek, subheads and body only.

Notes
-----
Explicit cue rules (captions with photo credits, "Related"/"Read more" links, sign-up and
support appeals, section labels, time stamps, bylines, duplicated lines, "About <name>" blurbs
on the writer or the company after the story) decide what they
recognise, in the spirit of the hand-built cleaners compared in Kohlschütter, Fankhauser and
Nejdl (2010), "Boilerplate Detection using Shallow Text Features" (WSDM). Lines no rule
decides fall to a learned line classifier over shallow features (:mod:`framing.boilerplate`),
when it is available, and otherwise to a length/punctuation rule.

The headline is looked for twice. At the top of the text: of the title-shaped lines before
the first prose paragraph, the one sharing most words with the story's core run (when the
line model is available; otherwise the first). On a whole-page dump the headline sits below
the menus, out of reach of that search, so failing it: the title-shaped line within
``HEADLINE_REACH`` lines above the core run that shares most words with it. The core run is
the maximum-sum run of lines scored by word count (:mod:`framing.boilerplate`), the
body-text block of Finn, Kushmerick and Smyth (2001), "Fact or fiction: content
classification for digital libraries" (DELOS workshop); taking the title to be the
short line above the body that best matches the body's vocabulary is this module's rule.

A data table flattened to text (standings, statistics, vote counts: one cell per line) looks
like a run of menu items to a line classifier. A run of at least ``TABLE_MIN_LINES`` short
lines is taken for a table in the story when it has the row structure of a table (the lines
that hold figures recur with a fixed period, as columns do; see Pinto, McCallum, Wei and Croft
2003, "Table extraction using conditional random fields", SIGIR, for line-level table cues)
and the story leads into it: the line just before it is story prose or a lead-in sentence
ending with a colon ("Final standings after 36 races:").  A numbered list ("1) ...", "2) ...", numbered from 1
without a gap) that the story leads into the same way is story text too, for the same reason.
So is a tweet embedded in the story: its text and the signature line under it ("— Name (@handle)
November 19, 2019"), like a quotation, once the story has begun.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

__all__ = [
    "Line",
    "Segmentation",
    "split_lines",
    "line_starts",
    "line_spans",
    "line_number",
    "LINE_BREAK",
    "segment",
    "boilerplate_ratio",
    "STORY_ROLES",
    "PROSE_ROLES",
    "ROLES",
    "FURNITURE_KINDS",
    "COLUMNS",
    "TWEET_SIGNATURE",
]

ROLES = ("headline", "dek", "byline", "dateline", "caption", "subhead", "body", "table", "furniture")
STORY_ROLES = frozenset({"headline", "dek", "subhead", "body", "table"})
#: Story roles that are prose (the text sentences, tone, readability and attributions read).
PROSE_ROLES = ("dek", "subhead", "body")
FURNITURE_KINDS = ("nav", "related", "promo", "credit", "source", "section", "duplicate", "bio", "other")

COLUMNS = {
    "lines": {
        "article_id": "The article the line belongs to.",
        "line_no": "Line number in the raw file, counted from 1 (blank lines count but are not listed).",
        "start": "Character offset of the line's first character in the article's raw text.",
        "end": "Character offset just past the line's last character (line break excluded).",
        "role": (
            "What the line is: headline, dek, byline, dateline, caption, subhead, body, table (a cell of a data "
            "table in the story, one cell per line), or furniture."
        ),
        "furniture_kind": (
            "For furniture lines, which kind: nav, related, promo, credit, source, section, duplicate, bio (an "
            "'About the author' or 'About <company>' blurb after the story, or its closing lines on the writer "
            "or how to reach them) or other; empty otherwise."
        ),
        "is_story": "True for story text (headline, dek, subhead, body, table), False for everything else.",
        "text": "The line as written in the raw file.",
    },
    "articles": {
        "headline": "The article's headline as written; the lede sentence when the page has no headline line.",
        "headline_is_lede": "True when no headline line was found and the lede (first story sentence) stands in for it.",
        "n_lines": "Number of non-empty lines in the raw text, story and furniture alike.",
        "n_words": "Number of words in the story text (headline, dek, subheads, body).",
        "n_sentences": "Number of sentences in the story text below the headline (dek, subheads, body).",
        "boilerplate_ratio": (
            "Characters of non-empty lines whose role is not headline/dek/subhead/body/table, divided by the "
            "characters of all non-empty lines (each line stripped); 0 = all story, 1 = all page furniture."
        ),
        "boilerplate_source": (
            "How boilerplate_ratio was measured: 'text lines' (the line roles above) or 'html page' (for a web "
            "page: 1 - characters of the extracted headline and story / characters of the page's visible text)."
        ),
        "published": "Publication date as given by the corpus (manifest 'published' or a 'date' column), if any.",
    },
}


@dataclass
class Line:
    """One non-empty line of an article with its role."""

    line_no: int
    start: int
    end: int
    text: str
    role: str = "body"
    furniture_kind: str = ""

    @property
    def is_story(self) -> bool:
        return self.role in STORY_ROLES

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass
class Segmentation:
    """The lines of one article with roles, and where its headline is."""

    lines: list[Line]
    headline_line: int | None  # index into `lines`, None when the lede stands in

    @property
    def story_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.is_story]

    @property
    def boilerplate_ratio(self) -> float:
        return boilerplate_ratio(self.lines)


#: Pages with fewer non-empty lines are segmented by the rules alone.
MIN_LINES_FOR_MODEL = 8
#: Repeated lines shorter than this (table cells, names) are left to the other rules.
MIN_WORDS_DUPLICATE = 3
#: On longer pages, share of a headline candidate's content words that must recur in the
#: story's core run, unless the line model already takes the line for story.
HEADLINE_MIN_OVERLAP = 0.5
#: How many lines from the top (and, on a page dump, above the story's core run) the
#: headline is looked for.
HEADLINE_REACH = 8
#: In a script without upper case, a section label is at most this many characters long.
UNCASED_LABEL_CHARS = 10
#: A data table in the story: at least this many consecutive short lines (cells) ...
TABLE_MIN_LINES = 15
#: ... of which at least this share hold a figure ...
TABLE_MIN_FIGURE_SHARE = 0.3
#: ... whose cells without figures are short (mean words at most this: names and labels, not
#: the headlines of a numbered "most read" list) ...
TABLE_MAX_TEXT_CELL_WORDS = 4
#: ... laid out in rows: for some row length of 2 to ``TABLE_MAX_COLUMNS`` cells, whether a line
#: holds a figure agrees with the line one row further on for at least this share of lines.
TABLE_MIN_ROW_AGREEMENT = 0.85
TABLE_MAX_COLUMNS = 12

#: An embedded tweet is story when it comes after the story's first paragraph and at most this many
#: lines after its last one.
TWEET_AFTER_STORY = 3

#: What ends a line: ``\r\n``, a lone ``\r`` or ``\n`` (the rule of :func:`split_lines`).
LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_RE = re.compile(rf"[^\r\n]*(?:{LINE_BREAK.pattern}|$)")


def split_lines(text: str) -> list[Line]:
    """Non-empty lines of ``text`` with 1-based line numbers and raw-text offsets.

    ``\\r\\n``, ``\\r`` and ``\\n`` all end a line. Whitespace-only lines are skipped
    (but counted in line numbers).
    """
    out: list[Line] = []
    pos = 0
    line_no = 0
    n = len(text)
    while pos < n:
        m = _LINE_RE.match(text, pos)
        chunk = m.group(0)
        if not chunk:
            break
        line_no += 1
        content = chunk.rstrip("\r\n")
        if content.strip():
            out.append(Line(line_no=line_no, start=pos, end=pos + len(content), text=content))
        pos = m.end()
    return out


def line_starts(text: str) -> list[int]:
    """Offset of the first character of each line of ``text``, blank lines included.

    Lines end where :func:`split_lines` ends them (``\\r\\n``, ``\\r`` or ``\\n``), so
    ``bisect.bisect_right(line_starts(text), offset)`` is the 1-based line number that
    :func:`split_lines` gives the line holding ``offset``.
    """
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]


def line_number(starts: Sequence[int], offset: int) -> int:
    """1-based line number of ``offset``, given ``starts`` = :func:`line_starts` of the text."""
    return bisect.bisect_right(starts, offset)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of ``text``, line break excluded (:func:`split_lines`)."""
    return [(ln.start, ln.end) for ln in split_lines(text)]


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    s = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", s)
    return re.sub(r"\s+", " ", s).strip()


_WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*", re.UNICODE)


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


# ---- cue patterns (general page-furniture vocabulary, not any one site's strings) ----------
_CAPTION_CREDIT = re.compile(
    r"(\bphoto(?:graph)?s?\s*(?:by\s+(?-i:[A-Z])|:|credit)|\(\s*photo\s*:|\bimage\s*(?:by\s+(?-i:[A-Z])|:|credit)|"
    r"\bvia getty images\b|\bgetty images\b|\bap photo\b|/\s*(?:afp|ap|reuters|upi|epa|getty)\b|"
    r"\b(?:afp|reuters|ap|upi|epa)\s*/|\blicense photo\b|\bshutterstock\b|\bfile photo\b)",
    re.I,
)
_RELATED = re.compile(
    r"^(?:related\b|read more\b|read also\b|see also\b|more from\b|more on\b|recommended\b|"
    r"also worth reading\b|also read\b|you may also like\b|most read\b|trending\b|popular\b|"
    r"top stories\b|related topics\b|related articles\b)",
    re.I,
)
_NAV = re.compile(
    r"^(?:skip to (?:main )?content|skip navigation|menu|home|search|sign in|log ?in|"
    r"share(?: this)?(?: article)?|share on \w+|print|email|advertisement|ad|back to top|"
    r"follow us|cookie|accept(?: all)? cookies|toggle navigation|close|"
    r"latest (?:headlines|news|stories)|more (?:news|stories)|sections?|topics)\b",
    re.I,
)
_PROMO = re.compile(
    r"(\bsign up\b|\bsubscribe\b|\bnewsletter\b|\bdonat(?:e|ion)\b|\bsupport (?:us|our)\b|"
    r"\byour (?:vote of )?support\b|\bjoin (?:our|the) community\b|\bclick (?:below|here)\b|"
    r"\ba message from\b|\bthank you\b|\bfollow us\b|\bdownload (?:our|the) app\b)",
    re.I,
)
_LEGAL_FOOTER = re.compile(
    r"(\ball rights reserved\b|©|\bcopyright\b|\bterms of (?:use|service)\b|\bprivacy policy\b|"
    r"\bcookie policy\b|\bcontact us\b|\babout us\b)",
    re.I,
)
_SOURCE = re.compile(
    r"^(?:source\s*:|sources\s*:|\(?reporting by\b|\(?editing by\b|\(?additional reporting\b|"
    r"\(?compiled by\b|\(?writing by\b)",
    re.I,
)
_BYLINE = re.compile(
    r"^(?:(?i:by|written by|words by|posted by|published by)\s+)[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"\s*(?:(?:[,|/•·]|\s[-–—]\s|\s\d).*)?$"
)
# A line made only of share-button labels ("Facebook Twitter WhatsApp Email").
_SHARE_BUTTONS = re.compile(
    r"^(?:(?:share|tweet|facebook|twitter|whatsapp|linkedin|pinterest|reddit|pocket|flipboard|"
    r"tumblr|telegram|messenger|e-?mail|print|copy link|google|instagram|youtube|sms)\b\+?[\s|,/·•]*)+$",
    re.I,
)
# A name of one to four capitalised words ("Jane Doe", "Moritz Bachmann", "J. R. Smith").
_CAPITALISED_NAME = r"(?-i:[A-ZÀ-Ý][\w.'’-]*)(?:\s+(?-i:[A-ZÀ-Ý][\w.'’-]*)){0,3}"
# "About Jane Doe", "About the author", "Über Moritz Bachmann", "Sobre Carlos Nadalim", "About Ascom":
# the heading of a blurb on the writer or the issuing company, not a story sub-heading ("About the
# study" has no name after it).
_ABOUT = re.compile(
    r"^(?:about|über|sobre|à propos de|a propos de|informazioni su)\s+"
    rf"(?:the author|me|{_CAPITALISED_NAME})\s*:?$",
    re.I,
)
# The closing lines of many articles: a line on the writer ("Phil Helsel is a reporter for NBC
# News.") or how to reach them ("Follow her on Twitter @...", "may be reached at ...@...").
_WRITER_LINE = re.compile(
    rf"^{_CAPITALISED_NAME}(?:\s*\([^)]*\))?\s+is\s+(?:a|an|the)\b[^.]{{0,80}}?"
    r"\b(?:reporter|writer|editor|correspondent|columnist|contributor|journalist|author|publisher|producer|"
    r"freelancer|blogger)s?\b",
    re.I,
)
_CONTACT_LINE = re.compile(
    r"\b(?:follow|reach|contact|e-?mail|tips?)\b.*(?:[\w.-]+@[\w-]+\.\w|\s@\w+|\btwitter\b)|"
    r"\bmay be reached at\b|^have a (?:news )?tip\b",
    re.I,
)
_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_STAMP = re.compile(
    rf"^(?:(?:updated|published|posted|last updated|first published)\b.*|"
    rf"(?:\w+day,?\s+)?{_MONTHS}\.?\s+\d{{1,2}},?\s+\d{{4}}.*|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}.*|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}.*|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b.*|\d{{1,2}}:\d{{2}}\s*(?:am|pm)?\b.*)$",
    re.I,
)
# What a photo caption says and story prose does not: the wire-caption date with weekday and year
# ("..., Tuesday, Nov. 19, 2019, in Indianapolis."), a pointer at the picture ("pictured", "file
# photo", "left to right"), or a line opening with the picture that "shows" something ("This
# satellite image from NASA shows fires ...").
_CAPTION_SHAPE = re.compile(
    rf"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+{_MONTHS}\.?\s+\d{{1,2}},\s+\d{{4}}\b|"
    r"\b(?:pictured|file photo|in this photo|in this image|this undated photo|left to right)\b|"
    r"^(?:this|the|a|an|above|below)\s+(?:[\w’'-]+\s+){0,4}?(?:photo(?:graph)?|image|picture|map|chart|graphic|"
    r"illustration|screenshot|rendering)s?\b(?:\s+[\w’'.,-]+){0,12}?\s+(?:shows|showing|depicts)\b",
    re.I,
)
_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[:;]\s*$")
#: The line a page shows under an embedded tweet: "— Rep. Jane Doe (@janedoe) November 19, 2019"
#: (a dash, the account's display name, its handle, the date). The tweet's text is the line above it.
TWEET_SIGNATURE = re.compile(
    rf"^[ \t]*(?P<dash>[—–―-]{{1,2}})[ \t]*(?P<name>\S.{{0,80}}?)[ \t]*\((?P<handle>@\w{{1,15}})\)[ \t]+"
    rf"{_MONTHS}\.?[ \t]+\d{{1,2}},[ \t]*\d{{4}}[ \t]*$",
    re.I,
)


def _is_name_like(s: str) -> bool:
    w = s.split()
    return 2 <= len(w) <= 4 and all(re.match(r"^[A-Z][a-z'’.-]+$", x) for x in w) and not _SENT_END.search(s)


def _is_section_label(s: str) -> bool:
    w = s.split()
    if not (1 <= len(w) <= 3 and s.upper() == s and any(c.isalpha() for c in s) and len(s) <= 30):
        return False
    if any(c.isupper() for c in s):
        return True
    # a script without case (Japanese, Chinese): a menu-length line, not a sentence (。！？), is a label;
    # a short sentence such as "これでようやく元の操作性を取り戻せました。" is story
    return len(s) <= UNCASED_LABEL_CHARS and not s.rstrip().endswith(("。", "！", "？", ".", "!", "?"))


def _is_titleish(s: str) -> bool:
    """A headline-shaped line: 3-25 words, no sentence-final period."""
    w = _words(s)
    if not (3 <= len(w) <= 25):
        return False
    if s.rstrip().endswith((".", ":", ";", ",")) and not s.rstrip().endswith("..."):
        return False
    return True


def _prose_like(s: str) -> bool:
    w = _words(s)
    return len(w) >= 12 or (len(w) >= 6 and bool(_SENT_END.search(s)))


def _reports_speech(s: str) -> bool:
    """The line holds an inflected verb of saying or writing from the reporting-verb lexicon."""
    from framing.attribution import reported_speech_pattern  # attribution imports this module

    return reported_speech_pattern().search(s) is not None


def _rule_label(s: str, words: list[str]) -> tuple[str, str] | None:
    """Role decided by a cue pattern alone, or None."""
    n = len(words)
    if _SOURCE.search(s):
        return ("furniture", "source")
    if _CAPTION_CREDIT.search(s):
        return ("caption", "") if n >= 6 else ("furniture", "credit")
    if 6 <= n <= 60 and _CAPTION_SHAPE.search(s) and not _STAMP.match(s) and not re.search(r"[\"“”]", s):
        return ("caption", "")
    if n <= 8 and _RELATED.search(s):
        return ("furniture", "related")
    if re.match(r"^related\b", s, re.I):
        return ("furniture", "related")
    if n <= 5 and _NAV.search(s):
        return ("furniture", "nav")
    if n <= 12 and _SHARE_BUTTONS.match(s):
        return ("furniture", "nav")
    if n <= 12 and _STAMP.match(s):
        return ("dateline", "")
    if _BYLINE.match(s):
        return ("byline", "")
    return None


_FIGURE = re.compile(r"\d")
# Furniture a cue rule recognised stays furniture inside a table run.
_KEEP_IN_TABLE = frozenset({"nav", "related", "promo", "source", "credit"})


def _is_cell(s: str, words: list[str]) -> bool:
    """A line that can be a table cell: not prose, or mostly figures ("3 tackles, 1 sack, 2 QH.")."""
    return not _prose_like(s) or sum(1 for w in words if _FIGURE.search(w)) >= 0.25 * len(words)


def _row_agreement(has_figure: Sequence[bool]) -> float:
    """Best share, over row lengths 2..TABLE_MAX_COLUMNS, of lines whose figure/no-figure
    status equals that of the line one row further on (1.0 for a perfectly regular table)."""
    n = len(has_figure)
    best = 0.0
    for k in range(2, TABLE_MAX_COLUMNS + 1):
        if n < 2 * k:
            break
        same = sum(1 for i in range(n - k) if has_figure[i] == has_figure[i + k])
        best = max(best, same / (n - k))
    return best


def _table_runs(strip: Sequence[str], words: Sequence[list[str]], is_lead_in: Sequence[bool]) -> list[tuple[int, int]]:
    """``(start, end)`` line ranges read as data tables in the story.

    A table is a run of at least :data:`TABLE_MIN_LINES` cells (:func:`_is_cell`), cut after
    its last line holding a figure, in which at least :data:`TABLE_MIN_FIGURE_SHARE` of the lines
    hold a figure, whose lines without a figure have at most :data:`TABLE_MAX_TEXT_CELL_WORDS`
    words on average, with row structure from its first line holding a figure on (header rows
    aside; :func:`_row_agreement` at least :data:`TABLE_MIN_ROW_AGREEMENT`), and which the story leads into: ``is_lead_in`` is true for
    the line just before it.
    """
    n = len(strip)
    out = []
    i = 0
    while i < n:
        if not _is_cell(strip[i], words[i]):
            i += 1
            continue
        j = i
        while j < n and _is_cell(strip[j], words[j]):
            j += 1
        figures = [bool(_FIGURE.search(s)) for s in strip[i:j]]
        end = i + max((k + 1 for k, f in enumerate(figures) if f), default=0)
        figures = figures[: end - i]
        text_cells = [len(words[k]) for k in range(i, end) if not figures[k - i]]
        if (
            end - i >= TABLE_MIN_LINES
            and sum(text_cells) <= TABLE_MAX_TEXT_CELL_WORDS * max(len(text_cells), 1)
            and i > 0
            and is_lead_in[i - 1]
            and sum(figures) >= TABLE_MIN_FIGURE_SHARE * len(figures)
            and _row_agreement(figures[figures.index(True):]) >= TABLE_MIN_ROW_AGREEMENT  # header rows aside
        ):
            out.append((i, end))
        i = j
    return out


_LIST_ITEM = re.compile(r"^(\d{1,2})\s*[.)]\s+\S")
#: A numbered list in the story: at least this many items numbered 1, 2, 3, ... ...
LIST_MIN_ITEMS = 3
#: ... each within this many lines of the one before (room for a link or a line of text per item).
LIST_MAX_STEP = 3


def _numbered_lists(strip: Sequence[str], is_lead_in: Sequence[bool]) -> list[tuple[int, int]]:
    """``(start, end)`` line ranges of numbered lists the story leads into.

    A list is items "1) ...", "2) ...", ... (or "1. ...") numbered from 1 without a gap, at
    least :data:`LIST_MIN_ITEMS` of them, each at most :data:`LIST_MAX_STEP` lines after the
    previous one, and ``is_lead_in`` true for the line before item 1. The last item keeps as
    many lines after it as the items are apart (its link or line of text).
    """
    out = []
    i = 0
    n = len(strip)
    while i < n:
        m = _LIST_ITEM.match(strip[i])
        if not (m and m.group(1) == "1" and i > 0 and is_lead_in[i - 1]):
            i += 1
            continue
        items = [i]
        j = i + 1
        while j < n and j - items[-1] <= LIST_MAX_STEP:
            m = _LIST_ITEM.match(strip[j])
            if m and int(m.group(1)) == len(items) + 1:
                items.append(j)
            j += 1
        if len(items) >= LIST_MIN_ITEMS:
            steps = sorted(b - a for a, b in zip(items, items[1:]))
            out.append((i, min(items[-1] + steps[len(steps) // 2], n)))
            i = out[-1][1]
        else:
            i += 1
    return out


def _best_by_overlap(candidates: Sequence[int], overlap: Sequence[float]) -> int:
    """The candidate with the highest overlap; the earliest one on ties."""
    return max(candidates, key=lambda i: (overlap[i], -i))


def _core_headline(
    strip: Sequence[str], free: Sequence[bool], overlap: Sequence[float], core_start: int
) -> int | None:
    """Headline of a page dump: among the lines ``free`` (no rule decided them) that are
    title-shaped and not section labels, within ``HEADLINE_REACH`` lines above the core run
    starting at ``core_start``, the one sharing most words with the core (``overlap``),
    provided it shares at least ``HEADLINE_MIN_OVERLAP``; the earliest one on ties. None if
    there is no such line."""
    cands = [
        i
        for i in range(max(core_start - HEADLINE_REACH, 0), core_start)
        if free[i] and _is_titleish(strip[i]) and not _is_section_label(strip[i])
        and overlap[i] >= HEADLINE_MIN_OVERLAP
    ]
    return _best_by_overlap(cands, overlap) if cands else None


def segment(text: str, *, headline: str | None = None, use_model: bool = True) -> Segmentation:
    """Give every non-empty line of ``text`` a role.

    Parameters
    ----------
    text:
        The article's raw text.
    headline:
        A headline given separately (e.g. a CSV column). Then no line is taken as headline.
    use_model:
        Let the learned line classifier decide lines no rule decides (when it is installed).
    """
    lines = split_lines(text)
    if not lines:
        return Segmentation(lines=[], headline_line=None)
    strip = [ln.text.strip() for ln in lines]
    words = [_words(s) for s in strip]
    n = len(lines)
    decided: list[tuple[str, str] | None] = [None] * n

    # 1. exact duplicates of an earlier line (repeated headlines, repeated captions). A repeated
    #    short cell ("1", "Kyle Busch") is more likely a table row than furniture, and a repeated
    #    sentence inside the story (an interviewer's recurring question) is story.
    prose = [i for i in range(n) if _prose_like(strip[i])]
    first_prose, last_prose = (prose[0], prose[-1]) if prose else (n, -1)
    seen: dict[str, int] = {}
    for i, s in enumerate(strip):
        key = _norm(s)
        if key in seen and len(key) > 0 and len(words[i]) >= MIN_WORDS_DUPLICATE:
            if seen[key] < first_prose or i > last_prose or not _SENT_END.search(s):
                decided[i] = ("furniture", "duplicate")
        else:
            seen.setdefault(key, i)

    # 2. cue patterns
    for i, s in enumerate(strip):
        if decided[i] is None:
            decided[i] = _rule_label(s, words[i])

    # 3. the support/sign-up appeal that ends many pages: from the first promo cue in the tail
    #    (after the story has run) to the end, everything is promo.
    prose_idx = [i for i in range(n) if decided[i] is None and _prose_like(strip[i])]
    if prose_idx:
        first_prose = prose_idx[0]
        for i in range(first_prose + 1, n):
            if decided[i] is None and _PROMO.search(strip[i]) and i > n * 0.5 and len(words[i]) <= 25:
                later_prose = [j for j in prose_idx if j > i and not _PROMO.search(strip[j])]
                # a promo block: few prose lines after it, and those are in the block itself; prose
                # that reports speech ("..., she asked") is the story going on after a one-line promo
                # ("CLICK HERE TO GET THE APP" a few paragraphs before the end)
                if len(later_prose) <= 3 and not any(_reports_speech(strip[j]) for j in later_prose):
                    for j in range(i, n):
                        if decided[j] is None or decided[j][0] in ("body", "caption", "byline"):
                            decided[j] = ("furniture", "promo")
                    break
        for i in range(n):
            if decided[i] is None and len(words[i]) <= 12 and (
                _PROMO.search(strip[i]) or _LEGAL_FOOTER.search(strip[i])
            ):
                decided[i] = ("furniture", "promo")

    # 3b. an "About <name>" blurb after the story has begun: the heading and the prose under it
    prose_idx = [i for i in range(n) if decided[i] is None and _prose_like(strip[i])]
    for i in range(n):
        if decided[i] is None and prose_idx and i > prose_idx[0] and len(words[i]) <= 5 and _ABOUT.match(strip[i]):
            decided[i] = ("furniture", "bio")
            j = i + 1
            while j < n and decided[j] is None and _prose_like(strip[j]):
                decided[j] = ("furniture", "bio")
                j += 1

    # The learned line classifier's story/furniture decision (longer pages only): the line model
    # reads a line in its page context (position, neighbours, the story's core run); on a page
    # of a few lines that context is missing.
    story = None
    overlap = None
    core_start = None
    if use_model and n >= MIN_LINES_FOR_MODEL and any(d is None for d in decided):
        try:
            from framing import boilerplate as _bp  # optional learned model

            story, features = _bp.story_lines_and_features(strip)
            overlap = features[:, _bp.FEATURE_NAMES.index("core_word_overlap")]
            in_core = features[:, _bp.FEATURE_NAMES.index("in_core")]
            core_start = next((i for i in range(n) if in_core[i] > 0), None)
        except Exception:  # model missing or failing: fall back to the rules
            story = overlap = core_start = None

    # 4. headline: a title-shaped line before the first prose paragraph; when the line model
    #    votes, one it takes for story or one sharing words with the story's core run, and of
    #    several such lines the one sharing most words with the core. Failing that (a page
    #    dump, menus above the headline), the best-matching title-shaped line just above the
    #    core run.
    head_idx: int | None = None
    if headline is None:
        cands: list[int] = []
        for i in range(n):
            if decided[i] is not None:
                continue
            if _prose_like(strip[i]) and not _is_titleish(strip[i]):
                break
            if _is_titleish(strip[i]) and not _is_section_label(strip[i]) and (
                story is None or story[i] or overlap[i] >= HEADLINE_MIN_OVERLAP
            ):
                cands.append(i)
                if overlap is None:
                    break
            if i >= HEADLINE_REACH:
                break
        if cands:
            head_idx = cands[0] if overlap is None else _best_by_overlap(cands, overlap)
        elif core_start is not None:
            head_idx = _core_headline(strip, [d is None for d in decided], overlap, core_start)
        if head_idx is not None:
            decided[head_idx] = ("headline", "")

    # 5. section labels and bylines near the top (before the first body paragraph)
    first_body = next((i for i in range(n) if decided[i] is None and _prose_like(strip[i])), n)
    for i in range(first_body):
        if decided[i] is not None:
            continue
        if _is_section_label(strip[i]):
            decided[i] = ("furniture", "section")
        elif head_idx is not None and i > head_idx and _is_name_like(strip[i]):
            decided[i] = ("byline", "")
        elif head_idx is not None and i == head_idx + 1 and len(words[i]) >= 8:
            decided[i] = ("dek", "")

    # 6. what no rule decided: the learned classifier's story/furniture decision, else length
    #    and punctuation
    undecided = [i for i in range(n) if decided[i] is None]
    story_idx = [i for i in range(n) if decided[i] is None and _prose_like(strip[i])]
    last_story = story_idx[-1] if story_idx else -1
    first_story = story_idx[0] if story_idx else n
    for i in undecided:
        s = strip[i]
        if story is not None:
            if not story[i]:
                decided[i] = ("furniture", "other")
            elif _prose_like(s) or s.endswith(":") or len(words[i]) > 14:
                decided[i] = ("body", "")
            else:
                decided[i] = ("subhead", "")
        elif _prose_like(s):
            decided[i] = ("body", "")
        elif first_story < i < last_story and 1 <= len(words[i]) <= 14 and not s.endswith((".", ",")):
            # a short line inside the story run: a sub-heading, unless it is a lead-in ("... said:")
            decided[i] = ("body", "") if s.endswith(":") else ("subhead", "")
        else:
            decided[i] = ("furniture", "other") if i > last_story or i < first_story else ("body", "")

    # 6b. a tweet embedded in the story (its text, then the signature line under it) is story text,
    #     as quotations are: the signature is the attribution, not page furniture
    body = [i for i in range(n) if decided[i][0] == "body" and _prose_like(strip[i])]
    for i in range(n):
        if body and body[0] < i - 1 and i <= body[-1] + TWEET_AFTER_STORY and TWEET_SIGNATURE.match(strip[i]):
            for j in (i - 1, i):
                if decided[j][0] in PROSE_ROLES or decided[j] == ("furniture", "other"):
                    decided[j] = ("body", "")

    # 7. data tables the story leads into: their cells are story, not menus (the lead-in: story
    #    prose, or a prose line ending with a colon)
    lead_in = [
        d[0] in PROSE_ROLES or (_prose_like(strip[i]) and strip[i].endswith(":"))
        for i, d in enumerate(decided)
    ]
    for a, b in _table_runs(strip, words, lead_in):
        for i in range(a, b):
            if decided[i][0] != "furniture" or decided[i][1] not in _KEEP_IN_TABLE:
                decided[i] = ("table", "")
    # 8. numbered lists the story leads into ("1) ...", "2) ..."): their items are story text
    for a, b in _numbered_lists(strip, lead_in):
        for i in range(a, b):
            if decided[i][0] not in ("headline", "table") and decided[i][1] not in _KEEP_IN_TABLE:
                decided[i] = ("body", "")

    # 9. the story's closing lines on the writer or how to reach them are furniture
    for i in range(n - 1, -1, -1):
        if decided[i][0] not in STORY_ROLES:
            continue
        if decided[i][0] != "body" or not (_WRITER_LINE.match(strip[i]) or _CONTACT_LINE.search(strip[i])):
            break
        decided[i] = ("furniture", "bio")

    for ln, (role, kind) in zip(lines, decided):
        ln.role = role
        ln.furniture_kind = kind if role == "furniture" else ""
    return Segmentation(lines=lines, headline_line=head_idx)


def boilerplate_ratio(lines: Sequence[Line]) -> float:
    """Characters of non-story lines / characters of all non-empty lines (stripped); NaN if none."""
    total = 0
    furniture = 0
    for ln in lines:
        k = len(ln.text.strip())
        total += k
        if not ln.is_story:
            furniture += k
    return furniture / total if total else float("nan")
