"""Clitic-aware Arabic tokenizer in the UD scheme (as UD_Arabic-PUD segments words).

Two stages, both pure functions of the input with no change to the text
(`doc.text == text` for every input):

1. `_PRETOKEN` cuts the text into whitespace runs, URLs, e-mails, numbers
   (3.5, ٣٫٥, 1,000 stay whole), Latin words, Arabic words, hashtag words
   joined by «_», runs of letters of other scripts, ellipses and single
   punctuation / symbol characters.
2. Every Arabic word is segmented by `CliticSegmenter` into proclitics
   (و ف ب ل ك س and their combinations), host and one enclitic pronoun
   (ه ها هم هما هن كم كما كن نا ني, and ي/ك only after a few prepositions).
   The article ال is never split; after ل it loses its alef and the host keeps
   the second ل («للشرطة» → «ل» + «لشرطة»), whose NORM restores the article
   («الشرطه»).

Splits are decided from word-type counts of raw news (see
`training/build_tokenizer_lexicon.py`): a candidate host must be a frequent
word and frequent enough, relative to the whole word, that the whole word is
better explained as clitic + host than as a word of its own («وقال» = و + قال,
but «وزير» stays whole because «زير» is rare). A short hand-written list
keeps function words whole (لكن، كان، بين ...). Decisions are cached per word
type, so the cost per token is one dict lookup for words already seen.
See docs/guidelines/tokenization.md for the scheme and every decision.
"""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Iterator, NamedTuple

import srsly
from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from .normalize import DIACRITICS, TATWEEL, normalize

# ---------------------------------------------------------------------------
# Stage 1: pre-tokenization
# ---------------------------------------------------------------------------

# Characters that belong inside an Arabic word: letters, diacritics, tatweel,
# the superscript alef, Persian/Urdu letters, and the two zero-width joiners
# (ZWNJ/ZWJ shape letters and never separate words).
_AR = "\u0621-\u063A\u0640-\u065F\u0670-\u06D3\u06D5-\u06ED\u06FA-\u06FF\u200c\u200d"
_LATIN = "A-Za-z\u00C0-\u024F"
# Closing punctuation that ends a URL even when written against it.
_URL_TAIL = r"""[.,;:!?؟،؛)\]}»"'”’]"""

_PRETOKEN = re.compile(
    rf"""
    (?P<space>\s+)
  | (?P<url>(?:https?://|www\.)\S+?(?={_URL_TAIL}*(?:\s|$)))
  | (?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)
  | (?P<joined>[{_AR}{_LATIN}0-9]+(?:_[{_AR}{_LATIN}0-9]+)+)
  | (?P<number>\d+(?:[.,٫٬،]\d+)*)
  | (?P<latin>[{_LATIN}]+(?:['’][{_LATIN}]+)?[0-9]*)
  | (?P<arabic>[{_AR}]+)
  | (?P<letters>[^\W\d_]+)
  | (?P<dots>\.{{2,}}|…)
  | (?P<dashes>-{{2,}})
  | (?P<other>\S)
    """,
    re.VERBOSE,
)

# ---------------------------------------------------------------------------
# Stage 2: clitic segmentation
# ---------------------------------------------------------------------------

_DROPPED = set(DIACRITICS + TATWEEL + "\u200c\u200d")
_COUNT_KEY_TABLE = {ord(ch): None for ch in _DROPPED}
_COUNT_KEY_TABLE[ord("ٱ")] = "ا"


def count_key(word: str) -> str:
    """Key of a word in the count table: diacritics, tatweel and joiners
    dropped, letters kept as written. Unlike `normalize`, hamza forms, ى/ي
    and ة/ه stay apart: «وإلى» (and to) and «والي» (governor), «كتابه» (his
    book) and «كتابة» (writing), «على» and «علي» must not share a count when
    deciding whether a letter is a clitic."""
    return word.translate(_COUNT_KEY_TABLE)


