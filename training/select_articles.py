"""Pick the articles of the gold corpus and fix their train/dev/test split.

    python training/select_articles.py [--data ../shared/data] [--n 330]

Writes `corpus/selection.jsonl` (id, sha256, region, source, corpus, year,
words, rule, order), `corpus/splits.json` and `corpus/SELECTION.md` (how it
picked, with the counts of this run). Deterministic: the same data and seed
give the same files. No article text is written, only ids, hashes and counts.

How it picks (details in the written SELECTION.md):
1. Eligible: 120-700 whitespace words (long articles cost annotation time).
2. Near-duplicates: word 5-gram shingles over normalised text; an article
   whose Jaccard similarity with an already picked one is ≥ 0.3 is skipped.
3. Greedy, balanced order: each step picks from the region stratum (single
   region tag, "multi" for several, "none") furthest below its target share,
   then, inside it, the outlet least picked relative to the square root of
   its size, then the year least picked so far; ties are
   broken by rule (A/AB before B) and a seeded shuffle. Every prefix of the
   order is therefore itself balanced, so annotating in order is safe.
4. Split by article, stratified by region: inside each region, articles in
   order are dealt from a seeded 20-slot deck of 14 train, 3 dev, 3 test.
5. Double annotation: 25 articles among the first 250 in order, shared out
   over the splits in proportion and evenly spaced in order inside each.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path

from arsec.corpus.data import CORPUS_DIR, iter_articles
from arsec.corpus.standoff_hash import sha256_text
from arsec.normalize import normalize

SEED = 20240611
MIN_WORDS, MAX_WORDS = 120, 700
SHINGLE = 5
MAX_JACCARD = 0.3
# Target share of each region stratum. Regions are flattened (the data are
# 1/3 Yemen) so every focus region gets enough articles to learn its names;
# "none" (no focus-region tag, often off-topic crime stories) is kept small.
REGION_TARGET = {"yemen": 0.18, "syria": 0.17, "iraq": 0.15, "multi": 0.14, "libya": 0.09,
                 "sinai": 0.08, "sahel": 0.09, "none": 0.10}
DECK = ["train"] * 14 + ["dev"] * 3 + ["test"] * 3
N_DOUBLE = 25
FIRST_BATCHES = 250

_WORD = re.compile(r"\w+")


def region_of(article: dict) -> str:
    tags = sorted(set(article.get("security_regions") or []))
    return tags[0] if len(tags) == 1 else ("multi" if tags else "none")


def year_of(article: dict) -> str:
    m = re.search(r"(?:19|20)\d\d", article.get("date") or "")
    return m.group() if m else "unknown"


def shingles(text: str) -> set[str]:
    words = _WORD.findall(normalize(text))
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def select(articles: list[dict], n: int, rng: random.Random) -> list[dict]:
    pool: dict[str, list[dict]] = {}
    for art in articles:
        words = len(art["text"].split())
        if MIN_WORDS <= words <= MAX_WORDS:
            art = {**art, "_words": words, "_region": region_of(art), "_year": year_of(art),
                   "_tiebreak": rng.random()}
            pool.setdefault(art["_region"], []).append(art)
    # An outlet's weight grows with the square root of its size: big outlets
    # give more articles, small ones are not drowned.
    available = Counter(a["source"] for arts in pool.values() for a in arts)
    picked: list[dict] = []
    picked_shingles: list[set] = []
    by_region, by_source, by_year = Counter(), Counter(), Counter()
    rejected_dupes = 0
    while len(picked) < n and any(pool.values()):
        region = min((r for r in pool if pool[r]),
                     key=lambda r: (by_region[r] / (REGION_TARGET.get(r, 0.05) * n), r))
        candidates = sorted(pool[region], key=lambda a: (
            by_source[a["source"]] / available[a["source"]] ** 0.5, by_year[a["_year"]], a["security_rule"] == "B", a["_tiebreak"]))
        chosen = None
        for cand in candidates:
            sh = shingles(cand["text"])
            pool[region].remove(cand)
            if any(jaccard(sh, other) >= MAX_JACCARD for other in picked_shingles):
                rejected_dupes += 1
                continue
            chosen = cand
            picked_shingles.append(sh)
            break
        if chosen is None:
            continue
        chosen["_order"] = len(picked)
        picked.append(chosen)
        by_region[region] += 1
        by_source[chosen["source"]] += 1
        by_year[chosen["_year"]] += 1
    select.rejected_dupes = rejected_dupes
    return picked


def assign_splits(picked: list[dict], rng: random.Random) -> dict[str, list[str]]:
    splits: dict[str, set[str]] = {"train": set(), "dev": set(), "test": set()}
    decks: dict[str, list[str]] = {}
    for art in picked:  # in order
        deck = decks.setdefault(art["_region"], [])
        if not deck:
            deck.extend(rng.sample(DECK, len(DECK)))
        splits[deck.pop()].add(art["id"])
    # Double annotation: evenly spaced inside each split among the first
    # articles in order, in proportion to the split sizes (largest remainder).
    first = {a["id"] for a in picked[:FIRST_BATCHES]}
    in_first = {k: [i for i in (a["id"] for a in picked) if i in first and i in v] for k, v in splits.items()}
    quota = {k: N_DOUBLE * len(v) // len(first) for k, v in in_first.items()}
    for k in sorted(in_first, key=lambda k: -(N_DOUBLE * len(in_first[k]) % len(first)))[: N_DOUBLE - sum(quota.values())]:
        quota[k] += 1
    splits["double"] = [ids[int((j + 0.5) * len(ids) / quota[k])] for k, ids in in_first.items() for j in range(quota[k])]
    return {k: sorted(v) if k != "double" else v for k, v in splits.items()}


def _table(counter: Counter) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def write_outputs(picked, splits, eligible, total, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "selection.jsonl", "w", encoding="utf-8") as handle:
        for a in picked:
            handle.write(json.dumps({
                "id": a["id"], "sha256": sha256_text(a["text"]), "corpus": "security", "region": a["_region"],
                "source": a["source"], "year": a["_year"], "words": a["_words"], "rule": a["security_rule"],
                "order": a["_order"]}, ensure_ascii=False) + "\n")
    (out / "splits.json").write_text(json.dumps({"seed": SEED, **splits}, ensure_ascii=False, indent=1) + "\n",
                                     encoding="utf-8")
    split_of = {i: k for k in ("train", "dev", "test") for i in splits[k]}
    words = [a["_words"] for a in picked]
    md = [
        "# Gold corpus selection", "",
        "Written by `training/select_articles.py` (seed %d); rerunning it reproduces these files." % SEED, "",
        "## Method", "",
        f"- Source: `raw/security/security_news.jsonl.gz` ({total} articles); eligible: {MIN_WORDS}-{MAX_WORDS} "
        f"whitespace words ({eligible} articles).",
        f"- Near-duplicates: Jaccard similarity of normalised word {SHINGLE}-gram sets ≥ {MAX_JACCARD} with an "
        f"article already picked → skipped ({select.rejected_dupes} skipped).",
        "- Region stratum: the single `security_regions` tag, `multi` for several, `none` for none; target "
        "shares " + ", ".join(f"{k} {v:.0%}" for k, v in REGION_TARGET.items()) + " (flattened from the data, "
        "which is one third Yemen).",
        "- Greedy order: each step takes the stratum furthest below its target, then inside it the outlet least "
        "picked relative to the square root of its size, then the year least picked so far, then rule A/AB before B, then a seeded shuffle. Any prefix of the "
        "order (e.g. the first 250) is balanced the same way; annotate in `order`.",
        "- Splits by article, stratified by region: a seeded deck of 14 train / 3 dev / 3 test per 20 articles "
        "of a region, dealt in order.",
        f"- Double annotation: {N_DOUBLE} articles among the first {FIRST_BATCHES} in order, shared over the "
        "splits in proportion to their size and evenly spaced in order inside each.", "",
        "## This selection", "",
        f"- Articles: {len(picked)}; words: {sum(words)} in all, median {sorted(words)[len(words) // 2]}.",
        f"- Regions: {_table(Counter(a['_region'] for a in picked))}.",
        f"- Outlets: {_table(Counter(a['source'] for a in picked))}.",
        f"- Corpora: {_table(Counter(a['corpus'] for a in picked))}.",
        f"- Years: {_table(Counter(a['_year'] for a in picked))}.",
        f"- Rules: {_table(Counter(a['security_rule'] for a in picked))}.",
        f"- Splits: " + ", ".join(f"{k} {len(splits[k])}" for k in ("train", "dev", "test")) + "; first "
        f"{FIRST_BATCHES} in order: " + _table(Counter(split_of[a['id']] for a in picked[:FIRST_BATCHES])) + ".",
        f"- Double annotation by split: {_table(Counter(split_of[i] for i in splits['double']))}.", "",
    ]
    (out / "SELECTION.md").write_text("\n".join(md), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=None, help="shared data folder (default ../shared/data)")
    parser.add_argument("--n", type=int, default=330)
    parser.add_argument("--out", type=Path, default=CORPUS_DIR)
    args = parser.parse_args()
    articles = sorted(iter_articles("security", args.data), key=lambda a: a["id"])
    rng = random.Random(SEED)
    eligible = sum(MIN_WORDS <= len(a["text"].split()) <= MAX_WORDS for a in articles)
    picked = select(articles, args.n, rng)
    splits = assign_splits(picked, random.Random(SEED + 1))
    write_outputs(picked, splits, eligible, len(articles), args.out)
    print(f"picked {len(picked)} of {eligible} eligible; wrote {args.out}/selection.jsonl, splits.json, SELECTION.md")


if __name__ == "__main__":
    main()
