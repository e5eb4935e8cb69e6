"""The `arsec` command line.

`arsec extract IN -o OUT` reads JSON Lines (one object per line with a text
field) and writes one OUTPUT.md record per input line, in input order. A bad
line never stops the run: it gets a record whose `error` says what was wrong.
Only unusable arguments or unreadable files give a non-zero exit status.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, BinaryIO, Iterator, Optional, TextIO

import typer
from tqdm import tqdm

from .corpus.cli import app as corpus_app
from .output import doc_to_record, error_record

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__.split("\n\n")[0])

DEFAULT_MAX_CHARS = 200_000


@app.callback()
def _root() -> None:
    """arsec: Arabic security-news extraction."""


@app.command()
def extract(
    input_path: str = typer.Argument(..., metavar="IN", help="JSON Lines file, or - for standard input."),
    output_path: str = typer.Option("-", "--output", "-o", help="Output JSON Lines file, or - for standard output."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Bundled pipeline name or pipeline directory (default: the bundled default)."),
    text_field: str = typer.Option("text", "--text-field", help="Field of each input object that holds the text."),
    id_field: str = typer.Option("id", "--id-field", help="Field copied to the record's id (the line number when absent)."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", min=1, help="Documents per batch (default: the pipeline's [nlp] batch_size)."),
    n_process: int = typer.Option(1, "--n-process", min=1, help="Worker processes."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", min=1, help="Longer texts get an error record instead of being processed."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar (default: only when standard error is a terminal)."),
) -> None:
    """Extract entities, units, operations and statements from JSON Lines."""
    import arsec

    try:
        source = _open_input(input_path)
    except OSError as e:
        _fail(f"cannot read {input_path}: {e.strerror or e}")
    try:
        sink = _open_output(output_path)
    except OSError as e:
        _fail(f"cannot write {output_path}: {e.strerror or e}")
    try:
        nlp = arsec.load(model)
    except OSError as e:
        _fail(str(e))
    nlp.max_length = max(nlp.max_length, max_chars + 1)
    show = sys.stderr.isatty() if progress is None else progress
    total = _count_lines(input_path) if show else None  # a second read, only for the bar
    items = _read_items(source, text_field, id_field, max_chars)
    records = process_items(nlp, items, batch_size=batch_size or nlp.batch_size, n_process=n_process)
    with tqdm(total=total, unit="doc", disable=not show, file=sys.stderr) as bar:
        for record in records:
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            bar.update(1)
    sink.flush()
    if sink is not sys.stdout:
        sink.close()


class _Item:
    """One input line: either a text to process or an error to report."""

    __slots__ = ("doc_id", "text", "error")

    def __init__(self, doc_id: Any, text: Any, error: Optional[str] = None):
        self.doc_id = doc_id
        self.text = text
        self.error = error


def _read_items(source: BinaryIO, text_field: str, id_field: str, max_chars: int) -> Iterator[_Item]:
    for line_no, raw in enumerate(source, start=1):
        raw = raw.rstrip(b"\r\n")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            yield _Item(line_no, None, f"line {line_no} is not valid UTF-8 (byte {e.start})")
            continue
        if not line.strip():
            yield _Item(line_no, None, f"line {line_no} is empty")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield _Item(line_no, None, f"line {line_no} is not valid JSON: {e.msg} (column {e.colno})")
            continue
        if not isinstance(obj, dict):
            yield _Item(line_no, None, f"line {line_no} is not a JSON object")
            continue
        doc_id = obj.get(id_field, line_no)
        text = obj.get(text_field)
        if text_field not in obj:
            yield _Item(doc_id, None, f"missing field {text_field!r}")
        elif not isinstance(text, str):
            yield _Item(doc_id, text, f"field {text_field!r} is {type(text).__name__}, not a string")
        elif len(text) > max_chars:
            yield _Item(doc_id, text, f"text too long: {len(text)} characters (limit {max_chars})")
        else:
            yield _Item(doc_id, text)


def process_items(nlp, items, batch_size: int = 16, n_process: int = 1,
                  chunk_size: Optional[int] = None) -> Iterator[dict[str, Any]]:
    """Yield one record per item, in order, whatever happens to single documents.

    Items with an error are answered without processing. Items go through
    `nlp.pipe` a chunk at a time; if processing a chunk raises, its documents
    are processed again one by one, so only the document that fails gets an
    error record. (spaCy's per-component error handlers cannot do this: its
    trained components do not all accept one.)
    """
    chunk_size = chunk_size or batch_size * max(1, n_process) * 8
    for chunk in _chunks(items, chunk_size):
        todo = [item for item in chunk if not item.error]
        try:
            results = [(doc, None) for doc in nlp.pipe(
                (item.text for item in todo), batch_size=batch_size, n_process=n_process)]
        except Exception:  # isolate the failing document(s)
            results = [_process_one(nlp, item.text) for item in todo]
        processed = iter(results)
        for item in chunk:
            if item.error:
                yield error_record(item.doc_id, item.text, item.error)
                continue
            doc, failure = next(processed)
            if failure is None:
                yield doc_to_record(doc, item.doc_id)
            else:
                yield error_record(item.doc_id, item.text, f"processing failed inside the pipeline: {failure}")


def _process_one(nlp, text: str):
    try:
        return nlp(text), None
    except Exception as e:  # reported in the record, the run goes on
        print(f"arsec: a document failed: {e!r}", file=sys.stderr)
        return None, type(e).__name__


def _chunks(items: Iterator[_Item], size: int) -> Iterator[list[_Item]]:
    chunk: list[_Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _open_input(path: str) -> BinaryIO:
    if path == "-":
        return sys.stdin.buffer
    p = Path(path)
    if p.is_dir():
        raise IsADirectoryError(21, "is a directory")
    return p.open("rb")


def _open_output(path: str) -> TextIO:
    if path == "-":
        return sys.stdout
    return open(path, "w", encoding="utf-8")


def _count_lines(path: str) -> Optional[int]:
    if path == "-":
        return None
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def _fail(message: str) -> None:
    typer.echo(f"arsec: error: {message}", err=True)
    raise typer.Exit(code=2)


def main() -> None:
    app()


app.add_typer(corpus_app, name="corpus")

if __name__ == "__main__":
    main()
