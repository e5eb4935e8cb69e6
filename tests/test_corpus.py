"""Gold-corpus tooling: anchored format, validator, standoff store, agreement.

All texts are invented for these tests.
"""
from __future__ import annotations

import copy
import gzip
import json

import pytest

from arsec.corpus.agreement import agreement
from arsec.corpus.anchored import AnchoredError, parse, render
from arsec.corpus.boundaries import edge_problems
from arsec.corpus.gold import gold_records, records_to_docs
from arsec.corpus.standoff import StandoffError, store, to_gold, to_standoff, read_jsonl
from arsec.corpus.standoff_hash import sha256_text
from arsec.corpus.validate import validate_record, validate_standoff

TEXT = (
    "أعلنت قيادة عمليات البادية، أمس، انطلاق المرحلة الثانية من عملية \"سيف الصحراء\" في محيط الرطبة. "
    "وقال الناطق باسم القيادة العقيد سامر الحديثي إن \"اللواء 12 من الفرقة الخامسة للشرطة الاتحادية "
    "يتقدم نحو الرطبة\". وأضاف أن تنظيم داعش خسر مواقعه قرب الرطبة."
)
ANN = """ID: toy-1
ENT MIL_UNIT | قيادة عمليات البادية
ENT OPERATION | سيف الصحراء
ENT LOC | الرطبة
ENT PER | سامر الحديثي
ENT MIL_UNIT | اللواء 12 من الفرقة الخامسة للشرطة الاتحادية
ENT LOC | الرطبة
ENT ARMED_GROUP | تنظيم داعش
ENT LOC | الرطبة
UNIT | قيادة عمليات البادية | echelon=command number=- specialty=- parent=-
UNIT | اللواء 12 من الفرقة الخامسة للشرطة الاتحادية | echelon=brigade number=12 specialty=- parent=الفرقة الخامسة
UNIT | الفرقة الخامسة للشرطة الاتحادية | echelon=division number=5 specialty=- parent=الشرطة الاتحادية
UNIT | لشرطة الاتحادية | echelon=force number=- specialty=federal_police parent=-
OP | سيف الصحراء | phase=2
STMT cue=أعلنت | source=قيادة عمليات البادية | content=انطلاق المرحلة ... في محيط الرطبة | type=mixed | speaker=MIL_UNIT:قيادة عمليات البادية | channel=-
STMT cue=قال | source=الناطق باسم القيادة العقيد سامر الحديثي | content=اللواء 12 من الفرقة الخامسة للشرطة الاتحادية يتقدم نحو الرطبة | type=direct | speaker=PER:سامر الحديثي | channel=-
STMT cue=أضاف | content=تنظيم داعش خسر مواقعه قرب الرطبة | type=indirect | speaker=PER:سامر الحديثي
"""


@pytest.fixture
def gold():
    return parse(ANN, TEXT)


def test_parse_resolves_repeated_strings_in_order(gold):
    places = [e for e in gold["entities"] if e["text"] == "الرطبة"]
    assert len(places) == 3
    starts = [e["start"] for e in places]
    assert starts == sorted(starts) and len(set(starts)) == 3
    assert all(TEXT[e["start"]:e["end"]] == "الرطبة" for e in places)


def test_parse_fills_gold_shape(gold):
    assert gold["id"] == "toy-1" and gold["error"] is None
    op = gold["operations"][0]
    assert (op["name"], op["phase"]) == ("سيف الصحراء", 2)
    brigade = next(u for u in gold["units"] if u["echelon"] == "brigade")
    assert brigade["number"] == 12 and brigade["parent"] == "الفرقة الخامسة"
    first = gold["statements"][0]
    assert first["content"]["text"].startswith("انطلاق") and first["content"]["text"].endswith("الرطبة")
    assert first["source"]["text"] == "قيادة عمليات البادية"
    assert validate_record(gold) == []


def test_render_parse_round_trip(gold):
    assert parse(render(gold, "tester"), TEXT) == gold


def test_round_trip_needs_occurrence_index_for_skipped_match(gold):
    # Keep only the last «الرطبة»: the order rule alone would pick the first.
    rec = copy.deepcopy(gold)
    rec["entities"] = [e for e in gold["entities"] if e["label"] == "OPERATION"] + [
        e for e in gold["entities"] if e["text"] == "الرطبة"][-1:]
    content = render(rec)
    assert "الرطبة @3" in content
    assert parse(content, TEXT) == rec


def test_left_context_anchor():
    rec = parse("ENT LOC | الرطبة <<قرب", TEXT)
    assert TEXT[rec["entities"][0]["start"] - 4:rec["entities"][0]["start"] - 1] == "قرب"


