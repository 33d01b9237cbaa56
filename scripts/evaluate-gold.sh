#!/usr/bin/env bash
# Build the documents that have gold (the five seeds, three dev reports) and score them:
#   scripts/evaluate-gold.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
govkg build seeds tests/data/dev --out "$out" --no-html > /dev/null
govkg evaluate "$out" --gold tests/data/gold/seeds --gold tests/data/gold/dev
