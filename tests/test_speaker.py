"""Speaker resolution (statements/speaker.py, statements/coref.py) on
sentences written for these tests; entities are placed by the test."""
import pytest

import arsec.statements  # noqa: F401  (registers the factory and the extension)


@pytest.fixture(scope="module")
def nlp():
    nlp = arsec.blank()
    nlp.add_pipe("arsec_sentencizer")
    nlp.add_pipe("arsec_statements")
    return nlp


def speakers(nlp, text, ents=()):
    """{cue text: speaker} for `text` with entities given as (surface, label)
    pairs (first occurrence after the previous one's start)."""
    doc = nlp.make_doc(text)
    spans, pos = [], 0
    for surface, label in ents:
        s = text.index(surface, pos)
        spans.append(doc.char_span(s, s + len(surface), label=label, alignment_mode="expand"))
        pos = s + len(surface)
    doc.ents = spans
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    out = {}
    for st in doc._.statements:
        sp = st["speaker"]
        out[text[st["cue"][0] : st["cue"][1]]] = None if sp is None else (sp["text"], sp["label"])
    return out


def test_fronted_subject_with_auxiliary(nlp):
    # «وكان X قد أعلن»: the subject sits before the verb behind «كان».
    text = "وقعت اشتباكات قرب البلدة. وكان جيش الشمال قد أعلن أن قواته تقدمت نحو التلال."
    got = speakers(nlp, text, [("جيش الشمال", "MIL_UNIT")])
    assert got["أعلن"] == ("جيش الشمال", "MIL_UNIT")


def test_relative_cue_takes_main_clause_subject(nlp):
    # «وأصدرت X بيانا قالت فيه»: the body that issued the statement, not the
    # speaker of the previous sentence.
    text = (
        "قال سمير الداودي إن الطريق مفتوح. "
        "وأصدرت وزارة الداخلية بيانا حول الحادث قالت فيه إن الوضع تحت السيطرة."
    )
    got = speakers(nlp, text, [("سمير الداودي", "PER"), ("وزارة الداخلية", "ORG")])
    assert got["قال"] == ("سمير الداودي", "PER")
    assert got["قالت"] == ("وزارة الداخلية", "ORG")


def test_participle_after_main_verb_takes_its_subject(nlp):
    text = (
        "قال سمير الداودي إن الطريق مفتوح. "
        "وأدانت منظمة الرصد الدولية القصف، مؤكدة أن الضحايا من المدنيين."
    )
    got = speakers(nlp, text, [("سمير الداودي", "PER"), ("منظمة الرصد الدولية", "ORG")])
    assert got["مؤكدة"] == ("منظمة الرصد الدولية", "ORG")


def test_continuation_still_inherits(nlp):
    text = "قال سمير الداودي إن الطريق مفتوح. وأضاف أن القوافل ستصل غدا."
    got = speakers(nlp, text, [("سمير الداودي", "PER")])
    assert got["أضاف"] == ("سمير الداودي", "PER")


def test_unnamed_fronted_subject_is_null(nlp):
    text = "قال سمير الداودي إن الطريق مفتوح. وكان مسؤول في مجلس المدينة قد صرح بأن المياه قطعت."
    got = speakers(nlp, text, [("سمير الداودي", "PER"), ("مجلس المدينة", "ORG")])
    assert got["صرح"] is None


def test_relative_pronoun_antecedent(nlp):
    text = "وتختلف الأرقام عن رواية لواء الجبل التي قالت إن القصف طال المدينة."
    got = speakers(nlp, text, [("لواء الجبل", "MIL_UNIT")])
    assert got["قالت"] == ("لواء الجبل", "MIL_UNIT")


def test_person_in_apposition_after_source(nlp):
    # The source reader may stop at the comma; the named person still wins.
    text = "وأعلن المتحدث باسم قوات الساحل، العميد ناصر الحلبي، أن الهجوم صُد."
    got = speakers(nlp, text, [("قوات الساحل", "MIL_UNIT"), ("ناصر الحلبي", "PER")])
    assert got["أعلن"] == ("ناصر الحلبي", "PER")


def test_person_right_after_source_without_comma_is_not_apposition(nlp):
    text = "وقالت شرطة الميناء إن كمال حداد اعتقل."
    got = speakers(nlp, text, [("شرطة الميناء", "MIL_UNIT"), ("كمال حداد", "PER")])
    assert got["قالت"] == ("شرطة الميناء", "MIL_UNIT")


def test_spokesperson_named_elsewhere(nlp):
    text = (
        "أعلن متحدث باسم قوات الساحل أن الهجوم صُد. "
        "وقال المتحدث باسم قوات الساحل العقيد ناصر الحلبي في مؤتمر صحفي إن الخسائر محدودة."
    )
    ents = [("قوات الساحل", "MIL_UNIT"), ("قوات الساحل", "MIL_UNIT"), ("ناصر الحلبي", "PER")]
    got = speakers(nlp, text, ents)
    assert got["أعلن"] == ("ناصر الحلبي", "PER")


def test_other_bodys_spokesperson_is_not_taken(nlp):
    text = (
        "أعلن متحدث باسم قوات الساحل أن الهجوم صُد. "
        "وقال المتحدث باسم وزارة المالية سامي العلي إن الميزانية أقرت."
    )
    ents = [("قوات الساحل", "MIL_UNIT"), ("وزارة المالية", "ORG"), ("سامي العلي", "PER")]
    got = speakers(nlp, text, ents)
    assert got["أعلن"] == ("قوات الساحل", "MIL_UNIT")


def test_spokeswoman_is_not_the_spokesman_named_elsewhere(nlp):
    text = (
        "وقال سامي العلي، المتحدث باسم الحكومة، إن الميزانية أقرت. "
        "وقالت متحدثة باسم وزارة المالية إن العجز تراجع."
    )
    ents = [("سامي العلي", "PER"), ("وزارة المالية", "ORG")]
    got = speakers(nlp, text, ents)
    assert got["قالت"] == ("وزارة المالية", "ORG")
