"""Reading articles: decoding raw bytes, and corpus loaders (one function per format).

The raw text of every article is kept exactly as decoded (line endings, odd spaces and all):
every character offset in every output table refers to it, so a notebook can highlight a span.
Only a byte-order mark is dropped, because it is an encoding signature rather than text.

A loader returns a :class:`Corpus`: the articles it could read and, for each one it could not,
a :class:`LoadError` naming the file and the problem. One bad file never loses the batch.
"""

from __future__ import annotations

import csv
import codecs
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

__all__ = [
    "Article",
    "LoadError",
    "Corpus",
    "FramingInputError",
    "EncodingWarning",
    "decode_bytes",
    "bom_encoding",
    "read_text",
    "load_corpus",
    "load_folder",
    "LOADERS",
    "MAX_FILE_BYTES",
    "MANIFEST_REQUIRED",
]

#: Files larger than this are refused (one clear error instead of exhausting memory).
MAX_FILE_BYTES = 10 * 1024 * 1024

#: Columns a folder's ``manifest.csv`` must have.
MANIFEST_REQUIRED = ("file", "outlet")


class FramingInputError(ValueError):
    """Input that cannot be used; the message names the file and the problem."""

    def __init__(self, source: str | Path, problem: str):
        self.source = str(source)
        self.problem = problem
        super().__init__(f"{self.source}: {problem}")


class EncodingWarning(UserWarning):
    """A file was not valid UTF-8 and was read as cp1252 (Windows-1252)."""


@dataclass
class Article:
    """One news article as read: identity, outlet, metadata, and the raw text."""

    article_id: str
    text: str
    outlet: str = ""
    source: str = ""
    headline: str | None = None  # given separately (e.g. a CSV column); then `text` is the body
    story_id: str = ""
    encoding: str = "utf-8"
    metadata: dict = field(default_factory=dict)


@dataclass(frozen=True)
class LoadError:
    """An article that could not be read, and why."""

    article_id: str
    source: str
    reason: str


@dataclass
class Corpus:
    """The articles of a corpus plus the errors met while reading it."""

    articles: list[Article]
    errors: list[LoadError] = field(default_factory=list)
    path: str = ""

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self):
        return iter(self.articles)

    def to_frame(self) -> pd.DataFrame:
        """One row per article: id, outlet, story, source, encoding, metadata columns, text."""
        rows = []
        for a in self.articles:
            row = {
                "article_id": a.article_id,
                "outlet": a.outlet,
                "story_id": a.story_id,
                "source": a.source,
                "encoding": a.encoding,
            }
            row.update({k: v for k, v in a.metadata.items() if k not in row})
            row["text"] = a.text
            rows.append(row)
        return pd.DataFrame(rows)

    def errors_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            [(e.article_id, e.source, e.reason) for e in self.errors],
            columns=["article_id", "source", "reason"],
        )


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``head`` announces (``'utf-8-sig'``,
    ``'utf-16'``, ``'utf-32'``), or ``None`` when there is no mark."""
    return next((enc for bom, enc in _BOMS if head.startswith(bom)), None)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 100)


def decode_bytes(data: bytes, source: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode an article's bytes; return ``(text, encoding)``.

    UTF-8 (with or without BOM), UTF-16/32 with BOM, else cp1252 with an
    :class:`EncodingWarning`. Raises :class:`FramingInputError` for empty, whitespace-only,
    binary or undecodable input.
    """
    if not data:
        raise FramingInputError(source, "empty file")
    text = None
    encoding = ""
    enc = bom_encoding(data)
    if enc:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            raise FramingInputError(source, f"not valid {enc} despite its byte-order mark ({exc.reason})")
        text = text.lstrip("\ufeff")
        encoding = "utf-8" if enc == "utf-8-sig" else enc
    if text is None:
        if _looks_binary(data):
            raise FramingInputError(source, "binary file (not text)")
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise FramingInputError(
                    source, f"undecodable: neither UTF-8 nor cp1252 (byte 0x{data[exc.start]:02x} at {exc.start})"
                )
            encoding = "cp1252"
            warnings.warn(f"{source}: not valid UTF-8, read as cp1252", EncodingWarning, stacklevel=2)
    if not text.strip():
        raise FramingInputError(source, "empty file (only whitespace)")
    if "\x00" in text:
        raise FramingInputError(source, "binary file (NUL characters in decoded text)")
    return text, encoding


