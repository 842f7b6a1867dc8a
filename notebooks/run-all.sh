#!/usr/bin/env bash
# Runs the pipeline on the sample history (bin/run-sample -> runs/sample/) and then executes every notebook in
# notebooks/ headlessly; a notebook whose cell raises fails this script. Executed copies (with outputs) go to
# runs/notebooks/; the committed notebooks must carry no outputs, which is checked first.
#
# Needs Debian's jupyter-nbconvert python3-pandas python3-matplotlib python3-ipykernel (installed with apt-get when
# missing and this runs as root, as on CI). NOTEBOOKS_SKIP_PIPELINE=1 reuses an existing runs/sample/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
APT_PACKAGES=(jupyter-nbconvert python3-pandas python3-matplotlib python3-ipykernel)
# Debian's interpreter: the kernel spec python3-ipykernel installs runs /usr/bin/python3, whatever is first on PATH.
PYTHON=/usr/bin/python3

have_tools() {
  [[ -x "$PYTHON" ]] && command -v jupyter-nbconvert >/dev/null 2>&1 \
    && "$PYTHON" -c 'import pandas, matplotlib, ipykernel, nbconvert' >/dev/null 2>&1
}
if ! have_tools; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}"
  fi
  have_tools || { echo "notebooks: need the Debian packages ${APT_PACKAGES[*]}" >&2; exit 1; }
fi

# Committed notebooks stay small and diff cleanly: no outputs, no execution counts.
"$PYTHON" - notebooks/*.ipynb <<'PY'
import json, sys
bad = []
for path in sys.argv[1:]:
    with open(path) as f:
        notebook = json.load(f)
    for i, cell in enumerate(notebook["cells"]):
        if cell.get("outputs") or cell.get("execution_count") is not None:
            bad.append(f"{path} cell {i}")
    first = notebook["cells"][0]
    if first["cell_type"] != "code" or "parameters" not in first.get("metadata", {}).get("tags", []):
        bad.append(f"{path}: the first cell must be the parameters cell")
if bad:
    sys.exit("notebooks: clear outputs before committing (jupyter nbconvert --clear-output --inplace): "
             + ", ".join(bad))
PY

if [[ "${NOTEBOOKS_SKIP_PIPELINE:-0}" != "1" || ! -d runs/sample/segments ]]; then
  bin/run-sample runs/sample
fi

mkdir -p runs/notebooks
# ipykernel's debugger warns about frozen modules on every start; it is not used here.
export PYDEVD_DISABLE_FILE_VALIDATION=1
status=0
for notebook in notebooks/*.ipynb; do
  echo "notebooks: executing $notebook" >&2
  if ! jupyter-nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
      --ExecutePreprocessor.kernel_name=python3 --output-dir runs/notebooks "$notebook"; then
    echo "notebooks: $notebook failed" >&2
    status=1
  fi
done
[[ $status -eq 0 ]] && echo "notebooks: all executed; outputs in runs/notebooks/" >&2
exit $status
