"""Line roles and boilerplate ratios on the seeds, decided by reading the files (seeds/README.md)."""

import bisect

import pytest

from framing.document import prepare
from framing.io import Article
from framing.segment import boilerplate_ratio, line_number, line_spans, line_starts, segment, split_lines

from conftest import seed_text

HEADLINES = {
    "000": "Judge rejects Parler's request to be reinstated on Amazon's servers",
    "001": "Parler stays offline after judge blocks attempt to reinstate it on Amazon",
    "002": "Judge Rejects Parler’s Request for Order Forcing Amazon to Keep Hosting Service",
    "004": "Parler loses bid to require Amazon to restore service",
}


def _doc(prefix):
    return prepare(Article(article_id=prefix, text=seed_text(prefix)))


def _roles(prefix):
    return {ln.line_no: (ln.role, ln.furniture_kind) for ln in _doc(prefix).lines}


@pytest.mark.parametrize("prefix, headline", sorted(HEADLINES.items()))
def test_seed_headlines(prefix, headline):
    doc = _doc(prefix)
    assert doc.headline == headline
    assert doc.headline_is_lede is False
    assert doc.text[doc.headline_start : doc.headline_end] == headline


def test_seed_003_has_no_headline_line_and_uses_its_lede():
    doc = _doc("003")
    assert doc.headline_is_lede is True
    assert doc.headline == (
        "A federal judge today rejected Parler’s motion for an injunction against Amazon Web Services (AWS), "
        "thwarting the social network’s attempt to quickly return to Amazon’s web hosting platform."
    )
    roles = _roles("003")
    assert roles[6] == ("subhead", "")  # "Amazon repeatedly warned Parler"
    assert roles[11] == ("subhead", "")  # "Parler’s statements are weak, the judge considers"
    assert roles[9] == ("body", "")  # "Amazon’s lawsuit said:" introduces a block quote
    assert all(r in ("body", "subhead") for r, _ in roles.values())


def test_seed_000_furniture():
    roles = _roles("000")
    assert roles[1] == ("headline", "")
    assert roles[3] == ("caption", "")  # photo caption with "Photo by ... | License Photo"
    for n in (14, 23, 29):  # "RELATED ..." links
        assert roles[n] == ("furniture", "related")
    assert roles[31] == ("furniture", "nav")  # "Latest Headlines"
    for n in (5, 7, 10, 12, 16, 19, 21, 25, 27):
        assert roles[n] == ("body", "")


def test_seed_001_furniture():
    roles = _roles("001")
    assert roles[1][0] == "dateline"  # "UPDATED 19:51 EST / JANUARY 21 2021"
    assert roles[3] == ("furniture", "section")  # "POLICY"
    assert roles[5] == ("headline", "")
    assert roles[27] == ("furniture", "credit")  # "Image: Parler"
    for n in range(29, 42, 2):  # the publisher's appeal for reader support, to the end
        assert roles[n] == ("furniture", "promo"), n
    for n in range(7, 26, 2):
        assert roles[n] == ("body", ""), n


def test_seed_002_furniture():
    roles = _roles("002")
    assert roles[1] == ("headline", "")
    assert roles[3] == ("furniture", "duplicate")
    assert roles[4] == ("caption", "")
    assert roles[5] == ("byline", "")  # "Zachary Stieber"
    assert roles[27][0] == "furniture"  # "Related Topics"
    assert roles[26] == ("body", "")


def test_seed_004_furniture():
    roles = _roles("004")
    assert roles[1] == ("furniture", "nav")  # "Skip to main content"
    assert roles[6] == ("headline", "")
    assert roles[8] == ("furniture", "duplicate")
    assert roles[10] == ("caption", "")
    assert roles[48] == ("furniture", "source")  # "Source: Reuters/nh"
    assert roles[51][0] == "furniture"  # "Also worth reading"
    assert roles[46] == ("body", "")


