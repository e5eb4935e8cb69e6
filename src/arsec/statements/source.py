"""The source noun phrase of a cue: where it ends, subject chains, fronted
subjects and documents as subjects («ذكر بيان لوزارة الدفاع»)."""
from __future__ import annotations

from typing import Optional

from ..normalize import normalize
from .lexicon import Cue
from .words import COMMAS, DASHES, WordView, bare, deart, in_words, is_definite, is_nisba


class SourceReader:
    """Source spans; mixed into StatementFinder."""

    def _is_boundary(self, v: WordView, j: int, end: int, cue: Optional[Cue]) -> Optional[str]:
        """Why the source noun phrase stops at word j (None: it goes on)."""
        n = v.norms[j]
        if not v.alpha[j]:
            if self._is_opener(v, j) or n == ":":
                return "intro"
            if n in COMMAS or n in DASHES:
                return "skip"
            if n in "()[]":
                return None
            return "end"
        inside_entity = v.ent_covering(v.starts[j])
        if inside_entity is not None and inside_entity[0] < v.starts[j]:
            return None  # words inside a name never end the source
        if self._is_comp(v, j) or self._prep_start(v, j, cue) is not None:
            return "intro"
        if in_words(n, self.lex.source_end_words) or self._after_name(v, j, end):
            return "skip"
        if (
            self._time_len(v, j, end)
            or self._channel_len(v, j, end)[0]
            or self._outlet_len(v, j, end)
            or self._relay_len(v, j, end, cue)
            or n in self.lex.adverbs
            or n in self.lex.listener_pronouns
            or (j + 1 < end and (bare(n), v.norms[j + 1]) in self.lex.adverb_pairs)
            or (j + 1 < end and n in self.lex.platform_prepositions and v.norms[j + 1] in self.lex.platform_words)
        ):
            return "skip"
        return None

    def _after_name(self, v: WordView, j: int, end: int) -> bool:
        """Word j is a preposition right after a personal name: a name closes
        the source noun phrase, so what follows is a circumstance («قال
        الأسد في مقابلة», «قال فلان من منزله», «قال فلان لصحافيين»), unless a
        body the person belongs to follows («... في شرطة نينوى»: an
        organisation entity or a body noun)."""
        if j == 0 or not v.alpha[j - 1]:
            return False
        ent = v.ent_covering(v.ends[j - 1] - 1)
        if ent is None or ent[2] != "PER" or ent[1] != v.ends[j - 1]:
            return False
        n = v.norms[j]
        lx = self.lex
        if n in lx.after_name_prepositions:
            if j + 1 < end and v.alpha[j + 1]:
                nxt = v.ent_covering(v.starts[j + 1])
                if nxt is not None and nxt[2] != "PER" and nxt[0] == v.starts[j + 1]:
                    return False
                if v.norms[j + 1] in lx.source_heads or deart(v.norms[j + 1]) in lx.body_nouns:
                    return False
            return True
        # «لصحافيين», «لنظيره»: a listener glued to ل (not «لدى», not a name).
        return n.startswith("ل") and len(n) > 3 and n not in lx.source_continuers and v.ent_covering(v.starts[j]) is None

    def _scan_source(self, v: WordView, i: int, end: int, cue: Optional[Cue]):
        """Words i.. up to the source boundary: (end word, boundary kind)."""
        limit = min(end, i + self.max_source_words)
        j = i
        while j < limit:
            k = self._quoted_name_len(v, j)
            if k:
                j += k
                continue
            if j == i and cue is None and v.norms[j].startswith("ل") and self._outlet_len(v, j, end):
                j += 1  # «وفقا لصحيفة ...»: after a phrase cue the outlet is the source
                continue
            why = self._is_boundary(v, j, end, cue)
            if why:
                return j, why
            j += 1
        return j, ("end" if j >= end else "limit")

    def _chain_end(self, v: WordView, i: int, end: int) -> int:
        """Where a subject noun phrase with no marked boundary ends.

        A head, its genitive/adjective chain of definite words, prepositional
        attachments to definite words («مصدر في الشرطة الاتحادية») and names
        written as entities; it stops at the first indefinite word after a
        definite one, or at a word that typically starts a reported object
        («مقتل», «انطلاق» ...).
        """
        lx = self.lex
        j = i + 1
        seen_def = is_definite(v.norms[i])
        while j < end:
            q = self._quoted_name_len(v, j)
            if q:
                j += q
                continue
            if not v.alpha[j]:
                break
            n = v.norms[j]
            if n in lx.content_starters or deart(n) in lx.content_starters or n in lx.relative_pronouns:
                break
            if is_definite(n):
                seen_def = True
            elif n in lx.source_continuers and j + 1 < end and is_definite(v.norms[j + 1]):
                pass
            elif n in lx.source_word_exceptions_ba:
                pass
            elif not seen_def and j - i < 3:
                pass
            else:
                break
            j += 1
        # A name written after a title («اللواء الركن فاضل الربيعي») is an
        # entity; take it whole.
        while j < end:
            ent = v.ent_covering(v.starts[j]) or (v.ent_covering(v.ends[j - 1] - 1) if j > i else None)
            if ent is None or ent[1] <= v.starts[j]:
                break
            j = v.word_at(ent[1] - 1) + 1
        return j

    def _document_source(self, v: WordView, i: int, end: int):
        """A document or tally as the subject or object of the cue
        (docs/annotating.md v1.2): «ذكر بيان لوزارة الدفاع أن», «أفادت
        تقارير إعلامية بأن», «بحسب تقديرات وكالة اللاجئين», «أشار بعض
        التقارير». The document noun phrase (quantifier, noun, adjectives)
        is the channel; the body after ل / «صادر عن», or a genitive name
        right after an indefinite noun, is the source. Returns (channel,
        source start char or None, next word, definite) or None; `definite`
        is False for generic plurals («التقارير», «التقديرات»), which never
        point back to an earlier speaker."""
        lx = self.lex
        start = i
        if bare(v.norms[i]) in lx.document_quantifiers and i + 1 < end:
            i += 1
        elif bare(v.norms[i]) == "عدد" and i + 2 < end and v.norms[i + 1] == "من":
            i += 2
        n = bare(v.norms[i])
        stem = deart(n)
        if stem not in lx.statement_documents:
            return None
        if i > start and stem == n:
            return None  # «بعض» / «عدد من» take a definite plural
        j = i + 1
        while j < end and (v.norms[j] in lx.channel_adjectives or deart(v.norms[j]) in lx.document_adjectives):
            j += 1
        if j > i + 1 and j < end and stem == n and self._indefinite_nisba(v.norms[j]):
            j += 1  # «حصيلة رسمية تركية»: a relational adjective after a listed one
        channel = (v.starts[start], v.ends[j - 1])
        definite = stem != n and stem not in lx.anonymous_documents
        if j < end and v.norms[j] in lx.document_issuers:
            j += 1
            if j < end and v.norms[j] == "عن":
                j += 1
            return channel, v.starts[j] if j < end and v.alpha[j] else None, j, definite
        if j < end and v.alpha[j] and v.norms[j].startswith("ل") and v.norms[j] not in ("له", "لها", "لهم"):
            if v.norms[j] == "ل":
                return channel, (v.starts[j + 1] if j + 1 < end else None), j + 1, definite
            return channel, v.starts[j] + 1, j, definite
        if stem == n and j == i + 1 and j < end and self._is_genitive_body(v, j):
            return channel, v.starts[j], j, definite  # «تقديرات وكالة اللاجئين»
        return channel, None, j, definite

    _NISBA_END = normalize("ية")

    def _indefinite_nisba(self, n: str) -> bool:
        """An indefinite feminine relational adjective («تركية», «أمريكية»)."""
        return len(n) > 4 and n.endswith(self._NISBA_END) and not is_definite(n)

    def _is_genitive_body(self, v: WordView, j: int) -> bool:
        """Word j names the body a bare document noun belongs to: a name
        written as an entity, a body noun («صحيفة», «وزارة») or a definite
        noun («الأمم المتحدة»), but not a content or a preposition."""
        if not v.alpha[j] or self._is_comp(v, j):
            return False
        n = v.norms[j]
        ent = v.ent_covering(v.starts[j])
        if ent is not None and ent[0] == v.starts[j]:
            return True
        if n in self.lex.source_heads or n in self.lex.outlet_nouns:
            return True
        return is_definite(n) and not n.startswith(("لل", "بال", "كال")) and deart(n) not in self.lex.content_starters

    def _fronted_source(self, v: WordView, k: int, first: int) -> Optional[tuple]:
        """A subject written before its verb: «يشار إلى أن العراق أعلن»,
        «قال إن الجيش أكد ...», or a sentence opening with a named subject."""
        # «X قد أعلن», «إن الرئيس كان يشير»: the auxiliary is not the subject.
        e = k
        while e - 1 > first and v.norms[e - 1] in self.lex.fronted_auxiliaries:
            e -= 1
        j = e - 1
        lowest = max(first, e - self.max_fronted)
        while j >= lowest:
            if not v.alpha[j]:
                break
            n = v.norms[j]
            if n in ("ان", "بان", "فان"):
                if j == e - 1:
                    return None
                return (v.starts[j + 1], v.ends[e - 1])
            j -= 1
        else:
            j = -1
        svo = self._svo_subject(v, e, first)
        if svo is not None:
            return svo
        # Sentence start (or after a comma) with a named subject right before the verb.
        ent = v.ent_covering(v.ends[k - 1] - 1) if k > 0 else None
        if ent is not None and ent[1] == v.ends[k - 1]:
            s = v.word_at(ent[0])
            before = s - 1
            if s == first or (before >= first and v.norms[before] in COMMAS):
                return (ent[0], ent[1])
        return None

    def _svo_subject(self, v: WordView, e: int, first: int) -> Optional[tuple]:
        """A subject written before its verb after «كان / لكن» or at the start
        of a sentence or quotation: «وكان الجيش قد أعلن», «لكن مسؤولا تركيا
        قال», «المصادر ذاتها أكدت». Words e-1 back to the trigger; commas
        are allowed (appositions: «وكان رئيس المجمع، الكاردينال فلان، قد
        قال»). No verb cue, complementiser, relative pronoun, preposition
        start or time word may sit in it."""
        lx = self.lex
        limit = self.max_fronted + 6
        if e - 1 > first and v.norms[e - 1] in COMMAS:
            e -= 1  # «...، الكاردينال فلان، قد قال»
        j = e - 1
        words = 0
        commas = 0
        start = None
        while j >= first - 1 and words <= limit:
            at_start = j < first or (not v.alpha[j] and (self._is_opener(v, j) or v.norms[j] == ":"))
            if at_start or (v.alpha[j] and bare(v.norms[j]) in lx.fronted_triggers):
                start = j + 1
                break
            if not v.alpha[j]:
                if v.norms[j] in COMMAS:
                    commas += 1
                    j -= 1
                    continue
                return None
            n = v.norms[j]
            if (
                self._is_comp(v, j)
                or n in lx.relative_pronouns
                or in_words(n, lx.time_words)
                or in_words(n, lx.fronted_clause_words)
                or self._cue_at(v, j)[0] is not None
            ):
                return None
            words += 1
            j -= 1
        if start is None or start >= e or not v.alpha[start] or v.norms[start - 1 if start > 0 else 0] in COMMAS:
            return None
        head = v.norms[start]
        if in_words(head, lx.fronted_not_subject) or head.startswith(("بال", "لل", "كال")):
            return None
        if bare(head) != head and bare(head) in lx.fronted_not_subject:
            return None
        opened_by_trigger = start > first and v.alpha[start - 1]
        if not opened_by_trigger:
            # Sentence start: only a short, clearly nominal subject.
            ent = v.ent_covering(v.starts[start])
            if words > 6 or commas or not (
                is_definite(head) or (ent is not None and ent[0] <= v.starts[start] + 1) or bare(head) in lx.source_heads
            ):
                return None
        if commas and words > limit:
            return None
        if not commas and words > self.max_fronted:
            return None
        return (v.starts[start] + (1 if head[0] in "وف" and bare(head) != head and bare(head) not in lx.waw_initial_words and head not in lx.waw_initial_words and not opened_by_trigger else 0), v.ends[e - 1])

    def _subject_end(self, v: WordView, i: int, end: int) -> int:
        """Where the subject ends when an object follows it before the content
        preposition («اتهم الحزب الكردي أنقرة ب...»). Arabic gives two clues
        without morphology: a word with the article closes a noun phrase (a
        construct head never carries it), so a second definite word that is
        not a nisba adjective («العراقي», «الأمريكية») starts the object; and
        a sound plural in -ون («معارضون») is never a construct head. A PER
        name after the head is an apposition («رئيس المجلس محمد الناصر»)."""
        j = i
        complete = False
        while j < end:
            ent = v.ent_covering(v.starts[j])
            if ent is not None and ent[0] == v.starts[j]:
                if complete and ent[2] != "PER":
                    return j
                j = max(j + 1, v.word_at(ent[1] - 1) + 1)
                complete = True
                continue
            if not v.alpha[j]:
                return j
            n = v.norms[j]
            definite = n.startswith("ال") and len(n) > 3
            if j > i and complete and (not definite or not is_nisba(n)):
                if n in self.lex.source_continuers:
                    complete = False  # «مسؤول في الجيش ...»
                    j += 1
                    continue
                return j
            complete = definite or n.endswith("ون")
            j += 1
        return j

