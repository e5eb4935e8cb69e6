"""Military unit phrases: lexicons, the phrase grammar and the structure getter.

A unit phrase (ANNOTATION.md §1, §2, §6) is one of

* a numbered or typed echelon: ECHELON (NUMBER | ORDINAL | SPECIALTY)+
  «اللواء 20», «الفرقة المدرعة التاسعة», «اللواء الرابع والأربعين», «لواء المشاة»;
* a named force, service, agency or command from the forces lexicon, with a
  country adjective when the name is generic («الجيش العراقي», «الحشد الشعبي»),
  optionally after «قوات» («قوات الحشد الشعبي» is one unit, nothing nested);
* a head that names the place it covers: «قيادة عمليات صلاح الدين», «شرطة كركوك»;

followed by an optional parent tied by ل / ب / في / من («اللواء 20 من الفرقة
السابعة في الجيش العراقي»), which is itself a unit phrase and nests inside.

Everything is matched on normalised token forms («core» forms, see `DocView`),
so both the clitic-splitting tokenizer and one that leaves a clitic attached
(«لفرقة») are understood; spans can only be as fine as the tokens, though.
Parsing is a left-to-right walk with dictionary lookups and a bounded
look-ahead, linear in the number of tokens.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from spacy.tokens import Doc, Span

from .normalize import normalize, strip_diacritics

DATA_DIR = Path(__file__).parent / "data" / "units"

# Echelons from the smallest to the biggest: a parent tied by ل/ب/في/من must
# rank above its child, so «الشرطة الاتحادية في قيادة العمليات» does not nest.
ECHELON_RANK = {
    "platoon": 1, "company": 2, "squadron": 2, "battalion": 3, "regiment": 4,
    "brigade": 5, "other": 5, "division": 6, "corps": 7, "army_group": 8,
    "command": 8, "service": 9, "agency": 9, "force": 10,
}
CLITICS = ("و", "ف", "ب", "ك", "ل")
# Attached clitic groups tried (longest first) when the tokenizer left one on a
# lexicon word.
_ATTACHED = ("وب", "ول", "فب", "فل", "وك", "فك", "و", "ف", "ب", "ك", "ل")
PARENT_WORDS = {"من", "في"}
PARENT_CLITICS = {"ل", "ب"}
FOLLOWER_WORDS = {normalize(w) for w in ("التابع", "التابعة", "التابعين", "التابعتين", "التابعان")}
NUMBER_WORDS = {normalize("رقم")}
FIELD_ARMY = {normalize("الميداني")}
# Words that may close a national force after its country adjective and
# belong to its name («القوات اليمنية المشتركة», «القوات السورية النظامية»).
FORCE_TAILS = {normalize(w) for w in ("المشتركة", "الخاصة", "النظامية", "المسلحة",
                                      "الجنوبية", "الشمالية")}
# «الملكي/الملكية» may stand between a force and its country adjective and
# belongs to the name («القوات الجوية الملكية السعودية»).
ROYAL = {normalize(w) for w in ("الملكي", "الملكية")}
ARTICLE = "ال"


def _rows(path: Path) -> Iterator[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield [c.strip() for c in line.split("\t")]


def _key(phrase: str) -> tuple[str, ...]:
    """Token tuple of a lexicon phrase, with «و» split off a following article
    and «ل» off an article that lost its alef, as the tokenizer does
    («الجزيرة والبادية» → الجزيره، و، الباديه; «للقوات» → ل، القوات)."""
    words: list[str] = []
    for word in normalize(phrase).split():
        if word.startswith("وال") and len(word) > 4:
            words.extend(("و", word[1:]))
        elif word.startswith("لل") and len(word) > 4:
            # «للقوات» is ل + «لقوات», whose NORM has the article back («القوات»).
            words.extend(("ل", "ا" + word[1:]))
        else:
            words.append(word)
    return tuple(words)


def _definite(word: str) -> str:
    return word if word.startswith(ARTICLE) else ARTICLE + word


def _indefinite(word: str, min_rest: int = 4) -> str:
    """The word without its article, when what remains is long enough not to
    collide with a function word («الآلي» → «الي» would be «إلى»)."""
    return word[2:] if word.startswith(ARTICLE) and len(word) - 2 >= min_rest else word


class Trie:
    """Phrases as token tuples; `longest(view, i)` gives every match length
    from the longest down, so callers can fall back to a shorter phrase."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, ...], object] = {}
        self.max_len = 0
        self.first_words: set[str] = set()

    def add(self, key: tuple[str, ...], value: object) -> None:
        if key:
            self.entries.setdefault(key, value)
            self.max_len = max(self.max_len, len(key))
            self.first_words.add(key[0])

    def matches(self, view: "DocView", i: int, limit: int) -> list[tuple[int, object]]:
        """(length, value) pairs of phrases at token i, longest first."""
        if view.core(i) not in self.first_words:
            return []
        found = []
        words: list[str] = []
        for j in range(i, min(limit, i + self.max_len)):
            # Only the first word may carry an attached clitic.
            if j > i and view.prefix(j):
                break
            words.append(view.core(j))
            value = self.entries.get(tuple(words))
            if value is not None:
                found.append((len(words), value))
        return found[::-1]

    def words(self) -> set[str]:
        return {w for key in self.entries for w in key}


