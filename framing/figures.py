"""The ``figures`` job: every figure of a report as SVG, PDF and PNG, byte for byte reproducible.

:func:`write_figures` draws each figure of :data:`framing.plots.FIGURES` and writes
``OUT/<name>.svg``, ``OUT/<name>.pdf`` and ``OUT/<name>.png`` (300 dpi) atomically. A figure whose
table is missing from the report is skipped with a note, never an error. The same report gives the
same bytes: SVG ids are salted with a fixed string, and no date or software version is embedded.
Each file carries the figure's title and text alternative (:func:`framing.plots.alt_text`) in its
own metadata, for screen readers and catalogues.

Notes
-----
Reproducible output follows the Reproducible Builds convention of ignoring wall-clock time
(https://reproducible-builds.org/docs/source-date-epoch/): no creation date is written at all.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from framing.output import write_bytes_atomic, write_text_atomic
from framing.plots import FIGURES, STYLE, MissingData, _one_line, alt_text, first_articles, settle_layout, tables_of

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from framing.plots import ReportLike

__all__ = ["FORMATS", "FigureResult", "render", "figure_bytes", "save_figure", "write_figures"]

#: Formats written for every figure.
FORMATS = ("svg", "pdf", "png")

#: Metadata that would vary between runs or versions, switched off per format.
_METADATA = {
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
    "png": {"Software": None},
}


class FigureResult(NamedTuple):
    """One figure of the job: written files, or the reason it was skipped."""

    name: str
    paths: tuple[Path, ...]
    skipped: str  # empty when written


#: Where each format keeps a figure's title and its text alternative (:func:`framing.plots.alt_text`).
_DESCRIPTION_KEYS = {"svg": ("Title", "Description"), "pdf": ("Title", "Subject"), "png": ("Title", "Description")}


def figure_bytes(fig: Figure, fmt: str, *, dpi: int = 300) -> bytes:
    """The figure in format ``fmt`` (svg, pdf, png) without dates or version strings, with its title
    and text alternative in the file's own metadata (SVG Dublin Core, PDF document info, PNG text)."""
    import warnings

    import matplotlib

    settle_layout(fig)  # the same positions whatever was saved before
    title_key, description_key = _DESCRIPTION_KEYS[fmt]
    metadata = {**_METADATA[fmt], title_key: _one_line(fig.get_suptitle()) or None, description_key: alt_text(fig)}
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"], "pdf.compression": 6}), warnings.catch_warnings():
        # a crowded figure (very long labels) is drawn as it is rather than warned about
        warnings.filterwarnings("ignore", message="constrained_layout not applied")
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=metadata)
    return buf.getvalue()


def save_figure(fig: Figure, out: str | Path, name: str, *, formats: tuple[str, ...] = FORMATS, dpi: int = 300) -> tuple[Path, ...]:
    """Write ``fig`` as ``out/<name>.<fmt>`` for each format, atomically; return the paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    return tuple(write_bytes_atomic(out / f"{name}.{fmt}", figure_bytes(fig, fmt, dpi=dpi)) for fmt in formats)


def render(report: ReportLike, name: str) -> Figure:
    """The figure ``name`` for ``report`` (a Figure), or :class:`~framing.plots.MissingData`."""
    return FIGURES[name](report)


def write_figures(report: ReportLike, out: str | Path, *, formats: tuple[str, ...] = FORMATS, dpi: int = 300,
                  max_articles: int = 40) -> list[FigureResult]:
    """Write every figure of ``report`` into ``out``; also ``out/figures.txt`` listing what was skipped.

    Figures compare articles side by side, which stops being readable beyond a few dozen: a larger
    report is drawn from its first ``max_articles`` articles (``figures.txt`` says so).
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    n_all = len(tables_of(report).get("articles", ()))
    if n_all > max_articles:
        report = first_articles(report, max_articles)
    results: list[FigureResult] = []
    for name, func in FIGURES.items():
        try:
            fig = func(report)
        except MissingData as exc:
            results.append(FigureResult(name, (), str(exc)))
            continue
        except Exception as exc:  # a broken figure never loses the others
            results.append(FigureResult(name, (), f"failed: {exc.__class__.__name__}: {exc}"))
            continue
        results.append(FigureResult(name, save_figure(fig, out, name, formats=formats, dpi=dpi), ""))
    n = len(tables_of(report).get("articles", ()))
    lines = [f"# figures of a framing analysis of {n} articles"
             + (f" (the first {n} of {n_all})" if n_all > n else ""), "name\tstatus"]
    lines += [f"{r.name}\t{'written' if not r.skipped else 'skipped: ' + r.skipped}" for r in results]
    write_text_atomic(out / "figures.txt", "\n".join(lines) + "\n")
    return results
