"""Loading researchers' own corpora: CSV/TSV, JSON Lines (also gzipped), Parquet and HTML pages.

Each tabular format is read row by row (:func:`iter_articles` is a generator), so a file with a
million articles is never held as text twice; :func:`load_table` collects the rows into a
:class:`~framing.io.Corpus`. Columns are found by their common names (``article_id``/``id``,
``outlet``/``source``, ``text``/``body``, ``headline``/``title``, ``story_id``, ``date``/
``published``, ``html``) or named explicitly (``id_col=``, ``text_col=``, ...). A row that cannot
be used (empty text, missing id, duplicate id, broken JSON) becomes a
:class:`~framing.io.LoadError` and the other rows load.

CSV/TSV and JSON Lines files (also gzipped) are decoded line by line: each line as UTF-8, else
as cp1252 with a warning naming the file and the line, so one Windows-1252 row neither garbles
the others nor stops the file; a row with a line that neither decodes is a ``LoadError`` naming
the file and the line. A byte-order mark decides for the whole file (UTF-8: no cp1252 fallback;
UTF-16/32: the file is decoded as one stream).

A headline given in its own column becomes :attr:`Article.headline` and the text is then the body
only. An HTML page (an ``.html``/``.htm`` file or an ``html`` column) goes through trafilatura,
which extracts the story text and the page's title (headline), date and site name (outlet, when
no outlet is given); ``metadata["html_boilerplate_ratio"]`` is the share of the page's visible
text that is not the extracted story.

Notes
-----
Main-text extraction: Barbaresi, A. (2021), "Trafilatura: A Web Scraping Library and
Command-Line Tool for Text Discovery and Extraction", ACL-IJCNLP System Demonstrations.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import math
import re
import sys
import warnings
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator, Sequence

from framing.io import (
    Article,
    Corpus,
    EncodingWarning,
    FramingInputError,
    LoadError,
    MAX_FILE_BYTES,
    bom_encoding,
    decode_bytes,
    load_corpus,
)

__all__ = [
    "ColumnMap",
    "DEFAULT_COLUMN_NAMES",
    "TABULAR_SUFFIXES",
    "HTML_SUFFIXES",
    "resolve_columns",
    "iter_records",
    "iter_articles",
    "load_table",
    "load_html",
    "article_from_html",
    "html_visible_text",
    "detect_file_encoding",
]

#: Column names tried, in order, for each field when no explicit ``*_col`` option is given.
DEFAULT_COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("article_id", "id"),
    "outlet": ("outlet", "source"),
    "text": ("text", "body"),
    "headline": ("headline", "title"),
    "story": ("story_id",),
    "date": ("date", "published"),
    "html": ("html",),
}

TABULAR_SUFFIXES = (".csv", ".tsv", ".csv.gz", ".tsv.gz", ".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".parquet")
HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class ColumnMap:
    """Which column of a table holds each field of an article (``None``: the table has none)."""

    id: str | None
    text: str | None
    outlet: str | None = None
    headline: str | None = None
    story: str | None = None
    date: str | None = None
    html: str | None = None

    @property
    def used(self) -> set[str]:
        return {c for c in (self.id, self.text, self.outlet, self.headline, self.story, self.date, self.html) if c}


def resolve_columns(
    found: Sequence[str],
    *,
    source: str | Path = "<table>",
    id_col: str | None = None,
    outlet_col: str | None = None,
    text_col: str | None = None,
    headline_col: str | None = None,
    story_col: str | None = None,
    date_col: str | None = None,
    html_col: str | None = None,
) -> ColumnMap:
    """Match the columns a table has to article fields.

    A column named explicitly must exist; otherwise the first of :data:`DEFAULT_COLUMN_NAMES`
    present is used (matched case-insensitively). A text column (or an ``html`` column) is
    required. Without an id column, articles are numbered by row (``<file stem>-<row>``).
    Raises :class:`~framing.io.FramingInputError` naming the file and listing the columns found.
    """
    found = [str(c) for c in found]
    lower = {c.lower(): c for c in reversed(found)}
    listing = ", ".join(found) if found else "none"

    def pick(field: str, explicit: str | None) -> str | None:
        if explicit is not None:
            if explicit in found:
                return explicit
            if explicit.lower() in lower:
                return lower[explicit.lower()]
            raise FramingInputError(
                source, f"no column {explicit!r} for the {field} (--{field}-col); columns found: {listing}"
            )
        for name in DEFAULT_COLUMN_NAMES[field]:
            if name in lower:
                return lower[name]
        return None

    cmap = ColumnMap(
        id=pick("id", id_col),
        text=pick("text", text_col),
        outlet=pick("outlet", outlet_col),
        headline=pick("headline", headline_col),
        story=pick("story", story_col),
        date=pick("date", date_col),
        html=pick("html", html_col),
    )
    if cmap.text is None and cmap.html is None:
        raise FramingInputError(
            source,
            "no text column (looked for 'text' or 'body', or an 'html' column; name yours with "
            f"--text-col); columns found: {listing}",
        )
    return cmap


# --------------------------------------------------------------------------- encodings

#: Lines of one file named in a cp1252 warning each; further ones are only counted (one summary).
MAX_LINE_WARNINGS = 10


def detect_file_encoding(path: str | Path, *, chunk_size: int = 1 << 20) -> str:
    """``'utf-8-sig'``, ``'utf-16'``, ``'utf-32'``, ``'utf-8'`` or ``'cp1252'`` for a text file (read in chunks).

    A byte-order mark decides; otherwise the whole file is checked as UTF-8 by an incremental
    decoder (memory stays flat), and cp1252 is the fallback, as in :func:`framing.io.decode_bytes`.
    (The table readers do not use this whole-file verdict: they decode line by line.)
    """
    with open(path, "rb") as fh:
        bom = bom_encoding(fh.read(4))
        if bom:
            return bom
        fh.seek(0)
        dec = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := fh.read(chunk_size):
                dec.decode(chunk)
            dec.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"


class _Lines:
    """The lines of a text file (ends kept), counted, with what decoding each record's lines met.

    ``fh`` is a text stream that decodes the whole file with ``encoding`` and meets no problem;
    :class:`_WideLines` (UTF-16/32) and :class:`_DecodedLines` (UTF-8, cp1252) report them per line.
    """

    def __init__(self, fh: IO, path: Path, encoding: str):
        self._fh = fh
        self.path = path
        self.encoding = encoding
        self.lineno = 0  # lines handed out so far

    def __iter__(self) -> Iterator[str]:
        for line in self._fh:
            self.lineno += 1
            yield line

    def take(self) -> tuple[str, list[str]]:
        """The encoding of the lines handed out since the last call and the problems met decoding them."""
        return self.encoding, []

    def finish(self) -> None:
        """Called once every line has been read."""

    def close(self) -> None:
        self._fh.close()


class _DecodedLines(_Lines):
    """The lines of a byte stream, each decoded on its own, so one bad line spoils only its record.

    Lines end at ``\\n``, ``\\r\\n`` or ``\\r``, as in a text stream opened with ``newline=""``
    (those bytes are never part of a multi-byte UTF-8 character). Each line is decoded as UTF-8;
    failing that, as cp1252 (``fallback``) with an :class:`~framing.io.EncodingWarning` naming the
    file and the line (the first :data:`MAX_LINE_WARNINGS` such lines; then one count at the end).
    A line neither can decode is handed out decoded with U+FFFD for its bad bytes (so a CSV parser
    keeps its place) and reported by :meth:`take` as a problem. ``fallback=None`` is for a file
    whose byte-order mark says UTF-8: a line that is not UTF-8 is then a problem.
    """

    def __init__(self, fh: IO[bytes], path: Path, *, fallback: str | None = "cp1252"):
        super().__init__(fh, path, "utf-8")
        self.fallback = fallback
        self.n_fallback = 0  # lines of the whole file read with the fallback
        self._used_fallback = False  # ... since the last take()
        self._problems: list[str] = []

    def __iter__(self) -> Iterator[str]:
        for chunk in self._fh:  # split after b"\n" only
            cr = chunk.find(b"\r")
            plain = cr == -1 or (cr == len(chunk) - 2 and chunk.endswith(b"\n"))
            for raw in (chunk,) if plain else chunk.splitlines(keepends=True):
                self.lineno += 1
                try:
                    yield raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield self._decode_other(raw, exc)

    def _decode_other(self, raw: bytes, utf8_error: UnicodeDecodeError) -> str:
        """A line that is not UTF-8: the fallback's reading of it, or a replacement and a problem noted."""
        if self.fallback is None:
            self._problems.append(
                f"line {self.lineno}: not valid UTF-8 despite the file's byte-order mark "
                f"(byte 0x{raw[utf8_error.start]:02x} at byte {utf8_error.start + 1} of the line)"
            )
            return raw.decode("utf-8", "replace")
        try:
            text = raw.decode(self.fallback)
        except UnicodeDecodeError as exc:
            self._problems.append(
                f"line {self.lineno}: undecodable, neither UTF-8 nor {self.fallback} "
                f"(byte 0x{raw[exc.start]:02x} at byte {exc.start + 1} of the line)"
            )
            return raw.decode(self.fallback, "replace")
        self._used_fallback = True
        self.n_fallback += 1
        if self.n_fallback <= MAX_LINE_WARNINGS:
            warnings.warn(
                f"{self.path}: line {self.lineno} is not valid UTF-8, read as {self.fallback}",
                EncodingWarning,
                stacklevel=2,
            )
        return text

    def take(self) -> tuple[str, list[str]]:
        encoding = self.fallback if self._used_fallback else "utf-8"
        problems, self._problems, self._used_fallback = self._problems, [], False
        return encoding, problems

    def finish(self) -> None:
        if self.n_fallback > MAX_LINE_WARNINGS:
            warnings.warn(
                f"{self.path}: {self.n_fallback} lines in all were not valid UTF-8 and were read as "
                f"{self.fallback} (only the first {MAX_LINE_WARNINGS} are named)",
                EncodingWarning,
                stacklevel=2,
            )


