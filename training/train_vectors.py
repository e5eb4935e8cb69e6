"""Train floret subword vectors on the NORM corpus and export them for spaCy.

Input: the text written by `prepare_vectors_text.py` (one paragraph of
space-separated token NORMs a line). Steps:

1. `floret.train_unsupervised(..., mode="floret")`: word and character n-gram
   vectors share one hashed table of `bucket` rows, so the exported table has
   a fixed size (bucket × dim × 4 bytes) and every string, seen or not, gets a
   vector from its n-grams.
2. `model.save_floret_vectors` → `<out>/vectors.floret`.
3. `python -m spacy init vectors ar <out>/vectors.floret <out>/ar_vectors
   --mode floret --attr NORM`: the pipeline looks vectors up by `token.norm_`,
   the same strings the corpus was written in.
4. Sanity check: nearest neighbours of a few query words, computed through the
   exported spaCy vectors (floret-mode `Vectors.most_similar` is not supported
   by spaCy, so candidates are floret's most frequent vocabulary words and the
   ranking is by cosine over their spaCy vectors). The floret and spaCy vectors
   of every query are compared too: a cosine below 0.999 means the export or
   the lookup attribute does not match training.

Everything is written under `training/work/vectors/` (ignored). The summary
(`summary.json`) holds measured sizes, times and neighbours.

    python training/train_vectors.py [--corpus PATH] [--out DIR] [--model cbow]
        [--dim 128] [--bucket 80000] [--minn 4] [--maxn 5] [--hash-count 2]
        [--epoch 3] [--thread 2]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import floret
import numpy
import spacy

_REPO = Path(__file__).resolve().parents[1]
_WORK = _REPO / "training/work/vectors"

# Queries for the sanity check, in NORM spelling (the lookup strings): common
# security-news words, places, a verb of saying, a rare plural (الدواعش), a
# one-letter typo (الجيس for الجيش) and a doubled-letter typo that the corpus
# does not contain (بغدااد), which only floret's subwords can place.
_QUERIES = ["الجيش", "داعش", "بغداد", "اللواء", "قال", "الحوثيين", "اغتيال", "صنعاء",
            "الارهابيه", "الجيس", "الدواعش", "بغدااد"]


def directory_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def train(args: argparse.Namespace) -> floret.FastText._FastText:
    return floret.train_unsupervised(
        str(args.corpus), model=args.model, mode="floret", dim=args.dim, bucket=args.bucket,
        minn=args.minn, maxn=args.maxn, hashCount=args.hash_count, epoch=args.epoch,
        minCount=args.min_count, thread=args.thread, verbose=2,
    )


def neighbours(model, vectors_dir: Path, queries: list[str], n_candidates: int, top: int) -> dict:
    """Nearest candidate words for each query, ranked with the spaCy vectors."""
    nlp = spacy.load(vectors_dir)
    vectors = nlp.vocab.vectors
    words, _ = model.get_words(include_freq=True)  # most frequent first
    candidates = [w for w in words[:n_candidates] if w != "</s>"]

    def unit(matrix: numpy.ndarray) -> numpy.ndarray:
        return matrix / numpy.maximum(numpy.linalg.norm(matrix, axis=1, keepdims=True), 1e-8)

    cand_vecs = unit(vectors.get_batch(candidates))
    query_vecs = unit(vectors.get_batch(queries))
    floret_vecs = unit(numpy.stack([model.get_word_vector(q) for q in queries]))
    result = {}
    for i, query in enumerate(queries):
        scores = cand_vecs @ query_vecs[i]
        order = [j for j in numpy.argsort(-scores) if candidates[j] != query][:top]
        result[query] = {
            "in_floret_vocab": model.get_word_id(query) >= 0,
            "floret_vs_spacy_cosine": round(float(floret_vecs[i] @ query_vecs[i]), 4),
            "neighbours": [(candidates[j], round(float(scores[j]), 3)) for j in order],
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=_WORK / "corpus.txt")
    parser.add_argument("--out", type=Path, default=_WORK)
    parser.add_argument("--model", choices=["cbow", "skipgram"], default="cbow")
    parser.add_argument("--dim", type=int, default=128)
    parser.add_argument("--bucket", type=int, default=80_000)
    parser.add_argument("--minn", type=int, default=4)
    parser.add_argument("--maxn", type=int, default=5)
    parser.add_argument("--hash-count", type=int, default=2)
    parser.add_argument("--epoch", type=int, default=3)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--thread", type=int, default=2)
    parser.add_argument("--candidates", type=int, default=100_000,
                        help="most frequent floret words searched for neighbours")
    parser.add_argument("--top", type=int, default=8)
    args = parser.parse_args()

    args.out.mkdir(parents=True, exist_ok=True)
    floret_path = args.out / "vectors.floret"
    spacy_dir = args.out / "ar_vectors"

    start = time.perf_counter()
    model = train(args)
    train_s = time.perf_counter() - start
    model.save_floret_vectors(str(floret_path))

    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "ar", str(floret_path), str(spacy_dir),
                    "--mode", "floret", "--attr", "NORM"], check=True)
    init_s = time.perf_counter() - start

    summary = {
        "parameters": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "floret_vocab_words": len(model.get_words()),
        "train_seconds": round(train_s, 1),
        "init_vectors_seconds": round(init_s, 1),
        "floret_file_mb": round(floret_path.stat().st_size / 1e6, 1),
        "spacy_vectors_dir_mb": round(directory_size(spacy_dir) / 1e6, 1),
        "table_mb": round(args.bucket * args.dim * 4 / 1e6, 1),
        "neighbours": neighbours(model, spacy_dir, _QUERIES, args.candidates, args.top),
    }
    (args.out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf8")
    print(json.dumps(summary, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
