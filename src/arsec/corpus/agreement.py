"""Inter-annotator agreement between two annotation sets of the same articles.

Both sides are standoff records (or gold records: anything with offsets).
Agreement is F1 with exact span match, which is symmetric, so neither side
has to be called "gold". Only articles present on both sides are compared.
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Iterable


def _f1(a: set, b: set) -> dict:
    both = len(a & b)
    p = both / len(b) if b else (1.0 if not a else 0.0)
    r = both / len(a) if a else (1.0 if not b else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"a": len(a), "b": len(b), "both": both, "f1": round(f, 4)}


def _items(rec: dict) -> dict[str, set]:
    """Comparable item sets of one standoff record, keyed by table row."""
    doc = rec["id"]
    rows: dict[str, set] = defaultdict(set)
    for s, e, label in rec["entities"]:
        rows["entities (all)"].add((doc, s, e, label))
        rows[f"  {label}"].add((doc, s, e))
    for s, e, attrs in rec["units"]:
        rows["units: span"].add((doc, s, e))
        rows["units: span+attributes"].add(
            (doc, s, e, attrs.get("echelon"), attrs.get("number"), attrs.get("specialty"),
             tuple(attrs["parent"]) if attrs.get("parent") else None))
    for s, e, attrs in rec["operations"]:
        rows["operations: span"].add((doc, s, e))
        rows["operations: span+phase"].add((doc, s, e, attrs.get("phase")))
    for st in rec["statements"]:
        cue = tuple(st["cue"])
        rows["statements: cue"].add((doc, cue))
        for part in ("source", "content", "channel", "speaker"):
            value = st.get(part)
            rows[f"statements: cue+{part}"].add((doc, cue, tuple(value) if value else None))
        rows["statements: cue+type"].add((doc, cue, st.get("type")))
    return rows


def agreement(side_a: Iterable[dict], side_b: Iterable[dict]) -> dict:
    a = {r["id"]: r for r in side_a}
    b = {r["id"]: r for r in side_b}
    shared = sorted(a.keys() & b.keys())
    rows_a: dict[str, set] = defaultdict(set)
    rows_b: dict[str, set] = defaultdict(set)
    for doc in shared:
        for key, items in _items(a[doc]).items():
            rows_a[key] |= items
        for key, items in _items(b[doc]).items():
            rows_b[key] |= items
    order = ["entities (all)"] + sorted(k for k in rows_a.keys() | rows_b.keys() if k.startswith("  ")) + [
        "units: span", "units: span+attributes", "operations: span", "operations: span+phase",
        "statements: cue", "statements: cue+source", "statements: cue+content", "statements: cue+type",
        "statements: cue+speaker", "statements: cue+channel"]
    return {"articles": len(shared), "only_a": sorted(a.keys() - b.keys()), "only_b": sorted(b.keys() - a.keys()),
            "scores": {k: _f1(rows_a[k], rows_b[k]) for k in order}}


def format_table(result: dict) -> str:
    lines = [f"articles compared: {result['articles']}",
             f"{'item':<28}{'A':>6}{'B':>6}{'both':>6}{'F1':>8}"]
    for key, s in result["scores"].items():
        lines.append(f"{key:<28}{s['a']:>6}{s['b']:>6}{s['both']:>6}{s['f1']:>8.3f}")
    return "\n".join(lines)


def to_json(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False, indent=1)
