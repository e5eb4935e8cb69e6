"""The arsec benchmark suite in one command: accuracy, speed, a report and a chart.

    python benchmarks/run.py [--data ../shared/data] [--out benchmarks/results]
                             [--repeats 3] [--docs 300] [--transformer-docs 12]
                             [--final] [--skip-transformer] [--quick]

Accuracy, for the rule pipeline (arsec_rules) and the trained one (arsec_core):
tokenizer token F1 on UD Arabic-PUD and Farasa WikiNews
(`tokenizer_accuracy.py`), entity F1 at ANERcorp's whitespace-token level
(`training/anercorp_eval.py`), and every capability on the gold corpus with the
shared scorer (`gold_eval.py`). Dev splits by default; test splits (gold test,
ANERcorp test) only with `--final`, which is for the final figures.

Speed (`speed.py`, one measuring function for every pipeline) on real
security news: the bare arsec tokenizer (`arsec.blank()`, the upper limit),
arsec_rules, arsec_core and a BERT-base-shaped spaCy transformer pipeline with
random weights (built by `build_transformer_pipeline.py`; speed only). Every
speed process is limited to one BLAS/torch thread, so "one process" means one
core; `n_process=2` uses two. Each speed figure is the median over `--repeats`
separate processes (run round-robin over the pipelines), so load time and peak
RSS are medians too. A GPU section times the transformer pipeline on a GPU when
torch sees one.

Every part runs in its own subprocess: a failing part is reported with its
error and the rest goes on. Writes OUT/report.json, OUT/report.md and
OUT/speed_vs_accuracy.png.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "benchmarks"
PY = sys.executable
N_PROCESS = 2
PIPELINES = ("arsec_rules", "arsec_core")
SPEED_ROWS = ("tokenizer", "arsec_rules", "arsec_core", "transformer")
SPEED_LABELS = {"tokenizer": "bare tokenizer", "arsec_rules": "arsec_rules", "arsec_core": "arsec_core",
                "transformer": "transformer (BERT-base shape)"}
ONE_THREAD = {**{k: "1" for k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")},
              "TOKENIZERS_PARALLELISM": "false"}
TARGETS = {  # from issue #6
    "speed_vs_transformer": 15.0,   # arsec_core words/s ÷ transformer words/s, one process each
    "words_per_s_one_core": 10_000,
    "peak_rss_mb": 500,
    "load_s": 3.0,
}
# Gold figures in the accuracy table: (label, key in scoring.figures(), kind)
GOLD_ROWS = (
    ("entities F1", "entities.all.f"),
    ("entities: PER F1", "entities.PER.f"),
    ("entities: LOC F1", "entities.LOC.f"),
    ("entities: ORG F1", "entities.ORG.f"),
    ("entities: MISC F1", "entities.MISC.f"),
    ("entities: MIL_UNIT F1", "entities.MIL_UNIT.f"),
    ("entities: ARMED_GROUP F1", "entities.ARMED_GROUP.f"),
    ("entities: OPERATION F1", "entities.OPERATION.f"),
    ("units: span F1", "units.span.f"),
    ("units: echelon acc", "units.echelon.acc"),
    ("units: number acc", "units.number.acc"),
    ("units: specialty acc", "units.specialty.acc"),
    ("units: parent acc", "units.parent.acc"),
    ("units: span + all attributes F1", "units.full.f"),
    ("operations: span F1", "operations.span.f"),
    ("operations: phase acc", "operations.phase.acc"),
    ("statements: cue F1", "statements.cue.f"),
    ("statements: source exact F1", "statements.source.f"),
    ("statements: source token F1", "statements.source.token_f1"),
    ("statements: content exact F1", "statements.content.f"),
    ("statements: content token F1", "statements.content.token_f1"),
    ("statements: channel exact F1", "statements.channel.f"),
    ("statements: type acc", "statements.type.acc"),
    ("statements: speaker acc", "statements.speaker.acc"),
)


# ---------------------------------------------------------------- helpers with logic (tested)

def median_of_runs(runs: list[dict]) -> dict:
    """Merge the JSON results of repeated runs: every numeric field becomes the
    median over the runs that have it (None where none has it); other fields
    are taken from the first run. `runs` counts the runs merged."""
    if not runs:
        return {}
    out: dict = {}
    for key in runs[0]:
        values = [r.get(key) for r in runs]
        numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if numbers:
            m = statistics.median(numbers)
            out[key] = round(m, 3) if isinstance(m, float) else m
        elif all(v is None for v in values):
            out[key] = None
        else:
            out[key] = values[0]
    out["runs"] = len(runs)
    return out


def ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    """a / b, or None when either is missing or b is 0."""
    if a is None or b is None or not b:
        return None
    return a / b


def fmt(value: Any, kind: str = "num") -> str:
    """Table cell: 'pct' 0.8123 → 81.2; 'int' → 12,345; 'x' → 17.3×; 'num' → 3 significant-ish digits."""
    if value is None:
        return "–"
    if kind == "pct":
        return f"{100 * value:.1f}"
    if kind == "int":
        return f"{round(value):,}"
    if kind == "x":
        return f"{value:.2f}×" if value < 1 else f"{value:.1f}×" if value < 100 else f"{value:,.0f}×"
    if isinstance(value, float):
        return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}" if abs(value) < 100 else f"{value:,.0f}"
    return str(value)


def md_table(header: list[str], rows: Iterable[list[str]], align: Optional[list[str]] = None) -> str:
    """A Markdown table; `align` per column is 'l' or 'r' (default: first left, rest right)."""
    align = align or ["l"] + ["r"] * (len(header) - 1)
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" if a == "l" else "---:" for a in align) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def targets_met(core: dict, transformer: Optional[dict]) -> list[dict]:
    """The issue's targets against the arsec_core speed figures."""
    wps = core.get("words_per_s")
    vs = ratio(wps, (transformer or {}).get("words_per_s"))
    rows = [
        ("arsec_core ÷ transformer words/s (one process each)", vs, TARGETS["speed_vs_transformer"], ">=", "x"),
        ("arsec_core words/s, one process (one core)", wps, TARGETS["words_per_s_one_core"], ">=", "int"),
        ("arsec_core peak RSS (MB)", core.get("peak_rss_mb"), TARGETS["peak_rss_mb"], "<=", "num"),
        ("arsec_core load time (s)", core.get("load_s"), TARGETS["load_s"], "<=", "num"),
    ]
    out = []
    for name, value, target, op, kind in rows:
        met = None if value is None else (value >= target if op == ">=" else value <= target)
        out.append({"target": name, "value": value, "goal": f"{op.replace('>=', '≥').replace('<=', '≤')} {fmt(target, kind)}",
                    "met": met, "kind": kind})
    return out