def _open_lines(path: Path) -> _Lines:
    """The lines of a (possibly gzipped) table file, decoded as :class:`_DecodedLines` unless a
    UTF-16/32 byte-order mark says otherwise. A UTF-8 byte-order mark is dropped and rules out
    the cp1252 fallback. Raises :class:`~framing.io.FramingInputError` if the file cannot be read.
    """
    fh = (gzip.open if path.name.lower().endswith(".gz") else open)(path, "rb")
    try:
        bom = bom_encoding(fh.read(4))
        fh.seek(len(codecs.BOM_UTF8) if bom == "utf-8-sig" else 0)
    except (OSError, EOFError) as exc:  # e.g. a .gz file that is not gzip
        fh.close()
        raise FramingInputError(path, f"unreadable ({exc.__class__.__name__}: {exc})") from None
    if bom in ("utf-16", "utf-32"):
        return _WideLines(io.TextIOWrapper(fh, encoding=bom, errors=_MARK_BAD, newline=""), path, bom)
    return _DecodedLines(fh, path, fallback=None if bom else "cp1252")


# A lone surrogate never comes out of a correct UTF-16/32 decoding, so it can stand for the bytes
# the decoder could not read, until each line is checked.
_BAD = "\udcfe"
_MARK_BAD = "framing.mark-undecodable"
codecs.register_error(_MARK_BAD, lambda exc: (_BAD, exc.end))