def read_text(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> tuple[str, str]:
    """Read and decode one text file; see :func:`decode_bytes`."""
    p = Path(path)
    if not p.exists():
        raise FramingInputError(p, "no such file")
    if not p.is_file():
        raise FramingInputError(p, "not a file")
    size = p.stat().st_size
    if size > max_bytes:
        raise FramingInputError(
            p, f"file is {size / 1e6:.1f} MB, larger than the {max_bytes / 1e6:.0f} MB limit for one article"
        )
    return decode_bytes(p.read_bytes(), p)


# --------------------------------------------------------------------------- loaders

def _read_manifest(path: Path) -> list[dict]:
    raw, _ = read_text(path)
    reader = csv.DictReader(raw.splitlines())
    cols = [c.strip() for c in (reader.fieldnames or [])]
    missing = [c for c in MANIFEST_REQUIRED if c not in cols]
    if missing:
        raise FramingInputError(
            path, f"manifest lacks column(s) {', '.join(missing)} (found: {', '.join(cols) or 'none'})"
        )
    rows = []
    for row in reader:
        rows.append({(k or "").strip(): (v.strip() if isinstance(v, str) else v) for k, v in row.items()})
    return rows


_DOC_NAMES = {"readme", "license", "licence", "changelog", "notice", "copying"}


def _is_docs_file(p: Path) -> bool:
    return p.stem.lower().split(".")[0] in _DOC_NAMES


def load_folder(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> Corpus:
    """A folder of ``.txt``/``.md`` files with an optional ``manifest.csv``.

    The manifest has one row per file: ``file`` and ``outlet`` are required; ``article_id``
    (default: the file stem), ``story_id`` and any other columns (``published``, ``language``,
    ``provenance``, ``notes``, ...) are kept as metadata. With a manifest, the corpus is the files
    it names; without one, every ``.txt``/``.md`` file but README/LICENSE-type documents.
    """
    folder = Path(path)
    manifest = folder / "manifest.csv"
    entries: list[tuple[str, Path, dict]] = []
    errors: list[LoadError] = []
    listed: set[str] = set()
    if manifest.exists():
        for i, row in enumerate(_read_manifest(manifest), start=2):
            fname = (row.get("file") or "").strip()
            aid = (row.get("article_id") or "").strip() or Path(fname).stem
            if not fname:
                errors.append(LoadError(aid or f"row {i}", str(manifest), f"manifest row {i} has no file name"))
                continue
            listed.add(fname)
            entries.append((aid, folder / fname, row))
    if not manifest.exists():
        for p in sorted(folder.iterdir()):
            if p.suffix.lower() in (".txt", ".md") and p.is_file() and not _is_docs_file(p):
                entries.append((p.stem, p, {}))
    articles: list[Article] = []
    seen: set[str] = set()
    for aid, p, row in entries:
        if aid in seen:
            errors.append(LoadError(aid, str(p), f"duplicate article_id {aid!r}"))
            continue
        seen.add(aid)
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", EncodingWarning)
                text, enc = read_text(p, max_bytes=max_bytes)
            for w in caught:
                warnings.warn(str(w.message), EncodingWarning, stacklevel=2)
        except FramingInputError as exc:
            reason = exc.problem if p.exists() else "file named in manifest.csv does not exist"
            errors.append(LoadError(aid, str(p), reason))
            continue
        meta = {k: v for k, v in row.items() if k not in ("article_id", "file", "outlet", "story_id")}
        articles.append(
            Article(
                article_id=aid,
                text=text,
                outlet=(row.get("outlet") or "").strip(),
                source=str(p),
                story_id=(row.get("story_id") or "").strip(),
                encoding=enc,
                metadata=meta,
            )
        )
    return Corpus(articles=articles, errors=errors, path=str(folder))


def _load_single_file(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> Corpus:
    p = Path(path)
    try:
        text, enc = read_text(p, max_bytes=max_bytes)
    except FramingInputError as exc:
        return Corpus(articles=[], errors=[LoadError(p.stem, str(p), exc.problem)], path=str(p))
    return Corpus(articles=[Article(article_id=p.stem, text=text, source=str(p), encoding=enc)], path=str(p))


def _lazy_loader(name: str) -> Callable[..., Corpus]:
    """A loader from :mod:`framing.loaders`, imported on first use (that module imports this one)."""

    def load(path: str | Path, **options) -> Corpus:
        from framing import loaders

        return getattr(loaders, name)(path, **options)

    load.__name__ = name
    return load


#: Loader per file suffix. Each further format is one function taking (path, **options).
LOADERS: dict[str, Callable[..., Corpus]] = {
    ".txt": _load_single_file,
    ".md": _load_single_file,
    **{suffix: _lazy_loader("load_table") for suffix in (
        ".csv", ".tsv", ".csv.gz", ".tsv.gz", ".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".parquet"
    )},
    ".html": _lazy_loader("load_html"),
    ".htm": _lazy_loader("load_html"),
}


def load_corpus(path: str | Path, **options) -> Corpus:
    """Load a corpus from a folder (``.txt``/``.md`` + optional ``manifest.csv``) or a file.

    The format is recognised by the path: a folder, or a file suffix in :data:`LOADERS`.
    Raises :class:`FramingInputError` when the path is missing or its format unknown.
    """
    p = Path(path)
    if not p.exists():
        raise FramingInputError(p, "no such file or folder")
    options = {k: v for k, v in options.items() if v is not None}
    columns = {k: options.pop(k) for k in list(options) if k.endswith("_col")}  # table loaders only
    if p.is_dir():
        kinds = {q.suffix.lower() for q in p.iterdir() if q.is_file()}
        if ".html" in kinds or ".htm" in kinds:
            if not (p / "manifest.csv").exists() and not kinds & {".txt", ".md"}:
                return LOADERS[".html"](p, **options)  # a folder of saved web pages
        return load_folder(p, **options)
    suffixes = "".join(p.suffixes[-2:]).lower()
    for key in (suffixes, p.suffix.lower()):
        if key in LOADERS:
            if getattr(LOADERS[key], "__name__", "") == "load_table":
                options.update(columns)
            return LOADERS[key](p, **options)
    raise FramingInputError(p, f"unknown corpus format {p.suffix!r} (known: folder, {', '.join(sorted(LOADERS))})")

