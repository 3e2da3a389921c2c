"""Language identification: function-word profiles and writing systems."""

import pytest

from framing.language import LANGUAGES, detect_language, guess_language, is_english

# One newsy sentence per language, written for these tests.
SENTENCES = {
    "en": "The judge said that the company had not shown it would win the case, and the appeal was rejected.",
    "es": "El juez dijo que la empresa no había demostrado que ganaría el caso, y la apelación fue rechazada.",
    "fr": "Le juge a dit que la société n'avait pas montré qu'elle gagnerait le procès, et l'appel a été rejeté.",
    "de": "Der Richter sagte, dass das Unternehmen nicht gezeigt habe, dass es den Fall gewinnen würde, und die Berufung wurde abgelehnt.",
    "it": "Il giudice ha detto che la società non aveva dimostrato che avrebbe vinto la causa, e il ricorso è stato respinto.",
    "pt": "O juiz disse que a empresa não tinha mostrado que ganharia o caso, e o recurso foi rejeitado pelo tribunal.",
    "nl": "De rechter zei dat het bedrijf niet had aangetoond dat het de zaak zou winnen, en het beroep werd afgewezen.",
    "ru": "Судья сказал, что компания не показала, что она выиграет дело, и апелляция была отклонена.",
    "zh": "法官表示，该公司没有证明其能够胜诉，上诉被驳回。",
    "ja": "裁判官は、同社が勝訴することを示さなかったと述べ、控訴は棄却された。",
    "ko": "판사는 회사가 소송에서 이길 것이라는 점을 보여주지 못했다고 말했고 항소는 기각되었다.",
    "ar": "قال القاضي إن الشركة لم تثبت أنها ستكسب القضية، وتم رفض الاستئناف.",
    "he": "השופט אמר שהחברה לא הראתה שהיא תנצח בתיק, והערעור נדחה.",
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_each_language(lang):
    assert detect_language(SENTENCES[lang]) == lang


def test_every_listed_language_is_tested():
    assert set(LANGUAGES) == set(SENTENCES)


@pytest.mark.parametrize("text", ["", "   \n", "12345 678 !!!", "Hello world", "https://example.com/a/b/c", None])
def test_too_little_to_tell(text):
    assert detect_language(text) == "und"


def test_unlisted_latin_language_is_und():
    # Finnish: none of the profiled languages' function words
    assert detect_language("Tuomari sanoi, että yhtiö ei ollut osoittanut voittavansa asian, ja valitus hylättiin.") == "und"


def test_furniture_urls_do_not_decide():
    text = SENTENCES["es"] + " https://www.example.com/the/and/of/to/in/is/that/for/it"
    assert detect_language(text) == "es"


def test_english_article_with_a_foreign_quote_is_english():
    text = (SENTENCES["en"] + " ") * 3 + '"C\'est la vie," he said.'
    assert detect_language(text) == "en"


def test_is_english():
    assert is_english(SENTENCES["en"])
    assert not is_english(SENTENCES["fr"])
    assert not is_english(SENTENCES["zh"])
    assert is_english("Judge rules") is True  # too short to tell: analysed as English by default
    assert is_english("Judge rules", default=False) is False


def test_guess_reports_evidence():
    g = guess_language(SENTENCES["en"])
    # function words of the English sentence, counted by hand: the, said, that, the, had, not,
    # it, would, the, and, the, was -> 12 of 19 words
    assert g.script == "latin" and g.n_words == 19
    assert g.share == pytest.approx(12 / 19)
