"""BASELINE entity recogniser: gazetteers plus a few rules.

Finds PER, ORG, LOC, MISC and ARMED_GROUP until a trained NER takes over the
general labels; after that it stays in the pipeline for ARMED_GROUP and to fill
gaps (`overwrite_ents=False`: entities already in `doc.ents` win; `labels`
restricts what it adds). MIL_UNIT and OPERATION are left to `arsec_units` and
`arsec_operations`, which run later and override overlapping entities.

What it does, in order of trust:
1. gazetteers (`data/gazetteer/*.tsv`, our own lists) through a PhraseMatcher
   on NORM, so spelling variants and proclitics split by the tokenizer
   («بالعراق», «للعراق») match the entry «العراق»;
2. LOC descriptor rule: «محافظة X», «قرية X», «قاعدة X» ... → X (the
   descriptor stays outside, ANNOTATION.md §1);
3. PER rules: a rank or honorific followed by a name («العميد يحيى رسول»),
   a role followed within a few words by a known given name («المتحدث باسم
   الوزارة تحسين الخفاجي»), or a known given name followed by more name
   tokens; titles stay outside the span;
4. a surname of a person found in the document tags its later bare mentions.
Overlaps are resolved by longest span (spaCy's `filter_spans`); on equal
length the gazetteer wins over the rules.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Optional

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .normalize import normalize
from .spans import add_entities

DATA_DIR = Path(__file__).parent / "data" / "gazetteer"
ALL_LABELS = ["PER", "ORG", "LOC", "MISC", "ARMED_GROUP"]

# An Arabic word token (letters, diacritics, tatweel); names never contain digits
# or punctuation, so anything else ends a name.
_ARABIC_WORD = re.compile(r"[\u0621-\u063A\u0640-\u065F\u0670-\u06D3]+")
_PROCLITICS = ("و", "ف", "ب", "ل", "ك")
# Words that may continue a name («عبد الله») but never start one.
_NEVER_FIRST = {"الله"}
_BASE = "قاعده"
_PRONOUN_SUFFIXES = {"ه", "ها", "هم", "هما", "هن", "نا", "كم", "كما", "ك", "ي"}
# «أبو محمد»: a kunya is a name on its own (decisions v1.1).
_KUNYA = {"ابو"}
# Function words whose normalised form is also a given name («على» → «علي»):
# only the written form tells them apart.
_FUNCTION_WORDS_BY_TEXT = {"على", "علـى"}
_REGNAL_ORDINALS = {normalize(w) for w in ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"]}
# Marks PER spans guessed from a bare given name (Span.id), which do not
# propagate their surname.
_WEAK = 1
_COMMAS = {"،", ","}
_QUOTES = {'"', "«", "»", "“", "”", "'", "(", ")", "‘", "’"}


# --------------------------------------------------------------------------
# data loading


def read_lines(path: Path) -> list[str]:
    """Non-empty lines of `path` without `#` comments."""
    lines = []
    with open(path, encoding="utf8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip() and not line.lstrip().startswith("#"):
                lines.append(line.strip())
    return lines


def read_word_set(path: Path) -> set[str]:
    return {normalize(w) for w in read_lines(path)}


def read_labelled(path: Path) -> list[tuple[str, str]]:
    """`LABEL<TAB>text` lines as (label, text) pairs."""
    pairs = []
    for line in read_lines(path):
        label, _, text = line.partition("\t")
        if not text:
            raise ValueError(f"{path}: line without a TAB-separated label: {line!r}")
        pairs.append((label.strip(), text.strip()))
    return pairs


def nationality_forms(masculine: Iterable[str]) -> set[str]:
    """Normalised masculine, feminine and plural forms, with and without the
    article, of nationality adjectives given as «العراقي»."""
    forms = set()
    for word in masculine:
        word = normalize(word)
        bare = word[2:] if word.startswith("ال") else word
        for form in (bare, bare + "ه", bare + "ون", bare + "ين", bare + "ا", bare + "ات"):
            forms.add(form)
            forms.add("ال" + form)
    return forms


def with_tanzim(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """«تنظيم X» for every group name X that does not start with a group
    word: «تنظيم» written before a name is part of the span (ANNOTATION.md)."""
    heads = ("تنظيم", "حركة", "جماعة", "جبهة", "هيئة", "حزب", "كتائب", "ولاية")
    return [(label, "تنظيم " + text) for label, text in entries if not text.startswith(heads)]


def strip_proclitic(norm: str) -> list[str]:
    """The word and its forms without one or two attached proclitics
    («وبمحافظة» → «بمحافظه», «محافظه»), for lookups of words the tokenizer
    may leave unsplit."""
    forms = [norm]
    rest = norm
    for _ in range(2):
        if len(rest) > 3 and rest[0] in _PROCLITICS:
            rest = rest[1:]
            forms.append(rest)
        else:
            break
    return forms


# --------------------------------------------------------------------------
# component


class GazetteerRecognizer:
    def __init__(
        self,
        nlp: Language,
        name: str,
        data_dir: Optional[str],
        labels: list[str],
        overwrite_ents: bool,
        person_rules: bool,
        max_name_tokens: int,
        role_window: int,
        propagate_surnames: bool,
        loc_descriptor_rule: bool,
        max_descriptor_name_tokens: int,
        definite_only_descriptors: list[str],
        group_member_words: list[str],
        group_blocking_next_words: list[str],
        org_adjective_heads: list[str],
        name_particles: list[str],
        outlet_words: list[str],
        institution_heads: list[str],
        override_labels: list[str],
        fix_ent_edges: bool,
        ministry_short_names: list[str],
    ):
        self.ministry_short_names = {normalize(w) for w in ministry_short_names}
        self.name = name
        self.override_labels = set(override_labels)
        self.fix_ent_edges = fix_ent_edges
        self.labels = set(labels)
        unknown = self.labels - set(ALL_LABELS)
        if unknown:
            raise ValueError(f"arsec_gazetteer: unknown labels {sorted(unknown)}")
        self.overwrite_ents = overwrite_ents
        self.person_rules = person_rules and "PER" in self.labels
        self.max_name_tokens = max_name_tokens
        self.role_window = role_window
        self.propagate_surnames = propagate_surnames and "PER" in self.labels
        self.loc_descriptor_rule = loc_descriptor_rule and "LOC" in self.labels
        self.max_descriptor_name_tokens = max_descriptor_name_tokens
        self.definite_only_descriptors = {normalize(w) for w in definite_only_descriptors}
        self.group_member_words = {normalize(w) for w in group_member_words}
        self.group_blocking_next_words = {normalize(w) for w in group_blocking_next_words}
        self.org_adjective_heads = {normalize(w) for w in org_adjective_heads}
        self.name_particles = {normalize(w) for w in name_particles}
        self.outlet_words = {normalize(w) for w in outlet_words}
        self.institution_heads = {normalize(w) for w in institution_heads}

        root = Path(data_dir) if data_dir else DATA_DIR
        self.entity_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        for file_name in ("armed_group.tsv", "org.tsv", "loc.tsv", "misc.tsv", "per.tsv"):
            entries = read_labelled(root / file_name)
            if file_name == "armed_group.tsv":
                entries += with_tanzim(entries)
            # Hashtags join words with «_» into one token («#حركة_حماس»).
            entries += [(label, text.replace(" ", "_")) for label, text in entries if " " in text]
            self._add_patterns(nlp, self.entity_matcher, entries)
        # Group names that are also everyday words («الشباب») count only after
        # a member word («مسلحي الشباب»).
        self.contextual_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self._add_patterns(nlp, self.contextual_matcher, read_labelled(root / "armed_group_contextual.tsv"))
        # Media named like a place or a common word count only in quotes.
        self.quoted_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self._add_patterns(nlp, self.quoted_matcher, read_labelled(root / "media_names_quoted.tsv"))

        self.given_names = read_word_set(root / "given_names.txt")
        self.ambiguous_given_names = read_word_set(root / "given_names_ambiguous.txt")
        self.all_given_names = self.given_names | self.ambiguous_given_names
        self.nationalities = nationality_forms(read_lines(root / "nationalities.txt"))
        self.name_stopwords = read_word_set(root / "name_stopwords.txt") | self.nationalities
        self.loc_descriptors = read_word_set(root / "loc_descriptors.txt")
        self.loc_name_prefixes = read_word_set(root / "loc_name_prefixes.txt")
        self.loc_non_names = read_word_set(root / "loc_non_names.txt")

        self.single_word_places = {normalize(t) for label, t in read_labelled(root / "loc.tsv") if " " not in t.strip()}

        self.title_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        titles = [tuple(line.split("\t", 1)) for line in read_lines(root / "person_titles.tsv")]
        self._add_patterns(nlp, self.title_matcher, [(kind.upper(), text) for kind, text in titles])
        # Title words end a name («... يحيى رسول الناطق»).
        self.title_words = {normalize(text.split()[0]) for _, text in titles}

    @staticmethod
    def _add_patterns(nlp: Language, matcher: PhraseMatcher, pairs: list[tuple[str, str]]) -> None:
        by_label: dict[str, list[str]] = {}
        for label, text in pairs:
            by_label.setdefault(label, []).append(text)
        for label, texts in by_label.items():
            # make_doc tokenizes entries like the text, so NORM and clitic
            # splits agree; duplicates after normalisation are dropped.
            unique = list(dict.fromkeys(texts))
            matcher.add(label, [nlp.make_doc(t) for t in unique])

    # ------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        norms = [t.norm_ for t in doc]
        gazetteer_spans = self._gazetteer_spans(doc, norms)
        rule_spans: list[Span] = []
        if self.loc_descriptor_rule:
            rule_spans += self._descriptor_spans(doc, norms, gazetteer_spans)
        if self.person_rules:
            rule_spans += self._person_spans(doc, norms, gazetteer_spans)
        # filter_spans keeps the longest; on ties the earlier list item, so
        # gazetteer entries beat rule guesses of the same length.
        spans = filter_spans(gazetteer_spans + rule_spans)
        if self.propagate_surnames:
            spans = filter_spans(spans + self._surname_mentions(doc, norms, spans, gazetteer_spans))
        spans = [s for s in spans if s.label_ in self.labels]
        if self.fix_ent_edges and not self.overwrite_ents:
            cut = self._fix_edges(doc, norms, gazetteer_spans)
            # Words cut off a person as a description («شيخ قبلي») are no
            # entity of their own either.
            spans = [s for s in spans if not any(s.start < b and a < s.end for a, b in cut)]
        if self.override_labels and not self.overwrite_ents:
            self._override(doc, gazetteer_spans)
        add_entities(doc, spans, overwrite=self.overwrite_ents)
        return doc

    # -- corrections of entities found before ----------------------------

    def _override(self, doc: Doc, gazetteer_spans: list[Span]) -> None:
        """List entries of `override_labels` win over the entities they
        cover («حركة "نور الدين الزنكي"» read as MISC, «تنظيم الدولة في
        العراق والشام» read as a group plus a place); a name of the same
        span read as PER stays a person («وقال الحوثي»)."""
        strong = [s for s in filter_spans(gazetteer_spans) if s.label_ in self.override_labels and s.label_ in self.labels]
        if not strong:
            return
        ents = list(doc.ents)
        winners = []
        for s in strong:
            overlapping = [e for e in ents if e.start < s.end and s.start < e.end]
            if not overlapping or not all(s.start <= e.start and e.end <= s.end for e in overlapping):
                continue  # a longer or crossing entity keeps its reading
            if any((e.start, e.end) == (s.start, s.end) and (e.label_ == s.label_ or e.label_ == "PER") for e in overlapping):
                continue
            winners.append(s)
        if winners:
            add_entities(doc, winners, overwrite=True)

    def _fix_edges(self, doc: Doc, norms: list[str], gazetteer_spans: list[Span]) -> list[tuple[int, int]]:
        """Boundary errors no name can have: an entity ending in a proclitic
        cut off the next word («قيصر ل» of «قيصر لوكالة»), a person running
        into a listed organisation («... لبي بي سي»), and a lone first name
        stopped before its family name («المقدم بلحسن الوسلاتي»)."""
        n = len(doc)
        ents = list(doc.ents)
        starts = {e.start for e in ents}
        orgs = [s for s in gazetteer_spans if s.label_ == "ORG"]
        out = []
        cut: list[tuple[int, int]] = []
        changed = False
        for e in ents:
            start, end, label = e.start, e.end, e.label_
            if label == "PER":
                # «الامام لبي بي سي»: a listed organisation after a glued «ل»
                # is where the speaker is quoted to, not part of the name.
                inner = [s.start - 1 for s in orgs if start + 1 < s.start < end and doc[s.start - 1].text == "ل" and not doc[s.start - 1].whitespace_]
                if inner:
                    end = min(inner)
                # «أمين جربوع شيخ قبلي»: an indefinite title word from the
                # third word on describes the person and is no part of the name.
                for k in range(start + 2, end):
                    if self._is_descriptor_title(doc, norms, k):
                        cut.append((k, end))
                        end = k
                        break
            while end - start > 1 and doc[end - 1].text in _PROCLITICS and not doc[end - 1].whitespace_ and end < n and _ARABIC_WORD.fullmatch(doc[end].text):
                end -= 1
            one_word = doc[end - 1].whitespace_ and not any(doc[i].whitespace_ for i in range(start, end - 1))
            if label == "PER" and one_word and end < n and end not in starts and self._is_family_name(doc, norms, end):
                end += 1
            if (start, end) != (e.start, e.end):
                changed = True
                e = Span(doc, start, end, label=label, kb_id=e.kb_id, span_id=e.id)
            out.append(e)
        if changed:
            doc.ents = out
        return cut

    def _is_descriptor_title(self, doc: Doc, norms: list[str], k: int) -> bool:
        norm = norms[k]
        if norm.startswith("ال") or norm in self.all_given_names or norm in self.name_particles:
            return False
        return self._is_title_word(norm) or self._is_title_word("ال" + norm)

    def _is_family_name(self, doc: Doc, norms: list[str], i: int) -> bool:
        """«الوسلاتي»: an article word in -ي that is no known word, role or
        nationality."""
        norm = norms[i]
        return (
            bool(_ARABIC_WORD.fullmatch(doc[i].text))
            and norm.startswith("ال")
            and norm.endswith("ي")
            and len(norm) > 4
            and norm not in self.name_stopwords
            and norm not in self.title_words
            and norm not in _REGNAL_ORDINALS
            and not self._is_descriptor(norm)
            and not (i + 1 < len(doc) and not doc[i].whitespace_ and _ARABIC_WORD.fullmatch(doc[i + 1].text))
        )

    # -- gazetteers ------------------------------------------------------

    def _gazetteer_spans(self, doc: Doc, norms: list[str]) -> list[Span]:
        spans = []
        # After «قاعدة X» the document's bare «القاعدة» is that base again.
        first_base = next((i for i, norm in enumerate(norms) if strip_proclitic(norm)[-1] == _BASE), len(doc))
        for match_id, start, end in self.entity_matcher(doc):
            label = doc.vocab.strings[match_id]
            if label == "ARMED_GROUP" and end - start == 1 and end < len(doc):
                # «القاعدة العسكرية» is a base, not al-Qaeda.
                if norms[end] in self.group_blocking_next_words:
                    continue
            if label == "ARMED_GROUP" and end - start == 1 and norms[start] == "ال" + _BASE and start > first_base:
                if not (start > 0 and any(f in self.group_member_words for f in strip_proclitic(norms[start - 1]))):
                    continue
            if label == "ARMED_GROUP" and end - start == 1 and norms[start].endswith(("ي", "يين", "يون")):
                # «القيادي الحوثي», «المتمردين الحوثيين», «الإرهاب الحوثي»: a
                # nisba after a definite noun is an adjective, not the group.
                prev = start - 1
                while prev >= 0 and doc[prev].text in ("#", "ـ"):
                    prev -= 1
                if prev >= 0 and norms[prev].startswith("ال") and len(norms[prev]) > 3 and norms[prev] not in self.name_stopwords:
                    continue
            if label == "LOC" and end - start == 1 and norms[start] in self.nationalities and self._after_noun(doc, norms, start):
                # «القوات المسلحة السعودية», «مسؤولا تركيا», «روسية وسورية»:
                # a country name spelled like a nationality adjective, right
                # after a noun it can qualify, is the adjective.
                continue
            if label == "ORG" and norms[start] in self.org_adjective_heads and end < len(doc):
                # «وزارة الدفاع العراقية»: the country adjective belongs to the name.
                if norms[end] in self.nationalities and norms[end].startswith("ال"):
                    end += 1
            spans.append(Span(doc, start, end, label=label))
        for match_id, start, end in self.contextual_matcher(doc):
            before = start - 1
            while before >= 0 and doc[before].text in _QUOTES:
                before -= 1
            if before >= 0 and any(f in self.group_member_words for f in strip_proclitic(norms[before])):
                spans.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
        # «وأكدت الخارجية المصرية»: a ministry named by its short name and a
        # country adjective; not after a noun it qualifies («وزيرة
        # الخارجية الكرواتية», «منظومة الدفاع السورية»).
        for i in range(len(doc) - 1):
            if norms[i] in self.ministry_short_names and norms[i + 1] in self.nationalities and norms[i + 1].startswith("ال") and norms[i + 1].endswith("يه"):
                prev = i - 1
                if prev >= 0 and doc[prev].text == "ل" and not doc[prev].whitespace_:
                    prev -= 1
                if prev >= 0 and _ARABIC_WORD.fullmatch(doc[prev].text) and (norms[prev].endswith("ه") or norms[prev] in self.title_words or norms[prev] in self.org_adjective_heads):
                    continue
                spans.append(Span(doc, i, i + 2, label="ORG"))
        # «جامعة الأنبار», «مستشفى الموصل»: an institution named after a
        # place is an ORG that includes its head noun.
        for i, span in enumerate(spans):
            if span.label_ == "LOC" and span.start > 0 and norms[span.start - 1] in self.institution_heads:
                spans[i] = Span(doc, span.start - 1, span.end, label="ORG")
        quoted = []
        for match_id, start, end in self.quoted_matcher(doc):
            in_quotes = start > 0 and end < len(doc) and doc[start - 1].text in _QUOTES and doc[end].text in _QUOTES
            after_outlet = start > 0 and any(f in self.outlet_words for f in strip_proclitic(norms[start - 1]))
            if in_quotes or after_outlet:
                quoted.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
        # Quoted media first: on equal length they beat the place («الرياض»).
        return quoted + spans

    def _after_noun(self, doc: Doc, norms: list[str], i: int) -> bool:
        """True when token `i` follows a word it can qualify as an adjective:
        a definite noun («القوات المسلحة السعودية»), an accusative noun
        («مسؤولا تركيا») or, across «و», another nisba («روسية وسورية»)."""
        prev = i - 1
        coordinated = prev >= 0 and norms[prev] == "و"
        if coordinated:
            prev -= 1
        if prev < 0 or not _ARABIC_WORD.fullmatch(doc[prev].text):
            return False
        word = norms[prev]
        if word in self.name_stopwords and word not in self.nationalities:
            return False  # «في السعودية», «أمس السعودية»
        if word.endswith("يه"):
            return True
        if coordinated:
            return False  # «الولايات المتحدة وروسيا»
        if word.startswith("ال"):
            return True
        # «مسؤولا عسكريا روسيا»: an accusative noun or adjective; a country
        # ending in -يا before it («تركيا روسيا») does not count.
        return len(word) >= 4 and word.endswith("ا") and not word.endswith("اا") and word not in self.single_word_places

    # -- LOC descriptors -------------------------------------------------

    def _descriptor(self, norm: str) -> Optional[str]:
        """The descriptor a word is («وبمحافظة» → «محافظه»), else None."""
        for form in strip_proclitic(norm):
            if form in self.loc_descriptors:
                return form
        return None

    def _is_descriptor(self, norm: str) -> bool:
        return self._descriptor(norm) is not None

    def _descriptor_spans(self, doc: Doc, norms: list[str], known: list[Span]) -> list[Span]:
        covered = {i for s in known for i in range(s.start, s.end)}
        spans = []
        n = len(doc)
        for i in range(n - 1):
            descriptor = self._descriptor(norms[i])
            if descriptor is None or norms[i].startswith("ال"):
                continue
            start = i + 1
            quoted = doc[start].text in _QUOTES
            if quoted:
                start += 1
            if start >= n or start in covered or not self._is_place_word(doc, norms, start):
                continue
            definite = norms[start].startswith("ال")
            if not definite and not quoted:
                # «منطقة سكنية», «مناطق متفرقة», «مطار دولي»: an indefinite word
                # after a plural or very general descriptor, or one shaped like
                # a nisba adjective, describes the place instead of naming it.
                if descriptor in self.definite_only_descriptors or norms[start].endswith(("يه", "ي")):
                    continue
            end = start + 1
            limit = min(n, start + self.max_descriptor_name_tokens)
            if quoted:
                # «قرية "X Y"»: the name runs to the closing quote.
                while end < n and end < start + 3 and doc[end].text not in _QUOTES and self._is_place_word(doc, norms, end):
                    end += 1
                if end >= n or doc[end].text not in _QUOTES:
                    continue
            elif norms[start] in self.loc_name_prefixes and end < limit and self._is_place_word(doc, norms, end):
                end += 1
            if any(j in covered for j in range(start, end)):
                continue
            if end < n and not doc[end - 1].whitespace_ and norms[end] in self.loc_non_names and len(norms[end]) <= 2:
                # «محافظة يخسرها»: a word with an object pronoun is a verb.
                continue
            spans.append(Span(doc, start, end, label="LOC"))
        return spans

    def _is_place_word(self, doc: Doc, norms: list[str], i: int) -> bool:
        norm = norms[i]
        return (
            bool(_ARABIC_WORD.fullmatch(doc[i].text))
            and len(norm) > 1
            and norm not in self.loc_non_names
            and norm not in self.name_stopwords
            and not self._is_descriptor(norm)
        )

    # -- PER -------------------------------------------------------------

    def _person_spans(self, doc: Doc, norms: list[str], known: list[Span]) -> list[Span]:
        # Tokens of gazetteer entities (people included: «جورج بوش» is not
        # extended to «جورج بوش تجاوز») never belong to a rule-found name.
        blocked = [False] * len(doc)
        for s in known:
            # «عبدالخالق الحوثي»: a one-word group name that is also a family
            # name may end a person's name; longest span wins later.
            if s.label_ in ("ARMED_GROUP", "LOC") and len(s) == 1 and s.start > 0 and norms[s.start - 1] in self.all_given_names and norms[s.start].endswith("ي"):
                continue
            for i in range(s.start, s.end):
                blocked[i] = True
        spans = []
        title_ends = set()
        for match_id, start, end in self.title_matcher(doc):
            kind = doc.vocab.strings[match_id]
            title_ends.add(end)
            name_start = None
            if kind == "RANK" and end < len(doc) and self._can_start_after_rank(doc, norms, blocked, end):
                name_start = end
            if name_start is None:
                name_start = self._find_given_name(doc, norms, blocked, end)
            if name_start is not None:
                name_end = self._extend_name(doc, norms, blocked, name_start, after_title=True)
                if name_end > name_start:
                    spans.append(Span(doc, name_start, name_end, label="PER"))
        # A known given name with more name tokens after it, no title needed.
        # These guesses are weaker: their surnames are not propagated.
        for i, norm in enumerate(norms):
            if i in title_ends or blocked[i] or doc[i].text in _FUNCTION_WORDS_BY_TEXT or self._has_suffix(doc, norms, i):
                continue
            next_is_given = i + 1 < len(doc) and norms[i + 1] in self.all_given_names
            # «علي الأحمدي»: a family name in -ي (not a nationality) after an
            # ambiguous given name.
            next_is_family = (
                i + 1 < len(doc)
                and norms[i + 1].startswith("ال")
                and norms[i + 1].endswith("ي")
                and norms[i + 1] not in self.name_stopwords
                and not (blocked[i + 1] and norms[i + 1] not in self.single_word_places)
            )
            if norm in self.given_names or (norm in self.ambiguous_given_names and (next_is_given or next_is_family)) or (norm in _KUNYA and next_is_given):
                end = self._extend_name(doc, norms, blocked, i, after_title=False)
                if end - i >= 2:
                    spans.append(Span(doc, i, end, label="PER", span_id=_WEAK))
        return spans

    def _is_name_word(self, doc: Doc, norms: list[str], blocked: list[bool], i: int) -> bool:
        if blocked[i] or not _ARABIC_WORD.fullmatch(doc[i].text) or doc[i].text in _FUNCTION_WORDS_BY_TEXT:
            return False
        norm = norms[i]
        if len(norm) < 2 or norm in self.title_words:
            return False
        # «وقال», «فيما»: a stop word behind an unsplit proclitic still ends a name.
        return not any(f in self.name_stopwords for f in strip_proclitic(norm))

    def _has_suffix(self, doc: Doc, norms: list[str], i: int) -> bool:
        """«عليه» → «علي» + «ه», «عمره» → «عمر» + «ه»: a word carrying a
        pronoun suffix is not a first name."""
        return i + 1 < len(doc) and not doc[i].whitespace_ and norms[i + 1] in _PRONOUN_SUFFIXES

    def _is_name_like(self, norm: str) -> bool:
        """Given names, surnames with the article («الكاظمي») and particles:
        the words that may follow a name's first word freely."""
        return norm in self.all_given_names or norm.startswith("ال") or norm in self.name_particles

    def _can_start_after_rank(self, doc: Doc, norms: list[str], blocked: list[bool], i: int) -> bool:
        # «اللواء الخامس», «الفريق الأول»: an article word after a rank is a
        # unit or an adjective, not a first name.
        if not self._is_name_word(doc, norms, blocked, i) or norms[i] in _NEVER_FIRST or self._has_suffix(doc, norms, i):
            return False
        return not norms[i].startswith("ال") or norms[i] in self.all_given_names

    def _find_given_name(self, doc: Doc, norms: list[str], blocked: list[bool], start: int) -> Optional[int]:
        """After a role («وزير الخارجية الأمريكي», «المتحدث باسم الوزارة»), the
        first token within `role_window` that is a known given name or a
        kunya particle; office words may come in between, breaks may not."""
        n = len(doc)
        for i in range(start, min(n, start + self.role_window + 1)):
            norm = norms[i]
            if norm in self.all_given_names or (norm in self.name_particles and i + 1 < n and norms[i + 1] in self.all_given_names):
                return i if self._is_name_word(doc, norms, blocked, i) else None
            if not _ARABIC_WORD.fullmatch(doc[i].text):
                # «سكرتير محافظ عدن، وجدان الشعيبي»: the name may follow the
                # role after one comma when a known given name comes next.
                if doc[i].text in _COMMAS and i > start and i + 1 < n and norms[i + 1] in self.all_given_names and self._is_name_word(doc, norms, blocked, i + 1):
                    return i + 1
                return None
            if norm in self.title_words:
                return None
            # «المتحدث باسم حاكم ولاية ننغرهار عطاء الله ...»: the place an
            # office belongs to may stand between role and name.
            if norm != "باسم" and norm in self.name_stopwords and norm not in self.nationalities and not self._is_descriptor(norm):
                return None
        return None

    def _extend_name(self, doc: Doc, norms: list[str], blocked: list[bool], start: int, after_title: bool) -> int:
        """End of the name starting at `start`: up to `max_name_tokens` words.
        After the first word, given names, article surnames and particles
        continue a name; another bare word («رسول» in «يحيى رسول», «شياع» in
        «محمد شياع السوداني») only in second position, after a title or
        before a name-like word, because in that place it is more often a
        verb or a noun («صدام حسين يشكل», «نزار يكتب»). A particle
        («بن», «أبو», «عبد») never ends a name."""
        n = len(doc)
        end = start + 1
        while end < n and end - start < self.max_name_tokens:
            norm = norms[end]
            if norm in self.name_particles:
                end += 1
                continue
            if (
                end == start + 1
                and doc[end].text in _PROCLITICS
                and not doc[end].whitespace_
                and end + 2 <= n
                and self._is_name_word(doc, norms, blocked, end + 1)
                and self._role_follows(doc, norms, end + 2)
            ):
                # «نجية بونعيم، النائبة»: a family name the tokenizer read as
                # «ب» + «ونعيم», closed by a role in apposition.
                end += 2
                break
            if not self._is_name_word(doc, norms, blocked, end):
                break
            # «عطاء الله خوجياني»: a given name compounded with «الله» is one
            # word; the next one is read as the second.
            second = end == start + 1 or (end == start + 2 and norms[start + 1] == "الله")
            after_particle = norms[end - 1] in self.name_particles
            if not self._is_name_like(norm):
                followed = end + 1 < n and self._is_name_word(doc, norms, blocked, end + 1) and self._is_name_like(norms[end + 1])
                if second and not followed:
                    followed = self._role_follows(doc, norms, end + 1)
                if not (second and (after_title or followed)) and not after_particle:
                    break
            elif norm.startswith("ال") and not second and not after_particle and not norm.endswith("ي") and norm not in self.all_given_names:
                # From the third word on, an article word must look like a
                # family name («الجبوري»); «العميد سلوان الجبوري الوفد» is
                # the object of the verb.
                break
            end += 1
        while end > start and norms[end - 1] in self.name_particles:
            end -= 1
        # Never stop inside a written word: a suffix the tokenizer split off
        # a name («المحنا» → «المح» + «نا») belongs to it.
        while end > start and end < n and not doc[end - 1].whitespace_ and _ARABIC_WORD.fullmatch(doc[end].text):
            end += 1
        # «عبد الله الثاني», «محمد السادس»: a regnal number after a lone given name.
        if end == start + 1 and end < n and norms[start] in self.all_given_names and norms[end] in _REGNAL_ORDINALS:
            end += 1
        return end

    def _is_title_word(self, norm: str) -> bool:
        """A title's first word, also in the feminine («النائبة»)."""
        return norm in self.title_words or (norm.endswith("ه") and norm[:-1] in self.title_words)

    def _role_follows(self, doc: Doc, norms: list[str], i: int) -> bool:
        """«نجية بونعيم، النائبة الإقليمية», «فلان الباحث في»: a role in
        apposition, right after the name or after one comma, closes it."""
        if i < len(doc) and doc[i].text in _COMMAS:
            i += 1
        return i < len(doc) and _ARABIC_WORD.fullmatch(doc[i].text) is not None and norms[i].startswith("ال") and self._is_title_word(norms[i])

    def _surname_mentions(self, doc: Doc, norms: list[str], spans: list[Span], gazetteer_spans: list[Span]) -> list[Span]:
        """«مصطفى الكاظمي ... وأكد الكاظمي»: later bare surnames of a person
        found in the document. Given names are not propagated (too common)."""
        surnames = {
            norms[s.end - 1]
            for s in spans
            if s.label_ == "PER"
            and len(s) >= 2
            and s.id != _WEAK
            and norms[s.end - 1] not in self.all_given_names
            and len(norms[s.end - 1]) > 2
            # «عبد العزيز»: the word after a particle is half of a given name.
            and norms[s.end - 2] not in self.name_particles
        }
        if not surnames:
            return []
        # Words the gazetteers know as something else («الحوثي») are not
        # propagated even where a context rule dropped them.
        covered = {i for s in spans for i in range(s.start, s.end)}
        covered |= {i for s in gazetteer_spans if s.label_ != "PER" for i in range(s.start, s.end)}
        return [Span(doc, i, i + 1, label="PER") for i, norm in enumerate(norms) if norm in surnames and i not in covered]


