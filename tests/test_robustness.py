"""Bad input never crashes: arbitrary text through every extractor, a corrupt corpus, Ctrl-C mid-run."""

import codecs
import csv
import json
import math
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.io import Article, FramingInputError, decode_bytes
from framing.language import LANGUAGES, detect_language
from framing.lexicon import count_words
from framing.parallel import PARTIAL_DIR
from framing.pipeline import analyze_article
from framing.segment import segment
from framing.sentences import split_sentences

from conftest import ROOT

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of news pages, so that random texts reach the interesting paths (quotes, furniture, lines).
PIECES = [
    "Judge rejects bid", '"We will appeal," the company said.', "“", "”", "‘", "’", '"', "'", "«", "»",
    "\n", "\n\n", "\r\n", " ", "Photo: Reuters", "Related:", "Read more", "Sign up for our newsletter",
    "By Jane Doe", "Jan. 21, 2021", "said", "according to officials", "a source who asked not to be named",
    "Mr. Smith", "U.S.", "...", "—", "رفض القاضي الطلب", "השופט דחה", "法官驳回了请求。", "裁判官は退けた。",
    "\u200b", "\u202e", "\t", "ALL CAPS LINE", "1.", "?", "!",
]
newsy = st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=40).map("".join)
any_text = st.text(max_size=400) | newsy

SPECIAL = {
    "empty": "",
    "blank": " \n\t\r\n ",
    "only_quote_marks": '"“”‘’«»\'"""“““”””',
    "only_furniture": "Photo: Reuters\nRelated: More news\nSign up for our newsletter\nRead more\nAdvertisement\n",
    "rtl": "رفض قاض فدرالي يوم الخميس طلب الشركة.\n\nשופט פדרלי דחה ביום חמישי את הבקשה.",
    "cjk": "联邦法官周四驳回了请求。\n\n連邦判事は木曜日、要求を退けた。\n\n연방 판사는 요청을 기각했다.",
    "unbalanced": 'Judge rules\n\n"He said it was over. She said "no.\n\n“Open quote never closed.',
    "controls": "Headline\x0b\x0c\n\nBody\x1f text\u2028with\u2029separators.",
}


def _ratio_columns(row: dict) -> list[str]:
    return [
        k for k in row
        if ("share" in k or "ratio" in k or k.endswith(("_pos", "_neu", "_neg")))
        and isinstance(row[k], (int, float)) and not isinstance(row[k], bool)
    ]


def _check_article(text: str) -> None:
    article = Article(article_id="x", text=text, outlet="O")
    first = analyze_article(article)
    row = first["articles"][0]
    for k in _ratio_columns(row):
        v = row[k]
        assert math.isnan(v) or 0.0 <= v <= 1.0, (k, v)
    for k in ("sentiment_headline", "sentiment_body_mean"):
        if isinstance(row.get(k), float) and not math.isnan(row[k]):
            assert -1.0 <= row[k] <= 1.0
    for line in first.get("lines", []):
        assert text[line["start"]:line["end"]] == line["text"]
    again = analyze_article(article)
    assert set(first) == set(again)
    for name in first:
        assert pd.DataFrame(first[name]).equals(pd.DataFrame(again[name])), name


# --------------------------------------------------------------------------- extractors


@pytest.mark.filterwarnings("ignore::UserWarning")
@FAST
@given(st.binary(max_size=300) | any_text.map(lambda s: s.encode("utf-8")) | any_text.map(lambda s: s.encode("utf-16")))
def test_decode_bytes_returns_text_or_a_clear_error(data):
    try:
        text, enc = decode_bytes(data)
    except FramingInputError as exc:
        assert exc.problem
    else:
        assert text.strip() and enc in ("utf-8", "utf-16", "utf-32", "cp1252")


@FAST
@given(any_text)
def test_segment_offsets_and_ratio(text):
    seg = segment(text)
    for ln in seg.lines:
        assert text[ln.start:ln.end] == ln.text
    r = seg.boilerplate_ratio
    assert math.isnan(r) or 0.0 <= r <= 1.0  # NaN: no lines at all
    assert [(ln.role, ln.start) for ln in segment(text).lines] == [(ln.role, ln.start) for ln in seg.lines]


@FAST
@given(any_text)
def test_sentences_are_raw_text_spans(text):
    sentences = split_sentences(text)
    for s in sentences:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start:s.end] == s.text
    assert split_sentences(text) == sentences


@FAST
@given(any_text)
def test_language_is_a_known_code(text):
    assert detect_language(text) in (*LANGUAGES, "und")
    assert detect_language(text) == detect_language(text)


