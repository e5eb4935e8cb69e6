"""Access to the shared article collections the gold corpus annotates.

The data folder is read-only and lives outside the repository: by default
`../shared/data` next to the repository root, overridable with the
`ARSEC_DATA` environment variable or an explicit argument. Only the corpus
name is stored with an annotation; this module maps it to a file.
"""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

PathLike = Union[str, Path]

REPO_ROOT = Path(__file__).resolve().parents[3]
CORPUS_DIR = REPO_ROOT / "corpus"
ANNOTATIONS_DIR = CORPUS_DIR / "annotations"
WORK_DIR = REPO_ROOT / "corpus_work"

CORPUS_FILES = {
    "security": "raw/security/security_news.jsonl.gz",
    # The source corpora of the security subset, for articles it did not keep
    # (the operation-focused enrichment stage); sanad_like is left out: its
    # punctuation and digits were stripped upstream.
    "ant_multisource": "raw/ant_multisource/ant_multisource.part01.jsonl.gz",
    "ant_jawharafm": "raw/ant_jawharafm/ant_jawharafm.part01.jsonl.gz",
    "saudinewsnet": "raw/saudinewsnet/saudinewsnet.part01.jsonl.gz",
}


def data_dir(path: Optional[PathLike] = None) -> Path:
    if path is not None:
        return Path(path)
    if os.environ.get("ARSEC_DATA"):
        return Path(os.environ["ARSEC_DATA"])
    return REPO_ROOT.parent / "shared" / "data"


def corpus_file(corpus: str, data: Optional[PathLike] = None) -> Path:
    if corpus not in CORPUS_FILES:
        raise KeyError(f"unknown corpus {corpus!r} (known: {', '.join(CORPUS_FILES)})")
    return data_dir(data) / CORPUS_FILES[corpus]


def iter_articles(corpus: str = "security", data: Optional[PathLike] = None) -> Iterator[dict]:
    path = corpus_file(corpus, data)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_articles(ids: Optional[Iterable[str]] = None, corpus: str = "security",
                  data: Optional[PathLike] = None) -> dict[str, dict]:
    """Articles by id (all of them when `ids` is None); missing ids raise KeyError."""
    wanted = None if ids is None else set(ids)
    found = {a["id"]: a for a in iter_articles(corpus, data) if wanted is None or a["id"] in wanted}
    if wanted is not None and wanted - found.keys():
        missing = sorted(wanted - found.keys())
        raise KeyError(f"{len(missing)} article(s) not in corpus {corpus!r}: {', '.join(missing[:5])}")
    return found


def iter_raw_texts(raw_dir: PathLike, skip: Iterable[str] = ("security",)) -> Iterator[str]:
    """Title and text (title on its own line) of every article under
    `raw_dir/*/*.jsonl.gz`, for counts and vectors. The `security` subset is
    skipped by default: its articles are copies of the other corpora's."""
    skipped = set(skip)
    for path in sorted(Path(raw_dir).glob("*/*.jsonl.gz")):
        if path.parent.name in skipped:
            continue
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                yield f"{record.get('title') or ''}\n{record.get('text') or ''}"