DEFAULT_GROUP_MEMBER_WORDS = [
    "عناصر", "عنصر", "مسلحي", "مسلحو", "مسلحين", "مقاتلي", "مقاتلو", "مقاتلين",
    "ميليشيا", "ميليشيات", "مليشيا", "مليشيات", "خلايا", "خلية", "فصائل", "معاقل",
    "قادة", "قيادي", "زعيم", "أمير", "متشددي", "متشددو", "حركة", "جماعة", "تنظيم",
    "هجوم", "هجمات", "مواقع", "سيطرة",
]
# A single-word group name followed by one of these is a common noun
# («القاعدة العسكرية» = the base).
DEFAULT_GROUP_BLOCKING_NEXT_WORDS = [
    "العسكرية", "الجوية", "البحرية", "البرية", "الأمريكية", "الأميركية", "الروسية",
    "التركية", "الفرنسية", "البريطانية", "الإيرانية", "العراقية", "السورية",
    "الأساسية", "الشعبية", "الذهبية", "القانونية", "الدستورية", "الانتخابية",
    "الجماهيرية", "الصناعية", "الرياضية", "العريضة",
]
# Descriptors so general (or plural) that only a definite word after them is
# taken as a name: «منطقة الكرادة» but not «منطقة سكنية», «مناطق واسعة».
DEFAULT_DEFINITE_ONLY_DESCRIPTORS = ["منطقة", "مناطق", "مدن", "قرى", "بلدات", "أحياء", "أقضية", "نواحي", "جزر", "جبال", "محيط"]
DEFAULT_ORG_ADJECTIVE_HEADS = ["وزارة", "مجلس", "هيئة", "رئاسة", "مفوضية", "محكمة", "المحكمة", "ديوان", "سفارة", "قنصلية"]
# Outlet words before a media name stay outside it («قناة الميادين» → ORG
# «الميادين»), and let ambiguous media names count («صحيفة الحياة»).
DEFAULT_OUTLET_WORDS = ["وكالة", "قناة", "صحيفة", "جريدة", "مجلة", "موقع", "إذاعة", "تلفزيون", "شبكة", "فضائية"]
# Institutions named after a place are ORG with their head («جامعة الموصل»).
DEFAULT_INSTITUTION_HEADS = ["جامعة", "مستشفى", "كلية", "معهد", "محكمة", "بلدية"]
# Ministries named by their portfolio and a country adjective («الخارجية
# المصرية» = the Egyptian foreign ministry, an ORG).
DEFAULT_MINISTRY_SHORT_NAMES = ["الخارجية", "الداخلية", "الدفاع"]
DEFAULT_NAME_PARTICLES = ["بن", "ابن", "بنت", "أبو", "ابو", "أبي", "ابي", "أم", "ام", "آل", "عبد", "ولد"]


