"""Tests for framing.figures: byte-identical exports, no dates or versions, graceful skips, the CLI."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from framing import plots
from framing.figures import FORMATS, figure_bytes, save_figure, write_figures

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the constructed tables of test_plots, in any import mode
from test_plots import make_tables  # noqa: E402


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_figure_drawn_twice_gives_same_bytes(fmt):
    tables = make_tables()
    first = figure_bytes(plots.segmentation_strip(tables), fmt)
    second = figure_bytes(plots.segmentation_strip(tables), fmt)
    assert first == second


@pytest.mark.parametrize("make", [plots.segmentation_strip, plots.speaker_heatmap, plots.tone_by_outlet])
def test_one_figure_saved_again_and_in_other_formats_keeps_its_bytes(make):
    """Constrained layout is run once (settle_layout): a second save, or an SVG after a PNG and
    a notebook image, draws the same positions as the first."""
    fig = make(make_tables())
    first = figure_bytes(fig, "svg")
    plots.png_bytes(fig)
    figure_bytes(fig, "pdf")
    assert figure_bytes(fig, "svg") == first
    assert figure_bytes(make(make_tables()), "svg") == first  # and a fresh figure the same again


def test_exports_carry_no_date_or_software_version():
    import matplotlib

    fig = plots.side_by_side_figure(make_tables())
    svg = figure_bytes(fig, "svg").decode("utf-8")
    pdf = figure_bytes(fig, "pdf")
    png = figure_bytes(fig, "png", dpi=72)
    assert "<dc:date>" not in svg
    assert matplotlib.__version__ not in svg
    assert b"/CreationDate" not in pdf and b"/Producer" not in pdf
    assert matplotlib.__version__.encode() not in pdf
    assert b"Software" not in png and matplotlib.__version__.encode() not in png


def test_png_is_300_dpi():
    png = figure_bytes(plots.segmentation_strip(make_tables()), "png")
    # pHYs chunk: pixels per metre, 300 dpi = 11811 px/m
    m = re.search(rb"pHYs(.{4})(.{4})\x01", png, re.S)
    assert m and int.from_bytes(m.group(1), "big") == 11811


def test_write_figures_skips_a_figure_whose_table_is_missing(tmp_path):
    tables = make_tables()
    del tables["quotes"]
    results = {r.name: r for r in write_figures(tables, tmp_path, formats=("svg",))}
    assert results["speakers"].paths == () and "quotes" in results["speakers"].skipped
    assert results["segmentation"].skipped == ""
    assert (tmp_path / "segmentation.svg").is_file()
    assert not (tmp_path / "speakers.svg").exists()
    listing = (tmp_path / "figures.txt").read_text(encoding="utf-8")
    assert "segmentation\twritten" in listing
    assert re.search(r"speakers\tskipped: .*quotes", listing)


def test_write_figures_names_are_stable_and_all_formats_written(tmp_path):
    results = write_figures(make_tables(), tmp_path)
    written = sorted(p.name for r in results for p in r.paths)
    assert "segmentation.pdf" in written and "segmentation.png" in written and "segmentation.svg" in written
    assert "headline_agency.svg" in written
    # no temporary files left behind by the atomic writes
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_save_figure_twice_same_bytes(tmp_path):
    tables = make_tables()
    (a,) = save_figure(plots.headline_agency(tables), tmp_path / "one", "x", formats=("pdf",))
    (b,) = save_figure(plots.headline_agency(tables), tmp_path / "two", "x", formats=("pdf",))
    assert a.read_bytes() == b.read_bytes()


def test_cli_figures_writes_folder(tmp_path):
    from framing.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Judge rejects bid\n\nThe judge said the bid failed on Monday.\n", encoding="utf-8")
    (corpus / "two.txt").write_text("Company loses case\n\nThe company lost its case in court today.\n", encoding="utf-8")
    out = tmp_path / "figs"
    assert main(["figures", str(corpus), "--out", str(out)]) == 0
    assert (out / "segmentation.svg").is_file() and (out / "segmentation.png").is_file()
    # a non-empty folder is refused without --force
    assert main(["figures", str(corpus), "--out", str(out)]) == 2


def test_empty_report_skips_every_figure(tmp_path):
    import pandas as pd

    results = write_figures({"articles": pd.DataFrame(columns=["article_id", "outlet"])}, tmp_path)
    assert results and all(r.skipped and not r.paths for r in results)
    assert (tmp_path / "figures.txt").is_file()


def test_missing_values_are_drawn_not_crashed():
    import math

    tables = make_tables()
    tables["articles"].loc[0, ["n_words", "sentiment_headline", "boilerplate_ratio"]] = [math.nan, math.nan, math.nan]
    tables["articles"].loc[1, "headline_agent"] = None
    for func in (plots.side_by_side_figure, plots.segmentation_strip, plots.headline_agency, plots.tone_by_outlet):
        assert figure_bytes(func(tables), "svg").startswith(b"<?xml")
    # the missing agent is drawn, as the "(nobody named)" box (SVG writes drawn strings as comments);
    # article a's agent and both patients are still there
    svg = figure_bytes(plots.headline_agency(tables), "svg").decode("utf-8")
    assert [s for s in ("(nobody named)", "Judge", "bid", "case") if f"<!-- {s} -->" not in svg] == []
    assert "<!-- Company -->" not in svg  # b's agent before it was removed


def test_large_report_drawn_from_first_articles(tmp_path):
    results = write_figures(make_tables(), tmp_path, formats=("svg",), max_articles=1)
    assert "(the first 1 of 2)" in (tmp_path / "figures.txt").read_text(encoding="utf-8")
    assert any(r.name == "segmentation" and r.paths for r in results)


def test_exports_carry_the_title_and_text_alternative():
    from matplotlib.figure import Figure as MplFigure

    def figure():
        fig = MplFigure(figsize=(2, 1))
        fig.suptitle("Tone by outlet")
        fig.text(0, 0, "Source: framing analysis of 3 articles.")
        return fig

    alt = "Tone by outlet. Source: framing analysis of 3 articles."
    svg = figure_bytes(figure(), "svg").decode()
    assert "<dc:title>Tone by outlet</dc:title>" in svg
    assert f"<dc:description>{alt}</dc:description>" in svg
    pdf = figure_bytes(figure(), "pdf")
    assert b"/Title (Tone by outlet)" in pdf and f"/Subject ({alt})".encode() in pdf
    png = figure_bytes(figure(), "png")
    # PNG text chunks: keyword, NUL, text (tEXt) or keyword, NUL, flag, method, ..., compressed (zTXt)
    assert b"Title\x00Tone by outlet" in png
    assert f"Description\x00{alt}".encode() in png