def test_boilerplate_ratio_002_by_hand():
    # Furniture by reading: line 3 (repeated headline, 79 chars), 4 (caption, 56), 5 (byline, 15),
    # 27 ("Related Topics", 14) = 164 of 2,664 stripped characters.
    assert _doc("002").segmentation.boilerplate_ratio == pytest.approx(164 / 2664)


def test_boilerplate_ratio_004_by_hand():
    # Furniture by reading: line 1 ("Skip to main content", 20), 8 (repeated headline, 53),
    # 10 (photo caption, 153), 48 ("Source: Reuters/nh", 18), 51 ("Also worth reading", 18)
    # = 262 of 3,446 stripped characters.
    assert _doc("004").segmentation.boilerplate_ratio == pytest.approx(262 / 3446)


def test_boilerplate_ratio_003_all_story():
    assert _doc("003").segmentation.boilerplate_ratio == 0.0


def test_split_lines_offsets_and_line_endings():
    text = "Title line here\r\n\r\n  Body one.\rBody two.\nlast"
    lines = split_lines(text)
    assert [(ln.line_no, ln.text) for ln in lines] == [
        (1, "Title line here"),
        (3, "  Body one."),
        (4, "Body two."),
        (5, "last"),
    ]
    for ln in lines:
        assert text[ln.start : ln.end] == ln.text


def test_line_starts_follow_split_lines():
    # a0 \r1 | b2 \r3 \n4 | c5 \n6 | \r7 | d8: lines start at 0, 2, 5, 7 and 8
    text = "a\rb\r\nc\n\rd"
    assert line_starts(text) == [0, 2, 5, 7, 8]
    text = "Title line here\r\n\r\n  Body one.\rBody two.\nlast"
    starts = line_starts(text)
    assert [bisect.bisect_right(starts, ln.start) for ln in split_lines(text)] == [1, 3, 4, 5]
    # line_number is that lookup: "Body two." starts at 31 (15 + 2 + 2 + 11 + 1 characters before
    # it) on line 4; the \r at 30 still ends line 3
    assert line_number(starts, 31) == 4 and line_number(starts, 30) == 3 and line_number(starts, 0) == 1
    # line_spans: the non-blank lines without their breaks, leading blanks kept
    assert line_spans(text) == [(0, 15), (19, 30), (31, 40), (41, 45)]


def test_boilerplate_ratio_definition_on_constructed_lines():
    seg = segment("A headline about things\n\nRELATED Another story\n\nThe body sentence is here and it is long enough.")
    # story: 23 + 48 chars; furniture: "RELATED Another story" = 21 chars
    assert boilerplate_ratio(seg.lines) == pytest.approx(21 / (23 + 21 + 48))


def test_given_headline_is_not_searched_in_text():
    art = Article(article_id="x", text="The body starts here with a sentence. Another one follows.", headline="Given Headline Here")
    doc = prepare(art)
    assert doc.headline == "Given Headline Here" and doc.headline_is_lede is False
    # the text is one line of two prose sentences: with the headline given, it is body, not headline
    assert [(ln.line_no, ln.role) for ln in doc.lines] == [(1, "body")]


def test_empty_and_furniture_only_text():
    assert segment("").lines == []
    doc = prepare(Article(article_id="f", text="Skip to main content\n\nRELATED A link\n\nLatest Headlines"))
    assert doc.segmentation.boilerplate_ratio == 1.0
    assert doc.headline == "" and doc.sentences == []


# --- headline search helpers (constructed inputs, values worked out by hand) ---------------

from framing.segment import HEADLINE_REACH, _best_by_overlap, _core_headline  # noqa: E402

_BODY = "The storm hit the town at night and flooded many streets near the coast."


def test_best_by_overlap_takes_highest_and_earliest_on_ties():
    overlap = [0.0, 0.0, 0.4, 0.0, 0.0, 0.8, 0.0, 0.8]
    # 5 and 7 share the top overlap 0.8: the earlier one wins
    assert _best_by_overlap([2, 5, 7], overlap) == 5
    assert _best_by_overlap([2], overlap) == 2


