"""Sentence splitting of news prose."""

import pytest

from framing.sentences import split_sentences


def _texts(text):
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("U.S. District Judge Barbara Rothstein declined. The ruling was clear.",
         ["U.S. District Judge Barbara Rothstein declined.", "The ruling was clear."]),
        ("Parler went dark on Jan. 11 after the Jan. 6 riot.", ["Parler went dark on Jan. 11 after the Jan. 6 riot."]),
        ("Apple Inc. and Google LLC pulled the app.", ["Apple Inc. and Google LLC pulled the app."]),
        ("Facebook Inc. and Twitter Inc. But after the attack, Amazon acted.",
         ["Facebook Inc. and Twitter Inc.", "But after the attack, Amazon acted."]),
        ("Rep. Alexandria Ocasio-Cortez spoke.", ["Rep. Alexandria Ocasio-Cortez spoke."]),
        ("Senator Rand Paul (R-Ky.), along with a note. Then more.",
         ["Senator Rand Paul (R-Ky.), along with a note.", "Then more."]),
        ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
        ("John F. Kennedy spoke.", ["John F. Kennedy spoke."]),
        ('"It was bad," she said. "Very bad." Then she left.',
         ['"It was bad," she said.', '"Very bad."', "Then she left."]),
        ("“We made our concerns known,” a spokesperson said. “This is final.”",
         ["“We made our concerns known,” a spokesperson said.", "“This is final.”"]),
        ("Is it over? No. It is not!", ["Is it over?", "No.", "It is not!"]),
    ],
)
def test_tricky_splits(text, expected):
    assert _texts(text) == expected


def test_line_breaks_always_split_and_offsets_hold():
    text = "First line without stop\nSecond line. Third sentence.\r\n"
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["First line without stop", "Second line.", "Third sentence."]
    assert [s.line_no for s in sents] == [1, 2, 2]
    for s in sents:
        assert text[s.start : s.end] == s.text
    assert [s.index for s in sents] == [0, 1, 2]


def test_empty():
    assert split_sentences("") == []
    assert split_sentences("   \n  ") == []