@FAST
@given(any_text)
def test_quotation_spans_and_lexicon(text):
    from framing.attribution import quotation_spans
    from framing.lexicon import lexicon_hits

    spans = quotation_spans(text)
    assert all(0 <= a <= b <= len(text) for a, b in spans)
    assert quotation_spans(text) == spans
    sentences = [(s.start, s.end) for s in split_sentences(text)]
    hits = lexicon_hits(text, sentences)
    for h in hits:  # each hit is its surface text, inside the sentence it names
        assert text[h.start : h.end] == h.matched
        assert sentences[h.sentence][0] <= h.start < h.end <= sentences[h.sentence][1]
    assert lexicon_hits(text, sentences) == hits


@FAST
@given(any_text)
def test_tone_and_readability(text):
    from framing.readability import COLUMNS as READABILITY_COLUMNS
    from framing.readability import readability
    from framing.tone import polarity

    p = polarity(text)
    for k in ("pos", "neu", "neg"):
        assert math.isnan(p[k]) or 0.0 <= p[k] <= 1.0
    assert math.isnan(p["compound"]) or -1.0 <= p["compound"] <= 1.0
    sentences = [(s.start, s.end) for s in split_sentences(text)]
    r = readability(text, sentences)
    assert set(r) == set(READABILITY_COLUMNS["articles"])
    # counted independently by the documented rule: words are framing.lexicon.count_words words,
    # sentences the given spans that contain a word
    n_words = count_words(text, sentences)
    n_sentences = sum(1 for span in sentences if count_words(text, [span]) > 0)
    if n_words == 0:
        assert all(math.isnan(v) for v in r.values()), r
    else:
        wps, spw = r["words_per_sentence"], r["syllables_per_word"]
        assert wps == pytest.approx(n_words / n_sentences) and wps >= 1.0
        assert spw >= 1.0  # every word has at least one syllable
        # the formulas of the data dictionary
        assert r["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * wps - 84.6 * spw)
        assert r["flesch_kincaid_grade"] == pytest.approx(0.39 * wps + 11.8 * spw - 15.59)
        assert r["gunning_fog"] >= 0.4 * wps - 1e-9  # 0.4 x (wps + 100 x share of complex words)
        assert r["smog_index"] >= 3.1291 - 1e-9  # 1.043 x sqrt(...) + 3.1291


HEADLINE_VOICES = ("active", "passive")  # "none" only when there is no main verb
HEADLINE_VERB_CLASSES = ("legal_action", "reporting", "conflict", "state_outcome", "other")
HEADLINE_AGENT_TYPES = ("court/judge", "company", "person", "government", "other", "none")


@SLOW
@given(any_text)
def test_headline_frame(text):
    from framing.headlines import headline_frame

    headline = text[:200]
    f = headline_frame(headline)
    assert f.headline == headline
    if f.verb is None:
        assert (f.verb_text, f.verb_start, f.verb_end) == (None, None, None)
        assert (f.voice, f.verb_class, f.agent, f.agent_type) == ("none", "none", None, "none")
    else:
        assert f.voice in HEADLINE_VOICES
        assert f.verb_class in HEADLINE_VERB_CLASSES
        assert 0 <= f.verb_start < f.verb_end <= len(headline)
        assert f.verb_text == headline[f.verb_start : f.verb_end]
    assert f.agent_type in HEADLINE_AGENT_TYPES
    assert (f.agent_type == "none") == (f.agent is None)  # "none when there is no agent"
    # every reported word is as written in the headline passed in
    for part in (f.subject, f.subject_head, f.agent, f.agent_head, f.patient):
        assert part is None or part in headline, part
    assert headline_frame(headline) == f


@SLOW
@given(any_text)
def test_whole_pipeline_on_arbitrary_text(text):
    _check_article(text)


@pytest.mark.parametrize("name", sorted(SPECIAL))
def test_whole_pipeline_on_special_texts(name):
    _check_article(SPECIAL[name])


ONE_MB_LINE = ('The judge said the company had not shown it would win. "We will appeal," he said. ' * 12_500)[:1_000_000]


def test_one_mb_line_segments():
    seg = segment(ONE_MB_LINE)
    assert len(seg.lines) == 1 and seg.lines[0].end == len(ONE_MB_LINE)
    assert detect_language(ONE_MB_LINE) == "en"


def test_one_mb_line_sentences():
    # "The judge ... win." and '"We will appeal," he said.' : two sentences per repetition
    sentences = split_sentences(ONE_MB_LINE)
    unit = ONE_MB_LINE.index("The judge", 1)
    assert len(sentences) >= 2 * (len(ONE_MB_LINE) // unit)
    assert all(ONE_MB_LINE[s.start : s.end] == s.text for s in sentences[:50])


def test_one_mb_line_whole_pipeline():
    _check_article(ONE_MB_LINE)


# --------------------------------------------------------------------------- a corrupt corpus

ENGLISH = (
    "Judge rejects request to reinstate the app\n\n"
    "A federal judge on Thursday rejected the company's request, saying it had not shown that it "
    "would win the case. \"We will appeal,\" a spokesman said.\n\n"
    "The ruling is the latest setback for the company, which has been offline for days.\n"
)
SPANISH = (
    "El juez rechaza la petición de la empresa\n\n"
    "Un juez federal rechazó el jueves la solicitud de la empresa, al considerar que no había "
    "demostrado que ganaría el caso. \"Vamos a apelar\", dijo un portavoz de la compañía.\n\n"
    "La decisión es el último revés para la empresa, que lleva varios días sin servicio.\n"
)


def test_corrupt_corpus(tmp_path, capsys):
    from framing.cli import main

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "windows.txt").write_bytes(ENGLISH.replace("company's", "company’s").encode("cp1252"))
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "huge.txt").write_bytes(b"word " * (4 * 1024 * 1024))  # 20 MB
    (folder / "spanish.txt").write_text(SPANISH, encoding="utf-8")
    rows = [
        ("good", "good.txt", "Outlet A"), ("windows", "windows.txt", "Outlet B"), ("utf16", "utf16.txt", "Outlet C"),
        ("empty", "empty.txt", "Outlet D"), ("binary", "binary.txt", "Outlet E"), ("huge", "huge.txt", "Outlet F"),
        ("spanish", "spanish.txt", "Outlet G"), ("broken", "", "Outlet H"), ("ghost", "ghost.txt", "Outlet I"),
    ]
    with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["article_id", "file", "outlet"])
        w.writerows(rows)
    out = tmp_path / "out"
    main(["report", str(folder), "--out", str(out)])
    assert "windows.txt: not valid UTF-8, read as cp1252" in capsys.readouterr().err
    articles = pd.read_csv(out / "articles.csv", keep_default_na=False)
    errors = pd.read_csv(out / "errors.csv", keep_default_na=False).set_index("article_id")
    assert list(articles["article_id"]) == ["good", "windows", "utf16", "spanish"]
    assert articles.set_index("article_id").loc["windows", "n_words"] == articles.set_index("article_id").loc["good", "n_words"]
    assert articles.set_index("article_id").loc["utf16", "n_words"] == articles.set_index("article_id").loc["good", "n_words"]
    assert sorted(errors.index) == ["binary", "broken", "empty", "ghost", "huge"]
    assert "empty" in errors.loc["empty", "reason"]
    assert "binary" in errors.loc["binary", "reason"]
    assert "MB" in errors.loc["huge", "reason"]
    assert "no file name" in errors.loc["broken", "reason"]
    assert "does not exist" in errors.loc["ghost", "reason"]
    # non-English text is flagged, not scored as English
    language = articles.set_index("article_id")["language"]
    assert language.to_dict() == {"good": "en", "windows": "en", "utf16": "en", "spanish": "es"}
    scored = pd.read_csv(out / "articles.csv").set_index("article_id")
    for col in ("sentiment_body_mean", "flesch_reading_ease"):
        assert pd.isna(scored.loc["spanish", col]) and pd.notna(scored.loc["good", col]), col


