"""Sentence segmentation for Arabic news text.

A sentence ends after . .. ... ؟ ? ! ؛ (and runs of them), after a closing
quote or bracket that follows such a mark, and at every line break: news
headlines, datelines and list items have no final stop. The Arabic comma «،»
never ends a sentence. A stop between digits («3.5») is part of a number and
never reaches this component as its own token.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_END_PUNCT = [".", "..", "...", "…", "؟", "?", "!", "؛", ";"]
DEFAULT_CLOSERS = ['"', "»", "”", "’", "'", ")", "]", "}"]


class ArabicSentencizer:
    def __init__(self, end_punct: list[str], closers: list[str], break_on_newline: bool):
        self.end_punct = set(end_punct)
        self.closers = set(closers)
        self.break_on_newline = break_on_newline

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        starts = [False] * n
        starts[0] = True
        i = 0
        while i < n:
            token = doc[i]
            text = token.text
            ends = False
            if self.break_on_newline and ("\n" in text or "\n" in token.whitespace_):
                ends = True
            elif _is_end_punct(text, self.end_punct):
                ends = True
                # Take further stops and closing quotes/brackets along.
                while i + 1 < n and (
                    _is_end_punct(doc[i + 1].text, self.end_punct)
                    or (doc[i + 1].text in self.closers and not token.whitespace_)
                ):
                    i += 1
                    token = doc[i]
            if ends:
                j = i + 1
                # Whitespace tokens stay with the sentence they close.
                while j < n and doc[j].is_space:
                    j += 1
                if j < n:
                    starts[j] = True
                i = j
                continue
            i += 1
        for token, is_start in zip(doc, starts):
            token.is_sent_start = is_start
        return doc


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
