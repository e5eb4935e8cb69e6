"""Gold records for training and evaluation: a `datasets.Dataset` and DocBins.

`load_gold` reads the standoff batches, fetches each article from the shared
data folder, checks its hash and rebuilds the OUTPUT.md record. `to_docbins`
turns gold records into spaCy DocBins with a given tokenizer: entities become
`doc.ents`, units `doc.spans["units"]`, operations `doc.spans["operations"]`.
A gold span that does not fall on token boundaries cannot enter a Doc; it is
left out and reported, because that is a tokenizer problem to fix, not
something to hide.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from .data import ANNOTATIONS_DIR, CORPUS_DIR, load_articles
from .standoff import iter_standoff, to_gold

PathLike = Union[str, Path]


def gold_records(annotations: Iterable[PathLike] = (ANNOTATIONS_DIR,), data: Optional[PathLike] = None,
                 split: Optional[str] = None, splits_file: PathLike = CORPUS_DIR / "splits.json") -> list[dict]:
    """Gold records (OUTPUT.md shape plus `corpus`, `annotator`, `batch`).

    With `split` ("train", "dev" or "test") only articles of that split are
    returned. An article annotated twice (double annotation) is returned once,
    from the first batch file in name order.
    """
    stand = {}
    for rec in iter_standoff(annotations):
        stand.setdefault(rec["id"], rec)
    if split is not None:
        wanted = set(json.loads(Path(splits_file).read_text(encoding="utf-8"))[split])
        stand = {k: v for k, v in stand.items() if k in wanted}
    by_corpus: dict[str, list[str]] = {}
    for rec in stand.values():
        by_corpus.setdefault(rec.get("corpus", "security"), []).append(rec["id"])
    texts = {}
    for corpus, ids in by_corpus.items():
        texts.update({k: a["text"] for k, a in load_articles(ids, corpus, data).items()})
    out = []
    for doc_id in sorted(stand):
        gold = to_gold(stand[doc_id], texts[doc_id])
        gold.update(corpus=stand[doc_id].get("corpus"), annotator=stand[doc_id].get("annotator"),
                    batch=stand[doc_id].get("batch"))
        out.append(gold)
    return out


def load_gold(annotations: Iterable[PathLike] = (ANNOTATIONS_DIR,), data: Optional[PathLike] = None,
              split: Optional[str] = None, splits_file: PathLike = CORPUS_DIR / "splits.json"):
    """The gold records as a `datasets.Dataset` (needs the optional `datasets` package)."""
    try:
        import datasets
    except ImportError as err:  # only this function needs it
        raise ImportError("load_gold needs `datasets`: pip install 'arsec[train]'") from err
    records = gold_records(annotations, data, split, splits_file)
    # Arrow needs one type per column: keep nested lists, store null-able
    # dicts as they are (datasets infers struct types with nulls).
    return datasets.Dataset.from_list(records)


@dataclass
class AlignmentReport:
    docs: int = 0
    spans: int = 0
    misaligned: list[dict] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.docs} docs, {self.spans} gold spans, {len(self.misaligned)} not on token "
                f"boundaries ({100 * len(self.misaligned) / max(self.spans, 1):.1f}%)")


def records_to_docs(records: Iterable[dict], make_doc: Callable, report: Optional[AlignmentReport] = None):
    """Yield one Doc per gold record; misaligned spans go to `report`."""
    report = report if report is not None else AlignmentReport()
    for rec in records:
        doc = make_doc(rec["text"])
        report.docs += 1
        groups = {"ents": [(e["start"], e["end"], e["label"]) for e in rec["entities"]],
                  "units": [(u["start"], u["end"], "MIL_UNIT") for u in rec["units"]],
                  "operations": [(o["start"], o["end"], "OPERATION") for o in rec["operations"]]}
        aligned = {}
        for group, spans in groups.items():
            aligned[group] = []
            for s, e, label in spans:
                report.spans += 1
                span = doc.char_span(s, e, label=label, alignment_mode="strict")
                if span is None:
                    tokens = doc.char_span(s, e, alignment_mode="expand")
                    report.misaligned.append({"id": rec["id"], "group": group, "start": s, "end": e,
                                              "text": rec["text"][s:e],
                                              "tokens": [t.text for t in tokens] if tokens is not None else []})
                else:
                    aligned[group].append(span)
        doc.ents = aligned["ents"]
        doc.spans["units"] = aligned["units"]
        doc.spans["operations"] = aligned["operations"]
        yield doc


def to_docbins(records: list[dict], make_doc: Callable, out_dir: PathLike,
               splits: Optional[dict[str, list[str]]] = None) -> AlignmentReport:
    """Write `<split>.spacy` per split (or `gold.spacy` without splits)."""
    from spacy.tokens import DocBin

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = AlignmentReport()
    groups = {"gold": records} if not splits else {
        name: [r for r in records if r["id"] in set(ids)] for name, ids in splits.items() if name in ("train", "dev", "test")}
    for name, recs in groups.items():
        bin_ = DocBin(store_user_data=False)
        for doc in records_to_docs(recs, make_doc, report):
            bin_.add(doc)
        bin_.to_disk(out / f"{name}.spacy")
    return report
