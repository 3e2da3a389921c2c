"""Wall time of the strict nbval run over the notebooks (budget: 60 s on a 2-core machine).

Usage: python benchmarks/nbval_time.py [NOTEBOOK_FOLDER]   (default: notebooks)

Runs ``pytest -q --nbval FOLDER --sanitize-with FOLDER/sanitize.cfg`` once with the Makefile's fixed
environment and prints a table: each notebook's cells and seconds (from pytest's durations), then the
total wall time, the CPU time of pytest and its kernels (independent of other load), and whether it passed.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ENV = {
    "PYTHONHASHSEED": "0",
    "SOURCE_DATE_EPOCH": "1611187200",
    "MPLBACKEND": "Agg",
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    "JUPYTER_PLATFORM_DIRS": "1",
}
BUDGET_S = 60.0


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "notebooks")
    cmd = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", str(folder),
        "--sanitize-with", str(folder / "sanitize.cfg"), "--durations=0", "--durations-min=0",
    ]
    env = {**os.environ, **ENV}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    load = os.getloadavg()[0]
    per_nb: dict[str, float] = defaultdict(float)
    cells: dict[str, int] = defaultdict(int)
    for line in proc.stdout.splitlines():
        m = re.match(r"\s*([\d.]+)s\s+(call|setup|teardown)\s+(\S+?\.ipynb)::", line)
        if m:
            per_nb[Path(m.group(3)).name] += float(m.group(1))
            if m.group(2) == "call":
                cells[Path(m.group(3)).name] += 1
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr.strip()[-200:]
    print(f"{'notebook':<36}{'cells':>6}{'seconds':>10}")
    for name in sorted(per_nb):
        print(f"{name:<36}{cells[name]:>6}{per_nb[name]:>10.1f}")
    print(f"{'total wall time (s)':<36}{'':>6}{wall:>10.1f}")
    print(f"{'cpu time, pytest + kernels (s)':<36}{'':>6}{cpu:>10.1f}")
    print(f"{'budget (s)':<36}{'':>6}{BUDGET_S:>10.1f}")
    print(f"load average before the run: {load:.1f} (other work on the machine inflates wall time)")
    print(f"cpu cores: {os.cpu_count()}; pytest: {summary}")
    if proc.returncode != 0:
        print(proc.stdout[-4000:], file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
