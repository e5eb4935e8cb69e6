"""Attributed statements (who said what), rule-based, per ANNOTATION.md §4 and §6.

The component finds reporting cues (verbs such as «قال», participles such as
«مشيرا», phrases such as «بحسب» or «وفق ما أفادت»), then reads the source noun
phrase next to the cue, the channel («في بيان»), the content (a quote, a clause
after a complementiser, a preposition's object, or the clause before a phrase
cue), decides the type (direct / indirect / mixed) and resolves the speaker
from `doc.ents`. It writes `doc._.statements`: plain dicts with character
offsets into `doc.text` (see docs/architecture.md and
docs/guidelines/statements.md for every rule).

Why words and not tokens: statement spans are defined on characters («وقال» →
cue «قال», «لوكالة» is an outlet, «بأن» a complementiser) and must come out the
same whatever the tokenizer splits. The component therefore reads its own
whitespace/punctuation word view of `doc.text` (one C-level regex pass,
normalised with `arsec.normalize.normalize`) and only takes sentence
boundaries and entities from the Doc. Every offset it writes is a character
offset into the original text.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .normalize import normalize

DATA_DIR = Path(__file__).parent / "data" / "statements"
DEFAULT_SPEAKER_LABELS = ["PER", "ORG", "MIL_UNIT", "ARMED_GROUP", "LOC"]

if not Doc.has_extension("statements"):
    Doc.set_extension("statements", default=None)

# A word is a run of Arabic/Latin letters, digits or diacritics; a number may
# carry inner separators; every other non-space character is its own word.
_WORD = re.compile(
    r"\d+(?:[.,٫]\d+)*"
    r"|[\u0621-\u063A\u0640-\u065F\u0660-\u0669\u0670-\u06D3\u06F0-\u06F9A-Za-z0-9_]+"
    r"|\S"
)
_QUOTE_CHARS = re.compile(r"[\"«»“”„]")
_OPENER_BEFORE = set("([«:،,-–—/") | {"\u200f"}
_CLOSER_AFTER = set(".,،؛;:؟?!)]»…-–—")
_TRIM_END = " \t\r\n.,،؛;:-–—…"
_TRIM_DIRECT_END = " \t\r\n.,،؛;…"
_COMMAS = {"،", ","}
_DASHES = {"-", "–", "—"}


# ----------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Cue:
    lemma: str
    kind: str  # verb | participle | passive
    np_object: bool  # content may be a bare noun phrase
    preps: frozenset
    continuation: bool
    imperfect: bool  # a present-tense form (subjunctive after أن)


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
        prep_set = frozenset(normalize(p) for p in preps.split(",") if p != "-")
        for form in forms.split():
            norm = normalize(form)
            cues[norm] = Cue(
                lemma=lemma,
                kind=kind,
                np_object=obj == "np",
                preps=prep_set,
                continuation="continuation" in flags,
                imperfect=kind == "verb" and norm[0] in "يت" and not norm.startswith("تابع"),
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
        else:
            words[key] = {normalize(w) for w in value}
    lex = Lexicon(cues=cues, words=words)
    verbs = {n for n, c in cues.items() if c.kind in ("verb", "passive")}
    lex.phrase_verbs = verbs | words["phrase_extra_verbs"]
    return lex


# ------------------------------------------------------------ text views


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
    for m in _QUOTE_CHARS.finditer(text):
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
        opens = before.isspace() or before in _OPENER_BEFORE or (
            before in "وفبلك" and (i < 2 or text[i - 2].isspace())
        )
        closes = after.isspace() or after in _CLOSER_AFTER or after in "\"”“"
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
        for m in _WORD.finditer(text):
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


def _bare(norm: str) -> str:
    """Drop one و/ف conjunction from a normalised word."""
    return norm[1:] if len(norm) > 2 and norm[0] in "وف" else norm


def _in(norm: str, words) -> bool:
    """`norm` is in `words`, as written or after one و/ف conjunction."""
    return norm in words or (len(norm) > 2 and norm[0] in "وف" and norm[1:] in words)


def _deart(norm: str) -> str:
    """Drop the article (and a ل/ب before it) from a normalised word."""
    n = norm
    if n.startswith("لل") and len(n) > 3:
        return n[2:]
    for pre in ("وال", "بال", "فال", "كال", "ال"):
        if n.startswith(pre) and len(n) > len(pre) + 1:
            return n[len(pre):]
    return n


def _definite(norm: str) -> bool:
    n = _bare(norm)
    return n.startswith(("ال", "لل", "بال", "كال")) and len(n) > 3


# ---------------------------------------------------------- the finder


@dataclass
class Found:
    cue: tuple
    cue_word: int
    source: Optional[tuple]
    channel: Optional[tuple]
    content_start: int  # char
    content_end: Optional[int]  # char, None until clause ends are known
    content_word: int
    kind: str  # direct | before | clause
    passive: bool = False
    continuation: bool = False
    document_source: Optional[str] = None  # "definite" when «البيان» was the subject
    break_at: int = 0  # where this cue ends an earlier statement's content


class StatementFinder:
    def __init__(
        self,
        cues_path: Optional[str],
        words_path: Optional[str],
        max_source_words: int,
        max_fronted_source_words: int,
        quotes_across_sentences: bool,
        max_quote_chars: int,
        skip_cues_in_quotes: bool,
        speaker_labels: list[str],
    ):
        self.lex = load_lexicon(cues_path, words_path)
        self.max_source_words = max_source_words
        self.max_fronted = max_fronted_source_words
        self.quotes_across_sentences = quotes_across_sentences
        self.max_quote_chars = max_quote_chars
        self.skip_cues_in_quotes = skip_cues_in_quotes
        self.speaker_labels = set(speaker_labels)
        # Every first word that can start a cue, for a cheap first filter.
        lx = self.lex
        self._phrase_first = (
            lx.phrase_cues_alone
            | lx.phrase_cues_lam
            | lx.phrase_cues_with_verb_one_word
            | {p[0] for p in lx.phrase_cues_with_verb_two_words}
            | {p[0] for p in lx.phrase_relay}
            | {"في"}
        )

    # ------------------------------------------------------------- api
    def __call__(self, doc: Doc) -> Doc:
        view = WordView(doc, self.speaker_labels)
        found = self._find(view)
        self._close_clauses(view, found)
        doc._.statements = self._to_records(view, found)
        return doc

    # ------------------------------------------------- word predicates
    def _cue_at(self, v: WordView, i: int):
        """(Cue, prefix length) when word i is a cue verb/participle form."""
        n = v.norms[i]
        cue = self.lex.cues.get(n)
        if cue is not None:
            return cue, 0
        if len(n) > 3 and n[0] in "وف":
            cue = self.lex.cues.get(n[1:])
            if cue is not None:
                return cue, 1
        return None, 0

    def _is_phrase_verb(self, n: str) -> bool:
        pv = self.lex.phrase_verbs
        n = _bare(n) if n not in pv else n
        return n in pv or (n.endswith("ه") and n[:-1] in pv) or (n.endswith("ها") and n[:-2] in pv)

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
        if _in(n, lx.time_words):
            j = i + 1
        elif _in(n, ("في", "خلال", "منذ")) and i + 1 < end:
            nxt = v.norms[i + 1]
            if nxt in lx.months or nxt in lx.time_after_preposition or nxt in lx.time_words or nxt.isdigit():
                j = i + 2
        if j == i:
            return 0
        extend = lx.time_words | lx.time_continuers | lx.months | lx.time_after_preposition
        while j < end:
            n = v.norms[j]
            if n in extend or n.isdigit():
                j += 1
            elif n == "من" and j + 1 < end and (v.norms[j + 1] in extend):
                j += 1
            else:
                break
        return j - i

    def _channel_len(self, v: WordView, i: int, end: int) -> tuple[int, int]:
        """(words of a channel phrase at i, words that are the channel span)."""
        lx = self.lex
        if not (_in(v.norms[i], lx.channel_prepositions) and i + 1 < end):
            return 0, 0
        if v.norms[i + 1] not in lx.channel_nouns:
            return 0, 0
        j = i + 2
        while j < end and v.norms[j] in lx.channel_adjectives:
            j += 1
        span_len = j - i
        j = self._trailer(v, j, end)
        return j - i, span_len

    def _trailer(self, v: WordView, j: int, end: int) -> int:
        """Skip «لها», «صادر عنها», «على حسابه في تويتر» after a channel."""
        lx = self.lex
        while j < end and v.norms[j] in lx.channel_trailers:
            j += 1
        if j < end and v.norms[j] in lx.document_issuers:
            # «في بيان نشرته مواقع موالية ...، مسؤوليته»: up to the comma.
            for x in range(j + 1, min(end, j + 12)):
                if v.norms[x] in _COMMAS or self._is_comp(v, x):
                    return x
            return j + 1
        if j + 1 < end and v.norms[j] in lx.platform_prepositions and v.norms[j + 1] in lx.platform_words:
            j += 2
            limit = j + 4
            while j < min(end, limit) and v.alpha[j] and not self._is_comp(v, j):
                j += 1
        return j

    def _outlet_len(self, v: WordView, i: int, end: int) -> int:
        """An outlet the speaker talks to («لوكالة فرانس برس»), not a channel."""
        n = v.norms[i]
        if not n.startswith("ل"):
            return 0
        if n == "ل":
            if i + 1 >= end:
                return 0
            j = i + 2
        else:
            rest = n[1:]
            if rest.startswith("ل"):
                rest = "ا" + rest
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

    def _relay_len(self, v: WordView, i: int, end: int, cue: Optional[Cue]) -> int:
        """«نقلت الوكالة عن مصدر قوله إن»: skip «عن مصدر قوله»."""
        if cue is None or cue.lemma != "نقل" or v.norms[i] != "عن":
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
            if n in _COMMAS or n in _DASHES:
                i += 1
                continue
            if not v.alpha[i]:
                break
            if n in lx.adverbs or n in lx.listener_pronouns:
                i += 1
                continue
            if i + 1 < end and (_bare(n), v.norms[i + 1]) in lx.adverb_pairs:
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
        if "ب" in cue.preps and n.startswith("ب") and len(n) > 3:
            rest = n[1:]
            if rest not in self.lex.source_word_exceptions_ba and (
                rest in self.lex.content_starters or _deart(rest) in self.lex.content_starters or rest.startswith("ال")
            ):
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
        if after >= len(text) or not _WORD.match(text, after) or not text[after].isalnum():
            return 0
        return v.word_at(close) + 1 - i

    def _is_boundary(self, v: WordView, j: int, end: int, cue: Optional[Cue]) -> Optional[str]:
        """Why the source noun phrase stops at word j (None: it goes on)."""
        n = v.norms[j]
        if not v.alpha[j]:
            if self._is_opener(v, j) or n == ":":
                return "intro"
            if n in _COMMAS or n in _DASHES:
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
            or (j + 1 < end and (_bare(n), v.norms[j + 1]) in self.lex.adverb_pairs)
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
        seen_def = _definite(v.norms[i])
        while j < end:
            q = self._quoted_name_len(v, j)
            if q:
                j += q
                continue
            if not v.alpha[j]:
                break
            n = v.norms[j]
            if n in lx.content_starters or _deart(n) in lx.content_starters or n in lx.relative_pronouns:
                break
            if _definite(n):
                seen_def = True
            elif n in lx.source_continuers and j + 1 < end and _definite(v.norms[j + 1]):
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
        """«ذكر بيان لوزارة الدفاع أن»: the document is the channel, the body
        after ل / «صادر عن» the source. Returns (channel, source start char or
        None, next word, definite) or None."""
        n = _bare(v.norms[i])
        if n not in self.lex.statement_documents:
            return None
        j = i + 1
        while j < end and v.norms[j] in self.lex.channel_adjectives:
            j += 1
        channel = (v.starts[i], v.ends[j - 1])
        definite = n.startswith("ال")
        if j < end and v.norms[j] in self.lex.document_issuers:
            j += 1
            if j < end and v.norms[j] == "عن":
                j += 1
            return channel, v.starts[j] if j < end and v.alpha[j] else None, j, definite
        if j < end and v.alpha[j] and v.norms[j].startswith("ل") and v.norms[j] not in ("له", "لها", "لهم"):
            if v.norms[j] == "ل":
                return channel, (v.starts[j + 1] if j + 1 < end else None), j + 1, definite
            return channel, v.starts[j] + 1, j, definite
        return channel, None, j, definite

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

    def _negated(self, v: WordView, k: int, cue: Cue) -> bool:
        if k == 0 or v.sent_of[k - 1] != v.sent_of[k] or not v.alpha[k - 1]:
            return False
        p = _bare(v.norms[k - 1])
        lx = self.lex
        if p in ("لم", "لن", "لا", "ما", "عدم"):
            return True
        if cue.imperfect and p in lx.subjunctive_particles:
            return True
        if p == "ان" and k >= 2 and _bare(v.norms[k - 2]) in ("دون", "بدون"):
            return True
        return False

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
            if s == first or (before >= first and v.norms[before] in _COMMAS):
                return (ent[0], ent[1])
        return None

    # -------------------------------------------------------- pass one
    def _find(self, v: WordView) -> list[Found]:
        found: list[Found] = []
        consumed_until = -1  # char: cues before this belong to an earlier statement
        direct_ranges: list[tuple] = []
        lx = self.lex
        k = 0
        while k < v.n:
            if not v.alpha[k] or v.starts[k] < consumed_until:
                k += 1
                continue
            if self.skip_cues_in_quotes and self._inside_quote(v, v.starts[k]):
                k += 1
                continue
            n = v.norms[k]
            item = None
            if _in(n, self._phrase_first) or n in self._phrase_first:
                item = self._phrase_statement(v, k)
            if item is None:
                cue, prefix = self._cue_at(v, k)
                if cue is not None:
                    item = self._verb_statement(v, k, cue, prefix)
            if item is None:
                k += 1
                continue
            found.append(item)
            if item.kind == "direct" and item.content_end is not None:
                direct_ranges.append((item.content_start, item.content_end))
            # Words between the cue and its content (source, channel) hold no
            # further cue of their own.
            consumed_until = max(consumed_until, item.content_start if item.kind != "before" else item.cue[1])
            k = v.word_at(item.cue[1] - 1) + 1
        return found

    @staticmethod
    def _inside_quote(v: WordView, pos: int) -> bool:
        """Reported speech quoted inside a quotation is not a new statement."""
        i = bisect.bisect_left(v.quote_opens, pos)
        return any(v.quotes[o] > pos for o in v.quote_opens[max(0, i - 4) : i])

    def _phrase_statement(self, v: WordView, k: int) -> Optional[Found]:
        """بحسب / وفقا لـ / حسبما أفادت / وفق ما / نقلا عن / في بيان لـ."""
        lx = self.lex
        end = v.sent_end(k)
        n = v.norms[k]
        b = n if n in self._phrase_first else _bare(n)
        prefix = 1 if b != n else 0
        cue_start = v.starts[k] + prefix
        nxt = self._norm(v, k + 1) if k + 1 < end else ""
        src_word = None
        src_char = None
        cue_end = None
        if b in lx.phrase_cues_with_verb_one_word and k + 1 < end and self._is_phrase_verb(nxt):
            cue_end, src_word = v.ends[k + 1], k + 2
        elif k + 2 < end and (b, nxt) in lx.phrase_cues_with_verb_two_words and self._is_phrase_verb(v.norms[k + 2]):
            cue_end, src_word = v.ends[k + 2], k + 3
        elif k + 1 < end and (b, nxt) in lx.phrase_relay:
            cue_end, src_word = v.ends[k + 1], k + 2
        elif b in lx.phrase_cues_lam and k + 1 < end and nxt.startswith("ل") and nxt != "لما":
            if nxt == "ل":
                cue_end, src_word = v.ends[k + 1], k + 2
            else:
                cue_end, src_word, src_char = v.starts[k + 1] + 1, k + 1, v.starts[k + 1] + 1
        elif b in lx.phrase_cues_alone and k + 1 < end and v.alpha[k + 1]:
            ent = v.ent_covering(v.starts[k + 1])
            if _in(nxt, lx.source_heads) or (ent is not None and ent[0] <= v.starts[k + 1] + 1):
                cue_end, src_word = v.ends[k], k + 1
        elif (
            b == "في"
            and k + 2 < end
            and nxt in ("بيان",)
            and v.norms[k + 2].startswith("ل")
            and v.norms[k + 2] not in ("له", "لها", "لهم")
        ):
            if v.norms[k + 2] == "ل":
                cue_end, src_word = v.ends[k + 2], k + 3
            else:
                cue_end, src_word, src_char = v.starts[k + 2] + 1, k + 2, v.starts[k + 2] + 1
        if cue_end is None or src_word is None or src_word >= end:
            return None
        cue = (cue_start, cue_end)
        # The source: up to a comma, complementiser, time/channel phrase.
        channel = None
        doc_src = self._document_source(v, src_word, end)
        document_source = None
        if doc_src is not None:
            channel, src_char, src_word, definite = doc_src
            document_source = "definite" if definite else "indefinite"
        stop, why = self._scan_source(v, src_word, end, None)
        for r in range(src_word + 1, stop):
            if v.norms[r] in lx.relative_pronouns:  # «وفق المصادر التي أشارت»
                stop, why = r, "skip"
                break
        if src_char is None and doc_src is None:
            src_char = v.starts[src_word]
        source = (src_char, v.ends[stop - 1]) if src_char is not None and stop > src_word else None
        # Content before the cue: the whole preceding clause of the sentence.
        first = v.sent_first[v.sent_of[k]]
        before = self._before_content(v, first, k, cue_start)
        if before is not None:
            cs, ce = before
            return Found(cue, k, source, channel, cs, ce, v.word_at(cs), "before", document_source=document_source, break_at=self._break_position(v, k, cue_start, first))
        # Phrase at the start of its sentence: the content follows the source.
        if why in ("end", "limit"):
            stop = self._chain_end(v, src_word, end)
            source = (src_char, v.ends[stop - 1]) if src_char is not None and stop > src_word else source
            nxt_word, ch2 = stop, None
        else:
            nxt_word, ch2 = self._skip_zone(v, stop, end, None)
        channel = channel or ch2
        intro = self._introducer(v, nxt_word, end, None) or self._plain_or_quote(v, nxt_word, end)
        if intro is None:
            return None
        return self._with_content(v, cue, k, source, channel, intro, end, document_source=document_source, break_at=self._break_position(v, k, cue_start, first))

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
            if v.norms[d] in _DASHES and d + 1 <= j:
                s = d + 1
                break
        if s > j:
            return None
        cs = v.starts[s]
        w = v.norms[s]
        if w == "و":
            s += 1
            if s > j:
                return None
            cs = v.starts[s]
        elif len(w) > 3 and w[0] == "و" and w not in self.lex.waw_initial_words:
            cs += 1
        if not any(v.alpha[x] for x in range(s, j + 1)):
            return None
        return cs, ce

    def _break_position(self, v: WordView, k: int, cue_start: int, first: int) -> int:
        """Where this cue ends the content of an earlier statement."""
        j = k - 1
        while j >= first and v.norms[j] in (self.lex.contrast_connectors | {"في", "حين", "وقت", "وفي"}):
            j -= 1
        if j >= first and v.norms[j] in _COMMAS:
            return v.starts[j]
        return v.starts[k]

    def _verb_statement(self, v: WordView, k: int, cue: Cue, prefix: int) -> Optional[Found]:
        lx = self.lex
        end = v.sent_end(k)
        first = v.sent_first[v.sent_of[k]]
        if self._negated(v, k, cue):
            return None
        blockers = self.lex.not_cue_after.get(_bare(v.norms[k]))
        if blockers and k > first and _in(v.norms[k - 1], blockers):
            return None  # «من بين», «ما بين»: between, not «he clarified»
        cue_span = (v.starts[k] + prefix, v.ends[k])
        i = k + 1
        # The writer's background note «يذكر أن» is not a statement.
        if cue.lemma == "ذكر" and _bare(v.norms[k]) == "يذكر" and i < end and (
            self._is_comp(v, i) or v.norms[i] in ("الي", "ان")
        ):
            return None
        source = None
        channel = None
        document_source = None
        fronted = None
        if cue.kind == "verb":
            fronted = self._fronted_source(v, k, first)
        if fronted is not None:
            source = fronted
        i, channel = self._skip_zone(v, i, end, cue)
        intro = self._introducer(v, i, end, cue)
        if intro is None and fronted is None and cue.kind == "verb" and i < end and v.alpha[i]:
            head = v.norms[i]
            if cue.np_object and (head in lx.content_starters or _deart(head) in lx.content_starters):
                intro = ("clause", v.starts[i], i)  # «وأكد دعم ...»: no source
            elif channel is not None and v.norms[i].startswith("ل") and not v.norms[i].startswith("لل"):
                # «قال في تصريح لرابطة ... إنه»: whom he spoke to, not a source.
                stop, why = self._scan_source(v, i + 1, end, cue)
                nxt, _ = self._skip_zone(v, stop, end, cue)
                intro = self._introducer(v, nxt, end, cue)
            else:
                src_first = i
                doc_src = self._document_source(v, i, end)
                src_char = v.starts[i]
                if doc_src is not None:
                    channel, src_char, src_first, definite = doc_src
                    document_source = "definite" if definite else "indefinite"
                stop, why = self._scan_source(v, src_first, end, cue)
                if why in ("end", "limit"):
                    if not cue.np_object or src_first >= end:
                        return None
                    stop = self._chain_end(v, src_first, end)
                    if src_char is not None and stop > src_first:
                        source = (src_char, v.ends[stop - 1])
                    intro = self._plain_or_quote(v, stop, end)
                else:
                    if src_char is not None and stop > src_first:
                        source = (src_char, v.ends[stop - 1])
                    nxt, ch2 = self._skip_zone(v, stop, end, cue)
                    channel = channel or ch2
                    intro = self._introducer(v, nxt, end, cue)
                    if intro is None and why == "skip" and nxt < end:
                        # An apposition between commas: «وزير الداخلية، جيرار
                        # كولومب، الجمعة، أنه ...» — the name joins the source.
                        stop2, why2 = self._scan_source(v, nxt, end, cue)
                        if 0 < stop2 - nxt <= 4 and nxt == stop + 1 and why2 in ("intro", "skip"):
                            nxt2, ch3 = self._skip_zone(v, stop2, end, cue)
                            marked = nxt2 < end and (self._is_comp(v, nxt2) or self._is_opener(v, nxt2) or v.norms[nxt2] == ":")
                            intro2 = self._introducer(v, nxt2, end, cue) if marked else None
                            if intro2 is not None:
                                source = (src_char if src_char is not None else v.starts[nxt], v.ends[stop2 - 1])
                                channel = channel or ch3
                                intro = intro2
                    if intro is None and cue.np_object and why == "skip":
                        # «نفت الإمارات اتهامات إيرانية، ...»: the object may
                        # sit before the comma; the subject chain says where.
                        chain = self._chain_end(v, src_first, stop)
                        if chain < stop and src_char is not None:
                            source = (src_char, v.ends[chain - 1])
                            intro = self._plain_or_quote(v, chain, end)
                        else:
                            intro = self._plain_or_quote(v, nxt, end)
        elif intro is None and fronted is not None and cue.np_object:
            intro = self._plain_or_quote(v, i, end)
        elif intro is None and cue.kind == "participle" and cue.preps:
            # «داعيا المواطنين إلى ...»: the object and its preposition
            # phrase are the content.
            for j in range(i + 1, min(end, i + 5)):
                if not v.alpha[j]:
                    break
                if v.norms[j] in cue.preps:
                    intro = self._plain_or_quote(v, i, end)
                    break
        if intro is None:
            return None
        return self._with_content(
            v,
            cue_span,
            k,
            source,
            channel,
            intro,
            end,
            passive=cue.kind == "passive",
            continuation=source is None,
            document_source=document_source,
            break_at=self._break_position(v, k, cue_span[0], first) if prefix == 0 else v.starts[k],
        )

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
                    or text[after] in _CLOSER_AFTER
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
                    while e > s and v.text[e - 1] in _TRIM_DIRECT_END:
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

    # -------------------------------------------------------- pass two
    def _close_clauses(self, v: WordView, found: list[Found]) -> None:
        """End every clause content at its sentence end or the next cue that
        opens its own statement («، مشيرا», «وأضاف», «، بينما نفى»)."""
        breaks = sorted(f.break_at for f in found)
        # Contrast connectors after a comma also close a clause.
        lx = self.lex
        for j in range(1, v.n):
            if v.norms[j] in lx.contrast_connectors and v.norms[j - 1] in _COMMAS:
                breaks.append(v.starts[j - 1])
            elif j + 1 < v.n and (v.norms[j], v.norms[j + 1]) in lx.contrast_two_words and v.norms[j - 1] in _COMMAS:
                breaks.append(v.starts[j - 1])
            if v.norms[j - 1] in _COMMAS and _in(v.norms[j], self._phrase_first) and v.norms[j] != "في":
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
                e = self._trim_end(v.text, f.content_start, e)
                # A quotation opened inside the content runs on to its close.
                for q in _QUOTE_CHARS.finditer(v.text, f.content_start, e):
                    close = v.quotes.get(q.start())
                    if close is not None and close >= e and self.quotes_across_sentences and close - q.start() <= self.max_quote_chars:
                        e = close + 1
                f.content_end = e
            if f.content_end > f.content_start:
                keep.append(f)
        found[:] = keep

    @staticmethod
    def _trim_end(text: str, s: int, e: int) -> int:
        while e > s and text[e - 1] in _TRIM_END:
            e -= 1
        return e

    # ------------------------------------------------------- speakers
    def _to_records(self, v: WordView, found: list[Found]) -> list[dict]:
        records = []
        last_speaker = None
        last_source_heads: set = set()
        for f in found:
            cs, ce = f.content_start, f.content_end
            if f.kind == "direct":
                typ = "direct"
            else:
                typ = "mixed" if _QUOTE_CHARS.search(v.text, cs, ce) else "indirect"
            speaker = self._speaker(v, f, last_speaker, last_source_heads)
            records.append(
                {
                    "cue": [f.cue[0], f.cue[1]],
                    "source": [f.source[0], f.source[1]] if f.source else None,
                    "content": [cs, ce],
                    "type": typ,
                    "speaker": speaker,
                    "channel": [f.channel[0], f.channel[1]] if f.channel else None,
                }
            )
            last_speaker = speaker
            last_source_heads = self._source_heads(v, f)
        records.sort(key=lambda r: (r["cue"][0], r["cue"][1]))
        return records

    def _source_heads(self, v: WordView, f: Found) -> set:
        if not f.source:
            return set()
        s, e = f.source
        return {_deart(n) for n in (normalize(w) for w in v.text[s:e].split())}

    def _speaker(self, v: WordView, f: Found, last_speaker, last_heads: set):
        if f.source is None:
            if f.passive or f.document_source == "indefinite":
                return None
            return last_speaker  # a continuation, a participle, «وأضاف البيان»
        s, e = f.source
        ents = v.ents_within(s, e)
        words = [normalize(w) for w in v.text[s:e].split()]
        head = words[0] if words else ""
        persons = [x for x in ents if x[2] == "PER"]
        if persons:
            return self._fullest(v, persons[0])
        if _in(head, self.lex.anonymous_source_heads):
            return None  # «مصدر في الشرطة الاتحادية», «مسؤولون»
        if ents:
            return self._fullest(v, ents[0])
        # «وأضاf المصدر» after «قال مصدر أمني»: the same source again.
        if head and _deart(head) in last_heads:
            return last_speaker
        # «الجهاز» → the nearest earlier «جهاز ...» entity.
        for w in words:
            if not _definite(w):
                continue
            h = _deart(w)
            for ent in reversed(v.ents):
                if ent[0] >= s:
                    continue
                if ent[2] in self.lex.back_reference_labels and _deart(normalize(ent[3].split()[0])) == h:
                    return self._fullest(v, ent)
        return None

    def _fullest(self, v: WordView, ent) -> dict:
        """The longest mention of the same label that contains this one."""
        words = tuple(normalize(ent[3]).split())
        best = ent
        for other in v.ents:
            if other[2] != ent[2] or len(other[3]) <= len(best[3]):
                continue
            ow = tuple(normalize(other[3]).split())
            if len(ow) > len(words) and any(ow[i : i + len(words)] == words for i in range(len(ow) - len(words) + 1)):
                best = other
        return {"text": best[3], "label": best[2]}


@Language.factory(
    "arsec_statements",
    default_config={
        "cues_path": None,
        "words_path": None,
        "max_source_words": 14,
        "max_fronted_source_words": 8,
        "quotes_across_sentences": True,
        "max_quote_chars": 3000,
        "skip_cues_in_quotes": True,
        "speaker_labels": DEFAULT_SPEAKER_LABELS,
    },
)
def make_statement_finder(
    nlp: Language,
    name: str,
    cues_path: Optional[str],
    words_path: Optional[str],
    max_source_words: int,
    max_fronted_source_words: int,
    quotes_across_sentences: bool,
    max_quote_chars: int,
    skip_cues_in_quotes: bool,
    speaker_labels: list[str],
) -> StatementFinder:
    return StatementFinder(
        cues_path,
        words_path,
        max_source_words,
        max_fronted_source_words,
        quotes_across_sentences,
        max_quote_chars,
        skip_cues_in_quotes,
        speaker_labels,
    )
