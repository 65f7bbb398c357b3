#!/usr/bin/env bash
# Executes every notebook top to bottom against the API in GOVPULSE_API_URL with GOVPULSE_API_KEY.
# Executed copies (with outputs) go to the folder given as first argument; a failing cell fails the script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mkdir -p "${1:?usage: run-all.sh OUT_DIR}" && cd "$1" && pwd)"
: "${GOVPULSE_API_KEY:?set GOVPULSE_API_KEY to an API key}"
python="${PYTHON:-/usr/bin/python3}"
export GOVPULSE_FIGURES="${GOVPULSE_FIGURES:-$out/figures}"
cd "$here"
for nb in [0-9][0-9]_*.ipynb; do
  echo "== $nb"
  "$python" -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
    --output-dir "$out" "$nb"
done
echo "all notebooks ran; figures in $GOVPULSE_FIGURES"
