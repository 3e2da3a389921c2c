"""Running the per-article features over a corpus of any size, optionally in worker processes.

:func:`analyze_parallel` reads articles from any iterable (a list, a :class:`~framing.io.Corpus`,
or the generator :func:`framing.loaders.iter_articles` streaming a million-row file), sends them
to ``jobs`` worker processes in batches, and yields one :class:`ArticleResult` per article **in
input order**, so the tables are the same whatever ``jobs`` is. At most ``2 * jobs`` batches are
in flight, so memory stays flat however large the corpus. Each worker loads the spaCy model once
(in its initializer) and keeps it for every batch it runs.

:class:`TableAppender` writes result rows to ``DIR/.framing-partial/`` batch by batch (Ctrl-C is
held back while a batch is being written, so every file always ends with a complete row); this
is what ``framing report --resume`` continues from after an interrupted run. The folder is
removed once the final tables are written.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
import signal
import traceback
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Collection, Iterable, Iterator

from framing.io import Article, LoadError

__all__ = [
    "ArticleResult",
    "analyze_parallel",
    "analyze_one",
    "batched",
    "default_jobs",
    "read_done_ids",
    "read_previous",
    "PARTIAL_DIR",
    "TableAppender",
    "deferred_interrupt",
    "map_in_workers",
]

#: Articles sent to a worker at a time.
DEFAULT_BATCH_SIZE = 16


@dataclass
class ArticleResult:
    """What the per-article steps produced for one article: ``{table: rows}``, or the error."""

    index: int  # position in the input
    article_id: str
    tables: dict[str, list[dict]] = field(default_factory=dict)
    error: LoadError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def default_jobs() -> int:
    """The CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def batched(iterable: Iterable, n: int) -> Iterator[list]:
    """Lists of ``n`` consecutive items (the last may be shorter)."""
    it = iter(iterable)
    while batch := list(islice(it, n)):
        yield batch


def analyze_one(article: Article, index: int = 0, *, steps: list[Callable] | None = None) -> ArticleResult:
    """Run :func:`framing.pipeline.analyze_article` on one article; an exception becomes the result's error."""
    from framing.pipeline import analyze_article

    try:
        return ArticleResult(index, article.article_id, analyze_article(article, steps=steps))
    except Exception as exc:  # one bad article never loses the batch
        where = traceback.extract_tb(exc.__traceback__)[-1].name if exc.__traceback__ else "?"
        reason = f"analysis failed: {exc.__class__.__name__}: {exc} ({where})"
        return ArticleResult(index, article.article_id, error=LoadError(article.article_id, article.source, reason))


