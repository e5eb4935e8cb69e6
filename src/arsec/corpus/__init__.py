"""The gold corpus: annotation format, validation, standoff storage, loading.

Annotators write anchored files (`anchored`), the validator checks them
against ANNOTATION.md (`validate`), the store keeps offsets and hashes only
(`standoff`), and `load_gold` rebuilds OUTPUT.md records for training and
evaluation (`gold`). docs/annotating.md is the user guide.
"""
from .anchored import AnchoredError, parse, render
from .standoff import to_gold, to_standoff
from .standoff_hash import sha256_text
from .validate import Problem, validate_record, validate_standoff


def load_gold(*args, **kwargs):
    """See `arsec.corpus.gold.load_gold` (imports `datasets` only when called)."""
    from .gold import load_gold as _load_gold

    return _load_gold(*args, **kwargs)


def gold_records(*args, **kwargs):
    from .gold import gold_records as _gold_records

    return _gold_records(*args, **kwargs)


__all__ = ["AnchoredError", "Problem", "gold_records", "load_gold", "parse", "render", "sha256_text",
           "to_gold", "to_standoff", "validate_record", "validate_standoff"]
