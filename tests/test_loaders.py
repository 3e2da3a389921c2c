"""Table and HTML corpora: column mapping, bad rows, encodings, streaming."""

import csv
import gc
import gzip
import json
import types
import warnings

import pandas as pd
import pytest

import framing
from framing.io import EncodingWarning, FramingInputError, load_corpus
from framing.loaders import MAX_LINE_WARNINGS, article_from_html, iter_articles, iter_records, resolve_columns

BODY1 = "A judge ruled on Thursday.\n\nThe company said it would appeal."
BODY2 = "The council met on Monday.\n\nIt voted to delay the plan."
ROWS = [
    {"story_id": "s1", "article_id": "a1", "outlet": "Daily A", "headline": "Judge rules", "date": "2021-01-21", "text": BODY1, "lang": "en"},
    {"story_id": "s1", "article_id": "a2", "outlet": "Daily B", "headline": "Council delays", "date": "2021-01-22", "text": BODY2, "lang": "en"},
    {"story_id": "s2", "article_id": "a3", "outlet": "Daily B", "headline": "Empty one", "date": "2021-01-23", "text": "   ", "lang": "en"},
    {"story_id": "s2", "article_id": "", "outlet": "Daily A", "headline": "No id", "date": "2021-01-23", "text": BODY2, "lang": "en"},
]


def _write_jsonl(path, rows, opener=open):
    with opener(path, "wt", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    return path


def _check_good_rows(corpus):
    assert [a.article_id for a in corpus] == ["a1", "a2"]
    a1 = corpus.articles[0]
    assert a1.outlet == "Daily A"
    assert a1.headline == "Judge rules"
    assert a1.text == BODY1  # the body only: the headline came in its own column
    assert a1.story_id == "s1"
    assert a1.metadata["date"] == "2021-01-21"
    assert a1.metadata["lang"] == "en"  # other columns are kept as metadata
    reasons = {e.article_id: e.reason for e in corpus.errors}
    assert "empty text" in reasons["a3"]
    assert len(corpus.errors) == 2
    assert any("missing article id" in e.reason for e in corpus.errors)


def test_jsonl_default_column_names(tmp_path):
    _check_good_rows(load_corpus(_write_jsonl(tmp_path / "c.jsonl", ROWS)))


def test_jsonl_gz(tmp_path):
    _check_good_rows(load_corpus(_write_jsonl(tmp_path / "c.jsonl.gz", ROWS, opener=gzip.open)))


@pytest.mark.parametrize("suffix,sep", [(".csv", ","), (".tsv", "\t")])
def test_csv_and_tsv(tmp_path, suffix, sep):
    path = tmp_path / f"c{suffix}"
    pd.DataFrame(ROWS).to_csv(path, sep=sep, index=False)
    _check_good_rows(load_corpus(path))


def test_parquet(tmp_path):
    path = tmp_path / "c.parquet"
    pd.DataFrame(ROWS).to_parquet(path)
    _check_good_rows(load_corpus(path))


def test_alternative_names_and_cp1252_csv(tmp_path):
    path = tmp_path / "c.csv"
    with open(path, "w", encoding="cp1252", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "source", "title", "published", "body"])
        w.writerow(["x1", "Le Monde", "Café closes", "2020-05-01", "The café “closed” on Friday."])
    with pytest.warns(UserWarning, match="cp1252"):
        corpus = load_corpus(path)
    (a,) = corpus.articles
    assert (a.article_id, a.outlet, a.headline, a.metadata["date"]) == ("x1", "Le Monde", "Café closes", "2020-05-01")
    assert a.text == "The café “closed” on Friday."
    assert a.encoding == "cp1252"


# Encodings are decided line by line. Bytes written by hand: "\xe2\x80\x99" is U+2019 (’) in UTF-8,
# "\x92" the same character in cp1252, "\xc3\xa9" is é in UTF-8; 0x81 is undefined in cp1252.
MIXED_JSONL = (
    b'{"id": "u1", "text": "The mayor\xe2\x80\x99s plan."}\n'
    b'{"id": "w2", "text": "The council\x92s vote."}\n'
    b'{"id": "u3", "text": "Caf\xc3\xa9 owners \xe2\x80\x9cwelcome\xe2\x80\x9d it."}\n'
)