# ---------------------------------------------------------------- machine

def machine_info() -> dict:
    from importlib import metadata

    sys.path.insert(0, str(BENCH))
    from speed import cpu_name

    versions = {"python": platform.python_version()}
    for dist in ("arsec", "spacy", "thinc", "torch", "spacy-transformers", "transformers", "numpy"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = None
    ram_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024 ** 2, 1)
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    return {
        "cpu": cpu_name(),
        "cores": os.cpu_count(),
        "cores_usable": usable,
        "ram_gb": ram_gb,
        "os": f"{platform.system()} {platform.release()}",
        "versions": versions,
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "git_commit": git_commit(REPO),
        "load_average_at_start": _loadavg(),
    }


def _loadavg() -> Optional[list[float]]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def package_data_mb() -> Optional[float]:
    """Size of the arsec package's data folder (shared by every arsec pipeline)."""
    try:
        from importlib import resources

        sys.path.insert(0, str(BENCH))
        from speed import dir_size_mb

        return round(dir_size_mb(Path(str(resources.files("arsec") / "data"))), 2)
    except Exception:  # noqa: BLE001 - a missing figure, not a failed run
        return None


def git_commit(repo: Path) -> Optional[str]:
    """HEAD's commit read from .git without running git (None if unknown)."""
    git = repo / ".git"
    try:
        if git.is_file():  # worktree: "gitdir: PATH"
            git = (repo / git.read_text().split(":", 1)[1].strip()).resolve()
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref:"):
            return head
        ref = head.split(":", 1)[1].strip()
        for base in (git, (git / "commondir").exists() and (git / (git / "commondir").read_text().strip()).resolve()):
            if not base:
                continue
            if (base / ref).exists():
                return (base / ref).read_text().strip()
            packed = base / "packed-refs"
            if packed.exists():
                for line in packed.read_text().splitlines():
                    if line.endswith(" " + ref):
                        return line.split()[0]
    except OSError:
        pass
    return None