def test_core_headline_picks_title_shaped_free_line_sharing_words_with_core():
    strip = [
        "Home",  # one word: not title-shaped
        "World News Today Live",  # title-shaped, but shares nothing with the core (0.0 < 0.5)
        "Storm floods the coastal town overnight",  # title-shaped, overlap 0.75 >= 0.5
        "By Jane Doe",  # title-shaped, overlap 0.9, but a rule already decided it (byline)
        "LIVE SPORTS NEWS",  # overlap 1.0, but a section label
        _BODY,  # the core run starts here
    ]
    overlap = [0.0, 0.0, 0.75, 0.9, 1.0, 0.6]
    free = [True, True, True, False, True, True]
    assert _core_headline(strip, free, overlap, 5) == 2
    # with the core starting at line 2, only lines 0 and 1 are above it and neither qualifies
    assert _core_headline(strip, free, overlap, 2) is None
    # two qualifying lines with equal overlap: the earlier one
    assert _core_headline(strip, [True, True, True, True, True, True], [0, 0, 0.75, 0.75, 0, 0], 5) == 2


def test_core_headline_looks_only_within_reach_above_the_core():
    assert HEADLINE_REACH == 8
    strip = ["Storm floods the coastal town overnight"] + ["Menu"] * 8 + [_BODY]
    overlap = [0.75] + [0.0] * 8 + [0.6]
    free = [True] * 10
    # core at line 9: lines 1..8 are within reach, the title at line 0 is 9 lines up
    assert _core_headline(strip, free, overlap, 9) is None
    # core at line 8: lines 0..7 are within reach
    assert _core_headline(strip, free, overlap, 8) == 0


# --- data tables in the story (constructed pages, values worked out by hand) ---------------
from framing.segment import TABLE_MIN_LINES, _row_agreement  # noqa: E402

_INTRO = "The league published the final standings on Sunday, after the last race of the season at Homestead:"
_TABLE = [
    "Pos.", "Driver", "Points", "Wins",  # header row: no figures
    "1", "Kyle Busch", "5040", "5",
    "2", "Martin Truex", "5035", "7",
    "3", "Kevin Harvick", "5033", "4",
    "4", "Denny Hamlin", "5027", "6",
]
_AFTER = "Busch won his second title by five points, the closest finish the series has seen in a decade."


def test_row_agreement_by_hand():
    # four columns, figures in the 1st, 3rd and 4th: every line equals the line 4 further on
    assert _row_agreement([False, True, True, True] * 3) == 1.0
    # F T F T F T F: at row length 2, all 5 pairs agree
    assert _row_agreement([False, True] * 3 + [False]) == 1.0
    # T T F F T F (6 lines): k=2 pairs (0,2)(1,3)(2,4)(3,5) -> T/F, T/F, F/T, F/F: 1 of 4;
    # k=3 pairs (0,3)(1,4)(2,5) -> T/F, T/T, F/F: 2 of 3; k=4 needs 8 lines
    assert _row_agreement([True, True, False, False, True, False]) == pytest.approx(2 / 3)


def test_standings_table_led_into_by_a_colon_is_story_but_not_prose():
    assert len(_TABLE) >= TABLE_MIN_LINES
    text = "\n".join(["Busch takes the title", _INTRO, *_TABLE, _AFTER])
    doc = prepare(Article(article_id="t", text=text))
    roles = [ln.role for ln in doc.lines]
    assert roles[2:2 + len(_TABLE)] == ["table"] * len(_TABLE)
    assert all(ln.is_story for ln in doc.lines[2:2 + len(_TABLE)])
    # every line is story, so nothing is furniture
    assert doc.segmentation.boilerplate_ratio == 0.0
    # the cells are not sentences: the story sentences are the lead-in and the closing line
    assert [s.text for s in doc.sentences] == [_INTRO, _AFTER]
    assert "Kyle Busch" not in doc.story_text and "5040" not in doc.story_text


