"""Where a gold span may begin and end (ANNOTATION.md §1 span rules).

A span edge is valid when it falls on a word boundary, or inside a word right
after a run of proclitics (و ف then ب ك ل, optionally a tatweel: «والفرقة»,
«لـداعش»). The ل+ل case needs no rule of its own: in «للشرطة» the span starts
after the first ل, whose prefix «ل» is a proclitic. The same rule, mirrored,
lets a cue end before its attached preposition («وفقا لمصادر» → «وفقا ل»).

The first and last character of a span must belong to a word; quotation marks
and brackets are allowed at an edge only when they are balanced inside the
span (mixed statement content, «المادة (4) إرهاب»).
"""
from __future__ import annotations

import re
import unicodedata

PROCLITIC_RUN = re.compile(r"[وف]?[بكل]?\u0640?")
OPENERS = {"«": "»", "“": "”", "(": ")", "[": "]", "{": "}", "‘": "’", "„": "“"}
CLOSERS = {v: k for k, v in OPENERS.items()}
SYMMETRIC_QUOTES = {'"', "'", "″"}
QUOTE_CHARS = set('"\'«»“”„‘’″')
TRAILING_SYMBOLS = {"%"}


def is_word_char(ch: str) -> bool:
    # Combining marks (harakat) belong to the letter before them; "_" joins
    # hashtag words into one span («الجيش_اليمني»).
    return ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M")


def _word_start(text: str, i: int) -> int:
    while i > 0 and is_word_char(text[i - 1]):
        i -= 1
    return i


def _script_change(a: str, b: str) -> bool:
    """Digits glued to letters («كركوك250») meet at a boundary, as the tokenizer splits them."""
    return a.isdigit() != b.isdigit() and a.isalnum() and b.isalnum()


def start_ok(text: str, start: int) -> bool:
    """True when `start` is a word start or follows only proclitics in its word."""
    if start <= 0 or start >= len(text):
        return start == 0
    if not (is_word_char(text[start]) and is_word_char(text[start - 1])):
        return True
    if _script_change(text[start - 1], text[start]):
        return True
    prefix = text[_word_start(text, start):start]
    return PROCLITIC_RUN.fullmatch(prefix) is not None


def end_ok(text: str, end: int) -> bool:
    """True when `end` is a word end or the word part before it is only proclitics."""
    if end >= len(text) or end <= 0:
        return end == len(text)
    if not (is_word_char(text[end - 1]) and is_word_char(text[end])):
        return True
    if _script_change(text[end - 1], text[end]):
        return True
    head = text[_word_start(text, end - 1):end]
    return PROCLITIC_RUN.fullmatch(head) is not None


def _balanced_edge(span: str, first: bool) -> bool:
    ch = span[0] if first else span[-1]
    if ch in SYMMETRIC_QUOTES:
        return span.count(ch) % 2 == 0 and len(span) > 1
    if first and ch in OPENERS:
        return OPENERS[ch] in span[1:]
    if not first and ch in CLOSERS:
        return CLOSERS[ch] in span[:-1]
    return False


def edge_problems(text: str, start: int, end: int, allow_quotes: bool = True) -> list[str]:
    """Human-readable reasons why [start, end) is not a well-formed span ([] if fine)."""
    if not 0 <= start < end <= len(text):
        return [f"offsets [{start}, {end}) are empty or outside the text (length {len(text)})"]
    span = text[start:end]
    problems = []
    if span[0].isspace() or span[-1].isspace():
        problems.append("leading or trailing whitespace")
    else:
        first, last = span[0], span[-1]
        # Balanced brackets may stand at an edge of any span («(لن نستسلم)»);
        # balanced quotation marks only where quotes belong inside the span
        # (not direct content, whose marks are excluded).
        if not is_word_char(first) and not (
            _balanced_edge(span, True) and (allow_quotes or first not in QUOTE_CHARS)
        ):
            problems.append(f"starts with punctuation {first!r}")
        if not is_word_char(last) and last not in TRAILING_SYMBOLS and not (
            _balanced_edge(span, False) and (allow_quotes or last not in QUOTE_CHARS)
        ):
            problems.append(f"ends with punctuation {last!r}")
    if not start_ok(text, start):
        problems.append("starts inside a word (not after a proclitic و ف ب ك ل)")
    if not end_ok(text, end):
        problems.append("ends inside a word")
    return problems


def starts_or_ends_with_quote(span: str) -> bool:
    return bool(span) and (span[0] in QUOTE_CHARS or span[-1] in QUOTE_CHARS)
