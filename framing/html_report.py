"""The write-up: one self-contained HTML page with the side-by-side table, the figures and the texts.

:func:`render_html` builds the page from a :class:`~framing.pipeline.Report`; :func:`write_html`
writes it atomically (``framing report`` writes ``DIR/report.html``). The page needs nothing else:
no script, no web font, no network; figures are inlined as SVG. Each article's text is shown with
its page furniture greyed, the headline's agent outlined and every attributed statement coloured by
the kind of speaker, using the character offsets of the ``lines`` and ``quotes`` tables.

Article text is untrusted input: every piece of it is escaped with :func:`html.escape`, and the
page's Content-Security-Policy forbids scripts, so a ``<script>`` in a headline shows as text.

Notes
-----
Highlighting quotations by speaker follows the presentation of attribution in Pareti (2016),
"PARC 3.0: A Corpus of Attribution Relations" (LREC), where content, source and cue are marked on
the running text.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, NamedTuple

import pandas as pd

from framing.output import write_text_atomic
from framing.plots import (
    FEATURE_LABELS,
    FIGURES,
    SPEAKER_TYPE_COLORS,
    MissingData,
    _article_frame,
    _fmt,
    _text_or_none,
    alt_text,
    first_articles,
    notable_differences,
    side_by_side,
    tables_of,
)

if TYPE_CHECKING:
    from framing.plots import ReportLike

__all__ = ["Span", "render_html", "write_html", "article_text", "article_spans", "highlight"]

_FURNITURE_ROLES = ("byline", "dateline", "caption", "furniture")

#: Article columns summarised above each article's text (those present).
_ARTICLE_FACTS = ("headline_agent", "headline_verb", "headline_voice", "n_words", "boilerplate_ratio",
                  "n_quotes", "top_speaker", "sentiment_headline")


class Span(NamedTuple):
    """A highlighted stretch of an article's raw text: ``text[start:end]`` gets CSS ``classes``."""

    start: int
    end: int
    classes: tuple[str, ...]
    title: str = ""


def _css_name(value) -> str:
    """A safe CSS class fragment from a data value ("court_document" stays, anything odd becomes -)."""
    return re.sub(r"[^a-z0-9_-]+", "-", str(value).lower()).strip("-") or "none"


def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def article_text(lines: pd.DataFrame) -> str:
    """An article's raw text rebuilt from its ``lines`` rows (non-empty lines at their offsets).

    The characters between lines (line breaks, blank lines) become ``\\n``, so every offset of the
    report's tables still points at the same character.
    """
    if lines.empty:
        return ""
    size = int(pd.to_numeric(lines["end"]).max())
    chars = ["\n"] * size
    for start, text in zip(pd.to_numeric(lines["start"]).astype(int), lines["text"].astype(str)):
        chars[start : start + len(text)] = list(text)
    return "".join(chars[:size])


def _valid(start, end, n: int) -> tuple[int, int] | None:
    try:
        s, e = int(start), int(end)
    except (TypeError, ValueError):
        return None
    s, e = max(0, s), min(n, e)
    return (s, e) if e > s else None


