"""Benchmark headline framing against the hand-labelled headline gold set.

Usage: python benchmarks/headlines.py /work/shared/bench/headlines [--split dev|test|all]

Prints, per split, the accuracy of the main-verb lemma, of the subject head (a match with ``subject``
or any ``subject_alt``; null must be predicted as null), and of voice, overall and separately for
Title Case and sentence-case headlines, then the throughput in headlines per second. Only aggregate
figures are printed.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.headlines import headline_frames  # noqa: E402
from framing.nlp import load_model  # noqa: E402


def _norm(value: str | None) -> str | None:
    return value.lower() if isinstance(value, str) else None


def _scores(rows: list[dict], frames) -> dict[str, tuple[int, int, int]]:
    """{group: (verb hits, subject hits, voice hits)} plus the item count under key 'n'."""
    out: dict[str, list[int]] = {}
    for row, frame in zip(rows, frames):
        verb_ok = _norm(frame.verb) == _norm(row["verb_lemma"])
        gold_subjects = {_norm(row["subject"])} | {_norm(s) for s in row.get("subject_alt") or []}
        subj_ok = _norm(frame.subject_head) in gold_subjects
        voice_ok = frame.voice == row["voice"]
        for group in ("all", "Title Case" if row.get("title_case") else "sentence case"):
            acc = out.setdefault(group, [0, 0, 0, 0])
            acc[0] += 1
            acc[1] += verb_ok
            acc[2] += subj_ok
            acc[3] += voice_ok
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="folder holding headlines.jsonl")
    parser.add_argument("--split", default="all", choices=("dev", "test", "all"))
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in (args.path / "headlines.jsonl").read_text("utf-8").splitlines() if line.strip()]
    splits = ("dev", "test") if args.split == "all" else (args.split,)
    nlp = load_model()
    headline_frames(["Warm-up headline says nothing"], nlp=nlp)
    print(f"{'split':<6} {'group':<14} {'n':>3} {'verb':>6} {'subject':>8} {'voice':>6}")
    total_n, total_t = 0, 0.0
    for split in splits:
        items = [r for r in rows if r["split"] == split]
        t0 = time.perf_counter()
        frames = headline_frames([r["headline"] for r in items], nlp=nlp)
        total_t += time.perf_counter() - t0
        total_n += len(items)
        for group, (n, verb, subj, voice) in sorted(_scores(items, frames).items()):
            print(f"{split:<6} {group:<14} {n:>3} {verb / n:>6.1%} {subj / n:>8.1%} {voice / n:>6.1%}")
    # throughput on a larger batch (the same headlines repeated) so start-up costs do not dominate
    sample = [r["headline"] for r in rows if r["split"] in splits] * 10
    t0 = time.perf_counter()
    headline_frames(sample, nlp=nlp)
    rate = len(sample) / (time.perf_counter() - t0)
    print(f"throughput: {rate:,.0f} headlines/s ({len(sample)} headlines, one process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
