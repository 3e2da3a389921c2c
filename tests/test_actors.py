"""Tests for framing.actors: alias merging, resolution, labels and actor tone."""

import math

import pytest

from framing.actors import (COLUMNS, StoryText, actor_labels, actor_mentions, actor_tone, find_actors, given_name_gender,
                            labels_by_outlet)

from conftest import seed_story as seed
from conftest import story





def mentions_of(df, actor):
    return df[df.actor == actor]


# --- alias merging ---------------------------------------------------------------------------

def test_acronym_and_head_word_merge_into_longest_name():
    d = story("a1", "X", ["Amazon Web Services suspended the service on Sunday.",
                          "AWS said the content broke its rules.",
                          "Amazon declined to comment further."])
    m = actor_mentions([d], min_outlets=1)
    names = m[m.kind == "name"]
    assert set(names.mention) >= {"Amazon Web Services", "AWS", "Amazon"}
    assert set(names[names.mention.isin(["AWS", "Amazon"])].actor) == {"Amazon Web Services"}


def test_surname_merge_across_outlets_gets_one_canonical_name():
    a = story("a1", "X", ["U.S. District Judge Barbara Jacobs Rothstein denied the motion on Thursday.",
                          "Rothstein wrote that the evidence was thin."])
    b = story("b1", "Y", ["Judge Barbara Rothstein ruled against the company.",
                          "Rothstein said the request failed."])
    m = actor_mentions([a, b])
    named = m[m.mention.str.contains("Rothstein")]
    assert len(named) == 4
    assert set(named.actor) == {"Barbara Jacobs Rothstein"}
    assert set(named.outlet) == {"X", "Y"}


def test_names_joined_by_ampersand_split_when_each_is_named_alone():
    # "FBI & DOJ" names two agencies (each is named alone too); "Procter & Gamble" is one company,
    # though "Procter" is named alone (Gamble is not).
    d = story("a1", "X", ["The FBI opened an inquiry on Monday, and the DOJ joined the inquiry.",
                          "Trump wrote that the FBI & DOJ were biased.",
                          "Procter & Gamble reported higher sales, Procter said."])
    m = actor_mentions([d], min_outlets=1)
    assert "FBI & DOJ" not in set(m.actor)
    assert list(m[m.actor == "FBI"].mention) == ["FBI", "FBI"]
    assert list(m[m.actor == "DOJ"].mention) == ["DOJ", "DOJ"]
    assert "Procter & Gamble" in set(m.actor)


def test_lower_case_entity_is_not_an_actor():
    # spaCy's small English model tags "conservation & healthy herds" in the first sentence as an ORG
    # (checked when this test was written); a name has at least one capital letter.
    d = story("a1", "X", ["The group supports conservation & healthy herds in Montana, the secretary said.",
                          "Ryan Zinke spoke in Montana."])
    names = {a.name for a in find_actors([d], min_outlets=1)[0].actors}
    assert "Ryan Zinke" in names
    assert not any(n.islower() for n in names)


def test_corporate_suffix_and_possessive_are_stripped():
    a = story("a1", "X", ["Twitter Inc. reported its results on Tuesday."])
    b = story("b1", "Y", ["Analysts praised Twitter's results on Tuesday."])
    actors = find_actors([a, b])[0].actors
    tw = [x for x in actors if x.name == "Twitter"]
    assert tw and tw[0].entity_type == "ORG" and tw[0].outlets == ("X", "Y")


# --- descriptions and pronouns ---------------------------------------------------------------

def test_the_judge_resolves_to_judge_named_earlier():
    d = story("a1", "X", ["U.S. District Judge Barbara Rothstein denied the request on Thursday.",
                          "The ruling was a setback for the plaintiffs.",
                          "The judge wrote that the evidence was slight."])
    m = actor_mentions([d], min_outlets=1)
    desc = m[m.kind == "description"]
    assert list(desc.mention) == ["The judge"]
    assert list(desc.actor) == ["Barbara Rothstein"]
    assert list(desc.sentence_index) == [2]


