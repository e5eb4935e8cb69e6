"""Small span helpers shared by the rule components."""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span
from spacy.util import filter_spans


def add_entities(doc: Doc, spans: Iterable[Span], overwrite: bool = True) -> None:
    """Add `spans` to `doc.ents`, keeping entities flat.

    With `overwrite`, a new span wins over every existing entity it overlaps
    (components that run later know more, e.g. a unit phrase that contains a
    place name); otherwise existing entities win. Among the new spans the
    longest wins (spaCy's `filter_spans`).
    """
    new = filter_spans(spans)
    if not new:
        return
    old = list(doc.ents)
    if overwrite:
        taken = _occupied(new)
        kept = [e for e in old if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = sorted(kept + new, key=lambda s: s.start)
    else:
        taken = _occupied(old)
        added = [s for s in new if not any(i in taken for i in range(s.start, s.end))]
        doc.ents = sorted(old + added, key=lambda s: s.start)


def _occupied(spans: Iterable[Span]) -> set[int]:
    return {i for s in spans for i in range(s.start, s.end)}