def article_spans(report: ReportLike, article_id: str, text: str) -> list[Span]:
    """The highlights of one article: line roles, the headline's agent, quotations and their speakers."""
    tables = tables_of(report)
    spans: list[Span] = []
    n = len(text)
    lines = tables.get("lines")
    headline_span = None
    if lines is not None and not lines.empty and {"article_id", "start", "end", "role"} <= set(lines.columns):
        own = lines[lines["article_id"].astype(str) == article_id]
        for _, ln in own.iterrows():
            rng = _valid(ln["start"], ln["end"], n)
            if rng is None:
                continue
            role = _css_name(ln["role"])
            kind = ln.get("furniture_kind", "")
            title = f"{ln['role']}" + (f" ({kind})" if isinstance(kind, str) and kind else "")
            spans.append(Span(*rng, (f"role-{role}",), title))
            if role == "headline" and headline_span is None:
                headline_span = rng
    arts = tables.get("articles")
    if arts is not None and "headline_agent" in arts.columns:
        row = arts[arts["article_id"].astype(str) == article_id]
        agent = row["headline_agent"].iloc[0] if not row.empty else None
        headline = row["headline"].iloc[0] if (not row.empty and "headline" in row) else None
        if headline_span is None and isinstance(headline, str) and headline:
            pos = text.find(headline)
            headline_span = (pos, pos + len(headline)) if pos >= 0 else None
        if isinstance(agent, str) and agent.strip() and headline_span is not None:
            hs, he = headline_span
            pos = text[hs:he].lower().find(agent.strip().lower())
            if pos >= 0:
                spans.append(Span(hs + pos, hs + pos + len(agent.strip()), ("agent",), "who acts in the headline"))
    artifacts = tables.get("artifacts")
    if artifacts is not None and not artifacts.empty and {"article_id", "offset", "text"} <= set(artifacts.columns):
        own = artifacts[artifacts["article_id"].astype(str) == article_id]
        for _, a in own.iterrows():
            found = str(a["text"])
            end = a.get("end")
            if end is None or pd.isna(end):  # a table written before the 'end' column existed
                end = pd.to_numeric(a["offset"], errors="coerce") + len(found)
            rng = _valid(a["offset"], end, n)
            # only where the artifact is the raw text itself (not quote_drift's word diff)
            if rng and text[rng[0]:rng[1]] == found:
                note = _text_or_none(a.get("note")) or _text_or_none(a.get("kind")) or "translation artifact"
                spans.append(Span(*rng, ("artifact",), f"artifact: {note}"))
    quotes = tables.get("quotes")
    if quotes is not None and not quotes.empty and {"article_id", "start", "end"} <= set(quotes.columns):
        own = quotes[quotes["article_id"].astype(str) == article_id]
        for _, q in own.iterrows():
            kind = _text_or_none(q.get("speaker_type")) or "unknown"
            stype = _css_name(kind)
            who = _text_or_none(q.get("speaker_canonical")) or _text_or_none(q.get("speaker")) or "no speaker found"
            verb = _text_or_none(q.get("reporting_verb"))
            title = f"{who} ({kind})" + (f", verb: {verb}" if verb else "")
            pieces = q.get("pieces")
            ranges = []
            if isinstance(pieces, (list, tuple)) and pieces:
                ranges = [_valid(p[0], p[1], n) for p in pieces if isinstance(p, (list, tuple)) and len(p) == 2]
            if not any(ranges):
                ranges = [_valid(q["start"], q["end"], n)]
            for rng in ranges:
                if rng:
                    spans.append(Span(*rng, ("quote", f"q-{stype}"), title))
            if "speaker_start" in q and pd.notna(q.get("speaker_start")):
                rng = _valid(q["speaker_start"], q.get("speaker_end"), n)
                if rng:
                    spans.append(Span(*rng, ("speaker",), f"speaker: {who}"))
    return spans


def highlight(text: str, spans: list[Span]) -> str:
    """``text`` as escaped HTML, each stretch wrapped in one ``<span>`` carrying every class that covers it."""
    n = len(text)
    cuts = {0, n}
    for sp in spans:
        cuts.update((max(0, min(n, sp.start)), max(0, min(n, sp.end))))
    cuts = sorted(cuts)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        cover = [sp for sp in spans if sp.start <= a and sp.end >= b]
        chunk = _esc(text[a:b])
        if not cover:
            out.append(chunk)
            continue
        classes = sorted({c for sp in cover for c in sp.classes})
        titles = [sp.title for sp in cover if sp.title]
        title = f' title="{_esc(" | ".join(dict.fromkeys(titles)))}"' if titles else ""
        out.append(f'<span class="{" ".join(classes)}"{title}>{chunk}</span>')
    return "".join(out)


