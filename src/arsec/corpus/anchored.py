"""The anchored standoff format: annotations that quote text instead of offsets.

Annotators (people and language models) cannot count characters, so a working
file names every span by quoting it, and this module resolves the quotes to
offsets with a fixed rule. `render` writes a gold record (OUTPUT.md shape) in
this format and `parse` reads it back; `parse(render(r), text) == r` for every
record whose span texts match their offsets.

File layout (one item per line, `#` starts a comment line)::

    ID: <article id>
    CORPUS: security
    SHA256: <sha256 of the article text>
    ANNOTATOR: <name>
    ENT LOC | الموصل
    UNIT | اللواء 20 من الفرقة السابعة | echelon=brigade number=20 specialty=- parent=الفرقة السابعة
    OP | فجر الصحراء | phase=3
    STMT cue=أعلنت | source=قيادة العمليات | content=انطلاق المرحلة ... داعش | type=mixed | speaker=MIL_UNIT:قيادة العمليات | channel=-

Resolution rule (docs/annotating.md explains it with examples):
- A quoted span only matches where both of its edges are valid span edges
  (word boundary or proclitic boundary, see `boundaries`), so «عدن» never
  matches inside «معدن» and «الشرطة» never matches «للشرطة» (write «لشرطة»).
- ENT, UNIT and OP lines are each a list in text order: an item resolves to the
  first match that sorts after the previous item of the same list (by start,
  then end). Units may nest, so a later unit may start inside an earlier one.
- STMT lines are a list ordered by cue; source, content and channel resolve to
  the match nearest their own statement's cue.
- Overrides for the rare ambiguous case, written after the quote:
  `@N` the N-th match in the whole article (1-based), `<<CONTEXT` the first
  match (under the rule above) whose preceding text ends with CONTEXT,
  `@@S` the literal text starting at character S (written by tools only).
- A long span may be elided as `HEAD ... TAIL` (space, three dots, space): it
  starts at HEAD and ends at the first TAIL after it. The literal reading wins
  when the text itself contains the quote with the dots.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

from .boundaries import end_ok, is_word_char, start_ok
from .schema import (
    ENTITY_LABELS, UNIT_ATTRIBUTES, empty_record, operation_name, sort_record, span_dict,
)
from .standoff_hash import sha256_text

ELISION = " ... "
FIELD_SEP = " | "
NULL = "-"
FORMAT_LINE = "# arsec anchored annotation v1 (see docs/annotating.md)"
_ELIDE_MIN_WORDS = 12
_ELIDE_KEEP_WORDS = 4

Span = tuple[int, int]


class AnchoredError(ValueError):
    """Raised by `parse` with every problem found, one per line of the message."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class SpanRef:
    text: str
    occurrence: Optional[int] = None  # @N
    left: Optional[str] = None  # <<CONTEXT
    start: Optional[int] = None  # @@S


_AT_AT = re.compile(r"^(.*?)\s+@@(\d+)$", re.S)
_AT = re.compile(r"^(.*?)\s+@(\d+)$", re.S)


def parse_ref(field: str) -> SpanRef:
    field = field.strip()
    m = _AT_AT.match(field)
    if m:
        return SpanRef(m.group(1).strip(), start=int(m.group(2)))
    m = _AT.match(field)
    if m:
        return SpanRef(m.group(1).strip(), occurrence=int(m.group(2)))
    if "<<" in field:
        quote, left = field.split("<<", 1)
        return SpanRef(quote.strip(), left=left.strip())
    return SpanRef(field)


# --------------------------------------------------------------------------
# candidates and choice

def _occurrences(text: str, needle: str) -> list[int]:
    found, i = [], text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def candidates(text: str, quote: str) -> list[Span]:
    """Every place `quote` can denote in `text`, sorted; see the module rule."""
    if not quote:
        return []
    literal = [
        (s, s + len(quote)) for s in _occurrences(text, quote)
        if start_ok(text, s) and end_ok(text, s + len(quote))
    ]
    if literal or ELISION not in quote:
        return literal
    head, tail = quote.split(ELISION, 1)
    head, tail = head.strip(), tail.strip()
    if not head or not tail:
        return []
    tails = [t for t in _occurrences(text, tail) if end_ok(text, t + len(tail))]
    spans = []
    for s in _occurrences(text, head):
        if not start_ok(text, s):
            continue
        after = [t for t in tails if t >= s + len(head)]
        if after:
            spans.append((s, after[0] + len(tail)))
    return spans


