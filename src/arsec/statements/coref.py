"""Mentions around a statement that name its speaker when the source itself
does not: a person in apposition after the source, the subject written
before a cue that has no source of its own."""
from __future__ import annotations

import json
from functools import lru_cache

from ..normalize import normalize
from .lexicon import DATA_DIR
from .words import COMMAS, WordView


@lru_cache(maxsize=None)
def speaker_words() -> dict:
    raw = json.loads((DATA_DIR / "speaker_words.json").read_text(encoding="utf8"))
    return {k: frozenset(normalize(w) if len(w) > 1 else w for w in ws)
            for k, ws in raw.items() if not k.startswith("_")}


def apposed_person(v: WordView, end: int, max_skip: int = 4):
    """A PER written right after the source, past a comma and titles:
    «قال المتحدث باسم الجيش، العميد فلان» when the source stopped at the comma."""
    titles = speaker_words()["titles"]
    i = v.word_at(end)
    skipped = 0
    while i < v.n and skipped <= max_skip:
        ent = v.ent_covering(v.starts[i])
        if ent is not None and ent[0] == v.starts[i]:
            # Right after the source without a comma or title it is a new
            # phrase («الشرطة الأسترالية حينذاك»), not an apposition.
            apposed = skipped or (i > 0 and v.norms[i - 1] in titles)
            return ent if ent[2] == "PER" and apposed else None
        n = v.norms[i]
        if n in COMMAS or n in titles:
            i += 1
            skipped += 1
            continue
        return None
    return None


def clause_subject(v: WordView, k: int, lex):
    """The words a cue without a source of its own follows in its sentence:
    «وكان الجيش الإسرائيلي قد قال», «لكن القومندان داهلين الذي رفض ... قال»,
    «وأصدرت الوزارة بيانا قالت فيه», «وأدانت المنظمة القصف، قائلة».
    (start char, end char) or None when the cue opens its sentence
    («وأضاف»)."""
    sw = speaker_words()
    first = v.sent_first[v.sent_of[k]]
    start = k
    while start > first and v.norms[start - 1] not in sw["clause_openers"]:
        start -= 1
    # Leading auxiliaries and conjunctions are not the subject («وكان», «لكن»).
    while start < k and (v.norms[start] in sw["subject_skip"] or not v.alpha[start]):
        start += 1
    end = k
    while end > start and (v.norms[end - 1] in sw["subject_skip"] or not v.alpha[end - 1]):
        end -= 1
    # A relative clause before the cue belongs to a modifier of the subject:
    # keep what precedes the pronoun («X الذي رفض ... قال» → X).
    for j in range(start, end):
        if v.norms[j] in lex.relative_pronouns:
            end = j
            break
    if end <= start:
        return None
    return (v.starts[start], v.ends[end - 1])


def antecedent(v: WordView, k: int, lex):
    """«رواية الحرس الثوري التي قالت»: the entity right before a relative
    pronoun that introduces the cue."""
    if k < 2 or v.norms[k - 1] not in lex.relative_pronouns:
        return None
    j = k - 2
    if v.norms[j] in COMMAS and j > 0:
        j -= 1
    ent = v.ent_covering(v.ends[j] - 1)
    return ent if ent is not None and ent[1] == v.ends[j] else None


def subject_entities(v: WordView, span: tuple) -> list:
    """Entities of a clause that can be its subject: at the start of the
    clause or of one of its comma segments, after at most a verb and a
    descriptor noun («وأصدرت حركة طالبان», «نشر تنظيم «جبهة النصرة»»,
    «وكان المرصد»), never the object of a preposition («لحزب ...»)."""
    sw = speaker_words()
    s, e = span
    out = []
    for ent in v.ents_within(s, e):
        w = v.word_at(ent[0])
        if v.starts[w] < ent[0]:
            continue  # «لحزب ...», «بالولايات»: governed by an attached preposition
        before = []
        j = w - 1
        while j >= 0 and v.starts[j] >= s and v.norms[j] not in COMMAS:
            if v.alpha[j]:
                before.append(v.norms[j])
            j -= 1
        if not before or (len(before) == 1 and before[0] not in sw["prepositions"]) or (
            len(before) == 2 and before[0] in sw["descriptors"]
        ):
            out.append(ent)
    return out
