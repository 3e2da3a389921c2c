"""Reading articles: encodings, line endings, bad input, manifests."""

import codecs
import hashlib
import warnings
from pathlib import Path

import pytest

from framing.io import EncodingWarning, FramingInputError, decode_bytes, load_corpus, read_text

from conftest import ROOT, SEEDS

SHARED = ROOT.parent / "shared" / "seeds"


def test_seed_files_are_byte_identical_to_shared():
    if not SHARED.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    shared = sorted(p.name for p in SHARED.glob("*.txt"))
    assert shared, "../shared/seeds holds no .txt seed"
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == shared
    for name in shared:
        src, ours = SHARED / name, SEEDS / name
        assert hashlib.sha256(ours.read_bytes()).hexdigest() == hashlib.sha256(src.read_bytes()).hexdigest()


def test_load_seeds_with_manifest():
    corpus = load_corpus(SEEDS)
    assert corpus.errors == []
    assert [a.article_id for a in corpus] == [
        "000_74b91037a9b5fe92",
        "001_72dc4e4fb3c14f34",
        "002_af12e6a64f906eab",
        "003_cb9c59c22a6b5b98",
        "004_835e64f4218eea4b",
    ]
    assert [a.outlet for a in corpus] == [
        "UPI",
        "SiliconANGLE",
        "The Epoch Times",
        "Ars Technica (machine-translated)",
        "Reuters (via CNA)",
    ]
    meta = corpus.articles[3].metadata
    assert meta["provenance"] == "machine-translated"
    assert meta["published"] == "2021-01-21"
    # raw text kept unchanged: seed 001 has five NBSPs, e.g. "lightly moderated\u00a0compared" and
    # a space + NBSP after "relevant content."
    a1 = corpus.articles[1]
    assert "lightly moderated\u00a0compared" in a1.text
    assert "relevant content. \u00a0\n" in a1.text
    assert a1.text.count("\u00a0") == 5
    assert a1.text == (SEEDS / "001_72dc4e4fb3c14f34.txt").read_text(encoding="utf-8")


def test_utf8_bom_is_dropped_and_text_kept():
    text, enc = decode_bytes(codecs.BOM_UTF8 + "Caf\u00e9 “quoted”".encode("utf-8"))
    assert text == "Caf\u00e9 “quoted”" and enc == "utf-8"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    body = "Judge rejects Parler’s request\r\n\r\nBody text here."
    data = body.encode(codec)
    if codec != "utf-16":  # add the BOM by hand for the explicit-endian codecs
        data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + data
    text, enc = decode_bytes(data)
    assert text == body and enc == "utf-16"


def test_cp1252_fallback_warns():
    data = b"Caf\xe9 said \x93no\x94 \x96 twice"  # cp1252 curly quotes and en dash
    with pytest.warns(EncodingWarning):
        text, enc = decode_bytes(data, "x.txt")
    assert text == "Café said “no” – twice" and enc == "cp1252"


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "empty file"),
        (b"   \n\t\r\n ", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"abc \x81\x8d\x8f\x90\x9d def \xff\xfe\x00", "binary"),
        (b"caf\xe9 \x81 not decodable", "undecodable"),
    ],
)
def test_bad_bytes_raise_clear_error(data, problem):
    with pytest.raises(FramingInputError) as info:
        decode_bytes(data, "bad.txt")
    assert "bad.txt" in str(info.value) and problem in str(info.value)


def test_missing_path_and_huge_file(tmp_path):
    with pytest.raises(FramingInputError, match="no such file"):
        load_corpus(tmp_path / "nope")
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 3000)
    with pytest.raises(FramingInputError, match="larger than"):
        read_text(big, max_bytes=10_000)


def test_line_endings_are_kept(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Headline here now\r\n\r\nBody line one.\rBody line two.\n")
    corpus = load_corpus(tmp_path)
    assert corpus.articles[0].text == "Headline here now\r\n\r\nBody line one.\rBody line two.\n"


def test_folder_batch_keeps_going(tmp_path):
    (tmp_path / "good.txt").write_text("A headline for a story\n\nThe body says something.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    (tmp_path / "README.md").write_text("# not an article", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [a.article_id for a in corpus] == ["good"]
    reasons = {e.article_id: e.reason for e in corpus.errors}
    assert set(reasons) == {"empty", "bin"}
    assert "empty" in reasons["empty"] and "binary" in reasons["bin"]


def test_manifest_missing_column(tmp_path):
    (tmp_path / "a.txt").write_text("Headline of it\n\nBody.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,published\na.txt,2021-01-21\n", encoding="utf-8")
    with pytest.raises(FramingInputError) as info:
        load_corpus(tmp_path)
    msg = str(info.value)
    assert "manifest.csv" in msg and "outlet" in msg and "found: file, published" in msg


def test_manifest_naming_missing_file(tmp_path):
    (tmp_path / "a.txt").write_text("Headline of it\n\nBody text.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "article_id,file,outlet\na,a.txt,Outlet A\nb,b.txt,Outlet B\n", encoding="utf-8"
    )
    corpus = load_corpus(tmp_path)
    assert [a.article_id for a in corpus] == ["a"]
    assert corpus.articles[0].outlet == "Outlet A"
    assert len(corpus.errors) == 1
    err = corpus.errors[0]
    assert err.article_id == "b" and err.source.endswith("b.txt") and "does not exist" in err.reason
