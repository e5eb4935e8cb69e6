"""Write the raw news as arsec token NORMs, the training text for floret vectors.

Streams every article of `*/*.jsonl.gz` under the raw-news folder (default
`../shared/data/raw`) through the arsec tokenizer and writes one line per
paragraph (title, then each newline-separated paragraph of `text`): the
space-separated `token.norm_` of its non-whitespace tokens. NORM is the
attribute the pipeline looks vectors up by (`spacy init vectors --attr NORM`),
so the vectors are trained on exactly the strings they will be queried with:
normalised spelling, proclitics split off, the article restored after ل.

Paragraphs rather than sentences: the `sanad_like_aizen991` corpus has its
punctuation stripped upstream, so sentence splitting would fail there, and
floret's context window (5 words) never reaches across a paragraph anyway.

The security subset is skipped because its articles are copies of articles in
the other corpora (the same rule as `build_tokenizer_lexicon.py`).

The output (`training/work/vectors/corpus.txt` by default) is derived corpus
text: it lives in the ignored work folder and must never be committed.

    python training/prepare_vectors_text.py [RAW_DIR] [--out PATH] [--processes 1]
"""
from __future__ import annotations

import argparse
import json
import time
from multiprocessing import Pool
from pathlib import Path
from typing import Iterator

import arsec

from arsec.corpus.data import iter_raw_texts

_REPO = Path(__file__).resolve().parents[1]
_DEFAULT_RAW = _REPO.parent / "shared/data/raw"
_DEFAULT_OUT = _REPO / "training/work/vectors/corpus.txt"

_nlp = None  # one blank arsec pipeline per process, built on first use


def make_nlp():
    return arsec.blank()


def article_lines(text: str) -> str:
    """The article as NORM lines: a whitespace token holding a newline ends a
    paragraph; other whitespace tokens are dropped. Returns '' or lines each
    ending in a newline."""
    global _nlp
    if _nlp is None:
        _nlp = make_nlp()
    lines: list[str] = []
    current: list[str] = []
    for token in _nlp.make_doc(text):
        if token.is_space:
            if "\n" in token.text and current:
                lines.append(" ".join(current))
                current = []
            continue
        # The tokenizer absorbs only a single " " as trailing whitespace, so
        # every newline is inside a whitespace token and is seen above.
        current.append(token.norm_)
    if current:
        lines.append(" ".join(current))
    return "".join(line + "\n" for line in lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("raw_dir", nargs="?", type=Path, default=_DEFAULT_RAW)
    parser.add_argument("--out", type=Path, default=_DEFAULT_OUT)
    parser.add_argument("--processes", type=int, default=1,
                        help="tokenizer processes (the machine's cores are shared: keep 1 or 2)")
    parser.add_argument("--limit", type=int, default=0, help="stop after N articles (0 = all); for timing")
    args = parser.parse_args()

    args.out.parent.mkdir(parents=True, exist_ok=True)
    articles: Iterator[str] = iter_raw_texts(args.raw_dir)
    if args.limit:
        articles = (text for i, text in zip(range(args.limit), articles))

    start = time.perf_counter()
    n_articles = n_lines = n_tokens = 0
    pool = Pool(args.processes) if args.processes > 1 else None
    # Order is kept (imap) so the output is the same for any process count.
    chunks = pool.imap(article_lines, articles, chunksize=64) if pool else map(article_lines, articles)
    with open(args.out, "w", encoding="utf8") as out:
        for lines in chunks:
            out.write(lines)
            n_articles += 1
            n_lines += lines.count("\n")
            n_tokens += lines.count(" ") + lines.count("\n")
            if n_articles % 10_000 == 0:
                elapsed = time.perf_counter() - start
                print(f"{n_articles} articles, {n_tokens:,} tokens, {elapsed:.0f}s "
                      f"({n_tokens / elapsed:,.0f} tokens/s)", flush=True)
    if pool:
        pool.close()
        pool.join()
    elapsed = time.perf_counter() - start
    size_mb = args.out.stat().st_size / 1e6
    print(json.dumps({"articles": n_articles, "lines": n_lines, "tokens": n_tokens,
                      "seconds": round(elapsed, 1), "tokens_per_s": round(n_tokens / elapsed),
                      "processes": args.processes, "out": str(args.out), "size_mb": round(size_mb, 1)}))


if __name__ == "__main__":
    main()
