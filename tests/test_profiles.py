"""Outlet profiles: means, story-clustered bootstrap intervals, derived headline shares."""

import numpy as np
import pandas as pd
import pytest

from framing.profiles import outlet_profile, profile_features


def _table():
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(8)],
            "outlet": ["A", "A", "A", "A", "B", "B", "B", "B"],
            "story_id": ["s1", "s2", "s3", "s4", "s1", "s2", "s3", "s4"],
            "quoted_share": [0.1, 0.2, 0.3, 0.4, 0.5, 0.5, 0.5, 0.5],
            "n_anonymous_sources": [0, 1, np.nan, 2, 0, 0, 0, 0],
            "headline_agent_type": ["court/judge", "none", "company", "person", "none", "none", "court/judge", ""],
            "headline_voice": ["active", "active", "passive", "none", "passive", "passive", "active", "none"],
        }
    )


def test_means_counts_and_derived_shares():
    prof = outlet_profile(_table(), n_boot=200).set_index(["outlet", "feature"])
    # A's quoted_share: (0.1 + 0.2 + 0.3 + 0.4) / 4 = 0.25
    assert prof.loc[("A", "quoted_share"), "mean"] == pytest.approx(0.25)
    # A's anonymous sources: (0 + 1 + 2) / 3, the missing value left out
    assert prof.loc[("A", "n_anonymous_sources"), "mean"] == pytest.approx(1.0)
    assert prof.loc[("A", "n_anonymous_sources"), "n"] == 3
    # A names an agent in 3 of 4 headlines; B in 1 of 4 ("none" and empty count as no agent)
    assert prof.loc[("A", "headline_has_agent"), "mean"] == pytest.approx(0.75)
    assert prof.loc[("B", "headline_has_agent"), "mean"] == pytest.approx(0.25)
    # passive share among headlines with a main verb: A 1 of 3, B 2 of 3
    assert prof.loc[("A", "headline_passive"), "mean"] == pytest.approx(1 / 3)
    assert prof.loc[("B", "headline_passive"), "n"] == 3
    assert list(prof.reset_index().columns) == ["outlet", "feature", "mean", "ci_low", "ci_high", "n", "n_stories"]
    # default features: those present, in the documented order
    assert list(prof.loc["A"].index) == ["headline_has_agent", "headline_passive", "n_anonymous_sources", "quoted_share"]


def test_interval_brackets_mean_and_collapses_for_constants():
    prof = outlet_profile(_table(), ["quoted_share"], n_boot=500).set_index("outlet")
    a = prof.loc["A"]
    assert 0.1 <= a["ci_low"] <= a["mean"] <= a["ci_high"] <= 0.4
    b = prof.loc["B"]  # every B article has 0.5: every resample mean is 0.5
    assert (b["ci_low"], b["mean"], b["ci_high"]) == (0.5, 0.5, 0.5)


def test_one_story_has_no_interval():
    t = pd.DataFrame({"outlet": ["A", "A"], "story_id": ["s1", "s1"], "quoted_share": [0.2, 0.4]})
    row = outlet_profile(t, ["quoted_share"]).iloc[0]
    assert row["mean"] == pytest.approx(0.3) and row["n"] == 2 and row["n_stories"] == 1
    assert np.isnan(row["ci_low"]) and np.isnan(row["ci_high"])


def test_same_seed_same_result_and_outlets_independent():
    t = _table()
    one = outlet_profile(t, ["quoted_share"], seed=3)
    assert one.equals(outlet_profile(t, ["quoted_share"], seed=3))
    only_a = outlet_profile(t[t["outlet"] == "A"], ["quoted_share"], seed=3)
    pd.testing.assert_frame_equal(only_a, one[one["outlet"] == "A"].reset_index(drop=True))


def test_story_clusters_widen_the_interval():
    # 20 stories, 5 articles each, identical within a story: the real information is 20 values,
    # not 100; resampling articles would pretend otherwise.
    rng = np.random.default_rng(1)
    story_values = rng.normal(size=20)
    t = pd.DataFrame(
        {
            "outlet": "A",
            "story_id": np.repeat([f"s{i}" for i in range(20)], 5),
            "x": np.repeat(story_values, 5),
        }
    )
    clustered = outlet_profile(t, ["x"], n_boot=2000).iloc[0]
    iid = outlet_profile(t.drop(columns="story_id"), ["x"], n_boot=2000).iloc[0]
    width_c = clustered["ci_high"] - clustered["ci_low"]
    width_i = iid["ci_high"] - iid["ci_low"]
    # the standard error of a mean shrinks with sqrt(n): sqrt(100 / 20) ~ 2.24 times wider
    assert 1.8 < width_c / width_i < 2.7
    assert clustered["n"] == 100 and clustered["n_stories"] == 20 and iid["n_stories"] == 100


