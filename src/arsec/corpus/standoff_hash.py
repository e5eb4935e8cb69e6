"""The article fingerprint stored with every annotation."""
from __future__ import annotations

import hashlib


def sha256_text(text: str) -> str:
    """sha256 of the exact article text, UTF-8 encoded (no normalisation)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