def test_pronoun_resolves_to_person_in_previous_sentence():
    d = story("a1", "X", ["Barbara Rothstein denied the request on Thursday.",
                          "She said the evidence was thin."])
    m = actor_mentions([d], min_outlets=1)
    she = m[m.mention == "She"]
    assert list(she.actor) == ["Barbara Rothstein"] and list(she.kind) == ["pronoun"]
    start = d.text.index("She")
    assert (she.start.iloc[0], she.end.iloc[0]) == (start, start + 3)


@pytest.mark.parametrize("sentences, pronoun, actor", [
    # the subject of the sentence before is the usual antecedent, but not of a pronoun of the other
    # gender by the given name (given_names.tsv)
    (["Donald Jones met Meredith Smith on Monday.", "She praised the plan."], "She", "Meredith Smith"),
    (["Karen White thanked Paul Green for the gift.", "He said it was nothing."], "He", "Paul Green"),
    # a name given to both (Chris) rules nobody out
    (["Chris Hale met Paul Green on Monday.", "She praised the plan."], "She", "Chris Hale"),
])
def test_a_pronoun_agrees_with_the_given_name(sentences, pronoun, actor):
    m = actor_mentions([story("a1", "X", sentences)], min_outlets=1)
    assert list(m[m.mention == pronoun].actor) == [actor]


def test_a_given_name_and_its_surname_make_a_person_whatever_the_recogniser_says():
    # the small English model tags a lone "Etheridge" as an organisation in most of these sentences;
    # "Bob Etheridge" ... "Etheridge" is still a person, so "He" can refer to him
    d = story("a1", "X", ["Bob Etheridge apologized on Monday.", "Etheridge said the plan was sound.",
                          "Etheridge's office declined to comment.", "A spokesman for Etheridge declined to comment.",
                          "He said he was sorry."])
    (sa,) = find_actors([d], min_outlets=1)
    assert [(a.name, a.entity_type) for a in sa.actors] == [("Bob Etheridge", "PERSON")]
    m = actor_mentions([d], min_outlets=1)
    assert list(m[m.mention == "He"].actor) == ["Bob Etheridge"]


def test_the_woman_is_not_a_man_named_before():
    m = actor_mentions([story("a1", "X", ["Bob Etheridge met a voter on Monday.", "The woman asked him about taxes."])],
                       min_outlets=1)
    assert "The woman" not in set(m.mention)


def test_given_name_gender():
    assert given_name_gender("Meredith Vieira") == "female"
    assert given_name_gender("Donald J. Trump") == "male"
    # one word is a surname, not a given name ("Warren" for Elizabeth Warren)
    assert given_name_gender("Warren") is None
    # names given to both, and names not listed, mark nothing
    assert given_name_gender("Chris Christie") is None
    assert given_name_gender("Xi Jinping") is None


def _descriptions(d):
    """Actor of each description mention ("the vice president") of one story."""
    m = actor_mentions([d], min_outlets=1)
    return m[m.kind == "description"].set_index("mention").actor


def test_the_vice_president_is_not_the_president():
    # "the vice president" names the office of the actor titled "Vice President", even though the
    # president was named more recently; "the president" never goes to the vice president.
    d = story("a1", "X", ["Vice President Mike Pence met President Donald Trump on Monday.",
                          "Trump spoke first.",
                          "The vice president said the talks went well.",
                          "The president left early."])
    desc = _descriptions(d)
    assert desc["The vice president"] == "Mike Pence"
    assert desc["The president"] == "Donald Trump"


def test_description_with_an_unmatched_rank_word_stays_unresolved():
    # Only Biden holds a "president" title here, and it is "Vice President": "the president" has no
    # actor to go to, and "the deputy director" is not the director.
    d = story("a1", "X", ["Vice President Joe Biden spoke on Monday.",
                          "The president did not attend.",
                          "FBI Director James Comey testified on Tuesday.",
                          "The deputy director was absent."])
    m = actor_mentions([d], min_outlets=1)
    assert not {"The president", "The deputy director"} & set(m.mention)


