"""arsec.scoring and the agreement built on it. All texts are invented."""
from __future__ import annotations

import copy
import gzip
import json

import pytest

from arsec.corpus.agreement import agreement
from arsec.corpus.cli import app
from arsec.corpus.standoff import store, to_standoff
from arsec.scoring import ScoringError, figures, format_table, score

TEXT = (
    "أعلن الناطق باسم وزارة الدفاع العميد كريم الساعدي في بيان أن اللواء الثامن من الفرقة الخامسة "
    "أنهى المرحلة الثانية من عملية \"درع الشمال\" قرب تلعفر. وأضاف أن قوات الحدود تمكنت من ضبط "
    "شحنة أسلحة."
)


def span(fragment: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(fragment, start + 1)
    return {"start": start, "end": start + len(fragment), "text": fragment}


def entity(fragment: str, label: str) -> dict:
    return {**span(fragment), "label": label}


def make_gold(doc_id: str = "doc-1") -> dict:
    content_1 = span("اللواء الثامن من الفرقة الخامسة أنهى المرحلة الثانية من عملية \"درع الشمال\" قرب تلعفر")
    return {
        "id": doc_id, "text": TEXT, "error": None,
        "entities": [entity("وزارة الدفاع", "ORG"), entity("كريم الساعدي", "PER"),
                     entity("اللواء الثامن من الفرقة الخامسة", "MIL_UNIT"), entity("درع الشمال", "OPERATION"),
                     entity("تلعفر", "LOC"), entity("قوات الحدود", "MIL_UNIT")],
        "units": [{**span("اللواء الثامن من الفرقة الخامسة"), "echelon": "brigade", "number": 8,
                   "specialty": None, "parent": "الفرقة الخامسة"},
                  {**span("الفرقة الخامسة"), "echelon": "division", "number": 5, "specialty": None, "parent": None},
                  {**span("قوات الحدود"), "echelon": "force", "number": None, "specialty": "border_guard",
                   "parent": None}],
        "operations": [{**span("درع الشمال"), "name": "درع الشمال", "phase": 2}],
        "statements": [
            {"cue": span("أعلن"), "source": span("الناطق باسم وزارة الدفاع العميد كريم الساعدي"),
             "content": content_1, "type": "indirect",
             "speaker": {"text": "كريم الساعدي", "label": "PER"}, "channel": span("في بيان")},
            {"cue": span("أضاف"), "source": None, "content": span("قوات الحدود تمكنت من ضبط شحنة أسلحة"),
             "type": "indirect", "speaker": {"text": "كريم الساعدي", "label": "PER"}, "channel": None},
        ],
    }


@pytest.fixture
def gold():
    return make_gold()


def test_perfect_match_is_one_everywhere(gold):
    result = score([gold], [copy.deepcopy(gold)])
    flat = figures(result)
    rates = {k: v for k, v in flat.items() if k.rsplit(".", 1)[-1] in (
        "p", "r", "f", "acc", "token_p", "token_r", "token_f1", "token_f1_matched_mean")}
    assert len(rates) > 40
    assert all(v == pytest.approx(1.0) for v in rates.values()), {k: v for k, v in rates.items() if v != 1.0}
    assert result["docs"] == 1 and result["figures"] == flat
    assert "| entities | 100.0 | 100.0 | 100.0 |" in format_table(result)


def test_entity_label_and_span_errors(gold):
    pred = copy.deepcopy(gold)
    pred["entities"][1]["label"] = "ORG"  # PER → ORG
    pred["entities"][4]["end"] -= 1  # place name cut short
    s = score([gold], [pred])["entities"]
    assert (s["all"]["tp"], s["all"]["fp"], s["all"]["fn"]) == (4, 2, 2)
    assert (s["labels"]["PER"]["tp"], s["labels"]["PER"]["fn"], s["labels"]["PER"]["r"]) == (0, 1, 0.0)
    assert s["labels"]["ORG"]["p"] == pytest.approx(0.5) and s["labels"]["ORG"]["r"] == 1.0
    assert s["labels"]["MIL_UNIT"]["f"] == pytest.approx(1.0)
    assert s["labels"]["LOC"]["f"] == 0.0


def test_unit_span_and_each_attribute(gold):
    pred = copy.deepcopy(gold)
    pred["units"][0]["number"] = 9
    pred["units"][1]["echelon"] = "brigade"
    pred["units"][2]["specialty"] = None
    s = score([gold], [pred])["units"]
    assert s["span"]["f"] == 1.0
    assert s["number"]["acc"] == pytest.approx(2 / 3)
    assert s["echelon"]["acc"] == pytest.approx(2 / 3)
    assert s["specialty"]["acc"] == pytest.approx(2 / 3)
    assert s["parent"]["acc"] == 1.0
    assert s["full"]["tp"] == 0

    pred = copy.deepcopy(gold)
    pred["units"] = pred["units"][:2]  # missed one unit: attributes judged on the two matched
    s = score([gold], [pred])["units"]
    assert s["span"]["r"] == pytest.approx(2 / 3) and s["span"]["p"] == 1.0
    assert s["echelon"]["n"] == 2 and s["echelon"]["acc"] == 1.0


def test_unit_parent_compared_after_normalisation(gold):
    pred = copy.deepcopy(gold)
    pred["units"][0]["parent"] = "الفرقه الخامسه"  # ة written as ه
    assert score([gold], [pred])["units"]["parent"]["acc"] == 1.0
    pred["units"][0]["parent"] = "الفرقة السادسة"
    assert score([gold], [pred])["units"]["parent"]["acc"] == pytest.approx(2 / 3)
    pred["units"][0]["parent"] = None
    assert score([gold], [pred])["units"]["parent"]["acc"] == pytest.approx(2 / 3)


def test_operation_span_and_phase(gold):
    pred = copy.deepcopy(gold)
    pred["operations"][0]["phase"] = None
    s = score([gold], [pred])["operations"]
    assert s["span"]["f"] == 1.0 and s["phase"]["acc"] == 0.0
    pred["operations"] = []
    s = score([gold], [pred])["operations"]
    assert s["span"]["r"] == 0.0 and s["phase"]["acc"] is None and s["phase"]["n"] == 0


def test_missed_cue_moves_cue_recall_and_token_micro_only(gold):
    pred = copy.deepcopy(gold)
    pred["statements"] = pred["statements"][:1]
    s = score([gold], [pred])["statements"]
    assert s["cue"]["r"] == 0.5 and s["cue"]["p"] == 1.0
    # judged on the one matched pair: still exact
    assert s["content"]["f"] == 1.0 and s["content"]["token_f1_matched_mean"] == 1.0
    assert s["type"]["n"] == 1
    # micro token figures count the missed statement's words as FN
    missed_words = len("قوات الحدود تمكنت من ضبط شحنة أسلحة".split())
    assert s["content"]["token_p"] == 1.0
    assert s["content"]["token_r"] < 1.0
    first_words = len(gold["statements"][0]["content"]["text"].split())
    assert s["content"]["token_r"] == pytest.approx(first_words / (first_words + missed_words))


def test_source_null_handling(gold):
    # gold null, predicted a span: FP; null = null: counted nowhere
    pred = copy.deepcopy(gold)
    pred["statements"][1]["source"] = span("وأضاف")
    s = score([gold], [pred])["statements"]["source"]
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 0)
    # gold span, predicted null: FN
    pred = copy.deepcopy(gold)
    pred["statements"][0]["source"] = None
    s = score([gold], [pred])["statements"]["source"]
    assert (s["tp"], s["fp"], s["fn"]) == (0, 0, 1) and s["p"] == 0.0 and s["r"] == 0.0
    # only null = null pairs: nothing to count, and the matched mean skips them
    both_null = copy.deepcopy(gold)
    both_null["statements"] = both_null["statements"][1:]
    s = score([both_null], [copy.deepcopy(both_null)])["statements"]["source"]
    assert (s["tp"], s["fp"], s["fn"]) == (0, 0, 0) and s["f"] is None
    assert s["token_pairs"] == 0 and s["token_f1_matched_mean"] is None


