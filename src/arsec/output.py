"""The arsec JSON record (OUTPUT.md v1) for a processed Doc.

This is the only place that knows the output shape: the Python API, the
command line and the gold-corpus tools all build records here.
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

RECORD_KEYS = ("id", "text", "entities", "units", "operations", "statements", "error")


def doc_to_record(doc: Doc, doc_id: Any = None) -> dict[str, Any]:
    """Return the OUTPUT.md record of a processed Doc."""
    text = doc.text
    entities = [
        {"start": e.start_char, "end": e.end_char, "label": e.label_, "text": e.text}
        for e in doc.ents
    ]
    units = []
    for span in doc.spans.get("units", []):
        structure = dict(span._.unit) if Span.has_extension("unit") else {}
        unit = {
            "start": span.start_char,
            "end": span.end_char,
            "text": span.text,
            "echelon": structure.pop("echelon", "other"),
            "number": structure.pop("number", None),
            "specialty": structure.pop("specialty", None),
            "parent": structure.pop("parent", None),
            "canonical": structure.pop("canonical", None),
        }
        unit.update(structure)  # extra keys, e.g. coordinated_numbers (OUTPUT.md allows them)
        units.append(unit)
    operations = []
    for span in doc.spans.get("operations", []):
        info = span._.operation if Span.has_extension("operation") else {}
        operations.append(
            {
                "start": span.start_char,
                "end": span.end_char,
                "text": span.text,
                "name": info.get("name", span.text),
                "phase": info.get("phase"),
            }
        )
    statements = []
    raw_statements = doc._.statements if Doc.has_extension("statements") else None
    for st in raw_statements or []:
        statements.append(
            {
                "cue": _char_span(text, st["cue"]),
                "source": _char_span(text, st.get("source")),
                "content": _char_span(text, st["content"]),
                "type": st["type"],
                "speaker": dict(st["speaker"]) if st.get("speaker") else None,
                "channel": _char_span(text, st.get("channel")),
            }
        )
    return {
        "id": doc_id,
        "text": text,
        "entities": _sorted(entities),
        "units": _sorted(units),
        "operations": _sorted(operations),
        "statements": sorted(statements, key=lambda s: (s["cue"]["start"], s["cue"]["end"])),
        "error": None,
    }


def error_record(doc_id: Any, text: Any, message: str) -> dict[str, Any]:
    """A record for an input that could not be processed (OUTPUT.md: lists empty)."""
    return {
        "id": doc_id,
        "text": text if isinstance(text, str) else None,
        "entities": [],
        "units": [],
        "operations": [],
        "statements": [],
        "error": message,
    }


def _char_span(text: str, offsets) -> dict[str, Any] | None:
    if offsets is None:
        return None
    start, end = offsets
    return {"start": start, "end": end, "text": text[start:end]}


def _sorted(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda item: (item["start"], item["end"]))
