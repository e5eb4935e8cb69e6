"""arsec_statements on sentences written for these tests.

Entities are placed on the Doc by the test itself (the gazetteer and NER are
separate components), so these tests exercise the statement finder alone.
"""
import pytest

import arsec.statements  # noqa: F401  (registers the factory and the extension)
from helpers import with_entities


@pytest.fixture(scope="module")
def nlp(statements_nlp):
    return statements_nlp


def run(nlp, text, ents=()):
    """Process `text` with entities given as (surface, label) pairs (first
    occurrence after the previous one's start); return (text, statements)."""
    doc = with_entities(nlp, text, ents)
    return text, doc._.statements


def part(text, span):
    return None if span is None else text[span[0] : span[1]]


def only(nlp, text, ents=()):
    text, found = run(nlp, text, ents)
    assert len(found) == 1, [part(text, s["cue"]) for s in found]
    s = found[0]
    return {
        "cue": part(text, s["cue"]),
        "source": part(text, s["source"]),
        "content": part(text, s["content"]),
        "type": s["type"],
        "speaker": s["speaker"],
        "channel": part(text, s["channel"]),
    }


def test_example_article_reproduced_exactly(nlp, spec_example):
    gold = spec_example
    text = gold["text"]
    ents = []
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(e["start"], e["end"], label=e["label"], alignment_mode="expand") for e in gold["entities"]]
    for _, proc in nlp.pipeline:
        doc = proc(doc)

    def span(x):
        return None if x is None else [x["start"], x["end"]]

    expected = [
        {
            "cue": span(s["cue"]),
            "source": span(s["source"]),
            "content": span(s["content"]),
            "type": s["type"],
            "speaker": s["speaker"],
            "channel": span(s["channel"]),
        }
        for s in gold["statements"]
    ]
    assert doc._.statements == expected
    assert not ents


def test_direct_quote_after_colon(nlp):
    s = only(
        nlp,
        'وقال وزير الدفاع خالد العبيدي: "القوات ستواصل تقدمها نحو الحدود."',
        [("خالد العبيدي", "PER")],
    )
    assert s["cue"] == "قال"  # the attached و stays outside
    assert s["source"] == "وزير الدفاع خالد العبيدي"
    assert s["content"] == "القوات ستواصل تقدمها نحو الحدود"  # final stop inside excluded
    assert s["type"] == "direct"
    assert s["speaker"] == {"text": "خالد العبيدي", "label": "PER"}


def test_indirect_with_channel_and_outlet(nlp):
    s = only(nlp, "صرح محافظ البصرة في تصريح صحفي لوكالة الأنباء الوطنية بأن الطريق الدولي أعيد فتحه.", [("البصرة", "LOC")])
    assert s["cue"] == "صرح"
    assert s["source"] == "محافظ البصرة"
    assert s["channel"] == "في تصريح صحفي"
    assert s["content"] == "الطريق الدولي أعيد فتحه"
    assert s["type"] == "indirect"


def test_outlet_is_not_a_channel_and_unnamed_source_has_no_speaker(nlp):
    s = only(nlp, "قال مصدر أمني في وزارة الداخلية لوكالة فرانس برس إن الانفجار نجم عن عبوة ناسفة.", [("وزارة الداخلية", "ORG")])
    assert s["source"] == "مصدر أمني في وزارة الداخلية"
    assert s["channel"] is None
    assert s["speaker"] is None
    assert s["content"] == "الانفجار نجم عن عبوة ناسفة"


def test_mixed_content_keeps_edge_quote(nlp):
    s = only(nlp, 'أكد قائد الشرطة أن القوات "لن تتراجع".')
    assert s["content"] == 'القوات "لن تتراجع"'
    assert s["type"] == "mixed"
    s = only(nlp, 'أكد قائد الشرطة أن القوات "لن تتراجع" عن مواقعها في المدينة.')
    assert s["content"] == 'القوات "لن تتراجع" عن مواقعها في المدينة'
    assert s["type"] == "mixed"


def test_quote_running_over_two_sentences(nlp):
    s = only(nlp, 'وقال العميد سعد معن: "تمت السيطرة على الجسر. والعمليات مستمرة حتى الآن". وانتهى المؤتمر.', [("سعد معن", "PER")])
    assert s["content"] == "تمت السيطرة على الجسر. والعمليات مستمرة حتى الآن"
    assert s["type"] == "direct"


def test_nested_quotes_and_complementiser_inside_quotes(nlp):
    s = only(nlp, 'قال المتحدث: "إن ما يسمى «ولاية الجنوب» انتهى إلى الأبد".')
    assert s["content"] == "ما يسمى «ولاية الجنوب» انتهى إلى الأبد"
    assert s["type"] == "direct"


