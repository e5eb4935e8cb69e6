"""Pass one: find reporting cues (verbs, participles, phrases) and build a
statement around each with the zone, source and content readers."""
from __future__ import annotations

import dataclasses
from typing import Optional

from .found import Found
from .lexicon import Cue
from .words import COMMAS, DASHES, WordView, bare, deart, in_words, is_definite

# «إياه», «إياهم»: a pronoun object written apart from its verb (normalised).
OBJECT_PRONOUNS = frozenset({"اياه", "اياها", "اياهم", "اياهن", "اياهما", "ايانا", "اياي"})


class CueFinder:
    """Cue detection; mixed into StatementFinder."""

    def _cue_at(self, v: WordView, i: int):
        """(Cue, prefix length) when word i is a cue verb/participle form."""
        n = v.norms[i]
        cue = self.lex.cues.get(n)
        if cue is not None:
            return cue, 0
        if len(n) > 3 and n[0] in "وف":
            cue = self.lex.cues.get(n[1:])
            if cue is not None:
                return cue, 1
        return None, 0

    def _is_phrase_verb(self, n: str) -> bool:
        pv = self.lex.phrase_verbs
        n = bare(n) if n not in pv else n
        return n in pv or (n.endswith("ه") and n[:-1] in pv) or (n.endswith("ها") and n[:-2] in pv)

    def _negated(self, v: WordView, k: int, cue: Cue) -> bool:
        if k == 0 or v.sent_of[k - 1] != v.sent_of[k] or not v.alpha[k - 1]:
            return False
        p = bare(v.norms[k - 1])
        lx = self.lex
        if p in ("لم", "لن", "لا", "عدم"):
            return True
        if p == "ما" and cue.kind != "verb":
            return True  # «ما» before a verb is the relative «what» in news: «ما قالت إنها»
        if cue.imperfect and p in lx.subjunctive_particles:
            return True
        if p == "ان" and k >= 2 and bare(v.norms[k - 2]) in ("دون", "بدون"):
            return True
        return False

    def _find(self, v: WordView) -> list[Found]:
        found: list[Found] = []
        consumed_until = -1  # char: cues before this belong to an earlier statement
        direct_ranges: list[tuple] = []
        relay = None  # (char, statement) of a «نقلا عن» inside a statement's skip zone
        k = 0
        while k < v.n:
            if not v.alpha[k] or v.starts[k] < consumed_until:
                k += 1
                continue
            if self._skip_quoted_cue(v, v.starts[k]):
                k += 1
                continue
            n = v.norms[k]
            item = None
            if in_words(n, self._phrase_first) or n in self._phrase_first:
                item = self._phrase_statement(v, k)
            if item is None:
                cue, prefix = self._cue_at(v, k)
                if cue is not None:
                    item = self._verb_statement(v, k, cue, prefix)
            if item is None:
                k += 1
                continue
            if relay is not None and item.cue[0] == relay[0] and item.kind == "before":
                # The relay after a cue's source reports what that cue
                # reports, not the clause before it.
                prev = relay[1]
                item = dataclasses.replace(
                    item, content_start=prev.content_start, content_end=prev.content_end,
                    content_word=prev.content_word, kind=prev.kind, break_at=prev.break_at,
                )
            relay = None
            found.append(item)
            if item.kind == "direct" and item.content_end is not None:
                direct_ranges.append((item.content_start, item.content_end))
            # Words between the cue and its content (source, channel) hold no
            # further cue of their own.
            until = item.content_start if item.kind != "before" else item.cue[1]
            for j in range(v.word_at(item.cue[1] - 1) + 1, min(v.n - 1, v.word_at(until))):
                if v.starts[j] >= until:
                    break
                if (bare(v.norms[j]), v.norms[j + 1]) in self.lex.phrase_relay:
                    # «وتابعت "يونهاب" نقلا عن مصادر أن ...»: the relay is
                    # a statement of its own with the same content.
                    until = v.starts[j]
                    relay = (v.starts[j], item)
                    break
            consumed_until = max(consumed_until, until)
            cw = item.content_word
            if (
                item.kind == "clause"
                and item.content_start == v.starts[cw]
                and cw > 0
                and v.alpha[cw - 1]
                and not self._is_comp(v, cw - 1)
            ):
                # «أكد الأسد مرة أخرى نفي الحكومة ...»: the first word of a
                # noun-phrase content is a verbal noun, not a cue of its own.
                consumed_until = max(consumed_until, item.content_start + 1)
            k = v.word_at(item.cue[1] - 1) + 1
        return found

    def _skip_quoted_cue(self, v: WordView, pos: int) -> bool:
        """A cue word inside a quotation: speech reported inside a quoted
        sentence is its own statement (v1.2) unless `skip_cues_in_quotes`;
        inside a short quoted fragment (fewer than `min_quote_words_for_cues`
        words: a name, a phrase) it never is."""
        open_at = v.enclosing_quote(pos)
        if open_at is None:
            return False
        if self.skip_cues_in_quotes:
            return True
        return len(v.text[open_at + 1 : v.quotes[open_at]].split()) < self.min_quote_words_for_cues

    def _phrase_statement(self, v: WordView, k: int) -> Optional[Found]:
        """بحسب / وفقا لـ / حسبما أفادت / وفق ما / نقلا عن / في بيان لـ."""
        lx = self.lex
        end = v.sent_end(k)
        n = v.norms[k]
        b = n if n in self._phrase_first else bare(n)
        prefix = 1 if b != n else 0
        cue_start = v.starts[k] + prefix
        nxt = self._norm(v, k + 1) if k + 1 < end else ""
        src_word = None
        src_char = None
        cue_end = None
        as_verb = None  # «كما قال فلان»: the verb's cue
        if b in lx.phrase_cues_as:
            as_verb = self._cue_at(v, k + 1)[0] if k + 1 < end and v.alpha[k + 1] else None
            if as_verb is None or as_verb.kind != "verb" or not self._is_phrase_verb(nxt):
                return None
            cue_end, src_word = v.ends[k + 1], k + 2
            if src_word < end and v.alpha[src_word]:
                src_word += self._time_len(v, src_word, end)  # «كما ذكرت أمس الجمعة مصادر»
            as_first = src_word
        elif b in lx.phrase_cues_with_verb_one_word and k + 1 < end and self._is_phrase_verb(nxt):
            cue_end, src_word = v.ends[k + 1], k + 2
        elif k + 2 < end and (b, nxt) in lx.phrase_cues_with_verb_two_words and self._is_phrase_verb(v.norms[k + 2]):
            cue_end, src_word = v.ends[k + 2], k + 3
        elif k + 1 < end and (b, nxt) in lx.phrase_relay:
            cue_end, src_word = v.ends[k + 1], k + 2
        elif b in lx.phrase_cues_lam and k + 1 < end and nxt.startswith("ل") and nxt != "لما":
            # The cue is «وفقا» alone: the gold marks it so 25 times to once
            # «وفقا ل» (docs/annotating.md lets both validate).
            if nxt == "ل":
                cue_end, src_word = v.ends[k], k + 2
            else:
                cue_end, src_word, src_char = v.ends[k], k + 1, v.starts[k + 1] + 1
        elif b in lx.phrase_cues_alone and k + 1 < end and v.alpha[k + 1] and self._say_noun(nxt) is not None:
            # «بحسب قول مسؤولين»: the say-noun is part of the cue; «بحسب
            # زعمه»: its pronoun is the source, the content is the clause.
            cue_end = v.ends[k + 1]
            if self._say_noun(nxt):
                src_word = k + 2
            else:
                first = v.sent_first[v.sent_of[k]]
                before = self._before_content(v, first, k, cue_start)
                if before is None:
                    return None
                cs, ce = before
                if k + 2 < end and v.alpha[k + 2] or (k + 3 < end and v.norms[k + 2] in COMMAS):
                    ce = v.ends[end - 1]  # «ردا بحسب قولها، على ...»: the cue sits inside
                return Found((cue_start, cue_end), k, None, None, cs, ce, v.word_at(cs), "before",
                             break_at=self._break_position(v, k, cue_start, first))
        elif b in lx.phrase_cues_alone and k + 1 < end and v.alpha[k + 1]:
            ent = v.ent_covering(v.starts[k + 1])
            # «بحسب مصادر», «بحسب المرصد», and «بحسب حصيلة رسمية» (a document, v1.2).
            if (
                in_words(nxt, lx.source_heads)
                or deart(nxt) in lx.role_heads
                or deart(nxt) in lx.anonymous_source_heads
                or (ent is not None and ent[0] <= v.starts[k + 1] + 1)
                or self._document_source(v, k + 1, end) is not None
            ):
                cue_end, src_word = v.ends[k], k + 1
        elif (
            b == "في"
            and k + 2 < end
            and nxt in ("بيان",)
            and v.norms[k + 2].startswith("ل")
            and v.norms[k + 2] not in ("له", "لها", "لهم")
        ):
            if v.norms[k + 2] == "ل":
                cue_end, src_word = v.ends[k + 2], k + 3
            else:
                cue_end, src_word, src_char = v.starts[k + 2] + 1, k + 2, v.starts[k + 2] + 1
        if cue_end is None or src_word is None or src_word >= end:
            return None
        cue = (cue_start, cue_end)
        # The source: up to a comma, complementiser, time/channel phrase.
        channel = None
        doc_src = self._document_source(v, src_word, end)
        document_source = None
        if doc_src is not None:
            channel, src_char, src_word, definite = doc_src
            document_source = "definite" if definite else "indefinite"
        stop, why = self._scan_source(v, src_word, end, None)
        for r in range(src_word + 1, stop):
            if v.norms[r] in lx.relative_pronouns:  # «وفق المصادر التي أشارت»
                stop, why = r, "skip"
                break
        if src_char is None and doc_src is None:
            src_char = v.starts[src_word]
        source = (src_char, v.ends[stop - 1]) if src_char is not None and stop > src_word else None
        # Content before the cue: the whole preceding clause of the sentence.
        first = v.sent_first[v.sent_of[k]]
        before = self._before_content(v, first, k, cue_start)
        if as_verb is not None:
            # «كما قال والده.», «، كما يقول قادة الميليشيا.»: a cue for the
            # clause before only when no content follows its source («كما
            # أكد الوزير أن ...» is «also stressed»: a verb cue).
            nxt_word, _ = self._skip_zone(v, stop, end, as_verb)
            if (
                before is None
                or why not in ("end", "skip")
                or self._chain_end(v, as_first, stop) < stop  # «كما نفت الوحدات إبرام اتفاق»
                or (nxt_word < end and self._content_follows(v, stop, nxt_word, end, as_verb))
            ):
                return None
        if before is not None:
            cs, ce = before
            if as_verb is None and why == "skip":
                ce = self._parenthetical_end(v, k, stop, end) or ce
            return Found(cue, k, source, channel, cs, ce, v.word_at(cs), "before", document_source=document_source, break_at=self._break_position(v, k, cue_start, first))
        # Phrase at the start of its sentence: the content follows the source.
        if why in ("end", "limit"):
            stop = self._chain_end(v, src_word, end)
            source = (src_char, v.ends[stop - 1]) if src_char is not None and stop > src_word else source
            nxt_word, ch2 = stop, None
        else:
            nxt_word, ch2 = self._skip_zone(v, stop, end, None)
        channel = channel or ch2
        intro = self._introducer(v, nxt_word, end, None) or self._plain_or_quote(v, nxt_word, end)
        if intro is None:
            return None
        return self._with_content(v, cue, k, source, channel, intro, end, document_source=document_source, break_at=self._break_position(v, k, cue_start, first))

    def _parenthetical_end(self, v: WordView, k: int, stop: int, end: int) -> Optional[int]:
        """«تدور حاليا، وفق المرصد، اشتباكات عنيفة ...», «أصيب عدد آخر - بحسب
        ما ذكره الشهود - في الانفجار»: a phrase cue set off by commas or
        dashes inside its clause, which goes on after it. Returns the end of
        the clause (the sentence end, or the comma before the next cue), or
        None when the words after the source start a clause or detail of
        their own (a date, «الذي», «وأضاف», «فإن», another cue)."""
        lx = self.lex
        marks = COMMAS | DASHES
        if k == 0 or v.norms[k - 1] not in marks or stop >= end or v.norms[stop] not in marks:
            return None
        if (v.norms[k - 1] in DASHES) != (v.norms[stop] in DASHES):
            return None
        x = stop + 1
        while x < end and not v.alpha[x] and v.starts[x] in v.quotes:
            x += 1  # «، "اشتباكات ...»: a quotation opens the rest
        if x >= end or not v.alpha[x]:
            return None
        n = v.norms[x]
        if (
            (n[0] == "و" and n not in lx.waw_initial_words)
            or n in lx.relative_pronouns
            or in_words(n, lx.aside_starters)
            or self._is_comp(v, x)
            or self._time_len(v, x, end)
            or self._cue_at(v, x)[0] is not None
            or in_words(n, self._phrase_first)
            or (x + 1 < end and (bare(n), v.norms[x + 1]) in lx.phrase_relay)
            or in_words(n, lx.contrast_connectors)
            or (x + 1 < end and (n, v.norms[x + 1]) in lx.contrast_two_words)
            or in_words(n, lx.source_end_words)
            or n in lx.parenthetical_stops
            or (x + 1 < end and v.norms[x + 1] in lx.relative_pronouns)  # «، الأمر الذي نفاه»
        ):
            return None
        e = v.ends[end - 1]
        for y in range(x + 1, end):
            if v.alpha[y] and (self._cue_at(v, y)[0] is not None or in_words(v.norms[y], self._phrase_first)) and v.norms[y] != "في":
                p = y - 1
                while p > x and not v.alpha[p]:
                    p -= 1
                e = v.ends[p]
                break
        return self._trim_end(v.text, v.starts[x], e)

    def _say_noun(self, n: str) -> Optional[bool]:
        """True for a bare say-noun («قول», «زعم»), False for one with a
        pronoun («قوله», «زعمها»), None for any other word."""
        nouns = self.lex.phrase_say_nouns
        if n in nouns:
            return True
        for suf in ("هما", "هم", "ها", "ه"):
            if n.endswith(suf) and n[: -len(suf)] in nouns:
                return False
        return None

    def _verb_statement(self, v: WordView, k: int, cue: Cue, prefix: int) -> Optional[Found]:
        lx = self.lex
        end = v.sent_end(k)
        first = v.sent_first[v.sent_of[k]]
        if self._negated(v, k, cue):
            return None
        blockers = self.lex.not_cue_after.get(bare(v.norms[k]))
        if blockers and k > first and in_words(v.norms[k - 1], blockers):
            return None  # «من بين», «ما بين»: between, not «he clarified»
        if prefix == 0 and k > first and v.alpha[k - 1] and v.norms[k] in lx.cue_only_at_clause_start and v.norms[k - 1] != "كما":
            return None  # «الصراع بين ...»: after a noun it is «between»
        if cue.needs_prep and not any(v.norms[j] in cue.preps for j in range(k + 1, min(end, k + 1 + self.max_source_words + 6))):
            return None  # «حمل السلاح»: carried, not «حمّل ... المسؤولية»
        cue_span = (v.starts[k] + prefix, v.ends[k])
        i = k + 1
        if cue.in_document and not self._document_follows(v, i, end):
            return None  # «جاء ذلك», «جاء الهجوم بعد ...»: came, not said
        # The writer's background note «يذكر أن» is not a statement.
        if cue.lemma == "ذكر" and bare(v.norms[k]) == "يذكر" and i < end and (
            self._is_comp(v, i) or v.norms[i] in ("الي", "ان")
        ):
            return None
        source = None
        channel = None
        document_source = None
        fronted = None
        split_done = False  # the object was already cut off the source
        if cue.kind == "verb":
            fronted = self._fronted_source(v, k, first)
        if fronted is not None:
            source = fronted
        i, channel = self._skip_zone(v, i, end, cue)
        quoted_source = 0
        if fronted is None and cue.kind == "verb":
            quoted_source = self._quoted_source_len(v, i, end)
        intro = None if quoted_source else self._introducer(v, i, end, cue)
        if intro is None and fronted is not None and not cue.np_object and i < end:
            # «وكان المركز قد أشار خلال اليومين السابقين إلى ...»
            if self._circumstance_at(v, i, end) or not self._np_content_at(v, i):
                intro = self._marked_after(v, i, end, cue)
            if intro is None:
                sw = v.word_at(fronted[0])
                if sw > first and v.norms[sw - 1] in ("ان", "بان", "فان"):
                    return None
                fronted = source = None  # not a subject after all: read on
        if intro is None and fronted is None and cue.kind == "verb" and i < end and (v.alpha[i] or quoted_source):
            head = v.norms[i]
            if cue.np_object and (head in lx.content_starters or deart(head) in lx.content_starters):
                intro = ("clause", v.starts[i], i)  # «وأكد دعم ...»: no source
            elif channel is not None and v.norms[i].startswith("ل") and not v.norms[i].startswith("لل"):
                # «قال في تصريح لرابطة ... إنه»: whom he spoke to, not a source.
                stop, why = self._scan_source(v, i + 1, end, cue)
                nxt, _ = self._skip_zone(v, stop, end, cue)
                intro = self._introducer(v, nxt, end, cue)
            else:
                src_first = i
                doc_src = self._document_source(v, i, end)
                src_char = v.starts[i]
                if cue.in_document and v.norms[i].startswith("ل") and len(v.norms[i]) > 2:
                    src_char += 1  # «جاء في بيان للقوات ...»: the body after ل
                if doc_src is not None:
                    channel, src_char, src_first, definite = doc_src
                    document_source = "definite" if definite else "indefinite"
                if quoted_source:
                    # «وقال "الزوي": "..."», «ونقلت “السومرية” عن ...»; with
                    # no marked content after it the object follows the name
                    # («أعلنت «ولاية سيناء» قتل موظف»).
                    stop, why = self._scan_source(v, src_first + quoted_source, end, cue)
                    if why in ("end", "limit"):
                        stop, why = src_first + quoted_source, "quoted"
                else:
                    stop, why = self._scan_source(v, src_first, end, cue)
                if why == "quoted":
                    source = (src_char, v.ends[stop - 1])
                    intro = self._plain_or_quote(v, stop, end) if cue.np_object else None
                    if intro is None:  # the quotation is the content after all
                        source = None
                        intro = self._introducer(v, src_first, end, cue)
                elif why in ("end", "limit"):
                    if not cue.np_object or src_first >= end:
                        return None
                    stop = self._chain_end(v, src_first, end)
                    if src_char is not None and stop > src_first:
                        source = (src_char, v.ends[stop - 1])
                    intro = self._plain_or_quote(v, stop, end)
                else:
                    if src_char is not None and stop > src_first:
                        source = (src_char, v.ends[stop - 1])
                    nxt, ch2 = self._skip_zone(v, stop, end, cue)
                    channel = channel or ch2
                    intro = self._introducer(v, nxt, end, cue)
                    if (
                        intro is None
                        and why == "skip"
                        and nxt < end
                        and self._circumstance_at(v, stop, end)
                        and not (cue.np_object and self._np_content_at(v, nxt))
                    ):
                        # «قال الأسد في مقابلة مع شبكة ... "..."», «قال فلان
                        # خلال ندوة عقدها ...، إن»: a circumstance after the
                        # source runs on to the marked content.
                        intro = self._marked_after(v, nxt, end, cue)
                    if intro is None and why == "skip" and stop < end and v.norms[stop] in COMMAS and src_char is not None:
                        # «المتحدث باسم الجيش، العميد فلان، ...», «فلان، مبعوث
                        # الأمين العام، ...»: a name or a role between commas.
                        last = self._name_apposition(v, stop, end, src_first)
                        if last is not None:
                            source = (src_char, v.ends[last - 1])
                            nxt, ch2 = self._skip_zone(v, last, end, cue)
                            channel = channel or ch2
                            intro = self._introducer(v, nxt, end, cue)
                            if intro is None and cue.object_first and nxt < end:
                                # «اتهم المتحدث، فلان، أنقرة بـ...»: the object
                                # follows; _split_object cuts it off.
                                x = nxt
                                for _ in range(self.max_appositions):
                                    stop2, why2 = self._scan_source(v, x, end, cue)
                                    if why2 == "intro" and stop2 > nxt:
                                        intro = self._introducer(v, stop2, end, cue)
                                        if intro is not None:
                                            split_done = True
                                            if cue.object_in_content and intro[0] == "clause":
                                                intro = ("clause", v.starts[nxt], nxt)
                                        break
                                    if why2 == "skip" and stop2 < end and v.norms[stop2] in COMMAS:
                                        x = stop2 + 1
                                        continue
                                    break
                            if intro is None and cue.np_object and nxt < end and self._np_content_at(v, nxt):
                                intro = self._plain_or_quote(v, nxt, end)
                            if intro is None:
                                source = (src_char, v.ends[stop - 1])
                                nxt, _ = self._skip_zone(v, stop, end, cue)
                    if intro is None and why == "skip" and nxt < end:
                        # Appositions between commas: «وزير الداخلية، جيرار
                        # كولومب، الجمعة، أنه ...», «X، المتحدث باسم Y، إن».
                        found_apposition = self._apposition_source(v, nxt, end, cue, stop)
                        if found_apposition is not None:
                            last, ch3, intro = found_apposition
                            start_char = src_char if src_char is not None else v.starts[nxt]
                            if start_char < v.ends[last - 1]:  # a document subject may leave nothing
                                source = (start_char, v.ends[last - 1])
                            channel = channel or ch3
                    if intro is None and not cue.np_object and why == "skip" and nxt < end and self._circumstance_at(v, nxt, end):
                        # «وقال المقدم فلان، خلال ندوة صحفية عقدها ...، "..."»
                        intro = self._marked_after(v, nxt, end, cue)
                    if intro is None and cue.np_object and why == "skip":
                        # «نفت الإمارات اتهامات إيرانية، ...»: the object may
                        # sit before the comma; the subject chain says where.
                        chain = self._chain_end(v, src_first, stop)
                        if chain < stop and src_char is not None:
                            source = (src_char, v.ends[chain - 1])
                            intro = self._plain_or_quote(v, chain, end)
                        else:
                            intro = self._plain_or_quote(v, nxt, end)
        elif intro is None and fronted is not None and cue.np_object:
            intro = self._plain_or_quote(v, i, end)
        elif intro is None and cue.kind == "participle" and cue.preps and i < end and v.norms[i] in OBJECT_PRONOUNS:
            # «متهمة إياهم بالتعاون مع الغرب»: the pronoun object is not
            # reported; the content starts at the preposition phrase.
            j = i + 1
            ps = self._prep_start(v, j, cue) if j < end else None
            if ps is not None and ps >= 0:
                intro = ("clause", ps, j)
            elif ps is not None:
                intro = self._plain_or_quote(v, j + 1, end)
            elif j < end and self._is_opener(v, j):
                intro = self._plain_or_quote(v, j, end)
        elif intro is None and cue.kind == "participle" and cue.preps:
            # «داعيا المواطنين إلى ...», «متهمة فلانا بالفساد»: the object
            # and its preposition phrase are the content.
            for j in range(i + 1, min(end, i + 5)):
                if not v.alpha[j]:
                    break
                # A glued «ب» counts only after a comma: «...، متهمة فلانا
                # بالفساد», not «75 متهما بـ» or «كيانات متهمة بـ» (nouns).
                glued = j > i and k > 0 and v.norms[k - 1] in COMMAS and self._prep_start(v, j, cue) is not None
                if v.norms[j] in cue.preps or glued:
                    intro = self._plain_or_quote(v, i, end)
                    break
        if intro is None:
            return None
        if cue.event_object and intro[0] == "clause" and intro[2] < v.n:
            # «تحدث الشهود عن انفجار هائل» reports an event; «تحدث الوزير
            # عن الوضع الأمني» names a topic (a definite noun).
            head = v.norms[intro[2]]
            if is_definite(head) and head not in lx.content_starters and deart(head) not in lx.content_starters:
                return None
        if cue.object_first and source is not None and fronted is None and not split_done:
            source, intro = self._split_object(v, source, intro, cue)
        return self._with_content(
            v,
            cue_span,
            k,
            source,
            channel,
            intro,
            end,
            passive=cue.kind == "passive",
            continuation=source is None,
            document_source=document_source,
            break_at=self._fronted_break(v, fronted, first) if fronted is not None
            else (self._break_position(v, k, cue_span[0], first) if prefix == 0 else v.starts[k]),
        )

    def _content_follows(self, v: WordView, stop: int, nxt: int, end: int, cue: Cue) -> bool:
        """After «كما قال فلان»: does the verb's own content follow? Words
        right after the source do (an object, «أن»); after a comma only a
        complementiser, a quotation or a colon further on does («كما قال
        نصر بن سيار، حين فات وقت القول» ends the phrase)."""
        if self._introducer(v, nxt, end, cue) is not None:
            return True
        if v.alpha[nxt] and not (stop < end and v.norms[stop] in COMMAS):
            return True
        return any(self._is_comp(v, j) or self._is_opener(v, j) or v.norms[j] == ":" for j in range(nxt, end))

    def _quoted_source_len(self, v: WordView, i: int, end: int) -> int:
        """Words of a quoted name right after a cue that is its subject
        («وقال "الزوي": "..."», «ونقلت “السومرية” عن شهود», «وتابعت
        "يونهاب" نقلا عن»): a short quotation that holds a name (an entity
        written from its first word) and is followed by a colon, a comma,
        or a word of the same sentence, not by the end of the sentence. 0
        when the quotation is the content."""
        if i >= end or v.alpha[i] or v.starts[i] not in v.quotes:
            return 0
        close = v.quotes[v.starts[i]]
        inner = v.text[v.starts[i] + 1 : close]
        if not inner.strip() or len(inner.split()) > 4 or any(c in inner for c in ".؟?!:،,"):
            return 0
        if i + 1 >= end:
            return 0
        ent = v.ent_covering(v.starts[i + 1])
        if ent is None or ent[0] != v.starts[i + 1] or ent[1] > close:
            return 0
        last = v.word_at(close)
        if last + 1 >= end:
            return 0
        nxt = v.norms[last + 1]
        if not (v.alpha[last + 1] or nxt == ":" or nxt in COMMAS):
            return 0
        return last + 1 - i

    def _fronted_break(self, v: WordView, fronted: tuple, first: int) -> int:
        """Where a statement with its subject before the verb ends an earlier
        content. Inside a reported clause («قال إن الرئيس كان يشير ...») it
        does not: the outer content runs on over it (v1.2: speech reported
        inside a content is its own statement). Otherwise at the subject, or
        the «وكان / لكن» that opens it («...، لكن مسؤولا تركيا قال»)."""
        sw = v.word_at(fronted[0])
        if sw > first and v.norms[sw - 1] in ("ان", "بان", "فان"):
            return len(v.text) + 1
        b = sw
        while b - 1 >= first and v.alpha[b - 1] and bare(v.norms[b - 1]) in self.lex.fronted_triggers:
            b -= 1
        return self._break_position(v, b, v.starts[b], first)

    def _name_apposition(self, v: WordView, comma: int, end: int, src_first: int) -> Optional[int]:
        """Segments after the source that rename it, each closed by a comma:
        a personal name with its titles after a role («المتحدث باسم الجيش،
        العميد أحمد فلان،») or a role after a name («ستيفان فلان، مبعوث
        الأمين العام إلى سوريا،»). Returns the word after the last one (the
        closing comma) or None."""
        lx = self.lex
        last = None
        prev_is_per = self._ends_with_per(v, src_first, comma)
        for _ in range(self.max_appositions):
            seg = comma + 1
            close = None
            for x in range(seg, min(end, seg + 12)):
                if v.norms[x] in COMMAS:
                    close = x
                    break
                if not v.alpha[x] and v.norms[x] not in "()":
                    break
            if close is None or close == seg:
                break
            words = range(seg, close)
            if any(
                self._cue_at(v, x)[0] is not None
                or self._is_comp(v, x)
                or v.norms[x] in lx.content_starters
                or deart(v.norms[x]) in lx.content_starters
                or v.norms[x] in lx.relative_pronouns
                for x in words
            ):
                break
            is_name = not prev_is_per and self._ends_with_per(v, seg, close) and close - seg <= 7
            head = v.norms[seg]
            is_role = prev_is_per and (deart(head) in lx.role_heads or head in lx.role_heads)
            if not (is_name or is_role):
                break
            last = close
            prev_is_per = is_name
            comma = close
        return last

    def _ends_with_per(self, v: WordView, first: int, stop: int) -> bool:
        """Words first..stop-1 end with a personal name written as an entity."""
        if stop <= first:
            return False
        ent = v.ent_covering(v.ends[stop - 1] - 1)
        return ent is not None and ent[2] == "PER" and ent[1] == v.ends[stop - 1] and ent[0] >= v.starts[first]

    def _document_follows(self, v: WordView, i: int, end: int) -> bool:
        """«في بيان», «في البيان», «في تصريح ...», or «فيه / فيها» after a cue
        that reports only what a document says (`in_document`)."""
        if i >= end or not v.alpha[i]:
            return False
        n = v.norms[i]
        if n in ("فيه", "فيها"):
            return True
        if n != "في" or i + 1 >= end:
            return False
        nxt = v.norms[i + 1]
        return self._is_channel_noun(nxt) or deart(nxt) in self.lex.statement_documents

    def _np_content_at(self, v: WordView, j: int) -> bool:
        """Word j can open a noun-phrase content («أعلنت طالبان في بيان
        إطلاق ...»): a word that is no preposition."""
        n = v.norms[j]
        return v.alpha[j] and n not in self.lex.after_name_prepositions and not (n.startswith("ل") and n not in self.lex.waw_initial_words)

    def _circumstance_at(self, v: WordView, j: int, end: int) -> bool:
        """Word j opens a circumstance of the speech act («خلال ندوة»,
        «أمام صحافيين», «في مقابلة», «قال فلان من منزله»), after which the
        content is still to come."""
        return j < end and v.alpha[j] and (
            in_words(v.norms[j], self.lex.source_end_words)
            or self._after_name(v, j, end)
            or self._channel_len(v, j, end)[0] > 0
        )

    def _marked_after(self, v: WordView, i: int, end: int, cue: Cue, window: int = 16):
        """The first complementiser, quotation mark or colon within `window`
        words after i (no cue word, sentence end or relative clause start
        between): the content after a circumstance phrase that follows the
        source («في مؤتمر صحفي عقده في أنقرة "..."»)."""
        x = i
        while x < min(end, i + window):
            q = self._quoted_name_len(v, x)
            if q:  # «مع شبكة "روسيا اليوم" الإخبارية»: a quoted name
                x += q
                continue
            if self._is_comp(v, x) or self._is_opener(v, x) or v.norms[x] == ":" or self._prep_start(v, x, cue) == -1:
                return self._introducer(v, x, end, cue)
            if v.alpha[x] and self._cue_at(v, x)[0] is not None:
                return None
            if not v.alpha[x] and v.norms[x] not in COMMAS and v.norms[x] not in DASHES and v.norms[x] not in "()/":
                return None
            x += 1
        return None

    def _apposition_source(self, v: WordView, seg: int, end: int, cue: Cue, first_stop: int):
        """Comma-separated segments after the source head («بشار الجعفري،
        مندوب سوريا إلى الأمم المتحدة، إن»). Returns (end word of the source,
        channel, introducer) when a marked content (complementiser, quotation
        mark, colon) follows the last segment, else None. Segments that open
        with a relative pronoun or an aside («الذي ...», «ومقره لندن»,
        «الموالي للمعارضة») are read past but stay outside the source; a
        segment holding a cue word or a typical object noun ends the search
        (it is a new clause, not an apposition)."""
        lx = self.lex
        last = first_stop
        keep = True
        for _ in range(self.max_appositions):
            if seg >= end or not v.alpha[seg] or seg - first_stop > self.max_source_words + 6:
                return None
            stop, why = self._scan_source(v, seg, end, cue)
            if stop == seg or why not in ("intro", "skip"):
                return None
            for x in range(seg, stop):
                n = v.norms[x]
                if self._cue_at(v, x)[0] is not None or n in lx.content_starters or deart(n) in lx.content_starters:
                    return None
            head = v.norms[seg]
            if head in lx.relative_pronouns or in_words(head, lx.aside_starters):
                keep = False
            if keep:
                last = stop
            nxt, channel = self._skip_zone(v, stop, end, cue)
            marked = nxt < end and (self._is_comp(v, nxt) or self._is_opener(v, nxt) or v.norms[nxt] == ":")
            if marked:
                intro = self._introducer(v, nxt, end, cue)
                return (last, channel, intro) if intro is not None else None
            if why != "skip" or nxt == stop:
                return None
            seg = nxt
        return None

    def _split_object(self, v: WordView, source: tuple, intro: tuple, cue: Cue):
        """«وصف الوزير الهجوم بأنه»: cut the object off the source; for
        `object_content` cues the object opens the content."""
        first = v.word_at(source[0])
        last = v.word_at(source[1] - 1) + 1
        for x in range(last - 1, first, -1):
            if v.norms[x] in COMMAS:  # appositions: the object follows the last one
                first = x + 1
                break
        sub = self._subject_end(v, first, last)
        if sub >= last:
            return source, intro
        source = (source[0], v.ends[sub - 1])
        if cue.object_in_content and intro[0] == "clause":
            intro = ("clause", v.starts[sub], sub)
        return source, intro

