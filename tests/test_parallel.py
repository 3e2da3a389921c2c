"""Worker processes, input order, resuming, and interrupt-safe incremental output."""

import os
import signal
from dataclasses import replace

import pandas as pd
import pytest

from framing.io import Article, load_corpus
from framing.parallel import (
    PARTIAL_DIR,
    TableAppender,
    ArticleResult,
    analyze_parallel,
    batched,
    deferred_interrupt,
    map_in_workers,
    read_done_ids,
)
from framing.pipeline import analyze

from conftest import SEEDS

EXTRA = [
    Article(article_id="x-empty", text="   ", outlet="X"),
    Article(article_id="x-short", text="Judge rules.", outlet="X"),
    Article(article_id="x-quote", text='Council delays vote\n\n"We need time," the chair said on Monday.', outlet="Y"),
]


def test_batched():
    assert list(batched(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(batched([], 3)) == []


def test_two_jobs_give_the_same_tables_in_the_same_order():
    # every feature step in 2 worker processes; two stories, so the within-story comparisons
    # also run in workers; the stories interleave, and the tables still follow input order
    seeds = [replace(a, story_id="parler") for a in list(load_corpus(SEEDS))[:3]]
    extra = [replace(a, story_id="council") for a in EXTRA]
    articles = [seeds[0], extra[0], seeds[1], extra[1], extra[2], seeds[2]]
    one = analyze(articles, jobs=1)
    two = analyze(articles, jobs=2, batch_size=1)  # small batches: results arrive out of order
    assert {"parler", "council"} <= set(two.tables["topics"]["story_id"])
    assert list(one.tables) == list(two.tables)
    for name in one.tables:
        pd.testing.assert_frame_equal(one.tables[name], two.tables[name])
    pd.testing.assert_frame_equal(one.errors, two.errors)
    assert list(two.articles["article_id"]) == [a.article_id for a in articles if a.article_id not in set(two.errors["article_id"])]


def _boom_on_x(doc, out):
    if doc.article_id.startswith("x-"):
        raise ValueError("synthetic failure")
    out["articles"]["checked"] = True


def test_failing_article_does_not_stop_the_batch():
    articles = list(load_corpus(SEEDS))[:2] + EXTRA[1:]
    results = list(analyze_parallel(articles, steps=[_boom_on_x]))
    assert [r.index for r in results] == [0, 1, 2, 3]
    assert [r.ok for r in results] == [True, True, False, False]
    assert "ValueError: synthetic failure (_boom_on_x)" in results[2].error.reason
    assert results[0].tables["articles"][0]["checked"] is True


def test_skip_ids():
    articles = list(load_corpus(SEEDS))
    skip = {articles[0].article_id, articles[3].article_id}
    results = list(analyze_parallel(articles, skip_ids=skip, steps=[_boom_on_x]))
    assert [r.article_id for r in results] == [a.article_id for a in articles if a.article_id not in skip]
    assert [r.index for r in results] == [1, 2, 4]


def test_appender_adds_late_columns(tmp_path):
    app = TableAppender(tmp_path)
    app.write([ArticleResult(0, "a", {"articles": [{"article_id": "a", "x": 1}]})])
    app.write([ArticleResult(1, "b", {"articles": [{"article_id": "b", "x": 2, "y": "new"}]})])
    app.write([ArticleResult(2, "c", {"articles": [{"article_id": "c", "y": None, "x": 3.5}]})])
    text = (tmp_path / PARTIAL_DIR / "articles.csv").read_text(encoding="utf-8")
    assert text == "article_id,x,y\na,1,\nb,2,new\nc,3.5,\n"
    assert read_done_ids(tmp_path) == {"a", "b", "c"}
    assert read_done_ids(tmp_path / "nowhere") == set()
    app.discard()
    assert not (tmp_path / PARTIAL_DIR).exists()


def test_deferred_interrupt_finishes_the_block_then_raises():
    done = []
    with pytest.raises(KeyboardInterrupt):
        with deferred_interrupt():
            os.kill(os.getpid(), signal.SIGINT)
            done.append("rest of the block ran")
    assert done == ["rest of the block ran"]


def test_cli_resume_completes_an_interrupted_run(tmp_path, monkeypatch):
    from framing import pipeline
    from framing.cli import main

    # Resuming is about rows and files, not features: the line segmentation step suffices
    # (the cross-outlet comparisons still run, over the contexts of all articles).
    monkeypatch.setattr(pipeline, "ARTICLE_STEPS", [pipeline._segmentation_step])
    corpus = tmp_path / "c.jsonl"
    frame = load_corpus(SEEDS).to_frame()[["article_id", "outlet", "text"]]
    frame.to_json(corpus, orient="records", lines=True, force_ascii=False)
    full, part = tmp_path / "full", tmp_path / "part"
    assert main(["report", str(corpus), "--out", str(full)]) == 0
    assert not (full / PARTIAL_DIR).exists()  # a finished run leaves only its tables
    # An interrupted run: the first two articles were analysed and written, then Ctrl-C.
    part.mkdir()
    analyze(load_corpus(corpus).articles[:2], on_results=TableAppender(part).write)
    assert read_done_ids(part) == set(frame["article_id"][:2])
    assert main(["report", str(corpus), "--out", str(part), "--resume"]) == 0
    assert sorted(p.name for p in part.iterdir()) == sorted(p.name for p in full.iterdir())
    tables = sorted(full.glob("*.csv"))
    # a report always writes these tables (see test_cli): the comparison below is not over nothing
    assert {"articles.csv", "lines.csv", "columns.csv", "errors.csv"} <= {p.name for p in tables}
    for path in tables:
        assert (part / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), path.name


def test_analyze_streams_a_table_file(tmp_path, monkeypatch):
    from framing import pipeline

    monkeypatch.setattr(pipeline, "ARTICLE_STEPS", [pipeline._segmentation_step])
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"id": "a", "outlet": "A", "text": "Judge rules\\n\\nThe judge ruled on Monday."}\n'
        '{"id": "b", "outlet": "B", "text": ""}\n'
        "not json\n"
        '{"id": "c", "outlet": "C", "text": "Council votes\\n\\nThe council voted."}\n',
        encoding="utf-8",
    )
    report = analyze(path, compare_outlets=False)
    assert list(report["articles"]["article_id"]) == ["a", "c"]
    assert list(report.errors["article_id"]) == ["b", "line 3"]


def _double(x):
    return 2 * x


def _double_in_parent_only(item):
    parent, x = item
    if os.getpid() != parent:
        os._exit(1)  # the worker dies, as one killed for memory would
    return 2 * x


def test_map_in_workers_keeps_input_order():
    assert map_in_workers(_double, [3, 1, 2], jobs=2) == [6, 2, 4]
    assert map_in_workers(_double, [5], jobs=2) == [10]  # one item: no process is started
    assert map_in_workers(_double, [], jobs=2) == []


def test_map_in_workers_redoes_the_work_of_a_dead_worker_here():
    parent = os.getpid()
    assert map_in_workers(_double_in_parent_only, [(parent, 1), (parent, 2), (parent, 3)], jobs=2) == [2, 4, 6]
