#!/usr/bin/env bash
# Train the full arsec pipeline (configs/arsec_cpu.cfg) in the background on one
# thread (the machine's cores are shared), logging to training/work/logs/NAME.log.
#   training/train_pipeline.sh NAME TRAIN [extra spacy train overrides...]
# TRAIN: gold | gold_nounits (gold without MIL_UNIT/OPERATION) | gold_ext (gold
# train twice + external corpora). Examples:
#   training/train_pipeline.sh pipeline_gold gold
#   training/train_pipeline.sh pipeline_gold_ext gold_ext
#   training/train_pipeline.sh pipeline_gold_ext_vec gold_ext \
#       --paths.vectors training/work/vectors/ar_vectors \
#       --components.tok2vec.model.embed.include_static_vectors true
# CONFIG=configs/arsec_cpu_finetune.cfg picks another config (default configs/arsec_cpu.cfg).
# Poll with: tail -n 5 training/work/logs/NAME.log
# Never trains or selects on the test split: dev = gold dev.
set -euo pipefail
cd "$(dirname "$0")/.."
name="$1"; train="$2"; shift 2
work=training/work
mkdir -p "$work/logs"
# Gold DocBins aligned to the arsec tokenizer (train/dev/test from corpus/splits.json),
# written once so that runs started later (and the dev evaluations of running
# ones, which re-read the files) see the same snapshot of the growing corpus.
# Delete training/work/gold to take in newly stored annotations.
[ -f "$work/gold/dev.spacy" ] || python -m arsec.corpus docbins "$work/gold" > "$work/logs/gold_docbins.txt"
case "$train" in
  gold) train_path="$work/gold/train.spacy" ;;
  gold_nounits)
    # The NER learns PER/ORG/LOC/MISC/ARMED_GROUP only; MIL_UNIT and OPERATION
    # are left to arsec_units / arsec_operations (see drop_entity_labels.py).
    python training/drop_entity_labels.py "$work/gold/train.spacy" "$work/gold_nounits/train.spacy" \
        > "$work/logs/gold_nounits.txt"
    train_path="$work/gold_nounits/train.spacy" ;;
  gold_ext)
    [ -f "$work/corpus/train.spacy" ] || python training/convert_corpora.py > "$work/logs/convert.json"
    # spacy.Corpus.v1 reads every .spacy file in a folder.
    rm -rf "$work/gold_ext.tmp"; mkdir -p "$work/gold_ext.tmp"
    # The gold train split twice: ~190k gold tokens beside ~270k external ones,
    # so the in-domain arsec annotation style is not drowned out.
    cp "$work/gold/train.spacy" "$work/gold_ext.tmp/gold_train_1.spacy"
    cp "$work/gold/train.spacy" "$work/gold_ext.tmp/gold_train_2.spacy"
    cp "$work/corpus/train.spacy" "$work/gold_ext.tmp/external_train.spacy"
    # Replace the folder only if its content changed: running jobs re-read it every epoch.
    if diff -rq "$work/gold_ext.tmp" "$work/gold_ext" > /dev/null 2>&1; then rm -rf "$work/gold_ext.tmp"
    else rm -rf "$work/gold_ext"; mv "$work/gold_ext.tmp" "$work/gold_ext"; fi
    train_path="$work/gold_ext" ;;
  *) echo "TRAIN must be gold, gold_nounits or gold_ext" >&2; exit 2 ;;
esac
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
nohup python -m spacy train "${CONFIG:-configs/arsec_cpu.cfg}" \
    --paths.train "$train_path" --paths.dev "$work/gold/dev.spacy" \
    --output "$work/$name" "$@" \
    > "$work/logs/$name.log" 2>&1 &
echo "training $name in the background, pid $! (log: $work/logs/$name.log)"
