"""The OUTPUT.md record and the `arsec extract` command line."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy
from typer.testing import CliRunner

import arsec
from arsec.cli import app
from arsec.output import RECORD_KEYS

from conftest import REPO

ARTICLE = (
    "الموصل – أعلنت قيادة العمليات المشتركة انطلاق المرحلة الثانية من عمليات \"فجر الجزيرة\".\n\n"
    "وقال المتحدث باسم القيادة العميد سعد معن إن \"قطعات الفرقة المدرعة التاسعة تتقدم نحو الحدود\"."
)
HOSTILE = [
    "",
    " ",
    "\n\n\t",
    "وقال",
    "\"",
    "«»",
    "قال: \"",
    "ـــ",
    "\u064e\u064f \u0651",
    "١٢٣٤٥٦٧٨٩٠",
    "اللواء",
    "عملية \"",
    "emoji 🚀 وقال الناطق إن \"x",
    "\u200f\u200eقال\u200c",
    "a" * 5000,
]


def _spans(record):
    for key in ("entities", "units", "operations"):
        yield from record[key]
    for st in record["statements"]:
        for part in ("cue", "source", "content", "channel"):
            if st[part] is not None:
                yield st[part]


def _check_record(record, text):
    assert tuple(record) == RECORD_KEYS
    assert record["text"] == text
    for span in _spans(record):
        assert 0 <= span["start"] < span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]
    for key in ("entities", "units", "operations"):
        keys = [(s["start"], s["end"]) for s in record[key]]
        assert keys == sorted(keys)
    json.dumps(record)


def test_record_shape_and_offsets(nlp):
    record = arsec.doc_to_record(nlp(ARTICLE), "a1")
    assert record["id"] == "a1" and record["error"] is None
    _check_record(record, ARTICLE)


@pytest.mark.parametrize("text", HOSTILE)
def test_offsets_hold_on_odd_input(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    _check_record(arsec.doc_to_record(doc), text)


def test_spacy_load_finds_the_package():
    nlp = spacy.load("arsec")
    assert nlp.pipe_names == arsec.load().pipe_names
    assert "arsec_statements" in nlp.pipe_names


def test_load_rejects_unknown_pipeline():
    with pytest.raises(OSError, match="No bundled arsec pipeline"):
        arsec.load("no_such_pipeline")


def _run_extract(tmp_path, lines: bytes, *args):
    src = tmp_path / "in.jsonl"
    src.write_bytes(lines)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(src), "-o", str(out), *args])
    return result, out


def test_cli_round_trip_with_bad_lines(tmp_path):
    good = json.dumps({"id": "g1", "text": ARTICLE}, ensure_ascii=False).encode()
    lines = b"\n".join(
        [
            good,
            b"{not json",
            b'{"id": "n1", "text": 42}',
            b'{"id": "m1"}',
            b"\xff\xfe broken bytes",
            b"",
            b"[1, 2]",
            json.dumps({"doc": "x2", "body": "قال الوزير إن الوضع مستقر."}, ensure_ascii=False).encode(),
            json.dumps({"id": "long", "text": "ا" * 300}).encode(),
        ]
    ) + b"\n"
    result, out = _run_extract(tmp_path, lines, "--max-chars", "200")
    assert result.exit_code == 0, result.output
    records = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 9
    assert records[0]["id"] == "g1" and records[0]["error"] is None
    _check_record(records[0], ARTICLE)
    assert "not valid JSON" in records[1]["error"] and records[1]["id"] == 2
    assert "not a string" in records[2]["error"] and records[2]["id"] == "n1"
    assert "missing field" in records[3]["error"]
    assert "UTF-8" in records[4]["error"]
    assert "empty" in records[5]["error"]
    assert "JSON object" in records[6]["error"]
    assert "missing field 'text'" in records[7]["error"]  # default field names
    assert "too long" in records[8]["error"]
    for r in records[1:]:
        assert tuple(r) == RECORD_KEYS
        assert r["entities"] == r["units"] == r["operations"] == r["statements"] == []


def test_cli_field_options(tmp_path):
    line = json.dumps({"doc": "x2", "body": "قال الوزير إن الوضع مستقر."}, ensure_ascii=False)
    result, out = _run_extract(tmp_path, line.encode() + b"\n", "--text-field", "body", "--id-field", "doc")
    assert result.exit_code == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["id"] == "x2" and record["error"] is None


def test_cli_unreadable_input_is_an_error(tmp_path):
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2
    result = CliRunner().invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 2


def test_cli_two_processes_keep_order(tmp_path):
    texts = [f"قال الوزير {i} إن الوضع مستقر." for i in range(20)]
    lines = "\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(texts))
    src = tmp_path / "in.jsonl"
    src.write_text(lines + "\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "arsec.cli", "extract", str(src), "--n-process", "2", "--batch-size", "4"],
        capture_output=True, text=True, timeout=300, cwd=REPO,
    )
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(l) for l in proc.stdout.splitlines()]
    assert [r["id"] for r in records] == list(range(20))
    assert [r["text"] for r in records] == texts


def test_pipeline_failure_gives_error_record(monkeypatch):
    from arsec.cli import _Item, process_items

    nlp = arsec.load()

    def explode(doc):
        if "انفجار" in doc.text:
            raise RuntimeError("boom")
        return doc

    spacy.language.Language.component("arsec_test_exploder", func=explode)
    nlp.add_pipe("arsec_test_exploder")
    items = [_Item(1, "نص أول"), _Item(2, "انفجار"), _Item(3, "نص ثالث"), _Item(4, "انفجار")]
    records = list(process_items(nlp, iter(items)))
    assert [r["id"] for r in records] == [1, 2, 3, 4]
    assert records[0]["error"] is None and records[2]["error"] is None
    assert "failed" in records[1]["error"] and "failed" in records[3]["error"]