def test_one_cp1252_row_in_utf8_jsonl(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(MIXED_JSONL)
    with pytest.warns(EncodingWarning) as caught:
        corpus = load_corpus(path)
    assert [str(w.message) for w in caught] == [f"{path}: line 2 is not valid UTF-8, read as cp1252"]
    assert [(a.article_id, a.text, a.encoding) for a in corpus] == [
        ("u1", "The mayor\u2019s plan.", "utf-8"),  # not "mayorâ€™s": the other rows stay UTF-8
        ("w2", "The council\u2019s vote.", "cp1252"),
        ("u3", "Caf\u00e9 owners \u201cwelcome\u201d it.", "utf-8"),
    ]
    assert corpus.errors == []


def test_undecodable_first_row_is_one_error(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"id": "x1", "text": "Bad \x81 byte."}\n' + MIXED_JSONL.replace(b"\x92", b"\xe2\x80\x99"))
    corpus = load_corpus(path)
    assert [(a.article_id, a.text) for a in corpus] == [
        ("u1", "The mayor\u2019s plan."),
        ("w2", "The council\u2019s vote."),
        ("u3", "Caf\u00e9 owners \u201cwelcome\u201d it."),
    ]
    (err,) = corpus.errors
    assert (err.article_id, err.source) == ("x1", str(path))
    # 0x81 is the 27th byte of the line: '{"id": "x1", "text": "Bad ' has 26
    assert err.reason == "line 1: undecodable, neither UTF-8 nor cp1252 (byte 0x81 at byte 27 of the line)"


@pytest.mark.parametrize("name,opener", [("c.jsonl", open), ("c.jsonl.gz", gzip.open)], ids=["plain", "gzip"])
def test_undecodable_row_late_in_file_loses_nothing_else(tmp_path, name, opener):
    lines = [f'{{"id": "a{i}", "text": "Row {i}."}}'.encode() for i in range(1, 2001)]
    lines[1498] = b'{"id": "a1499", "text": "Row \x81."}'  # line 1,499 of 2,000
    path = tmp_path / name
    with opener(path, "wb") as fh:
        fh.write(b"\n".join(lines) + b"\n")
    corpus = load_corpus(path)
    assert len(corpus) == 1999
    assert corpus.articles[-1].article_id == "a2000" and corpus.articles[-1].text == "Row 2000."
    assert [(e.article_id, e.reason.split(":")[0]) for e in corpus.errors] == [("a1499", "line 1499")]


# Lines: 1 header; 2-3 c1 (a quoted cell over two lines); 4 c2 (cp1252); 5-6 c3; 7 c4.
MIXED_CSV = (
    b"id,text\r\n"
    b'c1,"First line.\r\nThe mayor\xe2\x80\x99s plan."\r\n'
    b'c2,"The council\x92s vote."\r\n'
    b'c3,"Second row,\r\nCaf\xc3\xa9 owners."\r\n'
    b"c4,Last one.\r\n"
)


def test_one_cp1252_row_in_utf8_csv(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(MIXED_CSV)
    with pytest.warns(EncodingWarning) as caught:
        corpus = load_corpus(path)
    assert [str(w.message) for w in caught] == [f"{path}: line 4 is not valid UTF-8, read as cp1252"]
    assert [(a.article_id, a.text, a.encoding) for a in corpus] == [
        ("c1", "First line.\r\nThe mayor\u2019s plan.", "utf-8"),
        ("c2", "The council\u2019s vote.", "cp1252"),
        ("c3", "Second row,\r\nCaf\u00e9 owners.", "utf-8"),
        ("c4", "Last one.", "utf-8"),
    ]
    assert corpus.errors == []


def test_undecodable_csv_rows_are_errors(tmp_path):
    path = tmp_path / "c.csv"
    # x1 (line 2) is undecodable: 0x81 is byte 9 of `x1,"Bad \x81`. So is x5, on the second line (10) of
    # its quoted cell (lines: 1 header, 2 x1, 3-4 c1, 5 c2, 6-7 c3, 8 c4, 9-10 x5, 11 x6): 0x8d is byte 5.
    data = (
        b'id,text\r\nx1,"Bad \x81 byte."\r\n'
        + MIXED_CSV.split(b"\r\n", 1)[1].replace(b"\x92", b"\xe2\x80\x99")
        + b'x5,"Fine start,\r\nbad \x8d end."\r\nx6,After it.\r\n'
    )
    path.write_bytes(data)
    corpus = load_corpus(path)
    assert [(a.article_id, a.text) for a in corpus] == [
        ("c1", "First line.\r\nThe mayor\u2019s plan."),
        ("c2", "The council\u2019s vote."),
        ("c3", "Second row,\r\nCaf\u00e9 owners."),
        ("c4", "Last one."),
        ("x6", "After it."),
    ]
    assert [(e.article_id, e.source, e.reason) for e in corpus.errors] == [
        ("x1", str(path), "line 2: undecodable, neither UTF-8 nor cp1252 (byte 0x81 at byte 9 of the line)"),
        ("x5", str(path), "line 10: undecodable, neither UTF-8 nor cp1252 (byte 0x8d at byte 5 of the line)"),
    ]


def test_utf8_bom_rules_out_the_cp1252_fallback(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(b"\xef\xbb\xbfid,text\nb1,It\xe2\x80\x99s fine.\nb2,It\x92s not.\nb3,Fine.\n")
    corpus = load_corpus(path)
    assert [(a.article_id, a.text) for a in corpus] == [("b1", "It\u2019s fine."), ("b3", "Fine.")]
    (err,) = corpus.errors
    assert err.article_id == "b2" and err.reason.startswith("line 3: not valid UTF-8 despite the file's byte-order mark")


def test_cp1252_warnings_are_capped_per_file(tmp_path):
    n = MAX_LINE_WARNINGS + 2
    path = tmp_path / "c.csv"
    path.write_bytes(b"id,text\n" + b"".join(b"r%d,Caf\xe9 %d\n" % (i, i) for i in range(1, n + 1)))
    with pytest.warns(EncodingWarning) as caught:
        corpus = load_corpus(path)
    assert [a.text for a in corpus] == [f"Caf\u00e9 {i}" for i in range(1, n + 1)]
    messages = [str(w.message) for w in caught]
    assert messages[:MAX_LINE_WARNINGS] == [
        f"{path}: line {i} is not valid UTF-8, read as cp1252" for i in range(2, MAX_LINE_WARNINGS + 2)
    ]
    assert messages[MAX_LINE_WARNINGS:] == [
        f"{path}: {n} lines in all were not valid UTF-8 and were read as cp1252 (only the first {MAX_LINE_WARNINGS} are named)"
    ]


def test_misaligned_csv_row(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(f'id,text\nr1,"{BODY1}"\nr2,"Unquoted, comma",extra\nr3,"{BODY2}"\n', encoding="utf-8")
    corpus = load_corpus(path)
    assert [a.article_id for a in corpus] == ["r1", "r3"]
    assert corpus.errors[0].article_id == "r2" and "1 more cell(s)" in corpus.errors[0].reason


def test_explicit_column_mapping(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"doc": ["d1"], "paper": ["P"], "content": [BODY1], "event": ["e9"]}).to_csv(path, index=False)
    corpus = load_corpus(path, id_col="doc", outlet_col="paper", text_col="content", story_col="event")
    (a,) = corpus.articles
    assert (a.article_id, a.outlet, a.story_id, a.text) == ("d1", "P", "e9", BODY1)


def test_missing_text_column_names_file_and_columns(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"article_id": ["d1"], "content": [BODY1]}).to_csv(path, index=False)
    with pytest.raises(FramingInputError) as err:
        load_corpus(path)
    msg = str(err.value)
    assert str(path) in msg and "article_id, content" in msg
    with pytest.raises(FramingInputError, match="no column 'story'.*found: article_id, content"):
        load_corpus(path, text_col="content", story_col="story")


def test_no_id_column_numbers_rows(tmp_path):
    path = tmp_path / "news.csv"
    pd.DataFrame({"text": [BODY1, BODY2]}).to_csv(path, index=False)
    assert [a.article_id for a in load_corpus(path)] == ["news-1", "news-2"]


def test_duplicate_ids_and_broken_json_lines(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": BODY1}) + "\n{not json\n[1, 2]\n" + json.dumps({"id": "a", "text": BODY2}) + "\n"
        + json.dumps({"id": 7, "text": BODY2}) + "\n",
        encoding="utf-8",
    )
    corpus = load_corpus(path)
    assert [a.article_id for a in corpus] == ["a", "7"]  # a numeric id becomes text
    reasons = [e.reason for e in corpus.errors]
    assert len(reasons) == 3
    assert "line 2: not valid JSON" in reasons[0]
    assert "line 3: not a JSON object" in reasons[1]
    assert "duplicate article_id 'a'" in reasons[2]


def test_huge_csv_cell(tmp_path):
    text = "Word " * 300_000  # 1.5 MB in one cell, beyond csv's default field limit
    path = tmp_path / "c.csv"
    pd.DataFrame({"id": ["big"], "text": [text]}).to_csv(path, index=False)
    (a,) = load_corpus(path).articles
    assert a.text == text


def test_iter_articles_streams_and_collects_errors(tmp_path):
    path = _write_jsonl(tmp_path / "c.jsonl", ROWS)
    errors = []
    stream = iter_articles(path, errors=errors)
    assert isinstance(stream, types.GeneratorType)
    first = next(stream)
    assert first.article_id == "a1" and errors == []  # nothing read beyond what was asked for
    rest = list(stream)
    assert [a.article_id for a in rest] == ["a2"] and len(errors) == 2
    assert len(list(iter_records(path))) == 4


def test_resolve_columns_prefers_first_default():
    cmap = resolve_columns(["Title", "headline", "ID", "Body"])
    assert (cmap.headline, cmap.id, cmap.text) == ("headline", "ID", "Body")


PAGE = """<!doctype html><html><head><title>Council delays vote | The Gazette</title>
<meta property="og:site_name" content="The Gazette"><meta property="og:title" content="Council delays vote">
<meta name="date" content="2021-03-04"><script>var tracking = "lots of script text that nobody sees";</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article><h1>Council delays vote</h1>
<p>The city council on Thursday postponed its vote on the new parking rules until next month, after residents packed the meeting.</p>
<p>"We need more time to listen," the council chair said, adding that the plan would be revised before any vote.</p>
<p>Opponents said the delay showed that the proposal did not have enough support among council members.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Storm closes schools across the region</a></li><li><a href="/b">Local team wins the cup final</a></li><li><a href="/c">Ten recipes for the summer</a></li></ul></aside>
<footer>Copyright 2021 The Gazette. All rights reserved. Subscribe to our newsletter. Privacy policy. Terms of use.</footer>
</body></html>"""


def test_html_page(tmp_path):
    path = tmp_path / "gazette-1.html"
    path.write_text(PAGE, encoding="utf-8")
    (a,) = load_corpus(path).articles
    assert a.article_id == "gazette-1"
    assert a.headline == "Council delays vote"
    assert a.outlet == "The Gazette"  # from the site name, as no outlet was given
    assert a.metadata["date"] == "2021-03-04"
    assert "postponed its vote" in a.text and "enough support" in a.text
    assert "Most read" not in a.text and "Copyright" not in a.text and "tracking" not in a.text
    # nav, "Most read" box and footer are visible page text that is not story: a real share of it
    assert 0.2 < a.metadata["html_boilerplate_ratio"] < 0.8


def test_html_without_furniture_has_low_ratio():
    page = "<html><body><article><h1>Council delays vote</h1>" + "".join(
        f"<p>{s}</p>" for s in [
            "The city council on Thursday postponed its vote on the new parking rules until next month.",
            "Residents packed the meeting and many of them spoke against the plan for more than an hour.",
            "The chair said the plan would be revised before any new vote was held by the council.",
        ]
    ) + "</article></body></html>"
    a = article_from_html(page, article_id="p")
    assert a.headline == "Council delays vote"
    assert a.metadata["html_boilerplate_ratio"] < 0.05


def test_folder_of_html_pages(tmp_path):
    (tmp_path / "b.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.html").write_text(PAGE.replace("Council delays vote", "Council backs plan"), encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><body></body></html>", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [(a.article_id, a.headline) for a in corpus] == [("a", "Council backs plan"), ("b", "Council delays vote")]
    assert [e.article_id for e in corpus.errors] == ["c"]


def test_analyze_a_folder_of_html_pages(tmp_path, monkeypatch):
    from framing import pipeline

    monkeypatch.setattr(pipeline, "ARTICLE_STEPS", [pipeline._segmentation_step])  # the headline suffices
    page = (
        "<html><head><title>Bridge reopens after repairs</title></head><body><article>"
        "<h1>Bridge reopens after repairs</h1>"
        "<p>The old river bridge reopened to traffic on Monday after eight months of repairs to its deck.</p>"
        "<p>Drivers had used a detour through the town centre since the work began in the spring.</p>"
        "<p>The council said the final cost was close to the budget it approved last year.</p>"
        "</article></body></html>"
    )
    (tmp_path / "bridge.html").write_text(page, encoding="utf-8")
    report = framing.analyze(tmp_path)
    assert list(report.articles["article_id"]) == ["bridge"]
    assert report.articles.loc[0, "headline"] == "Bridge reopens after repairs"
    assert report.errors.empty


def test_html_column_in_table(tmp_path):
    path = _write_jsonl(tmp_path / "pages.jsonl", [{"article_id": "h1", "outlet": "Gazette", "html": PAGE}])
    (a,) = load_corpus(path).articles
    assert a.outlet == "Gazette"  # the given outlet wins over the site name
    assert a.headline == "Council delays vote" and "postponed its vote" in a.text


def test_html_without_story_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>t</title></head><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    corpus = load_corpus(path)
    assert corpus.articles == [] and "no story text" in corpus.errors[0].reason


def test_cli_column_options(tmp_path, monkeypatch):
    from framing import pipeline
    from framing.cli import main

    monkeypatch.setattr(pipeline, "ARTICLE_STEPS", [pipeline._segmentation_step])  # ids and outlets suffice

    path = tmp_path / "c.csv"
    pd.DataFrame({"doc": ["d1", "d2"], "paper": ["P", "Q"], "content": [BODY1, BODY2]}).to_csv(path, index=False)
    out = tmp_path / "out"
    assert main(["report", str(path), "--out", str(out), "--id-col", "doc", "--outlet-col", "paper", "--text-col", "content"]) == 0
    articles = pd.read_csv(out / "articles.csv")
    assert list(articles["article_id"]) == ["d1", "d2"] and list(articles["outlet"]) == ["P", "Q"]



@pytest.mark.parametrize("name,body", [
    ("c.csv", "id,title\n1,Judge rules\n"),
    ("c.jsonl", '{"id": "1", "title": "Judge rules"}\n'),
])
def test_rejected_header_closes_the_file_and_restores_csv_limit(tmp_path, name, body):
    # No text column: the whole file is rejected before any row is read. The reader must still
    # close the file (no "unclosed file" ResourceWarning when it is collected) and put back the
    # csv module's field size limit it raised for reading.
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    before = csv.field_size_limit()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        records = iter_records(path)
        with pytest.raises(FramingInputError, match="text"):
            next(records)
        del records
        gc.collect()
    assert csv.field_size_limit() == before
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]


@pytest.mark.parametrize("codec,bom,lone", [
    ("utf-16-le", b"\xff\xfe", b"\x00\xd8"),  # U+D800 little-endian: a high surrogate with no low one
    ("utf-16-be", b"\xfe\xff", b"\xd8\x00"),
])
def test_utf16_bad_code_unit_spoils_only_its_row(tmp_path, codec, bom, lone):
    # Before: the decoder stopped at the lone surrogate and every row after it was lost.
    path = tmp_path / "w.csv"
    path.write_bytes(
        bom
        + "id,text\na1,Alpha row.\n".encode(codec)
        + "b2,Beta ".encode(codec) + lone + "row.\n".encode(codec)
        + "c3,Gamma row.\nd4,Delta row.\n".encode(codec)
    )
    corpus = load_corpus(path)
    assert [(a.article_id, a.text) for a in corpus] == [
        ("a1", "Alpha row."), ("c3", "Gamma row."), ("d4", "Delta row."),
    ]
    (err,) = corpus.errors
    # line 3 of the file (header, a1, b2) holds one bad code unit
    assert (err.article_id, err.source) == ("b2", str(path))
    assert err.reason == "line 3: undecodable as utf-16 (1 bad code unit(s), despite the file's byte-order mark)"
