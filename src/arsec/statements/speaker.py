"""Speaker resolution: the entity a statement is attributed to (ANNOTATION.md
§4 «speaker», docs/annotating.md v1.1/v1.2), always an entity of `doc.ents`
given as its fullest mention.

Order of the rules (docs/guidelines/statements.md, «Speaker»):
 1. no source: a passive or an unnamed document → null; a cue that follows
    a relative pronoun («رواية الحرس الثوري التي قالت») → its antecedent;
    a cue whose sentence holds no earlier statement and whose clause has
    words before it («وكان الجيش قد قال», «وأصدرت الوزارة بيانا قالت فيه»,
    «وأدانت المنظمة القصف، قائلة») → the subject of that clause (coref.py;
    with no subject entity the clause is read as a source only from a
    definite, descriptor or role word at its start); otherwise the previous
    statement's speaker (continuations, participles); a relay sharing the
    previous content («نقلا عن») does not replace that speaker;
 2. a PER inside the source (after an unnamed-source head, not one governed
    by a preposition: «مصادر موالية لهادي»), else a PER in apposition right
    after it («المتحدث باسم الجيش، العميد فلان»); 3. an unnamed-source head
    → null, except «المصدر نفسه» → the previous statement's speaker;
 4. a spokesperson of a body named elsewhere in the article («متحدث باسم
    الجيش» ... «المتحدث العقيد فلان») → that PER; else the best entity
    inside the source (`_head_entities`: a bracketed or quoted alias first,
    «(سانا)»; no LOC inside a modifier, «مدير مطار عدن»; no entity after a
    preposition word);
 5. the same head noun as an earlier source that resolved to an entity
    («وأضاف المرصد» after «قال المرصد السوري ...») → that source's speaker;
 6. a surname written alone («قال سوبيجانا») → the PER it ends;
 7. a role holder named elsewhere («المتحدث», «المندوب السوري») → the PER
    written next to the same role word earlier in the article;
 8. a definite back-reference («الوزارة» → the nearest earlier «وزارة ...»,
    «المنظمة الدولية» → «منظمة العفو الدولية», «التنظيم» → the nearest
    earlier armed group);
 9. the fullest mention of the chosen entity, its article restored when it
    was read inside «للـ» («لجيش التركي» → «الجيش التركي»).
"""
from __future__ import annotations

from typing import Optional

