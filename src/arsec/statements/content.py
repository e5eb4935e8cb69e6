"""The content of a statement: what introduces it, direct quotations, the
clause before a phrase cue, and where clause contents end (pass two)."""
from __future__ import annotations

import bisect
from typing import Optional

from .found import Found
from .lexicon import Cue
from .words import CLOSER_AFTER, COMMAS, DASHES, QUOTE_CHARS, TRIM_DIRECT_END, TRIM_END, WordView, bare, in_words


# Two-letter function words that follow an attached conjunction «و» («وقد»,
# «وفي», «ولم»): a three-letter word made of them is و + the word, never a root.
_WAW_FUNCTION_WORDS = frozenset({"قد", "في", "لم", "لن", "لا", "ما", "من", "عن", "ان", "هو", "هي", "هم", "مع", "بل"})

class ContentReader:
    """Content spans; mixed into StatementFinder."""

    def _introducer(self, v: WordView, i: int, end: int, cue: Optional[Cue]):
        """Content after word i: (kind, content char start, content word) or None.
        kind is "quote" (starts with a quotation mark) or "clause"."""
        if i >= end:
            return None
        n = v.norms[i]
        if n == ":":
            i += 1
            if i >= end:
                return None
            if self._is_comp(v, i):
                i += 1
            return self._plain_or_quote(v, i, end)
        if self._is_comp(v, i):
            return self._plain_or_quote(v, i + 1, end)
        if self._is_opener(v, i):
            return self._plain_or_quote(v, i, end)
        ps = self._prep_start(v, i, cue)
        if ps is not None:
            if ps >= 0:  # ب attached to the first content word
                return ("clause", ps, i)
            i += 1
            if i < end and self._is_comp(v, i):
                i += 1
            if i < end and v.norms[i] in self.lex.report_nouns:
                i += 1
            return self._plain_or_quote(v, i, end)
        return None

    def _plain_or_quote(self, v: WordView, i: int, end: int):
        if i >= end:
            # A quote may run on past the sentence the cue is in.
            if i < v.n and self._is_opener(v, i) and self.quotes_across_sentences:
                return ("quote", v.starts[i], i)
            return None
        if self._is_opener(v, i):
            return ("quote", v.starts[i], i)
        if not v.alpha[i]:
            return None
        if v.norms[i] in self.lex.report_nouns:
            i += 1
            if i >= end:
                return None
        return ("clause", v.starts[i], i)

    def _with_content(self, v, cue, k, source, channel, intro, end, **extra) -> Optional[Found]:
        kind, cs, cw = intro
        if cw < v.n and v.norms[cw] in self.lex.reflexive_objects:
            return None  # «أعلنت عن نفسها»: no reported content
        if kind == "quote":
            close = v.quotes.get(cs)
            if close is not None and close - cs <= self.max_quote_chars:
                after = close + 1
                text = v.text
                while after < len(text) and text[after] in " \t":
                    after += 1
                # Direct when the quote ends the clause: punctuation or a line
                # break after it, or a stop just inside it.
                direct = (
                    after >= len(text)
                    or text[after] in CLOSER_AFTER
                    or text[after] in "\n\r"
                    or text[close - 1] in ".؟?!…"
                )
                if not direct:
                    nw = v.word_at(after)
                    c, pre = self._cue_at(v, nw) if nw < v.n else (None, 0)
                    direct = c is not None and (pre or c.kind == "participle")
                if direct:
                    s = cs + 1
                    # A complementiser inside the quote is still excluded.
                    w = v.word_at(s)
                    while w < v.n and v.starts[w] < close and not v.alpha[w] and v.norms[w] in " ":
                        w += 1
                    if w < v.n and v.starts[w] < close and self._is_comp(v, w):
                        s = v.ends[w]
                    e = close
                    while s < e and v.text[s].isspace():
                        s += 1
                    while e > s and v.text[e - 1] in TRIM_DIRECT_END:
                        e -= 1
                    if e <= s:
                        return None
                    if not self.quotes_across_sentences and v.word_at(close) >= end:
                        e = v.ends[end - 1]
                    return Found(cue, k, source, channel, s, e, w, "direct", **extra)
            # A quotation opening mixed content: the mark stays inside.
        if cw >= v.n:
            return None
        return Found(cue, k, source, channel, cs, None, cw, "clause", **extra)

    def _before_content(self, v: WordView, first: int, k: int, cue_start: int) -> Optional[tuple]:
        """The reported clause before a phrase cue, without a leading و or dateline."""
        j = k - 1
        while j >= first and (not v.alpha[j]) and not v.norms[j] in "\"”»":
            j -= 1
        if j < first:
            return None
        ce = v.ends[j]
        s = first
        # A dateline «الموصل – ...» or «(رويترز) -» is the writer's, not reported.
        for d in range(first, min(j, first + 5)):
            if v.norms[d] in DASHES and d + 1 <= j:
                s = d + 1
                break
        if s > j:
            return None
        cs = v.starts[s]
        w = v.norms[s]
        if w in ("و", "كما") or bare(w) == "كما":
            # «كما» links the sentence to the previous one: the writer's, not reported.
            s += 1
            if s > j:
                return None
            cs = v.starts[s]
            w = v.norms[s]
        if (len(w) > 3 and w[0] == "و" and w not in self.lex.waw_initial_words) or (
                len(w) == 3 and w[0] == "و" and w[1:] in _WAW_FUNCTION_WORDS):
            cs += 1  # «وقد أدت …», «وفي …»: the conjunction stays outside
        if not any(v.alpha[x] for x in range(s, j + 1)):
            return None
        return cs, ce

    def _break_position(self, v: WordView, k: int, cue_start: int, first: int) -> int:
        """Where this cue ends the content of an earlier statement."""
        j = k - 1
        while j >= first and v.norms[j] in (self.lex.contrast_connectors | {"في", "حين", "وقت", "وفي"}):
            j -= 1
        if j >= first and v.norms[j] in COMMAS:
            return v.starts[j]
        return v.starts[k]

    def _close_clauses(self, v: WordView, found: list[Found]) -> None:
        """End every clause content at its sentence end or the next cue that
        opens its own statement («، مشيرا», «وأضاف», «، بينما نفى»)."""
        breaks = sorted(f.break_at for f in found)
        # Contrast connectors after a comma also close a clause.
        lx = self.lex
        for j in range(1, v.n):
            if j + 1 < v.n and (v.norms[j], v.norms[j + 1]) in lx.contrast_two_words and v.norms[j - 1] in COMMAS:
                breaks.append(v.starts[j - 1])
            if (
                v.norms[j - 1] in COMMAS
                and in_words(v.norms[j], self._phrase_first)
                and v.norms[j] != "في"
                and not in_words(v.norms[j], self.lex.phrase_cues_as)  # «، كما فجرت ...» goes on
            ):
                breaks.append(v.starts[j - 1])  # «، بحسب قوله»
        breaks.sort()
        keep: list[Found] = []
        for f in found:
            if f.content_end is None:
                last = v.sent_end(f.content_word) - 1
                e = v.ends[last]
                b = bisect.bisect_right(breaks, f.content_start)
                if b < len(breaks) and breaks[b] < e:
                    e = breaks[b]
                # Speech reported inside a quotation ends with it.
                around = v.enclosing_quote(f.content_start)
                if around is not None and v.quotes[around] < e:
                    e = v.quotes[around]
                e = self._trim_end(v.text, f.content_start, e)
                # A quotation opened inside the content runs on to its close.
                for q in QUOTE_CHARS.finditer(v.text, f.content_start, e):
                    close = v.quotes.get(q.start())
                    if close is not None and close >= e and self.quotes_across_sentences and close - q.start() <= self.max_quote_chars:
                        e = close + 1
                f.content_end = e
            if f.content_end > f.content_start:
                keep.append(f)
        found[:] = keep

    @staticmethod
    def _trim_end(text: str, s: int, e: int) -> int:
        while e > s and text[e - 1] in TRIM_END:
            e -= 1
        return e