# Proclitic strings: a conjunction, then a preposition or the future particle.
_CONJUNCTIONS = ("", "و", "ف")
_PARTICLES = ("", "ب", "ل", "ك", "س")
# Object / possessive pronouns, longest first so that «هما» is tried before «ها».
_ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه")
# ي and ك are almost never enclitics on nouns and verbs in news (ANALYSIS.md:
# 1.5% / 4% of words ending in them are split), but they are after these
# prepositions («عليك»، «لدي»، «منك»، «لي»). Not after ب: «بي» in news is
# nearly always a spelled Latin letter («بي بي سي»).
_PREPOSITIONS_TAKING_Y_K = frozenset("في على إلى لدى عن من مع عند لدي علي إلي ل".split())
# A one-letter preposition carrying a pronoun is always split: «له»، «بها»، «لنا».
_PRONOUN_HOSTS = ("ل", "ب")

# Function words that look like clitic + word but are single UD words. Written
# from knowledge of Arabic; the count rule gets most of them right already,
# the list makes the frequent ones certain.
_NEVER_SPLIT = frozenset(
    count_key(w)
    for w in """
    لكن لم لن لا لما لو لولا لدى لدي ليس ليست ليسوا لعل لقد لدن
    كان كانت كانوا كانا كن كل كلا كلما كما كي كيف كيفما كم كأن
    بين بينما بعد بعض بل بات باتت فقط في فيما فوق فور وفق وفقا
    سوف سوى ما هل ولي
    """.split()
)
# «ولي» (guardian: «ولي العهد») is kept whole although «و + لي» exists: the
# title is far more frequent in news than "and to me".

# Two-letter hosts after a proclitic: only these words. Short strings are
# nearly always real words in the count table («دل»، «قي»، «اب»), so counts
# cannot tell «بدل» or «لقي» from clitic + host; the list of two-letter
# function words and nouns that do take proclitics is short and closed. «تل»
# (hill, in place names: «وتل أبيض») and the spelled Latin letters «بي», «سي»
# («لبي بي سي»، «لسي إن إن») are hosts too; the counts still decide.
_SHORT_HOSTS = frozenset(
    """
    لا لم لن ما من في عن أن إن أو هو هي هم هن قد كل لو إذ أي ذا تم يد دم أب أخ أم
    تل بي سي
    """.split()
)

# Share of a stem's occurrences that carry each clitic (rough news rates,
# relative to the bare stem). Only their ratios to `split_bias` matter.
PROCLITIC_RATE = {"و": 0.15, "ف": 0.03, "ب": 0.08, "ل": 0.06, "ك": 0.015, "س": 0.05}
ENCLITIC_RATE = {
    "ه": 0.1, "ها": 0.1, "هم": 0.05, "هما": 0.01, "هن": 0.005, "كم": 0.005,
    "كما": 0.002, "كن": 0.002, "نا": 0.02, "ني": 0.005, "ي": 0.02, "ك": 0.02,
}
# Prefixes that cannot stand before a proclitic: the article and the
# prepositions (no «البـ»، «بلـ»); before a conjunction, also the conjunctions
# (no «وو»). A word seen after them is a stem, not clitic + host.
_BLOCKING_BEFORE_PARTICLE = ("ال", "ب", "ل", "ك")
_BLOCKING_BEFORE_CONJUNCTION = ("ال", "ب", "ل", "ك", "و", "ف")
# Share of a noun's occurrences that carry one of those prefixes.
_BLOCKING_RATE = 0.6
# Stem estimate for a word never seen in the counts: any clitic reading with
# a known host (count >= min_count) beats it; in 33M words of news an unseen
# word is far more likely clitic + known host than a new stem.
_UNSEEN_STEM = 0.05


class Segmentation(NamedTuple):
    """Letter counts cut from a word: proclitic letters (each its own token)
    and the length of the enclitic (0 = none)."""

    proclitics: int
    enclitic: int


_WHOLE = Segmentation(0, 0)
# Words whose segmentation the general rules cannot reach: «لله» is ل + «له»
# (the article and the first lam of «الله» merged), not «لل» + pronoun.
_FIXED = {"لله": Segmentation(1, 0)}


