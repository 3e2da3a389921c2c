"""Command line: ``framing report``, ``framing figures``, ``framing columns``.

The CLI is a thin wrapper over the Python API (:func:`framing.analyze`).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from framing.io import Corpus

__all__ = ["main", "default_corpus", "profile_summary", "side_by_side"]

#: Article columns shown in the side-by-side summary, in order.
SUMMARY_COLUMNS = (
    "headline",
    "headline_agent",
    "headline_verb",
    "n_words",
    "boilerplate_ratio",
    "n_quotes",
    "quoted_share",
    "top_speaker",
    "n_anonymous_sources",
    "sentiment_headline",
    "sentiment_body_mean",
    "flesch_reading_ease",
    "translation_artifact_score",
)


#: Up to this many articles the report command prints them side by side; beyond, the outlet profile.
SIDE_BY_SIDE_MAX = 12


def default_corpus() -> Path:
    """The bundled ``seeds/`` folder (next to the package in a source checkout)."""
    return Path(__file__).resolve().parent.parent / "seeds"


def side_by_side(articles: pd.DataFrame, *, columns: Sequence[str] = SUMMARY_COLUMNS, width: int = 28) -> pd.DataFrame:
    """Outlets as columns, features as rows (values rounded, long text shortened)."""
    if articles.empty:
        return pd.DataFrame()
    cols = [c for c in columns if c in articles.columns]
    from framing.compare import outlet_labels

    table = articles.set_index(outlet_labels(articles))[cols].T
    table.columns.name = None

    def fmt(v):
        if isinstance(v, float):
            return "" if pd.isna(v) else f"{v:.3g}"
        s = str(v)
        return s if len(s) <= width else s[: width - 1] + "…"

    return table.map(fmt)


def profile_summary(profile: pd.DataFrame) -> pd.DataFrame:
    """The ``outlet_profile`` table as features x outlets, each cell "mean [low, high]"."""
    if profile.empty:
        return pd.DataFrame()
    cells = profile.assign(cell=[f"{m:.3g} [{lo:.3g}, {hi:.3g}]" for m, lo, hi in
                                 zip(profile["mean"], profile["ci_low"], profile["ci_high"])])
    table = cells.pivot(index="feature", columns="outlet", values="cell")
    table.columns.name = table.index.name = None
    return table


#: The ``--*-col`` options of the commands that read a corpus: (field, the default column names).
COLUMN_OPTIONS = (
    ("id", "article_id or id"), ("outlet", "outlet or source"), ("text", "text or body"),
    ("headline", "headline or title"), ("story", "story_id"), ("date", "date or published"), ("html", "html"),
)


def _add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """The CORPUS argument and the ``--*-col`` options, shared by every command that reads a corpus."""
    parser.add_argument("corpus", nargs="?",
                        help="folder of .txt files (+ manifest.csv) or a corpus file; default: bundled seeds/")
    cols = parser.add_argument_group("table corpora (CSV/TSV/JSONL/Parquet): which column holds what")
    for field, default in COLUMN_OPTIONS:
        cols.add_argument(f"--{field}-col", metavar="NAME", help=f"default: {default}")


def _column_options(args: argparse.Namespace) -> dict[str, str]:
    """The ``--*-col`` options given (table corpora: CSV/TSV/JSONL/Parquet)."""
    names = [f"{field}_col" for field, _ in COLUMN_OPTIONS]
    return {n: getattr(args, n) for n in names if getattr(args, n, None)}


def _load(args: argparse.Namespace) -> Corpus:
    """The corpus named on the command line (default: seeds/), its loader's warnings printed to stderr.

    Raises :class:`framing.io.FramingInputError` when it cannot be read, or when it holds no
    article at all (nothing read and nothing skipped: an empty folder, a folder of other files, a
    table without rows), so that no output folder is made for nothing.
    """
    from framing.io import FramingInputError, load_corpus

    corpus_path = Path(args.corpus) if args.corpus else default_corpus()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(corpus_path, **_column_options(args))
    for w in caught:
        if issubclass(w.category, UserWarning):
            print(f"warning: {w.message}", file=sys.stderr)
    if not corpus.articles and not corpus.errors:
        if corpus_path.is_dir():
            raise FramingInputError(corpus_path, "no articles found: no .txt/.md/.html files or manifest.csv rows "
                                                 "in this folder")
        raise FramingInputError(corpus_path, "no articles found: the file holds no rows")
    return corpus


def _user_entries(out: Path) -> list[Path]:
    """What ``out`` holds besides the partial state of an interrupted run (empty when ``out`` is missing)."""
    from framing.parallel import PARTIAL_DIR

    if not out.is_dir():
        return []
    return [p for p in out.iterdir() if p.name != PARTIAL_DIR]


def _cmd_report(args: argparse.Namespace) -> int:
    from framing.io import FramingInputError
    from framing.output import OutputExistsError, prepare_output_dir
    from framing.parallel import PARTIAL_DIR, TableAppender, read_done_ids, read_previous
    from framing.pipeline import analyze
    from framing.report import write_report

    try:
        corpus = _load(args)
    except FramingInputError as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return 2
    out_path = Path(args.out)
    done = read_done_ids(out_path) if args.resume and out_path.is_dir() else set()
    force = args.force
    if args.resume and not args.force:
        # --resume writes into OUT only to finish the run whose rows are in OUT/.framing-partial/
        # (that run was started in an empty folder or with --force). With nothing to resume, a
        # folder holding anything else is the user's: refused, as without --resume.
        if not done and _user_entries(out_path):
            print(f"framing: error: nothing to resume in {out_path} (no {PARTIAL_DIR}/ with analysed "
                  f"articles); use --force to overwrite", file=sys.stderr)
            return 2
        force = True  # the interrupted run's folder, or an empty or missing one
    try:
        out = prepare_output_dir(out_path, force=force)
    except OutputExistsError as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return 2
    previous = read_previous(out, done) if done else {}
    if done:
        print(f"framing: resuming: {len(done)} article(s) already analysed in {out} are skipped", file=sys.stderr)
    elif args.resume:
        print(f"framing: nothing to resume in {out}; analysing every article", file=sys.stderr)
    appender = TableAppender(out, resume=bool(done))  # rows reach disk batch by batch (for --resume)
    try:
        report = analyze(
            corpus, progress=args.progress, jobs=args.jobs, batch_size=args.batch_size,
            skip_ids=done, on_results=appender.write, previous=previous,
        )
    except KeyboardInterrupt:
        n_done = len(read_done_ids(out))
        print(f"\nframing: interrupted after {n_done} article(s) (kept in {out}/.framing-partial/). "
              f"Run the same command with --resume to finish.", file=sys.stderr)
        return 130
    written = write_report(report, out)
    appender.discard()  # the run is complete: its partial state is no longer needed
    n_ok = len(report.articles)
    n_bad = len(report.errors)
    for _, e in report.errors.iterrows():
        print(f"framing: skipped {e['source'] or e['article_id']}: {e['reason']}", file=sys.stderr)
    if n_ok:
        with pd.option_context("display.width", 200, "display.max_columns", 20, "display.max_colwidth", 30):
            if n_ok <= SIDE_BY_SIDE_MAX:
                print(side_by_side(report.articles).to_string())
            elif "outlet_profile" in report and not report["outlet_profile"].empty:
                print("outlet profile (mean [95% bootstrap CI]; all tables are in the output folder):")
                print(profile_summary(report["outlet_profile"]).to_string())
        print()
    print(f"{n_ok} article(s) analysed, {n_bad} skipped; wrote {len(written)} files to {out}/:")
    print("  " + ", ".join(p.name for p in written))
    if n_ok == 0:
        # every article was skipped: errors.csv (written above) says why
        print(f"framing: error: none of the {n_bad} article(s) of {corpus.path or args.corpus or default_corpus()} "
              f"could be analysed; the reasons are in {out / 'errors.csv'}", file=sys.stderr)
        return 1
    if args.strict and n_bad:
        return 1
    return 0


def _cmd_figures(args: argparse.Namespace) -> int:
    from framing.figures import write_figures
    from framing.io import FramingInputError
    from framing.output import OutputExistsError, prepare_output_dir
    from framing.pipeline import analyze

    try:
        corpus = _load(args)
        out = prepare_output_dir(args.out, force=args.force)
    except (FramingInputError, OutputExistsError) as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return 2
    report = analyze(corpus)
    for _, e in report.errors.iterrows():
        print(f"framing: skipped {e['source'] or e['article_id']}: {e['reason']}", file=sys.stderr)
    results = write_figures(report, out)
    for r in results:
        status = ", ".join(p.name for p in r.paths) if not r.skipped else f"skipped ({r.skipped})"
        print(f"{r.name}: {status}")
    return 0 if any(not r.skipped for r in results) else 1


def _cmd_columns(args: argparse.Namespace) -> int:
    from framing.columns import columns

    frame = columns(args.table)
    with pd.option_context("display.width", 200, "display.max_colwidth", 120, "display.max_rows", 500):
        print(frame.to_string(index=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The ``framing`` argument parser: sub-commands ``report``, ``figures`` and ``columns``."""
    p = argparse.ArgumentParser(prog="framing", description="Compare how news outlets frame the same story.")
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("report", help="analyse a corpus and write tables (CSV) to a folder")
    r.add_argument("--out", default="report", help="output folder (default: report/)")
    r.add_argument("--force", action="store_true", help="write into an existing, non-empty output folder")
    r.add_argument("--strict", action="store_true", help="exit non-zero if any article was skipped")
    r.add_argument("--progress", action="store_true", help="show a progress bar")
    r.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="worker processes (default 1; 0 = one per CPU core); results do not depend on it")
    r.add_argument("--batch-size", type=int, default=16, metavar="N", help="articles per task sent to a worker (default 16)")
    r.add_argument("--resume", action="store_true",
                   help="continue an interrupted run in OUT: skip the articles it analysed "
                        "(kept in OUT/.framing-partial/), analyse the rest; without that state, a "
                        "non-empty OUT is refused unless --force")
    _add_corpus_arguments(r)
    r.set_defaults(func=_cmd_report)

    f = sub.add_parser("figures", help="draw every figure as SVG, PDF and PNG (300 dpi) into a folder")
    f.add_argument("--out", default="figures", help="output folder (default: figures/)")
    f.add_argument("--force", action="store_true", help="write into an existing, non-empty output folder")
    _add_corpus_arguments(f)
    f.set_defaults(func=_cmd_figures)

    c = sub.add_parser("columns", help="print the data dictionary")
    c.add_argument("table", nargs="?", help="only this table (articles, lines, quotes, ...)")
    c.set_defaults(func=_cmd_columns)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the ``framing`` command line on ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
