"""Convert the external NER corpora to spaCy DocBins in the arsec scheme.

Reads ANERcorp, AQMAR (Topcoder split) and NewsFANE Gold from
`../shared/data/ner` (whitespace tokens with BIO tags), rebuilds each sentence
as text (tokens joined by one space), tokenises it with the arsec tokenizer and
maps every gold entity onto arsec tokens:

1. corpus label → arsec label (`LABEL_MAPS`, see training/label_mapping.md);
2. arsec relabelling rules (`arsec.relabel.relabel_span`): armed groups,
   forces and units, generic mentions, group words;
3. span edges moved to ANNOTATION.md boundaries: attached proclitics
   (و ف ب ل ك) and edge punctuation left out, ل+ل starts at the second ل, a
   leading LOC descriptor left out;
4. the character span is aligned to tokens strictly; only when that fails,
   `alignment_mode="expand"` and then `"contract"` (counted and listed).

Splits (no test data is read except to remove its sentences from training):
- train: ANERcorp train minus its last 10 % (anercorp-dev), AQMAR Topcoder
  train, NewsFANE minus sentences found in ANERcorp test or anercorp-dev;
- dev: anercorp-dev (dev.spacy), AQMAR Topcoder dev (dev_aqmar.spacy).

Outputs go to training/work/corpus/: DocBins, `anercorp_dev.jsonl` (the raw
ANERcorp tokens and tags of the dev part, for `anercorp_eval.py`),
`stats.json` and `review_*.tsv` (every relabelled, masked or unaligned span,
for review; these hold corpus text and must stay out of git).

    python training/convert_corpora.py [--data ../shared/data/ner] [--out training/work/corpus]
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import arsec
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from arsec.normalize import normalize
from arsec.relabel import loc_descriptor_words, place_stems, relabel_span

MASK = "__MASK__"  # tokens of the span get a missing NER label (no loss)

# Corpus label → arsec label; None drops the span (tokens become O), MASK
# hides its tokens from the loss. See training/label_mapping.md for why.
LABEL_MAPS: dict[str, dict[str, Optional[str]]] = {
    "anercorp": {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"},
    # AQMAR's MIS is article-specific (chemical elements, software, sports
    # terms), not our MISC: masked rather than taught either way.
    "aqmar": {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": MASK},
    "newsfane": {
        **{k: "PER" for k in (
            "Politician Athlete Artist Other_PER Religious_PER Scientist "
            "Businessperson Police Lawyer Engineer").split()},
        # NewsFANE's "Group" is nationalities, ethnic and religious groups.
        "Group": None,
        **{k: "ORG" for k in (
            "Non-Governmental Sports Media Government Commercial Educational "
            "Medical-Science Entertainment Religious_ORG").split()},
        **{k: "LOC" for k in (
            "Nation Population-Center State-or-Province GPE-Cluster "
            "County-or-District Continent Water-Body Land-Region-Natural "
            "Celestial Building-Grounds Airport Path Subarea-Facility").split()},
        # Products, vehicles and weapons: ANNOTATION.md puts named weapon and
        # aircraft types in MISC; the other products follow.
        **{k: "MISC" for k in (
            "Book Movie Software Hardware Food Drug Plant Air Land Water "
            "Projectile Shooting").split()},
    },
}

_LAM_LAM = re.compile(r"^([وف]?)ل(ل.+)$")
_PROCLITIC_ANY = re.compile(r"^([وف]?)([بكل]?)(..+)$")
_MARKS = "\u064B-\u065F\u0670\u0640"
_LEADING_PUNCT = re.compile(rf"^[^\w{_MARKS}]+")
_TRAILING_PUNCT = re.compile(rf"[^\w{_MARKS}]+$")
_QUOTED_TAIL = re.compile(r"[\"«“”(\[]\s*([^\"«»“”()\[\]]+)")
_NOT_LETTER = re.compile(r"[^\w]|_")
_SHINGLE = 30  # characters of normalised letters shared to call a sentence a copy


# ---------------------------------------------------------------- reading
@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]
    corpus: str
    split: str

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def read_jsonl(path: Path, corpus: str, split: str) -> list[Sentence]:
    with path.open(encoding="utf8") as f:
        return [Sentence(d["tokens"], d["tags"], corpus, split) for d in map(json.loads, f)]


def bio_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """(label, start, end) token spans; an I- without a matching B- opens a span."""
    spans: list[list] = []
    for i, tag in enumerate(tags):
        if tag == "O" or "-" not in tag:
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "I" and spans and spans[-1][0] == label and spans[-1][2] == i:
            spans[-1][2] = i + 1
        else:
            spans.append([label, i, i + 1])
    return [tuple(s) for s in spans]


# ---------------------------------------------------------------- overlap
def letters_key(text: str) -> str:
    """Normalised letters and digits only: survives re-tokenisation, split-off
    «و», punctuation and alef spelling differences between corpora."""
    return _NOT_LETTER.sub("", normalize(text))


class CopyFinder:
    """Finds sentences that repeat text of a reference set (word-for-word after
    `letters_key`): a sentence is a copy when it shares a `_SHINGLE`-character
    window with the reference text, or, if shorter, equals a reference sentence."""

    def __init__(self, sentences: Iterable[Sentence], size: int = _SHINGLE):
        self.size = size
        keys = [letters_key(s.text) for s in sentences]
        self.exact = {k for k in keys if k}
        stream = "".join(keys)
        self.windows = {stream[i : i + size] for i in range(len(stream) - size + 1)}

    def is_copy(self, sentence: Sentence) -> bool:
        key = letters_key(sentence.text)
        if len(key) < self.size:
            return key in self.exact
        return any(key[i : i + self.size] in self.windows for i in range(len(key) - self.size + 1))


# ---------------------------------------------------------------- span edges
@dataclass
class WordEvidence:
    """Normalised word counts: `words` over all tokens, `starts` over the first
    words of gold entities. A clitic is split off a span's first word only when
    the bare form is a more frequent word than the whole form and is used as
    a name («وبغداد» → «بغداد»; «فريد» stays, «ريد» is rarer; «فان» stays,
    «ان» is a function word) — see `prefers_bare`."""

    words: Counter
    starts: Counter

    @classmethod
    def from_sentences(cls, sentences: Iterable[Sentence]) -> "WordEvidence":
        words: Counter = Counter()
        starts: Counter = Counter()
        for s in sentences:
            words.update(normalize(t) for t in s.tokens)
            for _, start, _ in bio_spans(s.tags):
                word = s.tokens[start].split()[0] if s.tokens[start].strip() else ""
                starts[normalize(word)] += 1
        return cls(words, starts)

    def prefers_bare(self, bare: str, whole: str) -> bool:
        starts, words = self.starts.get(bare, 0), self.words.get(bare, 0)
        if not starts:
            return False
        if bare.startswith("ال"):
            # Clitic + article: the bare form only has to be the commoner one.
            return words > self.words.get(whole, 0)
        # Otherwise the bare form must be clearly more frequent (twice), and
        # mostly a name (a fifth of its uses start an entity), so that a
        # frequent function word does not win («فان» ≠ ف + «ان», «فاس»,
        # «بان كي مون»); two-letter forms need a majority of name uses.
        share = starts / words
        return (
            words > 2 * self.words.get(whole, 0)
            and share >= 0.2
            and (len(bare) >= 3 or share >= 0.5)
        )


def proclitic_length(word: str, evidence: WordEvidence) -> int:
    """Number of leading proclitic letters (و ف ب ل ك) to leave outside a span
    that starts with `word`, in normalised letters.

    ل+ل keeps the second ل (ANNOTATION.md: «للشرطة» → «لشرطة», «لليبيا» →
    «ليبيا») when the form with the article restored or the form after the
    first ل is attested. Otherwise the longest clitic sequence whose bare form
    `evidence` prefers is stripped, so that names such as «بغداد», «فالنسيا» or
    «لبنان» keep their first letter.
    """
    norm = normalize(word)
    m = _LAM_LAM.match(norm)
    if m:
        rest = m.group(2)  # starts with the second ل
        if evidence.prefers_bare("ا" + rest, norm) or evidence.prefers_bare(rest, norm):
            return len(m.group(1)) + 1
    m = _PROCLITIC_ANY.match(norm)
    if m and (m.group(1) or m.group(2)):
        for cut in sorted({len(m.group(1)), len(m.group(1)) + len(m.group(2))} - {0}, reverse=True):
            if evidence.prefers_bare(norm[cut:], norm):
                return cut
    return 0


def skip_letters(text: str, start: int, n_letters: int) -> int:
    """Character index after `n_letters` normalised letters from `start`
    (diacritics and tatweel after a clitic go with it)."""
    i = start
    while n_letters > 0 and i < len(text):
        if normalize(text[i]):
            n_letters -= 1
        i += 1
    while i < len(text) and not normalize(text[i]) and not text[i].isspace():
        i += 1
    return i


# ---------------------------------------------------------------- conversion
@dataclass
class Stats:
    labels: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)
    edges: Counter = field(default_factory=Counter)
    alignment: Counter = field(default_factory=Counter)
    review: list = field(default_factory=list)


class Converter:
    def __init__(self, nlp: Language, evidence: WordEvidence, stems: frozenset[str]):
        self.nlp = nlp
        self.evidence = evidence
        self.stems = stems
        self.stats: dict[str, Stats] = defaultdict(Stats)

    def convert(self, sentence: Sentence) -> Doc:
        stats = self.stats[f"{sentence.corpus}/{sentence.split}"]
        text = sentence.text
        starts, pos = [], 0
        for token in sentence.tokens:
            starts.append(pos)
            pos += len(token) + 1
        doc = self.nlp.make_doc(text)
        ents: list[Span] = []
        missing: list[Span] = []
        label_map = LABEL_MAPS[sentence.corpus]
        for corpus_label, t_start, t_end in bio_spans(sentence.tags):
            start = starts[t_start]
            end = starts[t_end - 1] + len(sentence.tokens[t_end - 1])
            gold_text = text[start:end]
            label = label_map.get(corpus_label, MASK)
            if label is MASK:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None:
                    missing.append(span)
                stats.rules[f"{corpus_label}->masked"] += 1
                stats.review.append(("masked", corpus_label, "", gold_text))
                continue
            if label is None:
                stats.rules[f"{corpus_label}->O (label map)"] += 1
                continue
            start, end = self._edges(text, start, end, label, stats)
            if start >= end:
                stats.edges["empty after edge rules"] += 1
                continue
            new_label, rule = relabel_span(text[start:end], label, self.stems)
            if rule != "keep":
                stats.rules[f"{label}->{new_label or 'O'} ({rule})"] += 1
                stats.review.append((rule, label, new_label or "O", text[start:end]))
            if new_label is None:
                continue
            span = self._align(doc, start, end, new_label, stats, gold_text)
            if span is not None:
                ents.append(span)
        ents = _drop_overlaps(ents)
        doc.set_ents(ents, missing=missing or None, default="outside")
        for ent in doc.ents:
            stats.labels[ent.label_] += 1
        return doc

    def _edges(self, text: str, start: int, end: int, label: str, stats: Stats) -> tuple[int, int]:
        span_text = text[start:end]
        lead = _LEADING_PUNCT.match(span_text)
        trail = _TRAILING_PUNCT.search(span_text)
        if lead:
            start += lead.end()
            stats.edges["leading punctuation"] += 1
        if trail and trail.start() > 0:
            end = start + (trail.start() - (lead.end() if lead else 0))
            stats.edges["trailing punctuation"] += 1
        if start >= end:
            return start, end
        # A name in quotation marks or brackets: the span is the quoted part
        # (ANNOTATION.md §6, «تنظيم "داعش"» → «داعش»).
        quoted = _QUOTED_TAIL.search(text, start, end)
        if quoted and quoted.end() == end:
            start = quoted.start(1)
            stats.edges["quoted name"] += 1
        first_word = text[start:end].split()[0]
        n = proclitic_length(first_word, self.evidence)
        if n:
            new_start = skip_letters(text, start, n)
            kind = "ل+ل" if _LAM_LAM.match(normalize(first_word)) and text[new_start] == "ل" else "proclitic"
            stats.edges[kind] += 1
            start = new_start
        if label == "LOC" and loc_descriptor_words(text[start:end]):
            rest = text[start:end].split(None, 1)[1]
            start = end - len(rest)
            stats.edges["LOC descriptor"] += 1
        return start, end

    def _align(self, doc: Doc, start: int, end: int, label: str, stats: Stats, gold_text: str) -> Optional[Span]:
        span = doc.char_span(start, end, label=label)
        if span is not None:
            stats.alignment["exact"] += 1
            return span
        # expand first: a clitic the tokenizer left attached stays inside the
        # span, which keeps the name; contract would drop its whole first word.
        for mode in ("expand", "contract"):
            span = doc.char_span(start, end, label=label, alignment_mode=mode)
            if span is not None and len(span):
                stats.alignment[mode] += 1
                stats.review.append((f"unaligned->{mode}", label, span.text, doc.text[start:end]))
                return span
        stats.alignment["dropped"] += 1
        stats.review.append(("unaligned->dropped", label, "", doc.text[start:end]))
        return None


def _drop_overlaps(spans: list[Span]) -> list[Span]:
    """Gold spans never overlap, but expanded fall-back spans can."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