def test_participle_and_continuations_inherit_the_speaker(nlp):
    text, found = run(
        nlp,
        "قال الوزير أحمد سالم إن الهجوم فشل، مشيرا إلى أن المهاجمين فروا نحو الجبال. وأضاف أن التحقيق مستمر. وشدد على ضرورة حماية المدنيين.",
        [("أحمد سالم", "PER")],
    )
    assert [part(text, s["cue"]) for s in found] == ["قال", "مشيرا", "أضاف", "شدد"]
    assert [part(text, s["content"]) for s in found] == [
        "الهجوم فشل",
        "المهاجمين فروا نحو الجبال",
        "التحقيق مستمر",
        "ضرورة حماية المدنيين",
    ]
    assert all(s["speaker"] == {"text": "أحمد سالم", "label": "PER"} for s in found)
    assert [s["source"] for s in found[1:]] == [None, None, None]


def test_content_stops_before_a_new_statement(nlp):
    text, found = run(nlp, "وقال المحافظ إن الطريق أغلق، وأضاف أن العمل جار لفتحه.")
    assert [part(text, s["content"]) for s in found] == ["الطريق أغلق", "العمل جار لفتحه"]


def test_call_object_is_the_content(nlp):
    text, found = run(nlp, "وقال المحافظ إن الوضع مستقر، داعيا المواطنين إلى التعاون مع القوات الأمنية.")
    assert part(text, found[1]["cue"]) == "داعيا"
    assert part(text, found[1]["content"]) == "المواطنين إلى التعاون مع القوات الأمنية"


def test_content_before_its_cue_with_wafq_ma(nlp):
    s = only(nlp, "وقتل ثلاثة جنود في هجوم على نقطة تفتيش، وفق ما أفادت مصادر أمنية.")
    assert s["cue"] == "وفق ما أفادت"
    assert s["source"] == "مصادر أمنية"
    assert s["content"] == "قتل ثلاثة جنود في هجوم على نقطة تفتيش"  # no leading و
    assert s["speaker"] is None


def test_wifqan_li_source_after_the_lam(nlp):
    s = only(nlp, "أصيب خمسة مدنيين بجروح، وفقا لوزارة الصحة.", [("وزارة الصحة", "ORG")])
    assert s["cue"] == "وفقا"  # the gold marks «وفقا» alone (25 to 1)
    assert s["source"] == "وزارة الصحة"
    assert s["content"] == "أصيب خمسة مدنيين بجروح"
    assert s["speaker"] == {"text": "وزارة الصحة", "label": "ORG"}


def test_bihasab_at_sentence_start(nlp):
    s = only(nlp, "وبحسب المرصد، فإن الاشتباكات أسفرت عن مقتل عشرة مسلحين.")
    assert s["cue"] == "بحسب"
    assert s["source"] == "المرصد"
    assert s["content"] == "الاشتباكات أسفرت عن مقتل عشرة مسلحين"


def test_speaker_resolves_to_fullest_mention_and_back_reference(nlp):
    text, found = run(
        nlp,
        "قال رئيس الوزراء مصطفى الكاظمي إن الحكومة تدعم القوات. وأكد الكاظمي أن النصر قريب.",
        [("مصطفى الكاظمي", "PER"), ("الكاظمي", "PER")],
    )
    assert found[1]["speaker"] == {"text": "مصطفى الكاظمي", "label": "PER"}
    text, found = run(
        nlp,
        "أعلن جهاز مكافحة الإرهاب اعتقال خمسة مطلوبين. وقال الجهاز في بيان إن العملية تمت بنجاح.",
        [("جهاز مكافحة الإرهاب", "MIL_UNIT")],
    )
    assert part(text, found[1]["source"]) == "الجهاز"
    assert part(text, found[1]["channel"]) == "في بيان"
    assert found[1]["speaker"] == {"text": "جهاز مكافحة الإرهاب", "label": "MIL_UNIT"}


def test_statement_document_is_channel_and_body_is_speaker(nlp):
    s = only(nlp, "وذكر بيان لوزارة الدفاع أن الطائرات دمرت مخزنا للأسلحة.", [("وزارة الدفاع", "ORG")])
    assert s["channel"] == "بيان"
    assert s["source"] == "وزارة الدفاع"
    assert s["speaker"] == {"text": "وزارة الدفاع", "label": "ORG"}


def test_passive_has_no_source_and_no_speaker(nlp):
    text, found = run(nlp, "قال اللواء سامي حسن إن القوات تقدمت. وقيل إن المهاجمين فروا.", [("سامي حسن", "PER")])
    assert part(text, found[1]["cue"]) == "قيل"
    assert found[1]["source"] is None and found[1]["speaker"] is None


@pytest.mark.parametrize(
    "text",
    [
        "يعتقد الخبراء أن التنظيم فقد معظم قادته.",  # belief
        "لم يعلن أي تنظيم مسؤوليته عن الهجوم.",  # negated
        "ورفض المتحدث التعليق على الحادث.",  # refused speech
        "وهو ما نفاه الجيش في وقت لاحق.",  # anaphoric content only
        "تحدث الوزير عن الوضع الأمني في المحافظة.",  # topic without content
        "يذكر أن الجيش سيطر على المدينة العام الماضي.",  # background note
        "وقعت اشتباكات عنيفة بين الجيش والمسلحين.",  # بين = between
        "أنهت الفرق الهندسية كشف الألغام في المنطقة.",  # كشف the noun
        "كان من بين القتلى قائد ميداني.",  # من بين
        "أعلنت الجماعة عن نفسها قبل عامين.",  # reflexive, nothing reported
    ],
)
def test_not_statements(nlp, text):
    _, found = run(nlp, text)
    assert found == []


