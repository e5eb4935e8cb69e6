"""Tests of the clitic-aware tokenizer. Sentences are written for these tests."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import spacy

import arsec

from arsec.normalize import normalize
from arsec.tokenizer import ArabicTokenizer, count_key, letter_cuts, Segmentation

CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "arsec.ArabicTokenizer.v1"}}}


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("ar", config=CONFIG)


def texts(doc) -> list[str]:
    return [t.text for t in doc if not t.is_space]


def split(nlp, word: str) -> list[str]:
    return texts(nlp(word))


@pytest.mark.parametrize(
    "word, pieces",
    [
        ("وقال", ["و", "قال"]),
        ("فقال", ["ف", "قال"]),
        ("بالحشد", ["ب", "الحشد"]),
        ("للشرطة", ["ل", "لشرطة"]),
        ("وللجيش", ["و", "ل", "لجيش"]),
        ("وسيعلن", ["و", "س", "يعلن"]),
        ("سيعلن", ["س", "يعلن"]),
        ("كتابهم", ["كتاب", "هم"]),
        ("ولكن", ["و", "لكن"]),
        ("وبالتالي", ["و", "ب", "التالي"]),
        ("حكومته", ["حكومت", "ه"]),
        ("عليه", ["علي", "ه"]),
        ("فيها", ["في", "ها"]),
        ("له", ["ل", "ه"]),
        ("لديهم", ["لدي", "هم"]),
        ("لأن", ["ل", "أن"]),
    ],
)
def test_clitics_are_split(nlp, word, pieces):
    assert split(nlp, word) == pieces


@pytest.mark.parametrize(
    "word",
    ["بين", "وزير", "ولاية", "لكن", "كان", "كانت", "بعد", "فيلم", "فقط", "كما", "في",
     "وليد", "بشار", "فادي", "واحد", "والد", "ولي", "بريطانيا", "لبنان", "كل", "الله", "وجه"],
)
def test_words_that_only_look_like_clitics_stay_whole(nlp, word):
    assert split(nlp, word) == [word]


def test_article_is_never_split(nlp):
    assert split(nlp, "الجيش") == ["الجيش"]
    assert split(nlp, "والجيش") == ["و", "الجيش"]


def test_norm_restores_article_after_lam(nlp):
    doc = nlp("قدم الدعم للشرطة الاتحادية وللقوات الأمنية")
    norms = {t.text: t.norm_ for t in doc}
    assert norms["لشرطة"] == "الشرطه"
    assert norms["لقوات"] == "القوات"
    # A host after ل that is not an article word keeps its own NORM.
    assert {t.text: t.norm_ for t in nlp("زار للبنان")}["لبنان"] == "لبنان"


def test_norm_is_normalize_elsewhere(nlp):
    doc = nlp("أعلنت الفرقةُ التاسعـة ٤٥")
    for token in doc:
        assert token.norm_ == normalize(token.text)


def test_diacritics_and_tatweel_stay_inside_pieces(nlp):
    assert split(nlp, "وَقَالَ") == ["وَ", "قَالَ"]
    assert split(nlp, "بالـجيـش") == ["ب", "الـجيـش"]
    assert letter_cuts("وَكتابُهم", Segmentation(1, 2)) == ["وَ", "كتابُ", "هم"]


def test_count_key_keeps_letters_apart():
    assert count_key("كتابه") != count_key("كتابة")
    assert count_key("وَإلى") == "وإلى"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قتل 3.5 و٣٫٥ و1,200 شخص", ["قتل", "3.5", "و", "٣٫٥", "و", "1,200", "شخص"]),
        ("عام 2017.", ["عام", "2017", "."]),
        ("في 2017م", ["في", "2017", "م"]),
        ("بنسبة 40% و٤٠٪", ["ب", "نسبة", "40", "%", "و", "٤٠", "٪"]),
        ("قال: «لن نتراجع»", ["قال", ":", "«", "لن", "نتراجع", "»"]),
        ('تنظيم "داعش"', ["تنظيم", '"', "داعش", '"']),
        ("(الفرقة 45)", ["(", "الفرقة", "45", ")"]),
        ("هل انتهت؟ نعم!", ["هل", "انتهت", "؟", "نعم", "!"]),
        ("أولا، ثانيا؛ ثالثا...", ["أولا", "،", "ثانيا", "؛", "ثالثا", "..."]),
        ("#الجيش_اليمني يتقدم", ["#", "الجيش_اليمني", "يتقدم"]),
        ("انظر https://example.org/a?b=1. ثم", ["انظر", "https://example.org/a?b=1", ".", "ثم"]),
        ("راسلونا press@example.org", ["راسلونا", "press@example.org"]),
        ("طائرة F16 أمريكية", ["طائرة", "F16", "أمريكية"]),
        ("2015-2017 – هجوم", ["2015", "-", "2017", "–", "هجوم"]),
    ],
)
def test_punctuation_numbers_and_symbols(nlp, text, expected):
    assert texts(nlp(text)) == expected


HOSTILE = [
    "",
    " ",
    "   \t\n  ",
    "\n\nقال\n\n",
    " وقال  المتحدث \t باسم\u00a0الجيش ",
    "\u200bوقال\u200c\u200d\u200e\u200f",
    "ـــ ـوقال وـ",
    "😀🇮🇶👍🏽 وقال👍",
    "Москва 東京 وقال Paris",
    "ًٌٍَُِّْ",
    "وَوَوَ ببب للل ههه",
    "a_b_ #_ _ب_ ##",
    "٣٫٥٫٦ 1..2 ... …",
    "\r\n\x00\x1f",
    "لل ل و ب ك س ف",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_round_trip_on_hostile_inputs(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    assert all(t.text for t in doc)


def test_text_round_trip_on_generated_strings(nlp):
    import random

    rng = random.Random(13)
    alphabet = list("وفبلكسالشرطةهمنايكـَُِّ ،؛؟«»\"'()[]-–—/.:!%#_@٣٫5 \t\n\u200b\u200c😀xY")
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert nlp(text).text == text


def test_settings_show_in_config_and_serialise(tmp_path):
    config = {"nlp": {"tokenizer": {"@tokenizers": "arsec.ArabicTokenizer.v1", "split_enclitics": False}}}
    nlp = spacy.blank("ar", config=config)
    assert nlp.config["nlp"]["tokenizer"]["split_enclitics"] is False
    assert split(nlp, "كتابهم") == ["كتابهم"]
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert isinstance(loaded.tokenizer, ArabicTokenizer)
    assert loaded.tokenizer.split_enclitics is False
    assert split(loaded, "وللجيش") == ["و", "ل", "لجيش"]
    assert {t.text: t.norm_ for t in loaded("للشرطة")}["لشرطة"] == "الشرطه"


def test_to_bytes_round_trip(nlp):
    data = nlp.to_bytes()
    other = spacy.blank("ar", config=CONFIG).from_bytes(data)
    sentence = "وقال المتحدث باسم الشرطة إن للجيش دورا"
    assert texts(other(sentence)) == texts(nlp(sentence))


DATA = Path(os.environ.get("ARSEC_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


@pytest.mark.skipif(not (DATA / "ud/UD_Arabic-PUD").exists(), reason=f"shared data not found at {DATA}")
def test_pud_span_f1_does_not_regress():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from tokenizer_accuracy import read_pud, span_f1

    docs = read_pud(DATA / "ud/UD_Arabic-PUD/ar_pud-ud-test.conllu")
    nlp = spacy.blank("ar", config=CONFIG)
    assert span_f1(nlp.make_doc, docs)["f1"] >= 0.97


def test_norm_is_never_empty():
    # A token of tatweel or diacritics alone normalises to nothing; its NORM
    # falls back to the text so that vector tables can still embed it.
    nlp = arsec.blank()
    for text in ["ـــ", "\u064e\u064f", "قال ـــ \u0651 الناطق"]:
        assert all(token.norm_ for token in nlp(text))


# Rare words (invented names, never in the counts) glued to a proclitic.
@pytest.mark.parametrize(
    "word, pieces",
    [
        ("وقرزميط", ["و", "قرزميط"]),            # و + unseen name
        ("ووقرزميط", ["و", "وقرزميط"]),          # و + unseen name starting with و
        ("والقرزميطة", ["و", "القرزميطة"]),      # و + article + unseen name
        ("بالقرزميطة", ["ب", "القرزميطة"]),
        ("للقرزميطة", ["ل", "لقرزميطة"]),
    ],
)
def test_rare_names_after_proclitics_are_split(nlp, word, pieces):
    assert split(nlp, word) == pieces


@pytest.mark.parametrize(
    "word",
    [
        "وطنياتيهم",   # begins with «وطن», seen as «الوطن»: an inflected و-stem
        "بوقرزميط",    # «بو» begins Maghrebi names
    ],
)
def test_rare_words_with_stem_evidence_stay_whole(nlp, word):
    assert split(nlp, word) == [word]


def test_short_hosts_in_names_and_spelled_letters(nlp):
    doc = nlp("قصفت المدفعية مواقع قرب وتل أبيض حسب ما نقلت لبي بي سي")
    assert texts(doc)[4:7] == ["و", "تل", "أبيض"]
    assert texts(doc)[-4:] == ["ل", "بي", "بي", "سي"]
