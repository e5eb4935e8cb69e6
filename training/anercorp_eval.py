"""Entity F1 at ANERcorp's whitespace-token level, comparable with the literature.

ANERcorp gold is whitespace tokens with BIO tags (PERS/LOC/ORG/MISC, clitics
attached). arsec predicts character spans on its own tokens, with proclitics
outside. To compare, each predicted entity is projected onto the whitespace
tokens it overlaps (so «العراق» predicted inside «والعراق» covers that token),
arsec labels are folded into ANERcorp's (MIL_UNIT, ARMED_GROUP → ORG;
OPERATION → MISC; PER → PERS), and entities are scored CoNLL-style (exact
token span and label). Gold is used exactly as ANERcorp has it.

    python training/anercorp_eval.py MODEL training/work/corpus/anercorp_dev.jsonl
    python training/anercorp_eval.py MODEL --split dev [--data ../shared/data] [--json OUT]
    python training/anercorp_eval.py MODEL --split test --final

MODEL is a bundled pipeline name (arsec_rules, arsec_core) or a directory.
`--split` reads the sentences from the shared data instead of a file: dev is
anercorp-dev exactly as `convert_corpora.load_splits` cuts it (the last 10 %
of ANERcorp train, kept out of training); test is ANERcorp test, for final
figures only, so it needs `--final`.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

from convert_corpora import bio_spans, load_splits, read_jsonl

ARSEC_TO_ANERCORP = {
    "PER": "PERS",
    "LOC": "LOC",
    "ORG": "ORG",
    "MISC": "MISC",
    "MIL_UNIT": "ORG",
    "ARMED_GROUP": "ORG",
    "OPERATION": "MISC",
}


def project_entities(
    tokens: Sequence[str], entities: Iterable[tuple[int, int, str]]
) -> set[tuple[str, int, int]]:
    """Map character-offset entities on " ".join(tokens) to whitespace-token
    spans with ANERcorp labels. A whitespace token already covered by an
    earlier entity is not given to a later one (two predictions inside one
    clitic-laden token count as one entity)."""
    starts, pos = [], 0
    for token in tokens:
        starts.append(pos)
        pos += len(token) + 1
    ends = [s + len(t) for s, t in zip(starts, tokens)]
    owner = [False] * len(tokens)
    out = set()
    for start, end, label in sorted(entities):
        covered = [i for i in range(len(tokens)) if starts[i] < end and ends[i] > start and not owner[i]]
        if not covered:
            continue
        for i in covered:
            owner[i] = True
        out.add((ARSEC_TO_ANERCORP.get(label, label), covered[0], covered[-1] + 1))
    return out


def score(pairs: Iterable[tuple[set, set]]) -> dict:
    """Micro P/R/F and per label from (gold, predicted) span sets."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for gold, pred in pairs:
        for label, *_ in gold & pred:
            tp[label] += 1
        for label, *_ in pred - gold:
            fp[label] += 1
        for label, *_ in gold - pred:
            fn[label] += 1

    def prf(t: int, p: int, n: int) -> dict:
        precision = t / (t + p) if t + p else 0.0
        recall = t / (t + n) if t + n else 0.0
        f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"p": round(precision, 4), "r": round(recall, 4), "f": round(f, 4), "support": t + n}

    labels = sorted(set(tp) | set(fp) | set(fn))
    return {
        "micro": prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "per_label": {lab: prf(tp[lab], fp[lab], fn[lab]) for lab in labels},
    }


def evaluate_anercorp(nlp, sentences: Sequence[dict], batch_size: int = 256) -> dict:
    """Score `nlp` on ANERcorp-style sentences ({"tokens", "tags"}): the
    text given to `nlp` is the tokens joined by one space."""
    texts = [" ".join(s["tokens"]) for s in sentences]
    pairs = []
    for sentence, doc in zip(sentences, nlp.pipe(texts, batch_size=batch_size)):
        pred = project_entities(sentence["tokens"], ((e.start_char, e.end_char, e.label_) for e in doc.ents))
        pairs.append((set(bio_spans(sentence["tags"])), pred))
    return score(pairs)


def read_sentences(path: Path) -> list[dict]:
    with path.open(encoding="utf8") as f:
        return [json.loads(line) for line in f]


def split_sentences(data: Path, split: str) -> list[dict]:
    """ANERcorp sentences of `split` ("dev" or "test") from the shared data
    folder (the one holding ner/anercorp)."""
    if split == "dev":
        sentences = load_splits(data / "ner")[0]["dev"]
    elif split == "test":
        sentences = read_jsonl(data / "ner" / "anercorp" / "test.jsonl", "anercorp", "test")
    else:
        raise ValueError(f"unknown ANERcorp split {split!r}")
    return [{"tokens": s.tokens, "tags": s.tags} for s in sentences]


def main(argv: list[str] | None = None) -> int:
    import arsec

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", help="bundled pipeline name or directory")
    parser.add_argument("data", type=Path, nargs="?", default=None, metavar="FILE",
                        help="JSONL with tokens and tags (ANERcorp labels); or use --split")
    parser.add_argument("--split", choices=["dev", "test"], default=None,
                        help="read anercorp-dev or ANERcorp test from --data instead of a file")
    parser.add_argument("--final", action="store_true", help="allow --split test (final figures only)")
    parser.add_argument("--data", dest="data_dir", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data",
                        help="shared data folder for --split (default ../shared/data)")
    parser.add_argument("--json", type=Path, default=None, help="also write the result here")
    args = parser.parse_args(argv)
    if (args.data is None) == (args.split is None):
        parser.error("give either a JSONL file or --split")
    if args.split == "test" and not args.final:
        parser.error("the test split is for final figures only: add --final if this is the final run")
    sentences = read_sentences(args.data) if args.data else split_sentences(args.data_dir, args.split)
    nlp = arsec.load(args.model)
    result = evaluate_anercorp(nlp, sentences)
    result.update(model=args.model, split=args.split or str(args.data), sentences=len(sentences),
                  pipeline=nlp.pipe_names)
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
