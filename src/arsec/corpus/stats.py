"""Counts for the corpus datasheet: articles, words and annotations per split,
labels, echelons, statement types, and the share of optional parts."""
from __future__ import annotations

from collections import Counter
from typing import Iterable


def corpus_stats(records: Iterable[dict], splits: dict | None = None) -> dict:
    split_of = {}
    for name in ("train", "dev", "test"):
        for doc_id in (splits or {}).get(name, []):
            split_of[doc_id] = name
    per_split: dict[str, Counter] = {}
    labels: Counter = Counter()
    echelons: Counter = Counter()
    types: Counter = Counter()
    parts: Counter = Counter()
    for rec in records:
        split = split_of.get(rec["id"], "unsplit")
        counts = per_split.setdefault(split, Counter())
        counts["articles"] += 1
        counts["words"] += len(rec["text"].split())
        counts["entities"] += len(rec["entities"])
        counts["units"] += len(rec["units"])
        counts["operations"] += len(rec["operations"])
        counts["statements"] += len(rec["statements"])
        labels.update(e["label"] for e in rec["entities"])
        echelons.update(u["echelon"] for u in rec["units"])
        parts["units with number"] += sum(u["number"] is not None for u in rec["units"])
        parts["units with specialty"] += sum(u["specialty"] is not None for u in rec["units"])
        parts["units with parent"] += sum(u["parent"] is not None for u in rec["units"])
        parts["operations with phase"] += sum(o["phase"] is not None for o in rec["operations"])
        for st in rec["statements"]:
            types[st["type"]] += 1
            parts["statements with source"] += st["source"] is not None
            parts["statements with speaker"] += st["speaker"] is not None
            parts["statements with channel"] += st["channel"] is not None
    total = Counter()
    for counts in per_split.values():
        total.update(counts)
    return {
        "splits": {k: dict(v) for k, v in sorted(per_split.items())},
        "total": dict(total),
        "labels": dict(labels.most_common()),
        "echelons": dict(echelons.most_common()),
        "statement_types": dict(types.most_common()),
        "optional_parts": dict(parts),
    }


def format_stats(stats: dict) -> str:
    lines = ["| split | articles | words | entities | units | operations | statements |", "|---|---:|---:|---:|---:|---:|---:|"]
    rows = list(stats["splits"].items()) + [("total", stats["total"])]
    for name, c in rows:
        lines.append(f"| {name} | {c.get('articles', 0):,} | {c.get('words', 0):,} | {c.get('entities', 0):,} | "
                     f"{c.get('units', 0):,} | {c.get('operations', 0):,} | {c.get('statements', 0):,} |")
    for title, key in (("label", "labels"), ("echelon", "echelons"), ("statement type", "statement_types"),
                       ("part", "optional_parts")):
        lines += ["", f"| {title} | count |", "|---|---:|"]
        lines += [f"| {k} | {v:,} |" for k, v in stats[key].items()]
    return "\n".join(lines)
