"""What sits between a cue, its source and its content: complementisers,
quotation marks, time phrases, channels («في بيان»), outlets («لوكالة ...»),
relays («عن مصدر قوله»), listeners and adverbs."""
from __future__ import annotations

from typing import Optional

from .lexicon import Cue
from .words import COMMAS, DASHES, QUOTE_CHARS, WORD_RE, WordView, bare, deart, in_words, is_definite


class ZoneReader:
    """Word predicates and the skip zone; mixed into StatementFinder."""

    def _norm(self, v: WordView, i: int) -> str:
        return v.norms[i] if 0 <= i < v.n else ""

    def _is_comp(self, v: WordView, i: int) -> bool:
        return v.alpha[i] and v.norms[i] in self.lex.complementisers

    def _is_opener(self, v: WordView, i: int) -> bool:
        return v.starts[i] in v.quotes

    def _time_len(self, v: WordView, i: int, end: int) -> int:
        """Number of words of a time phrase starting at i (0 if none)."""
        lx = self.lex
        n = v.norms[i]
        j = i
        if in_words(n, lx.time_words):
            j = i + 1
        elif in_words(n, ("في", "خلال", "منذ")) and i + 1 < end:
            nxt = v.norms[i + 1]
            if nxt in lx.months or nxt in lx.time_after_preposition or nxt in lx.time_words or nxt.isdigit():
                j = i + 2
            elif is_definite(nxt) and i + 3 < end and v.norms[i + 2] == "من" and v.norms[i + 3] in lx.months:
                j = i + 4  # «في التاسع من فبراير»
        elif n in lx.time_nouns and i + 1 < end and v.norms[i + 1] in lx.time_continuers and v.ent_covering(v.starts[i]) is None:
            j = i + 2  # «الأسبوع الماضي», «ليل الجمعة»
        if j == i:
            return 0
        extend = lx.time_words | lx.time_continuers | lx.months | lx.time_after_preposition
        while j < end:
            n = v.norms[j]
            if n in extend or n.isdigit():
                j += 1
            elif n == "من" and j + 1 < end and (v.norms[j + 1] in extend):
                j += 1
            elif n == "/" and j + 1 < end and v.norms[j + 1] in lx.months:
                j += 2  # «فبراير/شباط»
            else:
                break
        return j - i

    def _channel_len(self, v: WordView, i: int, end: int) -> tuple[int, int]:
        """(words of a channel phrase at i, words that are the channel span)."""
        lx = self.lex
        if not (in_words(v.norms[i], lx.channel_prepositions) and i + 1 < end):
            return 0, 0
        if not self._is_channel_noun(v.norms[i + 1]):
            return 0, 0
        j = i + 2
        while j < end and (v.norms[j] in lx.channel_adjectives or (is_definite(v.norms[j]) and deart(v.norms[j]) in lx.channel_adjectives)):
            j += 1
        span_len = j - i
        j = self._trailer(v, j, end)
        return j - i, span_len

    def _is_channel_noun(self, n: str) -> bool:
        """«بيان», also definite or with a possessive pronoun («رسالتها»)."""
        nouns = self.lex.channel_nouns
        if n in nouns or deart(n) in nouns:
            return True  # «في البيان», «خلال المؤتمر» too
        for suffix in ("ها", "هم", "ه"):
            if n.endswith(suffix) and len(n) > len(suffix) + 2:
                stem = n[: -len(suffix)]
                if stem in nouns or (stem.endswith("ت") and stem[:-1] + "ه" in nouns):
                    return True
        return False

    def _trailer(self, v: WordView, j: int, end: int) -> int:
        """Skip «لها», «صادر عنها», «على حسابه في تويتر» after a channel."""
        lx = self.lex
        while j < end and v.norms[j] in lx.channel_trailers:
            j += 1
        if j < end and v.norms[j] in lx.document_issuers:
            # «في بيان نشرته مواقع موالية ...، مسؤوليته»: up to the comma.
            for x in range(j + 1, min(end, j + 12)):
                if v.norms[x] in COMMAS or v.norms[x] == ":" or self._is_opener(v, x) or self._is_comp(v, x):
                    return x
            return j + 1
        if j + 1 < end and v.norms[j] in lx.platform_prepositions and v.norms[j + 1] in lx.platform_words:
            j += 2
            limit = j + 4
            while j < min(end, limit) and v.alpha[j] and not self._is_comp(v, j):
                j += 1
        return j

    def _outlet_len(self, v: WordView, i: int, end: int) -> int:
        """An outlet the speaker talks to («لوكالة فرانس برس», «لـ"الوطن"»,
        «لـ«الشرق الأوسط»», «لـCNN»), not a channel."""
        n = v.norms[i]
        if not n.startswith("ل"):
            return 0
        if n == "ل":
            if i + 1 >= end:
                return 0
            j = i + 1
            quoted = self._outlet_quote_end(v, j, end)
            if quoted:
                return quoted - i
            j = i + 2
        else:
            rest = n[1:]
            if rest.startswith("ل"):
                rest = "ا" + rest
            if rest.isascii() and rest.isalpha():
                return 1  # «لـCNN»: a Latin name glued to the ل
            if rest not in self.lex.outlet_nouns:
                return 0
            j = i + 1
        limit = j + 5
        while j < min(end, limit):
            q = self._quoted_name_len(v, j)
            if q:
                j += q
                continue
            if not v.alpha[j] or self._is_comp(v, j) or self._time_len(v, j, end) or self._channel_len(v, j, end)[0]:
                break
            j += 1
        return j - i

    def _outlet_quote_end(self, v: WordView, j: int, end: int) -> int:
        """After a bare «لـ»: a quoted outlet name, whichever way its marks
        point («لـ»المدينة»» is common); the word after its closing mark."""
        if j >= end or v.alpha[j] or not QUOTE_CHARS.match(v.norms[j]):
            return 0
        for x in range(j + 1, min(end, j + 7)):
            if not v.alpha[x]:
                if QUOTE_CHARS.match(v.norms[x]):
                    return x + 1 if x > j + 1 else 0
                if v.norms[x] not in ".-":
                    return 0
        return 0

    def _relay_len(self, v: WordView, i: int, end: int, cue: Optional[Cue]) -> int:
        """«نقلت الوكالة عن مصدر قوله إن»: skip «عن مصدر قوله»; after any
        verb cue, «نقلا عن مصادر عسكرية» up to the content («وتابعت
        "يونهاب" نقلا عن مصادر عسكرية أن»: the phrase is a cue of its own)."""
        if cue is None:
            return 0
        if i + 1 < end and (bare(v.norms[i]), v.norms[i + 1]) in self.lex.phrase_relay:
            for j in range(i + 2, min(end, i + 2 + self.max_source_words)):
                if self._is_comp(v, j) or self._is_opener(v, j) or v.norms[j] == ":":
                    return j - i
            return 0
        if cue.lemma != "نقل" or v.norms[i] != "عن":
            return 0
        for j in range(i + 1, min(end, i + 1 + self.max_source_words)):
            if v.norms[j] in self.lex.relay_say_nouns:
                return j + 1 - i
            if self._is_comp(v, j) or self._is_opener(v, j) or v.norms[j] == ":":
                return j - i
        return 0

    def _skip_zone(self, v: WordView, i: int, end: int, cue: Optional[Cue]):
        """Skip commas, time phrases, channel, outlet and adverbs between a
        source and its content; return (next word, channel span or None)."""
        channel = None
        lx = self.lex
        while i < end:
            n = v.norms[i]
            if n in COMMAS or n in DASHES:
                i += 1
                continue
            if not v.alpha[i]:
                break
            if n in lx.adverbs or n in lx.listener_pronouns:
                i += 1
                continue
            if i + 1 < end and (bare(n), v.norms[i + 1]) in lx.adverb_pairs:
                i += 2
                continue
            k = self._time_len(v, i, end)
            if k:
                i += k
                continue
            k, span_len = self._channel_len(v, i, end)
            if k:
                if channel is None:
                    channel = (v.starts[i], v.ends[i + span_len - 1])
                i += k
                continue
            k = self._outlet_len(v, i, end) or self._relay_len(v, i, end, cue) or self._trailer(v, i, end) - i
            if k:
                i += k
                continue
            break
        return i, channel

    def _prep_start(self, v: WordView, i: int, cue: Optional[Cue]) -> Optional[int]:
        """Content char start when word i is the cue's content preposition."""
        if cue is None or not cue.preps or not v.alpha[i]:
            return None
        n = v.norms[i]
        if n in cue.preps:
            return -1  # a separate word: content starts at the next word
        if "ب" in cue.preps and n.startswith("ب") and len(n) > 3 and n not in self.lex.source_word_exceptions_ba:
            rest = n[1:]
            if rest not in self.lex.source_word_exceptions_ba and (
                rest in self.lex.content_starters or deart(rest) in self.lex.content_starters or rest.startswith("ال")
            ):
                return v.starts[i] + 1
            # Object cues take any verbal noun after ب («طالب بتسليم ...»,
            # «اتهمه بقصف ...»), but not a body the source belongs to
            # («مسؤول بوزارة الداخلية») or a name.
            if cue.object_first and rest not in self.lex.source_heads and v.ent_covering(v.starts[i] + 1) is None:
                return v.starts[i] + 1
        return None

    def _quoted_name_len(self, v: WordView, i: int) -> int:
        """Words of a short quoted name inside a noun phrase («الموقع المصري
        «الوطن»، إلى أن», «تنظيم "الدولة الإسلامية"»): closed within 60
        characters and followed, after spaces or a comma, by a word."""
        close = v.quotes.get(v.starts[i])
        if close is None or close - v.starts[i] > 60:
            return 0
        text = v.text
        inner = text[v.starts[i] + 1 : close]
        if len(inner.split()) > 5 or any(c in inner for c in ".؟?!:"):
            return 0  # a sentence in quotes, not a name
        after = close + 1
        while after < len(text) and text[after] in " \t،,":
            after += 1
        if after >= len(text) or not WORD_RE.match(text, after) or not text[after].isalnum():
            # «بحسب وكالة "الأناضول".»: a name after an outlet noun in the
            # construct state ends the sentence.
            prev = v.norms[i - 1] if i > 0 else ""
            at_end = after >= len(text) or text[after] in ".\n"
            if not (at_end and i > 0 and v.alpha[i - 1] and prev in self.lex.outlet_nouns and not bare(prev).startswith("ال")):
                return 0
        return v.word_at(close) + 1 - i