def _left_matches(text: str, start: int, context: str) -> bool:
    i = start
    while i > 0 and is_word_char(text[i - 1]) and text[i - 1] in "وفبكلـ":
        i -= 1  # attached proclitics belong to neither the span nor the context
    # The context may end with the proclitic itself («… و») or stop before it.
    return text[:i].rstrip().endswith(context) or text[:start].rstrip().endswith(context)


def after_previous(previous: Optional[Span], flat: bool = False) -> Callable[[list[Span]], Optional[Span]]:
    """First span after `previous` (by start, then end). In a flat list
    (entities, operations, cues) the next item also starts at or after the
    previous one's end, so a repeated short name never lands inside the
    longer mention before it («عمر» after «خالد عمر»)."""

    def choose(spans: list[Span]) -> Optional[Span]:
        for span in spans:
            if previous is None or (span > previous and (not flat or span[0] >= previous[1])):
                return span
        return None

    return choose


def nearest_to(anchor: Span) -> Callable[[list[Span]], Optional[Span]]:
    def gap(span: Span) -> tuple[int, int]:
        # A span around the anchor (a parenthetical cue inside its content) is
        # as far as its start: an elided HEAD ... TAIL that starts paragraphs
        # earlier must not win over the match right next to the cue.
        if span[1] <= anchor[0]:
            distance = anchor[0] - span[1]
        elif span[0] >= anchor[1]:
            distance = span[0] - anchor[1]
        else:
            distance = abs(anchor[0] - span[0])
        return (distance, span[0])

    def choose(spans: list[Span]) -> Optional[Span]:
        return min(spans, key=gap) if spans else None

    return choose


def resolve(text: str, ref: SpanRef, choose: Callable[[list[Span]], Optional[Span]]) -> Span:
    """Offsets of `ref` in `text` under the policy `choose`; ValueError if none."""
    if ref.start is not None:
        end = ref.start + len(ref.text)
        if text[ref.start:end] != ref.text or not ref.text:
            raise ValueError(f"«{ref.text}» is not the text at character {ref.start}")
        return ref.start, end
    spans = candidates(text, ref.text)
    if not spans:
        raise ValueError(
            f"«{ref.text}» not found with valid edges (check the spelling, and that it "
            "starts/ends on a word or after a proclitic)"
        )
    if ref.occurrence is not None:
        if not 1 <= ref.occurrence <= len(spans):
            raise ValueError(f"«{ref.text}» @{ref.occurrence}: only {len(spans)} matches")
        return spans[ref.occurrence - 1]
    if ref.left is not None:
        spans = [s for s in spans if _left_matches(text, s[0], ref.left)]
        if not spans:
            raise ValueError(f"«{ref.text}» never follows «{ref.left}»")
    chosen = choose(spans)
    if chosen is None:
        raise ValueError(
            f"«{ref.text}» has no match after the previous item (items must be in text order; "
            "use @N for an earlier one)"
        )
    return chosen


# --------------------------------------------------------------------------
# parse

_UNIT_KEYS = re.compile(r"(?:^|\s)(" + "|".join(UNIT_ATTRIBUTES) + r")=")
_OP_KEYS = re.compile(r"(?:^|\s)(phase|name)=")


def _key_values(field: str, keys: re.Pattern) -> dict[str, str]:
    marks = list(keys.finditer(field))
    if not marks and field.strip():
        raise ValueError(f"cannot read attributes «{field.strip()}»")
    if marks and field[: marks[0].start()].strip():
        raise ValueError(f"unexpected text before attributes: «{field[: marks[0].start()].strip()}»")
    values = {}
    for m, nxt in zip(marks, marks[1:] + [None]):
        values[m.group(1)] = field[m.end(): nxt.start() if nxt else len(field)].strip()
    return values


def _int_or_null(value: str, what: str) -> Optional[int]:
    if value in (NULL, "", "null", "None"):
        return None
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{what} must be an integer or -, not «{value}»") from None


def _null_or(value: Optional[str]) -> Optional[str]:
    return None if value is None or value.strip() in (NULL, "", "null", "None") else value.strip()


def parse_header(content: str) -> dict[str, str]:
    header = {}
    for line in content.splitlines():
        m = re.match(r"^(ID|CORPUS|SHA256|ANNOTATOR):\s*(.*?)\s*$", line)
        if m:
            header[m.group(1).lower()] = m.group(2)
    return header


