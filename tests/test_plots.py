"""Tests for framing.plots: outlet colours, missing data, the side-by-side table, findings."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import plots
from framing.plots import MissingData

TEXT_A = "Judge rejects bid\n\nThe judge said the bid failed.\nRELATED Other story"
TEXT_B = "Company loses case\n\nA spokesperson said \"we will appeal\" on Monday."


def _lines(article_id: str, text: str, roles: list[str]) -> list[dict]:
    rows, pos = [], 0
    for no, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            r = roles.pop(0)
            rows.append({"article_id": article_id, "line_no": no, "start": pos, "end": pos + len(line),
                         "role": r, "furniture_kind": "related" if r == "furniture" else "",
                         "is_story": r in ("headline", "body"), "text": line})
        pos += len(line) + 1
    return rows


def make_tables(*, headline_a: str = "Judge rejects bid") -> dict[str, pd.DataFrame]:
    """Two constructed articles with lines, quotes and a few article features (no NLP involved)."""
    text_a = TEXT_A.replace("Judge rejects bid", headline_a)
    articles = pd.DataFrame(
        [
            {"article_id": "a", "outlet": "Zeta News", "headline": headline_a, "headline_is_lede": False,
             "n_words": 100, "boilerplate_ratio": 0.25, "headline_agent": "Judge", "headline_verb": "reject",
             "headline_patient": "bid", "headline_voice": "active", "sentiment_headline": -0.5},
            {"article_id": "b", "outlet": "Alpha Wire", "headline": "Company loses case", "headline_is_lede": False,
             "n_words": 300, "boilerplate_ratio": 0.0, "headline_agent": "Company", "headline_verb": "lose",
             "headline_patient": "case", "headline_voice": "active", "sentiment_headline": 0.25},
        ]
    )
    lines = pd.DataFrame(_lines("a", text_a, ["headline", "body", "furniture"])
                         + _lines("b", TEXT_B, ["headline", "body"]))
    q_start = TEXT_B.index("we will appeal")
    quotes = pd.DataFrame(
        [
            {"article_id": "b", "outlet": "Alpha Wire", "quote": "we will appeal", "kind": "direct",
             "speaker": "A spokesperson", "speaker_canonical": "A spokesperson", "speaker_type": "anonymous",
             "reporting_verb": "say", "verb_class": "neutral", "start": q_start, "end": q_start + len("we will appeal")},
        ]
    )
    return {"articles": articles, "lines": lines, "quotes": quotes}


# ---------------------------------------------------------------------------------------------- colours


def test_outlet_colors_follow_sorted_names_whatever_the_order():
    a = plots.outlet_colors(["Zeta", "Alpha", "Mid"])
    b = plots.outlet_colors(["Mid", "Zeta", "Alpha", "Alpha"])
    assert a == b
    # sorted: Alpha, Mid, Zeta -> first three Okabe-Ito colours (blue, orange, bluish green)
    assert a == {"Alpha": "#0072B2", "Mid": "#E69F00", "Zeta": "#009E73"}


def test_outlet_colors_distinct_for_eight_outlets_and_cycle_after():
    names = [f"outlet {i}" for i in range(9)]
    colors = plots.outlet_colors(names)
    assert len(set(colors[n] for n in names[:8])) == 8
    assert colors["outlet 8"] == colors["outlet 0"]


def test_same_outlet_same_colour_in_every_figure_frame():
    tables = make_tables()
    arts = plots._article_frame(tables)
    # Alpha Wire sorts first -> blue; Zeta News second -> orange
    assert dict(zip(arts["outlet_name"], arts["color"])) == {"Zeta News": "#E69F00", "Alpha Wire": "#0072B2"}


def test_article_labels_disambiguate_repeated_outlets():
    arts = pd.DataFrame({"article_id": ["x1", "x2", "y"], "outlet": ["Same", "Same", ""]})
    assert plots.article_labels(arts) == {"x1": "Same · x1", "x2": "Same · x2", "y": "y"}


# ---------------------------------------------------------------------------------------------- missing data


def test_figure_without_its_table_raises_missing_data():
    tables = make_tables()
    del tables["quotes"]
    with pytest.raises(MissingData, match="quotes"):
        plots.speaker_heatmap(tables)
    with pytest.raises(MissingData, match="actor_tone"):
        plots.actor_tone_heatmap(tables)


def test_figure_without_its_columns_raises_missing_data():
    tables = make_tables()
    tables["articles"] = tables["articles"].drop(columns=["headline_agent"])
    with pytest.raises(MissingData, match="headline_agent"):
        plots.headline_agency(tables)


def test_figures_draw_from_constructed_tables():
    tables = make_tables()
    for func in (plots.segmentation_strip, plots.headline_agency, plots.speaker_heatmap,
                 plots.reporting_verb_classes, plots.side_by_side_figure):
        fig = func(tables)
        assert fig.get_figwidth() == pytest.approx(plots.COLUMN_WIDTH)
        texts = [t.get_text() for t in fig.texts]
        assert any(t.startswith("Source: framing analysis of 2 articles") for t in texts)


def test_dollar_signs_in_data_are_not_mathematics():
    import matplotlib

    from framing.figures import figure_bytes

    label = "$5 fund and $10 fund"  # 20 characters: the agent box (wrapped at 20) keeps it on one line
    tables = make_tables()
    tables["articles"].loc[0, "headline_agent"] = label
    fig = plots.headline_agency(tables)
    # as exported (svg.fonttype "path"), glyphs are drawn as paths and matplotlib's SVG writer puts
    # each drawn string before its glyphs as an XML comment: the label reached the drawing whole
    svg = figure_bytes(fig, "svg").decode("utf-8")
    assert f"<!-- {label} -->" in svg
    # with svg.fonttype "none" text stays text: plain text is one <text> element holding the string
    # as written; had the "$...$" part been read as mathtext, the dollar signs would be gone and
    # the glyphs written piece by piece
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        svg_text = figure_bytes(fig, "svg").decode("utf-8")
    assert f">{label}</text>" in svg_text


# ---------------------------------------------------------------------------------------------- tables


def test_speaker_shares_columns_sum_to_one():
    shares = plots.speaker_shares(make_tables())
    assert list(shares.columns) == ["Alpha Wire"]  # only b has quotes
    assert shares.loc["A spokesperson", "Alpha Wire"] == 1.0


def test_speaker_shares_count_one_actor_once_across_outlets():
    tables = make_tables()
    quotes = pd.concat([tables["quotes"], tables["quotes"].assign(article_id="a")], ignore_index=True)
    quotes["speaker_canonical"] = ["Barbara Rothstein", "Rothstein"]
    quotes["speaker_actor"] = ["Barbara Jacobs Rothstein", "Barbara Jacobs Rothstein"]
    shares = plots.speaker_shares({**tables, "quotes": quotes})
    assert shares.index.tolist() == ["Barbara Jacobs Rothstein"]
    assert shares.to_numpy().tolist() == [[1.0, 1.0]]  # each outlet's one statement


def test_side_by_side_has_outlets_as_columns_and_plain_labels():
    table = plots.side_by_side(make_tables())
    assert list(table.columns) == ["Zeta News", "Alpha Wire"]
    assert table.loc["Story length (words)", "Alpha Wire"] == 300
    assert table.loc["Who acts in the headline", "Zeta News"] == "Judge"


def test_notable_differences_numbers():
    # mean 2.8, population SD 3.6: 10 lies (10 - 2.8) / 3.6 = 2.0 SD away, each 1 lies 0.5 SD away
    table = pd.DataFrame([[1.0, 1.0, 1.0, 1.0, 10.0]], columns=list("abcde"), index=["x"])
    flags = plots.notable_differences(table)
    assert flags.loc["x"].tolist() == [False, False, False, False, True]


def test_notable_differences_labels_and_small_rows():
    table = pd.DataFrame(
        [["active", "active", "passive", "active"], [1.0, 5.0, None, None]],
        columns=list("abcd"), index=["voice", "two values"], dtype=object,
    )
    flags = plots.notable_differences(table)
    assert flags.loc["voice"].tolist() == [False, False, True, False]
    assert not flags.loc["two values"].any()


def test_style_side_by_side_html_is_deterministic():
    tables = make_tables()
    a = plots.style_side_by_side(tables).to_html()
    b = plots.style_side_by_side(tables).to_html()
    assert a == b
    assert "T_side_by_side" in a


def test_boilerplate_table_counts_roles():
    table = plots.boilerplate_table(make_tables())
    assert table.loc["Zeta News", "furniture"] == 1
    assert table.loc["Alpha Wire", "body"] == 1


# ---------------------------------------------------------------------------------------------- findings


def test_findings_are_built_from_values():
    text = plots.findings_corpus(make_tables())
    assert "**2 articles** from **2 outlets**" in text
    assert "from 100 words (Zeta News) to 300 words (Alpha Wire)" in text
    assert "from 0% of the characters (Alpha Wire) to 25% (Zeta News)" in text


def test_headline_findings_name_the_sourced_headlines():
    tables = make_tables()
    tables["articles"]["headline_source"] = [None, None]
    assert "None of the 2 headlines attributes its statement to a source" in plots.findings_headlines(tables)
    tables["articles"]["headline_source"] = ["Judge", None]
    assert "attribute their statement to a source: 1 of 2 (Zeta News: Judge)" in plots.findings_headlines(tables)


def test_findings_say_when_a_feature_is_missing():
    tables = make_tables()
    assert "not measured" in plots.findings_quotes_across_outlets(tables)


def test_column_notes_keep_existing_columns_in_order():
    notes = plots.column_notes(["boilerplate_ratio", "no_such_column", "n_words"])
    assert notes["column"].tolist() == ["boilerplate_ratio", "n_words"]


# ---------------------------------------------------------------------------------------------- cache


def test_load_report_reuses_and_invalidates(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Judge rejects bid\n\nThe judge said no.\n", encoding="utf-8")
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    calls = []

    def fake_analyze(c):
        calls.append(c)
        return {"articles": pd.DataFrame({"article_id": [f"run{len(calls)}"]})}

    monkeypatch.setattr("framing.pipeline.analyze", fake_analyze)
    first = plots.load_report(corpus)
    second = plots.load_report(corpus)
    assert len(calls) == 1 and second["articles"].equals(first["articles"])
    (corpus / "a.txt").write_text("Judge rejects bid\n\nThe judge said yes.\n", encoding="utf-8")
    third = plots.load_report(corpus)
    assert len(calls) == 2 and third["articles"]["article_id"].tolist() == ["run2"]
    plots.load_report(corpus, cache=False)
    assert len(calls) == 3


def test_select_story_keeps_one_story():
    tables = make_tables()
    tables["articles"]["story_id"] = ["s1", "s2"]
    one = plots.select_story(tables, "s2")
    assert one.articles["article_id"].tolist() == ["b"]
    assert set(one["lines"]["article_id"]) == {"b"}
    assert plots.select_story(tables, None) is tables
    with pytest.raises(MissingData, match="s1, s2"):
        plots.select_story(tables, "s3")


def test_alt_text_reads_title_panels_axes_and_source_line():
    from matplotlib.figure import Figure as MplFigure

    from framing.plots import alt_text

    fig = MplFigure()
    fig.suptitle("How hard is it\nto read?")
    left, right = fig.subplots(1, 2)
    left.set_title("Ease")
    left.set_xlabel("Flesch reading ease")
    right.set_ylabel("US school\ngrade")
    fig.text(0, 0, "Source: framing analysis of 2 articles.")
    assert alt_text(fig) == (
        "How hard is it to read? "
        "2 panels: Ease (x axis: Flesch reading ease); (y axis: US school grade). "
        "Source: framing analysis of 2 articles."
    )
    assert alt_text(MplFigure()) == "Figure."


def test_alt_text_states_the_values_each_figure_shows():
    """The constructed tables: Zeta News 25% furniture, headline "Judge rejects bid" (tone -0.5),
    no quotes; Alpha Wire 0% furniture, "Company loses case" (+0.25), one neutral "said" by a
    spokesperson, so that speaker has all of its statements."""
    tables = make_tables()
    tables["articles"]["hedge_rate"] = [1.0, 2.0]
    alt = {f.__name__: plots.alt_text(f(tables)) for f in (
        plots.segmentation_strip, plots.headline_agency, plots.speaker_heatmap, plots.reporting_verb_classes,
        plots.tone_by_outlet, plots.language_cues)}
    assert "Share of characters that are not story text: Zeta News 25%, Alpha Wire 0%." in alt["segmentation_strip"]
    assert ("Who acts, verb, acted upon: Zeta News: Judge, reject (active), bid; "
            "Alpha Wire: Company, lose (active), case.") in alt["headline_agency"]
    assert "Most quoted in each outlet: Alpha Wire: A spokesperson (100%)." in alt["speaker_heatmap"]
    assert "Attributed statements by kind of verb: Zeta News: none; Alpha Wire: 1 neutral." in alt["reporting_verb_classes"]
    assert "Headline: Zeta News -0.50, Alpha Wire +0.25." in alt["tone_by_outlet"]
    assert "Hedges: highest Alpha Wire (2.0), lowest Zeta News (1.0)." in alt["language_cues"]
    # the values come before the source line
    assert alt["tone_by_outlet"].index("Headline:") < alt["tone_by_outlet"].index("Source:")


def test_alt_text_listing_counts_what_it_leaves_out():
    assert plots._listing(["a", "b", "c"], limit=3) == "a, b, c"
    assert plots._listing(["a", "b", "c"], limit=2) == "a, b, and 1 more"
    assert plots._listing(["a\nb", "c"], limit=1, sep="; ") == "a b; and 1 more"
    assert plots._listing([]) == ""


def test_show_gives_the_notebook_image_its_alt_text(monkeypatch):
    import IPython.display
    from matplotlib.figure import Figure as MplFigure

    from framing import plots

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, **kw: shown.append(obj))
    fig = MplFigure(figsize=(2, 1))
    fig.suptitle("Tone")
    plots.show(fig)
    plots.show(fig, alt="My own words")
    # IPython's Image keeps alt in the PNG output's metadata, where nbconvert reads it
    assert [im._repr_png_()[1]["alt"] for im in shown] == ["Tone.", "My own words"]
    assert shown[0]._repr_png_()[1]["width"] == 300


def test_make_html_template_writes_the_figure_alt_text():
    """`make html` uses notebooks/_template/framing_html: nbconvert's lab template drops the
    output's alt metadata, ours writes it as the <img> alt attribute (escaped)."""
    from pathlib import Path

    import nbformat
    from nbconvert import HTMLExporter

    png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("plots.show(fig)")
    cell.outputs = [nbformat.v4.new_output(
        "display_data", data={"image/png": png}, metadata={"image/png": {"alt": 'Tone "by" outlet.', "width": 10}},
    )]
    plain = nbformat.v4.new_code_cell("x")
    plain.outputs = [nbformat.v4.new_output("display_data", data={"image/png": png})]
    nb.cells = [cell, plain]
    root = Path(__file__).resolve().parents[1]
    exporter = HTMLExporter(template_name="framing_html", extra_template_basedirs=[str(root / "notebooks" / "_template")])
    html, _ = exporter.from_notebook_node(nb)
    from bs4 import BeautifulSoup  # nbconvert's own HTML parser

    images = BeautifulSoup(html, features="html.parser").find_all("img")
    # the second image has no alt of its own: nbconvert then fills in its stock sentence
    assert [im["alt"] for im in images] == ['Tone "by" outlet.', "No description has been provided for this image"]
    assert images[0]["width"] == "10"
