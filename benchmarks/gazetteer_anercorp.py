"""Span F1 of the baseline gazetteer recogniser on the ANERcorp TRAIN split.

ANERcorp gives whitespace tokens with BIO tags (PERS, LOC, ORG, MISC) and
leaves clitics attached («بالعراق» is one gold token). Each sentence is joined
with single spaces and run through the arsec tokenizer and `arsec_gazetteer`;
a predicted span is widened to the whitespace tokens it touches, so that
«العراق» inside «بالعراق» counts as the gold token. ARMED_GROUP is scored as
ORG (ANERcorp has no such label). Exact span match, micro P/R/F1 per label.

Only the train split is read: the test split is kept for final figures.

    python benchmarks/gazetteer_anercorp.py [DATA_DIR] [--limit N] [--errors K]
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import spacy

from arsec.tokenizer import create_arabic_tokenizer

LABEL_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "ARMED_GROUP": "ORG"}
LABELS = ["PER", "LOC", "ORG", "MISC"]


def build_nlp():
    nlp = spacy.blank("ar")
    nlp.tokenizer = create_arabic_tokenizer()(nlp)
    nlp.add_pipe("arsec_gazetteer")
    return nlp


def gold_spans(tokens: list[str], tags: list[str]) -> tuple[str, list[tuple[int, int]], set[tuple[int, int, str]]]:
    """Joined text, the character span of each token, and gold entity spans."""
    offsets = []
    pos = 0
    for tok in tokens:
        offsets.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    text = " ".join(tokens)
    spans = set()
    start = label = None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and label == LABEL_MAP.get(kind) and start is not None
        if not continues and start is not None:
            spans.add((offsets[start][0], offsets[i - 1][1], label))
            start = label = None
        if prefix == "B" or (prefix == "I" and not continues):
            start, label = i, LABEL_MAP[kind]
    return text, offsets, spans


def widen(start: int, end: int, offsets: list[tuple[int, int]]) -> tuple[int, int]:
    """Widen a character span to the whitespace tokens it overlaps."""
    touched = [o for o in offsets if o[0] < end and o[1] > start]
    return touched[0][0], touched[-1][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", default="../shared/data")
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    parser.add_argument("--errors", type=int, default=0, help="print K false positives and negatives per label")
    args = parser.parse_args()

    path = Path(args.data_dir) / "ner" / "anercorp" / "train.jsonl"
    with open(path, encoding="utf8") as f:
        rows = [json.loads(line) for line in f]
    if args.limit:
        rows = rows[: args.limit]

    nlp = build_nlp()
    gazetteer = nlp.get_pipe("arsec_gazetteer")
    tp, fp, fn = Counter(), Counter(), Counter()
    errors: dict[str, list[str]] = {}
    n_words = 0
    seconds = 0.0  # the gazetteer alone, tokenization excluded
    for row in rows:
        text, offsets, gold = gold_spans(row["tokens"], row["tags"])
        n_words += len(row["tokens"])
        doc = nlp.make_doc(text)
        t0 = time.perf_counter()
        doc = gazetteer(doc)
        seconds += time.perf_counter() - t0
        pred = set()
        for ent in doc.ents:
            s, e = widen(ent.start_char, ent.end_char, offsets)
            pred.add((s, e, LABEL_MAP[ent.label_]))
        for span in pred & gold:
            tp[span[2]] += 1
        for span in pred - gold:
            fp[span[2]] += 1
            errors.setdefault("FP " + span[2], []).append(text[span[0] : span[1]])
        for span in gold - pred:
            fn[span[2]] += 1
            errors.setdefault("FN " + span[2], []).append(text[span[0] : span[1]])

    print(f"ANERcorp train: {len(rows)} sentences, {n_words} words, {n_words / seconds:,.0f} words/s (arsec_gazetteer alone)")
    print(f"{'label':<6} {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for label in LABELS + ["ALL"]:
        if label == "ALL":
            t, p_, n_ = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            t, p_, n_ = tp[label], fp[label], fn[label]
        precision = t / (t + p_) if t + p_ else 0.0
        recall = t / (t + n_) if t + n_ else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{label:<6} {t + n_:>6} {t + p_:>6} {precision:6.3f} {recall:6.3f} {f1:6.3f}")
    if args.errors:
        for key in sorted(errors):
            common = Counter(errors[key]).most_common(args.errors)
            print(key, ", ".join(f"{w} ({c})" for w, c in common))


if __name__ == "__main__":
    main()
