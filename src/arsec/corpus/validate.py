"""Checks a gold record (OUTPUT.md shape) against ANNOTATION.md.

`validate_record` returns a list of `Problem`s (empty when the record is
clean). Each names the article, the item and the offending span so an
annotator can find it without counting characters.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .boundaries import edge_problems, starts_or_ends_with_quote
from .parents import locate_parent
from .schema import ECHELONS, ENTITY_LABELS, SPEAKER_LABELS, STATEMENT_TYPES, operation_name


@dataclass(frozen=True)
class Problem:
    doc_id: str
    where: str  # e.g. "entity 3", "statement 2 content"
    message: str
    span: str = ""  # the offending text, or "" when not about one span

    def __str__(self) -> str:
        span = f" «{self.span}»" if self.span else ""
        return f"{self.doc_id}: {self.where}{span}: {self.message}"


def _span_checks(rec, where, item, problems, allow_quotes=True) -> bool:
    """Offsets reproduce the text and the edges are legal; False if unusable."""
    text, doc_id = rec["text"], rec.get("id", "")
    s, e = item.get("start"), item.get("end")
    if not isinstance(s, int) or not isinstance(e, int) or isinstance(s, bool) or isinstance(e, bool):
        problems.append(Problem(doc_id, where, "start/end must be integers"))
        return False
    if "text" in item and text[s:e] != item["text"]:
        problems.append(Problem(doc_id, where, f"offsets [{s}, {e}) give «{text[s:e]}», not the stored text", item["text"]))
        return False
    for reason in edge_problems(text, s, e, allow_quotes=allow_quotes):
        problems.append(Problem(doc_id, where, reason, text[s:e]))
    return True


def _check_sorted(rec, key_name, items, key, problems):
    keys = [key(x) for x in items]
    if keys != sorted(keys):
        problems.append(Problem(rec.get("id", ""), key_name, "list is not sorted by start, then end"))
    if len(set(keys)) != len(keys):
        problems.append(Problem(rec.get("id", ""), key_name, "the same span is listed twice"))


def validate_record(rec: dict) -> list[Problem]:
    doc_id, text = rec.get("id", ""), rec.get("text", "")
    problems: list[Problem] = []
    for key in ("entities", "units", "operations", "statements"):
        if not isinstance(rec.get(key), list):
            problems.append(Problem(doc_id, key, "missing or not a list"))
            return problems

    # entities
    ents = rec["entities"]
    good_ents = []
    for i, ent in enumerate(ents):
        where = f"entity {i + 1} ({ent.get('label')})"
        if ent.get("label") not in ENTITY_LABELS:
            problems.append(Problem(doc_id, where, f"unknown label {ent.get('label')!r}", ent.get("text", "")))
        if _span_checks(rec, where, ent, problems):
            good_ents.append(ent)
    _check_sorted(rec, "entities", ents, lambda x: (x.get("start", -1), x.get("end", -1)), problems)
    flat = sorted(good_ents, key=lambda x: (x["start"], x["end"]))
    for a, b in zip(flat, flat[1:]):
        if b["start"] < a["end"]:
            problems.append(Problem(doc_id, "entities", f"overlaps «{text[a['start']:a['end']]}»", text[b["start"]:b["end"]]))

    # units
    units = rec["units"]
    mil_ents = {(e["start"], e["end"]) for e in good_ents if e.get("label") == "MIL_UNIT"}
    unit_spans = set()
    for i, unit in enumerate(units):
        where = f"unit {i + 1}"
        span_text = unit.get("text", "")
        if not _span_checks(rec, where, unit, problems):
            continue
        unit_spans.add((unit["start"], unit["end"]))
        if unit.get("echelon") not in ECHELONS:
            problems.append(Problem(doc_id, where, f"unknown echelon {unit.get('echelon')!r}", span_text))
        number = unit.get("number")
        if number is not None and (not isinstance(number, int) or isinstance(number, bool)):
            problems.append(Problem(doc_id, where, f"number must be an integer or null, not {number!r}", span_text))
        for key in ("specialty", "parent"):
            if unit.get(key) is not None and not isinstance(unit.get(key), str):
                problems.append(Problem(doc_id, where, f"{key} must be a string or null", span_text))
        if isinstance(unit.get("parent"), str) and locate_parent(text, unit["start"], unit["end"], unit["parent"]) is None:
            problems.append(Problem(doc_id, where, f"parent «{unit['parent']}» is not written in the unit or after it "
                                    "(write it as in the text, article restored after ل)", span_text))
        if not any(s <= unit["start"] and unit["end"] <= e for s, e in mil_ents):
            problems.append(Problem(doc_id, where, "unit lies outside every MIL_UNIT entity", span_text))
    _check_sorted(rec, "units", units, lambda x: (x.get("start", -1), x.get("end", -1)), problems)
    for s, e in sorted(mil_ents - unit_spans):
        problems.append(Problem(doc_id, "entities", "MIL_UNIT entity has no units entry with the same span", text[s:e]))

    # operations
    ops = rec["operations"]
    op_ents = {(e["start"], e["end"]) for e in good_ents if e.get("label") == "OPERATION"}
    op_spans = set()
    for i, op in enumerate(ops):
        where = f"operation {i + 1}"
        if not _span_checks(rec, where, op, problems):
            continue
        op_spans.add((op["start"], op["end"]))
        span_text = text[op["start"]:op["end"]]
        if op.get("name") != operation_name(span_text):
            problems.append(Problem(doc_id, where, f"name must be «{operation_name(span_text)}» (span text normalised)", span_text))
        phase = op.get("phase")
        if phase is not None and (not isinstance(phase, int) or isinstance(phase, bool)):
            problems.append(Problem(doc_id, where, f"phase must be an integer or null, not {phase!r}", span_text))
    _check_sorted(rec, "operations", ops, lambda x: (x.get("start", -1), x.get("end", -1)), problems)
    for s, e in sorted(op_ents - op_spans):
        problems.append(Problem(doc_id, "entities", "OPERATION entity has no operations entry", text[s:e]))
    for s, e in sorted(op_spans - op_ents):
        problems.append(Problem(doc_id, "operations", "operation has no OPERATION entity with the same span", text[s:e]))

    # statements
    entity_names = {(e["text"] if "text" in e else text[e["start"]:e["end"]], e.get("label")) for e in good_ents}
    stmts = rec["statements"]
    for i, st in enumerate(stmts):
        where = f"statement {i + 1}"
        cue_text = (st.get("cue") or {}).get("text", "")
        for part in ("cue", "content"):
            if not st.get(part):
                problems.append(Problem(doc_id, where, f"has no {part}", cue_text))
        for part in ("cue", "source", "content", "channel"):
            if st.get(part):
                _span_checks(rec, f"{where} {part}", st[part], problems,
                             allow_quotes=not (part == "content" and st.get("type") == "direct"))
        if st.get("type") not in STATEMENT_TYPES:
            problems.append(Problem(doc_id, where, f"unknown type {st.get('type')!r} ({', '.join(STATEMENT_TYPES)})", cue_text))
        content = st.get("content")
        if content and st.get("type") == "direct" and starts_or_ends_with_quote(content.get("text", "")):
            problems.append(Problem(doc_id, f"{where} content", "direct content excludes its quotation marks", content.get("text", "")))
        speaker: Optional[dict] = st.get("speaker")
        if speaker is not None:
            if not isinstance(speaker, dict) or speaker.get("label") not in SPEAKER_LABELS:
                problems.append(Problem(doc_id, f"{where} speaker", f"speaker label must be one of {', '.join(SPEAKER_LABELS)}", str(speaker)))
            elif (speaker.get("text"), speaker.get("label")) not in entity_names:
                problems.append(Problem(doc_id, f"{where} speaker",
                                        f"no {speaker.get('label')} entity with exactly this text in the article", speaker.get("text", "")))
    cues = sorted(((st["cue"]["start"], st["cue"]["end"], st["cue"].get("text", ""))
                   for st in stmts if st.get("cue")))
    for (s1, e1, _), (s2, e2, t2) in zip(cues, cues[1:]):
        if s2 < e1:
            problems.append(Problem(doc_id, "statements", "cue overlaps the cue of another statement", t2))
    _check_sorted(rec, "statements", stmts,
                  lambda x: ((x.get("cue") or {}).get("start", -1), (x.get("cue") or {}).get("end", -1)), problems)
    return problems


def validate_standoff(standoff: dict, text: Optional[str]) -> list[Problem]:
    """Check a stored record against its article: hash first, then the record."""
    from .standoff import StandoffError, to_gold  # local: standoff does not need the validator

    doc_id = standoff.get("id", "")
    if text is None:
        return [Problem(doc_id, "article", "not found in the data folder")]
    try:
        gold = to_gold(standoff, text)
    except StandoffError as err:
        return [Problem(doc_id, "article", str(err))]
    except (KeyError, TypeError, ValueError, IndexError) as err:
        return [Problem(doc_id, "record", f"malformed standoff record: {err!r}")]
    return validate_record(gold)
