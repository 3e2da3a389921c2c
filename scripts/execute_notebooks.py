"""Re-execute every notebook of a folder in place, deterministically (``make notebooks``).

Each notebook runs top to bottom in a fresh ``python3`` kernel with the notebook folder as working
directory and a fixed environment (hash seed, matplotlib backend, source date), so the stored outputs
are the ones ``pytest --nbval`` reproduces. Execution timestamps are not recorded.

Usage: python scripts/execute_notebooks.py [FOLDER_OR_NOTEBOOK ...]   (default: notebooks)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

#: The environment the kernels run in: exactly what the Makefile exports for ``make nbval`` too,
#: so that the stored outputs are the ones nbval reproduces.
FIXED_ENV = {
    "PYTHONHASHSEED": "0",
    "SOURCE_DATE_EPOCH": "1611187200",
    "MPLBACKEND": "Agg",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    "JUPYTER_PLATFORM_DIRS": "1",
}


def notebooks(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(q for q in p.glob("*.ipynb") if not q.name.startswith("."))
        elif p.suffix == ".ipynb":
            found.append(p)
    return found


def execute(path: Path, *, timeout: int = 300) -> float:
    """Run ``path`` in place; return the seconds it took."""
    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="framing-kernel-") as sockets:
        # local IPC sockets in a private folder rather than TCP on localhost
        km = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "kernel"))
        client = NotebookClient(
            nb,
            km=km,
            kernel_name="python3",
            timeout=timeout,
            record_timing=False,
            allow_errors=False,
            resources={"metadata": {"path": str(path.parent.resolve())}},
        )
        try:
            client.execute()
        finally:  # the client does not own a kernel manager it was given: stop the kernel here
            if km.has_kernel:
                km.shutdown_kernel(now=False)
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    os.environ.update(FIXED_ENV)
    paths = notebooks(args or ["notebooks"])
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 1
    failed = 0
    for path in paths:
        try:
            seconds = execute(path)
        except Exception as exc:  # report every notebook, then fail
            failed += 1
            print(f"FAILED {path}: {exc.__class__.__name__}: {str(exc)[-2000:]}", file=sys.stderr)
            continue
        print(f"executed {path} ({seconds:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