def test_speech_inside_a_background_note_is_a_statement(nlp):
    s = only(nlp, "يشار إلى أن الجيش العراقي أعلن في وقت سابق السيطرة على الحدود.", [("الجيش العراقي", "MIL_UNIT")])
    assert s["cue"] == "أعلن"
    assert s["source"] == "الجيش العراقي"
    assert s["content"] == "السيطرة على الحدود"


def test_speech_inside_a_direct_quote_is_its_own_statement(nlp):
    # v1.2: reported speech inside a direct quote is a statement of its own.
    text, found = run(nlp, 'قال الضابط: "الجنود قالوا إن الطريق آمن ونحن نتقدم".')
    assert [part(text, s["cue"]) for s in found] == ["قال", "قالوا"]
    assert part(text, found[0]["content"]) == "الجنود قالوا إن الطريق آمن ونحن نتقدم"
    assert found[0]["type"] == "direct"
    # The subject written before the verb at the start of the quotation is its
    # source (gold: «"الشهود ذكروا أنه ..."» has source «الشهود»).
    assert (part(text, found[1]["source"]), part(text, found[1]["content"])) == ("الجنود", "الطريق آمن ونحن نتقدم")


def test_cues_inside_quotes_can_be_skipped_by_setting():
    nlp = arsec.blank()
    nlp.add_pipe("arsec_sentencizer")
    nlp.add_pipe("arsec_statements", config={"skip_cues_in_quotes": True})
    s = only(nlp, 'قال الضابط: "الجنود قالوا إن الطريق آمن ونحن نتقدم".')
    assert s["content"] == "الجنود قالوا إن الطريق آمن ونحن نتقدم"


def test_ambiguous_cue_with_complementiser_is_a_statement(nlp):
    s = only(nlp, "وبين المتحدث أن القوات أغلقت المعابر.")
    assert (s["cue"], s["source"], s["content"]) == ("بين", "المتحدث", "القوات أغلقت المعابر")
    s = only(nlp, "ذكرت الشرطة أن المشتبه به اعتقل.")
    assert s["cue"] == "ذكرت"


def test_always_a_list_and_sorted(nlp):
    _, found = run(nlp, "")
    assert found == []
    text, found = run(nlp, "قال المتحدث إن الهجوم فشل. وأكد المحافظ أن الوضع مستقر.")
    assert [s["cue"][0] for s in found] == sorted(s["cue"][0] for s in found)
    assert set(found[0]) == {"cue", "source", "content", "type", "speaker", "channel"}


def test_curly_quote_ending_with_its_own_stop_is_direct(nlp):
    s = only(nlp, "وقال أحد المسؤولين لوكالة الأنباء “الهجوم نفذته خلية نائمة.” وانتهى الاجتماع.")
    assert s["source"] == "أحد المسؤولين"
    assert s["content"] == "الهجوم نفذته خلية نائمة"
    assert s["type"] == "direct"


def test_platform_and_issuing_clause_are_skipped(nlp):
    s = only(nlp, 'وأعلنت قيادة الشرطة على فيسبوك، أن المشتبه به "اعترف بالتخطيط للهجوم".')
    assert s["source"] == "قيادة الشرطة"
    assert s["content"] == 'المشتبه به "اعترف بالتخطيط للهجوم"'
    s = only(nlp, "وأعلن التنظيم، في بيان نشرته مواقع موالية له، مسؤوليته عن التفجير.")
    assert s["channel"] == "في بيان"
    assert s["content"] == "مسؤوليته عن التفجير"


def test_apposition_name_joins_the_source_and_listener_is_not_a_source(nlp):
    s = only(nlp, "أعلن وزير الداخلية، سامر الحسن، الجمعة، أنه تم إفشال محاولة اعتداء.", [("سامر الحسن", "PER")])
    assert s["source"] == "وزير الداخلية، سامر الحسن"
    assert s["content"] == "تم إفشال محاولة اعتداء"
    assert s["speaker"] == {"text": "سامر الحسن", "label": "PER"}
    s = only(nlp, "وقال في تصريح لرابطة المحاربين القدامى إنه لن يتراجع.")
    assert s["source"] is None and s["channel"] == "في تصريح"


def test_several_appositions_join_the_source_but_asides_do_not(nlp):
    s = only(nlp, "وقال سمير الراوي، مندوب العراق إلى الأمم المتحدة، إن الحصار مستمر.",
             [("سمير الراوي", "PER"), ("العراق", "LOC"), ("الأمم المتحدة", "ORG")])
    assert s["source"] == "سمير الراوي، مندوب العراق إلى الأمم المتحدة"
    assert s["content"] == "الحصار مستمر"
    assert s["speaker"] == {"text": "سمير الراوي", "label": "PER"}
    s = only(nlp, "وقال مرصد الحدود، الذي يتخذ من عمان مقرا، ومقره الأردن، إن القصف تواصل.",
             [("مرصد الحدود", "ORG"), ("عمان", "LOC"), ("الأردن", "LOC")])
    assert s["source"] == "مرصد الحدود"
    assert s["content"] == "القصف تواصل"


