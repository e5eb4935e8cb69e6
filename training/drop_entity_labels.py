"""Copy a DocBin with the entities of some labels removed (their tokens become O).

MIL_UNIT and OPERATION spans come from the rule components (`arsec_units`,
`arsec_operations`), which also compute their structure (echelon, parent,
phase). A NER that predicts these labels adds entities without that structure
and with lower precision than the rules, so the NER can be trained on the
other labels only: the unit and operation phrases are plain tokens to it.

    python training/drop_entity_labels.py IN.spacy OUT.spacy [--labels MIL_UNIT OPERATION]
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import DocBin


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--labels", nargs="+", default=["MIL_UNIT", "OPERATION"])
    args = parser.parse_args(argv)
    vocab = spacy.blank("ar").vocab
    dropped, kept = Counter(), Counter()
    out = DocBin(store_user_data=False)
    for doc in DocBin().from_disk(args.source).get_docs(vocab):
        ents = []
        for ent in doc.ents:
            (dropped if ent.label_ in args.labels else kept)[ent.label_] += 1
            if ent.label_ not in args.labels:
                ents.append(ent)
        # Every token outside the kept entities is O (not missing): the NER
        # learns that unit and operation phrases are not its entities.
        doc.set_ents(ents, default="outside")
        out.add(doc)
    args.target.parent.mkdir(parents=True, exist_ok=True)
    out.to_disk(args.target)
    print(f"{args.target}: kept {dict(kept)}, dropped {dict(dropped)}")


if __name__ == "__main__":
    main()
