"""Relabel entity spans from external NER corpora into the arsec scheme.

External corpora (ANERcorp, AQMAR, NewsFANE) tag armed forces and armed
groups as ORG, and tag nationality, ethnic and religious group words, which
ANNOTATION.md says are not entities. Training on them unchanged would teach
the model the opposite of our scheme, so each mapped span goes through
`relabel_span`, which returns the arsec label (or None: not an entity) and the
name of the rule that decided, so that every change can be counted and
reviewed.

All lists here are written from general knowledge (no corpus text). Every
comparison is on `arsec.normalize.normalize`d text.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from .normalize import normalize


def _norm_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(normalize(w).split()) for w in words if w.strip())


# Named non-state armed groups (ANNOTATION.md §1, §6). Matched against the
# whole span, with an optional leading تنظيم / حركة / جماعة.
ARMED_GROUPS = _norm_set(
    """داعش
    الدولة الإسلامية
    الدولة الإسلامية في العراق والشام
    الدولة الإسلامية في العراق
    القاعدة
    القاعدة في جزيرة العرب
    القاعدة في بلاد الرافدين
    القاعدة في بلاد المغرب الإسلامي
    طالبان
    حزب الله
    حماس
    جبهة النصرة
    النصرة
    جبهة فتح الشام
    هيئة تحرير الشام
    أحرار الشام
    جيش الإسلام
    الشباب
    الشباب المجاهدين
    بوكو حرام
    الحوثيين
    الحوثيون
    الحوثي
    أنصار الله
    أنصار السنة
    أنصار الإسلام
    أنصار الشريعة
    أنصار بيت المقدس
    الجهاد الإسلامي
    سرايا القدس
    كتائب القسام
    كتائب عز الدين القسام
    كتائب شهداء الأقصى
    جيش المهدي
    عصائب أهل الحق
    كتائب حزب الله
    حزب العمال الكردستاني
    قوات سوريا الديمقراطية
    قسد
    الجيش السوري الحر
    الجيش الحر
    وحدات حماية الشعب
    البوليساريو
    جبهة البوليساريو
    الجماعة الإسلامية المسلحة
    الجماعة الإسلامية
    جند الشام
    فتح الإسلام
    جيش تحرير السودان
    حركة العدل والمساواة
    الجنجويد
    نمور التاميل
    إيتا
    الجيش الجمهوري الإيرلندي""".splitlines()
)
_GROUP_PREFIX = re.compile(r"^(?:تنظيم|حركه|جماعه|ميليشيا|مليشيا|ميليشيات|عناصر|فصائل)\s+")

# State or state-aligned forces named without a unit word (ANNOTATION.md §6:
# pro-government militias, umbrella forces and alliances are MIL_UNIT).
NAMED_FORCES = _norm_set(
    """الحشد الشعبي
    البيشمركة
    البشمركة
    الصحوة
    الصحوات
    المارينز
    الناتو
    حلف الناتو
    حلف شمال الأطلسي
    حلف الأطلسي
    الأطلسي
    التحالف الدولي
    التحالف العربي
    تحالف دعم الشرعية
    يونيفيل
    اليونيفيل
    قوة اليونيفيل
    الموساد
    الشاباك
    سي آي إيه
    المقاومة الشعبية
    الحرس الثوري
    الحرس الوطني
    الحرس الجمهوري
    المخابرات
    الاستخبارات
    الإنتربول
    إف بي آي""".splitlines()
)

# First word of a unit, force, police or agency name (ANNOTATION.md §1
# MIL_UNIT). «اللواء» is a unit word here because only organisation spans
# reach this rule; as a rank before a person it is never tagged ORG. Left out
# on review: «فرقة» and «سرية» (also a music or arts troupe, "secret") and
# «قوى» (political blocs such as «قوى 14 آذار»).
_UNIT_HEAD = _norm_set(
    """الجيش جيش القوات قوات القوة قوة الشرطة شرطة الحرس حرس لواء اللواء
    كتيبة الكتيبة فوج الفوج جهاز قيادة القيادة سلاح البحرية
    القوات البحرية الاستخبارات استخبارات المخابرات مخابرات الأمن مديرية
    الدرك الأسطول أسطول الفيلق فيلق""".split()
)
# Heads that are generic on their own or with only a generic modifier
# (ANNOTATION.md §1: «الجيش» alone, «القوات الأمنية» without a country are
# not entities; §6: «قوات التحالف» alone is a back-reference).
_GENERIC_FORCE = _norm_set(
    """الجيش
    القوات
    القوات المسلحة
    القوات الأمنية
    قوات الأمن
    القوات الحكومية
    قوات التحالف
    قوات الاحتلال
    الشرطة
    الأمن
    القوة
    الجهاز
    الحرس
    القيادة
    المخابرات
    الاستخبارات""".splitlines()
)

# Governments, authorities and parliaments named by description are not
# entities (ANNOTATION.md §6): the head noun alone or with one adjective.
_DESCRIBED_BODY = re.compile(
    r"^(?:ال)?(?:حكومه|حكومات|سلطات|سلطه|برلمان|اداره|نظام)(?:\s+ال\S+(?:ي|يه|ين))?$"
)

# Group words: nationalities, ethnic and religious communities, dynasties
# (ANNOTATION.md §1: not entities unless part of a name).
GROUP_WORDS = _norm_set(
    """عرب أعراب مسلمين مسلمون مسلم يهود شيعة سنة أكراد كرد تركمان مسيحيين
    مسيحيون نصارى صليبيين صليبيون دروز علويين علويون أقباط إيزيديين إيزيديون
    يزيديين آشوريين سريان شبك صابئة أرمن بربر أمازيغ طوارق مغاربة أفارقة
    ألمان أتراك فرس روم رومان إغريق سلاف هنود صينيين أوروبيين غربيين
    فاطميين فاطميون عباسيين عباسيون أمويين أمويون سلاجقة مماليك عثمانيين
    عثمانيون أيوبيين صفويين مغول تتار فرنجة إفرنج وهابيين سلفيين إخوان
    بدو زيدية إسماعيلية""".split()
)
# Religion names and currency units are not names of things in our scheme
# (ANNOTATION.md MISC = events, laws, weapons, nationalities used as names).
NON_NAME_MISC = _norm_set(
    """الإسلام إسلام المسيحية اليهودية البوذية الهندوسية الله لله
    دولار دولارا دولارات الدولار درهم دراهم الدرهم جنيه جنيها الجنيه يورو
    اليورو شيكل الشيكل دينار دينارا الدينار ريال ريالا الريال ليرة الليرة
    روبية ين اليوان يوان استرليني الإسترليني فرنك""".split()
)
_ARTICLE = re.compile(r"^ال(?=\S{2,})")
# Plural and singular nisba endings (عراقيين، الأمريكية، فلسطيني).
_NISBA_PLURAL = re.compile(r"^(\S{3,}?)(?:يين|يون)$")
_NISBA_ANY = re.compile(r"^(\S{3,}?)(?:يين|يون|يه|ي|يات)$")


def _strip_article(word: str) -> str:
    return _ARTICLE.sub("", word)


def is_armed_group(norm_text: str) -> bool:
    return _GROUP_PREFIX.sub("", norm_text) in ARMED_GROUPS


def is_unit_or_force(norm_text: str) -> bool:
    """A named state force or unit (not a generic mention)."""
    if norm_text in NAMED_FORCES:
        return True
    words = norm_text.split()
    if len(words) < 2 or norm_text in _GENERIC_FORCE:
        return False
    if words[0] in _UNIT_HEAD or " ".join(words[:2]) in _UNIT_HEAD:
        return True
    return False


def is_group_word(norm_text: str, place_stems: frozenset[str] = frozenset(), singular: bool = False) -> bool:
    """A single word naming a nationality, ethnic or religious group.

    `place_stems` are normalised place names (article stripped, final ا / يا /
    ه dropped) so that a plural nisba of a known place («الصينيين» from
    «الصين») is recognised without listing every nationality; `singular` also
    accepts singular and feminine nisba forms («العراقية»), which is only safe
    for spans that are neither a surname («المصري») nor an outlet's short name
    («الفرنسية» for the French news agency).
    """
    if " " in norm_text:
        return False
    bare = _strip_article(norm_text)
    if bare in GROUP_WORDS or norm_text in GROUP_WORDS:
        return True
    m = (_NISBA_ANY if singular else _NISBA_PLURAL).match(bare)
    return bool(m and _place_stem(m.group(1)) in place_stems)


def _place_stem(word: str) -> str:
    word = _strip_article(word)
    for ending in ("يا", "ا", "ه"):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return word


def place_stems(place_names: Iterable[str]) -> frozenset[str]:
    """Stems of single-word place names, for `is_group_word`."""
    return frozenset(
        _place_stem(normalize(p)) for p in place_names if " " not in p.strip()
    )


def relabel_span(
    text: str, label: str, place_stems: frozenset[str] = frozenset()
) -> tuple[Optional[str], str]:
    """Return (arsec label or None, rule name) for a span already mapped to
    PER / ORG / LOC / MISC. Rule "keep" means unchanged."""
    norm = " ".join(normalize(text).split())
    # A span that starts after the preposition ل has lost the article's alef
    # («لشرطة الاتحادية»): match it with the article restored.
    if norm.startswith("ل") and not norm.startswith("ال"):
        norm = "ا" + norm
    if label in ("ORG", "MISC", "PER") and is_armed_group(norm):
        return "ARMED_GROUP", "armed_group_list"
    if label in ("ORG", "MISC"):
        if is_unit_or_force(norm):
            return "MIL_UNIT", "unit_pattern"
        if norm in _GENERIC_FORCE or _GROUP_PREFIX.sub("", norm) in _GENERIC_FORCE:
            return None, "generic_force"
        if _DESCRIBED_BODY.match(norm):
            return None, "described_government"
    if label == "MISC" and norm in NON_NAME_MISC:
        return None, "religion_or_currency"
    if label in ("ORG", "MISC", "PER", "LOC") and is_group_word(
        norm, place_stems, singular=label == "MISC"
    ):
        return None, "group_word"
    return label, "keep"


# Descriptors that stay outside a LOC span (ANNOTATION.md §1 «محافظة كركوك» →
# «كركوك»; §6 bases, airports, camps, mountains, rivers, neighbourhoods).
LOC_DESCRIPTORS = _norm_set(
    """محافظة مدينة قضاء ناحية قرية بلدة ولاية منطقة مطار قاعدة مخيم معسكر جبل
    جبال نهر حي ضاحية مديرية بلدية""".split()
)
# Fixed names in which the descriptor belongs to the name.
_LOC_FIXED = _norm_set(["ريف دمشق", "ريف حلب", "ريف إدلب", "ريف حماة", "ريف حمص"])


def loc_descriptor_words(text: str) -> int:
    """Number of leading descriptor words to drop from a LOC span (0 or 1)."""
    norm = " ".join(normalize(text).split())
    words = norm.split()
    if len(words) >= 2 and words[0] in LOC_DESCRIPTORS and norm not in _LOC_FIXED:
        return 1
    return 0
