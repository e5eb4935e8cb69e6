"""A starting annotation file from a system's predictions.

Annotators correct a prediction rather than start from an empty file.
`predictions` can be any callable taking the article text and returning an
OUTPUT.md record (e.g. `lambda t: doc_to_record(nlp(t))`). Predicted items
that cannot be written in the anchored format, or that break a hard rule of
the gold format, are dropped and listed in comments, so the file always
parses; the annotator still has to add what the system missed.
"""
from __future__ import annotations

from typing import Callable, Optional

from .anchored import parse, render
from .schema import empty_record, sort_record


def _clean(pred: dict, doc_id: str, text: str) -> tuple[dict, list[str]]:
    """Keep the predicted items that form a valid-looking gold record."""
    from .validate import validate_record

    rec = empty_record(doc_id, text)
    for key in ("entities", "units", "operations", "statements"):
        rec[key] = [dict(x) for x in pred.get(key) or []]
    for key in ("entities", "units", "operations"):
        for item in rec[key]:
            item["text"] = text[item["start"]:item["end"]]
    dropped = []
    # Drop overlapping entities (keep the earlier/longer one) and items whose
    # spans are malformed; everything else is left for the annotator to judge.
    sort_record(rec)
    flat, last_end = [], -1
    for ent in rec["entities"]:
        if ent["start"] < last_end:
            dropped.append(f"entity {ent['label']} «{ent['text']}» overlaps another")
            continue
        flat.append(ent)
        last_end = ent["end"]
    rec["entities"] = flat
    for problem in validate_record(rec):
        if "starts inside" in problem.message or "ends inside" in problem.message:
            dropped.append(str(problem) + " (kept; fix or delete the line)")
    return rec, dropped


def prefill(doc_id: str, text: str, predictions: Optional[Callable[[str], dict]] = None,
            annotator: str = "", corpus: str = "security") -> str:
    """The anchored file to start annotating `text` from."""
    notes: list[str] = []
    rec = empty_record(doc_id, text)
    if predictions is not None:
        try:
            rec, notes = _clean(predictions(text), doc_id, text)
            content = render(rec, annotator, corpus)
            parse(content, text)  # make sure the file we hand out reads back
        except Exception as err:  # any failure of the system: start empty
            notes = [f"prediction failed ({type(err).__name__}: {err}); starting empty"]
            rec = empty_record(doc_id, text)
    content = render(rec, annotator, corpus)
    header = "# PREFILLED from system output: check every line, add what is missing.\n" if predictions else ""
    comments = "".join(f"# note: {n}\n" for n in notes)
    return header + comments + content
