"""Tests for framing.distinctive (Fightin' Words log-odds z-scores)."""

import math

import pandas as pd
import pytest

from framing.distinctive import COLUMNS, distinctive_terms, log_odds_z

# Toy table: outlet A "alpha alpha beta", outlet B "beta gamma".
# counts  alpha: A 2, B 0;  beta: A 1, B 1;  gamma: A 0, B 1;  n_A = 3, n_B = 2.
# Default informative prior = pooled counts: a_alpha 2, a_beta 2, a_gamma 1, a_0 = 5.
# By hand (Monroe et al. 2008):
#   alpha, A vs B: delta = log(4 / (3+5-2-2)) - log(2 / (2+5-0-2)) = 0 - log(0.4) = 0.9162907
#                  var = 1/4 + 1/2 = 0.75  ->  z = 0.9162907 / 0.8660254 = 1.0580414
#   gamma, A vs B: delta = log(1/7) - log(2/5) = -1.0296194; var = 1 + 1/2 -> z = -0.8406807
#   beta,  A vs B: delta = log(3/5) - log(3/4) = -0.2231436; var = 2/3 -> z = -0.2732939
TOY = {"A": "alpha alpha beta", "B": "beta gamma"}


def _row(df, outlet, term):
    sel = df[(df.outlet == outlet) & (df.term == term)]
    assert len(sel) == 1
    return sel.iloc[0]


def test_toy_values_match_hand_computation():
    df = distinctive_terms(TOY, ngram_range=(1, 1), stop_words=())
    a = _row(df, "A", "alpha")
    assert (a["count"], a["count_rest"]) == (2, 0)
    assert a["log_odds"] == pytest.approx(0.9162907, abs=1e-6)
    assert a["z"] == pytest.approx(1.0580414, abs=1e-6)
    assert _row(df, "A", "gamma")["z"] == pytest.approx(-0.8406807, abs=1e-6)
    assert _row(df, "A", "beta")["z"] == pytest.approx(-0.2732939, abs=1e-6)
    # B vs A is the mirror image for alpha
    assert _row(df, "B", "alpha")["log_odds"] == pytest.approx(-0.9162907, abs=1e-6)


def test_order_is_outlet_then_z_descending():
    df = distinctive_terms(TOY, ngram_range=(1, 1), stop_words=())
    assert list(df.columns) == list(COLUMNS["terms"])
    assert list(df[df.outlet == "A"].term) == ["alpha", "beta", "gamma"]
    assert list(dict.fromkeys(df.outlet)) == ["A", "B"]


def test_numeric_prior_scales_pooled_shares():
    # prior=10: a = pooled share * 10 -> alpha 4, beta 4, gamma 2, a_0 = 10
    # alpha, A: delta = log(6/7) - log(4/8) = 0.5389965; var = 1/6 + 1/4 -> z = 0.8350098
    df = distinctive_terms(TOY, ngram_range=(1, 1), stop_words=(), prior=10)
    assert _row(df, "A", "alpha")["z"] == pytest.approx(0.8350098, abs=1e-6)


def test_log_odds_z_function_directly():
    delta, z = log_odds_z([2, 1, 0], [0, 1, 1], [2, 2, 1])
    assert delta[0] == pytest.approx(-math.log(0.4))
    assert z[2] == pytest.approx(-0.8406807, abs=1e-6)


def test_stop_words_kept_out_of_unigrams_and_bigram_edges():
    texts = {"X": "The district judge ruled.", "Y": "The judge ruled."}
    terms = set(distinctive_terms(texts).term)
    assert "the" not in terms and "the judge" not in terms
    assert {"district judge", "judge", "judge ruled"} <= terms


def test_dataframe_input_joins_rows_per_outlet():
    df_in = pd.DataFrame({"outlet": ["A", "A", "B"], "story_text": ["alpha alpha", "beta", "beta gamma"]})
    a = distinctive_terms(df_in, ngram_range=(1, 1), stop_words=())
    b = distinctive_terms(TOY, ngram_range=(1, 1), stop_words=())
    assert _row(a, "A", "alpha")["z"] == pytest.approx(_row(b, "A", "alpha")["z"])


def test_three_outlets_each_against_the_rest():
    texts = {"A": "tax tax cut", "B": "cut wall", "C": "wall wall tax"}
    df = distinctive_terms(texts, ngram_range=(1, 1), stop_words=())
    t = _row(df, "C", "wall")
    assert (t["count"], t["count_rest"]) == (2, 1)  # rest = A + B pooled
    assert len(df) == 3 * 3


def test_bad_input_gives_empty_table():
    assert distinctive_terms({"A": "only one outlet"}).empty
    assert distinctive_terms({}).empty
    assert distinctive_terms({"A": "", "B": None}).empty
    assert list(distinctive_terms({"A": "", "B": ""}).columns) == list(COLUMNS["terms"])
