"""Throughput and memory: framing's pipeline vs a naive one, 1 vs 2 worker processes, 1x vs 10x articles.

Usage::

    python benchmarks/throughput.py /work/shared/bench/basil/basil.jsonl [--limit N] [--repeat 10]

Each configuration runs in a fresh Python process (so model loading and caches do not leak
between them); the script prints one table row per configuration: articles, wall time,
steady-state articles/s (from the first result to the last, i.e. without start-up), peak RSS
of the main process and of the largest worker process.

Configurations:

* ``framing``    framing's pipeline (``analyze_parallel``, 1 process).
* ``naive``      what a straightforward script does: spaCy's full pipeline once over every line
                 of every article (so every sentence is parsed, tagged and entity-tagged once),
                 VADER over every sentence and the whole text, textstat over the whole text, then
                 the headline frame and the quotations with framing's own public functions (so
                 their outputs can be compared with framing's). It uses spaCy's pipeline as spaCy
                 loads it (``load_model(fast_rules=False)``); framing's faster attribute ruler
                 must give identical outputs, which the comparison checks. Until 2026-11-21 this baseline
                 parsed every sentence twice (once to split sentences, once more per sentence),
                 which flattered framing by about 0.14 s per article.
* ``jobs2``      framing's pipeline in 2 worker processes.
* ``jobs2x10``   the same over the corpus repeated ``--repeat`` times (ids made unique), streamed
                 and with results discarded, to see whether memory stays flat.
* ``report``     everything ``framing report`` computes (:func:`framing.pipeline.analyze`, 1
                 process): the per-article steps, then the cross-outlet comparisons within each
                 story (quote families, actor tables, translation artifacts, topics, terms), each
                 in milliseconds per article. The actor tables parse every story sentence with the
                 full pipeline, so this is the cost a user of the report pays; the comparison with
                 the naive baseline above covers only the per-article steps.
* ``steps``      where the time goes (one process, after a warm-up article): milliseconds per
                 article of each framing step and of the naive pipeline's own work, the share of
                 story text the attribution step parses, and what those figures allow: because the
                 naive baseline takes its quotations from framing's ``attributions()`` (the only way
                 to make them identical), both pipelines pay an attribution step (the naive one
                 with spaCy's rule components as shipped), and the ratio cannot exceed
                 (naive attribution + naive's own work) / (A + framing's other steps), A being
                 framing's attribution step's cost.

The headline columns and quotation rows of ``framing`` and ``naive`` are compared article by
article. Nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HEADLINE_PREFIX = "headline_"
BATCH = 2  # small batches: results arrive steadily, so the steady-state rate is measurable


class PeakRSS:
    """Sample the RSS of this process and its descendants every ``interval`` seconds."""

    def __init__(self, interval: float = 0.1):
        import psutil

        self.proc = psutil.Process()
        self.interval = interval
        self.main = 0
        self.workers: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil

        while not self._stop.is_set():
            try:
                self.main = max(self.main, self.proc.memory_info().rss)
                # Direct children are the fork server and the resource tracker; the workers
                # are the fork server's children.
                for helper in self.proc.children():
                    for child in helper.children(recursive=True):
                        try:
                            rss = child.memory_info().rss
                        except psutil.Error:
                            continue
                        self.workers[child.pid] = max(self.workers.get(child.pid, 0), rss)
            except psutil.Error:
                pass
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def _articles(path: str, limit: int | None, repeat: int = 1):
    from framing.loaders import iter_articles

    base = []
    for a in iter_articles(path):
        base.append(a)
        if limit and len(base) >= limit:
            break
    if repeat == 1:
        return base

    def stream():
        from dataclasses import replace

        for r in range(repeat):
            for a in base:
                yield replace(a, article_id=f"{a.article_id}#{r}")

    return stream()


def _outputs_framing(result) -> dict:
    row = result.tables["articles"][0]
    return {
        "headline": {k: row.get(k) for k in sorted(row) if k.startswith(HEADLINE_PREFIX) and k != "headline_is_lede"},
        "quotes": [{k: v for k, v in q.items() if k not in ("article_id", "outlet")} for q in result.tables.get("quotes", [])],
    }


def _run_framing(articles, jobs: int, keep: bool):
    from framing.parallel import analyze_parallel

    times, outputs = [], {}
    for result in analyze_parallel(articles, jobs=jobs, batch_size=BATCH):
        times.append(time.perf_counter())
        if keep and result.ok:
            outputs[result.article_id] = _outputs_framing(result)
    return times, outputs


def _run_naive(articles):
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.attribution import attributions, organisation_names, person_names, to_records
    from framing.document import prepare
    from framing.headlines import headline_frame, to_record, with_story_organisations
    from framing.nlp import load_model

    nlp = load_model(fast_rules=False)  # spaCy as it comes
    vader = SentimentIntensityAnalyzer()
    times, outputs = [], {}
    for article in articles:
        text = article.text
        lines = [ln for ln in text.splitlines() if ln.strip()]
        parsed = list(nlp.pipe(lines))  # the full pipeline over every sentence, once
        for doc in parsed:
            for sent in doc.sents:
                vader.polarity_scores(sent.text)
        vader.polarity_scores(text)
        for f in (textstat.flesch_reading_ease, textstat.flesch_kincaid_grade, textstat.gunning_fog, textstat.smog_index):
            f(text)
        del parsed
        # Headline and quotations with framing's functions, over the same story lines framing uses.
        doc = prepare(article)
        attrs = attributions(text, paragraphs=doc.paragraphs, nlp=nlp)
        quotes = to_records(attrs)
        persons = person_names(attrs)
        row = with_story_organisations(to_record(headline_frame(doc.headline, nlp=nlp, names=persons)),
                                       organisation_names(attrs), persons=persons)
        outputs[article.article_id] = {
            "headline": {k: row.get(k) for k in sorted(row) if k.startswith(HEADLINE_PREFIX)},
            "quotes": quotes,
        }
        times.append(time.perf_counter())
    return times, outputs


def _run_report(articles) -> dict:
    """Milliseconds per article of a whole report: per-article steps, then the comparisons."""
    from framing.pipeline import analyze

    marks: list[float] = []
    start = time.perf_counter()
    report = analyze(articles, jobs=1, on_results=lambda batch: marks.append(time.perf_counter()))
    end = time.perf_counter()
    n = len(report.tables["articles"])
    failed = [r for r in report.errors["reason"] if str(r).startswith("cross-outlet comparison failed")]
    if failed:
        raise RuntimeError(failed[0])
    per_article = marks[-1] - start  # the last batch of per-article results arrives, comparisons follow
    return {"articles": n, "per_article_ms": 1000 * per_article / n, "comparisons_ms": 1000 * (end - marks[-1]) / n}


def _run_steps(articles) -> dict:
    """Milliseconds per article of each framing step and of the naive pipeline's own work."""
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing import attribution
    from framing.document import prepare
    from framing.language import detect_language
    from framing.nlp import load_model
    from framing.pipeline import ARTICLE_STEPS, ENGLISH_ONLY

    nlp = load_model()
    plain = load_model(fast_rules=False)  # the naive baseline's pipeline
    vader = SentimentIntensityAnalyzer()
    ms: dict[str, float] = {}
    story_chars = parsed_chars = 0

    def timed(key, fn, *a, **kw):
        t = time.perf_counter()
        result = fn(*a, **kw)
        ms[key] = ms.get(key, 0.0) + 1000 * (time.perf_counter() - t)
        return result

    for warm_up in (True, False):
        ms.clear()
        for article in articles[:1] if warm_up else articles:
            doc = timed("framing: prepare (segment, sentences)", prepare, article)
            english = timed("framing: language", detect_language, doc.story_text) in ("en", "und")
            out = {"articles": {}}
            for step in ARTICLE_STEPS[1:]:  # the segmentation step only copies what prepare() found
                if english or step not in ENGLISH_ONLY:
                    timed(f"framing: {step.__name__.strip('_').removesuffix('_step')}", step, doc, out)
            text = article.text
            lines = [ln for ln in text.splitlines() if ln.strip()]

            def naive_parse():
                for d in plain.pipe(lines):
                    for sent in d.sents:
                        vader.polarity_scores(sent.text)

            timed("naive: full parse + VADER per sentence", naive_parse)
            timed("naive: VADER + textstat on whole text", lambda: (vader.polarity_scores(text), [
                f(text) for f in (textstat.flesch_reading_ease, textstat.flesch_kincaid_grade,
                                  textstat.gunning_fog, textstat.smog_index)]))
            if english:
                timed("naive: attribution (spaCy's rule components)", attribution.attributions, text,
                      paragraphs=doc.paragraphs, nlp=plain)
            if not warm_up:
                paras = sorted(doc.paragraphs)
                units, _ = attribution._parse_units(text, paras, attribution._paragraph_quotes(text, paras))
                story_chars += sum(e - s for s, e in paras)
                parsed_chars += sum(e - s for s, e, _ in units)
    n = len(articles)
    return {"ms": {k: v / n for k, v in ms.items()}, "parsed_share": parsed_chars / max(story_chars, 1)}


