"""Benchmark attribution extraction against the PolNeAR attribution corpus.

Usage::

    python benchmarks/attribution.py /work/shared/bench/polnear [--split dev|test|train] [--limit N]

Prints precision/recall/F1 of content spans for direct quotes, direct + mixed quotes and indirect
attributions, the speaker and cue match rates of the matched ones, and articles per second.

Scoring follows the anchor measurement in the data set's README: content spans match at character
IoU >= 0.3 (and 0.8), greedy one-to-one, best IoU first. Predictions whose best unmatched overlap is
with a gold attribution of a kind not being scored are left out of both TP and FP. Speaker match =
the predicted speaker span overlaps the gold source; cue match = the predicted verb span lies inside
the gold cue. PolNeAR: Newell, Margolin & Ruths (2018), LREC. Text begins with the headline; every
non-empty line is a paragraph.

Our ``direct`` and ``mixed`` kinds are scored against PolNeAR's kinds of the same name and
``indirect`` against ``indirect``; ``partial`` (quoted words with no reporting clause, e.g. scare
quotes) has no PolNeAR counterpart and is not scored. The speed figure includes the spaCy parse.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.attribution import attributions  # noqa: E402
from framing.nlp import load_model  # noqa: E402

# which of our kinds count as which PolNeAR kinds
PRED_KINDS = {
    "direct": {"direct"},
    "direct+mixed": {"direct", "mixed"},
    "indirect": {"indirect"},
}
GOLD_KINDS = {
    "direct": {"direct"},
    "direct+mixed": {"direct", "mixed"},
    "indirect": {"indirect"},
}


def _pieces(span) -> list[tuple[int, int]]:
    if span is None:
        return []
    if isinstance(span[0], list):
        return [(int(p[0]), int(p[1])) for p in span]
    return [(int(span[0]), int(span[1]))]


def _chars(pieces) -> set[int]:
    out: set[int] = set()
    for s, e in pieces:
        out.update(range(s, e))
    return out


def _iou(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter) if inter else 0.0


def _overlaps(span: tuple[int, int] | None, pieces) -> bool:
    if span is None:
        return False
    s, e = span
    return any(s < pe and ps < e for ps, pe in pieces)


def _inside(span: tuple[int, int] | None, pieces) -> bool:
    if span is None:
        return False
    s, e = span
    return any(ps <= s and e <= pe for ps, pe in pieces)


def score_article(preds, gold, *, pred_kinds, gold_kinds, threshold) -> dict:
    """Greedy one-to-one content matching for one article; returns counts."""
    P = [p for p in preds if p.kind in pred_kinds]
    pc = [_chars(p.pieces) for p in P]
    G = gold
    gc = [_chars(_pieces(g["content"])) for g in G]
    sel = [g["kind"] in gold_kinds for g in G]
    pairs = []
    for i in range(len(P)):
        for j in range(len(G)):
            if not sel[j]:
                continue
            v = _iou(pc[i], gc[j])
            if v >= threshold:
                pairs.append((v, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    pm: dict[int, int] = {}
    gm: set[int] = set()
    for v, i, j in pairs:
        if i in pm or j in gm:
            continue
        pm[i] = j
        gm.add(j)
    c = dict(gold=sum(sel), pred=len(P), tp=0, fp=0, other=0, split=0, spk_eval=0, spk_ok=0, cue_eval=0, cue_ok=0)
    for i, p in enumerate(P):
        if i in pm:
            g = G[pm[i]]
            c["tp"] += 1
            if g["source"] is not None:
                c["spk_eval"] += 1
                sp = (p.speaker_start, p.speaker_end) if p.speaker_start is not None else None
                c["spk_ok"] += _overlaps(sp, _pieces(g["source"]))
            c["cue_eval"] += 1
            vp = (p.verb_start, p.verb_end) if p.verb_start is not None else None
            c["cue_ok"] += _inside(vp, _pieces(g["cue"]))
            continue
        sel_hit = any(sel[j] and _iou(pc[i], gc[j]) >= threshold for j in range(len(G)))
        other_hit = any((not sel[j]) and _iou(pc[i], gc[j]) >= threshold for j in range(len(G)))
        if sel_hit:
            c["fp"] += 1
            c["split"] += 1
        elif other_hit:
            c["other"] += 1
        else:
            c["fp"] += 1
    return c


def _rates(c: dict) -> dict:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return dict(
        P=p,
        R=r,
        F1=f,
        speaker=c["spk_ok"] / c["spk_eval"] if c["spk_eval"] else float("nan"),
        cue=c["cue_ok"] / c["cue_eval"] if c["cue_eval"] else float("nan"),
    )


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", help="folder with polnear.jsonl")
    ap.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)

    path = Path(args.path)
    data_file = path / "polnear.jsonl" if path.is_dir() else path
    articles = []
    with open(data_file, encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["split"] == args.split:
                articles.append(a)
    if args.limit:
        articles = articles[: args.limit]

    nlp = load_model()
    nlp("warm up")
    t0 = time.perf_counter()
    preds = [attributions(a["text"], nlp=nlp) for a in articles]
    elapsed = time.perf_counter() - t0

    print(f"PolNeAR {args.split}: {len(articles)} articles, {sum(len(a['attributions']) for a in articles)} gold attributions")
    print(f"{'kinds':<14}{'IoU>=':>6}{'gold':>6}{'pred':>6}{'TP':>6}{'FP':>6}{'excl':>6}{'P':>7}{'R':>7}{'F1':>7}{'speaker':>9}{'cue':>7}")
    for name in ("direct", "direct+mixed", "indirect"):
        for thr in (0.3, 0.8):
            tot: dict = {}
            for a, p in zip(articles, preds):
                c = score_article(p, a["attributions"], pred_kinds=PRED_KINDS[name], gold_kinds=GOLD_KINDS[name], threshold=thr)
                for k, v in c.items():
                    tot[k] = tot.get(k, 0) + v
            r = _rates(tot)
            print(
                f"{name:<14}{thr:>6.1f}{tot['gold']:>6}{tot['pred']:>6}{tot['tp']:>6}{tot['fp']:>6}{tot['other']:>6}"
                f"{r['P']:>7.3f}{r['R']:>7.3f}{r['F1']:>7.3f}{r['speaker']:>9.3f}{r['cue']:>7.3f}"
            )
    n_kind: dict[str, int] = {}
    for p in preds:
        for x in p:
            n_kind[x.kind] = n_kind.get(x.kind, 0) + 1
    print("predicted kinds:", ", ".join(f"{k} {v}" for k, v in sorted(n_kind.items())))
    print(f"speed: {len(articles) / elapsed:.1f} articles/s ({elapsed:.1f} s, parse included)")


if __name__ == "__main__":
    main()
