"""The pipeline's own rules: step order, headline agent typed from the story, output permissions."""

import os
import stat

import pandas as pd
import pytest

import framing
from framing.io import Article
from framing.output import write_text_atomic

from conftest import SEEDS


@pytest.fixture(scope="module")
def seed_articles():
    return framing.analyze(SEEDS, compare_outlets=False).articles


def test_seed_headline_agents_and_types(seed_articles):
    # By reading the headlines: UPI and The Epoch Times make the judge the agent; SiliconANGLE and
    # Reuters make Parler (a company) the subject; 003's lede makes "A federal judge" the agent.
    rows = seed_articles.set_index("outlet")
    assert rows.loc["UPI", "headline_agent"] == "Judge"
    assert rows.loc["The Epoch Times", "headline_agent"] == "Judge"
    assert rows.loc["SiliconANGLE", "headline_agent"] == "Parler"
    assert rows.loc["Reuters (via CNA)", "headline_agent"] == "Parler"
    assert rows.loc["UPI", "headline_agent_type"] == "court/judge"
    assert rows.loc["SiliconANGLE", "headline_agent_type"] == "company"
    assert rows.loc["Reuters (via CNA)", "headline_agent_type"] == "company"
    assert rows.loc["Ars Technica (machine-translated)", "headline_is_lede"]
    assert rows.loc["Ars Technica (machine-translated)", "headline_agent_type"] == "court/judge"


def test_every_seed_is_identified_as_english(seed_articles):
    assert set(seed_articles["language"]) == {"en"}


def test_non_english_article_is_flagged_not_scored():
    spanish = (
        "El juez rechaza la petición de la empresa\n\n"
        "Un juez federal rechazó el jueves la solicitud de la empresa, al considerar que no había "
        "demostrado que ganaría el caso. La decisión es el último revés para la empresa, que lleva "
        "varios días sin servicio y que según sus abogados no tiene otra opción que apelar.\n"
    )
    english = 'Judge rejects bid\n\nA federal judge rejected the request. "We will appeal," a spokesman said.\n'
    # with an English article beside it the English-only columns exist, so the Spanish row's NaN is
    # checked, not the absence of the column
    rows = framing.analyze(
        [Article("es1", spanish, outlet="El Diario"), Article("en1", english, outlet="Wire")]
    ).articles.set_index("article_id")
    assert rows["language"].to_dict() == {"es1": "es", "en1": "en"}
    for col in ("sentiment_body_mean", "n_quotes"):
        assert pd.isna(rows.loc["es1", col]) and pd.notna(rows.loc["en1", col]), col


def test_outputs_are_not_private_files(tmp_path):
    old = os.umask(0o022)
    try:
        p = write_text_atomic(tmp_path / "a.csv", "x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(p.stat().st_mode) == 0o644


def test_leading_byte_order_mark_is_dropped_as_the_loaders_drop_it():
    body = "Judge rejects Parler's bid\n\nA federal judge on Thursday rejected the request, the court said.\n"
    plain = framing.analyze([Article("a", body, outlet="X")])
    marked = framing.analyze([Article("a", "\ufeff" + body, outlet="X")])
    for name in ("articles", "lines", "sentences"):
        pd.testing.assert_frame_equal(plain.tables[name], marked.tables[name])
    assert plain.tables["articles"].loc[0, "headline"] == "Judge rejects Parler's bid"


def test_article_without_outlet_is_its_own_outlet_in_every_comparison():
    # a and b have no outlet: every cross-outlet table names them by article_id, none pools them
    # into one nameless outlet (X has two articles, so the outlet profile is made)
    said = '"We will appeal the ruling," the company said.'
    texts = {
        "a": f"Judge rejects Parler bid\n\nA federal judge rejected Parler's request on Thursday. {said}\n",
        "b": f"Parler loses in court\n\nParler lost its request against Amazon in court. {said}\n",
        "c": f"Court denies Parler\n\nThe court denied the request by Parler to return online. {said}\n",
        "d": f"Parler to appeal\n\nParler said it would appeal after the judge rejected its request. {said}\n",
    }
    outlets = {"a": "", "b": "", "c": "X", "d": "X"}
    report = framing.analyze([Article(k, t, outlet=outlets[k], story_id="s") for k, t in texts.items()])
    assert set(report["outlet_similarity"]["outlet"]) == {"X", "a", "b"}
    assert set(report["terms"]["outlet"]) == {"X", "a", "b"}
    assert set(report["quote_families"]["outlet"]) == {"X", "a", "b"}
    assert set(report["topics"]["outlet"]) == {"X", "a", "b"}
    profile = report["outlet_profile"]
    assert set(profile["outlet"]) == {"X", "a", "b"}
    n = profile[profile.feature == "quoted_share"].set_index("outlet")["n"].to_dict()
    assert n == {"X": 2, "a": 1, "b": 1}