# ---------------------------------------------------------------- parts (subprocesses)

def run_part(name: str, cmd: list[str], timeout: int, json_file: Optional[Path] = None,
             env: Optional[dict] = None, log: Callable[[str], None] = print) -> dict:
    """Run one part; its result is the JSON it wrote to `json_file` (or printed on
    stdout). Never raises: a failure is {"ok": False, "error": ...}."""
    log(f"[{time.strftime('%H:%M:%S')}] {name}: {' '.join(str(c) for c in cmd[1:])}")
    started = time.perf_counter()
    try:
        proc = subprocess.run([str(c) for c in cmd], cwd=REPO, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, **(env or {})})
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": f"timed out after {timeout} s", "seconds": round(time.perf_counter() - started, 1)}
    seconds = round(time.perf_counter() - started, 1)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-8:]
        log(f"    failed (exit {proc.returncode}): {tail[-1] if tail else ''}")
        return {"ok": False, "error": f"exit {proc.returncode}: " + " | ".join(tail), "seconds": seconds}
    try:
        text = json_file.read_text(encoding="utf-8") if json_file else proc.stdout
        result = json.loads(text)
    except (OSError, ValueError) as e:
        return {"ok": False, "error": f"no JSON result: {e}", "seconds": seconds}
    return {"ok": True, "result": result, "seconds": seconds}


def accuracy_parts(args, work: Path, log) -> dict:
    split = "test" if args.final else "dev"
    final = ["--final"] if args.final else []
    parts = {"tokenizer": run_part("tokenizer accuracy", [PY, BENCH / "tokenizer_accuracy.py", args.data, "--json"],
                                   args.timeout, log=log)}
    for model in PIPELINES:
        out = work / f"gold_{model}.json"
        parts[f"gold_{model}"] = run_part(
            f"gold {split} {model}",
            [PY, BENCH / "gold_eval.py", "--split", split, *final, "--model", model, "--data", args.data, "--json", out],
            args.timeout, out, log=log)
        out = work / f"anercorp_{model}.json"
        parts[f"anercorp_{model}"] = run_part(
            f"ANERcorp {split} {model}",
            [PY, REPO / "training" / "anercorp_eval.py", model, "--split", split, *final, "--data", args.data,
             "--json", out], args.timeout, out, log=log)
    return parts


def build_tokenizer_pipeline(outdir: Path) -> None:
    import arsec

    nlp = arsec.blank()
    nlp.meta["name"] = "arsec_tokenizer"
    nlp.to_disk(outdir)