def test_table_ends_at_its_last_row_of_figures():
    text = "\n".join(["Busch takes the title", _INTRO, *_TABLE, "Share", "Comments", "Newsletter", _AFTER])
    seg = segment(text)
    roles = {ln.text: ln.role for ln in seg.lines}
    assert roles["6"] == "table"  # the last cell of the last row
    assert roles["Share"] != "table" and roles["Comments"] != "table"


def test_numbered_list_of_headlines_is_not_a_table():
    # "most read" sidebar: number, headline, number, headline ...; the text cells are headlines
    # (6-9 words each, mean above 4), not the names and labels of a table
    titles = [
        "Council votes to close the old bridge",
        "Schools brace for a week of snow",
        "Mayor names a new police chief today",
        "Local team wins its first cup final",
        "Prices at the pump rise again",
        "Hospital opens a new children's ward",
        "Storm knocks out power across the county",
        "Farmers market moves to the river park",
    ]
    sidebar = [x for k, t in enumerate(titles, 1) for x in (str(k), t)]
    text = "\n".join(["Busch takes the title", _INTRO.replace(":", "."), _AFTER, "The county's news, ranked:", *sidebar])
    seg = segment(text)
    assert "table" not in {ln.role for ln in seg.lines}


def test_table_shape_after_furniture_is_not_story():
    # the same grid after a sign-up appeal (a cue rule makes it furniture) is not led into by the story
    text = "\n".join(["Busch takes the title", _AFTER, "Sign up for our racing newsletter to get the results every week.",
                      *_TABLE])
    seg = segment(text)
    assert "table" not in {ln.role for ln in seg.lines}


# --- "About <name>" blurbs after the story (constructed pages) ------------------------------
_STORY = [
    "Council closes the old bridge",
    "The city council voted on Tuesday to close the old river bridge to all traffic from next month.",
    "Engineers told the council that the steel frame had corroded faster than expected since 2015.",
]


def test_about_the_writer_blurb_after_the_story_is_furniture():
    bio = "Jane Doe covers city hall for the Gazette and has written about local transport since 2010."
    seg = segment("\n".join([*_STORY, "About Jane Doe", bio]))
    roles = {ln.text: (ln.role, ln.furniture_kind) for ln in seg.lines}
    assert roles["About Jane Doe"] == ("furniture", "bio")
    assert roles[bio] == ("furniture", "bio")
    assert roles[_STORY[1]][0] == "body"


def test_about_a_topic_is_a_story_subhead_not_a_blurb():
    # "About the study" names no writer or company: the paragraph under it is story
    method = "The engineers inspected every girder of the bridge twice over the summer, the council said."
    seg = segment("\n".join([*_STORY, "About the study", method]))
    roles = {ln.text: ln.role for ln in seg.lines}
    assert roles[method] == "body"
    assert roles["About the study"] != "furniture"


def test_about_heading_before_the_story_starts_is_not_a_blurb():
    # a heading above the first prose line cannot close the story
    seg = segment("\n".join(["About Jane Doe", *_STORY[1:]]))
    assert "bio" not in {ln.furniture_kind for ln in seg.lines}


# --- captions told by their shape (constructed lines) ---------------------------------------
@pytest.mark.parametrize("caption", [
    # the wire-caption date: weekday, month, day and year
    "Teachers carry signs as they rally at the Statehouse in Indianapolis, Tuesday, Nov. 19, 2019.",
    # pointing at the picture
    "The mayor, pictured at the opening of the bridge in 2018, has promised a decision by spring.",
    "From left to right, the mayor, the chief engineer and the council leader stand on the bridge.",
    # a line opening with the picture that "shows" something
    "This satellite image from the county's survey shows the rusted girders under the old bridge.",
])
def test_caption_shaped_lines_are_captions(caption):
    seg = segment("\n".join([*_STORY, caption, _STORY[2].replace("Engineers", "Inspectors")]))
    assert {ln.text: ln.role for ln in seg.lines}[caption] == "caption"


