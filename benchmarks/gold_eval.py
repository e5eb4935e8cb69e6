"""Score an arsec pipeline against the gold corpus (`arsec.scoring`).

Gold records of one split come from the stored annotations
(`arsec.corpus.gold_records`); the pipeline runs over their texts and its
records (`arsec.doc_to_record`) are scored against them. Exact span match;
see `arsec.scoring` for every figure.

    python benchmarks/gold_eval.py --split dev [--model NAME|DIR] [--data ../shared/data] [--json OUT]

The test split is for final figures only and needs `--final`.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import arsec
from arsec.corpus import gold_records
from arsec.scoring import format_table, score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", required=True, choices=["train", "dev", "test"])
    parser.add_argument("--final", action="store_true", help="allow --split test (final figures only)")
    parser.add_argument("--model", default=None, help="bundled pipeline name or directory (default: arsec.load())")
    parser.add_argument("--data", type=Path, default=None, help="shared data folder (default ../shared/data or $ARSEC_DATA)")
    parser.add_argument("--json", type=Path, default=None, help="write the result (nested and flat figures) here")
    args = parser.parse_args(argv)
    if args.split == "test" and not args.final:
        parser.error("the test split is for final figures only: add --final if this is the final run")

    gold = gold_records(split=args.split, data=args.data)
    if not gold:
        print(f"no gold records in split {args.split!r}", file=sys.stderr)
        return 1
    nlp = arsec.load(args.model)
    started = time.perf_counter()
    predicted = [arsec.doc_to_record(doc, rec["id"])
                 for doc, rec in zip(nlp.pipe(r["text"] for r in gold), gold)]
    seconds = time.perf_counter() - started
    words = sum(len(r["text"].split()) for r in gold)

    result = score(gold, predicted)
    result.update(split=args.split, model=str(args.model or arsec.DEFAULT_PIPELINE),
                  pipeline=nlp.pipe_names, words=words, seconds=round(seconds, 2))
    print(f"split {args.split}, model {result['model']}, {words} words in {seconds:.1f} s "
          f"({words / max(seconds, 1e-9):,.0f} words/s)")
    print(format_table(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