def test_matches_scipy_percentile_bootstrap():
    from scipy.stats import bootstrap

    x = np.random.default_rng(7).exponential(size=60)
    t = pd.DataFrame({"outlet": "A", "x": x})
    row = outlet_profile(t, ["x"], n_boot=4000, ci=0.9).iloc[0]
    ref = bootstrap((x,), np.mean, n_resamples=4000, method="percentile", confidence_level=0.9, random_state=0)
    se = x.std() / np.sqrt(len(x))
    assert row["ci_low"] == pytest.approx(ref.confidence_interval.low, abs=0.1 * se)
    assert row["ci_high"] == pytest.approx(ref.confidence_interval.high, abs=0.1 * se)


def test_boolean_text_columns_and_errors():
    t = pd.DataFrame({"outlet": ["A", "A", "A"], "flag": ["True", "False", "True"]})
    assert outlet_profile(t, ["flag"]).iloc[0]["mean"] == pytest.approx(2 / 3)
    with pytest.raises(KeyError, match="no column"):
        outlet_profile(t, ["nope"])
    with pytest.raises(ValueError):
        outlet_profile(t, ["flag"], ci=95)
    assert outlet_profile(t.iloc[:0], ["flag"]).empty


def test_profile_features_leaves_input_alone():
    t = _table()
    before = t.copy()
    out = profile_features(t)
    pd.testing.assert_frame_equal(t, before)
    assert list(out["headline_passive"].isna()) == [False, False, False, True, False, False, False, True]


def test_missing_headline_is_left_out_not_counted_as_no_agent():
    # a non-English article: its headline is not parsed, so its headline features are NaN
    t = pd.DataFrame({"article_id": ["en", "fr"], "outlet": ["B", "B"],
                      "headline_agent_type": ["court/judge", np.nan], "headline_voice": ["active", np.nan],
                      "quoted_share": [0.4, np.nan]})
    prof = outlet_profile(t, n_boot=50).set_index("feature")
    # only "en" has a headline: it names an agent (1 of 1) in the active voice (0 passive of 1)
    assert (prof.loc["headline_has_agent", "mean"], prof.loc["headline_has_agent", "n"]) == (1.0, 1)
    assert (prof.loc["headline_passive", "mean"], prof.loc["headline_passive", "n"]) == (0.0, 1)
    # an empty headline (parsed as agent "none", voice "none") is no headline either
    t = pd.DataFrame({"article_id": ["h1", "h2", "h3"], "outlet": ["A"] * 3,
                      "headline": ["Judge rejects bid", "  ", "Bid is rejected"],
                      "headline_agent_type": ["court/judge", "none", "none"],
                      "headline_voice": ["active", "none", "passive"]})
    prof = outlet_profile(t, n_boot=50).set_index("feature")
    # h1 names an agent, h3 does not: 1 of 2; h1 active, h3 passive: 1 of 2
    assert (prof.loc["headline_has_agent", "mean"], prof.loc["headline_has_agent", "n"]) == (0.5, 2)
    assert (prof.loc["headline_passive", "mean"], prof.loc["headline_passive", "n"]) == (0.5, 2)


def test_article_without_outlet_is_an_outlet_of_its_own():
    # as in every cross-outlet table: a and b have no outlet, so each stands for itself
    t = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "outlet": ["", "", "X", np.nan],
                      "quoted_share": [0.2, 0.4, 0.6, 0.8]})
    prof = outlet_profile(t, ["quoted_share"], n_boot=50).set_index("outlet")
    assert sorted(prof.index) == ["X", "a", "b", "d"]
    assert prof.loc["a", "mean"] == pytest.approx(0.2) and prof.loc["a", "n"] == 1
    assert prof.loc["b", "mean"] == pytest.approx(0.4) and prof.loc["b", "n"] == 1
    assert prof.loc["d", "mean"] == pytest.approx(0.8)


def test_headline_attributed_share_among_headlines_read():
    # 2 of the 3 headlines that were read name a source; the unread one (no voice: e.g. a
    # non-English article) and the one without a headline are left out
    table = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a4", "a5"],
        "outlet": ["A"] * 5,
        "headline": ["Reid: Mosque should move", "Budget balanced, mayor says", "Senate passes bill", "Titre", ""],
        "headline_source": ["Reid", "mayor", None, None, None],
        "headline_voice": ["passive", "active", "active", None, None],
    })
    prof = outlet_profile(table, ["headline_attributed"], n_boot=50).set_index("feature")
    assert (prof.loc["headline_attributed", "mean"], prof.loc["headline_attributed", "n"]) == (pytest.approx(2 / 3), 3)
