"""The logic of benchmarks/run.py (aggregation, tables, targets) and the
test-split guard of training/anercorp_eval.py; no shared data needed."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


bench = _load("bench_run", ROOT / "benchmarks" / "run.py")


def test_median_of_runs():
    runs = [{"model": "a", "words_per_s": 100, "load_s": 1.0, "x": None, "pipe": ["t"]},
            {"model": "a", "words_per_s": 300, "load_s": 3.0, "x": None, "pipe": ["t"]},
            {"model": "a", "words_per_s": 200, "load_s": 2.5, "x": None, "pipe": ["t"]}]
    merged = bench.median_of_runs(runs)
    assert merged == {"model": "a", "words_per_s": 200, "load_s": 2.5, "x": None, "pipe": ["t"], "runs": 3}
    # an even count takes the mean of the middle two; a missing value is skipped
    merged = bench.median_of_runs([{"v": 1}, {"v": 4}, {"v": None}])
    assert merged["v"] == 2.5
    assert bench.median_of_runs([]) == {}


def test_ratio_and_fmt():
    assert bench.ratio(30, 2) == 15
    assert bench.ratio(None, 2) is None and bench.ratio(3, 0) is None and bench.ratio(3, None) is None
    assert bench.fmt(0.8123, "pct") == "81.2"
    assert bench.fmt(12345.4, "int") == "12,345"
    assert bench.fmt(17.26, "x") == "17.3×"
    assert bench.fmt(0.214, "x") == "0.21×"
    assert bench.fmt(None) == "–"
    assert bench.fmt(3.14159) == "3.14" and bench.fmt(60.55) == "60.5" and bench.fmt(803.8) == "804"


def test_md_table():
    table = bench.md_table(["a", "b"], [["x", "1"], ["y", "2"]])
    assert table.splitlines() == ["| a | b |", "|---|---:|", "| x | 1 |", "| y | 2 |"]


def test_targets_met():
    core = {"words_per_s": 12000, "peak_rss_mb": 600, "load_s": 1.2}
    rows = {r["target"].split(" (")[0]: r for r in bench.targets_met(core, {"words_per_s": 1000})}
    assert [r["met"] for r in bench.targets_met(core, {"words_per_s": 1000})] == [False, True, False, True]
    assert rows["arsec_core ÷ transformer words/s"]["value"] == 12
    # no transformer figure: that target is undecided, not failed
    assert bench.targets_met(core, None)[0]["met"] is None


def _fake_report() -> dict:
    speed_result = {"docs": 10, "words": 2000, "words_per_s": 5000, "docs_per_s": 25.0,
                    "words_per_s_n_process_2": 9000, "docs_per_s_n_process_2": 45.0, "latency_ms_p50": 3.0,
                    "latency_ms_p95": 9.0, "load_s": 0.5, "peak_rss_mb": 300.0, "model_size_mb": 1.0}
    gold = {"docs": 5, "figures": {"entities.all.f": 0.8, "units.span.f": 0.9}}
    acc = {"tokenizer": {"ok": True, "result": {"UD_Arabic-PUD": {"arsec": {"f1": 0.98}},
                                                "farasa-wikinews (UD level)": {"arsec": {"f1": 0.99}}}},
           "gold_arsec_rules": {"ok": True, "result": gold},
           "gold_arsec_core": {"ok": False, "error": "exit 1: boom"},
           "anercorp_arsec_rules": {"ok": True, "result": {"micro": {"f": 0.5}}},
           "anercorp_arsec_core": {"ok": True, "result": {"micro": {"f": 0.6}}}}
    speed = {"tokenizer": {"ok": True, "result": {**speed_result, "words_per_s": 50000}},
             "arsec_rules": {"ok": True, "result": speed_result},
             "arsec_core": {"ok": True, "result": speed_result},
             "transformer": {"ok": False, "error": "not available: no builder"}}
    report = {"machine": {"cpu": "Test CPU", "cores": 2, "ram_gb": 8, "load_average_at_start": [0.1, 0.2, 0.3],
                          "versions": {"python": "3.11", "spacy": "3.8", "thinc": "8.3", "torch": None,
                                       "spacy-transformers": None, "arsec": "0.1.0"},
                          "date": "2026-01-01T00:00:00+00:00", "git_commit": "abc"},
              "settings": {"split": "dev", "final": False, "quick": True, "docs": 10, "transformer_docs": 5,
                           "repeats": 1, "arsec_package_data_mb": 1.7},
              "accuracy": acc, "speed": speed,
              "gpu": {"available": False, "note": "no GPU available on this machine: transformer config not run on GPU"}}
    report["summary"] = bench.summarize(acc, speed)
    return report


def test_summary_and_markdown():
    report = _fake_report()
    s = report["summary"]
    assert s["arsec_rules"]["gold"]["entities.all.f"] == 0.8 and s["arsec_core"]["gold"] is None
    assert s["ratios"]["arsec_core"]["vs_tokenizer_1_process"] == 0.1
    assert s["ratios"]["arsec_core"]["vs_transformer_1_process"] is None
    md = bench.render_markdown(report)
    assert "| gold dev: entities F1 | 80.0 | – |" in md
    assert "| ANERcorp dev entity F1 (whitespace tokens) | 50.0 | 60.0 |" in md
    assert "| words/s, 1 process | 50,000 | 5,000 | 5,000 | n/a |" in md
    assert "transformer: not available: no builder" in md
    assert "no GPU available on this machine" in md
    assert "gold_arsec_core: exit 1: boom" in md


def test_accuracy_only_report_has_no_speed_section():
    report = _fake_report()
    report["settings"]["skip_speed"] = True
    md = bench.render_markdown(report)
    assert "| gold dev: entities F1 | 80.0 | – |" in md and "gold_arsec_core: exit 1: boom" in md
    assert "### Speed" not in md and "### GPU" not in md and "speed_vs_accuracy.png" not in md


def test_chart(tmp_path):
    pytest.importorskip("matplotlib")
    path = tmp_path / "chart.png"
    assert bench.draw_chart(_fake_report(), path) is None
    assert path.stat().st_size > 1000


def test_git_commit(tmp_path):
    git = tmp_path / ".git"
    (git / "refs" / "heads").mkdir(parents=True)
    (git / "HEAD").write_text("ref: refs/heads/main\n")
    assert bench.git_commit(tmp_path) is None
    (git / "packed-refs").write_text("# pack-refs\n" + "1" * 40 + " refs/heads/main\n")
    assert bench.git_commit(tmp_path) == "1" * 40
    (git / "refs" / "heads" / "main").write_text("2" * 40 + "\n")
    assert bench.git_commit(tmp_path) == "2" * 40


def test_anercorp_test_split_needs_final(capsys):
    sys.path.insert(0, str(ROOT / "training"))
    try:
        anercorp_eval = _load("anercorp_eval_cli", ROOT / "training" / "anercorp_eval.py")
    finally:
        sys.path.remove(str(ROOT / "training"))
    with pytest.raises(SystemExit) as exc:
        anercorp_eval.main(["arsec_rules", "--split", "test"])
    assert exc.value.code == 2
    assert "--final" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        anercorp_eval.main(["arsec_rules"])  # neither a file nor --split
