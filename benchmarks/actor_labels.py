"""How many of NewsWCL50's hand-annotated descriptive actor mentions do the actor labels recover?

Usage: ``python benchmarks/actor_labels.py /work/shared/bench/newswcl50`` (the directory or the
``newswcl50.jsonl`` file). Prints recall/precision per outlet and overall, and articles per second.

Data: NewsWCL50 (Hamborg, Zhukova and Gipp 2019; CoNLL version by Zhukova, Hamborg and Gipp 2022):
10 events x 5 outlets, with coreference chains of how each outlet refers to actors, groups and
countries. The set has NO dev/test split; these rules were written on the seed articles and were
not tuned on NewsWCL50, and the figures below are the only look at it.

Definitions
-----------
Story sentences: each line of the article text split into sentences by ``framing.sentences``
(the dataset has no page furniture).

Annotated descriptive mention (the recall denominator): a mention in a chain of type ``ACTOR``
(one named person, e.g. ``0_PRK_Jong_Un_ACTOR``) whose text, after dropping determiners,
possessive markers, honorifics (Mr., Mrs., Ms., Dr.) and punctuation, still contains a word that
starts with a lower-case letter and is not a pronoun or function word. So "the former FBI
director", "North Korean dictator", "The president", "awaiting confirmation as secretary of state"
count; "Kim Jong-un", "Mr. Kim", "President Trump" (capitalised title + name only) and "his" do
not. ``ACTOR-I`` chains (several minor individuals pooled in one chain) are reported on a separate
line.

Recovered: some label in the same article overlaps the mention's characters and is attached to an
actor *aligned* with the mention's chain: the actor's named mentions (anywhere in the story)
overlap at least one mention of that chain.

Precision: of all labels produced, the share overlapping any annotated mention of any chain type
in the same article ("any"), and the share overlapping a mention of a chain aligned with the
label's actor ("aligned").

Two settings: labels of main actors only (the default of ``actor_labels``; named by >= 2 outlets)
and labels of all actors.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing.actors import StoryText, find_actors  # noqa: E402
from framing.nlp import load_model  # noqa: E402
from framing.sentences import sentence_spans  # noqa: E402

_DROP = {"the", "a", "an", "this", "that", "these", "those", "'s", "’s", "'", "’", "mr", "mrs", "ms", "dr"}
_FUNCTION = {
    "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them",
    "their", "theirs", "themselves", "we", "us", "our", "ours", "i", "me", "my", "you", "your", "who", "whom",
    "whose", "which", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "as", "s",
}


def is_descriptive(text: str) -> bool:
    """True when the mention says more than a bare name, honorific + name, or pronoun."""
    for word in re.findall(r"[^\W_][\w'’.-]*", text):
        w = word.lower().strip(".")
        if w in _DROP or w in _FUNCTION:
            continue
        if word[0].isalpha() and word[0].islower():
            return True
    return False


def load(path: Path) -> list[dict]:
    if path.is_dir():
        path = path / "newswcl50.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def to_story_text(row: dict) -> StoryText:
    text = row["text"]
    lines, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    return StoryText(row["article_id"], row["outlet"], text, tuple(sentence_spans(text, lines)), row["story_id"])


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main(path: str) -> None:
    rows = load(Path(path))
    docs = [to_story_text(r) for r in rows]
    load_model()  # not timed
    t0, c0 = time.perf_counter(), time.process_time()
    stories = find_actors(docs)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0

    gold = {r["article_id"]: r["labels"]["coref_mentions"] for r in rows}
    story_of = {r["article_id"]: r["story_id"] for r in rows}
    outlets = sorted({r["outlet"] for r in rows})

    # align actors to chains: actor's named mentions overlap a chain mention
    aligned: dict[tuple[str, str], set[str]] = defaultdict(set)  # (story, actor) -> chains
    for st in stories:
        for m in st.mentions:
            if m.kind != "name":
                continue
            for g in gold[m.article_id]:
                if overlaps((m.start, m.end), (g["char_start"], g["char_end"])):
                    aligned[(st.story_id, m.actor)].add(g["chain"])

    def evaluate(main_only: bool, chain_type: str):
        labels = [lb for st in stories for lb in st.labels
                  if not main_only or lb.actor in {a.name for a in st.actors if a.is_main}]
        by_article = defaultdict(list)
        for lb in labels:
            by_article[lb.article_id].append(lb)
        per = defaultdict(lambda: [0, 0, 0, 0, 0])  # gold, recovered, labels, any, aligned
        for r in rows:
            aid, outlet = r["article_id"], r["outlet"]
            for g in gold[aid]:
                if g["type"] != chain_type or not is_descriptive(g["text"]):
                    continue
                per[outlet][0] += 1
                span = (g["char_start"], g["char_end"])
                if any(overlaps((lb.start, lb.end), span) and g["chain"] in aligned[(story_of[aid], lb.actor)]
                       for lb in by_article[aid]):
                    per[outlet][1] += 1
            for lb in by_article[aid]:
                per[outlet][2] += 1
                hits = [g for g in gold[aid] if overlaps((lb.start, lb.end), (g["char_start"], g["char_end"]))]
                per[outlet][3] += bool(hits)
                per[outlet][4] += any(g["chain"] in aligned[(story_of[aid], lb.actor)] for g in hits)
        return per

    def fmt(x: int, n: int) -> str:
        return f"{x / n:6.3f}" if n else "   n/a"

    print("NewsWCL50 actor labels (no dev/test split exists; rules not tuned on this set)")
    print(f"{len(docs)} articles, {len(stories)} stories; {len(docs) / elapsed:.2f} articles/s "
          f"({elapsed:.1f} s wall, {cpu:.1f} s CPU = {len(docs) / max(cpu, 1e-9):.2f} articles per CPU-second; "
          "spaCy parse included, model load excluded)\n")
    for main_only in (True, False):
        for chain_type in ("ACTOR", "ACTOR-I"):
            per = evaluate(main_only, chain_type)
            title = f"labels of {'main' if main_only else 'all'} actors vs {chain_type} descriptive mentions"
            print(title)
            print(f"  {'outlet':<16}{'gold':>6}{'found':>7}{'recall':>8}{'labels':>8}{'P(any)':>8}{'P(align)':>9}")
            tot = [0, 0, 0, 0, 0]
            for outlet in outlets + ["ALL"]:
                v = tot if outlet == "ALL" else per[outlet]
                if outlet != "ALL":
                    tot = [a + b for a, b in zip(tot, v)]
                print(f"  {outlet:<16}{v[0]:>6}{v[1]:>7}{fmt(v[1], v[0]):>8}{v[2]:>8}{fmt(v[3], v[2]):>8}"
                      f"{fmt(v[4], v[2]):>9}")
            print()

    print("precision by label kind (labels of all actors)")
    print(f"  {'kind':<16}{'labels':>8}{'P(any)':>8}{'P(align)':>9}")
    kinds = defaultdict(lambda: [0, 0, 0])
    for st in stories:
        for lb in st.labels:
            hits = [g for g in gold[lb.article_id] if overlaps((lb.start, lb.end), (g["char_start"], g["char_end"]))]
            k = kinds[lb.kind]
            k[0] += 1
            k[1] += bool(hits)
            k[2] += any(g["chain"] in aligned[(st.story_id, lb.actor)] for g in hits)
    for kind, (n, p_any, p_al) in sorted(kinds.items()):
        print(f"  {kind:<16}{n:>8}{fmt(p_any, n):>8}{fmt(p_al, n):>9}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.splitlines()[2])
    main(sys.argv[1])
