"""PROVISIONAL tokenizer (to be replaced by the clitic-aware one).

Splits punctuation and only the proclitics in front of the article
(وال، بال، لل ...). Interface that stays: `ArabicTokenizer(vocab)` is called on
a text and returns a Doc whose text is the input, token NORM is the normalised
form, with the article restored on the host after ل («لشرطة» → «الشرطه»).
"""
from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from .normalize import normalize

_TOKEN = re.compile(
    r"[\u0621-\u064A\u0660-\u0669\u066E-\u06D3\u06F0-\u06F9\u064B-\u065F\u0670\u0640]+"  # Arabic
    r"|\d+(?:[.,٫]\d+)*"
    r"|[A-Za-z]+"
    r"|\.{2,}"
    r"|\s+"
    r"|\S",
)
_ARTICLE_CLITICS = re.compile(r"^([وف]?)([بكل]?)(ال.{2,})$")
_LAM_LAM = re.compile(r"^([وف]?)(ل)(ل.{2,})$")


class ArabicTokenizer:
    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def _split_word(self, word: str) -> list[tuple[str, bool]]:
        """Return (piece, restores_article) pairs."""
        m = _LAM_LAM.match(word)
        if m and not word.startswith("لل") or (m and word.startswith("لل")):
            pieces = [(p, False) for p in m.groups()[:2] if p]
            pieces.append((m.group(3), True))
            return pieces
        m = _ARTICLE_CLITICS.match(word)
        if m and (m.group(1) or m.group(2)):
            return [(p, False) for p in m.groups() if p]
        return [(word, False)]

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[str | None] = []
        for match in _TOKEN.finditer(text):
            piece_text = match.group()
            if piece_text.isspace():
                # spaCy convention: one plain space after a token is its
                # trailing whitespace; any other whitespace is a token.
                if words and not spaces[-1] and piece_text[0] == " ":
                    spaces[-1] = True
                    piece_text = piece_text[1:]
                if piece_text:
                    words.append(piece_text)
                    spaces.append(False)
                    norms.append(None)
                continue
            for piece, restores in self._split_word(piece_text):
                words.append(piece)
                spaces.append(False)
                norms.append("ال" + normalize(piece[1:]) if restores else None)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token, norm in zip(doc, norms):
            if norm is not None:
                token.norm_ = norm
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "ArabicTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "ArabicTokenizer":
        return self


def _install_norm(vocab: Vocab) -> None:
    from spacy.attrs import NORM

    vocab.lex_attr_getters[NORM] = normalize


@registry.tokenizers("arsec.ArabicTokenizer.v1")
def create_arabic_tokenizer() -> Callable[[Language], ArabicTokenizer]:
    def make(nlp: Language) -> ArabicTokenizer:
        _install_norm(nlp.vocab)
        return ArabicTokenizer(nlp.vocab)

    return make
