"""`arsec_units`: every military unit mention, nested, with its structure.

Writes
- `doc.spans["units"]`: every unit mention (outer units and the parents nested
  in them: «اللواء 20 من الفرقة السابعة في الجيش العراقي» gives three spans),
  plus every MIL_UNIT entity an earlier component (the trained NER) found;
- `doc.ents`: the outermost mentions as MIL_UNIT (ANNOTATION.md §1), through
  `arsec.spans.add_entities`, so they win over an overlapping LOC/ORG of the
  gazetteer («قيادة عمليات صلاح الدين») unless `overwrite_ents` is false;
- `Span._.unit` (getter): `{echelon, number, specialty, parent, canonical}`
  (ANNOTATION.md §2; `coordinated_numbers` is added for «اللواءين الثالث والرابع»);
- `Doc._.unit_list` (getter): the distinct units of the document by canonical name.

The grammar and lexicons live in `arsec.unit_structure` and `data/units/`.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .spans import add_entities
from .unit_structure import (
    DATA_DIR,
    DocView,
    UnitLexicon,
    UnitParser,
    active_lexicon,
    canonical_name,
    describe,
    iter_units,
    set_active_lexicon,
)

LABEL = "MIL_UNIT"


def _unit_getter(span: Span) -> dict:
    return describe(span)


def _unit_list_getter(doc: Doc) -> list[dict]:
    """Distinct units, in order of first mention, grouped by canonical name."""
    groups: dict[str, dict] = {}
    for span in doc.spans.get("units", []):
        info = span._.unit
        entry = groups.get(info["canonical"])
        if entry is None:
            entry = groups[info["canonical"]] = {**info, "mentions": []}
        entry["mentions"].append([span.start_char, span.end_char])
    return list(groups.values())


if not Span.has_extension("unit"):
    Span.set_extension("unit", getter=_unit_getter)
if not Doc.has_extension("unit_list"):
    Doc.set_extension("unit_list", getter=_unit_list_getter)


class UnitFinder:
    def __init__(self, lexicon: UnitLexicon, spans_key: str, overwrite_ents: bool,
                 protected_labels: list[str], max_depth: int):
        self.parser = UnitParser(lexicon, max_depth=max_depth)
        self.spans_key = spans_key
        self.overwrite_ents = overwrite_ents
        self.protected_labels = set(protected_labels)

    def __call__(self, doc: Doc) -> Doc:
        view = DocView(doc, self.parser.lex)
        known = [e for e in doc.ents if e.label_ == LABEL]
        protected = [e for e in doc.ents if e.label_ in self.protected_labels]

        outer = [p for p in self.parser.find(view)
                 if not any(p.start < e.end and e.start < p.end for e in protected)]
        mentions = [doc[u.start:u.end] for u in iter_units(outer)]
        # Units an earlier model found: keep them, and find the units nested
        # inside (a parent written in the name).
        for ent in known:
            mentions.append(doc[ent.start:ent.end])
            for p in self.parser.find(view, ent.start, ent.end):
                mentions.extend(doc[u.start:u.end] for u in iter_units([p]))

        unique = {(s.start, s.end): Span(doc, s.start, s.end, label=LABEL) for s in mentions}
        doc.spans[self.spans_key] = sorted(unique.values(), key=lambda s: (s.start, s.end))

        new_ents = [doc[p.start:p.end] for p in outer
                    if not any(e.start <= p.start and p.end <= e.end for e in known)]
        add_entities(doc, [Span(doc, s.start, s.end, label=LABEL) for s in filter_spans(new_ents)],
                     overwrite=self.overwrite_ents)
        return doc


@Language.factory(
    "arsec_units",
    default_config={
        "lexicon_dir": None,
        "spans_key": "units",
        "overwrite_ents": True,
        "protected_labels": ["ARMED_GROUP"],
        "max_depth": 4,
    },
)
def make_unit_finder(
    nlp: Language,
    name: str,
    lexicon_dir: Optional[str],
    spans_key: str,
    overwrite_ents: bool,
    protected_labels: list[str],
    max_depth: int,
) -> UnitFinder:
    """`lexicon_dir`: a folder with the files of `arsec/data/units/` (None: the
    packaged lists). `protected_labels`: entities a unit never overwrites (a
    gazetteer ARMED_GROUP such as a rebel «الفرقة 30» stays). `max_depth`: how
    many parents deep a chain of ل/ب/في/من links is followed."""
    lexicon = UnitLexicon.load(lexicon_dir or DATA_DIR)
    set_active_lexicon(lexicon)
    return UnitFinder(lexicon, spans_key, overwrite_ents, protected_labels, max_depth)


__all__ = ["UnitFinder", "make_unit_finder", "active_lexicon", "canonical_name"]
