"""Tests for framing.html_report: escaping, highlights at the right offsets, and a real browser render."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.artifacts import artifacts_table, translation_artifacts
from framing.html_report import Span, article_spans, article_text, highlight, render_html, write_html

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the constructed tables of test_plots, in any import mode
from test_plots import TEXT_B, make_tables  # noqa: E402

INJECTED = "<script>document.title='PWNED';document.body.appendChild(document.createElement('blink')).id='pwned'</script>"
IMG = "<img src=x onerror=\"document.title='PWNED2'\">"


def hostile_tables() -> dict[str, pd.DataFrame]:
    tables = make_tables(headline_a=f"Judge {INJECTED} rejects bid")
    tables["articles"].loc[1, "outlet"] = f"Alpha {IMG} Wire"
    tables["quotes"].loc[0, "speaker_canonical"] = '"><script>alert(1)</script>'
    return tables


def test_script_in_headline_is_escaped():
    page = render_html(hostile_tables(), figures=False)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;" in page
    assert "&lt;img src=x onerror=&quot;" in page


def test_page_is_self_contained():
    page = render_html(make_tables(), figures=True)
    # nothing the browser would fetch: no src/href/url() pointing outside the page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page, re.I)
    assert "url(http" not in page and "@import" not in page
    assert "<script" not in page.lower()
    assert "<svg" in page  # figures inlined


def test_article_text_keeps_offsets():
    tables = make_tables()
    lines = tables["lines"][tables["lines"]["article_id"] == "b"]
    text = article_text(lines)
    for _, ln in lines.iterrows():
        assert text[ln["start"]:ln["end"]] == ln["text"]
    assert text == TEXT_B


def test_quote_highlighted_exactly_by_speaker_type():
    page = render_html(make_tables(), figures=False)
    # the constructed quote: "we will appeal" said by an anonymous spokesperson
    assert '<span class="q-anonymous quote role-body" title="body | A spokesperson (anonymous), verb: say">we will appeal</span>' in page


def test_headline_agent_outlined():
    page = render_html(make_tables(), figures=False)
    assert '<span class="agent role-headline" title="headline | who acts in the headline">Judge</span>' in page


def test_artifacts_highlighted_exactly_at_the_characters_at_fault():
    # H0 e1 _2 l3 o4 s5 t6 _7 ,8 _9 ... .18 _19 \u201c20 W21 e22 _23 l24 o25 s26 t27 ,28 \u201c29:
    # a blank before a comma (7-9) and an opening mark closing a quotation (29-30)
    text = "He lost , said Lee. \u201cWe lost,\u201c he said."
    tables = {"artifacts": artifacts_table(translation_artifacts(text, article_id="x"))}
    spans = [(sp.start, sp.end) for sp in article_spans(tables, "x", text) if "artifact" in sp.classes]
    assert spans == [(7, 9), (29, 30)]
    # a table written before the 'end' column existed: end is offset + len(text)
    spans = [(sp.start, sp.end) for sp in article_spans({"artifacts": tables["artifacts"].drop(columns="end")}, "x", text)]
    assert spans == [(7, 9), (29, 30)]


def test_highlight_splits_overlaps_and_escapes():
    out = highlight("a<b>c", [Span(0, 3, ("x",)), Span(2, 5, ("y",))])
    assert out == '<span class="x">a&lt;</span><span class="x y">b</span><span class="y">&gt;c</span>'


def test_out_of_range_offsets_do_not_crash():
    tables = make_tables()
    tables["quotes"].loc[0, ["start", "end"]] = [10_000, 10_050]
    assert "Alpha Wire" in render_html(tables, figures=False)


def test_render_is_deterministic():
    tables = make_tables()
    assert render_html(tables) == render_html(tables)


def test_report_writes_html(tmp_path):
    from framing.pipeline import Report
    from framing.report import write_report

    written = write_report(Report(tables=make_tables()), tmp_path)
    assert tmp_path / "report.html" in written
    assert 'id="side-by-side"' in (tmp_path / "report.html").read_text(encoding="utf-8")


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.mark.skipif(_chromium() is None, reason="no headless Chromium found (install the Debian package 'chromium')")
def test_rendered_in_headless_chromium(tmp_path):
    page = tmp_path / "report.html"
    write_html(hostile_tables(), page, figures=True)
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
    ]
    url = page.resolve().as_uri()
    dom = subprocess.run([_chromium(), *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120).stdout
    assert 'id="side-by-side"' in dom  # the table was parsed and rendered into the DOM
    assert "<title>How the outlets framed the story</title>" in dom  # the injected script did not retitle it
    assert 'id="pwned"' not in dom and "<blink" not in dom.lower()
    assert "PWNED2" not in dom.split("<title>")[1].split("</title>")[0]
    assert "<script" not in dom.lower()
    assert "&lt;script&gt;" in dom  # shown as text instead
    shot = tmp_path / "shot.png"
    subprocess.run([_chromium(), *flags, "--window-size=1000,1400", f"--screenshot={shot}", url],
                   capture_output=True, timeout=120, cwd=tmp_path)
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000


def test_articles_not_analysed_are_listed_escaped():
    from framing.pipeline import Report

    report = Report(tables=make_tables())
    report.errors = pd.DataFrame([("x", "x.txt", "<b>empty</b>")], columns=["article_id", "source", "reason"])
    page = render_html(report, figures=False)
    assert "<li>x.txt: &lt;b&gt;empty&lt;/b&gt;</li>" in page


def test_large_corpus_shows_first_articles_only():
    page = render_html(make_tables(), figures=False, max_articles=1)
    assert "Showing the first 1 of 2 articles." in page
    assert 'id="a-a"' in page and 'id="a-b"' not in page


def test_empty_report_renders_a_page():
    page = render_html({"articles": pd.DataFrame(columns=["article_id", "outlet"])})
    assert "No article could be analysed." in page and page.rstrip().endswith("</html>")

@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60),
    cuts=st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from(["x", "y", "q-person"])), max_size=6),
)
def test_highlight_shows_exactly_the_text(text, cuts):
    spans = [Span(a, b, (c,), "t<i>") for a, b, c in cuts]
    out = highlight(text, spans)
    # no markup from the text survives: stripping our own tags and unescaping gives the text back
    assert html.unescape(re.sub(r"<span[^>]*>|</span>", "", out)) == text
    assert out.count("<span") == out.count("</span>")


def test_missing_speaker_fields_do_not_show_nan():
    tables = make_tables()
    tables["quotes"].loc[0, ["speaker_type", "speaker_canonical", "speaker", "reporting_verb"]] = [None, None, None, None]
    page = render_html(tables, figures=False)
    assert 'class="q-unknown quote role-body" title="body | no speaker found (unknown)">we will appeal</span>' in page
    assert "nan" not in page.split("<h2>The articles</h2>")[1].lower()


def test_cross_outlet_tables_are_on_the_page_and_escaped():
    import framing
    from framing.html_report import render_html
    from framing.io import Article

    base = "The judge said the company had shown only “dwindlingly slight evidence of a plot” in court filings."
    arts = [
        Article("a1", "Judge rejects bid by Acme\n\n" + base + " Acme Corp, a <b>bold</b> startup, said it would appeal.", outlet="Alpha"),
        Article("a2", "Acme loses its bid\n\n" + base.replace("dwindlingly slight", "increasingly lighter")
                + " Acme Corp said it would appeal the ruling.", outlet="Beta"),
    ]
    page = render_html(framing.analyze(arts), figures=False)
    assert '<table id="quote-families">' in page
    # the two renderings of one quotation form a family, and the diff shows the changed words
    assert "[-dwindlingly slight-]" in page or "[-dwindlingly-]" in page
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page


def test_inline_figures_are_images_named_by_their_text_alternative():
    from framing.html_report import _svg_inline

    svg = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10pt">\n <metadata>x</metadata>\n <g/>\n</svg>\n'
    # prolog and RDF block go; role and an escaped <title> come first inside the element
    assert _svg_inline(svg, 'Tone <"A" & B>.') == (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10pt" role="img">'
        "<title>Tone &lt;&quot;A&quot; &amp; B&gt;.</title>\n <g/>\n</svg>\n"
    )
    page = render_html(make_tables(), figures=True)
    titles = re.findall(r'<svg [^>]*role="img"><title>([^<]*)</title>', page)
    assert titles and all(t.endswith(".") for t in titles)
    assert page.count("<svg ") == len(titles)
