"""`arsec_operations`: names of military and security operations (ANNOTATION.md §1, §3).

An operation name is found
- after a trigger word (عملية، عمليات، حملة، معركة، مناورات، تمرين ...) in
  quotation marks of any style, possibly after a few bridge words
  («عملية عسكرية أطلق عليها اسم "..."»);
- after a trigger without quotation marks, when the words look like a name:
  they start with a typical name word (عاصفة، درع، فجر، أبطال ...), form a
  known name, or have a phase next to them; the name stops at generic words
  («عملية عسكرية», «عملية تفجير» are never names) and is at most
  `max_unquoted_words` long; slogans joined by «..» or «-» are one name;
- after a weak trigger (حملة، هجوم، انطلاق ...: also used for civil campaigns
  and plain attacks) only when the name starts with a typical name word or is
  a known name;
- inside quotation marks that hold the trigger too («معركة تحرير البلدة»);
- anywhere, for the multi-word names of the known-operations list (except
  those marked `trigger`, common phrases such as «إعادة الأمل»), and as
  hashtags («#درع_الفرات», the # outside).

Trigger words and quotation marks stay outside the span. `Span._.operation`
(getter) gives `{name, phase}`: the span text without diacritics or tatweel and
with spaces collapsed (letters are not normalised), and the phase number from
«المرحلة الثالثة من عمليات ...» / «عمليات ... المرحلة الثانية» next to it.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from .normalize import normalize, strip_diacritics
from .spans import add_entities
from .unit_structure import DocView, Trie, UnitParser, active_lexicon, _key, _rows

LABEL = "OPERATION"
DATA_DIR = Path(__file__).parent / "data" / "operations"
OPEN_QUOTES = {'"', "«", "“", "'", "‘", "„", "”"}
CLOSE_QUOTES = {'"', "»", "”", "'", "’", "“", "″", "‟"}
# Words that never stand inside a quoted operation name: a quote holding them
# is a quoted phrase («تأخذ العملية "الوقت الذي يلزم"»), not a name.
QUOTE_BREAKERS = {normalize(w) for w in ("الذي", "التي", "الذين", "في", "على", "عن", "مع", "من", "إلى", "أن",
                                          "هذا", "هذه", "لا", "لم", "لن", "قد", "أيضا")}
# Entity labels of the gazetteer and NER that run before this component: one
# quoted word that already is an organisation or a place is whose operations
# they are («عمليات "طالبان"»), not a name; a place after a typical name word
# completes the name («معركة لهيب حمص»).
NOT_NAME_LABELS = {"ORG", "GPE", "LOC", "PER", "PERSON"}
PLACE_LABELS = {"GPE", "LOC"}
# «عمليات "تفتيش"», «عمليات "طالبان"»: after the plural, one unknown quoted word
# says what kind of operations or whose, it does not name one.
PLURAL_TRIGGERS = {normalize(w) for w in ("عمليات", "العمليات")}
SLOGAN_JOINERS = {"..", "...", "-", "–", "—", "…"}
PHASE_WORDS = {normalize(w) for w in ("المرحلة", "مرحلة", "مرحلتها", "مرحلته")}
CLITIC_NORMS = {"و", "ف", "ب", "ل", "ك"}
VOCATIVE = normalize("يا")
# «غرفة عمليات X» is an operations room, «قيادة عمليات X» a command (a unit).
NOT_TRIGGER_AFTER = {normalize(w) for w in ("غرفة", "قيادة", "مركز", "رئيس", "مدير", "هيئة", "مديرية", "ضابط")}
# «عملية الشهيد X» names the operation after X: the title stays outside.
TITLE_WORDS = {normalize(w) for w in ("الشهيد",)}
# Clitics that may stand between a trigger and a quoted name («باسم» = ب + اسم);
# ل is not one of them: «عمليات لـ"مكافحة الإرهاب"» gives a purpose, not a name.
BRIDGE_CLITICS = {"ب", "و"}
_SPACES = re.compile(r"\s+")


def _words(path: Path) -> set[str]:
    return {normalize(row[0]) for row in _rows(path)}


class OperationLexicon:
    def __init__(self, directory: Path | str = DATA_DIR):
        d = Path(directory)
        self.triggers = _words(d / "triggers.txt")
        self.weak_triggers = _words(d / "weak_triggers.txt")
        self.heads = _words(d / "name_heads.txt")
        self.generic = _words(d / "generic_words.txt")
        self.bridges = _words(d / "bridges.txt")
        self.known = Trie()
        # A known name marked `trigger` is a common phrase too: it is taken
        # only after a trigger word or in quotation marks.
        self.known_needs_trigger: set[tuple[str, ...]] = set()
        for row in _rows(d / "known_operations.txt"):
            key = _key(row[0])
            self.known.add(key, True)
            if len(row) > 1 and row[1] == "trigger":
                self.known_needs_trigger.add(key)


def operation_name(text: str) -> str:
    """§3 normalisation: no diacritics or tatweel, spaces collapsed."""
    return _SPACES.sub(" ", strip_diacritics(text)).strip()


class OperationFinder:
    def __init__(self, lexicon: OperationLexicon, spans_key: str, overwrite_ents: bool,
                 max_unquoted_words: int, max_quoted_tokens: int, max_bridge_words: int):
        self.lex = lexicon
        self.spans_key = spans_key
        self.overwrite_ents = overwrite_ents
        self.max_unquoted = max_unquoted_words
        self.max_quoted = max_quoted_tokens
        self.max_bridge = max_bridge_words
        self.stop = lexicon.generic | active_lexicon().country_adjectives | lexicon.triggers

    # -- helpers --------------------------------------------------------------
    def _trigger_kind(self, doc: Doc, i: int) -> Optional[str]:
        """"strong", "weak" or None for the token at i."""
        norm = doc[i].norm_
        if i > 0 and doc[i - 1].norm_ in NOT_TRIGGER_AFTER:
            return None
        # «غرفة عمليات معركة "..."»: the room of a battle is not marked either.
        if (i > 1 and doc[i - 1].norm_ in self.lex.triggers
                and doc[i - 2].norm_ in NOT_TRIGGER_AFTER):
            return None
        for word in (norm, norm[1:] if len(norm) > 2 and norm[0] in CLITIC_NORMS else ""):
            # A clitic the tokenizer left attached («وعملية») is stripped.
            if word in self.lex.triggers:
                return "strong"
            if word in self.lex.weak_triggers:
                return "weak"
        return None

    def _is_trigger(self, doc: Doc, i: int) -> bool:
        return self._trigger_kind(doc, i) == "strong"

    def _quoted(self, doc: Doc, j: int) -> Optional[tuple[int, int]]:
        """Token range inside the quotation marks opening at j."""
        if j >= len(doc) or doc[j].text not in OPEN_QUOTES:
            return None
        # A straight quote glued to the word before it closes an earlier quote
        # («... تلك العملية"، مؤكدا "...»), it does not open a name.
        if (doc[j].text in ('"', "'") and j > 0 and not doc[j - 1].whitespace_
                and self._trigger_kind(doc, j - 1) is None):
            return None
        for k in range(j + 1, min(len(doc), j + 2 + self.max_quoted)):
            t = doc[k]
            if t.text in CLOSE_QUOTES:
                return (j + 1, k) if k > j + 1 else None
            if "\n" in t.text:
                return None
        return None

    def _name_word(self, doc: Doc, k: int) -> bool:
        t = doc[k]
        return (t.is_alpha or t.like_num) and t.norm_ not in self.stop and t.norm_ not in CLITIC_NORMS

    def _named_like(self, doc: Doc, start: int, end: int) -> bool:
        """Starts with a typical name word or is a known name."""
        return (doc[start].norm_ in self.lex.heads
                or self._known_length(doc, start, end) == end - start)

    def _known_length(self, doc: Doc, start: int, end: int) -> int:
        known = self.lex.known.matches(_PlainView(doc), start, end)
        return known[0][0] if known else 0

    def _plausible_quoted(self, doc: Doc, start: int, end: int, allow_generic_first: bool = False,
                          open_single: bool = True) -> bool:
        """A quoted name does not start with a generic word («"احتجاز رهائن"»),
        and one quoted word is a name only when it is a known name, a typical
        name word, or a word that does not look like an adjective (final ة / ي:
        «العملية "الإرهابية"», «عملية "شاملة"» are descriptions, «عملية
        "الفيصل"» is a name)."""
        first = doc[start].norm_
        if not (doc[start].is_alpha or doc[start].like_num) or first in CLITIC_NORMS:
            return False
        generic_first = first in self.stop or (first[:1] in CLITIC_NORMS and first[1:] in self.stop)
        if generic_first and not (allow_generic_first and not _adjective_like(first)):
            return False
        if allow_generic_first and _adjective_like(first) and first not in self.lex.heads:
            return False
        if any(t.norm_ in QUOTE_BREAKERS for t in doc[start:end]):
            return False
        if end - start == 1:
            if doc[start].ent_type_ in NOT_NAME_LABELS and (first,) not in self.lex.known.entries:
                return False
            return (first in self.lex.heads or (first,) in self.lex.known.entries
                    or (open_single and not _adjective_like(first) and first not in self.lex.generic
                        and len(first) > 2 and not doc[start].like_num))
        return True

    def _unquoted_run(self, doc: Doc, j: int) -> int:
        """End of a name-like run of words starting at j (j itself if none),
        a number right after it included («درع الجزيرة المشترك 3»)."""
        if j >= len(doc) or not self._name_word(doc, j) or not doc[j].is_alpha:
            return j
        end = j + 1
        while end < len(doc) and end - j < self.max_unquoted:
            norm = doc[end].norm_
            after_vocative = doc[end - 1].norm_ == VOCATIVE
            if norm == VOCATIVE and end + 1 < len(doc) and self._name_word(doc, end + 1):
                end += 1
                continue
            if self._name_word(doc, end) and (norm.startswith("ال") or after_vocative):
                end += 1
                continue
            if (end == j + 1 and doc[j].norm_ in self.lex.heads
                    and doc[end].ent_type_ in PLACE_LABELS and doc[end].ent_iob_ == "B"):
                end += 1
                continue
            break
        if end < len(doc) and doc[end].is_digit and doc[end - 1].whitespace_:
            end += 1
        return end

    def _with_slogans(self, doc: Doc, end: int) -> int:
        """Extend an unquoted name over «.. نصر السيادة» / «- ...» parts."""
        while end + 1 < len(doc) and doc[end].text.strip() in SLOGAN_JOINERS:
            nxt = self._unquoted_run(doc, end + 1)
            if nxt - (end + 1) < 2:
                break
            end = nxt
        return end

    def _has_phase_after(self, doc: Doc, end: int) -> bool:
        return phase_after(doc, end) is not None

    # -- finding --------------------------------------------------------------
    def find(self, doc: Doc) -> list[Span]:
        found: list[tuple[int, int]] = []
        n = len(doc)
        for i in range(n):
            kind = self._trigger_kind(doc, i)
            if kind is None:
                continue
            j = i + 1
            bridged = 0
            while (j < n and bridged < self.max_bridge
                   and (doc[j].norm_ in self.lex.bridges or doc[j].norm_ in BRIDGE_CLITICS)):
                j += 1
                bridged += 1
            quoted = self._quoted(doc, j)
            if quoted is None and j < n and doc[j].norm_ in TITLE_WORDS:
                j += 1
                quoted = self._quoted(doc, j)
            if quoted is not None:
                open_single = doc[i].norm_ not in PLURAL_TRIGGERS
                if (self._plausible_quoted(doc, *quoted, open_single=open_single)
                        and (kind == "strong" or self._named_like(doc, *quoted))):
                    found.append(quoted)
                    found.extend(self._coordinated_quotes(doc, quoted[1] + 1, open_single))
                continue
            start = j if (j < n and doc[j - 1].norm_ in TITLE_WORDS) else i + 1
            end = self._unquoted_run(doc, start)
            if end == start:
                continue
            length = end - start
            first = doc[start].norm_
            if self._known_length(doc, start, end) == length:
                found.append((start, self._with_slogans(doc, end)))
            elif (first in self.lex.heads and length >= 2) or self._has_phase_after(doc, end):
                found.append((start, self._with_slogans(doc, end)))
            elif start > i + 1 and length >= 2:
                # «عملية الشهيد خالد المنصوري»: a person's name after the title.
                found.append((start, end))
        found.extend(self._quoted_with_trigger(doc))
        found.extend(self._hashtags(doc))
        # Multi-word known names anywhere (one-word ones need a trigger).
        view = _PlainView(doc)
        taken = {k for s, e in found for k in range(s, e)}
        for i in range(n):
            if i in taken:
                continue
            for length, _ in self.lex.known.matches(view, i, n):
                if (length >= 2 and not any(k in taken for k in range(i, i + length))
                        and tuple(t.norm_ for t in doc[i:i + length]) not in self.lex.known_needs_trigger):
                    found.append((i, i + length))
                    taken.update(range(i, i + length))
                    break
        spans = {(s, e): Span(doc, s, e, label=LABEL) for s, e in found if e > s}
        return sorted(spans.values(), key=lambda s: (s.start, s.end))

    def _coordinated_quotes(self, doc: Doc, j: int, open_single: bool) -> list[tuple[int, int]]:
        """«مناورات "النسر الأزرق" و"الموج العالي"»: quoted names joined by «و»
        after one trigger."""
        found = []
        while j + 1 < len(doc) and doc[j].norm_ == "و":
            # «و"X"»: the quote is glued to «و», so it may not look like an opening quote.
            if doc[j + 1].text not in OPEN_QUOTES:
                break
            k = j + 2
            close = next((m for m in range(k, min(len(doc), k + self.max_quoted + 1))
                          if doc[m].text in CLOSE_QUOTES), None)
            if close is None or close == k or not self._plausible_quoted(doc, k, close, open_single=open_single):
                break
            found.append((k, close))
            j = close + 1
        return found

    def _quoted_with_trigger(self, doc: Doc) -> list[tuple[int, int]]:
        """«معركة تحرير البلدة» / «عملية الصقيع»: quotes around trigger and
        name; the name is what follows the trigger inside the quotes."""
        found = []
        for j, t in enumerate(doc):
            if t.text not in OPEN_QUOTES:
                continue
            quoted = self._quoted(doc, j)
            if quoted is None or not 2 <= quoted[1] - quoted[0] <= 1 + self.max_unquoted:
                continue
            if not self._is_trigger(doc, quoted[0]):
                continue
            # A whole quoted sentence starting with «عملية» is no name.
            if self._plausible_quoted(doc, quoted[0] + 1, quoted[1], allow_generic_first=True):
                found.append((quoted[0] + 1, quoted[1]))
        return found

    def _hashtags(self, doc: Doc) -> list[tuple[int, int]]:
        """«#درع_الفرات»: a hashtag that is a known name or starts with a
        typical name word; the # stays outside."""
        found = []
        for i in range(len(doc) - 1):
            if doc[i].text != "#" or doc[i].whitespace_ or "_" not in doc[i + 1].text:
                continue
            words = tuple(normalize(w) for w in doc[i + 1].text.split("_") if w)
            if len(words) >= 2 and (words in self.lex.known.entries or words[0] in self.lex.heads):
                found.append((i + 1, i + 2))
        return found

    def __call__(self, doc: Doc) -> Doc:
        from spacy.util import filter_spans

        spans = filter_spans(self.find(doc))
        doc.spans[self.spans_key] = spans
        add_entities(doc, spans, overwrite=self.overwrite_ents)
        return doc