def _print_steps(r: dict) -> None:
    ms = r["ms"]
    print("where the time goes (ms per article, one process):")
    for k, v in sorted(ms.items(), key=lambda kv: -kv[1]):
        print(f"  {k:<45} {v:7.1f}")
    a = ms.get("framing: attribution", 0.0)
    a_naive = ms.get("naive: attribution (spaCy's rule components)", a)
    f_other = sum(v for k, v in ms.items() if k.startswith("framing:")) - a
    # naive = its own parse/VADER/textstat + prepare + its attribution and framing's headline step
    n_own = sum(v for k, v in ms.items() if k.startswith("naive:")) - a_naive \
        + ms.get("framing: prepare (segment, sentences)", 0.0) + ms.get("framing: headline", 0.0)
    print(f"  story text the attribution step parses (quotation paragraphs, reporting-verb sentences): "
          f"{r['parsed_share']:.0%}")
    print(f"  with this baseline (per-article overhead aside): ratio <= ({a_naive:.0f} + {n_own:.0f}) / (A + {f_other:.0f}), "
          f"A = framing's attribution ({a:.0f} ms now: {(a_naive + n_own) / (a + f_other):.2f}x); "
          f"3x needs A <= {max((a_naive + n_own - 3 * f_other) / 3, 0):.0f} ms")