def test_a_new_clause_after_commas_is_not_an_apposition(nlp):
    text, found = run(nlp, "أعلن الجيش، أمس، مقتل خمسة مسلحين، وقال إن العملية مستمرة.")
    assert [part(text, s["cue"]) for s in found] == ["أعلن", "قال"]
    assert part(text, found[0]["source"]) == "الجيش"
    assert part(text, found[0]["content"]) == "مقتل خمسة مسلحين"


@pytest.mark.parametrize(
    "text",
    [
        'وقال المصدر لـ"الوطن" إن القوات تقدمت نحو القرية.',
        "وقال المصدر لـ«الوطن» إن القوات تقدمت نحو القرية.",
        "وقال المصدر لـ»الوطن» إن القوات تقدمت نحو القرية.",
        "وقال المصدر لـBBC إن القوات تقدمت نحو القرية.",
    ],
)
def test_quoted_and_latin_outlets_after_lam_are_skipped(nlp, text):
    s = only(nlp, text)
    assert (s["source"], s["content"], s["channel"]) == ("المصدر", "القوات تقدمت نحو القرية", None)


def test_hashtag_mark_is_not_part_of_the_source(nlp):
    s = only(nlp, "وقالت #الحكومة إن الهجوم فشل.")
    assert s["source"] == "الحكومة"


def test_object_cues_split_subject_and_object(nlp):
    s = only(nlp, "واتهم الحزب الكردي أنقرة بالتواطؤ مع التنظيم.", [("أنقرة", "LOC")])
    assert (s["cue"], s["source"], s["content"]) == ("اتهم", "الحزب الكردي", "أنقرة بالتواطؤ مع التنظيم")
    s = only(nlp, "واتهم ناشطون الجيش الحكومي بقصف الأحياء.")
    assert (s["source"], s["content"]) == ("ناشطون", "الجيش الحكومي بقصف الأحياء")
    s = only(nlp, "ووصف الوزير الهجوم بأنه عمل جبان.")
    assert (s["cue"], s["source"], s["content"]) == ("وصف", "الوزير", "عمل جبان")
    s = only(nlp, "وتوعد زعيم الجماعة بالرد على الغارات.", [("الجماعة", "ARMED_GROUP")])
    assert (s["cue"], s["source"], s["content"]) == ("توعد", "زعيم الجماعة", "الرد على الغارات")


def test_v12_cues_with_complementiser(nlp):
    for text, cue in [
        ("ورجح المحلل أن تستمر المعارك أسابيع.", "رجح"),
        ("وتوقعت الوزارة أن يرتفع عدد النازحين.", "توقعت"),
        ("وأقر المتحدث بأن القصف أصاب مدرسة.", "أقر"),
        ("وكتب الوزير: \"لن نتراجع\".", "كتب"),
    ]:
        assert only(nlp, text)["cue"] == cue


def test_relative_ma_before_a_cue_is_not_a_negation(nlp):
    s = only(nlp, "وأسقطت الدفاعات ما قالت إنها طائرة مسيرة.")
    assert (s["cue"], s["source"], s["content"]) == ("قالت", None, "طائرة مسيرة")


def test_bayna_after_a_noun_is_between(nlp):
    _, found = run(nlp, "تصاعد الصراع بين الطرفين، وقال مسؤول إن المفاوضات توقفت.")
    assert len(found) == 1


def test_channel_with_pronoun_or_article_and_issuing_clause(nlp):
    s = only(nlp, "وطالبت الحكومة في رسالتها بتسليم المطلوبين.")
    assert (s["channel"], s["content"]) == ("في رسالتها", "تسليم المطلوبين")
    s = only(nlp, 'وقال الرئيس في كلمة أذاعها التلفزيون الرسمي: "إنها لحظات صعبة".')
    assert (s["source"], s["channel"], s["content"], s["type"]) == ("الرئيس", "في كلمة", "لحظات صعبة", "direct")


def test_qailan_after_a_verb_is_not_a_source(nlp):
    text, found = run(nlp, 'قال العقيد سامي حسن إن القوات تقدمت. وأضاف قائلا "سنواصل الهجوم".', [("سامي حسن", "PER")])
    assert part(text, found[1]["cue"]) == "أضاف"
    assert found[1]["source"] is None
    assert found[1]["speaker"] == {"text": "سامي حسن", "label": "PER"}


def test_surname_alone_resolves_to_the_person(nlp):
    text, found = run(nlp, "زار سامي الحديثي الموقع أمس. وقال الحديثي إن القوات مستعدة.", [("سامي الحديثي", "PER")])
    assert found[0]["speaker"] == {"text": "سامي الحديثي", "label": "PER"}