def speed_parts(args, work: Path, log) -> tuple[dict, dict]:
    """Returns (per-pipeline merged speed figures or error, raw runs)."""
    models: dict[str, Optional[str]] = {}
    errors: dict[str, str] = {}
    build_report = None
    tok_dir = work / "tokenizer_pipeline"
    r = run_part("build bare tokenizer pipeline",
                 [PY, "-c", f"import sys; sys.path.insert(0, {str(BENCH)!r}); import run; "
                            f"run.build_tokenizer_pipeline(__import__('pathlib').Path({str(tok_dir)!r})); print('{{}}')"],
                 args.timeout, log=log)
    if r["ok"]:
        models["tokenizer"] = str(tok_dir)
    else:
        errors["tokenizer"] = r["error"]
    models["arsec_rules"] = "arsec_rules"
    models["arsec_core"] = "arsec_core"
    if args.skip_transformer:
        errors["transformer"] = "not run: --skip-transformer"
    else:
        builder = args.transformer_builder
        trf_dir = work / "transformer_pipeline"
        if not builder.exists():
            errors["transformer"] = f"not available: {builder} does not exist"
        else:
            r = run_part("build transformer pipeline", [PY, builder, trf_dir], args.timeout, log=log)
            # the builder prints whatever it likes; success is its exit status and a config
            if (r["ok"] or "no JSON result" in r.get("error", "")) and (trf_dir / "config.cfg").exists():
                models["transformer"] = str(trf_dir)
                build_report = r.get("result")
            else:
                errors["transformer"] = f"not available: building failed: {r.get('error')}"
    runs: dict[str, list] = {name: [] for name in models}
    run_errors: dict[str, list] = {name: [] for name in models}
    for rep in range(args.repeats):  # round-robin, so drifting machine load hits every pipeline alike
        for name, model in models.items():
            docs = args.transformer_docs if name == "transformer" else args.docs
            out = work / f"speed_{name}_{rep}.json"
            # arsec's rows may run in an interpreter without torch: with torch
            # installed, `import spacy` imports it (thinc) and spaCy loads every
            # installed plug-in's factories, spacy-transformers included, which
            # adds ~350 MB and seconds of load time a user of `pip install arsec`
            # never pays. The transformer needs them and always uses this one.
            python = PY if name == "transformer" else args.arsec_python
            r = run_part(f"speed {name} (run {rep + 1}/{args.repeats}, {docs} docs)",
                         [python, BENCH / "speed.py", "--data", args.data, "--model", model, "--docs", docs,
                          "--repeats", 1, "--n-process", N_PROCESS, "--json", out],
                         args.timeout, out, env=ONE_THREAD, log=log)
            if r["ok"]:
                runs[name].append(r["result"])
            else:
                run_errors[name].append(r["error"])
    speed: dict[str, dict] = {}
    for name in SPEED_ROWS:
        if name in errors:
            speed[name] = {"ok": False, "error": errors[name]}
        elif runs.get(name):
            merged = median_of_runs(runs[name])
            wps2 = merged.get(f"words_per_s_n_process_{N_PROCESS}")
            merged[f"docs_per_s_n_process_{N_PROCESS}"] = (
                round(wps2 * merged["docs"] / merged["words"], 1) if wps2 and merged.get("words") else None)
            speed[name] = {"ok": True, "result": merged, "failed_runs": run_errors[name]}
            if name == "transformer" and build_report:
                speed[name]["build"] = build_report
        else:
            speed[name] = {"ok": False, "error": "; ".join(run_errors.get(name, [])) or "no run"}
    return speed, runs


GPU_PROBE = "import json, torch; print(json.dumps({'cuda': torch.cuda.is_available(), 'name': torch.cuda.get_device_name(0) if torch.cuda.is_available() else None}))"


def gpu_speed_main(argv: list[str]) -> int:
    """`run.py _gpu_speed MODEL DATA DOCS REPEATS JSON`: speed.measure on the GPU."""
    import spacy

    model, data, docs, repeats, out = argv
    spacy.require_gpu()
    sys.path.insert(0, str(BENCH))
    from speed import measure, read_security_texts

    result = measure(model, read_security_texts(Path(data), int(docs)), int(repeats), 1)
    import torch

    result["gpu"] = torch.cuda.get_device_name(0)
    result["gpu_peak_memory_mb"] = round(torch.cuda.max_memory_allocated() / 1e6, 1)
    Path(out).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def gpu_part(args, work: Path, speed: dict, log) -> dict:
    probe = run_part("GPU probe", [PY, "-c", GPU_PROBE], 120, log=log)
    if not probe["ok"]:
        return {"available": False, "note": "no GPU available on this machine (torch not usable: "
                f"{probe['error'][:200]}): transformer config not run on GPU"}
    if not probe["result"]["cuda"]:
        return {"available": False, "note": "no GPU available on this machine: transformer config not run on GPU"}
    name = probe["result"]["name"]
    trf = work / "transformer_pipeline"
    if not (trf / "config.cfg").exists():
        return {"available": True, "device": name,
                "note": f"GPU {name} available, but the transformer pipeline is not: {speed['transformer'].get('error')}"}
    out = work / "speed_transformer_gpu.json"
    r = run_part("speed transformer on GPU", [PY, Path(__file__), "_gpu_speed", trf, args.data, args.docs,
                                              args.repeats, out], args.timeout, out, log=log)
    if not r["ok"]:
        return {"available": True, "device": name, "note": f"GPU {name}: the transformer run failed: {r['error']}"}
    return {"available": True, "device": name, "result": r["result"],
            "note": f"transformer config run on GPU {name} (one process, median of {args.repeats} passes)"}