def test_wrong_source_span_is_fp_and_fn_with_partial_token_credit(gold):
    pred = copy.deepcopy(gold)
    pred["statements"][0]["source"] = span("كريم الساعدي")  # name only, without the role
    s = score([gold], [pred])["statements"]["source"]
    assert (s["tp"], s["fp"], s["fn"]) == (0, 1, 1)
    gold_words = len(gold["statements"][0]["source"]["text"].split())
    assert s["token_p"] == 1.0 and s["token_r"] == pytest.approx(2 / gold_words)
    assert s["token_f1_matched_mean"] == pytest.approx(2 * 2 / (gold_words + 2))


def test_speaker_normalised_text_label_and_null(gold):
    pred = copy.deepcopy(gold)
    pred["statements"][0]["speaker"] = {"text": "كريم الساعدى", "label": "PER"}  # ى for ي: same speaker
    assert score([gold], [pred])["statements"]["speaker"]["acc"] == 1.0
    pred["statements"][0]["speaker"] = {"text": "كريم الساعدي", "label": "ORG"}
    assert score([gold], [pred])["statements"]["speaker"]["acc"] == 0.5
    pred["statements"][0]["speaker"] = None
    assert score([gold], [pred])["statements"]["speaker"]["acc"] == 0.5
    both_null = copy.deepcopy(gold)
    both_null["statements"][0]["speaker"] = None
    assert score([both_null], [copy.deepcopy(both_null)])["statements"]["speaker"]["acc"] == 1.0


