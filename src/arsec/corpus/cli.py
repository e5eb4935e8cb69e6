"""`arsec corpus ...`: the annotation workflow on the command line.

    python -m arsec.corpus new ID --annotator NAME     # write corpus_work/ID.txt and ID.ann
    python -m arsec.corpus check corpus_work/ID.ann    # resolve, validate, show spans in context
    python -m arsec.corpus store corpus_work/ID.ann --batch batch-001
    python -m arsec.corpus validate                    # all stored batches against the data
    python -m arsec.corpus agreement A.jsonl B.jsonl
"""
from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Callable, List, Optional

import typer

from .agreement import agreement_files, format_table, to_json
from .anchored import AnchoredError, parse, parse_header, render
from .data import ANNOTATIONS_DIR, CORPUS_DIR, WORK_DIR, load_articles
from .standoff import StandoffError, iter_standoff, read_jsonl, store, to_gold, to_standoff
from .validate import validate_record, validate_standoff

app = typer.Typer(help="Gold corpus tools: annotate, validate, store, compare.", no_args_is_help=True)

DataOpt = typer.Option(None, "--data", help="shared data folder (default ../shared/data or $ARSEC_DATA)")


def _article(doc_id: str, corpus: str, data: Optional[Path]) -> dict:
    try:
        return load_articles([doc_id], corpus, data)[doc_id]
    except KeyError as err:
        raise typer.BadParameter(str(err)) from None


def _predictor(model: Optional[str], to_record: str) -> Optional[Callable[[str], dict]]:
    """text → record from a pipeline, or None when no pipeline can be loaded."""
    try:
        if model:
            import spacy
            nlp = spacy.load(model)
        else:
            import arsec
            nlp = arsec.load()
        module, _, func = to_record.partition(":")
        convert = getattr(importlib.import_module(module), func)
    except Exception as err:  # no pipeline yet: annotators start from an empty file
        typer.echo(f"no pipeline for prefill ({type(err).__name__}: {err}); writing empty files", err=True)
        return None
    return lambda text: convert(nlp(text))


