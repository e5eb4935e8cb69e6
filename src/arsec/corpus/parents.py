"""Where a unit's `parent` name is written.

ANNOTATION.md §2 gives `parent` as a name (the parent unit as written, article
restored after ل: «الفرقة الخامسة للشرطة الاتحادية» → «الشرطة الاتحادية»).
The standoff store keeps no span text, so it records where the parent is
written instead: offsets plus the letters restored in front («ا» after ل).
"""
from __future__ import annotations

from typing import Optional

from .boundaries import end_ok, start_ok

# «التابعة لـ» stands right after the unit; farther matches are other mentions.
MAX_PARENT_DISTANCE = 40

ParentRef = tuple[int, int, str]  # start, end, restored prefix ("" or "ا")


def parent_text(text: str, ref: ParentRef) -> str:
    start, end, prefix = ref
    return prefix + text[start:end]


def _matches(text: str, name: str) -> list[ParentRef]:
    refs = []
    forms = [(name, "")]
    if name.startswith("ال") and len(name) > 2:
        forms.append((name[1:], "ا"))  # «للشرطة»: ل + (ا)لشرطة
    for needle, prefix in forms:
        i = text.find(needle)
        while i >= 0:
            end = i + len(needle)
            ok_start = start_ok(text, i) if not prefix else (i > 0 and text[i - 1] == "ل" and start_ok(text, i))
            if ok_start and end_ok(text, end):
                refs.append((i, end, prefix))
            i = text.find(needle, i + 1)
    return sorted(refs)


def locate_parent(text: str, unit_start: int, unit_end: int, name: str) -> Optional[ParentRef]:
    """The written parent: inside the unit (not at its start), else the first
    one starting at most MAX_PARENT_DISTANCE characters after it (the
    «التابع لـ» case); None when it is not written there."""
    refs = _matches(text, name)
    inside = [r for r in refs if unit_start < r[0] and r[1] <= unit_end]
    if inside:
        return inside[0]
    after = [r for r in refs if unit_end <= r[0] <= unit_end + MAX_PARENT_DISTANCE]
    return after[0] if after else None
