"""The source noun phrase of a cue: where it ends, subject chains, fronted
subjects and documents as subjects («ذكر بيان لوزارة الدفاع»)."""
from __future__ import annotations

from typing import Optional

from .lexicon import Cue
from .words import COMMAS, DASHES, WordView, bare, deart, is_definite, is_nisba


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

    def _scan_source(self, v: WordView, i: int, end: int, cue: Optional[Cue]):
        """Words i.. up to the source boundary: (end word, boundary kind)."""
        limit = min(end, i + self.max_source_words)
        j = i
        while j < limit:
            k = self._quoted_name_len(v, j)
            if k:
                j += k
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
        j = k - 1
        lowest = max(first, k - self.max_fronted)
        while j >= lowest:
            if not v.alpha[j]:
                return None
            n = v.norms[j]
            if n in ("ان", "بان", "فان"):
                if j == k - 1:
                    return None
                return (v.starts[j + 1], v.ends[k - 1])
            j -= 1
        # Sentence start (or after a comma) with a named subject right before the verb.
        ent = v.ent_covering(v.ends[k - 1] - 1) if k > 0 else None
        if ent is not None and ent[1] == v.ends[k - 1]:
            s = v.word_at(ent[0])
            before = s - 1
            if s == first or (before >= first and v.norms[before] in COMMAS):
                return (ent[0], ent[1])
        return None

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

