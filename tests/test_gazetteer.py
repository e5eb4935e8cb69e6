"""Tests for the baseline gazetteer recogniser (`arsec_gazetteer`).

All sentences are written for these tests (invented news-style text).
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from arsec.tokenizer import create_arabic_tokenizer


def make_nlp(**config):
    nlp = spacy.blank("ar")
    nlp.tokenizer = create_arabic_tokenizer()(nlp)
    nlp.add_pipe("arsec_gazetteer", config=config)
    return nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def ents(nlp, text):
    doc = nlp(text)
    return [(e.text, e.label_) for e in doc.ents]


def has(nlp, text, span_text, label):
    return (span_text, label) in ents(nlp, text)


# -- one case per label -----------------------------------------------------


def test_loc_country_and_city(nlp):
    found = ents(nlp, "وصل الوفد إلى العراق قادما من القاهرة")
    assert ("العراق", "LOC") in found
    assert ("القاهرة", "LOC") in found


def test_loc_spelling_variants_fold(nlp):
    assert has(nlp, "تقع الحدود مع سورية شمالا", "سورية", "LOC")
    assert has(nlp, "تقع الحدود مع سوريا شمالا", "سوريا", "LOC")
    assert has(nlp, "هاجم المسلحون مدينة الفلوجه", "الفلوجه", "LOC")


def test_org_ministry_with_country_adjective(nlp):
    assert has(nlp, "أعلنت وزارة الدفاع العراقية اليوم", "وزارة الدفاع العراقية", "ORG")
    assert has(nlp, "ذكرت وزارة الداخلية في بيان", "وزارة الداخلية", "ORG")


def test_org_international_and_media(nlp):
    found = ents(nlp, "دعت الأمم المتحدة إلى التهدئة بحسب وكالة فرانس برس")
    assert ("الأمم المتحدة", "ORG") in found
    assert ("فرانس برس", "ORG") in found


def test_org_worked_example_cell(nlp):
    assert has(nlp, "ذكرت خلية الإعلام الأمني في بيان", "خلية الإعلام الأمني", "ORG")


def test_armed_group_with_tanzim(nlp):
    assert has(nlp, "فجر انتحاري من تنظيم داعش نفسه", "تنظيم داعش", "ARMED_GROUP")
    assert has(nlp, "أعلنت هيئة تحرير الشام السيطرة على التلة", "هيئة تحرير الشام", "ARMED_GROUP")


def test_armed_group_houthis_as_group(nlp):
    assert has(nlp, "قصف الحوثيون مواقع في المدينة", "الحوثيون", "ARMED_GROUP")


def test_misc_weapon_and_law(nlp):
    assert has(nlp, "سقطت ثلاثة صواريخ كاتيوشا قرب المطار", "صواريخ كاتيوشا", "MISC")
    assert has(nlp, "حكم عليه وفق المادة (4) إرهاب", "المادة (4) إرهاب", "MISC")
    assert has(nlp, "حلقت طائرة إف-16 فوق المنطقة", "إف-16", "MISC")


def test_per_famous(nlp):
    assert has(nlp, "التقى مصطفى الكاظمي بالوفد", "مصطفى الكاظمي", "PER")


# -- span rules ---------------------------------------------------------------


def test_proclitic_outside_span(nlp):
    text = "اجتمع الوزير بالعراق مع وفد"
    doc = nlp(text)
    loc = [e for e in doc.ents if e.label_ == "LOC"]
    assert [e.text for e in loc] == ["العراق"]
    assert text[loc[0].start_char - 1] == "ب"


def test_lam_lam_span_starts_at_second_lam(nlp):
    # ل + العراق is written «للعراق»: the span starts at the second ل.
    text = "قدمت مساعدات للعراق أمس"
    doc = nlp(text)
    loc = [e for e in doc.ents if e.label_ == "LOC"]
    assert [e.text for e in loc] == ["لعراق"]
    assert text[loc[0].start_char - 1 : loc[0].end_char] == "للعراق"


def test_conjunction_with_article_outside(nlp):
    assert has(nlp, "زار سوريا والعراق", "العراق", "LOC")


def test_rank_outside_person(nlp):
    assert has(nlp, "وقال العميد يحيى رسول إن القطعات تقدمت", "يحيى رسول", "PER")
    assert has(nlp, "أكد اللواء الركن فاضل الربيعي أن العملية مستمرة", "فاضل الربيعي", "PER")


def test_rank_with_unknown_name(nlp):
    # «سلوان» is not in the given-name lexicon: the rank alone is enough.
    assert has(nlp, "أعلن العقيد سلوان الجبوري مقتل قيادي", "سلوان الجبوري", "PER")


def test_role_then_name_after_office(nlp):
    found = ents(nlp, "قال المتحدث باسم وزارة الداخلية خالد المحنا إن الوضع مستقر")
    assert ("خالد المحنا", "PER") in found
    assert ("وزارة الداخلية", "ORG") in found


def test_role_with_country_adjective(nlp):
    assert has(nlp, "وصل وزير الخارجية الأردني أيمن الصفدي إلى بغداد", "أيمن الصفدي", "PER")


def test_unit_after_rank_word_is_not_a_person(nlp):
    # «اللواء الخامس» is a brigade, not a rank before a name.
    assert not [e for e in nlp("تقدم اللواء الخامس نحو القرية").ents if e.label_ == "PER"]


def test_name_stops_before_verb(nlp):
    found = ents(nlp, "قال العميد يحيى رسول أمس إن")
    assert ("يحيى رسول", "PER") in found


def test_kunya(nlp):
    assert has(nlp, "قتل القيادي أبو عمر الأنصاري في غارة", "أبو عمر الأنصاري", "PER")


def test_function_word_ala_is_not_ali(nlp):
    # «على» normalises to «علي» but is the preposition.
    assert not [e for e in nlp("سيطر على الأرض وعلى التلال").ents if e.label_ == "PER"]


def test_surname_propagates_in_document(nlp):
    doc = nlp("استقبل العميد سلوان الجبوري الوفد. وأكد الجبوري أن الوضع مستقر")
    pers = [e.text for e in doc.ents if e.label_ == "PER"]
    assert pers == ["سلوان الجبوري", "الجبوري"]


def test_descriptor_outside_loc(nlp):
    assert has(nlp, "في محافظة كركوك شمالا", "كركوك", "LOC")
    assert ("محافظة كركوك", "LOC") not in ents(nlp, "في محافظة كركوك شمالا")


def test_descriptor_with_unknown_place(nlp):
    assert has(nlp, "داهمت القوات قرية البو عجيل فجرا", "البو عجيل", "LOC")
    assert has(nlp, "انفجرت عبوة في قضاء سنجار", "سنجار", "LOC")


def test_descriptor_with_attached_preposition(nlp):
    assert has(nlp, "وقع الهجوم بمحافظة ديالى", "ديالى", "LOC")


def test_coordinated_descriptors(nlp):
    found = ents(nlp, "تمشيط قضاء وصحراء الحضر")
    assert found == [("الحضر", "LOC")]


def test_base_descriptor(nlp):
    assert ents(nlp, "استهدف صاروخ قاعدة العند الجوية") == [("العند", "LOC")]


def test_descriptor_followed_by_adjective_is_not_a_place(nlp):
    assert not ents(nlp, "قصفت منطقة سكنية ومناطق متفرقة ومنطقة العمليات")


def test_fixed_name_keeps_descriptor(nlp):
    assert has(nlp, "سقطت قذائف على ريف دمشق", "ريف دمشق", "LOC")


def test_quoted_group_name(nlp):
    assert ents(nlp, 'تبنى تنظيم "داعش" الهجوم') == [("داعش", "ARMED_GROUP")]
    assert ents(nlp, "تبنى تنظيم (داعش) الهجوم") == [("داعش", "ARMED_GROUP")]


def test_militia_word_outside_group(nlp):
    assert ents(nlp, "قصفت ميليشيات الحوثي القرية") == [("الحوثي", "ARMED_GROUP")]
    assert ents(nlp, "اعتقلت القوات خلايا داعش") == [("داعش", "ARMED_GROUP")]


def test_al_qaeda_versus_base(nlp):
    assert not ents(nlp, "داخل القاعدة العسكرية")
    assert ents(nlp, "قتل عناصر من القاعدة") == [("القاعدة", "ARMED_GROUP")]


def test_contextual_group_name(nlp):
    assert ents(nlp, "هاجم مسلحو الشباب ثكنة") == [("الشباب", "ARMED_GROUP")]
    assert not ents(nlp, "يعاني الشباب من البطالة")


def test_group_adjective_is_not_entity(nlp):
    assert not [e for e in nlp("قتل القيادي الحوثي في غارة").ents if e.label_ == "ARMED_GROUP"]
    assert not [e for e in nlp("تصدى الجيش للمتمردين الحوثيين").ents if e.label_ == "ARMED_GROUP"]


def test_country_spelled_as_adjective(nlp):
    assert not [e for e in nlp("قالت أجهزة الأمن السعودية").ents if e.label_ == "LOC"]
    assert has(nlp, "عاد الوفد إلى السعودية", "السعودية", "LOC")


def test_quoted_media_name(nlp):
    assert has(nlp, 'وقال لـ"الشرق الأوسط" إن', "الشرق الأوسط", "ORG")
    assert has(nlp, "تشهد منطقة الشرق الأوسط توترا", "الشرق الأوسط", "LOC")


@pytest.mark.parametrize(
    "text",
    [
        "انتشرت القوات الأمنية في الشوارع",
        "أعلن الجيش حظر التجوال",
        "قالت الحكومة العراقية إن الوضع مستقر",
        "صوت البرلمان على القانون",
        "شارك تركمان المدينة في الاحتفال",
        "هاجمت الميليشيات الحوثية القرية",
        "قتل 25 حوثيا في المعارك",
        "أعلن التنظيم مسؤوليته",
        "قال رئيس الوزراء إن",
    ],
)
def test_non_entities(nlp, text):
    assert ents(nlp, text) == []


# -- settings and invariants ----------------------------------------------------


def test_existing_entities_win_by_default():
    nlp = make_nlp()
    doc = nlp.make_doc("وصل الوفد إلى العراق")
    doc.ents = [Span(doc, 3, 4, label="MISC")]
    doc = nlp.get_pipe("arsec_gazetteer")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("العراق", "MISC")]


def test_overwrite_ents_replaces_existing():
    nlp = make_nlp(overwrite_ents=True)
    doc = nlp.make_doc("وصل الوفد إلى العراق")
    doc.ents = [Span(doc, 3, 4, label="MISC")]
    doc = nlp.get_pipe("arsec_gazetteer")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("العراق", "LOC")]


def test_gaps_are_filled_next_to_existing_entities():
    nlp = make_nlp()
    doc = nlp.make_doc("زار مصطفى الكاظمي العراق")
    doc.ents = [Span(doc, 1, 3, label="PER")]
    doc = nlp.get_pipe("arsec_gazetteer")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("مصطفى الكاظمي", "PER"), ("العراق", "LOC")]


def test_labels_setting_restricts_output():
    nlp = make_nlp(labels=["ARMED_GROUP"])
    assert ents(nlp, "هاجم تنظيم داعش بلدة في العراق") == [("تنظيم داعش", "ARMED_GROUP")]


def test_unknown_label_rejected():
    with pytest.raises(ValueError):
        make_nlp(labels=["WEAPON"])


def test_rules_can_be_switched_off():
    nlp = make_nlp(person_rules=False, loc_descriptor_rule=False)
    assert ents(nlp, "قال العقيد سلوان الجبوري إن قرية البو عجيل آمنة") == []


def test_offsets_refer_to_original_text(nlp):
    text = "وقال العميدُ يحيى رسول إنّ «تنظيم داعش» هاجم بمحافظة صلاح الدين، وللعراق حدود مع سوريّا."
    doc = nlp(text)
    assert doc.text == text
    assert doc.ents
    for e in doc.ents:
        assert text[e.start_char : e.end_char] == e.text
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["تنظيم داعش"] == "ARMED_GROUP"
    assert labels["صلاح الدين"] == "LOC"
    assert labels["لعراق"] == "LOC"
    assert labels["سوريّا"] == "LOC"


def test_entities_are_flat(nlp):
    doc = nlp("أعلنت وزارة الدفاع العراقية أن تنظيم الدولة الإسلامية في العراق والشام خسر مدينة الموصل")
    seen = set()
    for e in doc.ents:
        tokens = set(range(e.start, e.end))
        assert not tokens & seen
        seen |= tokens


def test_gazetteer_files_have_labels():
    from arsec.gazetteer import ALL_LABELS, DATA_DIR, read_labelled

    for name in ("loc.tsv", "org.tsv", "armed_group.tsv", "misc.tsv", "per.tsv", "armed_group_contextual.tsv", "media_names_quoted.tsv"):
        pairs = read_labelled(DATA_DIR / name)
        assert pairs
        assert {label for label, _ in pairs} <= set(ALL_LABELS)


# -- project decisions (docs/annotating.md v1.1) ---------------------------------


def test_outlet_word_outside_media_name(nlp):
    assert has(nlp, "قالت قناة الميادين إن", "الميادين", "ORG")
    assert has(nlp, "نقلت وكالة سبأ عن مصدر", "سبأ", "ORG")
    assert has(nlp, "نقلت وكالة الأنباء العراقية عن مصدر", "وكالة الأنباء العراقية", "ORG")


def test_strip_and_state_descriptors(nlp):
    assert ents(nlp, "سقطت صواريخ على قطاع غزة") == [("غزة", "LOC")]
    assert ents(nlp, "وصل الوفد إلى دولة الكويت") == [("الكويت", "LOC")]


def test_compass_word_outside_loc(nlp):
    assert ents(nlp, "تنشط الجماعات في غرب أفريقيا") == [("أفريقيا", "LOC")]
    assert has(nlp, "هجوم في محافظة شمال سيناء", "شمال سيناء", "LOC")


def test_kunya_alone_is_person(nlp):
    assert has(nlp, "قال أبو محمد إن المعركة انتهت", "أبو محمد", "PER")


def test_pronoun_suffix_is_not_a_name(nlp):
    assert not [e for e in nlp("وأكد عليه الوفد").ents if e.label_ == "PER"]


def test_bare_qaeda_after_a_base_is_the_base(nlp):
    found = ents(nlp, "استهدف صاروخ قاعدة عين الأسد. وقالت مصادر إن القاعدة تعرضت لهجوم")
    assert found == [("عين الأسد", "LOC")]


def test_hashtag_joined_name(nlp):
    assert has(nlp, "تبنت #حركة_حماس القصف", "حركة_حماس", "ARMED_GROUP")


def test_institution_named_after_place_is_org(nlp):
    assert has(nlp, "تخرج في جامعة الموصل", "جامعة الموصل", "ORG")


def test_tanzim_before_any_group_name(nlp):
    assert has(nlp, "قتل عنصر من تنظيم النصرة", "تنظيم النصرة", "ARMED_GROUP")


# -- corrections of entities found before the gazetteer (a trained NER) -------


def make_nlp_after(preset, **config):
    """A pipeline whose first component writes `preset` (text, label) pairs
    as entities, standing in for a trained NER."""
    from spacy.language import Language

    name = f"preset_ents_{abs(hash(tuple(preset)))}"

    @Language.component(name)
    def preset_ents(doc):
        spans = []
        for text, label in preset:
            start = doc.text.index(text)
            spans.append(doc.char_span(start, start + len(text), label=label, alignment_mode="strict"))
        doc.ents = spans
        return doc

    nlp = spacy.blank("ar")
    nlp.tokenizer = create_arabic_tokenizer()(nlp)
    nlp.add_pipe(name)
    nlp.add_pipe("arsec_gazetteer", config=config)
    return nlp


def test_entity_never_ends_in_cut_off_proclitic():
    text = "وقال الموظف سامر لوكالة الأنباء إن الطريق مغلق"
    nlp = make_nlp_after([("سامر ل", "PER")])
    assert ("سامر", "PER") in ents(nlp, text)
    nlp_off = make_nlp_after([("سامر ل", "PER")], fix_ent_edges=False)
    assert ("سامر ل", "PER") in ents(nlp_off, text)


def test_person_does_not_run_into_outlet_after_lam():
    text = "وقال الشيخ سامر لبي بي سي إن الطريق مغلق"
    found = ents(make_nlp_after([("سامر لبي بي سي", "PER")]), text)
    assert ("سامر", "PER") in found
    assert ("بي بي سي", "ORG") in found


def test_lone_first_name_takes_family_name():
    text = "وأكد العقيد نبيل الورتاني، أن الوضع مستقر"
    assert ("نبيل الورتاني", "PER") in ents(make_nlp_after([("نبيل", "PER")]), text)
    # a nationality after the name is an adjective, not a family name
    text2 = "وأكد الباحث نبيل الإيراني الأصل أن الوضع مستقر"
    assert ("نبيل", "PER") in ents(make_nlp_after([("نبيل", "PER")]), text2)
    # a longer name is not extended («... المكنى»)
    text3 = "قتل القيادي نبيل سامر الداودي المكنى أبو علي"
    assert ("نبيل سامر", "PER") in ents(make_nlp_after([("نبيل سامر", "PER")]), text3)


def test_listed_group_overrides_other_label():
    text = 'حسب بيان نشرته حركة "نور الدين الزنكي" الجمعة'
    preset = [("نور الدين الزنكي", "MISC")]
    assert ("نور الدين الزنكي", "ARMED_GROUP") in ents(make_nlp_after(preset), text)
    assert ("نور الدين الزنكي", "MISC") in ents(make_nlp_after(preset, override_labels=[]), text)


def test_listed_group_does_not_override_same_span_person():
    text = "وقال الحوثي في خطاب متلفز إن الحرب طويلة"
    assert ("الحوثي", "PER") in ents(make_nlp_after([("الحوثي", "PER")]), text)


def test_ministry_short_name_with_country_adjective(nlp):
    assert has(nlp, "وأكدت الخارجية المصرية في بيان أن الرهينة بخير", "الخارجية المصرية", "ORG")
    assert not has(nlp, "والتقت وزيرة الخارجية الكرواتية نظيرها", "الخارجية الكرواتية", "ORG")
    assert not has(make_nlp(ministry_short_names=[]), "وأكدت الخارجية المصرية في بيان أن الرهينة بخير", "الخارجية المصرية", "ORG")


def test_role_then_comma_then_given_name(nlp):
    text = "وقال مدير مكتب المحافظ، رغد السامرائي، إن الطريق مغلق"
    assert ("رغد السامرائي", "PER") in ents(nlp, text)
    # without a known given name after the comma nothing is guessed
    assert not any(label == "PER" for _, label in ents(nlp, "وقال مدير مكتب المحافظ، الطريق مغلق"))


def test_role_window_passes_place_descriptor(nlp):
    text = "وقال المتحدث باسم حاكم ولاية كابيسا عطاء الله نوري إن الهجوم فشل"
    assert ("عطاء الله نوري", "PER") in ents(nlp, text)


def test_name_closed_by_role_in_apposition(nlp):
    text = "وقالت سلوى بوكريم، النائبة في البرلمان، إن القانون جاهز"
    assert ("سلوى بوكريم", "PER") in ents(nlp, text)
    # a bare word after a given name with no role after it stays out
    assert ("سلوى", "PER") not in ents(nlp, "وصلت سلوى أمس")
    assert not any(t.startswith("سلوى ") for t, _ in ents(nlp, "وصلت سلوى أمس إلى البيت"))


def test_person_trimmed_at_indefinite_title_word():
    text = "وقال سامر الخطيب شيخ عشيرة في المنطقة إن الطريق مغلق"
    found = ents(make_nlp_after([("سامر الخطيب شيخ عشيرة", "PER")]), text)
    assert ("سامر الخطيب", "PER") in found
    assert not any(t in ("شيخ عشيرة", "عشيرة") for t, _ in found)
    nlp_off = make_nlp_after([("سامر الخطيب شيخ عشيرة", "PER")], fix_ent_edges=False)
    assert ("سامر الخطيب شيخ عشيرة", "PER") in ents(nlp_off, text)