@Language.factory(
    "arsec_gazetteer",
    default_config={
        "data_dir": None,
        "labels": ALL_LABELS,
        "overwrite_ents": False,
        "person_rules": True,
        "max_name_tokens": 4,
        "role_window": 4,
        "propagate_surnames": True,
        "loc_descriptor_rule": True,
        "max_descriptor_name_tokens": 2,
        "definite_only_descriptors": DEFAULT_DEFINITE_ONLY_DESCRIPTORS,
        "group_member_words": DEFAULT_GROUP_MEMBER_WORDS,
        "group_blocking_next_words": DEFAULT_GROUP_BLOCKING_NEXT_WORDS,
        "org_adjective_heads": DEFAULT_ORG_ADJECTIVE_HEADS,
        "name_particles": DEFAULT_NAME_PARTICLES,
        "outlet_words": DEFAULT_OUTLET_WORDS,
        "institution_heads": DEFAULT_INSTITUTION_HEADS,
        "override_labels": ["ARMED_GROUP"],
        "fix_ent_edges": True,
        "ministry_short_names": DEFAULT_MINISTRY_SHORT_NAMES,
    },
)
def make_gazetteer(
    nlp: Language,
    name: str,
    data_dir: Optional[str],
    labels: list[str],
    overwrite_ents: bool,
    person_rules: bool,
    max_name_tokens: int,
    role_window: int,
    propagate_surnames: bool,
    loc_descriptor_rule: bool,
    max_descriptor_name_tokens: int,
    definite_only_descriptors: list[str],
    group_member_words: list[str],
    group_blocking_next_words: list[str],
    org_adjective_heads: list[str],
    name_particles: list[str],
    outlet_words: list[str],
    institution_heads: list[str],
    override_labels: list[str],
    fix_ent_edges: bool,
    ministry_short_names: list[str],
) -> GazetteerRecognizer:
    return GazetteerRecognizer(
        nlp,
        name,
        data_dir=data_dir,
        labels=labels,
        overwrite_ents=overwrite_ents,
        person_rules=person_rules,
        max_name_tokens=max_name_tokens,
        role_window=role_window,
        propagate_surnames=propagate_surnames,
        loc_descriptor_rule=loc_descriptor_rule,
        max_descriptor_name_tokens=max_descriptor_name_tokens,
        definite_only_descriptors=definite_only_descriptors,
        group_member_words=group_member_words,
        group_blocking_next_words=group_blocking_next_words,
        org_adjective_heads=org_adjective_heads,
        name_particles=name_particles,
        outlet_words=outlet_words,
        institution_heads=institution_heads,
        override_labels=override_labels,
        fix_ent_edges=fix_ent_edges,
        ministry_short_names=ministry_short_names,
    )
