#!/usr/bin/env bash
# Lint, format and type checks of the repository's Python: examples/python, and the package in python/
# (datamint_spark and its tests). ruff (ruff.toml; python/pyproject.toml extends it with Python 3.10) and mypy --strict
# (python/pyproject.toml's [tool.mypy] for the package), pinned, installed with python/constraints.txt into the
# virtual environment of the newest Spark installation (bin/lib/install-spark.sh), whose PySpark, Debian torch and
# numpy give mypy the types, with pandas-stubs (pyarrow stays untyped: python/pyproject.toml says why). Also checks that
# python/pyproject.toml's version is the pom's without -SNAPSHOT. Fails on any finding. The package may be nearly
# empty (only the files that exist are checked).
# Usage: bin/lib/python-checks.sh PYTHON   (the python of an installation's environment)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
python="$1"
bin="$(dirname "$python")"

pom_version="$("$python" -c '
import sys, xml.etree.ElementTree as ET
print(ET.parse(sys.argv[1]).getroot().findtext("{http://maven.apache.org/POM/4.0.0}version"))' pom.xml)"
package_version="$(sed -n 's/^version = "\(.*\)"$/\1/p' python/pyproject.toml | head -1)"
if [[ "$package_version" != "${pom_version%-SNAPSHOT}" ]]; then
  echo "error: python/pyproject.toml has version '$package_version', the pom $pom_version; keep them in step" >&2
  exit 1
fi

# Quiet and offline when everything is already there.
"$python" -m pip install -q --disable-pip-version-check -c python/constraints.txt \
  ruff==0.17.6 mypy==2.4.1 pandas-stubs==2.3.3.260113

"$bin/ruff" check examples/python python
"$bin/ruff" format --check examples/python python
# The examples import datamint_spark from the source tree (the wheel is not built yet when bin/test runs this), and
# take the package's mypy configuration (Debian torch 1.13's untyped functions, pyarrow and py4j untyped).
MYPYPATH=python "$bin/mypy" --strict --config-file python/pyproject.toml --python-executable "$python" examples/python
targets=()
for dir in python/datamint_spark python/tests; do
  if compgen -G "$dir/*.py" >/dev/null; then
    targets+=("$dir")
  fi
done
if [[ ${#targets[@]} -gt 0 ]]; then
  "$bin/mypy" --strict --config-file python/pyproject.toml --python-executable "$python" "${targets[@]}"
fi
