#!/usr/bin/env bash
# Installs the Spark versions the deployment tests and the Python tests run on, as real users get them: PySpark from
# PyPI, which ships spark-submit, spark-class and a full Spark runtime (SPARK_HOME = the installed pyspark package).
# Each version gets its own virtual environment under ${DATAMINT_SPARK_CACHE:-~/.cache/datamint-spark}/pyspark-<v>,
# kept between runs, made by Debian's /usr/bin/python3 (DATAMINT_PYTHON overrides it) with --system-site-packages, so
# that Debian's CPU PyTorch (python3-torch 1.13, with torch.distributed and gloo; PyPI's torch is a multi-GB CUDA
# build) and the numpy it is built against (python3-numpy 1.24.2) are seen from the environment. Into it go
# pyspark==<version> and python/requirements-test.txt, constrained by python/constraints.txt (numpy stays Debian's).
# The environment's marker file holds a hash of the interpreter, the version and both files (comments aside): an
# environment whose marker differs (an older layout, a changed requirement) or whose imports fail is rebuilt from
# scratch. A new environment must import torch, pyspark, pyarrow, numpy (the pinned version) and pandas, and a local
# Spark session of it must run spark.range(3).toArrow(). Prints one line per version:
#   <version>=<SPARK_HOME>|<python of the environment>
# Usage: bin/lib/install-spark.sh [VERSION ...]   (default: the versions in bin/lib/spark-versions)
# Measured here (2 cores): 207 s for the three versions from scratch with an empty pip cache (it downloads and builds
# the pyspark wheels), ~100 s to rebuild all three with pip's cache, ~10 s when all three are complete (the import
# checks).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="${DATAMINT_SPARK_CACHE:-$HOME/.cache/datamint-spark}"
python="${DATAMINT_PYTHON:-/usr/bin/python3}"
constraints="$root/python/constraints.txt"
requirements="$root/python/requirements-test.txt"
if [[ $# -gt 0 ]]; then
  versions=("$@")
else
  mapfile -t versions < <(grep -v '^#' "$root/bin/lib/spark-versions" | grep -v '^[[:space:]]*$')
fi

numpy_pin="$(sed -n 's/^numpy==\([^[:space:]]*\).*$/\1/p' "$constraints")"
system_numpy="$("$python" -c 'import numpy; print(numpy.__version__)' 2>/dev/null || true)"
if [[ "$system_numpy" != "$numpy_pin" ]]; then
  echo "error: $python has numpy '${system_numpy:-none}', but python/constraints.txt pins numpy==$numpy_pin," >&2
  echo "       the numpy Debian's python3-torch is built against (bin/lib/install-test-tools.sh installs both);" >&2
  echo "       on another Debian release, update the pin and the requirements in python/ to its numpy" >&2
  exit 1
fi

# Exits non-zero unless the environment imports what the tests need, with the pinned numpy.
check_imports() {
  "$1" - "$numpy_pin" <<'PY'
import sys

import numpy
import pandas
import pyarrow
import pyspark
import torch

if numpy.__version__ != sys.argv[1]:
    sys.exit(f"numpy {numpy.__version__} at {numpy.__file__}, not {sys.argv[1]}")
PY
}

# A local Spark session of the environment runs a query and hands its result over as Arrow.
check_spark() {
  SPARK_HOME="$2" SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$1" "$1" - <<'PY'
from pyspark.sql import SparkSession

spark = (
    SparkSession.builder.master("local[1]")
    .appName("install-spark-check")
    .config("spark.ui.enabled", "false")
    .config("spark.ui.showConsoleProgress", "false")
    .getOrCreate()
)
try:
    table = spark.range(3).toArrow()
    assert table.column("id").to_pylist() == [0, 1, 2], table
finally:
    spark.stop()
PY
}

# shellcheck source=bin/lib/venv-marker.sh
source "$root/bin/lib/venv-marker.sh"
mkdir -p "$cache"
for version in "${versions[@]}"; do
  env_dir="$cache/pyspark-$version"
  want="$(venv_fingerprint "install-spark 2" "$(readlink -f "$(command -v "$python")")" "pyspark==$version" \
    -- "$constraints" "$requirements")"
  if ! venv_is_complete "$env_dir" "$want" check_imports; then
    echo "installing PySpark $version and python/requirements-test.txt into $env_dir" >&2
    rm -rf "$env_dir"
    "$python" -m venv --system-site-packages "$env_dir"
    "$env_dir/bin/python" -m pip install -q --disable-pip-version-check \
      -c "$constraints" "pyspark==$version" -r "$requirements" >&2
    check_imports "$env_dir/bin/python" >&2
    spark_home="$("$env_dir/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
    check_spark "$env_dir/bin/python" "$spark_home" >&2
    venv_mark_complete "$env_dir" "$want"
  fi
  spark_home="$("$env_dir/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
  installed="$("$env_dir/bin/python" -c 'import pyspark; print(pyspark.__version__)')"
  if [[ "$installed" != "$version" ]]; then
    echo "error: $env_dir holds PySpark $installed, not $version; delete it and run again" >&2
    exit 1
  fi
  echo "$version=$spark_home|$env_dir/bin/python"
done
