"""Evaluate trained arsec pipelines for training/pipeline.md.

For each pipeline directory: the full pipeline on the gold dev split
(`benchmarks/gold_eval.py`, entity/unit/statement figures) and, at ANERcorp's
whitespace-token level (`training/anercorp_eval.py`), both the full pipeline
and its NER alone (tokenizer + tok2vec + ner; the rule components excluded).
Results go to training/work/pipeline_eval/NAME.json.

The gold corpus grows while annotators work, so the stored annotations are
copied once per call (training/work/pipeline_eval/annotations/) and every
pipeline of the call is scored against that same snapshot, with the scoring
of `benchmarks/gold_eval.py` (`arsec.scoring.score` on `arsec.doc_to_record`).

    python training/eval_pipeline.py training/work/pipeline_gold/model-best [...]
    python training/eval_pipeline.py --rules      # the bundled rule pipeline
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "training" / "work" / "pipeline_eval"
ANERCORP_DEV = REPO / "training" / "work" / "corpus" / "anercorp_dev.jsonl"
TRAINED = {"tok2vec", "ner"}


def _module(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _name(model: Path) -> str:
    # training/work/pipeline_gold/model-best → pipeline_gold
    return model.parent.name if model.name.startswith("model-") else model.name


def snapshot_gold_dev() -> list[dict]:
    """Copy the stored annotations and return the dev records of the copy."""
    from arsec.corpus import gold_records
    from arsec.corpus.data import ANNOTATIONS_DIR

    snapshot = OUT / "annotations"
    shutil.rmtree(snapshot, ignore_errors=True)
    shutil.copytree(ANNOTATIONS_DIR, snapshot)
    return gold_records(annotations=[snapshot], split="dev")


def score_gold_dev(nlp, gold: list[dict]) -> dict:
    import arsec
    from arsec.scoring import format_table, score

    started = time.perf_counter()
    predicted = [arsec.doc_to_record(doc, rec["id"]) for doc, rec in zip(nlp.pipe(r["text"] for r in gold), gold)]
    seconds = time.perf_counter() - started
    result = score(gold, predicted)
    words = sum(len(r["text"].split()) for r in gold)
    result.update(split="dev", docs=len(gold), words=words, seconds=round(seconds, 2), pipeline=nlp.pipe_names)
    print(f"gold dev: {len(gold)} docs, {words} words in {seconds:.1f} s")
    print(format_table(result))
    return result


def evaluate(model: str | None, name: str, gold: list[dict]) -> dict:
    import arsec

    anercorp = _module(REPO / "training" / "anercorp_eval.py")
    OUT.mkdir(parents=True, exist_ok=True)
    nlp = arsec.load(model)
    result = {"model": model or "arsec_rules", "gold_dev": score_gold_dev(nlp, gold)}
    if ANERCORP_DEV.exists():
        sentences = anercorp.read_sentences(ANERCORP_DEV)
        result["anercorp_dev_full"] = anercorp.evaluate_anercorp(nlp, sentences)
        if TRAINED & set(nlp.pipe_names):
            ner_only = [p for p in nlp.pipe_names if p not in TRAINED]
            result["anercorp_dev_ner"] = anercorp.evaluate_anercorp(arsec.load(model, exclude=ner_only), sentences)
    (OUT / f"{name}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    summary = {k: result[k]["micro"]["f"] for k in ("anercorp_dev_full", "anercorp_dev_ner") if k in result}
    print(f"{name}: gold dev entities F1 {result['gold_dev']['entities']['all']['f']:.4f}; ANERcorp dev {summary}")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("models", nargs="*", type=Path)
    parser.add_argument("--rules", action="store_true", help="also evaluate the bundled rule pipeline")
    args = parser.parse_args(argv)
    gold = snapshot_gold_dev()
    if args.rules:
        evaluate(None, "rules", gold)
    for model in args.models:
        evaluate(str(model), _name(model), gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
