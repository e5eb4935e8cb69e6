"""The transformer pipeline (configs/arsec_trf.cfg) trains, saves and loads
offline.

A tiny BERT with random weights is built locally (arsec.local_bert) from
sentences written here, `spacy train configs/arsec_trf.cfg` runs a few steps on
DocBins made from the same invented sentences, and the saved pipeline is loaded
with `arsec.load` and run on a document. Training and loading run in
subprocesses with HF_HUB_OFFLINE=1 / TRANSFORMERS_OFFLINE=1 (set before
`transformers` is imported), so any access to a model hub would fail. The
accuracy of a 10-step model means nothing: the test checks the mechanics.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("torch", reason="torch is not installed (pip install '.[trf]' or '.[test]')")
pytest.importorskip("spacy_transformers", reason="spacy-transformers is not installed (pip install '.[trf]')")

from arsec.output import RECORD_KEYS  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "configs" / "arsec_trf.cfg"

# Invented sentences (not news), with their entities as (surface, label);
# every surface occurs once in its sentence.
SENTENCES = [
    ("قال العقيد سامر الحداد إن قوات الأمن دخلت بلدة الوادي الأخضر صباح اليوم.",
     [("سامر الحداد", "PER"), ("بلدة الوادي الأخضر", "LOC")]),
    ("أعلنت وزارة الدفاع أن جماعة النجم الأسود هاجمت نقطة تفتيش قرب مدينة الرمال.",
     [("وزارة الدفاع", "ORG"), ("جماعة النجم الأسود", "ARMED_GROUP"), ("مدينة الرمال", "LOC")]),
    ("وصل الوزير خالد العمري إلى مدينة السهل لتفقد المستشفى الميداني.",
     [("خالد العمري", "PER"), ("مدينة السهل", "LOC")]),
    ("أكدت هيئة الإغاثة الوطنية وصول قافلة جديدة إلى قرية التلال.",
     [("هيئة الإغاثة الوطنية", "ORG"), ("قرية التلال", "LOC")]),
    ("اشتبك مسلحو جماعة النجم الأسود مع دورية في ضواحي مدينة الرمال ليلا.",
     [("جماعة النجم الأسود", "ARMED_GROUP"), ("مدينة الرمال", "LOC")]),
    ("وقالت المتحدثة ليلى منصور إن الطريق بين مدينة السهل وقرية التلال مغلق.",
     [("ليلى منصور", "PER"), ("مدينة السهل", "LOC"), ("قرية التلال", "LOC")]),
]

TEXT = ("وقال المتحدث باسم وزارة الدفاع العميد سامر الحداد إن اللواء الخامس "
        "سيطر على بلدة الوادي الأخضر بعد اشتباكات مع جماعة النجم الأسود.")

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    # one thread per process: the test stays light on a shared machine
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}

LOAD_AND_RUN = """
import json, sys
import arsec
nlp = arsec.load(sys.argv[1])
doc = nlp(sys.argv[2])
trf = doc._.trf_data
print(json.dumps({
    "pipe_names": nlp.pipe_names,
    "transformer_class": type(nlp.get_pipe("transformer")).__name__,
    "hf_model": type(nlp.get_pipe("transformer").model.transformer).__name__,
    "width": int(trf.tensors[0].shape[-1]),
    "ner_labels": list(nlp.get_pipe("ner").labels),
    "record": arsec.doc_to_record(doc, "t1"),
}, ensure_ascii=False))
"""


def _docbin(nlp, sentences, path: Path) -> Path:
    from spacy.tokens import DocBin

    db = DocBin()
    for text, ents in sentences:
        doc = nlp.make_doc(text)
        spans = []
        for surface, label in ents:
            start = text.index(surface)
            span = doc.char_span(start, start + len(surface), label=label, alignment_mode="expand")
            assert span is not None, surface
            spans.append(span)
        doc.ents = spans
        db.add(doc)
    db.to_disk(path)
    return path


def _env() -> dict:
    env = dict(os.environ)
    env.update(OFFLINE_ENV)
    return env


def test_transformer_pipeline_trains_and_loads_offline(tmp_path):
    import arsec
    from arsec.local_bert import TINY, build_local_bert

    bert = build_local_bert(tmp_path / "tiny_bert", [t for t, _ in SENTENCES] * 3 + [TEXT], **TINY, seed=1)
    assert (bert / "config.json").exists() and (bert / "tokenizer.json").exists()

    blank = arsec.blank()
    train = _docbin(blank, SENTENCES, tmp_path / "train.spacy")
    dev = _docbin(blank, SENTENCES[:2], tmp_path / "dev.spacy")
    out = tmp_path / "trained"
    cmd = [
        sys.executable, "-m", "spacy", "train", str(CONFIG),
        "--output", str(out),
        "--paths.train", str(train), "--paths.dev", str(dev),
        "--paths.transformer", str(bert),
        "--training.max_steps", "10", "--training.eval_frequency", "5",
        "--training.accumulate_gradient", "1",
        "--training.optimizer.learn_rate.warmup_steps", "2",
        "--training.batcher.size", "100",
    ]
    proc = subprocess.run(cmd, cwd=REPO, env=_env(), capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    best = out / "model-best"
    assert (best / "transformer" / "model").exists()

    # The pipeline carries the transformer's weights and tokenizer: it loads
    # without the directory it was trained from (and without any hub).
    shutil.rmtree(bert)
    proc = subprocess.run([sys.executable, "-c", LOAD_AND_RUN, str(best), TEXT], cwd=tmp_path,
                          env=_env(), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])

    assert result["pipe_names"] == ["arsec_sentencizer", "transformer", "ner", "arsec_gazetteer",
                                    "arsec_units", "arsec_operations", "arsec_statements"]
    assert result["transformer_class"] == "Transformer"
    assert result["hf_model"] == "BertModel"
    assert result["width"] == TINY["hidden_size"]
    assert {"PER", "LOC", "ORG", "ARMED_GROUP"} <= set(result["ner_labels"])

    record = result["record"]
    assert tuple(record) == RECORD_KEYS
    assert record["id"] == "t1" and record["text"] == TEXT and record["error"] is None
    spans = [s for key in ("entities", "units", "operations") for s in record[key]]
    for st in record["statements"]:
        spans += [st[part] for part in ("cue", "source", "content", "channel") if st[part] is not None]
    for span in spans:
        assert 0 <= span["start"] < span["end"] <= len(TEXT)
        assert TEXT[span["start"]:span["end"]] == span["text"]
    # The rule components still run after the transformer + NER.
    assert any(u["text"].startswith("اللواء الخامس") for u in record["units"])
    assert record["statements"], record
