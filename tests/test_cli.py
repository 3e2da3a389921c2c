"""`framing report` (and `figures`) end to end: outputs, --force, --resume, bad input in a batch, exit codes."""

import pandas as pd
import pytest

from framing.cli import main


def test_report_on_seeds(tmp_path, seeds_dir, capsys):
    out = tmp_path / "rep"
    assert main(["report", str(seeds_dir), "--out", str(out)]) == 0
    for name in ("articles.csv", "lines.csv", "columns.csv", "errors.csv"):
        assert (out / name).exists(), name
    arts = pd.read_csv(out / "articles.csv")
    assert len(arts) == 5
    assert list(arts["outlet"])[:2] == ["UPI", "SiliconANGLE"]
    lines = pd.read_csv(out / "lines.csv", keep_default_na=False)
    assert {"article_id", "line_no", "role", "furniture_kind", "text"} <= set(lines.columns)
    # line numbers count from 1 as in the file: seed 004's headline is on line 6
    row = lines[(lines.article_id == "004_835e64f4218eea4b") & (lines.role == "headline")]
    assert list(row.line_no) == [6]
    cols = pd.read_csv(out / "columns.csv")
    described = set(zip(cols.table, cols.column))
    for c in arts.columns:
        assert ("articles", c) in described, f"articles.{c} missing from the data dictionary"
    for c in lines.columns:
        assert ("lines", c) in described, f"lines.{c} missing from the data dictionary"
    printed = capsys.readouterr().out
    assert "The Epoch Times" in printed and str(out) in printed
    assert not any(p.name.endswith(".tmp") for p in out.iterdir())


