"""arsec_units: unit mentions, nesting and structure (ANNOTATION.md §1, §2, §6).
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


def units(doc):
    return [(s.text, s._.unit) for s in doc.spans["units"]]


def unit_texts(doc):
    return [s.text for s in doc.spans["units"]]


def mil_ents(doc):
    return [e.text for e in doc.ents if e.label_ == "MIL_UNIT"]


def test_example_1_units_exactly(nlp, spec_example):
    gold = spec_example
    doc = nlp(gold["text"])
    got = [
        {"start": s.start_char, "end": s.end_char, "text": s.text,
         **{k: s._.unit[k] for k in ("echelon", "number", "specialty", "parent")}}
        for s in doc.spans["units"]
    ]
    assert got == gold["units"]
    gold_units = [(e["start"], e["end"]) for e in gold["entities"] if e["label"] == "MIL_UNIT"]
    assert [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "MIL_UNIT"] == gold_units


def test_outer_and_inner_unit_with_lam_parent(nlp):
    doc = nlp("وصلت قطعات اللواء الأول لفرقة الرد السريع إلى المدينة.")
    assert mil_ents(doc) == ["اللواء الأول لفرقة الرد السريع"]
    (outer, o), (inner, i) = units(doc)
    assert o["echelon"] == "brigade" and o["number"] == 1 and o["parent"] == "فرقة الرد السريع"
    assert inner == "فرقة الرد السريع"
    assert i == {"echelon": "division", "number": None, "specialty": "rapid_response",
                 "parent": None, "canonical": "فرقه الرد السريع"}


def test_lam_lam_parent_restores_article(nlp):
    doc = nlp("انتشرت الفرقة الخامسة للشرطة الاتحادية في الحي.")
    outer, inner = doc.spans["units"]
    assert outer.text == "الفرقة الخامسة للشرطة الاتحادية"
    assert outer._.unit["parent"] == "الشرطة الاتحادية"
    assert inner.text == "لشرطة الاتحادية"  # the span starts at the second ل
    assert inner._.unit["canonical"] == "الشرطه الاتحاديه"
    assert inner._.unit["specialty"] == "federal_police"


@pytest.mark.parametrize("text,parent", [
    ("قاتل اللواء الخامس بالجيش اليمني في الجبهة", "الجيش اليمني"),
    ("تقدم اللواء 20 من الفرقة السابعة نحو القرية", "الفرقة السابعة"),
    ("تمركز الفوج الثاني في الفرقة التاسعة قرب النهر", "الفرقة التاسعة"),
    ("وصل الفوج الثالث للواء 57 إلى الموقع", "اللواء 57"),
])
def test_parents_through_b_fi_min_lam(nlp, text, parent):
    doc = nlp(text)
    outer = doc.spans["units"][0]
    assert outer._.unit["parent"] == parent
    assert len(mil_ents(doc)) == 1


def test_parent_after_tabi_stays_outside(nlp):
    doc = nlp("هاجم اللواء الخامس التابع للفرقة الأولى مواقع التنظيم.")
    assert unit_texts(doc) == ["اللواء الخامس", "لفرقة الأولى"]
    assert doc.spans["units"][0]._.unit["parent"] == "الفرقة الأولى"
    assert doc.spans["units"][1]._.unit["number"] == 1


def test_ranks_are_not_units(nlp):
    doc = nlp("قال اللواء الركن فاضل الربيعي والعميد يحيى رسول واللواء سعد معن إن الهجوم فشل.")
    assert unit_texts(doc) == []
    assert mil_ents(doc) == []


def test_bare_army_and_forces_are_not_units(nlp):
    doc = nlp("قال الجيش إن القوات والقوات الأمنية والقوة الجوية وقوات التحالف تقدمت.")
    assert unit_texts(doc) == []


@pytest.mark.parametrize("text,number", [
    ("الفرقة الأولى", 1), ("اللواء الأول", 1), ("الكتيبة الثانية", 2), ("الفوج الثاني", 2),
    ("السرية الثالثة", 3), ("الفيلق الرابع", 4), ("الفرقة الخامسة", 5), ("اللواء السادس", 6),
    ("الكتيبة السابعة", 7), ("الفوج الثامن", 8), ("الفرقة التاسعة", 9), ("اللواء العاشر", 10),
    ("الفوج الحادي عشر", 11), ("الكتيبة الحادية عشرة", 11), ("اللواء الثاني عشر", 12),
    ("الفرقة الثانية عشرة", 12), ("الفرقة الخامسة عشرة", 15), ("اللواء العشرين", 20),
    ("اللواء الحادي والعشرين", 21), ("السرية الحادية والعشرين", 21),
    ("اللواء الرابع والأربعين", 44), ("الفرقة الثالثة والثلاثين", 33), ("اللواء التاسع والتسعين", 99),
    ("اللواء 57", 57), ("اللواء ٥٧", 57), ("الفرقة ١٦", 16), ("اللواء رقم 8", 8),
])
def test_ordinals_and_digits(nlp, text, number):
    doc = nlp(f"وصل {text} إلى المنطقة")
    assert unit_texts(doc) == [text]
    assert doc.spans["units"][0]._.unit["number"] == number


@pytest.mark.parametrize("text,echelon,specialty", [
    ("الفرقة المدرعة التاسعة", "division", "armoured"),
    ("اللواء الآلي الثالث", "brigade", "mechanised"),
    ("لواء المشاة الآلية", "brigade", "mechanised_infantry"),
    ("لواء القوات الخاصة", "brigade", "special_forces"),
    ("فوج المغاوير", "regiment", "commando"),
    ("كتيبة الصاعقة", "battalion", "commando"),
    ("فرقة مكافحة الإرهاب", "division", "counter_terrorism"),
    ("اللواء 35 مدرع", "brigade", "armoured"),
    ("فوج سوات", "regiment", "swat"),
])
def test_specialties(nlp, text, echelon, specialty):
    doc = nlp(f"شارك {text} في الهجوم")
    assert unit_texts(doc) == [text]
    info = doc.spans["units"][0]._.unit
    assert (info["echelon"], info["specialty"]) == (echelon, specialty)


@pytest.mark.parametrize("text,echelon,specialty", [
    ("الحشد الشعبي", "force", None),
    ("البيشمركة", "force", None),
    ("قوات البيشمركة الكردية", "force", None),
    ("جهاز مكافحة الإرهاب", "agency", "counter_terrorism"),
    ("الشرطة الاتحادية", "force", "federal_police"),
    ("التحالف الدولي", "force", None),
    ("قيادة العمليات المشتركة", "command", None),
    ("الحرس الثوري الإيراني", "force", None),
    ("الجيش الوطني الليبي", "force", None),
    ("قوات النخبة الحضرمية", "force", "elite"),
    ("الحزام الأمني", "force", None),
    ("الجيش السوري", "force", None),
    ("القوات المسلحة المصرية", "force", None),
    ("القوات الحكومية السورية", "force", None),
    ("القوة الجوية العراقية", "service", "air"),
    ("طيران الجيش العراقي", "service", "army_aviation"),
    ("قيادة عمليات صلاح الدين", "command", None),
    ("قيادة شرطة محافظة البصرة", "command", "police"),
    ("مديرية شرطة كركوك", "other", "police"),
    ("الجيش الثاني الميداني", "army_group", None),
    ("المنطقة العسكرية الرابعة", "command", None),
])
def test_known_forces_and_named_commands(nlp, text, echelon, specialty):
    doc = nlp(f"أعلن {text}، اليوم، مقتل مسلحين")
    assert unit_texts(doc) == [text]
    info = doc.spans["units"][0]._.unit
    assert (info["echelon"], info["specialty"], info["parent"]) == (echelon, specialty, None)


def test_non_state_names_are_blocked(nlp):
    doc = nlp("اشتبك الجيش السوري الحر والجيش الوطني السوري مع قوات سوريا الديمقراطية")
    assert unit_texts(doc) == []


def test_dual_with_coordinated_ordinals(nlp):
    doc = nlp("شارك اللواءين الثالث والرابع لفرقة الرد السريع في العملية")
    outer = doc.spans["units"][0]
    assert outer.text == "اللواءين الثالث والرابع لفرقة الرد السريع"
    info = outer._.unit
    assert info["echelon"] == "brigade" and info["number"] is None
    assert info["coordinated_numbers"] == [3, 4]
    assert info["parent"] == "فرقة الرد السريع"


def test_coordinated_units_with_own_echelon_are_separate(nlp):
    doc = nlp("وصل اللواء الثالث واللواء الرابع إلى الموقع")
    assert mil_ents(doc) == ["اللواء الثالث", "اللواء الرابع"]
    assert [s._.unit["number"] for s in doc.spans["units"]] == [3, 4]


def test_proclitics_outside_spans(nlp):
    doc = nlp("أشاد بالحشد الشعبي والفرقة التاسعة وللواء الخامس")
    assert unit_texts(doc) == ["الحشد الشعبي", "الفرقة التاسعة", "لواء الخامس"]
    assert doc.spans["units"][2]._.unit["canonical"] == "اللواء الخامس"


def test_units_win_over_overlapping_entities(nlp):
    from arsec.spans import add_entities

    text = "أعلنت قيادة عمليات صلاح الدين مقتل ثلاثة"
    doc = nlp.make_doc(text)
    start = text.index("صلاح")
    add_entities(doc, [doc.char_span(start, start + len("صلاح الدين"), label="LOC")])
    for name, proc in nlp.pipeline:
        doc = proc(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("قيادة عمليات صلاح الدين", "MIL_UNIT")]


def test_existing_mil_unit_entities_are_kept_and_searched(nlp):
    text = "أعلن مقر الفوج الثاني من الفرقة التاسعة"
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index("مقر"), len(text), label="MIL_UNIT")]
    for name, proc in nlp.pipeline:
        doc = proc(doc)
    assert [e.text for e in doc.ents] == ["مقر الفوج الثاني من الفرقة التاسعة"]
    assert unit_texts(doc) == ["مقر الفوج الثاني من الفرقة التاسعة",
                               "الفوج الثاني من الفرقة التاسعة", "الفرقة التاسعة"]


def test_unit_list_groups_by_canonical(nlp):
    doc = nlp("وصلت الفرقة التاسعة. ثم انسحبت الفرقةُ التاسعـة من الموقع وبقي اللواء الأول.")
    listed = doc._.unit_list
    assert [u["canonical"] for u in listed] == ["الفرقه التاسعه", "اللواء الاول"]
    assert len(listed[0]["mentions"]) == 2


def test_offsets_invariant(nlp):
    text = ("وأكد أن اللواء الأول لفرقة الرد السريع و«الفرقة ١٦» وقوات الحشد الشعبي "
            "والجيش العراقي والقوات المسلحة المصرية شاركت في عمليات \"ثأر الشهداء\".")
    doc = nlp(text)
    spans = list(doc.spans["units"]) + list(doc.spans["operations"]) + list(doc.ents)
    assert len(doc.spans["units"]) >= 5
    for s in spans:
        assert doc.text[s.start_char:s.end_char] == s.text


def test_settings_are_config_visible():
    nlp = arsec.blank()
    nlp.add_pipe("arsec_units", config={"overwrite_ents": False, "spans_key": "mil"})
    cfg = nlp.get_pipe_config("arsec_units")
    assert cfg["overwrite_ents"] is False and cfg["lexicon_dir"] is None
    doc = nlp("وصل اللواء 20")
    assert [s.text for s in doc.spans["mil"]] == ["اللواء 20"]


# -- behaviours added after the train-split error analysis (own sentences) ----

def test_command_of_a_named_force_nests_the_force(nlp):
    doc = nlp("أعلنت قيادة التحالف العربي أمس إسقاط طائرة مسيرة.")
    assert mil_ents(doc) == ["قيادة التحالف العربي"]
    got = dict(units(doc))
    assert got["قيادة التحالف العربي"]["echelon"] == "command"
    assert got["قيادة التحالف العربي"]["parent"] == "التحالف العربي"
    assert got["التحالف العربي"]["echelon"] == "force"


def test_command_inherits_the_specialty_of_its_service(nlp):
    doc = nlp("وقالت قيادة القوة الجوية العراقية إن الطائرات عادت بسلام.")
    info = dict(units(doc))["قيادة القوة الجوية العراقية"]
    assert (info["echelon"], info["specialty"], info["parent"]) == (
        "command", "air", "القوة الجوية العراقية")


def test_coalition_aircraft_leave_aviation_outside_the_unit(nlp):
    # Decisions v1.4: «طيران التحالف X» is the coalition's aircraft; the unit is
    # the coalition itself.
    doc = nlp("وشن طيران التحالف الدولي ثلاث غارات على مواقع التنظيم.")
    assert unit_texts(doc) == ["التحالف الدولي"]


def test_wrapper_word_alone_is_not_a_unit(nlp):
    doc = nlp("عقدت القيادة اجتماعا، وحلق طيران مجهول فوق المدينة.")
    assert unit_texts(doc) == []


def test_national_air_force_with_country_adjective(nlp):
    doc = nlp("وقصف الطيران التركي مواقع قرب الحدود.")
    info = dict(units(doc))["الطيران التركي"]
    assert (info["echelon"], info["specialty"]) == ("service", "air")
    assert unit_texts(nlp("وحلق الطيران فوق المدينة.")) == []


def test_coordinated_national_forces_are_one_span(nlp):
    doc = nlp("وتقدمت القوات المالية والفرنسية نحو البلدة.")
    assert mil_ents(doc) == ["القوات المالية والفرنسية"]
    assert dict(units(doc))["القوات المالية والفرنسية"]["echelon"] == "force"


def test_royal_between_service_and_country_adjective(nlp):
    doc = nlp("ونفذت القوات الجوية الملكية السعودية طلعات فوق الحدود.")
    assert mil_ents(doc) == ["القوات الجوية الملكية السعودية"]


def test_forces_of_an_echelon_unit_is_one_unit(nlp):
    doc = nlp("وسيطرت قوات المنطقة العسكرية الثالثة على المعسكر.")
    assert unit_texts(doc) == ["قوات المنطقة العسكرية الثالثة"]
    info = dict(units(doc))["قوات المنطقة العسكرية الثالثة"]
    assert (info["echelon"], info["number"]) == ("command", 3)


@pytest.mark.parametrize("text", [
    "قوات الشرعية", "القوات الشرعية", "الحرس الوطني", "حرس الحدود", "الأمن المركزي",
    "قوات النخبة", "قوات مكافحة الإرهاب",
])
def test_generic_names_need_a_country_adjective(nlp, text):
    assert unit_texts(nlp(f"وصلت {text} إلى المدينة.")) == []


def test_generic_border_guard_with_adjective(nlp):
    assert mil_ents(nlp("أعلن حرس الحدود السعودي ضبط مهربين.")) == ["حرس الحدود السعودي"]


@pytest.mark.parametrize("text", [
    "المقاومة الشعبية اليمنية", "المقاومة الجنوبية", "اللجان الشعبية", "البشمركة",
    "الدفاعات الجوية السورية", "قوة مجموعة دول الساحل الخمس", "المارينز",
])
def test_added_force_names(nlp, text):
    assert mil_ents(nlp(f"قال بيان إن {text} صدت هجوما ليليا.")) == [text]


def test_police_head_does_not_take_a_verb_or_back_reference(nlp):
    assert unit_texts(nlp("قال مدير شرطة المحافظة إن عناصر شرطة تعرضت لهجوم.")) == []
    doc = nlp("وأعلنت شرطة العاصمة تايبيه توقيف مشتبه به.")
    assert unit_texts(doc) == ["شرطة العاصمة تايبيه"]


def test_construct_state_of_a_generic_force_with_a_place_is_a_unit(nlp):
    # «جيش النيجر» is the army of a named state, as «الجيش النيجري» is; the
    # place must be a LOC entity (here placed by hand; no gazetteer in `nlp`).
    text = "وقال جيش النيجر إن جنوده صدوا هجوما قرب الحدود."
    assert unit_texts(nlp(text)) == []
    doc = nlp.make_doc(text)
    start = text.index("النيجر")
    doc.ents = [doc.char_span(start, start + len("النيجر"), label="LOC")]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert unit_texts(doc) == ["جيش النيجر"]
    assert unit_texts(nlp("وأعلن جيش الإسلام انسحابه من المدينة.")) == []


def test_general_command_takes_its_force_as_parent_after_lam(nlp):
    doc = nlp("وقالت القيادة العامة للقوات المسلحة الليبية إن الطيران قصف مواقع.")
    info = dict(units(doc))["القيادة العامة للقوات المسلحة الليبية"]
    assert (info["echelon"], info["parent"]) == ("command", "القوات المسلحة الليبية")
    # Without a unit after ل it is not a unit.
    assert unit_texts(nlp("وعقدت القيادة العامة اجتماعا طارئا.")) == []


def test_generic_force_with_its_army_after_a_clitic_is_a_nested_unit(nlp):
    doc = nlp("وشاركت القوات الخاصة بالجيش الليبي في العملية.")
    info = dict(units(doc))["القوات الخاصة بالجيش الليبي"]
    assert (info["specialty"], info["parent"]) == ("special_forces", "الجيش الليبي")
    assert unit_texts(nlp("وانتشرت القوات الخاصة في المدينة.")) == []
