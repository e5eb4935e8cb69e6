"""arsec_operations: operation names and phases (ANNOTATION.md §1, §3).
Sentences written for the project; example-1 is the spec's worked example."""
from __future__ import annotations

import pytest

import arsec


@pytest.fixture(scope="module")
def nlp():
    nlp = arsec.blank()
    nlp.add_pipe("arsec_sentencizer")
    nlp.add_pipe("arsec_units")
    nlp.add_pipe("arsec_operations")
    return nlp


def ops(doc):
    return [(s.text, s._.operation["phase"]) for s in doc.spans["operations"]]


def test_example_1_operations_exactly(nlp, spec_example):
    gold = spec_example
    doc = nlp(gold["text"])
    got = [{"start": s.start_char, "end": s.end_char, "text": s.text, **s._.operation}
           for s in doc.spans["operations"]]
    assert got == gold["operations"]
    assert [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "OPERATION"] == [
        (e["start"], e["end"]) for e in gold["entities"] if e["label"] == "OPERATION"]


@pytest.mark.parametrize("text,expected", [
    ('انطلقت عمليات "أبطال العراق .. نصر السيادة" في الصحراء', [("أبطال العراق .. نصر السيادة", None)]),
    ("تواصلت عمليات أبطال العراق المرحلة الثانية في الأنبار", [("أبطال العراق", 2)]),
    ("بدأت عمليات أبطال العراق .. نصر السيادة بمرحلتها الخامسة", [("أبطال العراق .. نصر السيادة", 5)]),
    ('أعلنت القيادة المرحلة الثالثة من عمليات "فجر الصحراء"', [("فجر الصحراء", 3)]),
    ("ضمن المرحلة الرابعة من عمليات قادمون يا نينوى", [("قادمون يا نينوى", 4)]),
    ("عملية «غصن الزيتون» التركية", [("غصن الزيتون", None)]),
    ("مناورات “الرمح الذهبي” وتمرين ‘درع الجزيرة’", [("الرمح الذهبي", None), ("درع الجزيرة", None)]),
    ("حملة 'صولة الفرسان' في البصرة", [("صولة الفرسان", None)]),
    ("شاركت الوحدات في تمرين “نسر الجبل 3″ الأسبوع الماضي", [("نسر الجبل 3", None)]),
    ('نفذت القوات عملية عسكرية أطلق عليها اسم "ثأر الشهداء"', [("ثأر الشهداء", None)]),
    ("قاد التحالف عملية عاصفة الحزم ثم إعادة الأمل", [("عاصفة الحزم", None), ("إعادة الأمل", None)]),
    ("أطلقت تركيا عملية درع الفرات في سوريا", [("درع الفرات", None)]),
    ("بعد انتهاء نبع السلام شمالي سوريا", [("نبع السلام", None)]),
])
def test_operation_names(nlp, text, expected):
    assert ops(nlp(text)) == expected


@pytest.mark.parametrize("text", [
    "نفذت القوات الأمنية عملية عسكرية واسعة في القضاء",
    "قتل خمسة أشخاص في عملية انتحارية وسط المدينة",
    "تواصل العمليات العسكرية في المنطقة",
    "أحبطت الشرطة عملية تفجير سيارة مفخخة",
    "نفذت القوات عملية فجر اليوم في القرية",
    "شنت الشرطة حملة اعتقالات واسعة",
    "انطلقت معركة تحرير المدينة",
    "تعثرت عملية السلام بين الطرفين",
    'تبنى التنظيم العملية "الإرهابية"',
    'وعد بأن تأخذ العملية "الوقت الذي يلزم" كاملا',
    'أطلقت أنقرة عملية عسكرية "لمكافحة الإرهاب" شمالا',
    'شن الجيش عملية عسكرية "شاملة" في المنطقة',
    'أشار إلى تلك العملية"، مؤكدا "التزام الحكومة بالاتفاق"',
    'قتل قائد غرفة عمليات "النصر" في الغارة',
])
def test_generic_operation_words_are_not_names(nlp, text):
    assert ops(nlp(text)) == []


