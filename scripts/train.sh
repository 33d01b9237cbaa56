#!/usr/bin/env bash
# Train the learned decision from every document with gold in the repo and the judged scale sample
# (tests/data/judged, documents of ../shared/corpus/scale), and write the model the package ships
# (src/govkg/decide/data/model.json); the same data gives the same file, byte for byte.
#   scripts/train.sh [--leave-one-out] [--check]
set -euo pipefail
cd "$(dirname "$0")/.."
# OpenBLAS picks its kernels by the CPU, and its AVX-512 ones move a few rounded weights by one in the last place:
# the AVX2 kernels (Haswell) on every x86-64 machine give the shipped model byte for byte
export OPENBLAS_CORETYPE=Haswell
judged=()
for f in tests/data/judged/*.tsv; do judged+=(--judged "$f"); done
govkg train --docs seeds --docs tests/data/dev --gold tests/data/gold/seeds --gold tests/data/gold/dev \
    "${judged[@]}" --corpus ../shared/corpus/scale --out src/govkg/decide/data/model.json "$@"