class CliticSegmenter:
    """Decide, per word type, how many proclitic letters and which enclitic to
    cut, from word-type counts (a unigram model of stems and clitics).

    For a word W and a reading clitic + host H, the counts give two
    estimates of how often W is used in each reading:

    * clitic reading: count(H) * rate(clitic), H being counted in the
      spelling it has on its own (`bare_count`, `enclitic_base_count`);
    * stem reading: W's occurrences after prefixes that cannot precede the
      clitic (article, prepositions, and conjunctions before a conjunction:
      «الوزير»، «ووزير» show that «وزير» is a stem; nobody writes «الوقال»),
      divided by the share of such prefixes, and never less than
      `stem_floor` * count(W) (so a frequent fused form needs a frequent host).

    The clitic is split when the clitic reading wins by `split_bias`
    (`split_bias` > 1 favours splitting) and count(H) >= `min_count`.
    Proclitics are decided first, then one enclitic on what remains.
    """

    def __init__(self, counts: dict[str, int], min_count: int = 5, split_bias: float = 2.0,
                 stem_floor: float = 0.01, split_enclitics: bool = True):
        self.counts = counts
        self.min_count = min_count
        self.split_bias = split_bias
        self.stem_floor = stem_floor
        self.split_enclitics = split_enclitics
        self.segment = lru_cache(maxsize=200_000)(self._segment)

    def count(self, key: str) -> int:
        return self.counts.get(key, 0)

    # -- host counts -------------------------------------------------------
    def bare_count(self, host: str, after_lam: bool = False) -> int:
        """Count of a host that follows proclitics, in its stand-alone
        spelling: after ل an article host lost its alef («لشرطة» → «الشرطة»)."""
        n = self.count(host)
        if after_lam and host.startswith("ل"):
            n = max(n, self.count("ا" + host))
        return n

    def enclitic_base_count(self, base: str) -> int:
        """Count of a host that carries an enclitic, in its stand-alone
        spelling: ة is written ت («حكومته»), the silent alef of «قتلوا» and
        final ى written ا («أعطاه»)."""
        n = self.count(base)
        if base.endswith("ت"):
            n = max(n, self.count(base[:-1] + "ة"))
        elif base.endswith("و"):
            n = max(n, self.count(base + "ا"))
        elif base.endswith("ا") or base.endswith("ي"):
            # «أعطاه» ← «أعطى»، «عليه» ← «على»، «لديهم» ← «لدى»
            n = max(n, self.count(base[:-1] + "ى"))
        return n

    def stem_estimate(self, word: str, blocking: tuple[str, ...], use_floor: bool = True) -> float:
        """Estimated occurrences of `word` as a stem (see the class doc)."""
        seen_as_stem = 0
        for prefix in blocking:
            if prefix == "ل" and word.startswith("ل"):
                continue  # «للعام» is ل + العام, no evidence that «لعام» is a stem
            seen_as_stem += self.count(prefix + word)
        floor = self.stem_floor * self.count(word) if use_floor else 0.0
        return max(seen_as_stem / _BLOCKING_RATE, floor, _UNSEEN_STEM)

    # -- decisions ---------------------------------------------------------
    def _segment(self, key: str) -> Segmentation:
        if key in _FIXED:
            return _FIXED[key]
        if key in _NEVER_SPLIT or len(key) < 2:
            return _WHOLE
        if self.split_enclitics:
            # A function word with a pronoun: «لديهم»، «لكنه»، «بينهما».
            for enclitic in _ENCLITICS:
                base = key[: -len(enclitic)]
                if key.endswith(enclitic) and (base in _NEVER_SPLIT or base in _PREPOSITIONS_TAKING_Y_K):
                    return Segmentation(0, len(enclitic))
        n_proclitics = self._proclitics(key)
        rest = key[n_proclitics:]
        if not self.split_enclitics or rest in _NEVER_SPLIT:
            return Segmentation(n_proclitics, 0)
        return Segmentation(n_proclitics, self._enclitic(rest))

    def _proclitics(self, key: str) -> int:
        """Number of proclitic letters to split. Whole prefix strings compete
        («و» + «للجيش» against «ول» + «لجيش»); when a lone conjunction wins,
        the particle after it is decided on the remainder, because the
        remainder's count already includes its own clitic reading
        («للجيش» is frequent, so «و» alone scores highest). A rare word the
        counts cannot decide falls back on `_rare_word_proclitic`."""
        n = self._best_prefix(key, _CONJUNCTIONS)
        if n == 0:
            n = self._rare_word_proclitic(key, conjunction_allowed=True)
        if n == 1 and key[0] in "وف":
            rest = key[1:]
            n += self._best_prefix(rest, ("",)) or self._rare_word_proclitic(rest, conjunction_allowed=False)
        return n

    # -- rare words (mostly names) ------------------------------------------
    def _rare_word_proclitic(self, key: str, conjunction_allowed: bool) -> int:
        """One proclitic letter for a word too rare for the count model
        (count < `min_count`): usually a name glued to و، ب or ل
        («ودشيشة»، «لديمتريوس»), whose host is as rare as the word, so the
        model's «known host» condition fails. The word is then split when

        * it is و + ال + >= 3 letters, or ب + ال / لل + >= 3 letters
          (a clitic before the article is unambiguous: no stem starts with
          «وال» except «والد/والي» and their forms, which are frequent);
        * it is و + >= 3 letters (و is the commonest proclitic, and the
          conjunction before a name it cannot explain is the likelier reading);
        * it is ب or ل + a host of >= 4 letters seen more often than the
          whole word (the host attested on its own, the fused form not).

        and nothing shows it is a stem: it was never seen after a prefix that
        cannot precede the clitic (`stem_estimate`), and no beginning of it of
        >= 3 letters is a word seen with the article («وطنيتهم» begins with
        «وطن», seen as «الوطن»: an inflected stem, not و + «طنيتهم»)."""
        if self.count(key) >= self.min_count or len(key) < 4:
            return 0
        first, rest = key[0], key[1:]
        if first == "و" and conjunction_allowed:
            plausible = len(rest) >= 3 and not (rest.startswith("ال") and len(rest) < 5)
        elif first == "ب":
            # «بو» begins Maghrebi names («بوسعدون»، «بوعزيزي»), not ب + a و-word.
            plausible = not rest.startswith("و") and (rest.startswith("ال") and len(rest) >= 5) or (
                len(rest) >= 4 and self.count(rest) > self.count(key))
        elif first == "ل":
            plausible = (rest.startswith("ل") and len(rest) >= 4) or (
                not rest.startswith("ال") and len(rest) >= 4 and self.count(rest) > self.count(key))
        else:
            return 0
        if not plausible or self._stem_evidence(key, first):
            return 0
        return 1

    def _stem_evidence(self, key: str, clitic: str) -> bool:
        blocking = _BLOCKING_BEFORE_CONJUNCTION if clitic in "وف" else _BLOCKING_BEFORE_PARTICLE
        if self.stem_estimate(key, blocking, use_floor=False) > _UNSEEN_STEM:
            return True
        if key[1:].startswith("ال") or (clitic == "ل" and key[1:].startswith("ل")):
            return False  # the article after the clitic: the beginning is not a stem
        return any(self.count("ال" + key[:end]) >= self.min_count for end in range(3, len(key)))

    def _best_prefix(self, key: str, conjunctions: tuple[str, ...]) -> int:
        best_length, best_score = 0, 0.0
        for conj in conjunctions:
            if not key.startswith(conj):
                continue
            for particle in _PARTICLES:
                prefix = conj + particle
                if not prefix or not key.startswith(prefix):
                    continue
                host = key[len(prefix):]
                if not self._host_allowed(host, particle):
                    continue
                n_host = self.bare_count(host, after_lam=particle == "ل")
                if self.split_enclitics and n_host < self.min_count:
                    # A host seen only with a pronoun: «وبانضمامه».
                    e = self._enclitic(host)
                    if e:
                        n_host = max(n_host, self.enclitic_base_count(host[:-e]) * ENCLITIC_RATE[host[-e:]])
                if n_host < self.min_count:
                    continue
                rate = 1.0
                for clitic in prefix:
                    rate *= PROCLITIC_RATE[clitic]
                blocking = _BLOCKING_BEFORE_CONJUNCTION if conj else _BLOCKING_BEFORE_PARTICLE
                # A host with the article («بالإضافة»، «للمرة») makes the clitic
                # reading near certain: only direct evidence of a stem counts
                # («الوالد» for «والد»), not the frequency of the fused form.
                article_host = host.startswith("ال") or (particle == "ل" and host.startswith("ل"))
                stem = self.stem_estimate(key, blocking, use_floor=not article_host)
                score = n_host * rate * self.split_bias / stem
                if score > 1.0 and score > best_score:
                    best_length, best_score = len(prefix), score
        return best_length

    def _enclitic(self, host: str) -> int:
        """Length of the enclitic to cut from `host` (0 = none)."""
        for enclitic in _ENCLITICS + ("ي", "ك"):
            if not host.endswith(enclitic) or len(host) <= len(enclitic):
                continue
            base = host[: -len(enclitic)]
            if enclitic in ("ي", "ك"):
                # Checked before `_PRONOUN_HOSTS`: «بي» is a spelled Latin
                # letter («بي بي سي»), not ب + ي.
                if base in _PREPOSITIONS_TAKING_Y_K:
                    return 1
                continue
            if base in _PRONOUN_HOSTS:
                return len(enclitic)
            if len(base) < 2:
                continue
            n_base = self.enclitic_base_count(base)
            if n_base < self.min_count:
                continue
            # A word seen with the article or with a further pronoun is a
            # stem: «الوجه»، «وجهه» show that «وجه» does not end in a clitic.
            seen_as_stem = self.count("ال" + host) + sum(self.count(host + e) for e in ("ه", "ها", "هم"))
            stem = max(seen_as_stem / _BLOCKING_RATE, self.stem_floor * self.count(host), _UNSEEN_STEM)
            if n_base * ENCLITIC_RATE[enclitic] * self.split_bias > stem:
                return len(enclitic)
            return 0  # the longest matching enclitic decides («هم» before «ه»)
        return 0

    @staticmethod
    def _host_allowed(host: str, particle: str) -> bool:
        if len(host) < 2:
            return False
        if len(host) == 2 and host not in _SHORT_HOSTS:
            return False
        if particle == "س":
            # The future particle only comes before an imperfect verb.
            return host[0] in "يتن"
        if particle == "ل" and host.startswith("ال"):
            # After ل the article is always written «ل»; «لال...» is not a clitic.
            return False
        return True