# ---------------------------------------------------------------- main
def make_nlp() -> Language:
    return arsec.blank()


def load_splits(data: Path, dev_fraction: float = 0.1) -> tuple[dict[str, list[Sentence]], dict]:
    """Return the sentence lists per output split and the overlap report."""
    anercorp_train = read_jsonl(data / "anercorp/train.jsonl", "anercorp", "train")
    n_dev = round(len(anercorp_train) * dev_fraction)
    anercorp_dev = [Sentence(s.tokens, s.tags, "anercorp", "dev") for s in anercorp_train[-n_dev:]]
    anercorp_train = anercorp_train[:-n_dev]
    # ANERcorp test is read only to keep its text out of training.
    anercorp_test = read_jsonl(data / "anercorp/test.jsonl", "anercorp", "test")
    aqmar_train = read_jsonl(data / "aqmar/topcoder_train.jsonl", "aqmar", "train")
    aqmar_dev = read_jsonl(data / "aqmar/topcoder_dev.jsonl", "aqmar", "dev")
    newsfane = read_jsonl(data / "newsfane_gold/all.jsonl", "newsfane", "train")

    in_test = CopyFinder(anercorp_test)
    in_dev = CopyFinder(anercorp_dev)
    in_train = CopyFinder(anercorp_train)
    overlap = Counter()
    newsfane_kept = []
    for s in newsfane:
        t, d, tr = in_test.is_copy(s), in_dev.is_copy(s), in_train.is_copy(s)
        overlap["newsfane sentences"] += 1
        overlap["newsfane in anercorp test (dropped)"] += t
        overlap["newsfane in anercorp-dev (dropped)"] += d and not t
        overlap["newsfane in anercorp train part (kept)"] += tr and not (t or d)
        if not (t or d):
            newsfane_kept.append(s)
    anercorp_train_kept = []
    for s in anercorp_train:
        if in_test.is_copy(s) or in_dev.is_copy(s):
            overlap["anercorp train sentences also in test or dev (dropped)"] += 1
        else:
            anercorp_train_kept.append(s)
    overlap["newsfane kept"] = len(newsfane_kept)
    splits = {
        "train": anercorp_train_kept + aqmar_train + newsfane_kept,
        "dev": anercorp_dev,
        "dev_aqmar": aqmar_dev,
    }
    return splits, dict(overlap)