def _table_html(report) -> str:
    table = side_by_side(report)
    if table.empty:
        return "<p>No articles.</p>"
    flags = notable_differences(table)
    head = "".join(f"<th scope=\"col\">{_esc(c)}</th>" for c in table.columns)
    rows = []
    for feature in table.index:
        cells = []
        for outlet in table.columns:
            cls = ' class="notable"' if flags.loc[feature, outlet] else ""
            cells.append(f"<td{cls}>{_esc(_fmt(table.loc[feature, outlet]))}</td>")
        rows.append(f"<tr><th scope=\"row\">{_esc(feature)}</th>{''.join(cells)}</tr>")
    return (
        '<table id="side-by-side"><thead><tr><th></th>' + head + "</tr></thead><tbody>"
        + "".join(rows) + "</tbody></table>"
    )


def _frame_html(frame: pd.DataFrame, *, table_id: str, max_rows: int = 60) -> str:
    """A small DataFrame as an escaped HTML table (first ``max_rows`` rows, a note if cut)."""
    if frame is None or frame.empty:
        return "<p class=\"note\">Nothing to show.</p>"
    shown = frame.head(max_rows)
    head = "".join(f"<th scope=\"col\">{_esc(c)}</th>" for c in shown.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_esc(_fmt(v))}</td>" for v in row) + "</tr>"
        for row in shown.itertuples(index=False, name=None)
    )
    note = f"<p class=\"note\">First {max_rows} of {len(frame)} rows; the CSV has them all.</p>" if len(frame) > max_rows else ""
    return f'<table id="{_esc(table_id)}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{note}'


def _comparisons_html(report) -> str:
    """The cross-outlet tables: shared quotations and their fidelity, actor labels, omissions."""
    tables = tables_of(report)
    parts = []
    fams = tables.get("quote_family_summary")
    if fams is not None and len(fams):
        shared = fams[fams["n_outlets"] >= 2]
        cols = [c for c in ("outlets", "source", "fidelity_mean", "fidelity_min", "reference") if c in shared.columns]
        parts += [
            "<h3>Quotations more than one outlet used</h3>",
            "<p>Each row is one source sentence quoted by several outlets: who said it, the best-attested "
            "wording, and how faithfully the outlets rendered it (1 = verbatim).</p>",
            _frame_html(shared[cols].rename(columns={"reference": "best-attested wording"}), table_id="quote-families"),
        ]
        quotes = tables.get("quote_families")
        if quotes is not None and len(quotes) and "fidelity" in quotes.columns:
            drift = quotes[(quotes["fidelity"] < 1) & (quotes.get("n_outlets", 2) >= 2)]
            drift = drift.sort_values(["fidelity", "article_id"])[["outlet", "fidelity", "diff"]]
            parts += [
                "<h4>Where the wording differs</h4>",
                "<p>Word-level differences from the best-attested wording: [-removed-] {+added+}.</p>",
                _frame_html(drift, table_id="quote-diffs", max_rows=30),
            ]
    labels = tables.get("actor_labels")
    if labels is not None and len(labels):
        from framing.actors import labels_by_outlet

        pivot = labels_by_outlet(labels)
        parts += [
            "<h3>What each outlet calls the main actors</h3>",
            "<p>Titles, pre-modifiers, appositives and relative clauses attached to each actor named by at "
            "least two outlets.</p>",
            _frame_html(pivot.reset_index(), table_id="actor-labels"),
        ]
    omitted = tables.get("omissions")
    if omitted is not None and len(omitted):
        parts += [
            "<h3>What an outlet leaves out</h3>",
            "<p>Topics most other outlets of the story mention that this article does not.</p>",
            _frame_html(omitted[[c for c in ("outlet", "topic", "share_others_present", "example_outlet",
                                             "example_sentence") if c in omitted.columns]],
                        table_id="omissions"),
        ]
    return "\n".join(parts)