def test_unnamed_role_holder_named_earlier_resolves_to_the_person(nlp):
    text = "أعلن الناطق باسم القيادة العميد كريم ناصر انتهاء العملية. وقال الناطق إن القوات عادت إلى ثكناتها."
    text, found = run(nlp, text, [("القيادة", "ORG"), ("كريم ناصر", "PER")])
    assert part(text, found[1]["source"]) == "الناطق"
    assert found[1]["speaker"] == {"text": "كريم ناصر", "label": "PER"}


def test_repeated_source_head_keeps_the_earlier_speaker(nlp):
    text = "قال المرصد الوطني للحقوق إن الغارات قتلت عشرة. وفي سياق آخر، نفت الحكومة ذلك. وأضاف المرصد أن القصف تواصل."
    text, found = run(nlp, text, [("المرصد الوطني للحقوق", "ORG"), ])
    assert part(text, found[-1]["source"]) == "المرصد"
    assert found[-1]["speaker"] == {"text": "المرصد الوطني للحقوق", "label": "ORG"}


def test_group_word_refers_back_to_the_armed_group(nlp):
    text = "هاجم تنظيم داعش قرية نائية. وقال التنظيم في بيان إن مقاتليه سيطروا عليها."
    text, found = run(nlp, text, [("تنظيم داعش", "ARMED_GROUP")])
    assert part(text, found[0]["source"]) == "التنظيم"
    assert found[0]["speaker"] == {"text": "تنظيم داعش", "label": "ARMED_GROUP"}



def test_unnamed_reports_as_subject_are_the_channel_with_no_source(nlp):
    s = only(nlp, "وأفادت تقارير إعلامية بأن القوات دخلت البلدة فجر اليوم.")
    assert s["channel"] == "تقارير إعلامية"
    assert s["source"] is None
    assert s["speaker"] is None
    assert s["content"] == "القوات دخلت البلدة فجر اليوم"


def test_quantified_reports_keep_the_quantifier_in_the_channel(nlp):
    s = only(nlp, "وأشار بعض التقارير الإعلامية إلى أن عشرات المقاتلين قتلوا في المعارك.")
    assert s["channel"] == "بعض التقارير الإعلامية"
    assert s["source"] is None
    assert s["speaker"] is None


def test_estimates_of_a_named_body_give_channel_and_source(nlp):
    s = only(
        nlp,
        "وتشير تقديرات المفوضية الأممية للاجئين إلى أن آلاف العائلات نزحت من القرى.",
        [("المفوضية الأممية للاجئين", "ORG")],
    )
    assert s["channel"] == "تقديرات"
    assert s["source"] == "المفوضية الأممية للاجئين"
    assert s["speaker"] == {"text": "المفوضية الأممية للاجئين", "label": "ORG"}


def test_tally_after_a_phrase_cue_is_the_channel(nlp):
    text, found = run(nlp, "قتل خمسة جنود في الهجوم، بحسب حصيلة رسمية.")
    assert len(found) == 1
    assert part(text, found[0]["channel"]) == "حصيلة رسمية"
    assert found[0]["source"] is None and found[0]["speaker"] is None


def test_generic_definite_reports_do_not_inherit_the_previous_speaker(nlp):
    text = "قال الجيش الوطني للبلاد إن قواته تقدمت. وتفيد التقارير بأن الجرحى في حالة حرجة."
    text, found = run(nlp, text, [("الجيش الوطني للبلاد", "MIL_UNIT")])
    assert part(text, found[1]["channel"]) == "التقارير"
    assert found[1]["speaker"] is None


def test_outlet_descriptor_word_refers_back_to_the_outlet(nlp):
    text = "ونقلت وكالة الرافدين عن مسؤول قوله إن الطريق فتح. وأكدت الوكالة أن الحركة عادت طبيعية."
    text, found = run(nlp, text, [("الرافدين", "ORG")])
    assert part(text, found[-1]["source"]) == "الوكالة"
    assert found[-1]["speaker"] == {"text": "الرافدين", "label": "ORG"}


def test_same_source_again_keeps_the_previous_speaker(nlp):
    text = "وقال المرصد الوطني للحقوق إن عشرة مدنيين قتلوا. وأضاف المصدر نفسه أن القصف تواصل ليلا."
    text, found = run(nlp, text, [("المرصد الوطني للحقوق", "ORG")])
    assert part(text, found[-1]["source"]) == "المصدر نفسه"
    assert found[-1]["speaker"] == {"text": "المرصد الوطني للحقوق", "label": "ORG"}


# --- source boundaries, fronted subjects, appositions (v1.3 rules) ---------


def test_circumstance_after_name_ends_source(nlp):
    s = only(nlp, 'وقال سامر الحديثي في مقابلة مع قناة "الغد" المحلية "القوات تتقدم نحو البلدة".', [("سامر الحديثي", "PER")])
    assert s["source"] == "سامر الحديثي"
    assert s["content"] == "القوات تتقدم نحو البلدة"


