"""The closed vocabularies of ANNOTATION.md and small derived values.

Everything a gold record may contain that is not free text is listed here, so
the validator, the anchored format and the standoff store agree on one list.
"""
from __future__ import annotations

import re

from ..normalize import strip_diacritics

ENTITY_LABELS = ("PER", "ORG", "LOC", "MIL_UNIT", "ARMED_GROUP", "OPERATION", "MISC")
SPEAKER_LABELS = ("PER", "ORG", "MIL_UNIT", "ARMED_GROUP", "LOC")
ECHELONS = (
    "army_group", "corps", "command", "division", "brigade", "regiment", "battalion",
    "company", "platoon", "squadron", "service", "agency", "force", "other",
)
STATEMENT_TYPES = ("direct", "indirect", "mixed")
STATEMENT_PARTS = ("cue", "source", "content", "channel")
UNIT_ATTRIBUTES = ("echelon", "number", "specialty", "parent")

_SPACES = re.compile(r"\s+")


def operation_name(span_text: str) -> str:
    """ANNOTATION.md §3: the span text without tatweel or diacritics, spaces collapsed."""
    return _SPACES.sub(" ", strip_diacritics(span_text)).strip()


def empty_record(doc_id: str, text: str) -> dict:
    """A gold record (OUTPUT.md shape) with no annotations."""
    return {
        "id": doc_id, "text": text, "entities": [], "units": [], "operations": [],
        "statements": [], "error": None,
    }


def span_dict(text: str, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": text[start:end]}


def sort_record(record: dict) -> dict:
    """Sort the lists of a gold record the way OUTPUT.md requires (in place)."""
    record["entities"].sort(key=lambda x: (x["start"], x["end"]))
    record["units"].sort(key=lambda x: (x["start"], x["end"]))
    record["operations"].sort(key=lambda x: (x["start"], x["end"]))
    record["statements"].sort(key=lambda x: (x["cue"]["start"], x["cue"]["end"]))
    return record