@dataclass
class UnitLexicon:
    heads: Trie  # echelon words → (echelon, grammatical number)
    ordinals: dict[str, tuple[int, str]]
    specialties: Trie  # phrase → english specialty
    forces: Trie  # name → (echelon, specialty|None, adjective rule)
    named_heads: Trie  # head → (echelon, specialty|None)
    wrappers: dict  # word → (echelon, specialty|None|"inherit")
    places: Trie
    country_adjectives: set[str]
    descriptors: set[str]
    stop_words: set[str]
    vocab: set[str] = field(default_factory=set)
    start_words: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, directory: Path | str = DATA_DIR) -> "UnitLexicon":
        d = Path(directory)
        heads = Trie()
        for form, echelon, gram in _rows(d / "echelons.tsv"):
            key = _key(form)
            heads.add(key, (echelon, gram))
            heads.add((_definite(key[0]),) + key[1:], (echelon, gram))
        ordinals: dict[str, tuple[int, str]] = {}
        for form, value, kind in _rows(d / "ordinals.tsv"):
            norm = normalize(form)
            ordinals[norm] = (int(value), kind)
            ordinals.setdefault(_indefinite(norm, 3), (int(value), kind))
        specialties = Trie()
        for phrase, english in _rows(d / "specialties.tsv"):
            key = _key(phrase)
            specialties.add(key, english)
            specialties.add((_indefinite(key[0]),) + key[1:], english)
        forces = Trie()
        for name, echelon, specialty, rule in _rows(d / "forces.tsv"):
            key = _key(name)
            forces.add(key, (echelon, None if specialty == "-" else specialty, rule))
            if rule == "required" and len(key) == 1 and key[0].startswith(ARTICLE):
                # The construct state of a generic one-word force names a unit
                # when a place follows: «جيش النيجر», «قوات تركيا», «شرطة ديالى».
                forces.add((_indefinite(key[0], 3),), (echelon, None if specialty == "-" else specialty, "place"))
        named_heads = Trie()
        for head, echelon, specialty in _rows(d / "named_heads.tsv"):
            named_heads.add(_key(head), (echelon, None if specialty == "-" else specialty))
        wrappers = {normalize(word): (echelon, None if specialty == "-" else specialty)
                    for word, echelon, specialty in _rows(d / "wrappers.tsv")}
        places = Trie()
        for (place,) in _rows(d / "places.txt"):
            places.add(_key(place), True)
        adjectives = set()
        for (adj,) in _rows(d / "country_adjectives.txt"):
            masc = normalize(adj)
            adjectives.update({masc, masc + "ه", masc + "ين", masc + "ون"})
        descriptors = {normalize(w) for (w,) in _rows(d / "place_descriptors.txt")}
        stop_words = {normalize(w) for (w,) in _rows(d / "stop_words.txt")}
        lex = cls(heads, ordinals, specialties, forces, named_heads, wrappers, places, adjectives,
                  descriptors, stop_words)
        lex.vocab = (heads.words() | set(ordinals) | specialties.words() | forces.words()
                     | named_heads.words() | adjectives | FOLLOWER_WORDS)
        lex.start_words = (heads.first_words | forces.first_words | named_heads.first_words
                           | set(wrappers) | {normalize("قوات"), normalize("القوات")})
        return lex


