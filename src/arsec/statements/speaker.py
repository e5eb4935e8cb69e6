"""Speaker resolution: the entity a statement is attributed to (ANNOTATION.md
§4 «speaker», docs/annotating.md v1.1/v1.2), always an entity of `doc.ents`
given as its fullest mention.

Order of the rules (docs/guidelines/statements.md, «Speaker»):
 1. no source: a passive or an unnamed document → null; a cue that follows
    a relative pronoun («رواية الحرس الثوري التي قالت») → its antecedent;
    a cue whose sentence holds no earlier statement and whose clause has
    words before it («وكان الجيش قد قال», «وأصدرت الوزارة بيانا قالت فيه»,
    «وأدانت المنظمة القصف، قائلة») → the subject of that clause (coref.py);
    otherwise the previous statement's speaker (continuations, participles);
 2. a PER inside the source, else a PER in apposition right after it
    («المتحدث باسم الجيش، العميد فلان»); 3. an unnamed-source head → null,
    except «المصدر نفسه» → the previous statement's speaker;
 4. a spokesperson of a body named elsewhere in the article («متحدث باسم
    الجيش» ... «المتحدث العقيد فلان») → that PER; else the first entity
    inside the source;
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
from . import coref
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
        last_sent = -1
        for f in found:
            sent = v.sent_of[f.cue_word]
            speaker, heads = self._speaker(v, f, last, by_head, sent == last_sent)
            for head in heads:
                by_head[head] = speaker
            out.append(speaker)
            last = speaker
            last_sent = sent
        return out

    def _speaker(self, v: WordView, f: Found, last, by_head: dict, same_sentence: bool):
        """(speaker, head stems of the source)."""
        if f.source is None:
            # A cue mid-sentence without a source is not a continuation: its
            # subject is written before it (the source reader only reads
            # subjects right before the verb or after «أن»). Within a
            # sentence that already holds a statement, the speaker carries on.
            if f.passive or f.document_source == "indefinite":
                return None, ()
            if not same_sentence and f.document_source is None:
                ent = coref.antecedent(v, f.cue_word, self.lex)
                if ent is not None:
                    return self._fullest(v, ent), ()
                span = coref.clause_subject(v, f.cue_word, self.lex)
                if span is not None:
                    return self._subject_speaker(v, span, last, by_head), ()
            return last, ()
        return self._source_speaker(v, f.source, last, by_head)

    def _subject_speaker(self, v: WordView, span: tuple, last, by_head: dict):
        """The speaker named by the clause before a cue with no source: a
        subject entity (a PER first), null for an unnamed-source subject, or
        what the source rules make of the clause's words («وكانت الوزارة قد
        أعلنت» → the ministry); the previous speaker when nothing resolves."""
        s, e = span
        ents = coref.subject_entities(v, span)
        if not ents:
            return self._source_speaker(v, span, last, by_head, unresolved=last)[0]
        i = v.word_at(s)
        lead = {bare(v.norms[j]) for j in (i, i + 1) if j < v.n}
        if lead & self.lex.anonymous_source_heads:
            return None  # «وكان مسؤول بمجلس ... قد صرح»: an unnamed source
        persons = [x for x in ents if x[2] == "PER"]
        return self._fullest(v, (persons or ents)[0])

    def _source_speaker(self, v: WordView, source: tuple, last, by_head: dict, unresolved=None):
        """(speaker, head stems) for a source span (rules 2-8); `unresolved`
        when no rule names anybody."""
        s, e = source
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
        person = coref.apposed_person(v, e)
        if person is not None:
            return self._fullest(v, person), heads  # «المتحدث باسم الجيش، العميد فلان»
        if len(words) == 2 and words[1] in self.lex.same_source_words and in_words(head_word, self.lex.anonymous_source_heads):
            return last, ()  # «المصدر نفسه», «المصدر ذاته»: the source just quoted
        if in_words(head_word, self.lex.anonymous_source_heads):
            return None, heads  # «مصدر في الشرطة», «مسؤولون»; «وأضاف المصدر» stays null
        if ents and head in coref.speaker_words()["spokesperson_heads"]:
            person = self._named_spokesperson(v, head, (s, e), ents[0])
            if person is not None:
                return self._fullest(v, person), heads
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
        return unresolved, heads

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

    def _named_spokesperson(self, v: WordView, head: str, source: tuple, body):
        """«متحدث باسم الجيش المصري» when the article names him elsewhere
        («المتحدث باسم الجيش المصري العقيد تامر الرفاعي», «ديف باتلر، الناطق
        باسم القوات»): the PER next to another spokesperson word whose
        neighbourhood names the same body or no other body (v1.2: an unnamed
        role holder named elsewhere is that PER). Titles and the body's own
        name sit between role word and name, so the window after the role
        word is twice `role_window`."""
        spokes = coref.speaker_words()["spokesperson_heads"]
        window = self.role_window
        body_key = normalize(body[3])
        first, last = v.word_at(source[0]), v.word_at(source[1] - 1)
        order = list(range(first - 1, -1, -1)) + list(range(last + 1, v.n))
        for i in order:
            word = deart(bare(v.norms[i]))
            if word not in spokes or word.endswith("ه") != head.endswith("ه"):
                continue  # «متحدثة» is not the «متحدث» named elsewhere
            sid = v.sent_of[i]
            lo = v.starts[max(v.sent_first[sid], i - window)]
            hi = v.ends[min(v.sent_last[sid], i + 2 * window)]
            near = v.ents_within(lo, hi)
            bodies = [x for x in near if x[2] != "PER"]
            if bodies and normalize(bodies[0][3]) != body_key:
                continue  # another body's spokesperson
            if not bodies:
                # No body named: only a name written right at the role word
                # counts («المتحدث العقيد تامر الرفاعي», «فلان، الناطق»).
                lo = v.starts[max(v.sent_first[sid], i - 3)]
                hi = v.ends[min(v.sent_last[sid], i + 3)]
                near = v.ents_within(lo, hi)
            persons = [x for x in near if x[2] == "PER"]
            if not persons:
                continue
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