# --------------------------------------------------------------------------- Ctrl-C


def test_interrupt_leaves_only_complete_files(tmp_path):
    corpus = tmp_path / "big.jsonl"
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i:04d}" for i in range(2000)],
            "outlet": [f"Outlet {i % 7}" for i in range(2000)],
            "text": [ENGLISH.replace("Thursday", f"day {i}") for i in range(2000)],
        }
    )
    frame.to_json(corpus, orient="records", lines=True)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "framing.cli", "report", str(corpus), "--out", str(out), "--batch-size", "1"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        # a run started from a non-interactive shell in the background inherits SIGINT ignored (then
        # Python installs no KeyboardInterrupt handler); a user's Ctrl-C hits a foreground process
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    partial = out / PARTIAL_DIR / "articles.csv"  # rows are written batch by batch
    deadline = time.time() + 120
    while time.time() < deadline and not partial.exists():
        time.sleep(0.2)
    assert partial.exists(), proc.communicate(timeout=5)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()  # interrupted, not finished
    assert b"--resume" in err
    assert not list(out.rglob("*.tmp"))
    done = None
    for path in out.rglob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            json.loads(line)  # every line complete
    for path in out.rglob("*.csv"):
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows and all(len(r) == len(rows[0]) for r in rows), path.name  # no half-written row
        pd.read_csv(path)
        if path.stem == "articles":
            done = len(rows) - 1
    assert 0 < done < len(frame)