_DEFAULT: Optional[UnitLexicon] = None
_ACTIVE: Optional[UnitLexicon] = None


def default_lexicon() -> UnitLexicon:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = UnitLexicon.load()
    return _DEFAULT


def set_active_lexicon(lexicon: UnitLexicon) -> None:
    """The lexicon `Span._.unit` uses: the one of the last `arsec_units`
    component built (getters have no access to the component)."""
    global _ACTIVE
    _ACTIVE = lexicon


def active_lexicon() -> UnitLexicon:
    return _ACTIVE or default_lexicon()


class DocView:
    """Lazy per-token «core» forms: NORM, with an attached proclitic peeled
    off when what remains is a lexicon word («لفرقة» → «فرقه», prefix «ل»),
    and the article put back on «لواء» after a split ل when a definite word
    follows («للواء الخامس» → ل + «لواء» → «اللواء»)."""

    def __init__(self, doc: Doc, lexicon: UnitLexicon, loc_ends: Optional[dict[int, int]] = None):
        self.doc = doc
        self.lex = lexicon
        self.n = len(doc)
        self._cache: dict[int, tuple[str, str]] = {}
        self.loc_ends = loc_ends if loc_ends is not None else {
            e.start: e.end for e in doc.ents if e.label_ in ("LOC", "GPE")
        }

    def _compute(self, i: int) -> tuple[str, str]:
        norm = self.doc[i].norm_
        vocab = self.lex.vocab
        if norm in vocab:
            if (norm.startswith("ل") and i > 0 and self.doc[i - 1].norm_ == "ل"
                    and ARTICLE + norm in vocab and i + 1 < self.n
                    and (self.doc[i + 1].norm_.startswith(ARTICLE) or self.doc[i + 1].norm_.isdigit())):
                return ARTICLE + norm, ""
            return norm, ""
        if norm.startswith(ARTICLE) and ARTICLE + "ل" + norm[2:] in vocab:
            return ARTICLE + "ل" + norm[2:], ""  # «للواء» restored as «الواء»
        for p in _ATTACHED:
            if norm.startswith(p) and len(norm) > len(p) + 1:
                rest = norm[len(p):]
                if rest in vocab:
                    return rest, p
                if p.endswith("ل") and rest.startswith("ل") and "ا" + rest in vocab:
                    return "ا" + rest, p
        return norm, ""

    def core(self, i: int) -> str:
        if i >= self.n or i < 0:
            return ""
        got = self._cache.get(i)
        if got is None:
            got = self._cache[i] = self._compute(i)
        return got[0]

    def prefix(self, i: int) -> str:
        self.core(i)
        return self._cache[i][1] if 0 <= i < self.n else ""

    def is_separate(self, i: int, clitics: set[str] | tuple[str, ...]) -> bool:
        return 0 <= i < self.n and self.doc[i].norm_ in clitics

    def is_punct_or_space(self, i: int) -> bool:
        t = self.doc[i]
        return t.is_punct or t.is_space or not t.text.strip()


@dataclass
class UnitParse:
    start: int
    end: int
    head_end: int  # end of the unit's own name, before its parent link
    echelon: str
    number: Optional[int] = None
    numbers: list[int] = field(default_factory=list)
    specialty: Optional[str] = None
    parent: Optional["UnitParse"] = None
    parent_link: str = ""  # the clitic/word tying the parent: ل ب في من

    def chain(self) -> Iterator["UnitParse"]:
        node: Optional[UnitParse] = self
        while node is not None:
            yield node
            node = node.parent


