"""A statement found in pass one, before its clause end and speaker are known."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass
class Found:
    cue: tuple
    cue_word: int
    source: Optional[tuple]
    channel: Optional[tuple]
    content_start: int  # char
    content_end: Optional[int]  # char, None until clause ends are known
    content_word: int
    kind: str  # direct | before | clause
    passive: bool = False
    continuation: bool = False
    document_source: Optional[str] = None  # "definite" when «البيان» was the subject
    break_at: int = 0  # where this cue ends an earlier statement's content
