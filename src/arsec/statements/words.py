"""The word view of a document: words of `doc.text` with normalised forms,
sentence and entity look-ups, paired quotation marks, and small helpers on
normalised words.

Why words and not tokens: statement spans are defined on characters («وقال» →
cue «قال», «لوكالة» is an outlet, «بأن» a complementiser) and must come out the
same whatever the tokenizer splits. The component therefore reads its own
whitespace/punctuation word view of `doc.text` (one C-level regex pass,
normalised with `arsec.normalize.normalize`) and only takes sentence
boundaries and entities from the Doc.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from spacy.tokens import Doc

from ..normalize import normalize

# A word is a run of Arabic/Latin letters, digits or diacritics; a number may
# carry inner separators; every other non-space character is its own word.
WORD_RE = re.compile(
    r"\d+(?:[.,٫]\d+)*"
    r"|[\u0621-\u063A\u0640-\u065F\u0660-\u0669\u0670-\u06D3\u06F0-\u06F9A-Za-z0-9_]+"
    r"|[^\s#]"
)  # «#» opens a hashtag: not a word, so «#إسرائيل» reads as «إسرائيل»
QUOTE_CHARS = re.compile(r"[\"«»“”„]")
OPENER_BEFORE = set("([«:،,-–—/") | {"\u200f"}
CLOSER_AFTER = set(".,،؛;:؟?!)]»…-–—")
TRIM_END = " \t\r\n.,،؛;:-–—…"
TRIM_DIRECT_END = " \t\r\n.,،؛;…"
COMMAS = {"،", ","}
DASHES = {"-", "–", "—"}



def pair_quotes(text: str) -> dict[int, int]:
    """Map each opening quotation mark to its closing mark (character indices).

    «» pair by nesting. Straight and curly double quotes are symmetric in
    practice (RTL text uses “ and ” both ways), so they pair by context: a mark
    after a space and before a letter opens, one after a letter and before a
    space or punctuation closes, otherwise marks alternate. An unclosed mark is
    dropped when a new paragraph opens another quote, so one stray mark does
    not flip every later pair.
    """
    pairs: dict[int, int] = {}
    guillemets: list[int] = []
    open_at: Optional[int] = None
    n = len(text)
    for m in QUOTE_CHARS.finditer(text):
        i = m.start()
        ch = m.group()
        if ch == "«":
            guillemets.append(i)
            continue
        if ch == "»":
            if guillemets:
                pairs[guillemets.pop()] = i
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        opens = before.isspace() or before in OPENER_BEFORE or (
            before in "وفبلك" and (i < 2 or text[i - 2].isspace())
        )
        closes = after.isspace() or after in CLOSER_AFTER or after in "\"”“"
        if open_at is None:
            if closes and not opens:
                continue  # a stray closing mark
            open_at = i
        elif opens and not closes and "\n" in text[open_at:i]:
            open_at = i  # the earlier mark never closed in its paragraph
        else:
            pairs[open_at] = i
            open_at = None
    return pairs


class WordView:
    """Words of `doc.text` with normalised forms, sentences and entities."""

    def __init__(self, doc: Doc, speaker_labels: set):
        text = doc.text
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.norms: list[str] = []
        self.alpha: list[bool] = []
        for m in WORD_RE.finditer(text):
            s, e = m.span()
            w = m.group()
            self.starts.append(s)
            self.ends.append(e)
            is_alpha = e - s > 1 or w.isalnum()
            self.alpha.append(is_alpha)
            self.norms.append(normalize(w) if is_alpha else w)
        self.n = len(self.starts)
        # Sentences: from the Doc when a sentencizer ran, else one sentence.
        if doc.has_annotation("SENT_START"):
            sent_chars = [s.start_char for s in doc.sents]
        else:
            sent_chars = [0]
        self.sent_of: list[int] = []
        k = 0
        for s in self.starts:
            while k + 1 < len(sent_chars) and sent_chars[k + 1] <= s:
                k += 1
            self.sent_of.append(k)
        self.sent_first: dict[int, int] = {}
        self.sent_last: dict[int, int] = {}
        for i, sid in enumerate(self.sent_of):
            self.sent_first.setdefault(sid, i)
            self.sent_last[sid] = i
        self.ents = [
            (e.start_char, e.end_char, e.label_, e.text)
            for e in doc.ents
            if e.label_ in speaker_labels
        ]
        self.ent_starts = [e[0] for e in self.ents]
        self.quotes = pair_quotes(text)
        self.quote_opens = sorted(self.quotes)

    def enclosing_quote(self, pos: int) -> Optional[int]:
        """The opening mark of the innermost quotation around `pos`, if any."""
        i = bisect.bisect_left(self.quote_opens, pos)
        for o in reversed(self.quote_opens[max(0, i - 4) : i]):
            if self.quotes[o] > pos:
                return o
        return None

    def word_at(self, char: int) -> int:
        """Index of the word containing (or following) character `char`."""
        i = bisect.bisect_right(self.starts, char) - 1
        if i < 0:
            return 0
        return i if char < self.ends[i] else i + 1

    def sent_end(self, i: int) -> int:
        """Index one past the last word of word i's sentence."""
        return self.sent_last[self.sent_of[i]] + 1

    def ents_within(self, s: int, e: int) -> list:
        lo = bisect.bisect_left(self.ent_starts, s)
        out = []
        for ent in self.ents[lo:]:
            if ent[0] >= e:
                break
            if ent[1] <= e:
                out.append(ent)
        return out

    def ent_covering(self, char: int):
        """The entity that starts at or spans `char`, if any."""
        i = bisect.bisect_right(self.ent_starts, char) - 1
        if i >= 0 and self.ents[i][0] <= char < self.ents[i][1]:
            return self.ents[i]
        return None


def bare(norm: str) -> str:
    """Drop one و/ف conjunction from a normalised word."""
    return norm[1:] if len(norm) > 2 and norm[0] in "وف" else norm


def in_words(norm: str, words) -> bool:
    """`norm` is in `words`, as written or after one و/ف conjunction."""
    return norm in words or (len(norm) > 2 and norm[0] in "وف" and norm[1:] in words)


def deart(norm: str) -> str:
    """Drop the article (and a ل/ب before it) from a normalised word."""
    n = norm
    if n.startswith("لل") and len(n) > 3:
        return n[2:]
    for pre in ("وال", "بال", "فال", "كال", "ال"):
        if n.startswith(pre) and len(n) > len(pre) + 1:
            return n[len(pre):]
    return n


def is_definite(norm: str) -> bool:
    n = bare(norm)
    return n.startswith(("ال", "لل", "بال", "كال")) and len(n) > 3


def is_nisba(norm: str) -> bool:
    """A definite relational adjective («العراقي», «الأمريكية», «الكرديه»)."""
    return norm.startswith("ال") and norm.endswith(("ي", "يه", "يين", "يون", "يتين")) and len(norm) > 4