class UnitParser:
    def __init__(self, lexicon: UnitLexicon, max_depth: int = 4):
        self.lex = lexicon
        self.max_depth = max_depth

    # -- pieces ---------------------------------------------------------------
    def _conj(self, v: DocView, j: int) -> Optional[int]:
        """Index of the word after a conjunction «و» at j (separate or attached)."""
        if v.is_separate(j, ("و",)):
            return j + 1
        if v.prefix(j) == "و":
            return j
        return None

    def ordinal(self, v: DocView, j: int, limit: int) -> Optional[tuple[int, int]]:
        """(value, end) of an ordinal starting at token j, compounds included."""
        if j >= limit:
            return None
        got = self.lex.ordinals.get(v.core(j))
        if got is None:
            return None
        value, kind = got
        if kind in ("unit", "compound_one"):
            if j + 1 < limit:
                nxt = self.lex.ordinals.get(v.core(j + 1))
                if nxt and nxt[1] == "teen" and not v.prefix(j + 1):
                    return value + 10, j + 2
            k = self._conj(v, j + 1)
            if k is not None and k < limit:
                nxt = self.lex.ordinals.get(v.core(k))
                if nxt and nxt[1] == "ten":
                    return value + nxt[0], k + 1
            return (value, j + 1) if kind == "unit" else None
        if kind == "ten":
            return value, j + 1
        return None

    def _adjective_at(self, v: DocView, j: int, limit: int) -> bool:
        return j < limit and not v.prefix(j) and v.core(j) in self.lex.country_adjectives

    # -- unit kinds -----------------------------------------------------------
    def _force(self, v: DocView, i: int, limit: int) -> Optional[UnitParse]:
        for length, (echelon, specialty, rule) in self.lex.forces.matches(v, i, limit):
            end = i + length
            if echelon == "BLOCK":
                return UnitParse(i, end, end, "BLOCK")
            if rule == "parent":
                unit = self._with_parent(v, UnitParse(i, end, end, echelon, specialty=specialty), limit)
                if unit is None:
                    continue
                return unit
            if rule == "place":
                # Only a place the gazetteer or NER marked as LOC (or a listed
                # multi-word place), never an arbitrary next word.
                place_end = v.loc_ends.get(end) if not v.prefix(end) else None
                if place_end is None and end < limit and not v.prefix(end):
                    places = self.lex.places.matches(v, end, limit)
                    place_end = end + places[0][0] if places else None
                if place_end is None or place_end > limit:
                    continue
                return UnitParse(i, place_end, place_end, echelon, specialty=specialty)
            royal = end < limit and not v.prefix(end) and v.core(end) in ROYAL
            adj_at = end + 1 if royal else end
            has_adj = self._adjective_at(v, adj_at, limit)
            if rule == "required" and not has_adj:
                # A generic force is still a unit when its own force follows
                # through ل / ب / في: «القوات الخاصة بالجيش الليبي» (equal rank
                # allowed: special forces of an army are both «force»).
                unit = self._with_parent(v, UnitParse(i, end, end, echelon, specialty=specialty), limit,
                                         allow_equal=True)
                if unit is None:
                    continue
                return unit
            if has_adj and rule != "none":
                end = adj_at + 1
                # Coordinated nations share one span: «القوات المالية والفرنسية».
                k = self._conj(v, end)
                if (k is not None and k < limit and v.prefix(k) in ("", "و")
                        and v.core(k) in self.lex.country_adjectives):
                    end = k + 1
                if end < limit and not v.prefix(end) and v.core(end) in FORCE_TAILS:
                    end += 1
            return UnitParse(i, end, end, echelon, specialty=specialty)
        return None

    def _with_parent(self, v: DocView, unit: UnitParse, limit: int,
                     allow_equal: bool = False) -> Optional[UnitParse]:
        """`unit` with the higher unit written after it through ل / ب / في
        as its parent; None when there is none (the name alone is no unit)."""
        self._attach_parent(v, unit, limit, 1, allow_equal=allow_equal)
        return unit if unit.parent is not None else None

    def _forces_of(self, v: DocView, i: int, limit: int) -> Optional[UnitParse]:
        """«قوات» + a named force: one unit, the inner name not nested."""
        if v.core(i) not in (normalize("قوات"), normalize("القوات")):
            return None
        inner = self._force(v, i + 1, limit)
        if inner is None or inner.echelon == "BLOCK" or v.prefix(i + 1):
            if inner is not None and inner.echelon == "BLOCK":
                return inner
            # «قوات المنطقة العسكرية الثانية», «قوات اللواء الخامس»: the
            # echelon unit itself, nothing nested (as for a named force).
            inner = None if v.prefix(i + 1) else self._echelon(v, i + 1, limit)
            if inner is None:
                return None
            return UnitParse(i, inner.end, inner.end, inner.echelon, number=inner.number,
                             numbers=inner.numbers, specialty=inner.specialty)
        return UnitParse(i, inner.end, inner.end, inner.echelon, specialty=inner.specialty)

    def _wrapped(self, v: DocView, i: int, limit: int, depth: int) -> Optional[UnitParse]:
        """«قيادة / طيران» + a unit: a new unit whose parent is the inner one."""
        got = self.lex.wrappers.get(v.core(i))
        if got is None or depth >= self.max_depth or i + 1 >= limit or v.prefix(i + 1):
            return None
        inner = self.parse_at(v, i + 1, limit, depth + 1)
        if inner is None:
            return None
        echelon, specialty = got
        if specialty == "inherit":
            specialty = inner.specialty
        return UnitParse(i, inner.end, inner.end, echelon, specialty=specialty,
                         parent=inner, parent_link="")

    def _echelon(self, v: DocView, i: int, limit: int) -> Optional[UnitParse]:
        best = None
        for length, (echelon, gram) in self.lex.heads.matches(v, i, limit):
            j = i + length
            number: Optional[int] = None
            numbers: list[int] = []
            specialty: Optional[str] = None
            progressed = True
            while progressed and j < limit:
                progressed = False
                if v.prefix(j):
                    break
                tok = v.doc[j]
                core = v.core(j)
                if core in NUMBER_WORDS and j + 1 < limit and v.doc[j + 1].norm_.isdigit():
                    j, progressed = j + 1, True
                    continue
                if number is None and not numbers and tok.norm_.isdigit():
                    number, j, progressed = int(tok.norm_), j + 1, True
                    continue
                if number is None and not numbers:
                    got = self.ordinal(v, j, limit)
                    if got is not None:
                        number, j = got
                        progressed = True
                        # Coordination: «الثالث والرابع» (not a compound ten).
                        k = self._conj(v, j)
                        while k is not None and k < limit:
                            more = self.ordinal(v, k, limit)
                            if more is None:
                                break
                            numbers = numbers or [number]
                            numbers.append(more[0])
                            j = more[1]
                            k = self._conj(v, j)
                        continue
                if specialty is None and echelon not in ("other", "army_group"):
                    sp = self.lex.specialties.matches(v, j, limit)
                    if sp:
                        specialty, j, progressed = sp[0][1], j + sp[0][0], True
                        continue
            if echelon == "army_group":
                # «الجيش الثاني الميداني»: an ordinal army, never a bare «الجيش».
                if number is None or numbers:
                    continue
                if j < limit and v.core(j) in FIELD_ARMY:
                    j += 1
            if number is None and not numbers and specialty is None:
                continue
            if numbers:
                number = None
            elif gram in ("du", "pl"):
                # A dual or plural with one number is unusual; keep the number.
                pass
            cand = UnitParse(i, j, j, echelon, number=number, numbers=numbers, specialty=specialty)
            if best is None or cand.end > best.end:
                best = cand
        return best

    def _place_end(self, v: DocView, j: int, limit: int) -> Optional[int]:
        if j >= limit:
            return None
        if j in v.loc_ends and v.loc_ends[j] <= limit:
            return v.loc_ends[j]
        if v.prefix(j):
            return None
        places = self.lex.places.matches(v, j, limit)
        if places:
            return j + places[0][0]
        core = v.core(j)
        tok = v.doc[j]
        if (len(core) < 3 or core in self.lex.stop_words or core in self.lex.vocab
                or tok.is_punct or tok.like_num or not tok.is_alpha):
            return None
        return j + 1

    def _named(self, v: DocView, i: int, limit: int) -> Optional[UnitParse]:
        for length, (echelon, specialty) in self.lex.named_heads.matches(v, i, limit):
            j = i + length
            if j < limit and v.core(j) in self.lex.descriptors and not v.prefix(j):
                end = self._place_end(v, j + 1, limit)
                if end is not None:
                    return UnitParse(i, end, end, echelon, specialty=specialty)
            end = self._place_end(v, j, limit)
            if end is not None:
                return UnitParse(i, end, end, echelon, specialty=specialty)
        return None

    # -- whole phrase ---------------------------------------------------------
    def parse_at(self, v: DocView, i: int, limit: int, depth: int = 0) -> Optional[UnitParse]:
        """The longest unit phrase starting at token i (ending by `limit`)."""
        if i >= limit or v.core(i) not in self.lex.start_words:
            return None
        candidates = [
            p for p in (self._force(v, i, limit), self._forces_of(v, i, limit),
                        self._echelon(v, i, limit), self._named(v, i, limit),
                        self._wrapped(v, i, limit, depth))
            if p is not None
        ]
        if not candidates:
            return None
        best = max(candidates, key=lambda p: (p.end, p.echelon != "BLOCK"))
        if best.echelon == "BLOCK":
            return None
        if depth < self.max_depth and best.parent is None:
            self._attach_parent(v, best, limit, depth)
        return best

    def _attach_parent(self, v: DocView, unit: UnitParse, limit: int, depth: int,
                       allow_equal: bool = False) -> None:
        e = unit.end
        if e >= limit:
            return
        if v.core(e) in PARENT_WORDS and not v.prefix(e):
            at, link = e + 1, v.core(e)
        elif v.doc[e].norm_ in PARENT_CLITICS:
            at, link = e + 1, v.doc[e].norm_
        elif v.prefix(e) and v.prefix(e)[-1] in PARENT_CLITICS and len(v.prefix(e)) == 1:
            at, link = e, v.prefix(e)
        else:
            return
        parent = self.parse_at(v, at, limit, depth + 1)
        if parent is None or ECHELON_RANK[parent.echelon] < ECHELON_RANK[unit.echelon] or (
                ECHELON_RANK[parent.echelon] == ECHELON_RANK[unit.echelon] and not allow_equal):
            return
        unit.parent, unit.parent_link, unit.end = parent, link, parent.end

    def follower_parent(self, v: DocView, end: int) -> Optional[UnitParse]:
        """A parent written right after a unit: «التابع / التابعة لـ» + unit."""
        if end >= v.n or v.core(end) not in FOLLOWER_WORDS:
            return None
        j = end + 1
        if j < v.n and v.doc[j].norm_ == "ل":
            j += 1
        elif not (j < v.n and v.prefix(j) == "ل"):
            return None
        return self.parse_at(v, j, v.n, 1)

    def find(self, v: DocView, start: int = 0, end: Optional[int] = None) -> list[UnitParse]:
        """Outermost unit phrases in [start, end), left to right."""
        end = v.n if end is None else end
        found = []
        starts = self.lex.start_words
        i = start
        while i < end:
            if v.core(i) in starts:
                p = self.parse_at(v, i, end)
                if p is not None:
                    found.append(p)
                    i = p.end
                    continue
            i += 1
        return found


