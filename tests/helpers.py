"""Helpers shared by the rule-component tests (imported by the test modules;
pytest puts this folder on sys.path)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def with_entities(nlp: Language, text: str, ents=()) -> Doc:
    """Run `nlp`'s components on `text` with entities placed by the test:
    (surface, label) pairs, each found after the previous one's start."""
    doc = nlp.make_doc(text)
    spans, pos = [], 0
    for surface, label in ents:
        start = text.index(surface, pos)
        spans.append(doc.char_span(start, start + len(surface), label=label, alignment_mode="expand"))
        pos = start + len(surface)
    doc.ents = spans
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
