"""arsec: Arabic security and military news extraction as a spaCy pipeline.

    import arsec
    nlp = arsec.load()
    record = arsec.doc_to_record(nlp(text))

`spacy.load("arsec")` returns the same pipeline: spaCy finds the installed
package and calls `arsec.load`.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Iterable, Union

from .output import doc_to_record, error_record

__version__ = "0.1.0"
__all__ = ["load", "blank", "pipeline_path", "doc_to_record", "error_record", "DEFAULT_PIPELINE"]

# The pipeline `load()` returns when no other is named; it lives in
# src/arsec/pipelines/ and is rebuilt from configs/ (see README, "Building").
DEFAULT_PIPELINE = "arsec_core"


def pipeline_path(name: str = DEFAULT_PIPELINE) -> Path:
    """Directory of a pipeline bundled with the package."""
    path = Path(str(resources.files("arsec") / "pipelines" / name))
    if not (path / "config.cfg").exists():
        bundled = sorted(p.name for p in path.parent.iterdir() if (p / "config.cfg").exists())
        raise OSError(f"No bundled arsec pipeline named {name!r}; bundled: {bundled}")
    return path


def blank():
    """An empty Arabic pipeline with the arsec tokenizer (and its NORM), to
    add components to or to tokenize with."""
    import spacy

    return spacy.blank("ar", config={"nlp": {"tokenizer": {"@tokenizers": "arsec.ArabicTokenizer.v1"}}})


def load(
    model: Union[str, Path, None] = None,
    *,
    vocab=True,
    disable: Union[str, Iterable[str]] = (),
    enable: Union[str, Iterable[str]] = (),
    exclude: Union[str, Iterable[str]] = (),
    config=None,
):
    """Load an arsec pipeline, offline.

    `model` is the name of a bundled pipeline or a path to a pipeline
    directory; by default the bundled default pipeline. The keyword arguments
    are those of `spacy.load`, which also calls this function for
    `spacy.load("arsec")`.
    """
    import spacy

    if model is None:
        path: Union[str, Path] = pipeline_path()
    elif Path(model).exists():
        path = Path(model)
    else:
        path = pipeline_path(str(model))
    return spacy.load(
        path,
        vocab=vocab,
        disable=disable,
        enable=enable,
        exclude=exclude,
        config=config or {},
    )