# -- text of a unit -----------------------------------------------------------
_SPACES = re.compile(r"\s+")


def _clitic_chars(text: str, prefix: str) -> int:
    """Characters of `text` taken by the attached clitic letters `prefix`
    (each letter may carry diacritics)."""
    i, seen = 0, 0
    while i < len(text) and seen < len(prefix):
        i += 1
        seen += 1
        while i < len(text) and strip_diacritics(text[i]) == "":
            i += 1
    return i


def written_name(v: DocView, start: int, end: int) -> str:
    """The text of tokens [start, end) as written, without an attached
    clitic and with the article put back after ل («لشرطة» → «الشرطة»)."""
    doc = v.doc
    first = doc[start].text
    prefix = v.prefix(start)
    if prefix:
        first = first[_clitic_chars(first, prefix):]
    core = v.core(start)
    written = normalize(first)
    if core.startswith(ARTICLE) and not written.startswith(ARTICLE):
        if written == core[1:]:
            first = "ا" + first
        elif written == core[2:]:
            first = ARTICLE + first
    rest = doc[start:end].text[len(doc[start].text):] if end - start > 1 else ""
    return (first + doc[start].whitespace_ + rest.lstrip()) if rest else first


def canonical_name(v: DocView, start: int, end: int) -> str:
    text = written_name(v, start, end).replace("_", " ")
    return _SPACES.sub(" ", normalize(text)).strip()