def test_compound_noun_prefers_the_actor_whose_title_holds_it():
    # "the U.S. attorney" is Fishman (titled "U.S. Attorney"), not the lawyer named after him; "the
    # Vermont senator" has no title with "Vermont", so any senator fits and Sanders is the one named.
    d = story("a1", "X", ["U.S. Attorney Paul Fishman announced the charges.",
                          "Mark Sheridan, an attorney for the campaign, declined to comment.",
                          "The U.S. attorney said more charges could follow.",
                          "Sen. Bernie Sanders criticised the plan.",
                          "The Vermont senator called it a disgrace."])
    desc = _descriptions(d)
    assert desc["The U.S. attorney"] == "Paul Fishman"
    assert desc["The Vermont senator"] == "Bernie Sanders"


def test_the_congressman_is_the_actor_titled_rep():
    d = story("a1", "X", ["Rep. Anthony Weiner spoke to reporters on Monday.",
                          "The congressman said he did not send the photo."])
    assert _descriptions(d)["The congressman"] == "Anthony Weiner"


def test_noun_before_a_name_is_not_a_description():
    # "the group MoveOn": the noun introduces a new name; it does not point back to the group named before.
    d = story("a1", "X", ["The Sierra Club is a large environmental group.",
                          "She spoke at an event hosted by the group MoveOn."])
    lb = actor_labels([d], min_outlets=1, main_only=False)
    m = actor_mentions([d], min_outlets=1)
    assert "the group" not in set(m.mention)
    assert not ((lb.actor == "Sierra Club") & (lb.kind == "description")).any()


def test_editorial_brackets_are_not_part_of_a_name():
    d = story("a1", "X", ["Perry vowed to end \"[President Barack] Obama's war on religion.\"",
                          "Barack Obama did not respond."])
    actors = {a.name for a in find_actors([d], min_outlets=1)[0].actors}
    assert "Barack Obama" in actors
    assert not any("[" in a or "]" in a for a in actors)


def test_expletive_it_is_not_a_mention():
    d = story("a1", "X", ["Microsoft reported record profits on Monday.",
                          "It is unclear whether the trend will last."])
    m = actor_mentions([d], min_outlets=1)
    assert "It" not in set(m.mention)


# --- labels ----------------------------------------------------------------------------------

def _labels(sentences):
    d = story("a1", "X", sentences)
    return actor_labels([d], min_outlets=1, main_only=False)


def test_appositive_label():
    lb = _labels(["U.S. District Judge Barbara Jacobs Rothstein, a Carter appointee, said the motion failed.",
                  "Rothstein denied it."])
    row = lb[lb.label == "a Carter appointee"]
    assert list(row.kind) == ["appositive"] and list(row.actor) == ["Barbara Jacobs Rothstein"]
    title = lb[lb.kind == "title"]
    assert "U.S. District Judge" in set(title.label)


def test_an_age_is_not_an_appositive_label():
    lb = _labels(["Nancy Pelosi, 76, who represents San Francisco, will lead the party.",
                  "Nancy Pelosi spoke first."])
    assert "76" not in set(lb.label)
    assert list(lb.label) == ["who represents San Francisco"]


def test_premodifier_label_with_offsets():
    sents = ["A judge denied the conservative-friendly social media app Parler's request to be reinstated.",
             "Parler had sued."]
    lb = _labels(sents)
    row = lb[lb.kind == "premodifier"]
    assert list(row.label) == ["conservative-friendly social media app"]
    start = sents[0].index("conservative")
    assert (row.start.iloc[0], row.end.iloc[0]) == (start, start + len("conservative-friendly social media app"))


