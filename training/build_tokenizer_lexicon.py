"""Build the word-type counts the tokenizer uses to decide clitic splits.

Reads every `*/*.jsonl.gz` under the raw-news folder (default
`../shared/data/raw`, field `text` and `title`), counts orthographic Arabic
words after `arsec.tokenizer.count_key` (diacritics and tatweel dropped,
hamza-alef and ى folded; ة kept apart from ه) and writes the types seen at least `--min-count` times to
`src/arsec/data/tokenizer/word_counts.tsv.gz` as `word<TAB>count`, most
frequent first.

Only derived counts are written; no text of the corpora enters the repository.
The security subset is skipped because its articles are copies of articles in
the other corpora (counting them twice would bias the counts towards them).

    python training/build_tokenizer_lexicon.py [RAW_DIR] [--min-count 2]
"""
from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from pathlib import Path

from arsec.corpus.data import iter_raw_texts
from arsec.tokenizer import count_key

# A word is a run of Arabic letters, diacritics and tatweel; everything else
# (digits, Latin, punctuation, spaces) separates words.
_ARABIC_WORD = re.compile(r"[\u0621-\u063A\u0640-\u065F\u0670-\u06D3]+")
_DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/arsec/data/tokenizer/word_counts.tsv.gz"


def count_words(raw_dir: Path) -> tuple[Counter, int]:
    counts: Counter = Counter()
    n_docs = 0
    for text in iter_raw_texts(raw_dir):
        counts.update(_ARABIC_WORD.findall(count_key(text)))
        n_docs += 1
    print(f"{n_docs} documents, {len(counts)} types")
    return counts, n_docs


def write_counts(counts: Counter, out: Path, min_count: int) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    kept = [(w, c) for w, c in counts.most_common() if c >= min_count]
    # mtime=0 keeps the gzip byte-identical between runs on the same data.
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write("".join(f"{w}\t{c}\n" for w, c in kept).encode("utf8"))
    return len(kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("raw_dir", nargs="?", default="../shared/data/raw", type=Path)
    parser.add_argument("--out", default=_DEFAULT_OUT, type=Path)
    parser.add_argument("--min-count", default=2, type=int)
    args = parser.parse_args()
    counts, n_docs = count_words(args.raw_dir)
    n_kept = write_counts(counts, args.out, args.min_count)
    print(
        f"{n_docs} documents, {sum(counts.values())} words, {len(counts)} types; "
        f"{n_kept} types with count >= {args.min_count} written to {args.out} "
        f"({args.out.stat().st_size / 1e6:.2f} MB)"
    )


if __name__ == "__main__":
    main()
