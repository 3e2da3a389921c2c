"""Fit the story-line classifier of ``framing.boilerplate`` on the DEV split of the line benchmark.

Usage::

    python scripts/train_boilerplate.py /work/shared/bench/boilerplate [--out PATH] [--quick] [--options JSON] [--cv-segment [--repeats R] [--by-language]]

Reads ``lines.jsonl`` from PATH, keeps only ``split == "dev"`` pages (test pages are parsed only
to be skipped), and builds views of every dev page: the full page, the README's window
(content span +-5 lines) and, for training the "cleaned" expert only, the content span with
0, 2 and 10 lines of margin. Gold: story = ``labels OR is_title``. A page-type gate learns to
tell whole pages from cut-out article text by page composition; one expert logistic
regression is fitted per page type. Options (regularisation strength, sample weighting,
switch penalty, one threshold per expert) are chosen by 5-fold cross-validation grouped by
site (pages of one site share a template), minimising the mean of the window and full-page
boilerplate-ratio MAE. With ``--cv-segment`` the product segmentation (``framing.segment.segment``,
rules first, this classifier for the lines they leave) is cross-validated the same way with the
chosen options; ``--repeats R`` repeats that CV over R random site-to-fold assignments (the
option search itself uses the one fixed GroupKFold split), since on 92 pages the figures move
by several thousandths between assignments. Writes fitted parameters only (no data) to
``framing/data/boilerplate_model.json``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing import boilerplate as bp  # noqa: E402

N_FOLDS = 5
GATE_C = 1.0
# Which training views each expert learns from. Extracted article text comes with more or
# less leftover furniture around it, so the "cleaned" expert also sees the content span with
# margins other than the benchmark's 5 lines (0 = no furniture before or after the story).
EXTRA_MARGINS = (0, 2, 10)
EXPERTS = {"cleaned": ("window",) + tuple(f"margin{k}" for k in EXTRA_MARGINS), "raw": ("full",)}


def load_dev(path: Path) -> list[dict]:
    pages = []
    with open(path / "lines.jsonl", encoding="utf-8") as fh:
        for raw in fh:
            page = json.loads(raw)
            if page["split"] != "dev":
                continue
            pages.append(page)
    return pages


def site(url: str) -> str:
    """Host name without "www.": pages of one site share templates, so CV groups by site."""
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def views(pages: list[dict], *, extra_margins: tuple[int, ...] = ()) -> list[dict]:
    """One record per (page, view) with compact features, gold and char counts.

    Views: "full" (whole page), "window" (the README's content span +-5 lines) and, for
    training only, windows with other margins ("margin<k>") so the model sees more cut-offs.
    """
    domains = sorted({site(p["url"]) for p in pages})
    out = []
    for page in pages:
        g = domains.index(site(page["url"]))
        gold_all = np.array(page["labels"], dtype=bool) | np.array(page["is_title"], dtype=bool)
        a, b = page["window"]
        first, last = page["content_span"]
        spans = [("full", 0, page["n_lines"]), ("window", a, b)]
        spans += [(f"margin{k}", max(first - k, 0), min(last + 1 + k, page["n_lines"])) for k in extra_margins]
        for view, lo, hi in spans:
            lines = page["lines"][lo:hi]
            index, texts = bp._nonempty(lines)
            x = bp._compact_features(texts)
            chars = np.array([len(t) for t in texts], dtype=float)
            out.append(
                {
                    "group": g,
                    "view": view,
                    "x": x,
                    "y": gold_all[lo:hi][index],
                    "chars": chars,
                    "page": bp.page_type_features(x, chars),
                }
            )
    return out


class Stage:
    """Standardise + L2 logistic regression, exportable to the JSON layout of ``_Logistic``."""

    def __init__(self, C: float):
        self.C = C

    def fit(self, x, y, w=None):
        self.mean = x.mean(axis=0)
        sd = x.std(axis=0)
        self.scale = np.where(sd > 1e-9, sd, 1.0)
        self.lr = LogisticRegression(C=self.C, max_iter=2000)
        self.lr.fit((x - self.mean) / self.scale, y, sample_weight=w)
        return self

    def logit(self, x):
        return self.lr.decision_function((x - self.mean) / self.scale)

    def to_dict(self):
        return {
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "coef": self.lr.coef_[0].round(6).tolist(),
            "intercept": round(float(self.lr.intercept_[0]), 6),
        }


def weights(recs, scheme):
    """Sample weights: none, or the square root of the line's length in characters."""
    if scheme == "none":
        return None
    return np.concatenate([np.sqrt(r["chars"]) for r in recs])


def stack(recs, key):
    return np.concatenate([r[key] for r in recs])


def page_scores(recs, z, decide):
    """MAE and story-line F1 per view, given log-odds z per record and decide(z) -> bool array."""
    res = {}
    for view in ("window", "full"):
        errs, tp, fp, fn = [], 0, 0, 0
        for r, zz in zip(recs, z):
            if r["view"] != view:
                continue
            pred = decide(zz)
            y = r["y"]
            tot = r["chars"].sum()
            if tot:
                errs.append(abs(r["chars"][~y].sum() / tot - r["chars"][~pred].sum() / tot))
            tp += int((pred & y).sum())
            fp += int((pred & ~y).sum())
            fn += int((~pred & y).sum())
        p = tp / max(tp + fp, 1)
        rc = tp / max(tp + fn, 1)
        res[view] = {"MAE": float(np.mean(errs)), "F1": 2 * p * rc / max(p + rc, 1e-9)}
    return res


def fold_model(recs, tr, opt) -> bp.StoryLineModel:
    """The classifier fitted with options ``opt`` on the training records ``tr`` of one fold."""
    d = {
        "feature_names": list(bp.FEATURE_NAMES),
        "page_type_features": list(bp.PAGE_TYPE_FEATURES),
        "page_type": Stage(GATE_C).fit(np.array([recs[i]["page"] for i in tr]),
                                       np.array([recs[i]["view"] != "full" for i in tr])).to_dict(),
        "switch_penalty": opt["switch_penalty"],
    }
    for kind, kind_views in EXPERTS.items():
        sub = [recs[i] for i in tr if recs[i]["view"] in kind_views]
        expert = Stage(opt["C"]).fit(stack(sub, "x"), stack(sub, "y"), weights(sub, opt["weights"])).to_dict()
        expert["intercept"] -= bp._logit(opt[f"threshold_{kind}"])
        d[kind] = expert
    return bp.StoryLineModel.from_dict(d)


def site_folds(recs, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Site-grouped folds from a random site-to-fold assignment: the sites are shuffled with
    ``seed`` and dealt round-robin into ``N_FOLDS`` folds (all views of a page stay together)."""
    groups = np.array([r["group"] for r in recs])
    order = np.random.default_rng(seed).permutation(np.unique(groups))
    fold_of = {g: k % N_FOLDS for k, g in enumerate(order)}
    fold = np.array([fold_of[g] for g in groups])
    return [(np.flatnonzero(fold != k), np.flatnonzero(fold == k)) for k in range(N_FOLDS)]


def segment_cv(pages, recs, folds, opt, *, by_language: bool = False, quiet: bool = False) -> dict:
    """Site-grouped CV of the product segmentation (``framing.segment.segment``): each fold's
    held-out dev pages are segmented with a classifier fitted on the other folds. Returns
    window/full MAE and story-line F1; ``by_language`` also prints the errors per ``lang_guess``."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import boilerplate as bench  # benchmarks/boilerplate.py

    per_page = len(recs) // len(pages)
    sums = {v: {"n": 0, "MAE": 0.0, "tp": 0, "fp": 0, "fn": 0} for v in ("window", "full")}
    per_lang: dict[str, dict[str, list]] = {}
    original = bp.load_model
    try:
        for tr, te in folds:
            model = fold_model(recs, tr, opt)
            bp.load_model = lambda path=None, m=model: m  # segment() asks load_model() for the model
            held_out = [pages[k] for k in sorted({i // per_page for i in te})]
            for view in sums:
                m = bench.evaluate(held_out, view, bench.segmentation_story)
                sums[view]["n"] += m["pages"]
                sums[view]["MAE"] += m["MAE"] * m["pages"]
                for k in ("tp", "fp", "fn"):
                    sums[view][k] += m[k]
                if by_language:
                    for page in held_out:
                        lang = page.get("lang_guess") or "unknown"
                        pm = bench.evaluate([page], view, bench.segmentation_story)
                        per_lang.setdefault(lang, {"window": [], "full": []})[view].append(
                            (pm["MAE"], pm["tp"], pm["fp"], pm["fn"])
                        )
    finally:
        bp.load_model = original
    out = {}
    for view, s in sums.items():
        p = s["tp"] / max(s["tp"] + s["fp"], 1)
        r = s["tp"] / max(s["tp"] + s["fn"], 1)
        out[view] = {"MAE": s["MAE"] / s["n"], "P": p, "R": r, "F1": 2 * p * r / max(p + r, 1e-9)}
        if not quiet:
            print(f"segment() CV {view:6}: MAE {out[view]['MAE']:.4f}  P {p:.3f} R {r:.3f} F1 {out[view]['F1']:.3f}")
    if by_language:
        print("segment() CV by lang_guess (pages, window MAE, window F1, full MAE, full F1):")
        rows = sorted(per_lang.items(), key=lambda kv: -len(kv[1]["window"]))
        groups = rows + [("non-English", {v: [e for k, d in rows if k != "English" for e in d[v]] for v in sums})]
        for lang, d in groups:
            cells = []
            for view in ("window", "full"):
                a = np.array(d[view], dtype=float)
                tp, fp, fn = a[:, 1].sum(), a[:, 2].sum(), a[:, 3].sum()
                f1 = 2 * tp / max(2 * tp + fp + fn, 1)
                cells.append(f"{a[:, 0].mean():.4f} {f1:.3f}")
            print(f"  {lang:12} {len(d['window']):3d}  window {cells[0]}  full {cells[1]}")
    return out


def repeated_segment_cv(pages, recs, opt, repeats: int) -> None:
    """:func:`segment_cv` over ``repeats`` random site-to-fold assignments (seeds 0..repeats-1):
    one line per seed, then the mean and spread (sample sd, min-max) of each figure."""
    rows = []
    for seed in range(repeats):
        res = segment_cv(pages, recs, site_folds(recs, seed), opt, quiet=True)
        row = (res["window"]["MAE"], res["window"]["F1"], res["full"]["MAE"], res["full"]["F1"])
        rows.append(row)
        print(f"repeat seed {seed}: window MAE {row[0]:.4f} F1 {row[1]:.4f}  full MAE {row[2]:.4f} F1 {row[3]:.4f}",
              flush=True)
    a = np.array(rows)
    for j, name in enumerate(("window MAE", "window F1", "full MAE", "full F1")):
        sd = a[:, j].std(ddof=1) if len(a) > 1 else 0.0
        print(f"segment() CV x{repeats} {name:10}: mean {a[:, j].mean():.4f}  sd {sd:.4f}  "
              f"min {a[:, j].min():.4f}  max {a[:, j].max():.4f}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path)
    ap.add_argument("--out", type=Path, default=bp.MODEL_PATH)
    ap.add_argument("--quick", action="store_true", help="smaller option grid")
    ap.add_argument("--cv-segment", action="store_true",
                    help="also cross-validate the product segmentation (segment()) with the chosen options")
    ap.add_argument("--repeats", type=int, default=0, metavar="R",
                    help="with --cv-segment, also repeat it over R random site-to-fold assignments (seeds 0..R-1)")
    ap.add_argument("--options", type=json.loads, default=None, metavar="JSON",
                    help="skip the option search and use these options (e.g. the 'options' of a model file)")
    ap.add_argument("--by-language", action="store_true",
                    help="with --cv-segment, print the segment() CV errors per lang_guess")
    args = ap.parse_args(argv)

    t0 = time.time()
    pages = load_dev(args.path)
    recs = views(pages, extra_margins=EXTRA_MARGINS)
    groups = np.array([r["group"] for r in recs])
    print(f"{len(pages)} dev pages, {len(recs)} views, features {len(bp.FEATURE_NAMES)}  ({time.time()-t0:.1f}s)")
    folds = list(GroupKFold(n_splits=N_FOLDS).split(np.zeros(len(recs)), groups=groups))

    # Page-type gate: cleaned (window view) vs raw (full page), out-of-fold for the CV below.
    page_x = np.array([r["page"] for r in recs])
    is_cleaned = np.array([r["view"] != "full" for r in recs])
    gate_oof = np.zeros(len(recs), dtype=bool)
    for tr, te in folds:
        gate = Stage(GATE_C).fit(page_x[tr], is_cleaned[tr])
        gate_oof[te] = gate.logit(page_x[te]) > 0
    print(f"page-type gate, out-of-fold accuracy {np.mean(gate_oof == is_cleaned):.3f}")

    Cs = [0.1, 1.0] if args.quick else [0.03, 0.1, 0.3, 1.0]
    schemes = ["sqrt_chars"] if args.quick else ["none", "sqrt_chars"]
    penalties = [0.0, 0.5, 1.0, 2.0]
    thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]

    results = []
    if args.options is not None:  # fixed options: score them on the folds, no search
        Cs, schemes, penalties = [args.options["C"]], [args.options["weights"]], [args.options["switch_penalty"]]
        thresholds = sorted({args.options["threshold_cleaned"], args.options["threshold_raw"]})
    for C, scheme in itertools.product(Cs, schemes):
        # Out-of-fold log-odds of each expert (trained on its own view) for every view.
        z = {kind: [None] * len(recs) for kind in EXPERTS}
        for tr, te in folds:
            for kind, kind_views in EXPERTS.items():
                trr = [recs[i] for i in tr if recs[i]["view"] in kind_views]
                st = Stage(C).fit(stack(trr, "x"), stack(trr, "y"), weights(trr, scheme))
                for i in te:
                    z[kind][i] = st.logit(recs[i]["x"])
        for pen, t_clean, t_raw in itertools.product(penalties, thresholds, thresholds):
            shifted = [
                z["cleaned"][i] - bp._logit(t_clean) if gate_oof[i] else z["raw"][i] - bp._logit(t_raw)
                for i in range(len(recs))
            ]
            sc = page_scores(recs, shifted, lambda zz: bp.smooth_labels(zz, switch_penalty=pen))
            obj = (sc["window"]["MAE"] + sc["full"]["MAE"]) / 2
            opt = dict(C=C, weights=scheme, switch_penalty=pen, threshold_cleaned=t_clean, threshold_raw=t_raw)
            results.append((obj, opt, sc))
        best = min(results, key=lambda t: t[0])
        print(f"C={C} weights={scheme}: best so far {best[0]:.4f} {best[1]}  ({time.time()-t0:.0f}s)", flush=True)

    if args.options is not None:
        results = [t for t in results if t[1] == {**args.options}]
    results.sort(key=lambda t: t[0])
    print("\nTop settings (5-fold CV on dev grouped by site; objective = mean of window and full MAE):")
    for obj, opt, sc in results[:8]:
        print(
            f"  obj {obj:.4f}  window MAE {sc['window']['MAE']:.4f} F1 {sc['window']['F1']:.3f}  "
            f"full MAE {sc['full']['MAE']:.4f} F1 {sc['full']['F1']:.3f}  {opt}"
        )
    obj, opt, sc = results[0]
    if args.cv_segment:
        segment_cv(pages, recs, folds, opt, by_language=args.by_language)
        if args.repeats:
            repeated_segment_cv(pages, recs, opt, args.repeats)

    # Refit on all dev views with the chosen options; fold the thresholds into the intercepts.
    model = {
        "description": "framing.boilerplate story-line classifier; fitted by scripts/train_boilerplate.py",
        "trained_on": "dev split (92 pages, full and window views) of the line-level boilerplate benchmark "
        "built from scrapinghub/article-extraction-benchmark; gold story = labels OR is_title",
        "options": opt,
        "cv": {"folds": N_FOLDS, "grouped_by": "site", **{f"{v}_{k}": round(sc[v][k], 4) for v in sc for k in sc[v]}},
        "feature_names": list(bp.FEATURE_NAMES),
        "page_type_features": list(bp.PAGE_TYPE_FEATURES),
        "page_type": Stage(GATE_C).fit(page_x, is_cleaned).to_dict(),
    }
    for kind, kind_views in EXPERTS.items():
        sub = [r for r in recs if r["view"] in kind_views]
        expert = Stage(opt["C"]).fit(stack(sub, "x"), stack(sub, "y"), weights(sub, opt["weights"])).to_dict()
        expert["intercept"] = round(expert["intercept"] - bp._logit(opt[f"threshold_{kind}"]), 6)
        model[kind] = expert
    model["switch_penalty"] = opt["switch_penalty"]
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out} ({args.out.stat().st_size} bytes) in {time.time()-t0:.0f}s")


if __name__ == "__main__":
    main()