def child(args) -> None:
    from framing.nlp import load_model

    articles = _articles(args.path, args.limit, args.repeat if args.child == "jobs2x10" else 1)
    if args.child == "steps":
        print(json.dumps({"mode": "steps", **_run_steps(list(articles))}))
        return
    if args.child in ("framing", "naive", "report"):
        load_model()  # model loading is start-up, not throughput
    with PeakRSS() as rss:
        start = time.perf_counter()
        if args.child == "report":
            result = _run_report(list(articles))
        elif args.child == "naive":
            times, outputs = _run_naive(articles)
        else:
            jobs = 1 if args.child == "framing" else 2
            times, outputs = _run_framing(articles, jobs, keep=args.child == "framing")
        end = time.perf_counter()
    if args.child == "report":
        print(json.dumps({"mode": "report", **result, "wall_s": end - start, "main_rss_mb": rss.main / 2**20}))
        return
    first_batch = 2 * BATCH if args.child.startswith("jobs") else 1
    steady = (len(times) - first_batch) / (times[-1] - times[first_batch - 1]) if len(times) > first_batch else float("nan")
    if args.dump:
        Path(args.dump).write_text(json.dumps(outputs, default=str), encoding="utf-8")
    print(json.dumps({
        "mode": args.child,
        "articles": len(times),
        "wall_s": end - start,
        "steady_per_s": steady,
        "main_rss_mb": rss.main / 2**20,
        "worker_rss_mb": max(rss.workers.values(), default=0) / 2**20,
        "n_workers": len(rss.workers),
    }))


