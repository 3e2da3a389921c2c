"""Writing outputs safely: atomic files, and never over a user's folder without ``force``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

__all__ = ["OutputExistsError", "prepare_output_dir", "write_bytes_atomic", "write_text_atomic", "write_csv_atomic"]


class OutputExistsError(FileExistsError):
    """The output folder exists and ``force`` was not given."""


def prepare_output_dir(path: str | Path, *, force: bool = False) -> Path:
    """Create ``path``; refuse an existing non-empty folder unless ``force``."""
    out = Path(path)
    if out.exists():
        if not out.is_dir():
            raise OutputExistsError(f"{out}: exists and is not a folder")
        if any(out.iterdir()) and not force:
            raise OutputExistsError(f"{out}: folder exists and is not empty (use --force to overwrite)")
    out.mkdir(parents=True, exist_ok=True)
    return out


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes_atomic(path: str | Path, data: bytes) -> Path:
    """Write to a temporary file in the same folder, then rename over ``path``.

    A reader (or a Ctrl-C) never sees a half-written file: either the old one or the new one.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual permissions
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


def write_text_atomic(path: str | Path, text: str) -> Path:
    """``text`` as UTF-8 into ``path``, written atomically (see :func:`write_bytes_atomic`)."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_csv_atomic(path: str | Path, frame: pd.DataFrame) -> Path:
    """A DataFrame as UTF-8 CSV with ``\\n`` line endings and no index, written atomically."""
    return write_text_atomic(path, frame.to_csv(index=False, lineterminator="\n"))
