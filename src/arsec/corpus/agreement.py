"""Inter-annotator agreement between two annotation sets of the same articles.

Agreement is `arsec.scoring.score` with side A as gold and side B as
predicted: the same figures as a system evaluation. Span F1 is symmetric, so
neither side has to be right; attribute accuracies are computed on the spans
both sides marked. Only articles present on both sides are compared.

Standoff batches hold no text: `agreement_files` rebuilds both sides' gold
records through `gold.gold_records` (which fetches the articles and checks
their hashes) before scoring.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional, Union

from .. import scoring

PathLike = Union[str, Path]


def agreement(side_a: Iterable[dict], side_b: Iterable[dict]) -> dict:
    """Agreement of two lists of OUTPUT.md records over the ids they share."""
    a = {r["id"]: r for r in side_a}
    b = {r["id"]: r for r in side_b}
    shared = a.keys() & b.keys()
    result = scoring.score([a[k] for k in shared], [b[k] for k in shared])
    return {"articles": len(shared), "only_a": sorted(a.keys() - shared), "only_b": sorted(b.keys() - shared),
            **result}


def agreement_files(path_a: PathLike, path_b: PathLike, data: Optional[PathLike] = None) -> dict:
    """Agreement of two standoff batch files (articles read from `data`)."""
    from .gold import gold_records
    from .standoff import read_jsonl

    ids_a = {r["id"] for r in read_jsonl(path_a)}
    ids_b = {r["id"] for r in read_jsonl(path_b)}
    shared = ids_a & ids_b
    # Rebuild gold records only for shared ids: the rest is not compared and
    # need not be fetched.
    side_a = [r for r in gold_records([path_a], data=data) if r["id"] in shared] if shared else []
    side_b = [r for r in gold_records([path_b], data=data) if r["id"] in shared] if shared else []
    result = agreement(side_a, side_b)
    result["only_a"] = sorted(ids_a - shared)
    result["only_b"] = sorted(ids_b - shared)
    return result


def format_table(result: dict) -> str:
    head = (f"articles compared: {result['articles']} "
            f"(only in A: {len(result['only_a'])}, only in B: {len(result['only_b'])})")
    return head + "\n" + scoring.format_table(result)


def to_json(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False, indent=1)