class _WideLines(_Lines):
    """The lines of a UTF-16/32 file (byte-order mark), in which bytes the encoding cannot decode
    (an unpaired surrogate, a truncated code unit) spoil only their own line: it is handed out
    with U+FFFD in their place and reported by :meth:`take` as a problem, and reading goes on."""

    def __init__(self, fh: IO, path: Path, encoding: str):
        super().__init__(fh, path, encoding)
        self._problems: list[str] = []

    def __iter__(self) -> Iterator[str]:
        for line in self._fh:
            self.lineno += 1
            if _BAD in line:
                self._problems.append(
                    f"line {self.lineno}: undecodable as {self.encoding} "
                    f"({line.count(_BAD)} bad code unit(s), despite the file's byte-order mark)"
                )
                line = line.replace(_BAD, "\ufffd")
            yield line

    def take(self) -> tuple[str, list[str]]:
        problems, self._problems = self._problems, []
        return self.encoding, problems


# --------------------------------------------------------------------------- rows

def _cell(value) -> str:
    """A table cell as a stripped string ('' for missing/NaN)."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value).strip() if not isinstance(value, str) else value


def _scalar(value) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _csv_rows(path: Path, delimiter: str) -> tuple[list[str], Iterator[dict]]:
    """The header and rows of a CSV/TSV file, decoded line by line (see :func:`_open_lines`).

    A quoted cell may span lines: the csv module is fed decoded lines and asks for as many as a
    row needs, so the lines a row used are those read since the previous row. A row with a line
    that could not be decoded keeps its cells (so the error can name its id) and gets ``__error__``.
    """
    lines = _open_lines(path)
    old = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # one article can be a multi-megabyte cell
    reader = csv.DictReader(lines, delimiter=delimiter)
    try:
        header = [(c or "").strip() for c in (reader.fieldnames or [])]
        problems = lines.take()[1]
    except (UnicodeDecodeError, OSError, EOFError, csv.Error) as exc:
        problems = [str(exc)]
    if problems:
        lines.close()
        csv.field_size_limit(old)
        raise FramingInputError(path, f"unreadable table header ({'; '.join(problems)})")
    reader.fieldnames = header

    def rows() -> Iterator[dict]:
        try:
            yield {}  # consumed by _started: from here on, close() runs the clean-up below
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    lines.finish()
                    return
                except csv.Error as exc:
                    lines.take()
                    yield {"__error__": f"row at line {reader.line_num}: malformed CSV ({exc})"}
                    continue
                except (UnicodeDecodeError, OSError, EOFError) as exc:
                    yield {"__error__": f"file unreadable after line {reader.line_num} ({exc.__class__.__name__}: {exc})"}
                    return
                encoding, problems = lines.take()
                row["__encoding__"] = encoding
                if problems:
                    row["__error__"] = "; ".join(problems)
                if None in row:  # more cells than header columns
                    extra = row.pop(None)
                    row["__extra__"] = len(extra)
                yield row
        finally:
            lines.close()
            csv.field_size_limit(old)

    return header, _started(rows())


def _jsonl_record(line: str, lineno: int, encoding: str, problems: list[str]) -> dict | None:
    """One line of a JSON Lines file as a row (``None`` for a blank line).

    A line that could not be decoded (``problems``) or is not a JSON object is a row with
    ``__error__``; it keeps the object's fields when it still parses, so the error can name its id.
    """
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
        error = "" if isinstance(obj, dict) else f"line {lineno}: not a JSON object"
    except ValueError as exc:
        obj, error = None, f"line {lineno}: not valid JSON ({exc.msg})"
    row = obj if isinstance(obj, dict) else {}
    if problems or error:
        row["__error__"] = "; ".join(problems) or error
    row["__line__"] = lineno
    row["__encoding__"] = encoding
    return row


def _jsonl_rows(path: Path) -> tuple[list[str], Iterator[dict]]:
    """The column names (those of the first object) and rows of a JSON Lines file, decoded line by line."""
    lines = _open_lines(path)

    def records() -> Iterator[dict]:
        for line in lines:
            encoding, problems = lines.take()
            row = _jsonl_record(line, lines.lineno, encoding, problems)
            if row is not None:
                yield row
        lines.finish()

    stream = records()
    first: list[dict] = []  # rows read while looking for the header; later rows may add columns
    header: list[str] = []
    try:
        for row in stream:
            first.append(row)
            header = [k for k in row if not k.startswith("__")]
            if header:
                break
    except (UnicodeDecodeError, OSError, EOFError) as exc:
        lines.close()
        raise FramingInputError(path, f"unreadable ({exc.__class__.__name__}: {exc})") from None

    def rows() -> Iterator[dict]:
        try:
            yield {}  # consumed by _started, as in _csv_rows
            yield from first
            yield from stream
        except (UnicodeDecodeError, OSError, EOFError) as exc:
            yield {"__error__": f"file unreadable after line {lines.lineno} ({exc.__class__.__name__}: {exc})"}
        finally:
            lines.close()

    return header, _started(rows())


def _started(rows: Iterator[dict]) -> Iterator[dict]:
    """``rows`` advanced past its first (placeholder) item, so that ``rows.close()`` runs the
    generator's clean-up (closing the file) even when no row is ever read, e.g. when the caller
    rejects the header."""
    next(rows)
    return rows


def _parquet_rows(path: Path, *, batch_size: int = 1024) -> tuple[list[str], Iterator[dict]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - pyarrow is a dependency
        raise FramingInputError(path, "reading Parquet needs pyarrow (pip install pyarrow)") from None
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:
        raise FramingInputError(path, f"not a readable Parquet file ({exc.__class__.__name__}: {exc})") from None
    header = list(pf.schema_arrow.names)

    def rows():
        for batch in pf.iter_batches(batch_size=batch_size):
            # Only scalar columns leave Arrow as Python objects one batch at a time.
            yield from batch.to_pylist()

    return header, rows()


def _rows_for(path: Path) -> tuple[list[str], Iterator[dict]]:
    name = path.name.lower()
    if name.endswith((".csv", ".csv.gz")):
        return _csv_rows(path, ",")
    if name.endswith((".tsv", ".tsv.gz", ".tab")):
        return _csv_rows(path, "\t")
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        return _jsonl_rows(path)
    if name.endswith(".parquet"):
        return _parquet_rows(path)
    raise FramingInputError(path, f"not a table format framing reads ({', '.join(TABULAR_SUFFIXES)})")


def _row_article(row: dict, n: int, cmap: ColumnMap, path: Path, seen: set[str]) -> Article | LoadError:
    """The ``n``-th row of a table as an :class:`Article`, or a :class:`LoadError` saying why it cannot be one."""
    where = f"line {row['__line__']}" if "__line__" in row else f"row {n}"
    aid = _cell(row.get(cmap.id)).strip() if cmap.id else f"{path.name.split('.')[0]}-{n}"
    label = aid or where
    if "__error__" in row:
        return LoadError(label, str(path), row["__error__"])
    if "__extra__" in row:
        return LoadError(label, str(path), f"{where}: {row['__extra__']} more cell(s) than the header has columns")
    if cmap.id and not aid:
        return LoadError(label, str(path), f"{where}: missing article id (column {cmap.id!r})")
    if aid in seen:
        return LoadError(aid, str(path), f"{where}: duplicate article_id {aid!r}")
    text = _cell(row.get(cmap.text)) if cmap.text else ""
    headline = _cell(row.get(cmap.headline)).strip() if cmap.headline else ""
    outlet = _cell(row.get(cmap.outlet)).strip() if cmap.outlet else ""
    meta: dict = {}
    if not text.strip() and cmap.html and _cell(row.get(cmap.html)).strip():
        try:
            art = article_from_html(_cell(row.get(cmap.html)), article_id=aid, source=str(path), outlet=outlet)
        except FramingInputError as exc:
            return LoadError(aid, str(path), f"{where}: {exc.problem}")
        text, meta = art.text, dict(art.metadata)
        headline = headline or (art.headline or "")
        outlet = outlet or art.outlet
    if not text.strip():
        col = cmap.text or cmap.html
        return LoadError(aid, str(path), f"{where}: empty text (column {col!r})")
    if "\x00" in text:
        return LoadError(aid, str(path), f"{where}: text contains NUL characters (binary data)")
    seen.add(aid)
    if cmap.date and _cell(row.get(cmap.date)).strip():
        meta["date"] = _cell(row.get(cmap.date)).strip()
    used = cmap.used
    for key, value in row.items():
        if key in used or key.startswith("__") or key in meta or not _scalar(value):
            continue
        meta[key] = value
    return Article(
        article_id=aid,
        text=text,
        outlet=outlet,
        source=str(path),
        headline=headline or None,
        story_id=_cell(row.get(cmap.story)).strip() if cmap.story else "",
        encoding=row.get("__encoding__", "utf-8"),
        metadata=meta,
    )


def iter_records(path: str | Path, **options) -> Iterator[Article | LoadError]:
    """Every row of a table (or every page/file) as an :class:`Article` or a :class:`LoadError`, in order.

    Options: ``id_col``, ``outlet_col``, ``text_col``, ``headline_col``, ``story_col``,
    ``date_col``, ``html_col`` (see :func:`resolve_columns`); for folders and single text files
    ``max_bytes``. Raises :class:`~framing.io.FramingInputError` only for problems with the whole
    file (missing, unknown format, no text column), before the first record.
    """
    p = Path(path)
    if not p.exists():
        raise FramingInputError(p, "no such file or folder")
    name = p.name.lower()
    if p.is_dir() or not name.endswith(TABULAR_SUFFIXES):
        # A folder (of text files or of HTML pages), one page or one text file: as load_corpus reads it.
        corpus = load_corpus(p, **options)
        yield from corpus.articles
        yield from corpus.errors
        return
    header, rows = _rows_for(p)
    with closing(rows):  # the file is closed however the reading ends, header errors included
        cols = {k: options.pop(k) for k in list(options) if k.endswith("_col")}
        if options:
            raise TypeError(f"unknown loader option(s): {', '.join(sorted(options))}")
        cmap = resolve_columns(header, source=p, **cols)
        seen: set[str] = set()
        for n, row in enumerate(rows, start=1):
            yield _row_article(row, n, cmap, p, seen)


def iter_articles(
    source: str | Path | Corpus | Iterable[Article], *, errors: list | None = None, **options
) -> Iterator[Article]:
    """Stream the articles of a corpus file or folder (or pass through a Corpus / iterable of articles).

    Rows that cannot be used are appended to ``errors`` (a list you pass) as
    :class:`~framing.io.LoadError`; without ``errors`` they are skipped silently.

    >>> errors = []
    >>> for article in iter_articles("corpus.jsonl.gz", errors=errors):   # doctest: +SKIP
    ...     ...
    """
    if isinstance(source, Corpus):
        if errors is not None:
            errors.extend(source.errors)
        yield from source.articles
        return
    if not isinstance(source, (str, Path)):
        for item in source:
            if isinstance(item, LoadError):
                if errors is not None:
                    errors.append(item)
            else:
                yield item
        return
    for rec in iter_records(source, **options):
        if isinstance(rec, LoadError):
            if errors is not None:
                errors.append(rec)
        else:
            yield rec


def load_table(path: str | Path, **options) -> Corpus:
    """Load a CSV/TSV/JSONL(.gz)/Parquet corpus: one article per row. See :func:`iter_records`."""
    articles: list[Article] = []
    errors: list[LoadError] = []
    for rec in iter_records(path, **options):
        (errors if isinstance(rec, LoadError) else articles).append(rec)
    return Corpus(articles=articles, errors=errors, path=str(path))


# --------------------------------------------------------------------------- HTML

_INVISIBLE = ("script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "iframe")
_WS = re.compile(r"\s+")


def html_visible_text(html: str) -> str:
    """The text a reader sees on the page (scripts, styles and the ``<head>`` dropped), whitespace collapsed."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises on empty / undecodable documents
        return ""
    for el in root.iter(*_INVISIBLE):
        el.drop_tree() if el.getparent() is not None else None
    return _WS.sub(" ", root.text_content()).strip()


