"""Shared fixtures. Tests use sentences written for the project; tests that
need the shared corpora skip when `../shared/data` is missing."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SHARED_DATA = Path(os.environ.get("ARSEC_SHARED_DATA", SHARED / "data"))
SPEC_EXAMPLE = SHARED / "spec" / "example" / "example-1.gold.json"


@pytest.fixture(scope="session")
def nlp():
    import arsec

    return arsec.load()


@pytest.fixture(scope="session")
def statements_nlp():
    """Sentences and statements only: tests place the entities themselves."""
    import arsec

    nlp = arsec.blank()
    nlp.add_pipe("arsec_sentencizer")
    nlp.add_pipe("arsec_statements")
    return nlp


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip(f"shared corpora not found at {SHARED_DATA} (set ARSEC_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def spec_example() -> dict:
    """The worked example of ANNOTATION.md (written for the project, not news)."""
    import json

    if not SPEC_EXAMPLE.exists():
        pytest.skip(f"spec example not found at {SPEC_EXAMPLE}")
    return json.loads(SPEC_EXAMPLE.read_text(encoding="utf-8"))
