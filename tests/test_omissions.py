"""Tests for framing.omissions: topic presence, omissions and outlet similarity."""

import math

import pytest

from framing.actors import StoryText
from framing.omissions import COLUMNS, omissions, outlet_similarity, topic_presence

from conftest import seed_story as seed
from conftest import story




# A and B report the antitrust lawsuit; C names both companies but never mentions a lawsuit.
A = story("a", "A", ["Microsoft filed an antitrust lawsuit against Google on Monday.",
                     "The lawsuit seeks damages."])
B = story("b", "B", ["Google was sued by Microsoft in an antitrust lawsuit.",
                     "Microsoft wants damages."])
C = story("c", "C", ["Google said on Monday it would fight Microsoft in court."])


@pytest.fixture(scope="module")
def presence():
    return topic_presence([A, B, C])


def test_presence_table_shape_and_sentences(presence):
    assert list(presence.columns) == list(COLUMNS["topics"])
    lawsuit = presence[presence.topic == "antitrust lawsuit"]
    assert list(lawsuit.outlet) == ["A", "B", "C"]
    assert list(lawsuit.present) == [True, True, False]
    first_a = lawsuit[lawsuit.outlet == "A"].iloc[0]
    assert first_a.sentence == A.text[:len("Microsoft filed an antitrust lawsuit against Google on Monday.")]
    assert (first_a.start, first_a.end) == A.sentences[0]
    assert math.isnan(lawsuit[lawsuit.outlet == "C"].iloc[0].start)


def test_actors_present_everywhere_are_not_omitted(presence):
    ms = presence[presence.topic == "Microsoft"]
    assert list(ms.kind) == ["actor"] * 3 and ms.present.all()
    om = omissions(presence)
    assert "Microsoft" not in set(om.topic) and "Google" not in set(om.topic)


def test_omission_in_three_outlet_story(presence):
    om = omissions(presence)
    assert list(om.columns) == list(COLUMNS["omissions"])
    row = om[(om.outlet == "C") & (om.topic == "antitrust lawsuit")]
    assert len(row) == 1
    assert row.iloc[0].n_others_present == 2 and row.iloc[0].share_others_present == 1.0
    assert row.iloc[0].example_outlet == "A"
    # A and B mention everything the others do... except C's "court", which only 1 of 3 outlets has
    assert set(om.outlet) == {"C"}


def test_min_share_threshold():
    pres = topic_presence([A, B, C], min_share=0.9)  # topics must be in all 3 outlets
    assert "antitrust lawsuit" not in set(pres.topic)


def test_identical_texts_have_cosine_one_and_disjoint_zero():
    sim = outlet_similarity({"X": "judge denies injunction", "Y": "judge denies injunction", "Z": "weather sunny"})
    assert sim.loc["X", "Y"] == pytest.approx(1.0)
    assert sim.loc["X", "Z"] == pytest.approx(0.0)
    assert list(sim.index) == ["X", "Y", "Z"] and list(sim.columns) == ["X", "Y", "Z"]
    assert (sim.values == sim.values.T).all()


def test_bad_input():
    assert topic_presence([]).empty
    assert omissions(topic_presence([])).empty
    assert topic_presence([StoryText("e", "E", "", ())]).empty
    sim = outlet_similarity({"X": "", "Y": ""})
    assert sim.isna().all().all()
    assert outlet_similarity({}).empty


# --- seed facts (read by hand) -----------------------------------------------------------------

def test_seed_omissions():
    om = omissions(topic_presence([seed(p) for p in ("000", "001", "002", "003", "004")]))
    by_outlet = om.groupby("outlet").topic.apply(set)
    # Trump is named by 000, 001, 002 and 004, never by the Ars Technica translation (003)
    assert "Donald Trump" in by_outlet["003"]
    # the Capitol is mentioned by 000, 001, 003, 004 but not by The Epoch Times (002); the name may
    # come out as "Capitol Building" here, as this crude line filter keeps 000's photo caption
    assert any(t.startswith("Capitol") for t in by_outlet["002"])
    # the app-store removals: 001 ("app stores"), 002 ("online stores"), 004 ("the app stores");
    # UPI (000) and Ars Technica (003) leave them out
    for outlet in ("000", "003"):
        assert any(t.endswith("store") for t in by_outlet[outlet])
    for outlet in ("001", "002", "004"):
        assert not any(t.endswith("store") for t in by_outlet.get(outlet, set()))