# ---------------------------------------------------------------- summary, Markdown, chart

def summarize(acc: dict, speed: dict) -> dict:
    def result(part: dict) -> Optional[dict]:
        return part["result"] if part and part.get("ok") else None

    tok = result(acc.get("tokenizer"))
    summary: dict[str, Any] = {"tokenizer_f1": {
        "UD_Arabic-PUD": tok["UD_Arabic-PUD"]["arsec"]["f1"] if tok else None,
        "WikiNews": tok["farasa-wikinews (UD level)"]["arsec"]["f1"] if tok else None,
    }}
    for model in PIPELINES:
        gold = result(acc.get(f"gold_{model}"))
        aner = result(acc.get(f"anercorp_{model}"))
        summary[model] = {
            "anercorp_f1": aner["micro"]["f"] if aner else None,
            "gold": {key: (gold or {}).get("figures", {}).get(key) for _, key in GOLD_ROWS} if gold else None,
            "gold_docs": gold.get("docs") if gold else None,
        }
    sp = {name: result(speed.get(name)) for name in SPEED_ROWS}
    core, trf, tokr = sp["arsec_core"] or {}, sp["transformer"] or {}, sp["tokenizer"] or {}
    k2 = f"words_per_s_n_process_{N_PROCESS}"
    summary["ratios"] = {}
    for model in PIPELINES:
        m = sp[model] or {}
        summary["ratios"][model] = {
            "vs_transformer_1_process": ratio(m.get("words_per_s"), trf.get("words_per_s")),
            f"vs_transformer_{N_PROCESS}_processes": ratio(m.get(k2), trf.get(k2)),
            "vs_tokenizer_1_process": ratio(m.get("words_per_s"), tokr.get("words_per_s")),
            f"vs_tokenizer_{N_PROCESS}_processes": ratio(m.get(k2), tokr.get(k2)),
        }
    summary["targets"] = targets_met(core, sp["transformer"])
    return summary


