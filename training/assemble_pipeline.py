"""Build a rule-only pipeline from a config and save it where `arsec.load` finds it.

    python training/assemble_pipeline.py configs/rules.cfg src/arsec/pipelines/arsec_rules

This is `spacy assemble` plus the package metadata (name, version) that
`spacy.load` reports; trained pipelines come from `spacy train` instead.
"""
from __future__ import annotations

from pathlib import Path

import spacy
import typer

import arsec


def main(config_path: Path, output_dir: Path, name: str = "arsec_rules") -> None:
    config = spacy.util.load_config(config_path)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.initialize()
    nlp.meta.update(
        {
            "name": name,
            "version": arsec.__version__,
            "description": f"arsec rule-based pipeline, assembled from {config_path.as_posix()}",
            "license": "MIT",
        }
    )
    output_dir.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output_dir)
    typer.echo(f"Saved {name} ({', '.join(nlp.pipe_names)}) to {output_dir}")


if __name__ == "__main__":
    typer.run(main)
