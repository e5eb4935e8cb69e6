#!/usr/bin/env bash
# Convert the corpora and train the CPU NER in the background on one thread
# (the machine's two cores are shared), logging to training/work/logs/.
#   training/train_ner.sh [OUTPUT_NAME] [extra spacy train overrides...]
# e.g. training/train_ner.sh ner_w128 --components.tok2vec.model.encode.width=128
# Poll with: tail -n 5 training/work/logs/<OUTPUT_NAME>.log
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:-ner_cpu}"
shift || true
work=training/work
mkdir -p "$work/logs"
python training/convert_corpora.py > "$work/logs/convert.json"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
nohup python -m spacy train configs/ner_cpu.cfg \
    --paths.train "$work/corpus/train.spacy" \
    --paths.dev "$work/corpus/dev.spacy" \
    --output "$work/$name" "$@" \
    > "$work/logs/$name.log" 2>&1 &
echo "training $name in the background, pid $! (log: $work/logs/$name.log)"