def test_words_that_only_locate_or_misparse_are_not_premodifier_labels():
    # spaCy's small model reads "own", "116th", "leading", "texts" and "celebrated" as modifiers of the
    # name that follows (parses checked when this test was written); none of them is a label of that
    # actor, while participles after a determiner ("the retiring Hillary Clinton") are.
    lb = _labels(["He took aim at his own Justice Department on Monday.",
                  "It came hours after the 116th Congress was sworn in.",
                  "A Fox News poll released Wednesday shows Obama leading Romney, 49 percent to 44 percent.",
                  "The inspector general was troubled by texts Strzok sent that indicated bias.",
                  "Former FBI official Peter Strzok was fired.",
                  "Trump celebrated Strzok's firing on Twitter.",
                  "Democrats won control of the Republican-controlled Senate.",
                  "Obama replaced the retiring Hillary Clinton.",
                  # here "edging" is tagged as a noun, not a verb
                  "The latest national poll of likely voters showed Romney edging Obama, 46 percent to 45 percent.",
                  # an appositive headed by "one" is a label (a count is not: the scores above)
                  "Laura Ingraham, one of the few high-profile conservatives, spoke."])
    assert not {"own", "116th", "Obama leading", "texts", "celebrated", "Romney edging"} & set(lb.label)
    # nor is a poll score in apposition to a name
    assert not {"46 percent to 45 percent", "49 percent to 44 percent"} & set(lb.label)
    assert "one of the few high-profile conservatives" in set(lb.label)
    assert {"Former FBI official", "Republican-controlled", "retiring"} <= set(lb.label)


def test_a_predicate_counting_two_coordinated_names_is_no_label_of_either():
    # ... when it counts them ("the only two"); "X and Y are part of the team" describes each
    lb = _labels(["Newt Gingrich and Rick Santorum were the only two Republicans who agreed to attend.",
                  "Newt Gingrich is a former speaker.", "Rick Santorum spoke later.",
                  "Nancy Pelosi and Steny Hoyer are part of the Democratic leadership team.",
                  "Steny Hoyer spoke first, then Nancy Pelosi."])
    assert "the only two Republicans" not in set(lb.label)
    assert "a former speaker" in set(lb[lb.actor == "Newt Gingrich"].label)
    assert "part of the Democratic leadership team" in set(lb[lb.actor == "Nancy Pelosi"].label)


def test_a_noun_read_after_a_causative_verb_is_not_a_label():
    # "sought to have the court order Amazon Web Services (AWS) to continue": "order" is the verb
    # of what the court was to do (spaCy's small model parses it as a noun with the name in
    # apposition), so "court order" is no label of AWS; "its rival Twitter" after another verb is,
    # and so is a label after such a verb when no clause follows the name
    lb = _labels(["Parler sought to have the court order Amazon Web Services (AWS) to continue hosting it.",
                  "Parler attacked its rival Twitter.",
                  "Sanders' team has long accused her of helping now-presumptive nominee Clinton.",
                  "Hillary Clinton did not comment.",
                  "Amazon Web Services declined to comment, and Twitter did too."])
    assert "court order" not in set(lb.label)
    assert "rival" in set(lb[lb.actor == "Twitter"].label)
    # "help" with an object and no clause after it keeps its label
    assert "now-presumptive nominee" in set(lb[lb.actor == "Hillary Clinton"].label)


def test_relative_clause_label():
    lb = _labels(["Many conservatives favor Gab, which has claimed it had more than 12 million users.",
                  "Gab remains online."])
    row = lb[lb.kind == "relative_clause"]
    assert list(row.label) == ["which has claimed it had more than 12 million users"]
    assert list(row.actor) == ["Gab"]


def test_labels_pivot_joins_labels_per_outlet():
    a = story("a1", "X", ["Barbara Rothstein, a Carter appointee, ruled on Thursday."])
    b = story("b1", "Y", ["U.S. District Judge Barbara Rothstein ruled on Thursday."])
    table = labels_by_outlet(actor_labels([a, b]))
    assert table.loc["Barbara Rothstein", "X"] == "a Carter appointee"
    assert table.loc["Barbara Rothstein", "Y"] == "U.S. District Judge"


# --- tone ------------------------------------------------------------------------------------

def test_actor_tone_is_mean_vader_of_mentioning_sentences():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    s1, s2, s3 = "Microsoft made a terrible, awful mistake.", "Microsoft is a great company.", "Rain fell."
    a = story("a1", "X", [s1, s3, s2])
    b = story("b1", "Y", ["Microsoft announced a new laptop.", s3])
    c = story("c1", "Z", [s3])
    tone = actor_tone([a, b, c])
    assert list(tone.columns) == list(COLUMNS["actor_tone"])
    vader = SentimentIntensityAnalyzer()
    expected = (vader.polarity_scores(s1)["compound"] + vader.polarity_scores(s2)["compound"]) / 2
    row = tone[(tone.article_id == "a1") & (tone.actor == "Microsoft")].iloc[0]
    assert row.n_mentions == 2 and row.n_sentences == 2
    assert row.tone_mean == pytest.approx(expected)
    absent = tone[(tone.article_id == "c1") & (tone.actor == "Microsoft")].iloc[0]
    assert absent.n_mentions == 0 and math.isnan(absent.tone_mean)