def _compare(a: dict, b: dict) -> tuple[int, int, int, list[str]]:
    same_head = sum(1 for k in a if k in b and a[k]["headline"] == b[k]["headline"])
    differ = [k for k in a if k not in b or a[k]["quotes"] != b[k]["quotes"]]
    return same_head, len(a) - len(differ), len(a), differ


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("path", help="a corpus file or folder (e.g. /work/shared/bench/basil/basil.jsonl)")
    p.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    p.add_argument("--repeat", type=int, default=10, help="corpus repetitions for the memory run (default 10)")
    p.add_argument("--modes", default="framing,naive,jobs2,jobs2x10,report,steps")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--dump", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        child(args)
        return
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    rows, dumps = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for mode in args.modes.split(","):
            cmd = [sys.executable, __file__, args.path, "--child", mode, "--repeat", str(args.repeat)]
            if args.limit:
                cmd += ["--limit", str(args.limit)]
            if mode in ("framing", "naive"):
                dumps[mode] = Path(tmp) / f"{mode}.json"
                cmd += ["--dump", str(dumps[mode])]
            out = subprocess.run(cmd, env=env, capture_output=True, text=True)
            if out.returncode:
                print(out.stderr[-2000:], file=sys.stderr)
                continue
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(f"  done: {mode}", file=sys.stderr, flush=True)
        outputs = {m: json.loads(d.read_text()) for m, d in dumps.items() if d.exists()}
    steps = next((r for r in rows if r["mode"] == "steps"), None)
    whole = next((r for r in rows if r["mode"] == "report"), None)
    rows = [r for r in rows if r["mode"] not in ("steps", "report")]
    print(f"corpus: {args.path} (limit {args.limit or 'none'}); machine: {os.cpu_count()} cores, shared with other jobs")
    if rows:
        print(f"{'config':<10} {'articles':>8} {'wall s':>8} {'art/s':>8} {'main MB':>8} {'worker MB':>9} {'workers':>7}")
    for r in rows:
        print(f"{r['mode']:<10} {r['articles']:>8} {r['wall_s']:>8.1f} {r['steady_per_s']:>8.2f} "
              f"{r['main_rss_mb']:>8.0f} {r['worker_rss_mb']:>9.0f} {r['n_workers']:>7}")
    by = {r["mode"]: r for r in rows}
    if "framing" in by and "naive" in by:
        print(f"framing vs naive: {by['framing']['steady_per_s'] / by['naive']['steady_per_s']:.2f}x faster (goal >= 3x)")
    if "framing" in by and "jobs2" in by:
        print(f"jobs 2 vs jobs 1: {by['jobs2']['steady_per_s'] / by['framing']['steady_per_s']:.2f}x "
              f"(steady), {by['framing']['wall_s'] / by['jobs2']['wall_s']:.2f}x (wall, with start-up) (goal >= 1.7x)")
    if "jobs2" in by and "jobs2x10" in by:
        print(f"{args.repeat}x articles: worker peak RSS {by['jobs2x10']['worker_rss_mb'] / by['jobs2']['worker_rss_mb']:.2f}x, "
              f"main {by['jobs2x10']['main_rss_mb'] / by['jobs2']['main_rss_mb']:.2f}x (goal <= 1.2x; worker goal <= 600 MB)")
    if "framing" in outputs and "naive" in outputs:
        h, q, n, differ = _compare(outputs["framing"], outputs["naive"])
        print(f"identical outputs framing vs naive: headline columns {h}/{n} articles, quotation rows {q}/{n} articles")
        for k in differ[:5]:
            fa, na = outputs["framing"][k]["quotes"], outputs["naive"].get(k, {}).get("quotes", [])
            diff = [(x, y) for x, y in zip(fa, na) if x != y]
            print(f"  quotes differ in {k}: {len(fa)} vs {len(na)} rows; first difference: {diff[:1]}")
    if whole:
        total = whole["per_article_ms"] + whole["comparisons_ms"]
        print(f"whole report (framing.pipeline.analyze, 1 process, {whole['articles']} articles): {total:.0f} ms per article = "
              f"per-article steps {whole['per_article_ms']:.0f} + cross-outlet comparisons {whole['comparisons_ms']:.0f} "
              f"(the actor tables parse every story sentence); main RSS {whole['main_rss_mb']:.0f} MB")
    if steps:
        _print_steps(steps)


if __name__ == "__main__":
    main()
