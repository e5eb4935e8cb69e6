"""Bundle the pipeline of a `spacy package` build as an arsec pipeline.

`python -m spacy package MODEL packages --name arsec_core --version V` writes
the standalone model package `packages/ar_arsec_core-V/` (installable on its
own; it requires arsec for the components). Its pipeline directory, with the
meta.json that `spacy package` completed (version, requirements, sources), is
what `arsec.load()` uses; this script copies it to
`src/arsec/pipelines/<name>` in place of the previous one.

    python training/bundle_package.py packages/ar_arsec_core-0.2.0 src/arsec/pipelines/arsec_core
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path


def package_pipeline_dir(package_dir: Path) -> Path:
    """The pipeline inside a package folder: <pkg>/<lang_name>/<lang_name>-<version>."""
    meta = json.loads((package_dir / "meta.json").read_text(encoding="utf-8"))
    module = f"{meta['lang']}_{meta['name']}"
    path = package_dir / module / f"{module}-{meta['version']}"
    if not (path / "config.cfg").exists():
        raise SystemExit(f"no pipeline at {path}: is {package_dir} a `spacy package` output folder?")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package_dir", type=Path)
    parser.add_argument("dest", type=Path)
    args = parser.parse_args()
    source = package_pipeline_dir(args.package_dir)
    if args.dest.exists():
        shutil.rmtree(args.dest)
    shutil.copytree(source, args.dest)
    size = sum(p.stat().st_size for p in args.dest.rglob("*") if p.is_file()) / 1e6
    print(f"{source} -> {args.dest} ({size:.1f} MB)")


if __name__ == "__main__":
    main()