def _svg_inline(svg: bytes, alt: str = "") -> str:
    """A matplotlib SVG file as an inline ``<svg>`` element (no XML prolog, no RDF metadata block);
    with ``alt``, the element is an image whose ``<title>`` is that text, which screen readers read."""
    text = svg.decode("utf-8")
    start = text.find("<svg")
    text = text[start:] if start >= 0 else ""
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.S)
    if alt and text:
        end = text.find(">") + 1
        text = text[: end - 1] + ' role="img">' + f"<title>{_esc(alt)}</title>" + text[end:]
    return text


def _figures_html(report) -> str:
    from framing.figures import figure_bytes

    parts, skipped = [], []
    for name, func in FIGURES.items():
        try:
            fig = func(report)
        except MissingData as exc:
            skipped.append(f"<li>{_esc(name)}: {_esc(exc)}</li>")
            continue
        except Exception as exc:  # a broken figure never loses the page
            skipped.append(f"<li>{_esc(name)}: failed ({_esc(exc.__class__.__name__)})</li>")
            continue
        summary = (func.__doc__ or name).strip().splitlines()[0]
        parts.append(f'<figure id="fig-{_css_name(name)}" aria-label="{_esc(summary)}">'
                     f'{_svg_inline(figure_bytes(fig, "svg"), alt_text(fig))}<figcaption>{_esc(summary)}</figcaption></figure>')
    if skipped:
        parts.append("<p class=\"note\">Figures not drawn (their data is not in this report):</p><ul class=\"note\">"
                     + "".join(skipped) + "</ul>")
    return "\n".join(parts)


def _legend_html() -> str:
    items = [f'<span class="quote q-{_css_name(t)}">{_esc(t.replace("_", " "))}</span>' for t in SPEAKER_TYPE_COLORS]
    return (
        '<p class="legend">Quotations by kind of speaker: ' + " ".join(items)
        + ' · <span class="agent">who acts in the headline</span> · <span class="speaker">speaker</span>'
        + ' · <span class="artifact">translation artifact</span>'
        + ' · <span class="role-furniture">page furniture</span>, <span class="role-caption">captions</span>, '
        + '<span class="role-byline">bylines</span> and <span class="role-dateline">datelines</span> in grey.</p>'
    )


def _articles_html(report, texts: Mapping[str, str] | None) -> str:
    tables = tables_of(report)
    arts = _article_frame(report)
    lines = tables.get("lines", pd.DataFrame(columns=["article_id", "start", "end", "text"]))
    parts = [_legend_html()]
    for _, art in arts.iterrows():
        aid = art["article_id"]
        if texts is not None and aid in texts:
            text = texts[aid]
        elif not lines.empty and "text" in lines:
            text = article_text(lines[lines["article_id"].astype(str) == aid])
        else:
            text = ""
        body = highlight(text, article_spans(report, aid, text))
        facts = [f"{FEATURE_LABELS[c]}: {_fmt(art[c])}" for c in _ARTICLE_FACTS
                 if c in art.index and _fmt(art[c]) not in ("", "nan", "None")]
        parts.append(
            f'<article id="a-{_css_name(aid)}"><h3><span class="swatch" style="background:{art["color"]}"></span>'
            f"{_esc(art['label'])}</h3><p class=\"meta\">{_esc(' · '.join([aid, *facts]))}</p>"
            f'<div class="text">{body}</div></article>'
        )
    return "\n".join(parts)


