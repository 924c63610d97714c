#!/usr/bin/env bash
# Lint, format and type checks of the repository's Python (examples/python): ruff (ruff.toml) and mypy --strict,
# pinned, installed into the virtual environment of the newest Spark installation (bin/lib/install-spark.sh), whose
# PySpark gives mypy the types. Fails on any finding.
# Usage: bin/lib/python-checks.sh PYTHON   (the python of an installation's environment)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
python="$1"
bin="$(dirname "$python")"
if ! "$bin/ruff" --version 2>/dev/null | grep -qx 'ruff 0.17.6' \
    || ! "$bin/mypy" --version 2>/dev/null | grep -q '^mypy 2.4.1 '; then
  "$python" -m pip install -q --disable-pip-version-check ruff==0.17.6 mypy==2.4.1
fi
"$bin/ruff" check examples/python
"$bin/ruff" format --check examples/python
"$bin/mypy" --strict --python-executable "$python" examples/python
