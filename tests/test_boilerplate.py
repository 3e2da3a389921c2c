"""Tests for framing.boilerplate: features and ratios on small pages worked out by hand."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from framing import boilerplate as bp

PAGE = [
    "The cat sat on the mat.",
    "",
    "Sign up for our newsletter",
    "HOME",
]


def feature(matrix: np.ndarray, row: int, name: str) -> float:
    return float(matrix[row, bp.FEATURE_NAMES.index(name)])


# --- boilerplate_ratio -----------------------------------------------------------------------


def test_ratio_counts_stripped_chars_of_non_story_lines():
    # story: "abcd" (4) and "123456" (6); furniture: "xy" (2 after stripping); blank: 0
    lines = ["abcd", "", "  xy  ", "123456"]
    assert bp.boilerplate_ratio(lines, [True, False, False, True]) == pytest.approx(2 / 12)


def test_ratio_all_story_is_zero_and_all_furniture_is_one():
    lines = ["one line", "another"]
    assert bp.boilerplate_ratio(lines, [True, True]) == 0.0
    assert bp.boilerplate_ratio(lines, [False, False]) == 1.0


def test_ratio_is_nan_without_characters():
    assert math.isnan(bp.boilerplate_ratio([], []))
    assert math.isnan(bp.boilerplate_ratio(["", "   "], [False, True]))


def test_ratio_rejects_mismatched_lengths():
    with pytest.raises(ValueError):
        bp.boilerplate_ratio(["a", "b"], [True])


# --- line_features ---------------------------------------------------------------------------


def test_feature_matrix_shape_and_blank_row():
    x = bp.line_features(PAGE)
    assert x.shape == (4, len(bp.FEATURE_NAMES))
    assert not x[1].any()  # the blank line gets a row of zeros


def test_length_and_stopword_features_by_hand():
    x = bp.line_features(PAGE)
    # "The cat sat on the mat." : 23 characters, 6 words, stop words the/on/the = 3 of 6
    assert feature(x, 0, "log_chars") == pytest.approx(math.log1p(23))
    assert feature(x, 0, "log_words") == pytest.approx(math.log1p(6))
    assert feature(x, 0, "stopword_density") == pytest.approx(0.5)
    assert feature(x, 0, "ends_sentence") == 1.0
    # one punctuation mark (".") in 23 characters; one upper-case letter ("T") of 17 letters
    assert feature(x, 0, "punctuation_ratio") == pytest.approx(1 / 23)
    assert feature(x, 0, "uppercase_ratio") == pytest.approx(1 / 17)
    # "Sign up for our newsletter": up/for/our are in the stop list, 3 of 5; no final stop
    assert feature(x, 2, "stopword_density") == pytest.approx(3 / 5)
    assert feature(x, 2, "ends_sentence") == 0.0


def test_cue_and_capitalisation_features():
    x = bp.line_features(PAGE)
    assert feature(x, 2, "cue_subscribe") == 1.0
    assert feature(x, 3, "cue_nav") == 1.0
    assert feature(x, 3, "all_caps") == 1.0
    assert feature(x, 0, "all_caps") == 0.0
    assert feature(x, 0, "any_cue") == 0.0


def test_position_and_neighbour_features_skip_blank_lines():
    x = bp.line_features(PAGE)
    # three non-empty lines: positions 0, 1/2, 1
    assert [feature(x, i, "relative_position") for i in (0, 2, 3)] == pytest.approx([0.0, 0.5, 1.0])
    # the line before "Sign up ..." is the cat sentence (the blank line is skipped)
    assert feature(x, 2, "prev1_exists") == 1.0
    assert feature(x, 2, "prev1_log_words") == pytest.approx(math.log1p(6))
    assert feature(x, 2, "prev2_exists") == 0.0
    assert feature(x, 3, "next1_exists") == 0.0


def test_duplicate_features():
    x = bp.line_features(["Same headline", "Body text here.", "same HEADLINE"])
    assert [feature(x, i, "duplicated") for i in range(3)] == [1.0, 0.0, 1.0]
    assert [feature(x, i, "repeats_earlier_line") for i in range(3)] == [0.0, 0.0, 1.0]


def test_dates_and_times():
    # 33 characters; "Jan. 21" (7 chars) is the date, "7:51 p.m." (9 chars) the time
    x = bp.line_features(["Posted Jan. 21, 2021 at 7:51 p.m.", "No numbers here"])
    assert feature(x, 0, "date_share") == pytest.approx(7 / 33)
    assert feature(x, 0, "time_share") == pytest.approx(9 / 33)
    assert feature(x, 1, "date_share") == 0.0
    assert feature(x, 1, "time_share") == 0.0


def test_window_mean_and_run_lengths_by_hand():
    x = np.array([1.0, 0.0, 0.0, 1.0])
    # k=1: [1,0]/2, [1,0,0]/3, [0,0,1]/3, [0,1]/2
    assert bp._window_mean(x, 1) == pytest.approx([0.5, 1 / 3, 1 / 3, 0.5])
    assert bp._run_lengths(np.array([True, True, False, True])).tolist() == [2, 2, 0, 1]


def test_max_subarray_by_hand():
    assert bp._max_subarray(np.array([-1.0, 2.0, 3.0, -10.0, 4.0])) == (1, 2)
    assert bp._max_subarray(np.array([-1.0, -2.0])) == (0, -1)


# --- model -----------------------------------------------------------------------------------


def test_model_json_is_small_parameters_only():
    with open(bp.MODEL_PATH, encoding="utf-8") as fh:
        raw = json.load(fh)
    assert raw["feature_names"] == list(bp.FEATURE_NAMES)
    for expert in ("cleaned", "raw"):
        assert len(raw[expert]["coef"]) == len(bp.FEATURE_NAMES)
    assert len(raw["page_type"]["coef"]) == len(bp.PAGE_TYPE_FEATURES)
    assert bp.MODEL_PATH.stat().st_size < 50_000


def test_page_type_features_by_hand():
    lines = ["word " * 20, "Home", "Sign up now", "x " * 16]
    index, texts = bp._nonempty(lines)
    chars = [len(t) for t in texts]
    page = dict(zip(bp.PAGE_TYPE_FEATURES, bp.page_type_features(bp.line_features(texts), np.array(chars, float))))
    # two of four lines have >= 15 words; they hold (99 + 31) of (99 + 4 + 11 + 31) characters
    assert page["long_line_share"] == pytest.approx(0.5)
    assert page["long_line_char_share"] == pytest.approx(130 / 145)
    assert page["log_lines"] == pytest.approx(math.log1p(4))
    # "Home" (nav) and "Sign up now" (subscribe) carry cues; both have fewer than 4 words
    assert page["cue_line_share"] == pytest.approx(0.5)
    assert page["very_short_line_share"] == pytest.approx(0.5)


def test_probabilities_in_unit_interval_and_zero_for_blank_lines():
    p = bp.story_probabilities(PAGE)
    assert p.shape == (4,)
    assert np.all((p >= 0) & (p <= 1))
    assert p[1] == 0.0


def test_prose_scores_above_navigation():
    prose = (
        "The city council voted on Tuesday to approve the new budget, which the mayor said "
        "would pay for more teachers and repairs to the roads that residents have complained about."
    )
    page = ["Skip to main content", "Home", "News", "Sports", prose, prose.replace("Tuesday", "Monday"),
            "Share this article", "Sign up for our newsletter"]
    p = bp.story_probabilities(page)
    assert min(p[4], p[5]) > max(p[0], p[1], p[6], p[7])
    assert bp.is_story_line(page)[4]


def test_empty_input():
    assert bp.story_probabilities([]).shape == (0,)
    assert bp.is_story_line([]).shape == (0,)
    assert bp.line_features([]).shape == (0, len(bp.FEATURE_NAMES))
    assert not bp.is_story_line(["", "  "]).any()


def test_odd_input_does_not_crash():
    lines = ["日本語のテキストです。", "12345", "\U0001f4a5", "x" * 20000, "Ünïcödé – “quoted”"]
    p = bp.story_probabilities(lines)
    assert p.shape == (5,) and np.all((p >= 0) & (p <= 1))


def test_deterministic():
    assert np.array_equal(bp.story_probabilities(PAGE), bp.story_probabilities(list(PAGE)))
    assert np.array_equal(bp.is_story_line(PAGE), bp.is_story_line(PAGE))


def test_is_story_line_returns_booleans():
    out = bp.is_story_line(PAGE)
    assert out.dtype == bool and out.shape == (4,)
    assert not out[1]


def test_story_lines_and_features_match_the_separate_calls():
    story, x = bp.story_lines_and_features(PAGE)
    assert np.array_equal(story, bp.is_story_line(PAGE))
    assert np.array_equal(x, bp.line_features(PAGE))
    assert not x[1].any()  # the blank line keeps a row of zeros


# --- smoothing -------------------------------------------------------------------------------


def test_smoothing_keeps_isolated_line_inside_story():
    log_odds = np.array([3.0, 3.0, -0.5, 3.0, 3.0])
    # no penalty: plain sign of the log-odds
    assert bp.smooth_labels(log_odds, switch_penalty=0.0).tolist() == [True, True, False, True, True]
    # two switches would cost 2 > 0.5 gained by dropping the line, so it stays story
    assert bp.smooth_labels(log_odds, switch_penalty=1.0).all()


def test_smoothing_does_not_override_strong_evidence():
    log_odds = np.array([3.0, 3.0, -5.0, 3.0, 3.0])
    # dropping the middle line gains 5 > 2 * 1.0 for the two switches
    assert bp.smooth_labels(log_odds, switch_penalty=1.0).tolist() == [True, True, False, True, True]


def test_columns_documented():
    assert "story_probability" in bp.COLUMNS["lines"]


def test_non_english_prose_still_scores_above_menu_lines():
    # Russian page: no English stop words anywhere, so length, punctuation and position carry it
    page = [
        "Главная",
        "Новости",
        "Суд отклонил иск компании к Amazon, заявив, что компания не представила достаточных "
        "доказательств своей позиции.",
        "По словам судьи, компания не смогла доказать, что Amazon нарушил условия договора, и "
        "отказала в предварительном запрете.",
        "Поделиться",
    ]
    p = bp.story_probabilities(page)
    assert min(p[2], p[3]) > max(p[0], p[1], p[4])


def test_segment_keeps_repeated_table_cells_out_of_duplicate_furniture():
    # A results table: the cells "1" and "Kyle Busch" recur, but a one- or two-word cell is not a
    # repeated headline or caption; the repeated 5-word line is (MIN_WORDS_DUPLICATE = 3).
    from framing.segment import segment

    text = "\n".join(
        ["Race results from the weekend at the track", "1", "Kyle Busch", "1", "Kyle Busch",
         "Race results from the weekend at the track"]
    )
    kinds = [ln.furniture_kind for ln in segment(text, use_model=False).lines]
    assert kinds[2] != "duplicate" and kinds[3] != "duplicate" and kinds[4] != "duplicate"
    assert kinds[5] == "duplicate"