def test_parse_reports_missing_and_bad_lines():
    with pytest.raises(AnchoredError) as err:
        parse("ENT LOC | الموصل\nENT TOWN | الرطبة\nSTMT cue=قال | type=direct", TEXT)
    assert len(err.value.problems) == 3
    assert "line 1" in err.value.problems[0]


@pytest.mark.parametrize("text,start,end,ok", [
    ("قال والفرقة", 5, 11, True),      # after و
    ("قال للشرطة", 5, 10, True),       # ل + (ا)لشرطة: starts at the second ل
    ("وفقا لمصادر", 0, 6, True),       # ends before the host, after the proclitic ل
    ("في معدن", 4, 7, False),          # «عدن» inside «معدن»
    ("في الرطبة", 3, 7, False),        # ends inside the word
    ("في الرطبة، أمس", 3, 10, False),  # trailing comma
    ("في  الرطبة", 3, 10, False),      # leading space
])
def test_span_edges(text, start, end, ok):
    assert (edge_problems(text, start, end) == []) is ok


def _problems(rec):
    return [p.message for p in validate_record(rec)]


def test_validator_rejections(gold):
    def mutated(fn):
        rec = copy.deepcopy(gold)
        fn(rec)
        return " | ".join(_problems(rec))

    def shift_entity(rec):
        rec["entities"][0]["end"] -= 1
        rec["entities"][0]["text"] = TEXT[rec["entities"][0]["start"]:rec["entities"][0]["end"]]

    assert "ends inside a word" in mutated(shift_entity)
    assert "give" in mutated(lambda r: r["entities"][0].update(text="خطأ"))
    assert "unknown label" in mutated(lambda r: r["entities"][0].update(label="TOWN"))
    assert "overlaps" in mutated(lambda r: r["entities"].insert(1, {**r["entities"][0], "label": "ORG"}))
    assert "not sorted" in mutated(lambda r: r["entities"].reverse())
    assert "unknown echelon" in mutated(lambda r: r["units"][0].update(echelon="legion"))
    assert "integer or null" in mutated(lambda r: r["units"][1].update(number="12"))
    assert "no units entry" in mutated(lambda r: r["units"].pop(0))
    assert "outside every MIL_UNIT" in mutated(lambda r: r["entities"].pop(0))
    assert "OPERATION entity has no operations" in mutated(lambda r: r["operations"].clear())
    assert "no OPERATION entity" in mutated(
        lambda r: r.update(entities=[e for e in r["entities"] if e["label"] != "OPERATION"]))
    assert "parent" in mutated(lambda r: r["units"][1].update(parent="الفرقة العاشرة"))
    assert "has no content" in mutated(lambda r: r["statements"][0].update(content=None))
    assert "has no cue" in mutated(lambda r: r["statements"][0].update(cue=None))
    assert "unknown type" in mutated(lambda r: r["statements"][0].update(type="quoted"))
    assert "speaker label" in mutated(lambda r: r["statements"][0].update(speaker={"text": "الرطبة", "label": "MISC"}))
    assert "no PER entity" in mutated(lambda r: r["statements"][1].update(speaker={"text": "الحديثي", "label": "PER"}))
    assert "name must be" in mutated(lambda r: r["operations"][0].update(name="سيف"))


def test_validator_rejects_quotes_around_direct_content(gold):
    rec = copy.deepcopy(gold)
    content = rec["statements"][1]["content"]
    content.update(start=content["start"] - 1, end=content["end"] + 1)
    content["text"] = TEXT[content["start"]:content["end"]]
    assert any("quotation" in m for m in _problems(rec))


def test_standoff_holds_no_text_and_round_trips(gold):
    stand = to_standoff(gold, annotator="a", batch="b")
    dumped = json.dumps(stand, ensure_ascii=False)
    assert "الرطبة" not in dumped and "الفرقة" not in dumped
    assert stand["sha256"] == sha256_text(TEXT)
    assert to_gold(stand, TEXT) == gold
    with pytest.raises(StandoffError):
        to_gold(stand, TEXT + " ")
    assert "changed" in str(validate_standoff(stand, TEXT.replace("أمس", "اليوم"))[0])


def _fake_data(tmp_path, texts):
    folder = tmp_path / "data" / "raw" / "security"
    folder.mkdir(parents=True)
    with gzip.open(folder / "security_news.jsonl.gz", "wt", encoding="utf-8") as handle:
        for doc_id, text in texts.items():
            handle.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    return tmp_path / "data"