def test_preposition_after_name_ends_source_but_body_stays(nlp):
    s = only(nlp, "وقال كريم العلي من منزله في البلدة إن الهجوم وقع ليلا.", [("كريم العلي", "PER")])
    assert s["source"] == "كريم العلي"
    s = only(nlp, "وقال كريم العلي في شرطة المحافظة إن الهجوم وقع ليلا.", [("كريم العلي", "PER")])
    assert s["source"] == "كريم العلي في شرطة المحافظة"


def test_during_phrase_ends_source(nlp):
    s = only(nlp, "وقال المتحدث العسكري، خلال ندوة عقدها صباح اليوم في الثكنة، إن الوضع مستقر.")
    assert s["source"] == "المتحدث العسكري"
    assert s["content"] == "الوضع مستقر"


def test_time_phrase_week_after_source(nlp):
    s = only(nlp, "وقال وزير الدفاع الأسبوع الماضي إن القوات ستنسحب.")
    assert s["source"] == "وزير الدفاع"


def test_fronted_subject_after_kana_qad(nlp):
    s = only(nlp, "وكان قائد الشرطة قد أعلن، في الخامس من مارس الماضي، بدء حملة أمنية.")
    assert s["source"] == "قائد الشرطة"
    assert s["content"] == "بدء حملة أمنية"


def test_fronted_subject_after_lakin_with_apposition(nlp):
    s = only(nlp, "لكن رئيس المجلس المحلي، سالم الهادي، قال إن المدينة آمنة.", [("سالم الهادي", "PER")])
    assert s["source"] == "رئيس المجلس المحلي، سالم الهادي"
    assert s["content"] == "المدينة آمنة"


def test_fronted_subject_at_sentence_start(nlp):
    s = only(nlp, "المصادر الميدانية أكدت أن القوات سيطرت على التلة.")
    assert s["source"] == "المصادر الميدانية"


def test_fronted_clause_is_no_subject(nlp):
    text, found = run(nlp, "وفي الصباح قال الضابط إن الطريق مغلق.")
    assert [part(text, s["source"]) for s in found] == ["الضابط"]


def test_nested_fronted_statement_does_not_cut_outer_content(nlp):
    text, found = run(nlp, "وقال مسؤول محلي إن الوزير كان يشير إلى انسحاب القوات من البلدة.")
    by_cue = {part(text, s["cue"]): s for s in found}
    assert part(text, by_cue["قال"]["content"]) == "الوزير كان يشير إلى انسحاب القوات من البلدة"
    assert part(text, by_cue["يشير"]["source"]) == "الوزير"


def test_svo_statement_closes_earlier_content_at_lakin(nlp):
    text, found = run(nlp, "وأكد الجيش أن الهجوم فشل، لكن مسؤولا محليا قال إن القتال مستمر.")
    by_cue = {part(text, s["cue"]): s for s in found}
    assert part(text, by_cue["أكد"]["content"]) == "الهجوم فشل"
    assert part(text, by_cue["قال"]["source"]) == "مسؤولا محليا"


def test_name_apposition_before_np_content(nlp):
    s = only(nlp, "وأعلن المتحدث باسم الجيش، العميد سالم الهادي، بدء عملية عسكرية.", [("سالم الهادي", "PER")])
    assert s["source"] == "المتحدث باسم الجيش، العميد سالم الهادي"
    assert s["content"] == "بدء عملية عسكرية"


def test_role_apposition_after_name(nlp):
    s = only(nlp, "وأعلن سالم الهادي، مبعوث المنظمة إلى البلاد، تنحيه عن منصبه.", [("سالم الهادي", "PER")])
    assert s["source"] == "سالم الهادي، مبعوث المنظمة إلى البلاد"
    assert s["content"] == "تنحيه عن منصبه"


def test_object_cue_after_apposition(nlp):
    s = only(nlp, "واتهم المتحدث باسم الحزب، سالم الهادي، الحكومة بالتقصير.", [("سالم الهادي", "PER")])
    assert s["source"] == "المتحدث باسم الحزب، سالم الهادي"
    assert s["content"] == "الحكومة بالتقصير"


def test_verbal_noun_opening_content_is_not_a_cue(nlp):
    text, found = run(nlp, "وأكد الوزير مرة أخرى نفي الحكومة شن أي هجوم، قائلا إن الجيش لم يتحرك.")
    cues = [part(text, s["cue"]) for s in found]
    assert "نفي" not in cues and "قائلا" in cues
    assert part(text, found[0]["source"]) == "الوزير"


def test_ja_a_fi_bayan(nlp):
    s = only(nlp, "وجاء في البيان، أن القوات دمرت ثلاث آليات.")
    assert (s["cue"], s["source"], s["channel"], s["content"]) == ("جاء", None, "في البيان", "القوات دمرت ثلاث آليات")
    s = only(nlp, "وجاء في بيان للقوات المشتركة أن الطريق مفتوح.")
    assert (s["cue"], s["source"], s["channel"]) == ("جاء", "لقوات المشتركة", "في بيان")


