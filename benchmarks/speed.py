"""Speed of an arsec pipeline on real security news.

    python benchmarks/speed.py [--data ../shared/data] [--model arsec_rules] [--docs 500] [--repeats 3] [--json OUT]

Reports words/s and documents/s with `nlp.pipe` (one process, and `--n-process`
processes), per-document latency p50/p95 of single `nlp(text)` calls, load time,
peak RSS of this process and model size on disk. Words are whitespace tokens of
the input text, the unit spaCy's published speeds use. Each throughput figure is
the median of `--repeats` runs.
"""
from __future__ import annotations

import gzip
import json
import platform
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Optional

import typer

REPO = Path(__file__).resolve().parents[1]


def read_security_texts(data: Path, limit: Optional[int]) -> list[str]:
    """The first `limit` articles of the security-news subset (all when None)."""
    path = data / "raw" / "security" / "security_news.jsonl.gz"
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    return texts


def dir_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def measure(model: Optional[str], texts: list[str], repeats: int, n_process: int) -> dict:
    import spacy

    import arsec

    t0 = time.perf_counter()
    nlp = arsec.load(model)
    load_s = time.perf_counter() - t0
    words = sum(len(t.split()) for t in texts)
    for _ in nlp.pipe(texts[:20]):  # warm-up: lazy tables, caches
        pass

    def throughput(processes: int) -> float:
        runs = []
        for _ in range(repeats):
            t = time.perf_counter()
            for _ in nlp.pipe(texts, n_process=processes):  # the pipeline's own [nlp] batch_size
                pass
            runs.append(time.perf_counter() - t)
        return statistics.median(runs)

    one = throughput(1)
    many = throughput(n_process) if n_process > 1 else None
    latencies = []
    for text in texts[:200]:
        t = time.perf_counter()
        nlp(text)
        latencies.append((time.perf_counter() - t) * 1000)
    latencies.sort()
    path = Path(model) if model and Path(model).exists() else arsec.pipeline_path(model or arsec.DEFAULT_PIPELINE)
    return {
        "model": nlp.meta.get("name"),
        "pipeline": nlp.pipe_names,
        "docs": len(texts),
        "words": words,
        "words_per_s": round(words / one),
        "docs_per_s": round(len(texts) / one, 1),
        f"words_per_s_n_process_{n_process}": round(words / many) if many else None,
        "latency_ms_p50": round(latencies[len(latencies) // 2], 2),
        "latency_ms_p95": round(latencies[int(len(latencies) * 0.95) - 1], 2),
        "load_s": round(load_s, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "model_size_mb": round(dir_size_mb(path), 2),
        # torch in the process (imported by thinc when installed) weighs on RSS and load time.
        "torch_loaded": "torch" in sys.modules,
        "machine": {"cpu": cpu_name(), "python": platform.python_version(), "spacy": spacy.__version__,
                    "arsec": arsec.__version__},
    }


def main(
    data: Path = typer.Option(REPO.parent / "shared" / "data", help="shared data folder"),
    model: Optional[str] = typer.Option(None, help="bundled pipeline name or directory (default: arsec.load())"),
    docs: int = typer.Option(500, help="number of security-news articles"),
    repeats: int = typer.Option(3, min=1),
    n_process: int = typer.Option(2, min=1),
    json_out: Optional[Path] = typer.Option(None, "--json"),
) -> None:
    if not (data / "raw" / "security").exists():
        typer.echo(f"no security news under {data}", err=True)
        raise typer.Exit(2)
    texts = read_security_texts(data, docs)
    report = measure(model, texts, repeats, n_process)
    text = json.dumps(report, ensure_ascii=False, indent=1)
    typer.echo(text)
    if json_out:
        json_out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    typer.run(main)
