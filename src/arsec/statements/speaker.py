"""Speaker resolution: the entity a statement is attributed to (ANNOTATION.md
§4 «speaker», docs/annotating.md v1.1/v1.2), always an entity of `doc.ents`
given as its fullest mention.

Order of the rules (docs/guidelines/statements.md, «Speaker»):
 1. no source: a passive or an unnamed document → null; otherwise the
    previous statement's speaker (continuations, participles);
 2. a PER inside the source; 3. an unnamed-source head → null, except
    «المصدر نفسه» → the previous statement's speaker;
 4. the first entity inside the source;
 5. the same head noun as an earlier source («وأضاف المرصد» after «قال
    المرصد السوري ...») → that source's speaker;
 6. a surname written alone («قال سوبيجانا») → the PER it ends;
 7. a role holder named elsewhere («المتحدث», «المندوب السوري») → the PER
    written next to the same role word earlier in the article;
 8. a definite back-reference («الوزارة» → the nearest earlier «وزارة ...»,
    «التنظيم» → the nearest earlier armed group).
"""
from __future__ import annotations

from typing import Optional

from ..normalize import normalize
from .found import Found
from .words import WordView, bare, deart, in_words, is_definite

_SPLIT_NAME = str.maketrans({"_": " "})


def _name_words(text: str) -> list[str]:
    """Normalised words of an entity text («حركة_الجهاد» → حركه، الجهاد)."""
    return normalize(text.translate(_SPLIT_NAME)).split()


class SpeakerResolver:
    """Speakers; mixed into StatementFinder."""

    def _speakers(self, v: WordView, found: list[Found]) -> list[Optional[dict]]:
        """One speaker per statement, in text order (rules 1-8 above)."""
        out: list[Optional[dict]] = []
        by_head: dict[str, Optional[dict]] = {}  # source head stem → its speaker
        last = None
        for f in found:
            speaker, heads = self._speaker(v, f, last, by_head)
            for head in heads:
                by_head[head] = speaker
            out.append(speaker)
            last = speaker
        return out

    def _speaker(self, v: WordView, f: Found, last, by_head: dict):
        """(speaker, head stems of the source)."""
        if f.source is None:
            if f.passive or f.document_source == "indefinite":
                return None, ()
            return last, ()
        s, e = f.source
        words = [w for w in (normalize(x) for x in v.text[s:e].split()) if w]
        if not words:
            return None, ()  # a source of punctuation only has no speaker
        head_word = bare(words[0]) if words else ""
        head = deart(head_word)
        # bare() also strips the first letter of «وكالة», «وزارة»: keep both stems.
        heads = (head, deart(words[0])) if deart(words[0]) != head else (head,)
        ents = v.ents_within(s, e)
        persons = [x for x in ents if x[2] == "PER"]
        if persons:
            return self._fullest(v, persons[0]), heads
        if len(words) == 2 and words[1] in self.lex.same_source_words and in_words(head_word, self.lex.anonymous_source_heads):
            return last, ()  # «المصدر نفسه», «المصدر ذاته»: the source just quoted
        if in_words(head_word, self.lex.anonymous_source_heads):
            return None, heads  # «مصدر في الشرطة», «مسؤولون»; «وأضاف المصدر» stays null
        if ents:
            return self._fullest(v, ents[0]), heads
        known = [h for h in heads if h in by_head]
        if known and (is_definite(head_word) or len(words) == 1):
            return by_head[known[0]], heads
        person = self._surname(v, words, s)
        if person is not None:
            return self._fullest(v, person), heads
        if is_definite(head_word) and head in self.lex.role_heads:
            person = self._role_holder(v, head, s)
            if person is not None:
                return self._fullest(v, person), heads
        ent = self._back_reference(v, words, s)
        if ent is not None:
            return self._fullest(v, ent), heads
        return None, heads

    def _surname(self, v: WordView, words: list[str], before: int):
        """«قال الخزرجي» → the PER whose last word this is (nearest earlier
        mention; a later one when the full name comes after)."""
        if len(words) > 2:
            return None
        target = words[-1]
        if len(target) < 3 or target in self.lex.role_heads or deart(target) in self.lex.role_heads:
            return None
        candidates = [x for x in v.ents if x[2] == "PER" and len(x[3].split()) > 1
                      and _name_words(x[3])[-1] == target]
        earlier = [x for x in candidates if x[0] < before]
        if earlier:
            return earlier[-1]
        return candidates[0] if candidates else None

    def _role_holder(self, v: WordView, head: str, before: int):
        """«الناطق» → the PER written within a few words of an earlier «الناطق
        باسم ...» / «ناطق» in the same sentence («الناطق باسم القيادة العميد
        فلان», «فلان، مندوب سوريا»)."""
        window = self.role_window
        last_word = v.word_at(before) - 1
        for i in range(last_word, -1, -1):
            if deart(bare(v.norms[i])) != head:
                continue
            sid = v.sent_of[i]
            lo = v.starts[max(v.sent_first[sid], i - window)]
            hi = v.ends[min(v.sent_last[sid], i + window)]
            persons = [x for x in v.ents_within(lo, hi) if x[2] == "PER"]
            if persons:
                after = [x for x in persons if x[0] > v.starts[i]]
                return after[0] if after else persons[-1]
        return None

    def _back_reference(self, v: WordView, words: list[str], before: int):
        """«الجهاز» → the nearest earlier «جهاز ...» entity of a back-reference
        label; «التنظيم» / «الجماعة» → the nearest earlier armed group."""
        lx = self.lex
        stems = [deart(w) for w in words if is_definite(w)]
        if not stems:
            return None
        group_word = stems[0] in lx.group_back_references and len(words) <= 2
        for ent in reversed(v.ents):
            if ent[0] >= before:
                continue
            if group_word and ent[2] == "ARMED_GROUP":
                return ent
            if ent[2] in lx.back_reference_labels:
                first = deart(_name_words(ent[3])[0])
                if first in stems:
                    return ent
                # The descriptor written before the name («وكالة الأناضول»,
                # «صحيفة العرب»: outside the entity, v1.3) is the word a
                # later «الوكالة» / «الصحيفة» points back with.
                k = v.word_at(ent[0]) - 1
                if k >= 0 and v.ends[k] <= ent[0] and deart(bare(v.norms[k])) in stems:
                    return ent
        return None

    def _fullest(self, v: WordView, ent) -> dict:
        """The longest mention of the same label that contains this one."""
        words = tuple(_name_words(ent[3]))
        best = ent
        for other in v.ents:
            if other[2] != ent[2] or len(other[3]) <= len(best[3]):
                continue
            ow = tuple(_name_words(other[3]))
            if len(ow) > len(words) and any(ow[i : i + len(words)] == words for i in range(len(ow) - len(words) + 1)):
                best = other
        return {"text": best[3], "label": best[2]}