def _adjective_like(norm: str) -> bool:
    """Nisba adjectives and feminine descriptions end in ي / ية / ة (NORM
    writes ة as ه, ى as ي)."""
    return norm.endswith(("ي", "ه", "ة", "يه", "ية"))


class _PlainView:
    """Token NORMs for `Trie.matches` (operation names carry no clitic)."""

    def __init__(self, doc: Doc):
        self.doc = doc

    def core(self, i: int) -> str:
        return self.doc[i].norm_ if 0 <= i < len(self.doc) else ""

    def prefix(self, i: int) -> str:
        return ""


# -- phase ----------------------------------------------------------------------
def _ordinal_at(doc: Doc, j: int) -> Optional[tuple[int, int]]:
    parser = UnitParser(active_lexicon())
    return parser.ordinal(DocView(doc, parser.lex, loc_ends={}), j, len(doc))


def phase_after(doc: Doc, end: int) -> Optional[int]:
    """«... المرحلة الثانية» / «... في مرحلتها الثالثة» right after a name."""
    j = end
    if j < len(doc) and doc[j].text in CLOSE_QUOTES:
        j += 1
    if j < len(doc) and doc[j].norm_ in ({"في"} | CLITIC_NORMS):
        j += 1
    if j < len(doc) and (doc[j].norm_ in PHASE_WORDS or doc[j].norm_.startswith("مرحلت")):
        k = j + 1
        if k < len(doc) and doc[k].norm_ in ("ها", "ه"):
            k += 1
        got = _ordinal_at(doc, k)
        if got is not None:
            return got[0]
    return None


