"""Add articles rich in military units and operation names to the gold corpus.

    python training/select_enrichment.py [--data ../shared/data] [--n 130]
    python training/select_enrichment.py --n 70 --min-operations 1 --stage enriched-operations
    python training/select_enrichment.py --n 40 --min-operations 1 --trigger-quotes --stage enriched-operations-2
    python training/select_enrichment.py --n 30 --min-operations 1 --trigger-quotes --corpus ant_multisource --stage enriched-operations-3

The balanced selection (`select_articles.py`) yields far fewer unit mentions
and operation names than the corpus targets (1,500 units, 150 operations):
most security news names neither. This second, documented stage ranks the
remaining security articles by what the rule pipeline (`arsec.load()`) finds
in them: 4 points per operation name, 2 per numbered or non-force unit, 1 per
other unit; it keeps 120-700 words and skips near-duplicates of anything
already selected (the same 5-gram Jaccard rule). The sample is therefore
biased towards what the rules recognise; the datasheet says so, and the
balanced first stage stays the reference for the other figures.

A second run with `--min-operations 1` takes only articles where the rules
find an operation name (the first run left operations short of the target);
a third adds `--trigger-quotes`, a plain pattern for a trigger word followed
by a quoted name, to reach operations the rules miss.

Appends the picked ids to `corpus/selection.jsonl` (order continuing, stage
"enriched") and deals them to train/dev/test with the same 14/3/3 deck into
`corpus/splits.json`, leaving every earlier assignment unchanged.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from arsec.corpus.data import CORPUS_DIR, iter_articles
from arsec.corpus.standoff_hash import sha256_text

from select_articles import DECK, MAX_JACCARD, MAX_WORDS, MIN_WORDS, SEED, jaccard, region_of, shingles, year_of


# A trigger word followed by a short quoted name: an operation the rules may miss.
QUOTED_OPERATION = re.compile(r"(?:عملية|عمليات|عمليتي|معركة|حملة|مناورات|تمرين)\s*(?:ال)?[«\"“][^\"»”\n]{2,40}[»\"”]")


def richness(doc) -> int:
    points = 4 * len(doc.spans.get("operations", []))
    for span in doc.spans.get("units", []):
        unit = span._.unit
        points += 2 if unit["number"] is not None or unit["echelon"] != "force" else 1
    return points


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=None, help="shared data folder (default ../shared/data)")
    parser.add_argument("--n", type=int, default=130)
    parser.add_argument("--min-operations", type=int, default=0,
                        help="keep only articles with at least this many predicted operation names")
    parser.add_argument("--trigger-quotes", action="store_true",
                        help='count quoted names after a trigger word too (4 points each; they satisfy --min-operations)')
    parser.add_argument("--stage", default="enriched", help="stage name written to selection.jsonl")
    parser.add_argument("--corpus", default="security",
                        help="collection to pick from (arsec.corpus.data.CORPUS_FILES); near-duplicates of any selected article are skipped")
    parser.add_argument("--out", type=Path, default=CORPUS_DIR)
    args = parser.parse_args()

    import arsec

    selection_path, splits_path = args.out / "selection.jsonl", args.out / "splits.json"
    selected = [json.loads(l) for l in selection_path.read_text(encoding="utf-8").splitlines() if l.strip()]
    splits = json.loads(splits_path.read_text(encoding="utf-8"))
    taken = {r["id"] for r in selected}
    articles = {a["id"]: a for a in iter_articles(args.corpus, args.data)}
    if args.corpus != "security":  # near-duplicate check against the security articles already selected
        security = {a["id"]: a for a in iter_articles("security", args.data)}
        articles.update({k: v for k, v in security.items() if k in taken})
    candidates = [a for a in articles.values()
                  if a["id"] not in taken and MIN_WORDS <= len(a["text"].split()) <= MAX_WORDS
                  and (args.corpus == "security" or a.get("category", "") == "" or
                       not re.search(r"sport|cultur|tech|medic|financ|econom|relig|beauty|gaming|divers", a.get("category", ""), re.I))]
    nlp = arsec.load(disable=["arsec_statements"])
    rng = random.Random(SEED + 1 + args.min_operations)
    scored = []
    for art, doc in zip(candidates, nlp.pipe(a["text"] for a in candidates)):
        quoted = len(QUOTED_OPERATION.findall(art["text"])) if args.trigger_quotes else 0
        score = richness(doc) + 4 * quoted
        if score and len(doc.spans.get("operations", [])) + quoted >= args.min_operations:
            scored.append((-score, rng.random(), art))
    scored.sort(key=lambda t: (t[0], t[1]))

    known = [shingles(articles[i]["text"]) for i in taken if i in articles]
    picked, dupes = [], 0
    for neg_score, _, art in scored:
        if len(picked) >= args.n:
            break
        sh = shingles(art["text"])
        if any(jaccard(sh, other) >= MAX_JACCARD for other in known):
            dupes += 1
            continue
        known.append(sh)
        picked.append((art, -neg_score))

    order = max(r["order"] for r in selected) + 1
    deck: list[str] = []
    with selection_path.open("a", encoding="utf-8") as out:
        for art, score in picked:
            if not deck:
                deck.extend(rng.sample(DECK, len(DECK)))
            split = deck.pop()
            splits[split] = sorted(set(splits[split]) | {art["id"]})
            out.write(json.dumps({
                "id": art["id"], "sha256": sha256_text(art["text"]), "corpus": args.corpus,
                "region": region_of(art), "source": art["source"], "year": year_of(art),
                "words": len(art["text"].split()), "rule": art.get("security_rule"), "order": order,
                "stage": args.stage, "richness": score,
            }, ensure_ascii=False) + "\n")
            order += 1
    splits_path.write_text(json.dumps(splits, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"picked {len(picked)} of {len(scored)} articles with predicted units/operations "
          f"({dupes} near-duplicates skipped); scores {picked[0][1]}..{picked[-1][1]}")


if __name__ == "__main__":
    main()
