"""arsec_sentencizer on news-shaped text written for these tests."""
import pytest

import arsec


@pytest.fixture(scope="module")
def nlp():
    nlp = arsec.blank()
    nlp.add_pipe("arsec_sentencizer")
    return nlp


def sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


def test_headline_without_stop_and_paragraphs(nlp):
    text = "الجيش يستعيد السيطرة على البلدة\nأعلن الجيش استعادة البلدة. وقال قائد العمليات إن المعارك انتهت.\n\nوأضاف أن القوات تتقدم"
    assert sents(nlp, text) == [
        "الجيش يستعيد السيطرة على البلدة",
        "أعلن الجيش استعادة البلدة.",
        "وقال قائد العمليات إن المعارك انتهت.",
        "وأضاف أن القوات تتقدم",
    ]


def test_arabic_marks_end_sentences_but_comma_does_not(nlp):
    text = "هل انتهت المعارك؟ نعم، انتهت؛ لكن الحذر واجب! والتحقيق مستمر.."
    assert sents(nlp, text) == ["هل انتهت المعارك؟", "نعم، انتهت؛", "لكن الحذر واجب!", "والتحقيق مستمر.."]


def test_closing_quote_stays_with_its_sentence(nlp):
    text = 'وقال الناطق: "تقدمت القوات." ثم غادر المؤتمر. وقالت الوزارة «انتهى الهجوم.» أمس.'
    assert sents(nlp, text) == ['وقال الناطق: "تقدمت القوات."', "ثم غادر المؤتمر.", "وقالت الوزارة «انتهى الهجوم.»", "أمس."]


def test_decimal_numbers_do_not_end_sentences(nlp):
    assert sents(nlp, "ارتفع العدد 3.5 بالمئة و٣٫٥ أخرى أمس.") == ["ارتفع العدد 3.5 بالمئة و٣٫٥ أخرى أمس."]


def test_every_token_is_in_exactly_one_sentence(nlp):
    text = "  \n\nعنوان\n\n\nنص. نص آخر!   "
    doc = nlp(text)
    covered = [t.i for s in doc.sents for t in s]
    assert covered == list(range(len(doc)))
    assert "".join(s.text_with_ws for s in doc.sents) == text


def test_newline_split_can_be_switched_off(nlp):
    nlp2 = arsec.blank()
    nlp2.add_pipe("arsec_sentencizer", config={"break_on_newline": False})
    assert len(list(nlp2("سطر أول\nسطر ثان").sents)) == 1