@app.command()
def new(ids: List[str], annotator: str = typer.Option("", help="your name or agent id"),
        corpus: str = "security", data: Optional[Path] = DataOpt,
        prefill_from_model: bool = typer.Option(True, "--prefill/--empty", help="start from system predictions"),
        model: Optional[str] = typer.Option(None, help="spaCy pipeline for prefill (default arsec.load())"),
        to_record: str = typer.Option("arsec.output:doc_to_record", help="module:function Doc → record"),
        work: Path = typer.Option(WORK_DIR, help="working folder (git-ignored)"),
        force: bool = typer.Option(False, help="overwrite an existing .ann file")):
    """Write WORK/ID.txt (the article) and WORK/ID.ann (the file to annotate)."""
    from .prefill import prefill

    predict = _predictor(model, to_record) if prefill_from_model else None
    articles = load_articles(ids, corpus, data)
    work.mkdir(parents=True, exist_ok=True)
    for doc_id in ids:
        text = articles[doc_id]["text"]
        (work / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        ann = work / f"{doc_id}.ann"
        if ann.exists() and not force:
            typer.echo(f"{ann} exists, kept (use --force to overwrite)")
            continue
        ann.write_text(prefill(doc_id, text, predict, annotator, corpus), encoding="utf-8")
        typer.echo(f"wrote {ann}")


def _context(text: str, s: int, e: int, width: int = 25) -> str:
    left = text[max(0, s - width):s].replace("\n", " ")
    right = text[e:e + width].replace("\n", " ")
    return f"…{left}[{text[s:e]}]{right}…"


def _show(rec: dict) -> None:
    text = rec["text"]
    for ent in rec["entities"]:
        typer.echo(f"ENT  {ent['label']:<11} {ent['start']:>5}-{ent['end']:<5} {_context(text, ent['start'], ent['end'])}")
    for u in rec["units"]:
        typer.echo(f"UNIT {u['echelon'] or '-':<11} {u['start']:>5}-{u['end']:<5} {_context(text, u['start'], u['end'])}")
    for o in rec["operations"]:
        typer.echo(f"OP   phase={o['phase']!s:<5} {o['start']:>5}-{o['end']:<5} {_context(text, o['start'], o['end'])}")
    for st in rec["statements"]:
        for part in ("cue", "source", "content", "channel"):
            if st[part]:
                typer.echo(f"STMT {part:<11} {st[part]['start']:>5}-{st[part]['end']:<5} "
                           f"{_context(text, st[part]['start'], st[part]['end'])}")


def _read_ann(path: Path, corpus: Optional[str], data: Optional[Path]) -> dict:
    content = path.read_text(encoding="utf-8")
    header = parse_header(content)
    doc_id = header.get("id") or path.stem
    text = _article(doc_id, corpus or header.get("corpus") or "security", data)["text"]
    return parse(content, text, doc_id)


@app.command()
def check(files: List[Path], show: bool = typer.Option(True, help="print every span in context"),
          corpus: Optional[str] = None, data: Optional[Path] = DataOpt):
    """Resolve and validate anchored files; exit 1 on any problem."""
    failed = False
    for path in files:
        try:
            rec = _read_ann(path, corpus, data)
        except AnchoredError as err:
            failed = True
            typer.echo(f"{path}: cannot resolve:\n  " + "\n  ".join(err.problems))
            continue
        if show:
            _show(rec)
        problems = validate_record(rec)
        failed |= bool(problems)
        for p in problems:
            typer.echo(f"{path}: {p}")
        typer.echo(f"{path}: {'OK' if not problems else f'{len(problems)} problem(s)'} "
                   f"({len(rec['entities'])} entities, {len(rec['units'])} units, "
                   f"{len(rec['operations'])} operations, {len(rec['statements'])} statements)")
    raise typer.Exit(1 if failed else 0)


@app.command("store")
def store_cmd(files: List[Path], batch: str = typer.Option(..., help="batch name, e.g. batch-001"),
              annotator: Optional[str] = typer.Option(None, help="overrides the ANNOTATOR header"),
              corpus: Optional[str] = None, data: Optional[Path] = DataOpt,
              out_dir: Path = typer.Option(ANNOTATIONS_DIR, help="standoff folder")):
    """Validate anchored files and store them as standoff in OUT_DIR/BATCH.jsonl."""
    records = []
    for path in files:
        header = parse_header(path.read_text(encoding="utf-8"))
        try:
            rec = _read_ann(path, corpus, data)
        except AnchoredError as err:
            raise typer.BadParameter(f"{path}: cannot resolve:\n" + "\n".join(err.problems)) from None
        problems = validate_record(rec)
        if problems:
            raise typer.BadParameter(f"{path}: not stored, fix first:\n" + "\n".join(map(str, problems)))
        try:
            records.append(to_standoff(rec, corpus or header.get("corpus") or "security",
                                       annotator if annotator is not None else header.get("annotator", ""), batch))
        except StandoffError as err:
            raise typer.BadParameter(str(err)) from None
    ids = store(records, out_dir / f"{batch}.jsonl")
    typer.echo(f"stored {len(ids)} article(s) in {out_dir / f'{batch}.jsonl'}")


@app.command()
def export(ids: List[str], batch: str = typer.Option(..., help="batch file to read"),
           data: Optional[Path] = DataOpt, out_dir: Path = typer.Option(ANNOTATIONS_DIR),
           work: Path = typer.Option(WORK_DIR), force: bool = False):
    """Write stored annotations back to WORK/ID.ann for correction."""
    stand = {r["id"]: r for r in read_jsonl(out_dir / f"{batch}.jsonl")}
    work.mkdir(parents=True, exist_ok=True)
    for doc_id in ids:
        rec = stand[doc_id]
        text = _article(doc_id, rec.get("corpus", "security"), data)["text"]
        path = work / f"{doc_id}.ann"
        if path.exists() and not force:
            typer.echo(f"{path} exists, kept (use --force)")
            continue
        (work / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        path.write_text(render(to_gold(rec, text), rec.get("annotator", ""), rec.get("corpus", "security")),
                        encoding="utf-8")
        typer.echo(f"wrote {path}")


@app.command()
def validate(paths: List[Path] = typer.Argument(None, help="standoff .jsonl files or folders (default corpus/annotations)"),
             data: Optional[Path] = DataOpt):
    """Validate stored standoff batches against the shared articles; exit 1 on any problem."""
    records = list(iter_standoff(paths or [ANNOTATIONS_DIR]))
    by_corpus: dict[str, set] = {}
    for r in records:
        by_corpus.setdefault(r.get("corpus", "security"), set()).add(r["id"])
    texts = {}
    for corpus, ids in by_corpus.items():
        found = load_articles(None, corpus, data)
        texts.update({k: found[k]["text"] for k in ids if k in found})
    n_problems = 0
    for rec in records:
        for p in validate_standoff(rec, texts.get(rec["id"])):
            n_problems += 1
            typer.echo(f"{rec.get('batch', '')}: {p}")
    typer.echo(f"{len(records)} record(s), {n_problems} problem(s)")
    raise typer.Exit(1 if n_problems else 0)


@app.command("agreement")
def agreement_cmd(a: Path, b: Path, json_out: Optional[Path] = typer.Option(None, "--json", help="also write JSON here"),
                  data: Optional[Path] = DataOpt):
    """Agreement between two standoff files: `arsec.scoring` with A as gold, B as predicted."""
    result = agreement_files(a, b, data)
    typer.echo(format_table(result))
    if json_out:
        json_out.write_text(to_json(result), encoding="utf-8")


@app.command()
def todo(n: int = 10, selection: Path = typer.Option(CORPUS_DIR / "selection.jsonl"),
         annotations: Path = typer.Option(ANNOTATIONS_DIR)):
    """The next N selected articles nobody has stored yet, in selection order."""
    done = {r["id"] for r in iter_standoff([annotations])} if annotations.exists() else set()
    picked = sorted(read_jsonl(selection), key=lambda r: r["order"])
    for rec in [r for r in picked if r["id"] not in done][:n]:
        typer.echo(rec["id"])


@app.command()
def docbins(out: Path, data: Optional[Path] = DataOpt,
            splits_file: Path = typer.Option(CORPUS_DIR / "splits.json"),
            model: Optional[str] = typer.Option(None, help="spaCy pipeline whose tokenizer to use (default: arsec tokenizer)")):
    """Write train/dev/test DocBins and report gold spans off token boundaries."""
    import spacy

    from .. import blank
    from .gold import gold_records, to_docbins

    nlp = spacy.load(model) if model else blank()
    splits = json.loads(splits_file.read_text(encoding="utf-8")) if splits_file.exists() else None
    report = to_docbins(gold_records(data=data), nlp.make_doc, out, splits)
    typer.echo(report.summary())
    for m in report.misaligned:
        typer.echo(f"  {m['id']} {m['group']} [{m['start']}, {m['end']}) tokens: {' | '.join(m['tokens'])}")


@app.command()
def stats(data: Optional[Path] = DataOpt, splits_file: Path = typer.Option(CORPUS_DIR / "splits.json"),
          json_out: Optional[Path] = typer.Option(None, "--json", help="also write JSON here")):
    """Counts per split, label, echelon and statement type (for docs/corpus.md)."""
    from .gold import gold_records
    from .stats import corpus_stats, format_stats

    splits = json.loads(splits_file.read_text(encoding="utf-8")) if splits_file.exists() else None
    result = corpus_stats(gold_records(data=data), splits)
    typer.echo(format_stats(result))
    if json_out:
        json_out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    app()