def _init_worker() -> None:
    """Worker start-up: leave Ctrl-C to the parent, and load the spaCy model once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from framing.nlp import load_model

        load_model()
    except Exception:  # the steps report a missing model per article
        pass


def _run_batch(batch: list[tuple[int, Article]], steps: list[Callable] | None = None) -> list[ArticleResult]:
    return [analyze_one(article, i, steps=steps) for i, article in batch]


def _progress_bar(progress: bool, total: int | None, unit: str = "article"):
    if not progress:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit=unit, smoothing=0.1, mininterval=0.5, dynamic_ncols=True)


def analyze_parallel(
    articles: Iterable[Article],
    *,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = False,
    total: int | None = None,
    skip_ids: Collection[str] = (),
    steps: list[Callable] | None = None,
    start_method: str = "forkserver",
) -> Iterator[ArticleResult]:
    """Analyse every article and yield an :class:`ArticleResult` per article, in input order.

    Parameters
    ----------
    articles:
        Any iterable of :class:`~framing.io.Article` (read lazily, batch by batch).
    jobs:
        Worker processes; ``1`` runs in this process, ``0`` or negative means one per core.
    batch_size:
        Articles per task sent to a worker.
    progress:
        Show a tqdm bar with articles per second (``total`` sizes it; default ``len(articles)``
        when the iterable has one).
    skip_ids:
        Article ids not to analyse (e.g. those already written by an interrupted run).
    steps:
        Per-article steps (default :data:`framing.pipeline.ARTICLE_STEPS` as imported by each worker).
    start_method:
        ``"forkserver"`` (default) or ``"spawn"``: workers start from a clean interpreter rather
        than a fork of a process that may hold threads or a loaded model.
    """
    if jobs <= 0:
        jobs = default_jobs()
    skip = set(skip_ids)
    if total is None and hasattr(articles, "__len__"):
        total = sum(1 for a in articles if a.article_id not in skip) if skip else len(articles)
    todo = ((i, a) for i, a in enumerate(articles) if a.article_id not in skip)
    bar = _progress_bar(progress, total)
    try:
        if jobs == 1:
            for i, article in todo:
                result = analyze_one(article, i, steps=steps)
                if bar is not None:
                    bar.update(1)
                yield result
            return
        yield from _run_pool(todo, jobs=jobs, batch_size=batch_size, bar=bar, steps=steps, start_method=start_method)
    finally:
        if bar is not None:
            bar.close()


def _preload_modules() -> list[str]:
    """Modules the fork server imports once, so that each worker forks with them loaded."""
    try:
        from framing.columns import FEATURE_MODULES
    except ImportError:  # pragma: no cover
        FEATURE_MODULES = ()
    return ["spacy", "framing.pipeline", *FEATURE_MODULES]


def _mp_context(start_method: str):
    """The multiprocessing context for worker pools (the fork server preloads spaCy and framing)."""
    if start_method not in multiprocessing.get_all_start_methods():  # no fork server on Windows
        start_method = "spawn"
    ctx = multiprocessing.get_context(start_method)
    if start_method == "forkserver":
        ctx.set_forkserver_preload(_preload_modules())
    return ctx


def _run_pool(todo, *, jobs, batch_size, bar, steps, start_method) -> Iterator[ArticleResult]:
    ctx = _mp_context(start_method)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker)

    pool = new_pool()
    window: deque = deque()
    batches = batched(todo, max(1, batch_size))
    try:
        exhausted = False
        while True:
            while not exhausted and len(window) < 2 * jobs:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    break
                window.append((batch, pool.submit(_run_batch, batch, steps)))
            if not window:
                return
            batch, future = window.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory, crash in native code): this batch is lost,
                # the batches behind it are re-run in a fresh pool.
                results = [
                    ArticleResult(
                        i, a.article_id,
                        error=LoadError(a.article_id, a.source, "analysis failed: worker process died (out of memory?)"),
                    )
                    for i, a in batch
                ]
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                window = deque((b, pool.submit(_run_batch, b, steps)) for b, _ in window)
            for result in results:
                if bar is not None:
                    bar.update(1)
                yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def map_in_workers(
    fn: Callable, items: list, *, jobs: int, progress: bool = False, unit: str = "item",
    start_method: str = "forkserver",
) -> list:
    """``[fn(x) for x in items]`` computed by ``jobs`` worker processes; results in input order.

    For the cross-outlet comparisons, one item per story. ``fn`` must be a module-level function
    and should catch its own per-item errors: if a worker dies, the items not yet finished are
    computed again in this process. With ``jobs`` 1, or fewer than two items, no process is
    started. ``progress`` shows a tqdm bar counting ``unit``.
    """
    if jobs <= 0:
        jobs = default_jobs()
    jobs = min(jobs, len(items))
    bar = _progress_bar(progress, len(items), unit)
    results: list = []
    try:
        if jobs <= 1:
            for x in items:
                results.append(fn(x))
                if bar is not None:
                    bar.update(1)
            return results
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context(start_method),
                                 initializer=_init_worker) as pool:
            futures = [pool.submit(fn, x) for x in items]
            for x, future in zip(items, futures):
                try:
                    results.append(future.result())
                except BrokenProcessPool:
                    results.append(fn(x))
                if bar is not None:
                    bar.update(1)
        return results
    finally:
        if bar is not None:
            bar.close()


# --------------------------------------------------------------------------- incremental output

@contextmanager
def deferred_interrupt():
    """Hold back SIGINT (Ctrl-C) inside the block; re-raise it as KeyboardInterrupt afterwards."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if received:
            raise KeyboardInterrupt


#: Sub-folder of the output folder holding the per-article rows of a run as they arrive
#: (the state ``--resume`` continues from); the final tables are written next to it.
PARTIAL_DIR = ".framing-partial"


def _state(out: str | Path) -> Path:
    return Path(out) / PARTIAL_DIR


def read_done_ids(out: str | Path) -> set[str]:
    """Ids of the articles whose rows an earlier run in ``out`` already wrote (empty set when none)."""
    path = _state(out) / "articles.csv"
    if not path.exists():
        return set()
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "article_id" not in reader.fieldnames:
            return set()
        return {row["article_id"] for row in reader if row.get("article_id")}


def _to_jsonable(row):
    import dataclasses

    return dataclasses.asdict(row) if dataclasses.is_dataclass(row) else row