def test_content_token_overlap_on_partial_content(gold):
    pred = copy.deepcopy(gold)
    whole = gold["statements"][1]["content"]
    pred["statements"][1]["content"] = span("قوات الحدود تمكنت")  # 3 of 7 words
    s = score([gold], [pred])["statements"]["content"]
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 1)
    n_first = len(gold["statements"][0]["content"]["text"].split())
    n_whole = len(whole["text"].split())
    assert n_whole == 7
    assert s["token_f1_matched_mean"] == pytest.approx((1.0 + 2 * 3 / (7 + 3)) / 2)
    assert s["token_p"] == 1.0
    assert s["token_r"] == pytest.approx((n_first + 3) / (n_first + 7))
    # a span that starts inside a word still covers that word
    pred["statements"][1]["content"] = {**whole, "start": whole["start"] + 1}
    assert score([gold], [pred])["statements"]["content"]["token_f1"] == 1.0


def test_type_and_channel(gold):
    pred = copy.deepcopy(gold)
    pred["statements"][0]["type"] = "direct"
    pred["statements"][0]["channel"] = None
    pred["statements"][1]["channel"] = span("في بيان")
    s = score([gold], [pred])["statements"]
    assert s["type"]["acc"] == 0.5
    assert (s["channel"]["tp"], s["channel"]["fp"], s["channel"]["fn"]) == (0, 1, 1)


def test_pairing_by_id_and_errors():
    g1, g2 = make_gold("a"), make_gold("b")
    p2 = copy.deepcopy(g2)
    p2["entities"] = []
    # order does not matter: records pair by id
    s = score([g1, g2], [p2, copy.deepcopy(g1)])["entities"]["all"]
    assert s["tp"] == len(g1["entities"]) and s["fn"] == len(g2["entities"])
    with pytest.raises(ScoringError, match="ids differ"):
        score([g1, g2], [copy.deepcopy(g1)])
    other = copy.deepcopy(g1)
    other["text"] = other["text"] + " "
    with pytest.raises(ScoringError, match="texts differ"):
        score([g1], [other])
    with pytest.raises(ScoringError, match="twice"):
        score([g1, g1], [g1, g1])


def test_agreement_compares_shared_ids_only():
    a, b = make_gold("a"), make_gold("b")
    b_other = copy.deepcopy(b)
    b_other["statements"][0]["type"] = "direct"
    result = agreement([a, b], [b_other, make_gold("c")])
    assert result["articles"] == 1 and result["only_a"] == ["a"] and result["only_b"] == ["c"]
    assert result["statements"]["type"]["acc"] == 0.5
    # span F1 is symmetric
    forward = agreement([a], [{**copy.deepcopy(a), "entities": a["entities"][:3]}])
    backward = agreement([{**copy.deepcopy(a), "entities": a["entities"][:3]}], [a])
    assert forward["entities"]["all"]["f"] == pytest.approx(backward["entities"]["all"]["f"])


def test_agreement_cli_on_two_standoff_files(tmp_path, gold):
    from typer.testing import CliRunner

    folder = tmp_path / "data" / "raw" / "security"
    folder.mkdir(parents=True)
    with gzip.open(folder / "security_news.jsonl.gz", "wt", encoding="utf-8") as handle:
        for doc_id in ("doc-1", "doc-2"):
            handle.write(json.dumps({"id": doc_id, "text": TEXT}, ensure_ascii=False) + "\n")
    second = make_gold("doc-2")
    changed = copy.deepcopy(gold)
    changed["entities"] = [e for e in changed["entities"] if e["label"] != "LOC"]
    changed["statements"][1]["content"] = span("قوات الحدود تمكنت")
    store([to_standoff(gold, annotator="a", batch="x"), to_standoff(second, annotator="a", batch="x")],
          tmp_path / "a.jsonl")
    store([to_standoff(changed, annotator="b", batch="y")], tmp_path / "b.jsonl")

    out = tmp_path / "agree.json"
    run = CliRunner().invoke(app, ["agreement", str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl"),
                                   "--data", str(tmp_path / "data"), "--json", str(out)])
    assert run.exit_code == 0, run.output
    assert "articles compared: 1 (only in A: 1, only in B: 0)" in run.output
    result = json.loads(out.read_text(encoding="utf-8"))
    n = len(gold["entities"])
    assert result["entities"]["all"]["f"] == pytest.approx(2 * (n - 1) / (2 * n - 1))
    assert result["figures"]["entities.LOC.r"] == 0.0
    assert result["statements"]["content"]["tp"] == 1 and result["statements"]["cue"]["f"] == 1.0
    assert result["units"]["span"]["f"] == 1.0
