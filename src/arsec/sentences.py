"""Sentence segmentation for Arabic news text.

A sentence ends after . .. ... ؟ ? ! ؛ (and runs of them), after a closing
quote or bracket that follows such a mark, and at every line break: news
headlines, datelines and list items have no final stop. The Arabic comma «،»
never ends a sentence. A stop between digits («3.5») is part of a number and
never reaches this component as its own token.
"""
from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_END_PUNCT = [".", "..", "...", "…", "؟", "?", "!", "؛", ";"]
DEFAULT_CLOSERS = ['"', "»", "”", "’", "'", ")", "]", "}"]


class ArabicSentencizer:
    def __init__(self, end_punct: list[str], closers: list[str], break_on_newline: bool):
        self.end_punct = set(end_punct)
        self.closers = set(closers)
        self.break_on_newline = break_on_newline
        # Per string-hash answers, so each token costs a dict lookup: the
        # component reads token attributes as arrays and never builds Token
        # objects (it ran slower than the tokenizer when it did).
        self._kinds: dict[int, int] = {}

    def _kind(self, doc: Doc, orth: int, is_space: bool) -> int:
        kind = self._kinds.get(orth)
        if kind is None:
            text = doc.vocab.strings[orth]
            if is_space:
                kind = _NEWLINE if self.break_on_newline and "\n" in text else _SPACE
            elif _is_end_punct(text, self.end_punct):
                kind = _END
            elif text in self.closers:
                kind = _CLOSER
            else:
                kind = _OTHER
            self._kinds[orth] = kind
        return kind

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        columns = doc.to_array([ORTH, IS_SPACE, SPACY]).tolist()
        kinds = [self._kind(doc, orth, bool(space)) for orth, space, _ in columns]
        starts = [-1] * n
        starts[0] = 1
        i = 0
        while i < n:
            kind = kinds[i]
            if kind == _END:
                # Take further stops and closing quotes/brackets along.
                while i + 1 < n and (
                    kinds[i + 1] == _END or (kinds[i + 1] == _CLOSER and not columns[i][2])
                ):
                    i += 1
            elif kind != _NEWLINE:
                i += 1
                continue
            j = i + 1
            # Whitespace tokens stay with the sentence they close.
            while j < n and kinds[j] in (_SPACE, _NEWLINE):
                j += 1
            if j < n:
                starts[j] = 1
            i = j
        # -1 (not a start) wraps in uint64, the dtype from_array takes, and is read back as -1.
        doc.from_array([SENT_START], numpy.asarray(starts, dtype="int64").astype("uint64"))
        return doc


_OTHER, _SPACE, _NEWLINE, _END, _CLOSER = range(5)


def _is_end_punct(text: str, marks: set[str]) -> bool:
    return text in marks or (len(text) > 1 and set(text) <= {".", "…", "؟", "?", "!"})


@Language.factory(
    "arsec_sentencizer",
    default_config={
        "end_punct": DEFAULT_END_PUNCT,
        "closers": DEFAULT_CLOSERS,
        "break_on_newline": True,
    },
)
def make_sentencizer(
    nlp: Language, name: str, end_punct: list[str], closers: list[str], break_on_newline: bool
) -> ArabicSentencizer:
    return ArabicSentencizer(end_punct, closers, break_on_newline)
