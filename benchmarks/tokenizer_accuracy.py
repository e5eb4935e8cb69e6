"""Token-span F1 of the arsec tokenizer against UD-level gold segmentations.

Metric. For a text, a *span* is a pair (start, end) of character offsets into
the text. Predicted spans are those of every token that is not whitespace
(`not token.is_space`); gold spans are those of every gold segment (UD word
or clitic). With P and G the sets of spans over the whole evaluation set
(offsets taken per document, document index included),
precision = |P ∩ G| / |P|, recall = |P ∩ G| / |G|, F1 = 2PR / (P + R).
A span counts only when both of its ends are exactly right.

Gold sets (read-only, under DATA, default `../shared/data`):

* `ud/UD_Arabic-PUD/ar_pud-ud-test.conllu`: the text of a sentence is its
  `# text` line; every syntactic word (multiword-token ranges and empty nodes
  skipped) is found in order in that text (PUD writes clitics as separate
  words glued with SpaceAfter=No, and «ل» + «لسلطة» spells «للسلطة», so every
  word form is a substring of the text).
* `segmentation/farasa-wikinews/WikiNews.pos.ref`: Farasa's fine segmentation
  reduced to the UD level as `segmentation/ANALYSIS.md` describes: leading
  single-letter segments و ف ب ل ك س are split off (while another segment
  follows), a trailing pronoun (POS PRON) ه ها هم هما هن ك كم كما كن ني ي نا
  is split off, and everything else (ال, NSUFF, CASE, verb suffixes) is glued
  back to the host. «ل+ال+X» is written «للX» on the surface: «ل» + «لX».
  Lines with a segment/POS count mismatch are skipped. The text is the
  surface words joined by one space, one document per «#» article marker.

Reference: spaCy's blank `ar` tokenizer on the same texts.

Neither set has a dev split. WikiNews served as the development set: the
rule design was checked against its error list and the two numeric settings
(`split_bias`, `stem_floor`) were chosen on a 5 x 4 grid on it, so its
figure is optimistic. No word list was taken from it. PUD is the untouched check: its
aggregate score was printed alongside during development, but its errors
were never inspected and no setting or rule was chosen on it.

Speed (`--speed`): words (whitespace-separated) per CPU second of the
tokenizer alone on `raw/security/security_news.jsonl.gz`, first pass (every
word type decided for the first time) and second pass (decisions cached).
CPU time (`time.process_time`) is used so that other load on the machine
does not count.

    python benchmarks/tokenizer_accuracy.py [DATA] [--json] [--speed]
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Callable, Iterable

import spacy

import arsec

Span = tuple[int, int]
GoldDoc = tuple[str, list[Span]]

_PROCLITICS = set("وفبلكس")
_ENCLITICS = {"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ني", "ي", "نا"}


def read_pud(path: Path) -> list[GoldDoc]:
    docs: list[GoldDoc] = []
    for block in path.read_text(encoding="utf8").split("\n\n"):
        text, forms = None, []
        for line in block.splitlines():
            if line.startswith("# text = "):
                text = line[len("# text = "):]
            elif line and not line.startswith("#"):
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                forms.append(cols[1])
        if text is None:
            continue
        spans, pos = [], 0
        for form in forms:
            start = text.find(form, pos)
            if start < 0 or text[pos:start].strip():
                raise ValueError(f"cannot align {form!r} in sentence {text[:40]!r}")
            spans.append((start, start + len(form)))
            pos = start + len(form)
        docs.append((text, spans))
    return docs


def farasa_to_ud(segments: list[str], tags: list[str]) -> list[str]:
    """Reduce one Farasa-segmented word to UD-level pieces (see module doc)."""
    pieces: list[str] = []
    i, j = 0, len(segments)
    while j - i > 1 and segments[i] in _PROCLITICS:
        pieces.append(segments[i])
        i += 1
    enclitic = None
    if j - i > 1 and tags[j - 1] == "PRON" and segments[j - 1] in _ENCLITICS:
        enclitic = segments[j - 1]
        j -= 1
    host = segments[i:j]
    if pieces and pieces[-1] == "ل" and host and host[0] == "ال":
        host = ["ل"] + host[1:]  # ل + ال + X is written للX
    pieces.append("".join(host))
    if enclitic:
        pieces.append(enclitic)
    return pieces


def read_wikinews(path: Path) -> list[GoldDoc]:
    docs: list[GoldDoc] = []
    words: list[list[str]] = []

    def flush() -> None:
        if not words:
            return
        text, spans, pos = [], [], 0
        for pieces in words:
            for piece in pieces:
                spans.append((pos, pos + len(piece)))
                pos += len(piece)
            text.append("".join(pieces))
            pos += 1
        docs.append((" ".join(text), spans))
        words.clear()

    lines = path.read_text(encoding="utf8").splitlines()[1:]
    for line in lines:
        if not line.strip():
            continue
        token, _, tag = line.rstrip("\r").partition("\t")
        if token == "#":
            flush()
            continue
        segments, tags = token.split("+"), tag.split("+")
        if len(segments) != len(tags) or not all(segments):
            continue
        words.append(farasa_to_ud(segments, tags))
    flush()
    return docs


def token_spans(doc) -> list[Span]:
    return [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]


def span_f1(tokenize: Callable[[str], object], docs: Iterable[GoldDoc]) -> dict:
    n_pred = n_gold = n_match = 0
    for text, gold in docs:
        doc = tokenize(text)
        if doc.text != text:
            raise AssertionError("tokenizer changed the text")
        predicted = set(token_spans(doc))
        gold_set = set(gold)
        n_pred += len(predicted)
        n_gold += len(gold_set)
        n_match += len(predicted & gold_set)
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "gold_spans": n_gold, "predicted_spans": n_pred}


def tokenizer_speed(make_doc: Callable[[str], object], path: Path) -> dict:
    with gzip.open(path, "rt", encoding="utf8") as f:
        texts = [json.loads(line)["text"] for line in f]
    n_words = sum(len(t.split()) for t in texts)
    result = {"words": n_words}
    for name in ("first_pass_words_per_s", "cached_words_per_s"):
        start = time.process_time()
        for text in texts:
            make_doc(text)
        result[name] = round(n_words / (time.process_time() - start))
    return result


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", default="../shared/data", type=Path)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--speed", action="store_true", help="also measure words per CPU second on security news")
    args = parser.parse_args(argv)

    sets = {
        "UD_Arabic-PUD": read_pud(args.data / "ud/UD_Arabic-PUD/ar_pud-ud-test.conllu"),
        "farasa-wikinews (UD level)": read_wikinews(args.data / "segmentation/farasa-wikinews/WikiNews.pos.ref"),
    }
    arsec_nlp = arsec.blank()
    blank_nlp = spacy.blank("ar")
    results: dict = {}
    for name, docs in sets.items():
        start = time.perf_counter()
        arsec_score = span_f1(arsec_nlp.make_doc, docs)
        arsec_score["seconds"] = round(time.perf_counter() - start, 2)
        results[name] = {"arsec": arsec_score, "spacy_blank_ar": span_f1(blank_nlp.make_doc, docs)}
    if args.speed:
        speed_nlp = arsec.blank()
        results["speed"] = tokenizer_speed(speed_nlp.make_doc, args.data / "raw/security/security_news.jsonl.gz")
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(f"{'set':28} {'tokenizer':16} {'P':>7} {'R':>7} {'F1':>7} {'gold':>7}")
        for name, by_tokenizer in results.items():
            if name == "speed":
                continue
            for tok_name, s in by_tokenizer.items():
                print(f"{name:28} {tok_name:16} {s['precision']:7.4f} {s['recall']:7.4f} {s['f1']:7.4f} {s['gold_spans']:7d}")
        if "speed" in results:
            sp = results["speed"]
            print(f"speed on security news ({sp['words']} words, CPU time): "
                  f"{sp['first_pass_words_per_s']} words/s first pass, {sp['cached_words_per_s']} words/s cached")
    return results


if __name__ == "__main__":
    main()