# --- bad input -------------------------------------------------------------------------------

def test_bad_input_gives_empty_tables():
    docs = [StoryText("e", "X", "", ()), StoryText("f", "Y", None, ((5, 2), (0, 999))),
            StoryText("g", "Z", "Ceci n'est pas une pipe.", ((0, 24),))]
    tone = actor_tone(docs)  # no actor is named by two outlets here
    assert tone.empty and list(tone.columns) == list(COLUMNS["actor_tone"])
    assert list(actor_labels(docs).columns) == list(COLUMNS["actor_labels"])
    assert actor_mentions([]).empty
    assert labels_by_outlet(actor_labels([])).empty


def test_spans_are_clipped_to_text():
    d = StoryText("a", "X", "Short text.", ((0, 999), (7, 3), ("x", 2)))
    assert d.sentences == ((0, 11),)


# --- seed facts (read by hand) ---------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds():
    return [seed(p) for p in ("000", "001", "002", "003", "004")]


def test_seed_labels(seeds):
    lb = actor_labels(seeds)
    # 002: "U.S. District Judge Barbara Jacobs Rothstein, a Carter appointee, said ..."
    assert ((lb.outlet == "002") & (lb.actor == "Barbara Jacobs Rothstein") & (lb.label == "a Carter appointee")).any()
    # 000: "... denied the conservative-friendly social media app Parler's request ..."
    assert ((lb.outlet == "000") & (lb.actor == "Parler")
            & (lb.label == "conservative-friendly social media app") & (lb.kind == "premodifier")).any()
    # 002: "Parler, a social media website, had asked the court ..."
    assert ((lb.outlet == "002") & (lb.actor == "Parler") & (lb.label == "a social media website")).any()
    # 003: "Parler, who considers himself a conservative alternative to Twitter, had asked ..."
    assert ((lb.outlet == "003") & (lb.actor == "Parler") & (lb.kind == "relative_clause")
            & lb.label.str.startswith("who considers himself")).any()


def test_seed_actor_presence(seeds):
    tone = actor_tone(seeds)
    present = tone[tone.n_mentions > 0].groupby("actor").outlet.apply(set)
    # every seed names Twitter; Trump is named in all but the machine-translated Ars Technica (003)
    assert present["Twitter"] == {"000", "001", "002", "003", "004"}
    assert present["Donald Trump"] == {"000", "001", "002", "004"}
    for actor in ("Parler", "Amazon Web Services", "Barbara Jacobs Rothstein"):
        assert present[actor] == {"000", "001", "002", "003", "004"}


def test_seed_the_judge_in_003(seeds):
    m = actor_mentions(seeds)
    judge = m[(m.outlet == "003") & m.mention.str.lower().eq("the judge")]
    # 003: "Parler's statements are weak, the judge considers" and "..., the judge wrote."
    assert len(judge) == 2 and set(judge.actor) == {"Barbara Jacobs Rothstein"}


def test_from_document_reads_pipeline_like_objects():
    class Art:
        story_id = "st"

    class Doc:
        article_id, outlet, text, sentence_spans, article = "a", "X", "One. Two.", [(0, 4), (5, 9)], Art()

    d = StoryText.from_document(Doc())
    assert (d.article_id, d.outlet, d.sentences, d.story_id) == ("a", "X", ((0, 4), (5, 9)), "st")
    assert d.story_text == "One.\nTwo."


def test_title_with_of_phrase_and_possessive_appositive():
    lb = _labels(["Secretary of State Mike Pompeo travelled to Pyongyang on Tuesday.", "Pompeo met officials."])
    assert list(zip(lb.label, lb.kind)) == [("Secretary of State", "title")]
    lb = _labels(["The firm hired Jeffrey Wernick, Parler's chief operating officer, on Tuesday.",
                  "Wernick starts next week."])
    assert list(zip(lb.label, lb.kind)) == [("Parler's chief operating officer", "appositive")]