def render_markdown(report: dict) -> str:
    m, s, settings = report["machine"], report["summary"], report["settings"]
    v = m["versions"]
    split = settings["split"]
    lines = [
        f"## Benchmarks ({split} figures)",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM; load average (1, 5, 15 min) "
        f"{', '.join(map(str, m['load_average_at_start'] or []))} at the start, "
        f"{', '.join(map(str, m.get('load_average_at_end') or []))} at the end (a shared machine slows every figure). "
        f"Python {v['python']}, spaCy {v['spacy']}, thinc {v['thinc']}, torch {v['torch'] or '–'}, "
        f"spacy-transformers {v['spacy-transformers'] or '–'}, arsec {v['arsec']}; "
        f"{m['date'][:10]}, commit {(m['git_commit'] or 'unknown')[:10]}. "
        f"`python benchmarks/run.py{' --final' if settings['final'] else ''}{' --quick' if settings['quick'] else ''}`.",
        "",
        f"### Accuracy ({split})",
        "",
    ]
    rows = [["tokenizer token F1, UD Arabic-PUD", fmt(s["tokenizer_f1"]["UD_Arabic-PUD"], "pct"),
             fmt(s["tokenizer_f1"]["UD_Arabic-PUD"], "pct")],
            ["tokenizer token F1, WikiNews (tuning set)", fmt(s["tokenizer_f1"]["WikiNews"], "pct"),
             fmt(s["tokenizer_f1"]["WikiNews"], "pct")],
            [f"ANERcorp {split} entity F1 (whitespace tokens)", fmt(s["arsec_rules"]["anercorp_f1"], "pct"),
             fmt(s["arsec_core"]["anercorp_f1"], "pct")]]
    for label, key in GOLD_ROWS:
        cells = [fmt((s[mod]["gold"] or {}).get(key), "pct") for mod in PIPELINES]
        rows.append([f"gold {split}: {label}", *cells])
    docs = s["arsec_core"]["gold_docs"] or s["arsec_rules"]["gold_docs"]
    lines += [md_table(["figure (%)", "arsec_rules", "arsec_core"], rows), "",
              f"Gold {split}: {docs or '?'} articles, exact spans, `arsec.scoring`. Both pipelines share the tokenizer.",
              ""]
    if settings.get("skip_speed"):  # an accuracy-only report (e.g. dev beside a --final run)
        return "\n".join(lines + _failed_accuracy_lines(report) + [""])
    lines += ["### Speed", ""]
    sp = report["speed"]
    k2 = f"words_per_s_n_process_{N_PROCESS}"
    d2 = f"docs_per_s_n_process_{N_PROCESS}"
    cols = [name for name in SPEED_ROWS]
    header = ["", *[SPEED_LABELS[c] for c in cols]]

    def cell(name: str, key: str, kind: str = "num") -> str:
        part = sp.get(name) or {}
        return fmt(part["result"].get(key), kind) if part.get("ok") else "n/a"

    speed_rows = [
        ["words/s, 1 process", *[cell(c, "words_per_s", "int") for c in cols]],
        [f"words/s, n_process={N_PROCESS}", *[cell(c, k2, "int") for c in cols]],
        ["docs/s, 1 process", *[cell(c, "docs_per_s") for c in cols]],
        [f"docs/s, n_process={N_PROCESS}", *[cell(c, d2) for c in cols]],
        ["latency p50 (ms/doc)", *[cell(c, "latency_ms_p50") for c in cols]],
        ["latency p95 (ms/doc)", *[cell(c, "latency_ms_p95") for c in cols]],
        ["load time (s)", *[cell(c, "load_s") for c in cols]],
        ["peak RSS (MB)", *[cell(c, "peak_rss_mb", "int") for c in cols]],
        ["size on disk (MB)", *[cell(c, "model_size_mb") for c in cols]],
        ["articles timed", *[cell(c, "docs", "int") for c in cols]],
        ["torch loaded in the process", *[
            ("yes" if (sp.get(c) or {}).get("result", {}).get("torch_loaded") else "no") if (sp.get(c) or {}).get("ok")
            else "n/a" for c in cols]],
    ]
    lines += [md_table(header, speed_rows), ""]
    ratio_rows = []
    for model in PIPELINES:
        r = s["ratios"][model]
        ratio_rows.append([model, fmt(r["vs_transformer_1_process"], "x"), fmt(r[f"vs_transformer_{N_PROCESS}_processes"], "x"),
                           fmt(r["vs_tokenizer_1_process"], "x"), fmt(r[f"vs_tokenizer_{N_PROCESS}_processes"], "x")])
    lines += [md_table(["words/s ratio", "÷ transformer (1 proc)", f"÷ transformer ({N_PROCESS} proc)",
                        "÷ bare tokenizer (1 proc)", f"÷ bare tokenizer ({N_PROCESS} proc)"], ratio_rows), ""]
    notes = [f"{name}: {sp[name]['error']}" for name in cols if not sp[name].get("ok")]
    lines += [f"Real security news (`raw/security`); words are whitespace tokens. Each figure is the median of "
              f"{settings['repeats']} separate processes; one BLAS/torch thread per process, so one process is one core. "
              f"Peak RSS is the measuring process's (it also runs the n_process={N_PROCESS} pass). "
              f"The transformer is timed on {settings['transformer_docs']} articles (speed only, random weights). "
              f"Size on disk is the pipeline directory; the arsec package data every arsec pipeline reads "
              f"(word lists, gazetteer: `arsec/data`) adds {fmt(settings.get('arsec_package_data_mb'))} MB."]
    if notes:
        lines += ["", "Not measured: " + "; ".join(notes) + "."]
    lines += ["", "### Targets", ""]
    lines += [md_table(["target", "goal", "measured", "met"],
                       [[t["target"], t["goal"], fmt(t["value"], t["kind"]),
                         "n/a" if t["met"] is None else ("yes" if t["met"] else "**no**")] for t in s["targets"]]), ""]
    gpu = report["gpu"]
    lines += ["### GPU", "", gpu["note"] + "."]
    if gpu.get("result"):
        g = gpu["result"]
        lines += ["", md_table(["transformer on GPU", "value"], [
            ["words/s", fmt(g.get("words_per_s"), "int")], ["docs/s", fmt(g.get("docs_per_s"))],
            ["latency p50 / p95 (ms/doc)", f"{fmt(g.get('latency_ms_p50'))} / {fmt(g.get('latency_ms_p95'))}"],
            ["arsec_core (CPU, 1 proc) ÷ transformer (GPU)",
             fmt(ratio((sp['arsec_core'].get('result') or {}).get('words_per_s'), g.get('words_per_s')), 'x')]])]
    lines += _failed_accuracy_lines(report)
    lines += ["", "![speed vs accuracy](speed_vs_accuracy.png)", ""]
    return "\n".join(lines)