def test_ja_a_without_document_is_not_a_cue(nlp):
    text, found = run(nlp, "وجاء ذلك بعد ساعات من الهجوم على البلدة.")
    assert found == []


# Second round on sources and cues (docs/guidelines/statements.md).


def test_as_phrase_cue_reports_the_clause_before(nlp):
    got = only(nlp, "وقتل رئيس المجلس في غارة جوية، كما قال والده.")
    assert got["cue"] == "كما قال"
    assert got["source"] == "والده"
    assert got["content"] == "قتل رئيس المجلس في غارة جوية"


def test_as_with_its_own_content_is_a_verb_cue(nlp):
    # «كما أكد الوزير أن ...» is «also stressed»: the cue is the verb.
    text, found = run(nlp, "وقتل جنديان في الهجوم، كما أكد الوزير أن القوات ستواصل العمليات.")
    cues = [part(text, s["cue"]) for s in found]
    assert "كما أكد" not in cues and "أكد" in cues


def test_as_clause_does_not_cut_the_content_before(nlp):
    # «، كما فجرت ...» carries on the reported clause (no cue there).
    got = only(nlp, "وأفادت مصادر محلية بأن المسلحين نسفوا جسرا، كما فجروا الطريق بين المدينتين.")
    assert got["content"].endswith("كما فجروا الطريق بين المدينتين")


def test_participle_with_separate_pronoun_object(nlp):
    text, found = run(nlp, "وتبنت الجبهة خطف العناصر، متهمة إياهم بالتعاون مع الغرب.")
    s = [s for s in found if part(text, s["cue"]) == "متهمة"]
    assert s and part(text, s[0]["content"]) == "التعاون مع الغرب"


def test_participle_with_object_and_glued_preposition(nlp):
    text, found = run(nlp, "وتطالب المعارضة باستقالة الرئيس، متهمة الرئيس بالفساد.")
    s = [s for s in found if part(text, s["cue"]) == "متهمة"]
    assert s and part(text, s[0]["content"]) == "الرئيس بالفساد"


def test_quoted_name_then_colon_is_the_source(nlp):
    got = only(nlp, 'وقال "الزوي": "القوات الخاصة تصدت لهجوم عنيف".', [("الزوي", "PER")])
    assert got["source"] == '"الزوي"'
    assert got["content"] == "القوات الخاصة تصدت لهجوم عنيف"
    assert got["type"] == "direct"


def test_relay_inside_a_statement_is_its_own_statement(nlp):
    text, found = run(nlp, 'وتابعت "يونهاب" نقلا عن مصادر عسكرية أن المناورات ستبدأ في أبريل.', [("يونهاب", "ORG")])
    by_cue = {part(text, s["cue"]): s for s in found}
    assert set(by_cue) == {"تابعت", "نقلا عن"}
    assert part(text, by_cue["تابعت"]["source"]) == '"يونهاب"'
    assert part(text, by_cue["نقلا عن"]["source"]) == "مصادر عسكرية"
    for s in found:
        assert part(text, s["content"]) == "المناورات ستبدأ في أبريل"


def test_outlet_after_phrase_cue_is_the_source(nlp):
    got = only(nlp, 'وقتل خمسة أشخاص في الهجوم، وفقا لصحيفة "اليوم السابع" المصرية.', [("اليوم السابع", "ORG")])
    assert got["source"] == 'صحيفة "اليوم السابع" المصرية'
    assert got["speaker"] == {"text": "اليوم السابع", "label": "ORG"}


def test_quoted_outlet_name_at_sentence_end(nlp):
    got = only(nlp, 'وأطلقت الدبابات عدة قذائف، بحسب وكالة "الأناضول".', [("الأناضول", "ORG")])
    assert got["source"] == 'وكالة "الأناضول"'
    assert got["speaker"] == {"text": "الأناضول", "label": "ORG"}


def test_content_runs_on_after_comma_fima_without_a_cue(nlp):
    # «، فيما …» without a cue of its own continues the reported clause (the
    # corpus majority); «، في حين» ends it.
    got = only(nlp, "وقال المتحدث إن القوات دمرت مخزنا للأسلحة، فيما قتل ثلاثة مدنيين في قصف منفصل.",
               [("المتحدث", "PER")])
    assert got["content"] == "القوات دمرت مخزنا للأسلحة، فيما قتل ثلاثة مدنيين في قصف منفصل"
    got = only(nlp, "وقال المتحدث إن القوات دمرت مخزنا للأسلحة، في حين قتل ثلاثة مدنيين في قصف منفصل.",
               [("المتحدث", "PER")])
    assert got["content"] == "القوات دمرت مخزنا للأسلحة"