def test_cleft_that_clause_is_not_a_label():
    lb = _labels(["It was Microsoft, not Google, that broke the rules.", "Microsoft denied it."])
    assert lb.empty


def test_general_noun_and_pronoun_resolve_to_organisation():
    d = story("a1", "X", ["Microsoft Corp. said on Monday it would appeal.",
                          "The company said the ruling was wrong."])
    m = actor_mentions([d], min_outlets=1)
    assert list(zip(m.mention, m.kind, m.actor)) == [
        ("Microsoft Corp.", "name", "Microsoft"), ("it", "pronoun", "Microsoft"),
        ("The company", "description", "Microsoft")]


def test_speaker_actor_links_resolved_names_to_one_story_actor():
    import pandas as pd

    from framing.actors import speaker_actors

    mentions = pd.DataFrame(
        [("s1", "a1", actor, "name", actor) for actor in ("Barbara Jacobs Rothstein", "John Smith", "Jane Smith",
                                                          "Parler", "Amazon Web Services")]
        + [("s1", "a3", "Parler", "name", "Parler"), ("s2", "a2", "John Matze", "name", "John Matze"),
           ("s2", "a2", "Amazon Web Services", "name", "Amazon"),  # the resolution's alias, in story s2 only
           ("s1", "a1", "Parler", "pronoun", "it")],
        columns=["story_id", "article_id", "actor", "kind", "mention"],
    )
    quotes = pd.DataFrame(
        [
            ("a1", "Barbara Rothstein", "person"),  # the middle name left out: same person
            ("a3", "Rothstein", "person"),  # another article of the story
            ("a1", "a spokesperson", "anonymous"),  # anonymous: never an actor
            ("a2", "Rothstein", "person"),  # story s2 has no Rothstein
            ("a1", "Smith", "person"),  # John or Jane: not linked
            ("a1", "Parler's", "organisation"),
            ("a1", "Amazon", "organisation"),  # "Amazon Web Services" does not end in "Amazon"
            ("a1", None, "unknown"),
            ("a9", "Parler", "organisation"),  # an article without actors
            ("a2", "Amazon", "organisation"),  # named so in story s2: that actor
            ("a1", "it", "organisation"),  # a pronoun is not a name
        ],
        columns=["article_id", "speaker_canonical", "speaker_type"],
    )
    assert speaker_actors(quotes, mentions).tolist() == [
        "Barbara Jacobs Rothstein", "Barbara Jacobs Rothstein", "", "", "", "Parler", "", "", "",
        "Amazon Web Services", ""]
    assert speaker_actors(quotes.iloc[0:0], mentions).tolist() == []
    assert speaker_actors(quotes, mentions.iloc[0:0]).tolist() == [""] * len(quotes)


def _actors_of(docs, word):
    m = actor_mentions(docs)
    return m[m["mention"].str.contains(word)].groupby("article_id")["actor"].agg(lambda s: sorted(set(s))).to_dict()


def test_a_generational_suffix_one_outlet_drops_is_the_same_person():
    a = story("a", "X", ["Attorney General Eric H. Holder Jr. visited the city on Wednesday.",
                         "Mr. Holder met the family.", "Mr. Holder promised a fair inquiry."])
    b = story("b", "Y", ["Attorney General Eric Holder visited the city on Wednesday.",
                         "Holder met the family.", "Holder promised an inquiry."])
    assert _actors_of([a, b], "Holder") == {"a": ["Eric H. Holder Jr."], "b": ["Eric H. Holder Jr."]}


def test_a_name_that_differs_by_the_suffix_alone_is_the_father():
    a = story("a", "X", ["Donald Trump praised the hunters on Friday.", "Trump later reversed the decision."])
    b = story("b", "Y", ["Donald Trump Jr. has hunted elephants in Zimbabwe.", "Trump Jr. posted photos."])
    got = _actors_of([a, b], "Trump")
    assert got == {"a": ["Donald Trump"], "b": ["Donald Trump Jr."]}