def test_store_and_load_gold_with_hash_check(tmp_path, gold):
    data = _fake_data(tmp_path, {"toy-1": TEXT})
    batch = tmp_path / "ann" / "batch-x.jsonl"
    store([to_standoff(gold, annotator="a", batch="batch-x")], batch)
    store([to_standoff(gold, annotator="b", batch="batch-x")], batch)  # replaces by id
    assert [r["annotator"] for r in read_jsonl(batch)] == ["b"]
    records = gold_records([tmp_path / "ann"], data=data)
    assert len(records) == 1 and records[0]["entities"] == gold["entities"]
    changed = _fake_data(tmp_path / "other", {"toy-1": TEXT + "\n"})
    with pytest.raises(StandoffError):
        gold_records([tmp_path / "ann"], data=changed)


def test_docs_report_misaligned_spans(gold):
    import spacy

    from arsec.corpus.gold import AlignmentReport

    nlp = spacy.blank("xx")  # whitespace-ish tokenizer: «لشرطة» stays inside «للشرطة»
    report = AlignmentReport()
    doc = next(records_to_docs([gold], nlp.make_doc, report))
    assert report.spans == len(gold["entities"]) + len(gold["units"]) + len(gold["operations"])
    assert any(m["text"] == "لشرطة الاتحادية" for m in report.misaligned)
    assert len(doc.ents) + len(doc.spans["units"]) + len(doc.spans["operations"]) == report.spans - len(report.misaligned)


def test_agreement_on_toy_pair(gold):
    a = to_standoff(gold)
    b = copy.deepcopy(a)
    b["entities"] = b["entities"][:-1]  # B missed the last place name
    b["statements"][2]["content"][1] -= 1  # and cut one content short
    result = agreement([to_gold(a, TEXT)], [to_gold(b, TEXT)])
    n = len(a["entities"])
    assert result["entities"]["all"]["tp"] == n - 1
    assert result["entities"]["all"]["f"] == pytest.approx(2 * (n - 1) / (2 * n - 1))
    assert result["units"]["span"]["f"] == 1.0 and result["statements"]["cue"]["f"] == 1.0
    assert result["statements"]["content"]["tp"] == 2
    assert agreement([gold], [gold])["entities"]["all"]["f"] == 1.0


def test_prefill_from_any_callable_and_fallback(gold):
    from arsec.corpus.prefill import prefill

    content = prefill("toy-1", TEXT, lambda text: gold)
    assert content.startswith("# PREFILLED") and parse(content, TEXT) == gold

    def broken(text):
        raise RuntimeError("no model")

    empty = parse(prefill("toy-1", TEXT, broken), TEXT)
    assert empty["entities"] == [] and empty["statements"] == []


def test_elided_content_resolves_next_to_its_cue():
    from arsec.corpus.anchored import candidates, nearest_to

    text = "بدأت القوات هجوما واسعا. وقال الناطق إن بدأت القوات هجوما جديدا على البلدة."
    cue_start = text.index("قال")
    cue = (cue_start, cue_start + 3)
    spans = candidates(text, "بدأت القوات ... البلدة")
    chosen = nearest_to(cue)(spans)
    assert text[chosen[0]:chosen[1]] == "بدأت القوات هجوما جديدا على البلدة"


def test_overlapping_cues_are_rejected():
    from arsec.corpus.validate import validate_record

    text = "انسحبت القوات من البلدة، وفق ما نقلت وكالة محلية."
    cue1 = text.index("وفق ما نقلت")
    cue2 = text.index("نقلت")
    content = {"start": 0, "end": text.index("،"), "text": text[: text.index("،")]}

    def statement(s, e):
        return {"cue": {"start": s, "end": e, "text": text[s:e]}, "source": None, "content": content,
                "type": "indirect", "speaker": None, "channel": None}

    record = {"id": "t", "text": text, "entities": [], "units": [], "operations": [],
              "statements": [statement(cue1, cue1 + len("وفق ما نقلت")), statement(cue2, cue2 + len("نقلت"))]}
    assert any("overlaps the cue" in p.message for p in validate_record(record))


def test_repeated_short_name_does_not_land_inside_previous_entity():
    from arsec.corpus.anchored import after_previous, candidates

    text = "قال خالد عمر إن عمر غادر."
    first = (text.index("خالد"), text.index("خالد") + len("خالد عمر"))
    chosen = after_previous(first, flat=True)(candidates(text, "عمر"))
    assert chosen == (text.index("إن عمر") + 3, text.index("إن عمر") + 6)


def test_digits_glued_to_a_name_are_a_boundary():
    from arsec.corpus.boundaries import end_ok, start_ok

    text = "وصل الى كركوك250 كم"
    assert end_ok(text, text.index("250")) and start_ok(text, text.index("250"))