def parse(content: str, text: str, doc_id: Optional[str] = None) -> dict:
    """Read an anchored file into a gold record for the article `text`.

    Raises `AnchoredError` listing every line that could not be resolved.
    """
    header = parse_header(content)
    record = empty_record(doc_id or header.get("id", ""), text)
    problems: list[str] = []
    if header.get("sha256") and header["sha256"] != sha256_text(text):
        problems.append("SHA256 in the header does not match the article text (wrong article?)")
    prev: dict[str, Optional[Span]] = {"ENT": None, "UNIT": None, "OP": None, "STMT": None}
    for number, raw in enumerate(content.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#") or re.match(r"^(ID|CORPUS|SHA256|ANNOTATOR):", line):
            continue
        kind = line.split(None, 1)[0]
        try:
            if kind == "ENT":
                _parse_entity(line, text, record, prev)
            elif kind == "UNIT":
                _parse_unit(line, text, record, prev)
            elif kind == "OP":
                _parse_operation(line, text, record, prev)
            elif kind == "STMT":
                _parse_statement(line, text, record, prev)
            else:
                raise ValueError(f"unknown line type {kind!r} (ENT, UNIT, OP, STMT)")
        except ValueError as err:
            problems.append(f"line {number}: {err}  [{raw.strip()}]")
    if problems:
        raise AnchoredError(problems)
    return sort_record(record)


def _fields(line: str, n_min: int, n_max: int) -> list[str]:
    parts = line.split(FIELD_SEP)
    if not n_min <= len(parts) <= n_max:
        raise ValueError(f"expected {n_min}-{n_max} fields separated by ' | ', got {len(parts)}")
    return parts


def _parse_entity(line, text, record, prev):
    head, quote = _fields(line, 2, 2)
    bits = head.split()
    if len(bits) != 2 or bits[1] not in ENTITY_LABELS:
        raise ValueError(f"write 'ENT LABEL | text' with LABEL one of {', '.join(ENTITY_LABELS)}")
    s, e = resolve(text, parse_ref(quote), after_previous(prev["ENT"], flat=True))
    prev["ENT"] = (s, e)
    record["entities"].append({"start": s, "end": e, "label": bits[1], "text": text[s:e]})


def _parse_unit(line, text, record, prev):
    parts = _fields(line, 2, 3)
    if parts[0].strip() != "UNIT":
        raise ValueError("write 'UNIT | text | echelon=... number=... specialty=... parent=...'")
    s, e = resolve(text, parse_ref(parts[1]), after_previous(prev["UNIT"]))
    prev["UNIT"] = (s, e)
    values = _key_values(parts[2], _UNIT_KEYS) if len(parts) == 3 else {}
    record["units"].append({
        "start": s, "end": e, "text": text[s:e],
        "echelon": _null_or(values.get("echelon")),
        "number": _int_or_null(values.get("number", NULL), "number"),
        "specialty": _null_or(values.get("specialty")),
        "parent": _null_or(values.get("parent")),
    })


def _parse_operation(line, text, record, prev):
    parts = _fields(line, 2, 3)
    if parts[0].strip() != "OP":
        raise ValueError("write 'OP | text | phase=N'")
    s, e = resolve(text, parse_ref(parts[1]), after_previous(prev["OP"], flat=True))
    prev["OP"] = (s, e)
    values = _key_values(parts[2], _OP_KEYS) if len(parts) == 3 else {}
    name = _null_or(values.get("name")) or operation_name(text[s:e])
    record["operations"].append({
        "start": s, "end": e, "text": text[s:e], "name": name,
        "phase": _int_or_null(values.get("phase", NULL), "phase"),
    })


_STMT_KEYS = ("cue", "source", "content", "type", "speaker", "channel")


def _parse_statement(line, text, record, prev):
    body = line[len("STMT"):].strip()
    values: dict[str, str] = {}
    for field in body.split(FIELD_SEP):
        key, sep, value = field.partition("=")
        key = key.strip()
        if not sep or key not in _STMT_KEYS:
            raise ValueError(f"statement field «{field.strip()}» is not one of {', '.join(_STMT_KEYS)}=...")
        if key in values:
            raise ValueError(f"statement field {key}= given twice")
        values[key] = value.strip()
    if not _null_or(values.get("cue")) or not _null_or(values.get("content")):
        raise ValueError("a statement needs cue= and content=")
    cue = resolve(text, parse_ref(values["cue"]), after_previous(prev["STMT"], flat=True))
    prev["STMT"] = cue
    near = nearest_to(cue)
    stmt = {"cue": span_dict(text, *cue)}
    for part in ("source", "content"):
        quote = _null_or(values.get(part))
        stmt[part] = span_dict(text, *resolve(text, parse_ref(quote), near)) if quote else None
    stmt["type"] = _null_or(values.get("type"))
    speaker = _null_or(values.get("speaker"))
    if speaker:
        label, sep, name = speaker.partition(":")
        if not sep or not name.strip():
            raise ValueError("write speaker=LABEL:entity text, or speaker=-")
        stmt["speaker"] = {"text": name.strip(), "label": label.strip()}
    else:
        stmt["speaker"] = None
    quote = _null_or(values.get("channel"))
    stmt["channel"] = span_dict(text, *resolve(text, parse_ref(quote), near)) if quote else None
    record["statements"].append(stmt)


# --------------------------------------------------------------------------
# render

def _word_cut(span_text: str, n: int, from_end: bool) -> Optional[str]:
    words = list(re.finditer(r"\S+", span_text))
    if len(words) < _ELIDE_MIN_WORDS:
        return None
    if from_end:
        return span_text[words[-n].start():]
    return span_text[: words[n - 1].end()]


def _quote_for(text: str, span: Span, choose, allow_elision: bool = False) -> str:
    """The shortest quote that `resolve` maps back to `span` under `choose`."""
    s, e = span
    literal = text[s:e]
    options = []
    if allow_elision:
        head = _word_cut(literal, _ELIDE_KEEP_WORDS, False)
        tail = _word_cut(literal, _ELIDE_KEEP_WORDS, True)
        if head and tail and ELISION not in head and ELISION not in tail and "|" not in literal:
            options.append(head + ELISION + tail)
    if "\n" not in literal and FIELD_SEP not in literal and not literal.startswith(" "):
        options.append(literal)
        spans = candidates(text, literal)
        if span in spans:
            options.append(f"{literal} @{spans.index(span) + 1}")
    for option in options:
        try:
            if resolve(text, parse_ref(option), choose) == span:
                return option
        except ValueError:
            continue
    if "\n" in literal or FIELD_SEP in literal:
        raise ValueError(f"span [{s}, {e}) contains a line break or ' | ' and cannot be written")
    return f"{literal} @@{s}"


def _attr(value) -> str:
    return NULL if value is None else str(value)


def _in_text_order(text: str, items: list[dict], flat: bool) -> Iterator[tuple[dict, str]]:
    """(item, quote) for items with start/end, in text order, each quote
    resolving to the first occurrence after the previous item's span."""
    prev = None
    for item in sorted(items, key=lambda x: (x["start"], x["end"])):
        span = (item["start"], item["end"])
        yield item, _quote_for(text, span, after_previous(prev, flat=flat))
        prev = span


def render(record: dict, annotator: str = "", corpus: str = "security") -> str:
    """Write a gold record as an anchored file (items sorted as OUTPUT.md)."""
    text = record["text"]
    lines = [
        FORMAT_LINE,
        f"ID: {record['id']}",
        f"CORPUS: {corpus}",
        f"SHA256: {sha256_text(text)}",
        f"ANNOTATOR: {annotator}",
        "",
        "# entities (text order)",
    ]
    for ent, quote in _in_text_order(text, record["entities"], flat=True):
        lines.append(f"ENT {ent['label']} | {quote}")
    lines += ["", "# units (text order, nested ones after their outer unit)"]
    for unit, quote in _in_text_order(text, record["units"], flat=False):
        attrs = " ".join(f"{k}={_attr(unit.get(k))}" for k in UNIT_ATTRIBUTES)
        lines.append(f"UNIT | {quote} | {attrs}")
    lines += ["", "# operations"]
    for op, quote in _in_text_order(text, record["operations"], flat=True):
        name = op.get("name")
        extra = "" if name == operation_name(text[op["start"]:op["end"]]) else f" name={name}"
        lines.append(f"OP | {quote} | phase={_attr(op.get('phase'))}{extra}")
    lines += ["", "# statements (cue order)"]
    prev = None
    for st in sorted(record["statements"], key=lambda x: (x["cue"]["start"], x["cue"]["end"])):
        cue = (st["cue"]["start"], st["cue"]["end"])
        fields = [f"cue={_quote_for(text, cue, after_previous(prev, flat=True))}"]
        prev = cue
        near = nearest_to(cue)
        for part in ("source", "content"):
            value = st.get(part)
            quote = NULL if value is None else _quote_for(
                text, (value["start"], value["end"]), near, allow_elision=part == "content")
            fields.append(f"{part}={quote}")
        fields.append(f"type={_attr(st.get('type'))}")
        sp = st.get("speaker")
        fields.append("speaker=" + (NULL if sp is None else f"{sp['label']}:{sp['text']}"))
        ch = st.get("channel")
        fields.append("channel=" + (NULL if ch is None else _quote_for(text, (ch["start"], ch["end"]), near)))
        lines.append("STMT " + FIELD_SEP.join(fields))
    return "\n".join(lines) + "\n"