def _css() -> str:
    rules = [
        "body{font-family:Georgia,'DejaVu Serif',serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}",
        "h1,h2,h3{font-family:'DejaVu Sans',Arial,sans-serif}",
        "table{border-collapse:collapse;font:0.8rem 'DejaVu Sans',Arial,sans-serif;margin:1rem 0}",
        "th,td{border:1px solid #ccc;padding:0.25rem 0.4rem;vertical-align:top;text-align:left;max-width:14rem}",
        "thead th{background:#f3f3f3}",
        "td.notable{background:#FCE3C4;font-weight:bold}",
        "figure{margin:1.5rem 0}figure svg{width:100%;max-width:36rem;height:auto}",
        ".note{color:#666;font-size:0.85rem}",
        "figcaption{color:#555;font-size:0.8rem;font-family:'DejaVu Sans',Arial,sans-serif}",
        ".text{white-space:pre-wrap;font-size:0.95rem;border-left:3px solid #eee;padding-left:0.8rem}",
        ".meta{color:#777;font-size:0.8rem;margin-top:-0.6rem}",
        ".swatch{display:inline-block;width:0.8em;height:0.8em;margin-right:0.4em;border-radius:2px}",
        ".role-headline{font-weight:bold;font-size:1.1em}",
        ".role-subhead,.role-dek{font-style:italic}",
        "".join(f".role-{r}{{color:#8a8a8a;background:#f4f4f4}}" for r in _FURNITURE_ROLES),
        ".agent{outline:2px solid #0072B2;outline-offset:1px}",
        ".speaker{text-decoration:underline;text-decoration-thickness:2px}",
        ".artifact{text-decoration:underline wavy #D55E00}",
        ".legend span{padding:0 0.25rem;margin-right:0.2rem}",
    ]
    rules += [f".q-{_css_name(t)}{{background:{c}55}}" for t, c in SPEAKER_TYPE_COLORS.items()]
    return "\n".join(rules)


def render_html(report: ReportLike, *, title: str = "How the outlets framed the story", texts: Mapping[str, str] | None = None,
                figures: bool = True, max_articles: int = 40) -> str:
    """The whole write-up as one HTML string (deterministic: same report, same page).

    ``texts`` maps article ids to their raw text; by default the text is rebuilt from the ``lines``
    table (:func:`article_text`). A corpus of more than ``max_articles`` articles is shown by its
    first ``max_articles`` (the CSV tables next to the page hold them all).
    """
    n_all = len(tables_of(report).get("articles", ()))
    if n_all > max_articles:
        report = first_articles(report, max_articles)
    arts = _article_frame(report) if n_all else None
    n = 0 if arts is None else len(arts)
    k = 0 if arts is None else arts["outlet_name"].nunique()
    sections = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title><style>{_css()}</style></head><body>",
        f"<h1>{_esc(title)}</h1>",
        f"<p>framing analysis of {n} article{'s' if n != 1 else ''} from {k} outlet{'s' if k != 1 else ''}. "
        "Every number comes from the tables written next to this page; <code>framing columns</code> explains each one.</p>",
    ]
    if n_all > n:
        sections.append(f"<p class=\"note\">Showing the first {n} of {n_all} articles.</p>")
    if arts is None:
        sections.append("<p>No article could be analysed.</p></body></html>")
        return "\n".join(sections) + "\n"
    sections += [
        "<h2>Side by side</h2>",
        "<p>Every outlet in a column. Highlighted: a number at least 1.5 standard deviations from the outlets' "
        "mean, or a label only one outlet uses while most share another.</p>",
        _table_html(report),
    ]
    comparisons = _comparisons_html(report)
    if comparisons:
        sections += ["<h2>Across outlets</h2>", comparisons]
    if figures:
        sections += ["<h2>Figures</h2>", _figures_html(report)]
    sections += ["<h2>The articles</h2>", _articles_html(report, texts)]
    errors = getattr(report, "errors", None)
    if errors is not None and len(errors):
        items = "".join(f"<li>{_esc(e.get('source') or e.get('article_id'))}: {_esc(e.get('reason'))}</li>"
                        for e in errors.to_dict("records"))
        sections.append(f"<h2>Not analysed</h2><ul class=\"note\">{items}</ul>")
    sections.append("</body></html>")
    return "\n".join(sections) + "\n"


def write_html(report: ReportLike, path: str | Path, **kwargs) -> Path:
    """Write :func:`render_html` of ``report`` to ``path`` atomically."""
    return write_text_atomic(path, render_html(report, **kwargs))
