#!/usr/bin/env bash
# Installs the Spark versions the deployment tests run on, as real users get them: PySpark from PyPI, which ships
# spark-submit, spark-class and a full Spark runtime (SPARK_HOME = the installed pyspark package). Each version
# gets its own virtual environment under ${DATAMINT_SPARK_CACHE:-~/.cache/datamint-spark}/pyspark-<version>, kept
# between runs; an environment that is already complete is reused. Prints one line per version:
#   <version>=<SPARK_HOME>|<python of the environment>
# Usage: bin/lib/install-spark.sh [VERSION ...]   (default: the versions in bin/lib/spark-versions)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="${DATAMINT_SPARK_CACHE:-$HOME/.cache/datamint-spark}"
python="${DATAMINT_PYTHON:-python3}"
if [[ $# -gt 0 ]]; then
  versions=("$@")
else
  mapfile -t versions < <(grep -v '^#' "$root/bin/lib/spark-versions" | grep -v '^[[:space:]]*$')
fi
mkdir -p "$cache"
for version in "${versions[@]}"; do
  env_dir="$cache/pyspark-$version"
  marker="$env_dir/.datamint-complete"
  if [[ ! -f "$marker" ]]; then
    echo "installing PySpark $version into $env_dir" >&2
    rm -rf "$env_dir"
    "$python" -m venv "$env_dir"
    "$env_dir/bin/python" -m pip install -q --disable-pip-version-check "pyspark==$version" >&2
    touch "$marker"
  fi
  spark_home="$("$env_dir/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
  installed="$("$env_dir/bin/python" -c 'import pyspark; print(pyspark.__version__)')"
  if [[ "$installed" != "$version" ]]; then
    echo "error: $env_dir holds PySpark $installed, not $version; delete it and run again" >&2
    exit 1
  fi
  echo "$version=$spark_home|$env_dir/bin/python"
done