@pytest.mark.parametrize("prose", [
    # a date with weekday and year inside a quotation is the speaker's, not a caption's
    "The order reads: “flags shall be flown at half-staff until sunset, Sunday, June 19, 2016.”",
    # "image by" and "photo by" followed by a lower-case word are prose, not a credit
    "Mr. Ryan tried to soften his image by recounting a time when the senator helped a family.",
    "The council was shown a photo by its own engineers of the rusted steel frame under the bridge.",
    # a picture that "shows" something, said inside a story sentence, is prose
    "Engineers said the picture shows how far the rust has spread along the girders of the bridge.",
    # an update stamp is a dateline, not a caption
    "Updated 12:24 am EST, Wednesday, November 20, 2019",
])
def test_prose_and_stamps_with_caption_words_are_not_captions(prose):
    seg = segment("\n".join([*_STORY, prose, _STORY[2].replace("Engineers", "Inspectors")]))
    assert {ln.text: ln.role for ln in seg.lines}[prose] != "caption"


# --- numbered lists in the story (constructed pages) ----------------------------------------
from framing.segment import _numbered_lists  # noqa: E402

_LIST = [
    "1) Lego Star Wars bomber", "http://example.com/a",
    "2) Electric racing track", "http://example.com/b",
    "3) Blade Runner box set", "http://example.com/c",
    "4) Ghostbusters steelbook", "http://example.com/d",
]


def test_numbered_lists_by_hand():
    lines = ["Here are the offers:", *_LIST, "Comments"]
    lead = [True] + [False] * (len(lines) - 1)
    # items at lines 1, 3, 5, 7 (two lines apart): the last item keeps its link line, so 1..9
    assert _numbered_lists(lines, lead) == [(1, 9)]
    # no lead-in: no list
    assert _numbered_lists(lines, [False] * len(lines)) == []
    # a gap in the numbering ends the list: "1) 2) 4)" has only two items
    gap = ["Here are the offers:", "1) one thing", "2) another", "4) a fourth"]
    assert _numbered_lists(gap, [True, False, False, False]) == []


def test_numbered_list_led_into_by_the_story_is_body():
    intro = "Black Friday is here again, and these are the deals for fans of the eighties on Amazon:"
    seg = segment("\n".join([*_STORY, intro, *_LIST, "Leave a comment"]))
    roles = {ln.text: ln.role for ln in seg.lines}
    assert [roles[x] for x in _LIST] == ["body"] * len(_LIST)
    assert roles["Leave a comment"] != "body"


# --- closing lines on the writer (constructed pages) ----------------------------------------
@pytest.mark.parametrize("closing", [
    "Jane Doe is a reporter for the Gazette.",
    "Jane Doe (jane@gazette.example) is the editor and publisher of the Gazette.",
    "Follow her on Twitter @janedoe for more from city hall.",
    "Have a tip? Jane Doe may be reached at jane@gazette.example.",
])
def test_closing_line_on_the_writer_is_furniture(closing):
    seg = segment("\n".join([*_STORY, closing]))
    assert {ln.text: (ln.role, ln.furniture_kind) for ln in seg.lines}[closing] == ("furniture", "bio")


def test_a_reporter_in_the_story_is_story():
    # the same shape inside the story, with story prose after it, is about a person in the news
    inside = "Jane Doe is a reporter for the Gazette who first wrote about the corroded girders in 2015."
    seg = segment("\n".join([*_STORY[:2], inside, _STORY[2]]))
    assert {ln.text: ln.role for ln in seg.lines}[inside] == "body"


# --- the support appeal at the end; section labels in scripts without case ------------------
def test_story_reporting_speech_after_a_one_line_promo_is_not_a_promo_block():
    story = [f"Paragraph {k} of the story tells what the council decided about the old bridge today." for k in range(6)]
    after = [
        "“Can we keep the footpath open?” a resident asked before the vote was taken.",
        "The mayor chimed in, noting that the request was “a fair one” and deserved an answer.",
    ]
    seg = segment("\n".join(["Council closes the old bridge", *story, "CLICK HERE TO GET THE GAZETTE APP", *after]))
    roles = {ln.text: (ln.role, ln.furniture_kind) for ln in seg.lines}
    assert roles["CLICK HERE TO GET THE GAZETTE APP"] == ("furniture", "promo")
    assert [roles[x][0] for x in after] == ["body", "body"]


