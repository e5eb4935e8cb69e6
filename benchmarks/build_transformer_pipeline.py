"""Build a BERT-base-shaped arsec pipeline with random weights, for speed.

    python benchmarks/build_transformer_pipeline.py OUTDIR [--data ../shared/data]
    python benchmarks/speed.py --model OUTDIR --docs 50 --repeats 1 --n-process 1

The pipeline is configs/arsec_trf.cfg with the arsec_core pipeline's tokenizer
and rule components (same settings): arsec tokenizer → arsec_sentencizer →
transformer → ner → arsec_gazetteer → arsec_units → arsec_operations →
arsec_statements. The transformer is a BERT of exactly BERT-base's shape
(`arsec.local_bert.BASE`: hidden 768, 12 layers, 12 heads, intermediate 3072,
vocabulary 30,000 word pieces, the shape of CAMeLBERT and, but for its larger
embedding table, AraBERT) with random weights, its WordPiece vocabulary trained
on the security-news subset of ../shared/data/raw; the NER is initialised
(labels of arsec_core's NER) but not trained. Its compute per word is that of a
fine-tuned CAMeLBERT/AraBERT pipeline, so speed.py measures their speed; its
accuracy means nothing and is not measured. Nothing is downloaded.
"""
from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import typer

from speed import read_security_texts  # benchmarks/ is on sys.path when run as a script

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "configs" / "arsec_trf.cfg"
RULE_COMPONENTS = ["arsec_sentencizer", "arsec_gazetteer", "arsec_units", "arsec_operations", "arsec_statements"]


def build_config(bert_dir: Path):
    """configs/arsec_trf.cfg with the tokenizer and rule components of the
    bundled arsec_core pipeline (so the rules do exactly what they do there)."""
    import spacy

    import arsec

    config = spacy.util.load_config(CONFIG, overrides={"paths.transformer": str(bert_dir)}, interpolate=True)
    core = spacy.util.load_config(arsec.pipeline_path("arsec_core") / "config.cfg", interpolate=False)
    config["nlp"]["tokenizer"] = core["nlp"]["tokenizer"]
    for name in RULE_COMPONENTS:
        config["components"][name] = core["components"][name]
    return config


def main(
    outdir: Path = typer.Argument(..., help="pipeline directory to write"),
    data: Path = typer.Option(REPO.parent / "shared" / "data", help="shared data folder"),
    max_texts: int = typer.Option(0, help="articles to train the WordPiece vocabulary on (0: all)"),
    seed: int = typer.Option(0),
) -> None:
    import spacy
    from spacy.training import Example

    import arsec
    from arsec.local_bert import BASE, build_local_bert

    if not (data / "raw" / "security").exists():
        typer.echo(f"no security news under {data}", err=True)
        raise typer.Exit(2)
    texts = read_security_texts(data, max_texts or None)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        bert_dir = build_local_bert(Path(tmp) / "bert_base_random", texts, **BASE, seed=seed)
        from transformers import AutoTokenizer

        wordpiece = AutoTokenizer.from_pretrained(str(bert_dir))
        sample = texts[:200]
        pieces = sum(len(wordpiece(t, add_special_tokens=False, verbose=False)["input_ids"]) for t in sample)
        words = sum(len(t.split()) for t in sample)

        config = build_config(bert_dir)
        nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
        ner = nlp.get_pipe("ner")
        for label in arsec.load("arsec_core").get_pipe("ner").labels:
            ner.add_label(label)
        # The NER's shapes are inferred from a few unannotated documents; its
        # weights stay random (untrained).
        examples = [Example(nlp.make_doc(t), nlp.make_doc(t)) for t in texts[:8]]
        nlp.initialize(lambda: examples)
        nlp.meta.update({
            "name": "arsec_trf_base_random",
            "version": arsec.__version__,
            "description": "configs/arsec_trf.cfg with a BERT-base-shaped transformer with RANDOM weights "
                           "and an untrained NER: for speed measurements only "
                           "(benchmarks/build_transformer_pipeline.py)",
        })
        nlp.to_disk(outdir)
    report = {
        "outdir": str(outdir),
        "pipeline": nlp.pipe_names,
        "transformer": {k: v for k, v in BASE.items()},
        "wordpiece_vocab_trained_on_articles": len(texts),
        "word_pieces_per_word": round(pieces / words, 3),
        "ner_labels": list(ner.labels),
        "build_s": round(time.perf_counter() - t0, 1),
    }
    typer.echo(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    typer.run(main)