def convert_all(data: Path, out: Path) -> dict:
    splits, overlap = load_splits(data)
    evidence = [s for name in ("train", "dev", "dev_aqmar") for s in splits[name]]
    word_evidence = WordEvidence.from_sentences(evidence)
    loc_names = [
        " ".join(s.tokens[a:b]) for s in evidence for label, a, b in bio_spans(s.tags)
        if LABEL_MAPS[s.corpus].get(label) == "LOC"
    ]
    converter = Converter(make_nlp(), word_evidence, place_stems(loc_names))
    out.mkdir(parents=True, exist_ok=True)
    n_docs, n_words = {}, {}
    for name, sentences in splits.items():
        db = DocBin(store_user_data=False)
        for s in sentences:
            db.add(converter.convert(s))
        db.to_disk(out / f"{name}.spacy")
        n_docs[name] = len(sentences)
        n_words[name] = sum(len(s.tokens) for s in sentences)
    with (out / "anercorp_dev.jsonl").open("w", encoding="utf8") as f:
        for s in splits["dev"]:
            f.write(json.dumps({"tokens": s.tokens, "tags": s.tags}, ensure_ascii=False) + "\n")
    stats = {
        "sentences": n_docs,
        "whitespace_tokens": n_words,
        "overlap": overlap,
        "per_corpus": {
            key: {
                "labels": dict(st.labels),
                "rules": dict(st.rules),
                "edges": dict(st.edges),
                "alignment": dict(st.alignment),
            }
            for key, st in sorted(converter.stats.items())
        },
    }
    (out / "stats.json").write_text(json.dumps(stats, ensure_ascii=False, indent=1), encoding="utf8")
    with (out / "review.tsv").open("w", encoding="utf8") as f:
        for key, st in sorted(converter.stats.items()):
            for row in st.review:
                f.write("\t".join((key,) + tuple(row)) + "\n")
    return stats


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=root.parent / "shared/data/ner")
    parser.add_argument("--out", type=Path, default=root / "training/work/corpus")
    args = parser.parse_args()
    stats = convert_all(args.data, args.out)
    print(json.dumps(stats, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