def letter_cuts(word: str, segmentation: Segmentation) -> list[str]:
    """Cut `word` (original characters, diacritics included) into the pieces
    `segmentation` describes. Diacritics and tatweel stay with the letter
    before them; the cut before an enclitic goes before its first letter."""
    letters = [i for i, ch in enumerate(word) if ch not in _DROPPED]
    cuts: list[int] = []
    for k in range(1, segmentation.proclitics + 1):
        # End of the k-th letter = start of the (k+1)-th letter.
        cuts.append(letters[k])
    if segmentation.enclitic:
        cuts.append(letters[len(letters) - segmentation.enclitic])
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(word[start:cut])
        start = cut
    pieces.append(word[start:])
    return pieces


# ---------------------------------------------------------------------------
# The spaCy tokenizer
# ---------------------------------------------------------------------------

_DEFAULT_COUNTS = "word_counts.tsv.gz"


@lru_cache(maxsize=2)
def load_counts(filename: str = _DEFAULT_COUNTS) -> dict[str, int]:
    """Read the packaged count table (word type → count). Cached: every
    tokenizer in the process shares the one read-only dict."""
    data = resources.files("arsec").joinpath("data", "tokenizer", filename).read_bytes()
    counts: dict[str, int] = {}
    for line in gzip.decompress(data).decode("utf8").splitlines():
        word, _, n = line.partition("\t")
        counts[word] = int(n)
    return counts


