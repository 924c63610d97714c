#!/usr/bin/env bash
# Installs the real Datamint Python SDK (`datamint` from PyPI, unmodified) that the SDK conformance checks run
# against bin/datamint-server. Each SDK version gets its own virtual environment under
# ${DATAMINT_SPARK_CACHE:-~/.cache/datamint-spark}/datamint-sdk-<v>, kept between runs, made by Debian's
# /usr/bin/python3 (DATAMINT_PYTHON overrides it) with --system-site-packages so that Debian's CPU torch 1.13 and
# numpy 1.24.2 are used (as in bin/lib/install-spark.sh). Into it go python/conformance/requirements-sdk.txt
# (constrained by python/constraints.txt), then with --no-deps: datamint==<v> and the packages pinned below whose
# declared requirements would replace Debian's torch with PyPI's multi-GB CUDA build (lightning, torchmetrics) or
# need a build from source (medimgkit -> pyjpegls). Nothing the SDK's dataset classes import is left out; what the
# SDK declares but its datasets never import (torchvision, segmentation-models-pytorch, opencv-python with GUI,
# podman, av, flask) is not installed.
# The environment's marker file holds a hash of the interpreter, the version, this script's pins and both files
# (comments aside); a differing marker or a failing import check rebuilds it from scratch. A new environment must
# import datamint.Api and the dataset classes and report the SDK version asked for. Prints one line per version:
#   <version>=<python of the environment>
# Usage: bin/lib/install-sdk.sh [VERSION ...]   (default: the versions in bin/lib/sdk-versions)
# Measured here (2 cores): 173 s for both default versions from scratch (~85 s each; pip's cache held most wheels),
# ~14 s for both when complete (the import checks); ~680 MB per environment (scipy, pandas, opencv-python-headless,
# scikit-learn, scikit-image and mlflow-skinny are most of it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="${DATAMINT_SPARK_CACHE:-$HOME/.cache/datamint-spark}"
python="${DATAMINT_PYTHON:-/usr/bin/python3}"
constraints="$root/python/constraints.txt"
requirements="$root/python/conformance/requirements-sdk.txt"
# Installed with --no-deps (see above).
no_deps=(medimgkit==0.18.1 lightning==2.2.5 torchmetrics==1.3.2)
if [[ $# -gt 0 ]]; then
  versions=("$@")
else
  mapfile -t versions < <(grep -v '^#' "$root/bin/lib/sdk-versions" | grep -v '^[[:space:]]*$')
fi

# Exits non-zero unless the environment imports the SDK's API client and dataset classes at version $2.
check_imports() {
  # In /tmp: importing the SDK writes a log under the working directory (.log/).
  (cd "${TMPDIR:-/tmp}" && "$1" - "$2") <<'PY'
import importlib.metadata
import sys

from datamint import Api  # noqa: F401
from datamint.dataset import ImageDataset, VideoDataset, VolumeDataset  # noqa: F401

installed = importlib.metadata.version("datamint")
if installed != sys.argv[1]:
    sys.exit(f"datamint {installed} is installed, not {sys.argv[1]}")
PY
}

# shellcheck source=bin/lib/venv-marker.sh
source "$root/bin/lib/venv-marker.sh"
mkdir -p "$cache"
for version in "${versions[@]}"; do
  env_dir="$cache/datamint-sdk-$version"
  want="$(venv_fingerprint "install-sdk 1" "$(readlink -f "$(command -v "$python")")" "datamint==$version" \
    "${no_deps[@]}" -- "$constraints" "$requirements")"
  if ! venv_is_complete "$env_dir" "$want" check_imports "$version"; then
    echo "installing datamint $version and python/conformance/requirements-sdk.txt into $env_dir" >&2
    rm -rf "$env_dir"
    "$python" -m venv --system-site-packages "$env_dir"
    "$env_dir/bin/python" -m pip install -q --disable-pip-version-check --only-binary=:all: \
      -c "$constraints" -r "$requirements" >&2
    "$env_dir/bin/python" -m pip install -q --disable-pip-version-check --only-binary=:all: --no-deps \
      "datamint==$version" "${no_deps[@]}" >&2
    check_imports "$env_dir/bin/python" "$version" >&2
    venv_mark_complete "$env_dir" "$want"
  fi
  echo "$version=$env_dir/bin/python"
done
