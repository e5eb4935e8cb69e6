"""Build a rule-only pipeline from a config and save it where `arsec.load` finds it.

    python training/assemble_pipeline.py configs/rules.cfg src/arsec/pipelines/arsec_rules
    python training/assemble_pipeline.py configs/rules.cfg src/arsec/pipelines/arsec_rules \
        --refresh src/arsec/pipelines/arsec_core

This is `spacy assemble` plus the package metadata (name, version) that
`spacy.load` reports; trained pipelines come from `spacy train` instead.
A trained pipeline's config freezes its rule components' settings as they were
at training time; `--refresh DIR` writes the rule components' current settings
(from the assembled rule pipeline) into DIR's config, leaving trained
components untouched, so a rule change reaches the trained pipeline too.
"""
from __future__ import annotations

from pathlib import Path

import spacy
import typer

import arsec


def main(config_path: Path, output_dir: Path, name: str = "arsec_rules",
         refresh: list[Path] = typer.Option([], help="trained pipeline directories whose rule settings to update")) -> None:
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
    for trained_dir in refresh:
        trained = spacy.util.load_config(trained_dir / "config.cfg")
        for component in nlp.pipe_names:
            if component in trained["components"]:
                trained["components"][component] = nlp.config["components"][component]
        trained.to_disk(trained_dir / "config.cfg")
        typer.echo(f"Refreshed the rule components of {trained_dir}")


if __name__ == "__main__":
    typer.run(main)