from ..normalize import normalize
from . import coref
from .found import Found
from .words import QUOTE_CHARS, WordView, bare, deart, in_words, is_definite

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
        last_content = None
        for f in found:
            sent = v.sent_of[f.cue_word]
            speaker, heads = self._speaker(v, f, last, by_head, sent == last_sent)
            for head in heads:
                by_head[head] = speaker
            out.append(speaker)
            if f.content_start != last_content:
                # «ذكرت الصحيفة نقلا عن مصادر أن ...»: the relay shares the
                # content; a later «وأضافت» goes on with the first speaker.
                last = speaker
            last_sent = sent
            last_content = f.content_start
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
            # No entity as subject: a definite noun at the start of the clause
            # or right after its verb may point back («وكانت الوزارة قد
            # أعلنت», «وأصدرت الوزارة بيانا»); read the clause from there so
            # that an entity further on (an object, «تحصينات الحوثيين») is
            # not taken for the subject.
            i = v.word_at(s)
            sw = coref.speaker_words()
            heads = [
                j for j in (i, i + 1)
                if j < v.n and v.starts[j] < e and v.alpha[j]
                and (is_definite(v.norms[j]) or bare(v.norms[j]) in sw["descriptors"] or bare(v.norms[j]) in self.lex.role_heads)
            ]
            if not heads:
                return last
            return self._source_speaker(v, (v.starts[heads[0]], e), last, by_head, unresolved=last)[0]
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
        if s > 0 and v.text[s - 1] == "ل" and words[0].startswith("ل") and not words[0].startswith("ال"):
            words[0] = "ا" + words[0]  # «وفقا للمنظمة»: the source «لمنظمة» is «المنظمة»
        head_word = bare(words[0]) if words else ""
        head = deart(head_word)
        # bare() also strips the first letter of «وكالة», «وزارة»: keep both stems.
        heads = (head, deart(words[0])) if deart(words[0]) != head else (head,)
        ents = v.ents_within(s, e)
        persons = [x for x in ents if x[2] == "PER"]
        if in_words(head_word, self.lex.anonymous_source_heads):
            # «مصادر عسكرية موالية لهادي», «مسؤول مقرب من فلان»: a name
            # governed by a preposition is whom the unnamed source belongs
            # to; a name in apposition is the source («المسؤول محمد جامع»).
            persons = [x for x in persons if not self._governed(v, x)]
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
        ents = self._head_entities(v, ents, s)
        if ents:
            return self._fullest(v, ents[0]), heads
        known = [h for h in heads if by_head.get(h) is not None]
        if known and (is_definite(head_word) or len(words) == 1):
            return by_head[known[0]], heads
        person = self._surname(v, words, s)
        if person is not None:
            return self._fullest(v, person), heads
        if is_definite(head_word) and head in self.lex.role_heads:
            person = self._role_holder(v, head, s)
            if person is not None:
                return self._fullest(v, person), heads
        if not is_definite(head_word) and head in self.lex.role_heads and len(words) >= 2:
            # «وزير الدفاع الصومالي», «رئيس الوزراء»: the office is named by
            # its first two words; the PER written at the same office
            # elsewhere in the article holds it.
            person = self._office_holder(v, words[:2], s, e)
            if person is not None:
                return self._fullest(v, person), heads
        ent = self._back_reference(v, words, s)
        if ent is not None:
            return self._fullest(v, ent), heads
        return unresolved, heads

    @staticmethod
    def _governed(v: WordView, ent) -> bool:
        """The entity is the object of a preposition («لهادي», «من فلان»)."""
        w = v.word_at(ent[0])
        if v.starts[w] < ent[0]:
            return True  # a preposition glued to the name
        return w > 0 and v.norms[w - 1] in coref.speaker_words()["prepositions"]

    def _head_entities(self, v: WordView, ents: list, start: int) -> list:
        """The entities of a source that can be its speaker, best first.

        A name the writer sets off in brackets or quotes is the outlet's or
        group's own name («وكالة الأنباء السورية الرسمية (سانا)», «وكالة
        أنباء كوريا الجنوبية "يونهاب"»): it comes first. A place inside a
        modifier of the head («مدير مطار عدن», «المعارضة في نيكاراغوا»,
        «وسائل إعلام سورية») is not who speaks: a LOC counts only when the
        source starts with it («وقالت روسيا») or is the genitive right after
        an indefinite head («حكومة مالي»). An entity right after a
        preposition word is a modifier too («قيادات في المقاومة»), except
        in «كل من X وY»."""
        text = v.text
        head_start = start + 1 if text[start : start + 1] == "ل" and start > 0 and text[start - 1] == "ل" else start

        def marked(ent) -> bool:
            b = text[ent[0] - 1] if ent[0] > 0 else ""
            a = text[ent[1]] if ent[1] < len(text) else ""
            return (b == "(" and a == ")") or (bool(QUOTE_CHARS.match(b)) and bool(QUOTE_CHARS.match(a)))

        first = v.word_at(head_start)

        def head_loc(x) -> bool:
            w = v.word_at(x[0])
            if x[0] <= head_start:
                return True
            # «حكومة مالي», «سفارة باكستان»: the state the head noun belongs to.
            return w == first + 1 and v.starts[w] == x[0] and not is_definite(v.norms[first])

        def after_preposition(x) -> bool:
            w = v.word_at(x[0])
            if w - 2 >= first and v.norms[w - 2] == "كل":
                return False  # «كل من الولايات المتحدة وبريطانيا»
            return v.starts[w] == x[0] and w > first and v.norms[w - 1] in coref.speaker_words()["prepositions"]

        keep = [x for x in ents if (x[2] != "LOC" or head_loc(x)) and not after_preposition(x)]
        return [x for x in keep if marked(x)] + [x for x in keep if not marked(x)]

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

    def _office_holder(self, v: WordView, office: list[str], start: int, end: int):
        """The PER written right after another mention of the same office
        («وزير الدفاع الصومالي عبدالقادر ...», within `role_window` words),
        the nearest earlier one, else the first later one; none when the
        office is held by two different people in the article."""
        first = [bare(office[0]), office[0]]
        found = []
        for i in range(v.n - 1):
            if v.starts[i] >= start and v.starts[i] < end:
                continue
            if v.norms[i] not in first and bare(v.norms[i]) not in first:
                continue
            if v.norms[i + 1] != office[1]:
                continue
            sid = v.sent_of[i]
            hi = v.ends[min(v.sent_last[sid], i + 1 + self.role_window)]
            persons = [x for x in v.ents_within(v.starts[i], hi) if x[2] == "PER"]
            if persons:
                found.append((i, persons[0]))
        names = {normalize(x[1][3]) for x in found}
        if not found or len(names) > 1:
            return None
        earlier = [x for x in found if v.starts[x[0]] < start]
        return (earlier[-1] if earlier else found[0])[1]

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
        # The head («المنظمة الدولية») or the body a role or document
        # belongs to («المتحدث باسم الاتحاد», «بيان صادر عن الحزب»); not a
        # place of work glued to ب («قائد بالمقاومة» is a commander).
        stems = [deart(w) for w in words if is_definite(w) and not bare(w).startswith("بال")]
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
                if k >= 0 and v.ends[k] <= ent[0] and not is_definite(v.norms[k]) and deart(bare(v.norms[k])) in stems:
                    return ent
        return None

    @staticmethod
    def _restore_article(v: WordView, ent):
        """«للجيش التركي» is ل + «الجيش التركي» with the alif of the article
        dropped: the entity read inside the word starts «لجيش»; the speaker
        is written with its article, as elsewhere in the article."""
        s = ent[0]
        t = ent[3]
        if s > 0 and t.startswith("ل") and not t.startswith("ال") and v.text[s - 1] == "ل" and (s < 2 or not v.text[s - 2].isalpha()):
            return (s, ent[1], ent[2], "ا" + t)
        return ent

    def _fullest(self, v: WordView, ent) -> dict:
        """The longest mention of the same label that contains this one."""
        ent = self._restore_article(v, ent)
        words = tuple(_name_words(ent[3]))
        best = ent
        for other in v.ents:
            other = self._restore_article(v, other)
            if other[2] != ent[2] or len(other[3]) <= len(best[3]):
                continue
            ow = tuple(_name_words(other[3]))
            if len(ow) > len(words) and any(ow[i : i + len(words)] == words for i in range(len(ow) - len(words) + 1)):
                best = other
        return {"text": best[3], "label": best[2]}
