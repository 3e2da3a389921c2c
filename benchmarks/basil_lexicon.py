"""How well the tone and lexicon features line up with BASIL's hand-marked media-bias spans.

Usage: ``python benchmarks/basil_lexicon.py /work/shared/bench/basil [--split dev|test|all]``

BASIL (Fan et al. 2019, "In Plain Sight: Media Bias Through the Lens of Factual Reporting", EMNLP) marks spans of
*lexical* bias (loaded word choice) and *informational* bias, each with a polarity toward its target. BASIL has
no split of its own; stories are split here by the parity of sha1(story_id) (even = dev, odd = test), so all
three outlets of a story fall on the same side. Develop on dev; test is reported, not tuned on.

Figures printed, per split:
- for each lexicon category, hits per 1,000 words inside lexical-bias spans, inside informational spans, and
  outside every bias span, and the lift (inside lexical / outside): a cue list that tracks loaded wording should
  have lift > 1 for ``loaded`` and ``intensifier``;
- recall: share of lexical-bias spans that hold at least one ``loaded`` hit, and at least one hit of any
  non-frame category;
- VADER sign agreement: share of bias spans whose compound score has BASIL's polarity sign
  (neg: compound <= -0.05, pos: compound >= 0.05), for lexical and informational spans;
- speed: articles per second for lexicon_hits + sentence/article tone + readability on the body text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.lexicon import CATEGORIES, count_words, lexicon_hits  # noqa: E402
from framing.readability import readability  # noqa: E402
from framing.tone import article_tone, polarity, sentence_tone  # noqa: E402

_SENT_RE = re.compile(r"\S.*?(?:[.!?][\"'\u201d\u2019)]*(?=\s)|$)", re.S)


def _split_of(story_id: str) -> str:
    return "dev" if int(hashlib.sha1(story_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _sentences(text: str) -> list[tuple[int, int]]:
    """Paragraphs are separated by blank lines in BASIL; a plain end-punctuation split inside each."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        for m in _SENT_RE.finditer(para.group()):
            out.append((para.start() + m.start(), para.start() + m.end()))
    return out


def _covered(n: int, spans: list[tuple[int, int]]) -> bytearray:
    mask = bytearray(n)
    for s, e in spans:
        mask[max(0, s) : max(0, e)] = b"\x01" * (max(0, e) - max(0, s))
    return mask


def _words_in(text: str, mask: bytearray, want: int) -> int:
    return sum(1 for m in re.finditer(r"[^\W_]+(?:[-'\u2019.][^\W_]+)*", text) if mask[m.start()] == want)


def evaluate(rows: list[dict]) -> dict:
    hits_in = {k: Counter() for k in ("lexical", "informational", "outside")}
    words_in = Counter()
    lex_spans = lex_with_loaded = lex_with_any = 0
    agree = {("lexical", "neg"): [0, 0], ("lexical", "pos"): [0, 0], ("informational", "neg"): [0, 0], ("informational", "pos"): [0, 0]}
    t0 = time.perf_counter()
    for row in rows:
        text = row["text"]
        sents = _sentences(text)
        hits = lexicon_hits(text, sents)
        table = sentence_tone(text, sents)
        article_tone(text, row.get("headline"), sents, table=table)
        readability(text, sents)
        count_words(text, sents)
        body = [b for b in row["labels"]["bias_spans"] if b.get("in") == "body" and b.get("char_start") is not None]
        lex = [(b["char_start"], b["char_end"]) for b in body if b["bias"] == "lexical"]
        inf = [(b["char_start"], b["char_end"]) for b in body if b["bias"] == "informational"]
        lex_mask, inf_mask = _covered(len(text), lex), _covered(len(text), inf)
        any_mask = bytearray(a | b for a, b in zip(lex_mask, inf_mask))
        words_in["lexical"] += _words_in(text, lex_mask, 1)
        words_in["informational"] += _words_in(text, inf_mask, 1)
        words_in["outside"] += _words_in(text, any_mask, 0)
        for h in hits:
            if lex_mask[h.start]:
                hits_in["lexical"][h.category] += 1
            if inf_mask[h.start]:
                hits_in["informational"][h.category] += 1
            if not any_mask[h.start]:
                hits_in["outside"][h.category] += 1
        for s, e in lex:
            lex_spans += 1
            inside = [h for h in hits if s <= h.start < e]
            lex_with_loaded += any(h.category == "loaded" for h in inside)
            lex_with_any += any(not h.category.startswith("frame_") for h in inside)
        for b in body:
            key = (b["bias"], b["polarity"])
            if key not in agree:
                continue
            c = polarity(text[b["char_start"] : b["char_end"]])["compound"]
            agree[key][1] += 1
            agree[key][0] += (c <= -0.05) if b["polarity"] == "neg" else (c >= 0.05)
    secs = time.perf_counter() - t0
    return dict(hits_in=hits_in, words_in=words_in, lex_spans=lex_spans, lex_with_loaded=lex_with_loaded,
                lex_with_any=lex_with_any, agree=agree, secs=secs, n=len(rows))


def report(name: str, r: dict) -> None:
    w = r["words_in"]
    print(f"\n== {name}: {r['n']} articles; words inside lexical spans {w['lexical']}, "
          f"informational {w['informational']}, outside {w['outside']}")
    print(f"{'category':20s} {'lexical/1k':>10s} {'inform/1k':>10s} {'outside/1k':>10s} {'lift':>6s}")
    for cat in CATEGORIES:
        rate = {k: 1000 * r["hits_in"][k][cat] / w[k] if w[k] else float("nan") for k in w}
        lift = rate["lexical"] / rate["outside"] if rate["outside"] else float("nan")
        print(f"{cat:20s} {rate['lexical']:10.1f} {rate['informational']:10.1f} {rate['outside']:10.1f} {lift:6.2f}")
    n = r["lex_spans"] or 1
    print(f"lexical-bias spans with >=1 loaded hit: {r['lex_with_loaded']}/{r['lex_spans']} = {r['lex_with_loaded'] / n:.1%}")
    print(f"lexical-bias spans with >=1 non-frame hit: {r['lex_with_any']}/{r['lex_spans']} = {r['lex_with_any'] / n:.1%}")
    for (bias, pol), (ok, tot) in r["agree"].items():
        print(f"VADER sign agrees with BASIL polarity, {bias:13s} {pol}: {ok}/{tot} = {ok / tot if tot else float('nan'):.1%}")
    print(f"speed: {r['n'] / r['secs']:.1f} articles/s (lexicon + tone + readability)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", help="folder holding basil.jsonl (or the file itself)")
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all")
    args = ap.parse_args(argv)
    path = Path(args.path)
    if path.is_dir():
        path = path / "basil.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    for split in splits:
        report(split, evaluate([r for r in rows if _split_of(r["story_id"]) == split]))


if __name__ == "__main__":
    main()
