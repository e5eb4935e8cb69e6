"""Shared fixtures. Tests use sentences written for the project; tests that
need the shared corpora skip when `../shared/data` is missing."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("ARSEC_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def nlp():
    import arsec

    return arsec.load()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip(f"shared corpora not found at {SHARED_DATA} (set ARSEC_SHARED_DATA)")
    return SHARED_DATA