def phase_before(doc: Doc, start: int, triggers: set[str]) -> Optional[int]:
    """«المرحلة الثالثة من عمليات "..."» before a name."""
    j = start - 1
    if j >= 0 and doc[j].text in OPEN_QUOTES:
        j -= 1
    if j < 0 or doc[j].norm_ not in triggers:
        return None
    j -= 1
    if j >= 0 and doc[j].norm_ in ("من", "ضمن"):
        j -= 1
    # The ordinal ends at j: try «المرحلة» one to four tokens back.
    for m in range(j - 1, max(-1, j - 5), -1):
        if doc[m].norm_ in PHASE_WORDS:
            got = _ordinal_at(doc, m + 1)
            if got is not None and got[1] == j + 1:
                return got[0]
            return None
    return None


def _operation_getter(span: Span) -> dict:
    triggers = _TRIGGERS or OperationLexicon().triggers
    phase = phase_after(span.doc, span.end)
    if phase is None:
        phase = phase_before(span.doc, span.start, triggers)
    return {"name": operation_name(span.text), "phase": phase}


_TRIGGERS: set[str] = set()

if not Span.has_extension("operation"):
    Span.set_extension("operation", getter=_operation_getter)


@Language.factory(
    "arsec_operations",
    default_config={
        "lexicon_dir": None,
        "spans_key": "operations",
        "overwrite_ents": True,
        "max_unquoted_words": 4,
        "max_quoted_tokens": 8,
        "max_bridge_words": 6,
    },
)
def make_operation_finder(
    nlp: Language,
    name: str,
    lexicon_dir: Optional[str],
    spans_key: str,
    overwrite_ents: bool,
    max_unquoted_words: int,
    max_quoted_tokens: int,
    max_bridge_words: int,
) -> OperationFinder:
    """`lexicon_dir`: a folder with the files of `arsec/data/operations/` (None:
    the packaged lists). `max_unquoted_words`: longest unquoted name (per slogan
    part). `max_quoted_tokens`: longest quoted name. `max_bridge_words`: words
    allowed between the trigger and a quoted name."""
    lexicon = OperationLexicon(lexicon_dir or DATA_DIR)
    _TRIGGERS.clear()
    _TRIGGERS.update(lexicon.triggers)
    return OperationFinder(lexicon, spans_key, overwrite_ents, max_unquoted_words,
                           max_quoted_tokens, max_bridge_words)
