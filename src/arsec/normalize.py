"""Spelling normalisation for matching and lookups.

Arabic news spells one word several ways: hamza on alef or not (أ إ آ ٱ ا),
final ى or ي, final ة or ه, tatweel (ـ) for justification, optional
diacritics, and Arabic-Indic or Latin digits. Every lookup in arsec (lexicons,
gazetteers, Matcher patterns on NORM) goes through `normalize`, so one entry
covers all spellings.

Normalisation never touches the text a Doc holds: offsets always refer to the
original characters. `normalize_with_map` gives the way back when a component
has to search normalised text and report original offsets.
"""
from __future__ import annotations

import re

TATWEEL = "\u0640"
# Harakat, tanwin, shadda, sukun, superscript alef and the small Quranic marks.
DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670" + "".join(
    chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06DD, 0x06DE, 0x06E9)
)
_DROP = set(DIACRITICS + TATWEEL + "\u200c\u200d\u200e\u200f")

_CHAR_MAP = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
}
# Arabic-Indic (U+0660..) and Extended Arabic-Indic / Persian (U+06F0..) digits.
for _i in range(10):
    _CHAR_MAP[chr(0x0660 + _i)] = str(_i)
    _CHAR_MAP[chr(0x06F0 + _i)] = str(_i)

_TRANSLATE = {ord(k): v for k, v in _CHAR_MAP.items()}
_TRANSLATE.update({ord(c): None for c in _DROP})

ARABIC_LETTER = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]")


def normalize(text: str) -> str:
    """Return `text` with spelling variants folded, for matching only.

    >>> normalize("الفرقةُ التاسعـة ٤")
    'الفرقه التاسعه 4'
    """
    return text.translate(_TRANSLATE).lower()


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise `text` and return, for every normalised character, the index
    of the original character it came from (plus one final entry for the end),
    so that a match [i, j) in the normalised string is [m[i], m[j]) in `text`.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = ch.translate(_TRANSLATE).lower()
        for c in folded:
            out.append(c)
            index.append(i)
    index.append(len(text))
    return "".join(out), index


def strip_diacritics(text: str) -> str:
    """Remove diacritics and tatweel only, keeping letters as written."""
    return "".join(ch for ch in text if ch not in _DROP)


def is_arabic_word(text: str) -> bool:
    return bool(ARABIC_LETTER.search(text))