def test_support_appeal_at_the_end_is_still_a_promo_block():
    # from the appeal's first line to the end, the appeal and its prose are one block of furniture
    story = [f"Paragraph {k} of the story tells what the council decided about the old bridge today." for k in range(6)]
    appeal = [
        "Support our local journalism",
        "Our reporters cover city hall every day, and that work depends on readers like you.",
        "Every contribution, however small, keeps the newsroom going for another week.",
    ]
    seg = segment("\n".join(["Council closes the old bridge", *story, *appeal]))
    roles = {ln.text: (ln.role, ln.furniture_kind) for ln in seg.lines}
    assert [roles[x] for x in appeal] == [("furniture", "promo")] * 3


@pytest.mark.parametrize("line, is_label", [
    ("ブログ", True),  # a menu item: short, no sentence end
    ("WORLD NEWS", True),  # upper case in a cased script
    ("これでようやく元の操作性を取り戻せました。", False),  # a short Japanese sentence
    ("特に困ったのが、起動ショートカットキーに関する設定。", False),
    ("World news", False),  # not all upper case
])
def test_section_labels_in_cased_and_uncased_scripts(line, is_label):
    from framing.segment import _is_section_label

    assert _is_section_label(line) is is_label


# --- tweets embedded in the story (constructed pages) ----------------------------------------
from framing.segment import TWEET_SIGNATURE  # noqa: E402

_BRIDGE = [
    "Council closes the old bridge",
    "The city council voted on Tuesday to close the old river bridge to all traffic from next month.",
    "Engineers told the council that the steel frame had corroded faster than expected since 2015.",
    "The vote drew sharp criticism from east side residents online.",
    "Drivers will be sent over the ring road, which the council says adds about ten minutes to a trip.",
    "A replacement bridge is planned, but the council has not yet found the money to build it.",
]
_FOOTER = ["Privacy Policy", "Terms of Use", "Contact Us", "© 2019 The Gazette"]
_TWEET = [
    "Closing the bridge is a disaster for the east side. We deserve better. pic.twitter.com/abc123",
    "— Rep. Jane Doe (@janedoe) November 19, 2019",
]


@pytest.mark.parametrize("line, name", [
    ("— Rep. Jane Doe (@janedoe) November 19, 2019", "Rep. Jane Doe"),
    ("- Bob Smith (@bob_smith) Nov. 3, 2019", "Bob Smith"),
    ("— Dianna E. Anderson 🏳️‍🌈 (@diannaeanderson) November 18, 2019", "Dianna E. Anderson 🏳️‍🌈"),
])
def test_tweet_signature_by_hand(line, name):
    assert TWEET_SIGNATURE.match(line).group("name") == name


@pytest.mark.parametrize("line", [
    "— The mayor, speaking on Tuesday",  # a dash credit without handle and date
    "Jane Doe (@janedoe) November 19, 2019",  # no dash
    "— Jane Doe (@janedoe)",  # no date
])
def test_not_a_tweet_signature(line):
    assert TWEET_SIGNATURE.match(line) is None


def test_tweet_embedded_in_the_story_is_story_text():
    seg = segment("\n".join([*_BRIDGE[:4], *_TWEET, *_BRIDGE[4:], *_FOOTER]))
    roles = {ln.text: ln.role for ln in seg.lines}
    assert [roles[x] for x in _TWEET] == ["body", "body"]


def test_tweet_signature_before_the_story_is_left_alone():
    # above the story's first paragraph (a "trending" box, say) it is not part of the story
    seg = segment("\n".join([*_TWEET, *_BRIDGE, *_FOOTER]))
    roles = {ln.text: ln.role for ln in seg.lines}
    assert roles[_TWEET[1]] != "body"
