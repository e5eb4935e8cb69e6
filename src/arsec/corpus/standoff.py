"""The stored form of the gold corpus: offsets, labels and a text hash.

One JSON object per article in `corpus/annotations/<batch>.jsonl`::

    {"id": "...", "corpus": "security", "sha256": "<sha256 of the text>",
     "annotator": "...", "batch": "batch-000",
     "entities":   [[start, end, "LABEL"], ...],
     "units":      [[start, end, {"echelon": "brigade", "number": 20,
                                   "specialty": null, "parent": [s, e, ""] | null}], ...],
     "operations": [[start, end, {"phase": 3}], ...],
     "statements": [{"cue": [s, e], "source": [s, e] | null, "content": [s, e],
                     "type": "mixed", "speaker": [s, e] | null, "channel": [s, e] | null}, ...]}

No span text is stored (the shared articles may not be copied into the
repository). Text-valued fields are stored as pointers too: a unit's parent as
the offsets where it is written plus the letters restored in front (see
`parents`), a statement's speaker as the offsets of an entity with that text
and label. An operation's name is derived from its span. `to_gold` rebuilds
the OUTPUT.md record from the article text after checking the hash.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .parents import locate_parent, parent_text
from .schema import empty_record, operation_name, sort_record, span_dict
from .standoff_hash import sha256_text

PathLike = Union[str, Path]


class StandoffError(ValueError):
    pass


def _pair(span: Optional[dict]) -> Optional[list[int]]:
    return None if span is None else [span["start"], span["end"]]


def to_standoff(gold: dict, corpus: str = "security", annotator: str = "", batch: str = "") -> dict:
    """Standoff record for a (validated) gold record; StandoffError when a
    text-valued field cannot be pointed at the text."""
    text = gold["text"]
    units = []
    for u in gold["units"]:
        parent = None
        if u.get("parent") is not None:
            parent = locate_parent(text, u["start"], u["end"], u["parent"])
            if parent is None:
                raise StandoffError(f"{gold['id']}: parent «{u['parent']}» of unit «{u['text']}» is not written in the text")
            parent = list(parent)
        units.append([u["start"], u["end"], {"echelon": u["echelon"], "number": u["number"],
                                              "specialty": u["specialty"], "parent": parent}])
    by_name = {}
    for e in gold["entities"]:
        by_name.setdefault((e["text"], e["label"]), [e["start"], e["end"]])
    statements = []
    for st in gold["statements"]:
        speaker = None
        if st.get("speaker") is not None:
            key = (st["speaker"]["text"], st["speaker"]["label"])
            if key not in by_name:
                raise StandoffError(f"{gold['id']}: speaker {key} is not an entity of the article")
            speaker = by_name[key]
        statements.append({
            "cue": _pair(st["cue"]), "source": _pair(st.get("source")), "content": _pair(st["content"]),
            "type": st["type"], "speaker": speaker, "channel": _pair(st.get("channel")),
        })
    return {
        "id": gold["id"], "corpus": corpus, "sha256": sha256_text(text),
        "annotator": annotator, "batch": batch,
        "entities": [[e["start"], e["end"], e["label"]] for e in gold["entities"]],
        "units": units,
        "operations": [[o["start"], o["end"], {"phase": o["phase"]}] for o in gold["operations"]],
        "statements": statements,
    }


def to_gold(standoff: dict, text: str) -> dict:
    """The OUTPUT.md gold record for `standoff` over the article `text`."""
    if sha256_text(text) != standoff["sha256"]:
        raise StandoffError(f"{standoff['id']}: article text changed (sha256 differs from the stored one)")
    rec = empty_record(standoff["id"], text)
    labels = {}
    for s, e, label in standoff["entities"]:
        rec["entities"].append({"start": s, "end": e, "label": label, "text": text[s:e]})
        labels.setdefault((s, e), label)
    for s, e, attrs in standoff["units"]:
        parent = attrs.get("parent")
        rec["units"].append({
            "start": s, "end": e, "text": text[s:e], "echelon": attrs.get("echelon"),
            "number": attrs.get("number"), "specialty": attrs.get("specialty"),
            "parent": None if parent is None else parent_text(text, tuple(parent)),
        })
    for s, e, attrs in standoff["operations"]:
        rec["operations"].append({"start": s, "end": e, "text": text[s:e],
                                  "name": operation_name(text[s:e]), "phase": attrs.get("phase")})
    for st in standoff["statements"]:
        def span(key):
            return None if st.get(key) is None else span_dict(text, *st[key])
        speaker = None
        if st.get("speaker") is not None:
            s, e = st["speaker"]
            speaker = {"text": text[s:e], "label": labels.get((s, e))}
        rec["statements"].append({"cue": span("cue"), "source": span("source"), "content": span("content"),
                                  "type": st.get("type"), "speaker": speaker, "channel": span("channel")})
    return sort_record(rec)


def read_jsonl(path: PathLike) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_jsonl(path: PathLike, records: Iterable[dict]) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        for rec in records:
            handle.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
    tmp.replace(path)


def store(records: Iterable[dict], path: PathLike) -> list[str]:
    """Add standoff records to a batch file, replacing records with the same id;
    the file stays sorted by id. Returns the ids written."""
    path = Path(path)
    existing = {r["id"]: r for r in read_jsonl(path)} if path.exists() else {}
    written = []
    for rec in records:
        existing[rec["id"]] = rec
        written.append(rec["id"])
    write_jsonl(path, [existing[k] for k in sorted(existing)])
    return written


def iter_standoff(paths: Iterable[PathLike]) -> Iterator[dict]:
    for path in paths:
        path = Path(path)
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for f in files:
            yield from read_jsonl(f)