class TableAppender:
    """Append per-article rows to ``OUT/.framing-partial/<table>.csv`` as results arrive.

    Internal rows (tables whose name starts with ``_``, e.g. the ``_context`` the cross-outlet
    comparisons need) go to ``<name>.jsonl``. The header is the columns in order of first
    appearance; when a later row brings a new column, the file is rewritten once (atomically)
    with it. A batch is written with Ctrl-C held back, and the ``articles`` rows last, so an
    article listed in ``articles.csv`` has all its rows in the other files.
    Without ``resume``, an earlier run's partial files are removed first.
    """

    def __init__(self, out: str | Path, *, resume: bool = False):
        self.dir = _state(out)
        self.columns: dict[str, list[str]] = {}
        if resume:
            for path in self.dir.glob("*.csv"):
                with open(path, encoding="utf-8", newline="") as fh:
                    header = next(csv.reader(fh), None)
                if header:
                    self.columns[path.stem] = header
        elif self.dir.exists():
            for path in self.dir.iterdir():
                if path.suffix in (".csv", ".jsonl"):
                    path.unlink()
        self._fresh = not resume

    def write(self, results: Iterable[ArticleResult]) -> None:
        """Append one batch of results to the partial tables; the ``articles`` table last, so that an
        article listed there has all its rows written (what ``--resume`` relies on)."""
        import json

        rows: dict[str, list] = {}
        for r in results:
            for name, trows in r.tables.items():
                rows.setdefault(name, []).extend(trows)
        order = sorted(rows, key=lambda n: n == "articles")
        with deferred_interrupt():
            self.dir.mkdir(parents=True, exist_ok=True)
            for name in order:
                if name.startswith("_"):
                    lines = "".join(json.dumps(_to_jsonable(r), default=str) + "\n" for r in rows[name])
                    with open(self.dir / f"{name}.jsonl", "a", encoding="utf-8") as fh:
                        fh.write(lines)
                else:
                    self._append(name, rows[name])

    def discard(self) -> None:
        """Remove the partial files (call once the final tables are written)."""
        import shutil

        shutil.rmtree(self.dir, ignore_errors=True)

    def _append(self, name: str, rows: list[dict]) -> None:
        if not rows:
            return
        path = self.dir / f"{name}.csv"
        cols = self.columns.get(name)
        new = []
        seen = set(cols or ())
        for row in rows:
            for k in row:
                if k not in seen:
                    seen.add(k)
                    new.append(k)
        if cols is None or not path.exists():
            cols = self.columns[name] = new
            self._rewrite(path, cols, [], rows)
            return
        if new:
            cols = self.columns[name] = cols + new
            with open(path, encoding="utf-8", newline="") as fh:
                old = list(csv.DictReader(fh))
            self._rewrite(path, cols, old, rows)
            return
        buf = io.StringIO()
        csv.DictWriter(buf, fieldnames=cols, lineterminator="\n").writerows(_csv_rows(rows))
        with open(path, "a", encoding="utf-8", newline="") as fh:
            fh.write(buf.getvalue())

    @staticmethod
    def _rewrite(path: Path, cols: list[str], old: list[dict], rows: list[dict]) -> None:
        from framing.output import write_text_atomic

        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
        writer.writeheader()
        writer.writerows(old)
        writer.writerows(_csv_rows(rows))
        write_text_atomic(path, buf.getvalue())


def read_previous(out: str | Path, done_ids: Collection[str]) -> dict[str, list]:
    """The per-article rows an earlier (interrupted) run in ``out`` wrote, for ``done_ids``.

    Returns ``{table: rows}`` like :class:`ArticleResult` tables, for
    :func:`framing.pipeline.analyze`'s ``previous``; the ``_context`` rows come back as
    :class:`framing.compare.ArticleContext`. Values are read back with pandas' type inference
    (numbers, booleans; empty cells become NaN).
    """
    import json

    import pandas as pd

    done = set(done_ids)
    state = _state(out)
    previous: dict[str, list] = {}
    for path in sorted(state.glob("*.csv")):
        frame = pd.read_csv(path, low_memory=False)
        if "article_id" in frame.columns:
            frame = frame[frame["article_id"].astype(str).isin(done)]
        frame = frame.astype(object).where(frame.notna(), None)
        previous[path.stem] = frame.to_dict("records")
    for path in sorted(state.glob("_*.jsonl")):
        rows = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    row = json.loads(line)
                except ValueError:  # a line cut short by a hard kill
                    continue
                if row.get("article_id") in done:
                    rows.append(row)
        if path.stem == "_context":
            from framing.compare import ArticleContext

            rows = [
                ArticleContext(**{k: tuple(map(tuple, v)) if k in ("paragraphs", "sentences") else v for k, v in r.items()})
                for r in rows
            ]
        previous[path.stem] = rows
    return previous


def _csv_rows(rows: list[dict]) -> Iterator[dict]:
    """Rows with values as pandas would write them (None/NaN -> empty)."""
    for row in rows:
        yield {k: ("" if v is None or (isinstance(v, float) and v != v) else v) for k, v in row.items()}