def _chars(s: str) -> int:
    return len(_WS.sub("", s))


def article_from_html(
    html: str, *, article_id: str, source: str = "", outlet: str = "", url: str | None = None
) -> Article:
    """An :class:`Article` from one HTML page, via trafilatura's main-text extraction.

    The headline is the page title trafilatura finds, the text the story's paragraphs (one per
    line); ``metadata`` gets ``date`` and ``sitename`` when found (``sitename`` is the outlet
    when none is given) and ``html_boilerplate_ratio``: 1 - (non-space characters of headline +
    story) / (non-space characters of visible page text), clipped to [0, 1].
    Raises :class:`~framing.io.FramingInputError` when no story text can be extracted.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura can raise on hostile markup
        raise FramingInputError(source or article_id, f"HTML extraction failed ({exc.__class__.__name__})") from None
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    title = ((getattr(doc, "title", None) or "") if doc is not None else "").strip()
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    if title and lines and _WS.sub(" ", lines[0]).lower() == _WS.sub(" ", title).lower():
        lines = lines[1:]  # trafilatura repeats the <h1> as the first line
    text = "\n".join(lines)
    if not text:
        raise FramingInputError(source or article_id, "no story text found in the HTML page")
    visible = _chars(html_visible_text(html))
    story = _chars(text) + _chars(title)
    ratio = 0.0 if visible == 0 else min(1.0, max(0.0, 1.0 - story / visible))
    meta: dict = {"html_boilerplate_ratio": ratio}
    for key in ("date", "sitename", "author", "url"):
        value = getattr(doc, key, None)
        if value:
            meta[key] = str(value)
    return Article(
        article_id=article_id,
        text=text,
        outlet=outlet or meta.get("sitename", ""),
        source=source,
        headline=title or None,
        metadata=meta,
    )


def _read_html(path: Path, max_bytes: int) -> str:
    size = path.stat().st_size
    if size > max_bytes:
        raise FramingInputError(path, f"file is {size / 1e6:.1f} MB, larger than the {max_bytes / 1e6:.0f} MB limit")
    data = path.read_bytes()
    charset = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", data[:4096], re.I)
    if charset and bom_encoding(data) is None:  # a byte-order mark outranks the meta tag
        try:
            text = data.decode(charset.group(1).decode("ascii"))
            if text.strip():
                return text
        except (LookupError, UnicodeDecodeError):
            pass
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EncodingWarning)
        return decode_bytes(data, path)[0]


def load_html(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES, **options) -> Corpus:
    """One HTML page (``.html``/``.htm``) as a one-article corpus, or every page of a folder.

    The article id is the file name without extension. See :func:`article_from_html`.
    """
    p = Path(path)
    pages = sorted(q for q in p.iterdir() if q.suffix.lower() in HTML_SUFFIXES) if p.is_dir() else [p]
    articles, errors = [], []
    for q in pages:
        try:
            articles.append(article_from_html(_read_html(q, max_bytes), article_id=q.stem, source=str(q)))
        except FramingInputError as exc:
            errors.append(LoadError(q.stem, str(q), exc.problem))
    return Corpus(articles=articles, errors=errors, path=str(p))