class ArabicTokenizer:
    """Callable text → Doc. `doc.text == text` for every input; token NORM is
    `normalize(token.text)`, except on a host after a split ل whose article
    lost its alef, where NORM is the article form («لشرطة» → «الشرطه»)."""

    def __init__(self, vocab: Vocab, split_enclitics: bool = True, min_count: int = 5,
                 split_bias: float = 2.0, stem_floor: float = 0.01,
                 counts: dict[str, int] | None = None):
        self.vocab = vocab
        self.split_enclitics = split_enclitics
        self.min_count = min_count
        self.split_bias = split_bias
        self.stem_floor = stem_floor
        if counts is None:
            counts = load_counts()
        self.segmenter = CliticSegmenter(counts, min_count=min_count, split_bias=split_bias,
                                         stem_floor=stem_floor, split_enclitics=split_enclitics)
        # Per word type: list of (piece, norm or None). Most tokens hit this.
        self._cache: dict[str, list[tuple[str, str | None]]] = {}

    def split_word(self, word: str) -> list[tuple[str, str | None]]:
        """Pieces of one Arabic word with their NORM override (None = default)."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        key = count_key(word)
        segmentation = self.segmenter.segment(key)
        if segmentation == _WHOLE:
            result = [(word, None)]
        else:
            pieces = letter_cuts(word, segmentation)
            result = [(piece, None) for piece in pieces]
            host_index = segmentation.proclitics
            host = result[host_index][0]
            if key[segmentation.proclitics - 1: segmentation.proclitics] == "ل" and self._lost_article(host):
                # «لشرطة» → «الشرطه»: NORM puts back the alef the spelling dropped.
                result[host_index] = (host, "ا" + normalize(host))
        if len(self._cache) < 500_000:
            self._cache[word] = result
        return result

    def _lost_article(self, host: str) -> bool:
        """True when a host after ل is an article word that lost its alef:
        «لشرطة» is «الشرطة», but «لبنان» is «لبنان»."""
        key = count_key(host)
        if not key.startswith("ل") or len(key) < 3:
            return False
        return self.segmenter.count("ا" + key) > self.segmenter.count(key)

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[tuple[int, str]] = []
        for match in _PRETOKEN.finditer(text):
            piece_text = match.group()
            kind = match.lastgroup
            if kind == "space":
                # spaCy convention: one plain space after a token is its
                # trailing whitespace; any other whitespace is a token.
                if words and not spaces[-1] and piece_text[0] == " ":
                    spaces[-1] = True
                    piece_text = piece_text[1:]
                if piece_text:
                    words.append(piece_text)
                    spaces.append(False)
                continue
            if kind == "arabic":
                for piece, norm in self.split_word(piece_text):
                    if norm is not None:
                        norms.append((len(words), norm))
                    words.append(piece)
                    spaces.append(False)
                continue
            words.append(piece_text)
            spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for i, norm in norms:
            doc[i].norm_ = norm
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # Serialisation: the counts come from package data and the settings from
    # the config; the settings are also stored, and win when they differ
    # from the config (a pipeline loads the way it was saved).
    def _settings(self) -> dict:
        return {"split_enclitics": self.split_enclitics, "min_count": self.min_count,
                "split_bias": self.split_bias, "stem_floor": self.stem_floor}

    def to_bytes(self, **kwargs) -> bytes:
        return srsly.msgpack_dumps(self._settings())

    def from_bytes(self, data: bytes, **kwargs) -> "ArabicTokenizer":
        settings = srsly.msgpack_loads(data)
        if settings != self._settings():
            self.__init__(self.vocab, **settings)  # type: ignore[misc]
        return self

    def to_disk(self, path, **kwargs) -> None:
        from pathlib import Path

        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path, **kwargs) -> "ArabicTokenizer":
        from pathlib import Path

        return self.from_bytes(Path(path).read_bytes())


def token_norm(text: str) -> str:
    """NORM of a token: its normalised spelling, or the text itself when
    normalising leaves nothing (a run of tatweel or diacritics). An empty NORM
    has no subword n-grams, which floret vector tables cannot embed."""
    return normalize(text) or text


def _install_norm(vocab: Vocab) -> None:
    vocab.lex_attr_getters[NORM] = token_norm


@registry.tokenizers("arsec.ArabicTokenizer.v1")
def create_arabic_tokenizer(
    split_enclitics: bool = True, min_count: int = 5, split_bias: float = 2.0,
    stem_floor: float = 0.01,
) -> Callable[[Language], ArabicTokenizer]:
    def make(nlp: Language) -> ArabicTokenizer:
        _install_norm(nlp.vocab)
        return ArabicTokenizer(nlp.vocab, split_enclitics=split_enclitics, min_count=min_count,
                               split_bias=split_bias, stem_floor=stem_floor)

    return make