def test_content_before_a_phrase_cue_leaves_linking_words_outside(nlp):
    # «كما» and an attached «و» on a short function word («وقد») tie the
    # sentence to the previous one: the writer's words, not the reported clause.
    got = only(nlp, "كما قتل ثلاثة جنود في الهجوم، بحسب الجيش.", [("الجيش", "ORG")])
    assert got["content"] == "قتل ثلاثة جنود في الهجوم"
    got = only(nlp, "وقد أدت المعارك إلى نزوح مئات الأسر، بحسب الأمم المتحدة.", [("الأمم المتحدة", "ORG")])
    assert got["content"] == "قد أدت المعارك إلى نزوح مئات الأسر"
    got = only(nlp, "وصل الوفد إلى المدينة صباح اليوم، بحسب الوكالة.", [])
    assert got["content"] == "وصل الوفد إلى المدينة صباح اليوم"


def test_faqad_after_a_sentence_initial_phrase_cue_is_outside_the_content(nlp):
    s = only(nlp, "وبحسب المرصد، فقد قتل عشرة مسلحين في الاشتباكات.")
    assert (s["source"], s["content"]) == ("المرصد", "قتل عشرة مسلحين في الاشتباكات")


def test_hammala_is_a_cue_only_with_responsibility(nlp):
    # «حمّل فلان جهة المسؤولية»: the object and «المسؤولية» are the content;
    # «حمل» without «المسؤولية» is «carried».
    got = only(nlp, "وحمّل الجيش الميليشيا المسؤولية عن تفجير الجسر.", [("الجيش", "ORG"), ("الميليشيا", "ARMED_GROUP")])
    assert (got["cue"], got["source"]) == ("حمّل", "الجيش")
    assert got["content"] == "الميليشيا المسؤولية عن تفجير الجسر"
    _, found = run(nlp, "وحمل الجنود أسلحتهم إلى الموقع الجديد قبل أن يعلنوا أن المنطقة آمنة.")
    assert all(part(_, s["cue"]) != "حمل" for s in found)


def test_tahaddatha_an_reports_an_event_not_a_topic(nlp):
    got = only(nlp, "وتحدث شهود عيان عن انفجار ضخم قرب السوق.")
    assert (got["cue"], got["source"], got["content"]) == ("تحدث", "شهود عيان", "انفجار ضخم قرب السوق")
    _, found = run(nlp, "وتحدث المحافظ عن الأوضاع الاقتصادية في المدينة.")
    assert found == []


def test_afada_an_introduces_the_content(nlp):
    got = only(nlp, "وأفاد المرصد عن مقتل خمسة مسلحين في الغارة.", [("المرصد", "ORG")])
    assert (got["source"], got["content"]) == ("المرصد", "مقتل خمسة مسلحين في الغارة")


def test_bihasab_with_a_say_noun_and_a_role_head(nlp):
    # «بحسب قول» + source: the say-noun is part of the cue; «بحسب زعمه»: no
    # written source; «بحسب الشاهد»: a role noun is a source.
    got = only(nlp, "انسحب المسلحون من القرية، بحسب قول مسؤولين محليين.")
    assert (got["cue"], got["source"], got["content"]) == ("بحسب قول", "مسؤولين محليين", "انسحب المسلحون من القرية")
    got = only(nlp, "وكانت الغارة ردا على هجوم سابق، بحسب زعمه.")
    assert (got["cue"], got["source"], got["content"]) == ("بحسب زعمه", None, "كانت الغارة ردا على هجوم سابق")
    got = only(nlp, "احترق السوق بالكامل، بحسب الشاهد.")
    assert (got["cue"], got["source"]) == ("بحسب", "الشاهد")


def test_phrase_cue_set_off_inside_its_clause(nlp):
    # «X، وفق Y، Z»: the clause goes on after the source; a date, a relative
    # clause or a new cue after the source ends it at the cue instead.
    _, found = run(nlp, "وتدور حاليا، وفق المرصد، اشتباكات عنيفة عند أطراف المدينة.", [("المرصد", "ORG")])
    got = [(part(_, s["cue"]), part(_, s["content"])) for s in found]
    assert got == [("وفق", "تدور حاليا، وفق المرصد، اشتباكات عنيفة عند أطراف المدينة")]
    _, found = run(nlp, "قتل ثلاثة مدنيين في القصف، بحسب المرصد، الأمر الذي نفاه الجيش.", [("المرصد", "ORG"), ("الجيش", "ORG")])
    assert part(_, found[0]["content"]) == "قتل ثلاثة مدنيين في القصف"
    _, found = run(nlp, "قتل ثلاثة مدنيين في القصف، بحسب المرصد، بعد هجوم شنه المسلحون.", [("المرصد", "ORG")])
    assert part(_, found[0]["content"]) == "قتل ثلاثة مدنيين في القصف"


def test_in_the_same_time_is_skipped_after_a_participle(nlp):
    # «في الوقت ذاته / نفسه» is a time phrase: the participle keeps its own
    # content and ends the earlier one.
    _, found = run(nlp, "وأضاف أن القوات تقدمت، مؤكدا في الوقت ذاته أن المسلحين انسحبوا.")
    got = [(part(_, s["cue"]), part(_, s["content"])) for s in found]
    assert got == [("أضاف", "القوات تقدمت"), ("مؤكدا", "المسلحين انسحبوا")]