def test_existing_output_needs_force(tmp_path, seeds_dir, capsys):
    out = tmp_path / "rep"
    out.mkdir()
    (out / "mine.txt").write_text("user file", encoding="utf-8")
    assert main(["report", str(seeds_dir), "--out", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert (out / "mine.txt").read_text(encoding="utf-8") == "user file"
    assert not (out / "articles.csv").exists()
    assert main(["report", str(seeds_dir), "--out", str(out), "--force"]) == 0
    assert (out / "articles.csv").exists() and (out / "mine.txt").exists()


SEED_IDS = {  # seeds/manifest.csv
    "000_74b91037a9b5fe92", "001_72dc4e4fb3c14f34", "002_af12e6a64f906eab",
    "003_cb9c59c22a6b5b98", "004_835e64f4218eea4b",
}


@pytest.fixture
def segmentation_only(monkeypatch):
    """Output folders and resuming are about rows and files: the line segmentation step suffices."""
    from framing import pipeline

    monkeypatch.setattr(pipeline, "ARTICLE_STEPS", [pipeline._segmentation_step])


def test_resume_with_nothing_to_resume_leaves_a_user_folder_alone(tmp_path, seeds_dir, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    mine = b"article_id,my_own_coding\r\nx,1\r\n"
    (out / "articles.csv").write_bytes(mine)
    assert main(["report", str(seeds_dir), "--out", str(out), "--resume"]) == 2
    err = capsys.readouterr().err
    assert "nothing to resume" in err and str(out) in err and "--force" in err
    assert (out / "articles.csv").read_bytes() == mine
    assert [p.name for p in out.iterdir()] == ["articles.csv"]  # nothing written, no partial state either


def test_resume_in_a_new_folder_analyses_everything(tmp_path, seeds_dir, segmentation_only, capsys):
    # nothing to resume, and nothing of the user's to overwrite: the run starts from the first article
    out = tmp_path / "new"
    assert main(["report", str(seeds_dir), "--out", str(out), "--resume"]) == 0
    assert "nothing to resume" in capsys.readouterr().err
    assert set(pd.read_csv(out / "articles.csv")["article_id"]) == SEED_IDS


def test_resume_keeps_other_files_next_to_the_interrupted_run(tmp_path, seeds_dir, segmentation_only):
    from framing.io import load_corpus
    from framing.parallel import PARTIAL_DIR, TableAppender, read_done_ids
    from framing.pipeline import analyze

    out = tmp_path / "part"
    out.mkdir()
    analyze(load_corpus(seeds_dir).articles[:2], on_results=TableAppender(out).write)  # then Ctrl-C
    assert read_done_ids(out) == {"000_74b91037a9b5fe92", "001_72dc4e4fb3c14f34"}
    (out / "notes.txt").write_bytes(b"written while the run was stopped")
    assert main(["report", str(seeds_dir), "--out", str(out), "--resume"]) == 0
    assert (out / "notes.txt").read_bytes() == b"written while the run was stopped"
    assert set(pd.read_csv(out / "articles.csv")["article_id"]) == SEED_IDS
    assert not (out / PARTIAL_DIR).exists()


def test_figures_takes_the_column_options(tmp_path, segmentation_only, monkeypatch):
    from framing import figures

    corpus = tmp_path / "c.csv"
    pd.DataFrame({
        "key": ["k1", "k2"],
        "paper": ["Paper A", "Paper B"],
        "body": ["Judge rejects bid\n\nThe judge said the bid failed on Monday.",
                 "Company loses case\n\nThe company lost its case in court today."],
    }).to_csv(corpus, index=False)
    drawn = []
    monkeypatch.setattr(figures, "write_figures", lambda report, out: drawn.append(report) or [])
    main(["figures", str(corpus), "--out", str(tmp_path / "figs"),
          "--id-col", "key", "--outlet-col", "paper", "--text-col", "body"])
    (report,) = drawn
    assert report.articles[["article_id", "outlet"]].values.tolist() == [["k1", "Paper A"], ["k2", "Paper B"]]


def test_bad_articles_go_to_errors_and_batch_continues(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text("A headline for the story\n\nThe judge said the case would go on.", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    assert main(["report", str(corpus), "--out", str(out)]) == 0
    errors = pd.read_csv(out / "errors.csv")
    assert sorted(errors.article_id) == ["binary", "empty"]
    assert pd.read_csv(out / "articles.csv").article_id.tolist() == ["good"]
    err = capsys.readouterr().err
    assert "empty.txt" in err and "binary.txt" in err
    assert main(["report", str(corpus), "--out", str(out), "--force", "--strict"]) == 1


def test_nothing_processed_is_an_error(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    assert main(["report", str(corpus), "--out", str(tmp_path / "o")]) == 1
    assert main(["report", str(tmp_path / "missing"), "--out", str(tmp_path / "o2")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_corpus_without_articles_is_refused_before_any_output(tmp_path, capsys):
    corpus = tmp_path / "empty folder"
    corpus.mkdir()
    (corpus / "notes.pdf").write_bytes(b"%PDF")  # no .txt/.md/.html, no manifest
    out = tmp_path / "o"
    for command in ("report", "figures"):
        assert main([command, str(corpus), "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert f"{corpus}: no articles found" in err and "manifest.csv" in err
        assert not out.exists()
    header_only = tmp_path / "header.csv"
    header_only.write_text("article_id,outlet,text\n", encoding="utf-8")
    assert main(["report", str(header_only), "--out", str(out)]) == 2
    assert str(header_only) in capsys.readouterr().err
    assert not out.exists()


def test_table_whose_every_row_fails_still_writes_the_reasons(tmp_path, capsys):
    table = tmp_path / "c.csv"
    table.write_text('article_id,outlet,text\nk1,A,\nk2,B,"   "\n', encoding="utf-8")
    out = tmp_path / "o"
    assert main(["report", str(table), "--out", str(out)]) == 1
    errors = pd.read_csv(out / "errors.csv")
    assert errors.article_id.tolist() == ["k1", "k2"]
    assert errors.reason.str.contains("empty text").all()
    err = capsys.readouterr().err
    assert "none of the 2 article(s)" in err and str(out / "errors.csv") in err


def test_columns_command(capsys):
    assert main(["columns", "articles"]) == 0
    assert "boilerplate_ratio" in capsys.readouterr().out


def test_profile_summary_puts_outlets_side_by_side_with_their_intervals():
    import pandas as pd

    from framing.cli import profile_summary

    profile = pd.DataFrame({
        "outlet": ["A", "A", "B", "B"],
        "feature": ["quoted_share", "headline_passive", "quoted_share", "headline_passive"],
        "mean": [0.25, 0.1, 0.5, 0.0],
        "ci_low": [0.2, 0.05, 0.4, 0.0],
        "ci_high": [0.3, 0.15, 0.6, 0.0],
        "n": [3, 3, 2, 2],
        "n_stories": [3, 3, 2, 2],
    })
    table = profile_summary(profile)
    assert list(table.columns) == ["A", "B"]
    assert table.loc["quoted_share", "B"] == "0.5 [0.4, 0.6]"
    assert table.loc["headline_passive", "A"] == "0.1 [0.05, 0.15]"


def test_make_html_refuses_a_folder_it_did_not_make(tmp_path):
    """`make html OUT=DIR` must not replace a user's DIR/notebooks without FORCE=1 (refused before
    any conversion starts, so this runs no notebook)."""
    import shutil
    import subprocess
    from pathlib import Path

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    root = Path(__file__).resolve().parents[1]
    mine = tmp_path / "notebooks" / "mine.html"
    mine.parent.mkdir()
    mine.write_text("my own page", encoding="utf-8")
    # -o: treat the venv stamp as up to date, so make does not try to reinstall the project
    run = subprocess.run(
        ["make", "-s", "-C", str(root), "-o", ".venv/.installed", "html", f"OUT={tmp_path}"],
        capture_output=True, text=True, timeout=60,
    )
    assert run.returncode != 0
    assert "not empty" in run.stderr and "FORCE=1" in run.stderr
    assert [p.name for p in mine.parent.iterdir()] == ["mine.html"]
    assert mine.read_text(encoding="utf-8") == "my own page"