def _failed_accuracy_lines(report: dict) -> list[str]:
    failed = {k: p["error"] for k, p in report["accuracy"].items() if not p.get("ok")}
    return ["", "Failed parts: " + "; ".join(f"{k}: {e}" for k, e in failed.items())] if failed else []


def draw_chart(report: dict, path: Path) -> Optional[str]:
    """Speed (x, log) against accuracy (y): gold entity F1 and ANERcorp F1 per
    pipeline; the tokenizer and the transformer, speed only, as vertical lines."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        return f"no chart: {e}"
    s, sp, m = report["summary"], report["speed"], report["machine"]
    split = report["settings"]["split"]

    def wps(name: str) -> Optional[float]:
        part = sp.get(name) or {}
        return part["result"].get("words_per_s") if part.get("ok") else None

    fig, ax = plt.subplots(figsize=(7.5, 4.8), dpi=110)
    colors = {"arsec_rules": "tab:blue", "arsec_core": "tab:red"}
    xs = [x for x in (wps(n) for n in SPEED_ROWS) if x]
    for model in PIPELINES:
        x = wps(model)
        if not x:
            continue
        gold_f = (s[model]["gold"] or {}).get("entities.all.f")
        aner_f = s[model]["anercorp_f1"]
        if gold_f is not None:
            ax.scatter([x], [100 * gold_f], color=colors[model], marker="o", s=60, zorder=3,
                       label=f"{model}: gold {split} entity F1")
            ax.annotate(f"{100 * gold_f:.1f}", (x, 100 * gold_f), textcoords="offset points", xytext=(6, 4), fontsize=8)
        if aner_f is not None:
            ax.scatter([x], [100 * aner_f], color=colors[model], marker="s", s=50, zorder=3, facecolors="none",
                       label=f"{model}: ANERcorp {split} F1")
            ax.annotate(f"{100 * aner_f:.1f}", (x, 100 * aner_f), textcoords="offset points", xytext=(6, -10), fontsize=8)
    for name, style in (("tokenizer", ":"), ("transformer", "--")):
        x = wps(name)
        if x:
            ax.axvline(x, color="gray", linestyle=style, label=f"{SPEED_LABELS[name]} (speed only)")
    ax.set_xscale("log")
    if xs:
        ax.set_xlim(min(xs) / 2, max(xs) * 2)
    ax.set_ylim(0, 100)
    ax.set_xlabel("words per second, one process (log scale)")
    ax.set_ylabel("F1 (%)")
    v = m["versions"]
    ax.set_title(f"arsec: speed vs accuracy ({split})", fontsize=11)
    fig.text(0.01, 0.01, f"{m['cpu']}, {m['cores']} cores; Python {v['python']}, spaCy {v['spacy']}, "
                         f"torch {v['torch'] or '–'}; median of {report['settings']['repeats']} runs; {m['date'][:10]}",
             fontsize=7, color="gray")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, loc="lower left")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(path)
    plt.close(fig)
    return None


# ---------------------------------------------------------------- main

def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_gpu_speed"]:
        return gpu_speed_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="shared data folder")
    parser.add_argument("--out", type=Path, default=BENCH / "results", help="where the report goes")
    parser.add_argument("--repeats", type=int, default=3, help="speed processes per pipeline (medians)")
    parser.add_argument("--docs", type=int, default=300, help="security-news articles timed per pipeline")
    parser.add_argument("--transformer-docs", type=int, default=12, help="articles timed for the (slow) transformer")
    parser.add_argument("--transformer-builder", type=Path, default=Path("benchmarks/build_transformer_pipeline.py"),
                        help="script that builds the transformer pipeline: SCRIPT OUTDIR (relative to the repo)")
    parser.add_argument("--arsec-python", default=PY,
                        help="interpreter for the speed runs of the tokenizer and the arsec pipelines, e.g. that of "
                             "a venv with only `pip install -e .` (no torch), as users install arsec; default: this one")
    parser.add_argument("--final", action="store_true", help="accuracy on the test splits (final figures only)")
    parser.add_argument("--skip-transformer", action="store_true", help="do not build or time the transformer pipeline")
    parser.add_argument("--skip-accuracy", action="store_true", help="speed only")
    parser.add_argument("--skip-speed", action="store_true", help="accuracy only (e.g. dev figures beside a --final run)")
    parser.add_argument("--quick", action="store_true", help="a check run: 100 articles, 1 repeat, 5 for the transformer")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per part")
    args = parser.parse_args(argv)
    if args.quick:
        args.docs, args.repeats, args.transformer_docs = min(args.docs, 100), 1, min(args.transformer_docs, 5)
    args.data = args.data.resolve()
    if not args.transformer_builder.is_absolute():
        args.transformer_builder = REPO / args.transformer_builder
    if not (args.data / "raw" / "security").exists():
        print(f"no security news under {args.data}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    log = lambda msg: print(msg, flush=True)  # noqa: E731
    machine = machine_info()
    log(f"{machine['cpu']}, {machine['cores']} cores; arsec {machine['versions']['arsec']}, "
        f"commit {machine['git_commit']}")
    work = Path(tempfile.mkdtemp(prefix="arsec_bench_"))
    try:
        acc = {} if args.skip_accuracy else accuracy_parts(args, work, log)
        if args.skip_speed:
            speed = {name: {"ok": False, "error": "not run: --skip-speed"} for name in SPEED_ROWS}
            runs, gpu = {}, {"available": None, "note": "not run: --skip-speed"}
        else:
            speed, runs = speed_parts(args, work, log)
            gpu = gpu_part(args, work, speed, log)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    settings = {"split": "test" if args.final else "dev", "final": args.final, "quick": args.quick,
                "skip_speed": args.skip_speed,
                "docs": args.docs, "transformer_docs": args.transformer_docs, "repeats": args.repeats,
                "n_process": N_PROCESS, "threads_per_process": 1, "data": str(args.data),
                "arsec_python": str(args.arsec_python),
                "arsec_package_data_mb": package_data_mb()}
    machine["load_average_at_end"] = _loadavg()
    report = {"machine": machine, "settings": settings, "accuracy": acc, "speed": speed, "speed_runs": runs, "gpu": gpu}
    report["summary"] = summarize(acc, speed)
    report["seconds"] = round(time.perf_counter() - started, 1)
    (args.out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    md = render_markdown(report)
    (args.out / "report.md").write_text(md, encoding="utf-8")
    chart_error = None if args.skip_speed else draw_chart(report, args.out / "speed_vs_accuracy.png")
    print(md)
    if chart_error:
        print(chart_error, file=sys.stderr)
    print(f"\nreport in {args.out} ({report['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