def test_name_is_normalised_but_letters_kept(nlp):
    doc = nlp('بدأت عملية "عاصفــة   الحَزم"')
    (span,) = doc.spans["operations"]
    assert span.text == "عاصفــة   الحَزم"
    assert span._.operation == {"name": "عاصفة الحزم", "phase": None}


def test_trigger_and_quotes_outside_and_offsets(nlp):
    text = 'وأعلن الجيش انطلاق عملية «نصر السيادة» وعملية "ثأر الشهداء".'
    doc = nlp(text)
    for s in doc.spans["operations"]:
        assert doc.text[s.start_char:s.end_char] == s.text
        assert s.text[0] not in '«"' and "عملية" not in s.text
    assert [e.label_ for e in doc.ents] == ["OPERATION", "OPERATION"]


def test_settings_are_config_visible():
    text = 'نفذت القوات عملية عسكرية أطلق عليها اسم "نسر الجبل"'
    default = arsec.blank()
    default.add_pipe("arsec_operations")
    doc = default(text)
    assert [s.text for s in doc.spans["operations"]] == ["نسر الجبل"]
    strict = arsec.blank()
    strict.add_pipe("arsec_operations", config={"max_bridge_words": 0})
    assert strict.get_pipe_config("arsec_operations")["max_bridge_words"] == 0
    doc = strict(text)
    assert list(doc.spans["operations"]) == []


@pytest.mark.parametrize("text, expected", [
    # one quoted word that does not look like an adjective is a name
    ('وتواصل القوات عملية "الصقيع" لليوم الثالث.', [("الصقيع", None)]),
    ('وقالت إن العملية "الإرهابية" أوقعت ضحايا.', []),
    # quotes around trigger and name
    ('وأعلنت الفصائل بدء «معركة تحرير البلدة» فجرا.', [("تحرير البلدة", None)]),
    # weak trigger: only with a typical name word
    ('وأطلقت جمعيات حملة "نقف معا" لمناهضة العنصرية.', []),
    ('وشنت القوات هجوما أطلق عليه اسم "عاصفة الوادي" أمس.', [("عاصفة الوادي", None)]),
    # title outside the name
    ('وأعلن الجيش انطلاق عملية الشهيد خالد المنصوري شرق المدينة.', [("خالد المنصوري", None)]),
    # number after an unquoted name, exercises
    ('وتشارك وحدات في تمرين درع الجزيرة المشترك 3 هذا الشهر.', [("درع الجزيرة المشترك 3", None)]),
    ('وتجري البحرية تدريبات حافة الهادئ كل عامين.', [("حافة الهادئ", None)]),
    # a common phrase from the known list needs a trigger
    ('وتعهد الوزير بأن يحمل العام الفجر الجديد للبلاد.', []),
    ('وأطلق الجيش عملية الفجر الجديد في الصباح.', [("الفجر الجديد", None)]),
    # hashtag: # outside
    ('وتداول ناشطون وسم #درع_الفرات بكثافة.', [("درع_الفرات", None)]),
    # quote glued to the trigger; names coordinated by «و»
    ('وبدأت عملية"الدرب الآمن" قرب الحدود.', [("الدرب الآمن", None)]),
    ('وتجري مناورات "النسر الأزرق" و"الموج العالي" كل عام.', [("النسر الأزرق", None), ("الموج العالي", None)]),
    # one unknown quoted word after the plural says what kind of operations
    ('ونفذت الشرطة عمليات «تفتيش» في الأحياء.', []),
    ('ونفذت الشرطة عمليات «مطاردة» في الأحياء.', []),
    # a quoted phrase with a negation is not a name
    ('وأكد أن "العملية لا تزال مستمرة" حتى الآن.', []),
])
def test_name_forms(nlp, text, expected):
    assert ops(nlp(text)) == expected


def test_operations_room_of_a_battle_is_not_marked(nlp):
    assert ops(nlp('وقالت غرفة عمليات معركة «لهيب المدينة» في بيان إنها تقدمت.')) == []
