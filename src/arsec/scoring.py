"""One scorer for OUTPUT.md records: system evaluation and annotator agreement.

`score(gold, predicted)` pairs records by `id` and compares them capability by
capability. Spans match only when their character offsets are identical
(entities also need the same label). Structured attributes are judged on
matched spans only, so an attribute figure never repeats a span error:

entities
    micro P/R/F1 over (start, end, label), overall and per label.
units
    span P/R/F1; on matched spans the accuracy of `echelon`, `number`,
    `specialty` and `parent` (parent compared after `arsec.normalize.normalize`,
    null = null correct), and `full`: P/R/F1 of span plus all four attributes.
operations
    span P/R/F1; `phase` accuracy on matched spans.
statements
    Statements are paired by their cue span: `cue` P/R/F1. On the pairs:
    - `source` and `channel` exact P/R/F1 where null = null is a true negative
      (counted nowhere), a predicted span where gold has null is a FP, a
      missing one a FN, and a different span both a FP and a FN;
    - `content` exact P/R/F1 (content is never null, so P = R = F1 = the share
      of paired statements whose content span is identical);
    - `type` accuracy, and `speaker` accuracy with speakers compared as
      (normalised text, label) and null = null correct.

Token overlap ("token F1") for content and source. Tokens are the
whitespace-separated words of the article, identified by position; a span's
token set is the words its characters overlap (so a span that leaves out a
quote mark or a proclitic «و» glued to its first word still covers that
word). Two figures are reported:
    - `token_f1` (the headline figure) is micro-summed over all statements:
      on a cue pair the shared words are TP, the others FP/FN; the words of a
      statement whose cue has no partner count fully as FP (predicted) or FN
      (gold). It therefore also drops when cues are missed.
    - `token_f1_matched_mean` is the mean over cue pairs of the pair's
      overlap F1; it describes boundary quality alone. For sources, pairs
      where both sides are null are left out of the mean and a pair with one
      null side scores 0.

A figure that has nothing to count (no gold and no predicted item, or no
matched pair for an accuracy) is None, as in spaCy's own Scorer.

`figures(result)` flattens a result into {"entities.PER.f": 0.81, ...} for
JSON; `format_table(result)` prints a compact Markdown table.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any, Iterable, Optional

from spacy.scorer import PRFScore

from .normalize import normalize

UNIT_ATTRIBUTES = ("echelon", "number", "specialty", "parent")
_WORD = re.compile(r"\S+")


class ScoringError(ValueError):
    """The two sides cannot be compared (unpaired ids, different texts)."""


# --- small counters ------------------------------------------------------

def _prf(score: PRFScore) -> dict[str, Any]:
    empty = len(score) == 0
    return {"p": None if empty else score.precision, "r": None if empty else score.recall,
            "f": None if empty else score.fscore, "tp": score.tp, "fp": score.fp, "fn": score.fn}


class _Accuracy:
    def __init__(self) -> None:
        self.correct = 0
        self.n = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.n += 1

    def to_dict(self) -> dict[str, Any]:
        return {"acc": self.correct / self.n if self.n else None, "correct": self.correct, "n": self.n}


def _score_optional_span(score: PRFScore, gold: Optional[tuple], pred: Optional[tuple]) -> None:
    """Exact match of a span that may be null; null = null is a true negative."""
    if gold is not None and gold == pred:
        score.tp += 1
        return
    score.fp += pred is not None
    score.fn += gold is not None


# --- pairing and span keys -----------------------------------------------

def _pair(gold_records: Iterable[dict], predicted_records: Iterable[dict]) -> list[tuple[dict, dict]]:
    def by_id(records, side):
        out = {}
        for rec in records:
            if rec["id"] in out:
                raise ScoringError(f"{side}: id {rec['id']!r} appears twice")
            if "text" not in rec:  # e.g. a standoff record: rebuild it with corpus.standoff.to_gold
                raise ScoringError(f"{side}: record {rec['id']!r} has no text (not an OUTPUT.md record)")
            out[rec["id"]] = rec
        return out

    gold, pred = by_id(gold_records, "gold"), by_id(predicted_records, "predicted")
    if gold.keys() != pred.keys():
        only_g, only_p = sorted(gold.keys() - pred.keys(), key=str), sorted(pred.keys() - gold.keys(), key=str)
        raise ScoringError(f"ids differ: {len(only_g)} only in gold {only_g[:5]}, "
                           f"{len(only_p)} only in predicted {only_p[:5]}")
    pairs = []
    for doc_id in sorted(gold, key=str):
        if gold[doc_id]["text"] != pred[doc_id]["text"]:
            raise ScoringError(f"{doc_id!r}: gold and predicted texts differ")
        pairs.append((gold[doc_id], pred[doc_id]))
    return pairs


def _offsets(span: Optional[dict]) -> Optional[tuple[int, int]]:
    return None if span is None else (span["start"], span["end"])


def _by_span(items: list[dict]) -> dict[tuple[int, int], dict]:
    """Items keyed by (start, end); a repeated span keeps its first item."""
    out: dict[tuple[int, int], dict] = {}
    for item in items:
        out.setdefault((item["start"], item["end"]), item)
    return out


class _Words:
    """Word positions of one text, for token overlap of character spans."""

    def __init__(self, text: str) -> None:
        bounds = [m.span() for m in _WORD.finditer(text)]
        self.starts = [s for s, _ in bounds]
        self.ends = [e for _, e in bounds]

    def of(self, span: Optional[tuple[int, int]]) -> frozenset[int]:
        """Indices of the words that overlap the character span [s, e)."""
        if span is None or span[0] >= span[1]:
            return frozenset()
        start, end = span
        first = bisect_right(self.ends, start)  # first word ending after `start`
        last = bisect_left(self.starts, end)  # words starting before `end`
        return frozenset(range(first, last))


def _overlap_f1(gold: frozenset, pred: frozenset) -> float:
    if not gold and not pred:
        return 1.0
    shared = len(gold & pred)
    return 2 * shared / (len(gold) + len(pred))


class _TokenOverlap:
    """Both token figures of one statement part (see the module docstring)."""

    def __init__(self, skip_both_empty: bool) -> None:
        self.micro = PRFScore()
        self.pair_f1: list[float] = []
        self.skip_both_empty = skip_both_empty

    def add_pair(self, gold: frozenset, pred: frozenset) -> None:
        self.micro.tp += len(gold & pred)
        self.micro.fp += len(pred - gold)
        self.micro.fn += len(gold - pred)
        if gold or pred or not self.skip_both_empty:
            self.pair_f1.append(_overlap_f1(gold, pred))

    def add_unpaired(self, gold: frozenset = frozenset(), pred: frozenset = frozenset()) -> None:
        self.micro.fp += len(pred)
        self.micro.fn += len(gold)

    def to_dict(self) -> dict[str, Any]:
        micro = _prf(self.micro)
        return {"token_p": micro["p"], "token_r": micro["r"], "token_f1": micro["f"],
                "token_f1_matched_mean": sum(self.pair_f1) / len(self.pair_f1) if self.pair_f1 else None,
                "token_pairs": len(self.pair_f1)}


# --- capabilities ----------------------------------------------------------

def _speaker_key(speaker: Optional[dict]) -> Optional[tuple[str, Any]]:
    return None if speaker is None else (normalize(speaker.get("text") or ""), speaker.get("label"))


def _parent_key(parent: Optional[str]) -> Optional[str]:
    return None if parent is None else normalize(parent).strip()


def score(gold_records: Iterable[dict], predicted_records: Iterable[dict]) -> dict[str, Any]:
    """Compare OUTPUT.md records paired by `id`; see the module docstring.

    Raises ScoringError when the two sides hold different ids or when a pair's
    texts differ. Returns a nested dict plus `figures`, its flat form.
    """
    pairs = _pair(gold_records, predicted_records)

    ents_all, ents_by_label = PRFScore(), {}
    unit_spans, unit_full = PRFScore(), PRFScore()
    unit_attrs = {name: _Accuracy() for name in UNIT_ATTRIBUTES}
    op_spans, op_phase = PRFScore(), _Accuracy()
    cues, sources, contents, channels = PRFScore(), PRFScore(), PRFScore(), PRFScore()
    st_type, st_speaker = _Accuracy(), _Accuracy()
    content_tokens, source_tokens = _TokenOverlap(skip_both_empty=False), _TokenOverlap(skip_both_empty=True)

    for gold, pred in pairs:
        # entities
        g_ents = {(e["start"], e["end"], e["label"]) for e in gold["entities"]}
        p_ents = {(e["start"], e["end"], e["label"]) for e in pred["entities"]}
        ents_all.score_set(p_ents, g_ents)
        for label in {e[2] for e in g_ents | p_ents}:
            ents_by_label.setdefault(label, PRFScore()).score_set(
                {e for e in p_ents if e[2] == label}, {e for e in g_ents if e[2] == label})

        # units
        g_units, p_units = _by_span(gold["units"]), _by_span(pred["units"])
        unit_spans.score_set(set(p_units), set(g_units))
        matched_full = 0
        for key in g_units.keys() & p_units.keys():
            g, p = g_units[key], p_units[key]
            checks = {"echelon": g.get("echelon") == p.get("echelon"),
                      "number": g.get("number") == p.get("number"),
                      "specialty": g.get("specialty") == p.get("specialty"),
                      "parent": _parent_key(g.get("parent")) == _parent_key(p.get("parent"))}
            for name, ok in checks.items():
                unit_attrs[name].add(ok)
            matched_full += all(checks.values())
        unit_full.tp += matched_full
        unit_full.fp += len(p_units) - matched_full
        unit_full.fn += len(g_units) - matched_full

        # operations
        g_ops, p_ops = _by_span(gold["operations"]), _by_span(pred["operations"])
        op_spans.score_set(set(p_ops), set(g_ops))
        for key in g_ops.keys() & p_ops.keys():
            op_phase.add(g_ops[key].get("phase") == p_ops[key].get("phase"))

        # statements, paired by cue
        words = _Words(gold["text"])
        g_sts, p_sts = {}, {}
        for side, out in ((gold["statements"], g_sts), (pred["statements"], p_sts)):
            for st in side:
                out.setdefault(_offsets(st["cue"]), st)
        cues.score_set(set(p_sts), set(g_sts))
        for key in g_sts.keys() & p_sts.keys():
            g, p = g_sts[key], p_sts[key]
            _score_optional_span(sources, _offsets(g.get("source")), _offsets(p.get("source")))
            _score_optional_span(contents, _offsets(g["content"]), _offsets(p["content"]))
            _score_optional_span(channels, _offsets(g.get("channel")), _offsets(p.get("channel")))
            st_type.add(g.get("type") == p.get("type"))
            st_speaker.add(_speaker_key(g.get("speaker")) == _speaker_key(p.get("speaker")))
            content_tokens.add_pair(words.of(_offsets(g["content"])), words.of(_offsets(p["content"])))
            source_tokens.add_pair(words.of(_offsets(g.get("source"))), words.of(_offsets(p.get("source"))))
        for key in g_sts.keys() - p_sts.keys():
            content_tokens.add_unpaired(gold=words.of(_offsets(g_sts[key]["content"])))
            source_tokens.add_unpaired(gold=words.of(_offsets(g_sts[key].get("source"))))
        for key in p_sts.keys() - g_sts.keys():
            content_tokens.add_unpaired(pred=words.of(_offsets(p_sts[key]["content"])))
            source_tokens.add_unpaired(pred=words.of(_offsets(p_sts[key].get("source"))))

    result = {
        "docs": len(pairs),
        "entities": {"all": _prf(ents_all), "labels": {k: _prf(v) for k, v in sorted(ents_by_label.items())}},
        "units": {"span": _prf(unit_spans), "full": _prf(unit_full),
                  **{name: acc.to_dict() for name, acc in unit_attrs.items()}},
        "operations": {"span": _prf(op_spans), "phase": op_phase.to_dict()},
        "statements": {"cue": _prf(cues),
                       "source": {**_prf(sources), **source_tokens.to_dict()},
                       "content": {**_prf(contents), **content_tokens.to_dict()},
                       "channel": _prf(channels),
                       "type": st_type.to_dict(), "speaker": st_speaker.to_dict()},
    }
    result["figures"] = figures(result)
    return result


# --- presentation -------------------------------------------------------

def figures(result: dict[str, Any]) -> dict[str, Any]:
    """The nested result as one flat dict: {"units.parent.acc": 0.9, ...}."""
    flat: dict[str, Any] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, sub in value.items():
                if key == "figures":
                    continue
                # per-label entity scores read better as entities.PER.f
                walk(prefix if key == "labels" else f"{prefix}.{key}" if prefix else key, sub)
        else:
            flat[prefix] = value

    walk("", result)
    return flat


def _fmt(value: Optional[float]) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _table_rows(result: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    ents, units, ops, sts = (result[k] for k in ("entities", "units", "operations", "statements"))
    rows = [("entities", ents["all"])]
    rows += [(f"  {label}", s) for label, s in ents["labels"].items()]
    rows += [("units: span", units["span"])]
    rows += [(f"  {name}", units[name]) for name in UNIT_ATTRIBUTES]
    rows += [("  span + all attributes", units["full"]),
             ("operations: span", ops["span"]), ("  phase", ops["phase"]),
             ("statements: cue", sts["cue"]),
             ("  source exact", sts["source"]),
             ("  source tokens", {"p": sts["source"]["token_p"], "r": sts["source"]["token_r"],
                                  "f": sts["source"]["token_f1"], "mean": sts["source"]["token_f1_matched_mean"]}),
             ("  content exact", sts["content"]),
             ("  content tokens", {"p": sts["content"]["token_p"], "r": sts["content"]["token_r"],
                                   "f": sts["content"]["token_f1"], "mean": sts["content"]["token_f1_matched_mean"]}),
             ("  channel exact", sts["channel"]),
             ("  type", sts["type"]), ("  speaker", sts["speaker"])]
    return rows


def format_table(result: dict[str, Any]) -> str:
    """A compact Markdown table (percentages). P/R/F1 rows give the gold
    count (tp + fn) under n; accuracy rows give the number of matched pairs;
    token rows give the micro P/R/F1 and, under acc, the matched-pair mean."""
    lines = [f"docs: {result['docs']}", "",
             "| item | P | R | F1 | acc | n |", "|---|---:|---:|---:|---:|---:|"]
    for name, s in _table_rows(result):
        if "acc" in s:
            lines.append(f"| {name} | | | | {_fmt(s['acc'])} | {s['n']} |")
        elif "mean" in s:
            lines.append(f"| {name} | {_fmt(s['p'])} | {_fmt(s['r'])} | {_fmt(s['f'])} | {_fmt(s['mean'])} | |")
        else:
            lines.append(f"| {name} | {_fmt(s['p'])} | {_fmt(s['r'])} | {_fmt(s['f'])} | | {s['tp'] + s['fn']} |")
    return "\n".join(lines)
