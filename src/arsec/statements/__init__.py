"""Attributed statements (who said what), rule-based, per ANNOTATION.md §4 and §6.

The component finds reporting cues (verbs such as «قال», participles such as
«مشيرا», phrases such as «بحسب» or «وفق ما أفادت»), then reads the source noun
phrase next to the cue, the channel («في بيان»), the content (a quote, a clause
after a complementiser, a preposition's object, or the clause before a phrase
cue), decides the type (direct / indirect / mixed) and resolves the speaker
from `doc.ents`. It writes `doc._.statements`: plain dicts with character
offsets into `doc.text` (see docs/architecture.md and
docs/guidelines/statements.md for every rule).

Modules, one job each:
    lexicon   cue and word lists (data/statements/)
    words     the word view of the text, quote pairing, word helpers
    zones     what sits between cue, source and content (time, channel, outlet)
    source    the source noun phrase
    content   the content span and where clauses end
    cues      pass one: cues and the statement built around each
    speaker   the entity a statement is attributed to
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .content import ContentReader
from .cues import CueFinder
from .found import Found
from .lexicon import load_lexicon
from .source import SourceReader
from .speaker import SpeakerResolver
from .words import QUOTE_CHARS, WordView
from .zones import ZoneReader

DEFAULT_SPEAKER_LABELS = ["PER", "ORG", "MIL_UNIT", "ARMED_GROUP", "LOC"]

if not Doc.has_extension("statements"):
    Doc.set_extension("statements", default=None)


class StatementFinder(CueFinder, SourceReader, ContentReader, ZoneReader, SpeakerResolver):
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
        max_appositions: int = 3,
        role_window: int = 6,
        min_quote_words_for_cues: int = 6,
    ):
        self.lex = load_lexicon(cues_path, words_path)
        self.max_source_words = max_source_words
        self.max_fronted = max_fronted_source_words
        self.quotes_across_sentences = quotes_across_sentences
        self.max_quote_chars = max_quote_chars
        self.skip_cues_in_quotes = skip_cues_in_quotes
        self.speaker_labels = set(speaker_labels)
        self.max_appositions = max_appositions
        self.role_window = role_window
        self.min_quote_words_for_cues = min_quote_words_for_cues
        # Every first word that can start a cue, for a cheap first filter.
        lx = self.lex
        self._phrase_first = (
            lx.phrase_cues_alone
            | lx.phrase_cues_lam
            | lx.phrase_cues_with_verb_one_word
            | {p[0] for p in lx.phrase_cues_with_verb_two_words}
            | {p[0] for p in lx.phrase_relay}
            | lx.phrase_cues_as
            | {"في"}
        )

    def __call__(self, doc: Doc) -> Doc:
        view = WordView(doc, self.speaker_labels)
        found = self._find(view)
        self._close_clauses(view, found)
        doc._.statements = self._to_records(view, found)
        return doc

    def _to_records(self, v: WordView, found: list[Found]) -> list[dict]:
        records = []
        speakers = self._speakers(v, found)
        for f, speaker in zip(found, speakers):
            cs, ce = f.content_start, f.content_end
            if f.kind == "direct":
                typ = "direct"
            else:
                typ = "mixed" if QUOTE_CHARS.search(v.text, cs, ce) else "indirect"
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
        records.sort(key=lambda r: (r["cue"][0], r["cue"][1]))
        return records


@Language.factory(
    "arsec_statements",
    default_config={
        "cues_path": None,
        "words_path": None,
        "max_source_words": 14,
        "max_fronted_source_words": 8,
        "quotes_across_sentences": True,
        "max_quote_chars": 3000,
        "skip_cues_in_quotes": False,
        "speaker_labels": DEFAULT_SPEAKER_LABELS,
        "max_appositions": 3,
        "role_window": 6,
        "min_quote_words_for_cues": 6,
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
    max_appositions: int,
    role_window: int,
    min_quote_words_for_cues: int,
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
        max_appositions,
        role_window,
        min_quote_words_for_cues,
    )
