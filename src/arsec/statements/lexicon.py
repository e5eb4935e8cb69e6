"""The statement lexicon: reporting cues (cues.tsv) and closed word lists
(words.json), normalised once at construction."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..normalize import normalize

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "statements"


@dataclass(frozen=True)
class Cue:
    lemma: str
    kind: str  # verb | participle | passive
    np_object: bool  # content may be a bare noun phrase
    preps: frozenset
    continuation: bool
    object_first: bool  # an object may sit between source and content preposition
    object_in_content: bool  # ... and it opens the content
    imperfect: bool  # a present-tense form (subjunctive after أن)
    in_document: bool = False  # only as «جاء في بيان ...» / «ورد فيه»
    event_object: bool = False  # the content must not open with a definite topic noun («تحدث عن الوضع»)
    needs_prep: bool = False  # only with one of its preps after it in the sentence («حمّل ... المسؤولية»)


@dataclass
class Lexicon:
    cues: dict
    words: dict
    phrase_verbs: set = field(default_factory=set)

    def __getattr__(self, name):  # word lists as normalised sets
        try:
            return self.words[name]
        except KeyError as err:
            raise AttributeError(name) from err


def load_lexicon(cues_path: Optional[str], words_path: Optional[str]) -> Lexicon:
    cues: dict[str, Cue] = {}
    path = Path(cues_path) if cues_path else DATA_DIR / "cues.tsv"
    for line in path.read_text(encoding="utf8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, kind, obj, preps, flags, forms = line.split("\t")
        lemma_norm = normalize(lemma)
        prep_set = frozenset(normalize(p) for p in preps.split(",") if p != "-")
        for form in forms.split():
            norm = normalize(form)
            cues[norm] = Cue(
                lemma=lemma,
                kind=kind,
                np_object=obj == "np",
                preps=prep_set,
                continuation="continuation" in flags,
                object_first="object" in flags,
                object_in_content="object_content" in flags,
                in_document="in_document" in flags,
                needs_prep="needs_prep" in flags,
                event_object="event_object" in flags,
                # A present-tense form: «يقول», «تؤكد»; verbs whose perfect
                # starts with ت («تابع», «توعد») are imperfect only with a
                # second prefix letter («يتوعد»).
                imperfect=kind == "verb" and norm[0] in "يت" and not (lemma_norm[0] == "ت" and norm.startswith(lemma_norm[:2])),
            )
    raw = json.loads(
        (Path(words_path) if words_path else DATA_DIR / "words.json").read_text(encoding="utf8")
    )
    words: dict = {}
    for key, value in raw.items():
        if key.startswith("_"):
            continue
        if isinstance(value, dict):
            words[key] = {normalize(k): {normalize(w) for w in ws} for k, ws in value.items()}
        elif value and isinstance(value[0], list):
            words[key] = {tuple(normalize(w) for w in pair) for pair in value}
        elif key.endswith("_labels"):
            words[key] = set(value)  # entity labels, compared with ent.label_ as written
        else:
            words[key] = {normalize(w) for w in value}
    lex = Lexicon(cues=cues, words=words)
    verbs = {n for n, c in cues.items() if c.kind in ("verb", "passive")}
    lex.phrase_verbs = verbs | words["phrase_extra_verbs"]
    return lex