def test_father_and_son_named_in_one_article_stay_two_people():
    a = story("a", "X", ["Jesse Jackson spoke at the church on Sunday.",
                         "His son, Jesse L. Jackson Jr., was sentenced in August."])
    b = story("b", "Y", ["Jesse L. Jackson Jr. left prison on Monday.", "Jackson Jr. thanked his family."])
    m = actor_mentions([a, b])
    assert {"Jesse Jackson", "Jesse L. Jackson Jr."} <= set(m.loc[m["article_id"] == "a", "actor"])


def test_a_party_description_refers_back_to_the_lawmaker_so_tagged():
    a = story("a", "X", ["Sen. John McCain, R-Ariz., criticized the chairman on Sunday.",
                         "The Arizona Republican said the chairman must go.", "Sen. Dick Durbin, D-Ill., disagreed."])
    b = story("b", "Y", ["John McCain attacked the chairman.", "McCain said the chairman must go."])
    m = actor_mentions([a, b])
    row = m[m["mention"] == "The Arizona Republican"]
    assert row[["actor", "kind"]].values.tolist() == [["John McCain", "description"]]
    labels = actor_labels([a, b])
    assert ("John McCain", "Arizona Republican", "description") in set(zip(labels["actor"], labels["label"], labels["kind"]))


def test_a_party_description_in_apposition_is_no_reference_back():
    # "the Republican leading the inquiry" says who the representative is; it is not McCain
    a = story("a", "X", ["Sen. John McCain, R-Ariz., criticized the chairman on Sunday.",
                         "A spokeswoman for Representative Jim Bonner of Ohio, the Republican leading the inquiry, did not respond."])
    b = story("b", "Y", ["John McCain attacked the chairman.", "McCain said the chairman must go."])
    m = actor_mentions([a, b])
    assert "the Republican" not in set(m["mention"])


def _surname_mentions(m, article_id):
    rows = m[(m["article_id"] == article_id) & (m["mention"] == "Clinton")]
    return rows["actor"].tolist()


def test_a_courtesy_title_picks_the_actor_of_its_gender():
    # "Clinton" alone joins Hillary Clinton, the most mentioned; "Mr. Clinton" is Bill Clinton
    a = story("a", "X", ["Hillary Clinton and Bill Clinton released their tax returns.", "Hillary Clinton spoke in Iowa.",
                         "Mrs. Clinton said she was proud.", "Mr. Clinton said the foundation would change."])
    b = story("b", "Y", ["Hillary Clinton released tax returns.", "Clinton spoke in Iowa."])
    assert _surname_mentions(actor_mentions([a, b]), "a") == ["Hillary Clinton", "Bill Clinton"]


def test_a_courtesy_title_prefers_a_name_of_its_gender_to_one_of_none():
    # "Clinton" joins Hillary Clinton, the most mentioned; "Jordan" marks no gender, "Tom" a man's:
    # "Mr. Clinton" is Tom Clinton, though Jordan Clinton is mentioned more often
    a = story("a", "X", ["Hillary Clinton met Jordan Clinton and Tom Clinton.", "Jordan Clinton spoke first.",
                         "Hillary Clinton spoke again.", "Mr. Clinton said the talks went well."])
    b = story("b", "Y", ["Hillary Clinton met Jordan Clinton.", "Hillary Clinton spoke in Iowa.", "Clinton left."])
    m = actor_mentions([a, b])
    assert m.loc[(m["article_id"] == "a") & (m["mention"] == "Clinton"), "actor"].tolist() == ["Tom Clinton"]


def test_a_courtesy_title_looks_for_the_surname_not_a_given_name():
    # "Clinton Smith" has Clinton as a given name: "Mr. Clinton" is not him
    a = story("a", "X", ["Hillary Clinton met Clinton Smith on Monday.", "Hillary Clinton spoke again.",
                         "Mr. Clinton said the talks went well."])
    b = story("b", "Y", ["Hillary Clinton met Clinton Smith.", "Hillary Clinton spoke in Iowa.", "Clinton left."])
    m = actor_mentions([a, b])
    assert m.loc[(m["article_id"] == "a") & (m["mention"] == "Clinton"), "actor"].tolist() == ["Hillary Clinton"]