# -- the getter ---------------------------------------------------------------
def describe(span: Span, parser: Optional[UnitParser] = None) -> dict:
    """`Span._.unit`: the structure of a unit mention (ANNOTATION.md §2)."""
    parser = parser or UnitParser(active_lexicon())
    v = DocView(span.doc, parser.lex)
    p = parser.parse_at(v, span.start, span.end)
    if p is None or p.end != span.end:
        p = _loose(parser, v, span)
    parent_name = None
    if p.parent is not None:
        parent_name = written_name(v, p.parent.start, p.parent.head_end)
    else:
        follower = parser.follower_parent(v, span.end)
        if follower is not None:
            parent_name = written_name(v, follower.start, follower.head_end)
    out = {
        "echelon": p.echelon,
        "number": p.number,
        "specialty": p.specialty,
        "parent": parent_name,
        "canonical": canonical_name(v, span.start, span.end),
    }
    if p.numbers:
        out["coordinated_numbers"] = list(p.numbers)
    return out


def _loose(parser: UnitParser, v: DocView, span: Span) -> UnitParse:
    """Structure of a span the grammar does not cover exactly (a MIL_UNIT from
    the trained NER): the best reading of its parts."""
    start, end = span.start, span.end
    p = parser.parse_at(v, start, end)
    if p is not None and p.echelon != "BLOCK":
        unit = UnitParse(start, end, end, p.echelon, p.number, p.numbers, p.specialty,
                         p.parent, p.parent_link)
        if p.parent is None:
            unit.head_end = end
        return unit
    unit = UnitParse(start, end, end, "other")
    heads = parser.lex.heads.matches(v, start, end)
    if heads:
        unit.echelon = heads[0][1][0]
    for j in range(start, end):
        if unit.number is None:
            if v.doc[j].norm_.isdigit():
                unit.number = int(v.doc[j].norm_)
            else:
                got = parser.ordinal(v, j, end)
                if got is not None:
                    unit.number = got[0]
        if unit.specialty is None:
            sp = parser.lex.specialties.matches(v, j, end)
            if sp:
                unit.specialty = sp[0][1]
    forces = parser.lex.forces.matches(v, start, end)
    if forces and forces[0][1][0] != "BLOCK" and unit.echelon == "other":
        unit.echelon = forces[0][1][0]
        unit.specialty = unit.specialty or forces[0][1][1]
    return unit


def iter_units(parses: Iterable[UnitParse]) -> Iterator[UnitParse]:
    for p in parses:
        yield from p.chain()
