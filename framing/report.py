"""Writing a :class:`~framing.pipeline.Report` to a folder: one CSV per table, plus the data dictionary."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from framing.columns import columns
from framing.output import write_csv_atomic

if TYPE_CHECKING:
    from framing.pipeline import Report

__all__ = ["write_report"]


def write_report(report: Report, out: str | Path) -> list[Path]:
    """Write every table as ``OUT/<table>.csv``, plus ``errors.csv`` and ``columns.csv``."""
    out = Path(out)
    written = []
    for name, frame in report.tables.items():
        written.append(write_csv_atomic(out / f"{name}.csv", frame))
    written.append(write_csv_atomic(out / "errors.csv", report.errors))
    written.append(write_csv_atomic(out / "columns.csv", columns()))
    if len(report.tables.get("articles", ())):
        from framing.html_report import write_html

        written.append(write_html(report, out / "report.html"))
    return written
