#!/usr/bin/env bash
# Installs the reference tools the tests compare against (Debian packages): dcmtk (dcmdump, dcmdjpeg, dcmdjpls,
# dcmdrle), libgdcm-tools (gdcmconv), ffmpeg (ffprobe), python3-nibabel, python3-pydicom and python3-pil (with the
# system python3), and what the Python package's tests run on: Debian's CPU PyTorch (python3-torch 1.13, built
# against python3-numpy 1.24.2; PyPI's torch is a multi-GB CUDA build) and python3-venv, for the virtual environments
# with system site packages that bin/lib/install-spark.sh makes from /usr/bin/python3, and libmagic1 (python-magic in
# the SDK environments of bin/lib/install-sdk.sh), and the native decoders `bin/datamint-bench decode-vs-sdk` measures
# beside the connector: libjpeg-turbo-progs (djpeg) and libopenjp2-tools (opj_decompress). Does nothing when they
# are already there.
# First it fetches the test-corpus files that the repository does not hold (bin/lib/fetch-test-corpus.sh).
set -euo pipefail
bash "$(dirname "${BASH_SOURCE[0]}")/fetch-test-corpus.sh"

have_tools() {
  command -v dcmdump >/dev/null 2>&1 && command -v gdcmconv >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 \
    && command -v djpeg >/dev/null 2>&1 && command -v opj_decompress >/dev/null 2>&1 \
    && /usr/bin/python3 -c 'import nibabel, pydicom, PIL, numpy, torch, torch.distributed' >/dev/null 2>&1 \
    && dpkg-query -W -f='${Status}' python3-venv 2>/dev/null | grep -q 'install ok installed' \
    && dpkg-query -W -f='${Status}' libmagic1 2>/dev/null | grep -q 'install ok installed'
}

if have_tools; then
  exit 0
fi
packages=(dcmtk libgdcm-tools ffmpeg python3-nibabel python3-pydicom python3-numpy python3-pil python3-torch
  python3-venv python3-pip libmagic1 libjpeg-turbo-progs libopenjp2-tools)
if [[ "$(id -u)" -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "warning: cannot install ${packages[*]} (not root, no sudo); tests that need them are skipped locally" >&2
  echo "         and fail when CI=true" >&2
  exit 0
fi
echo "installing test tools: ${packages[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
have_tools
/usr/bin/python3 -c 'import numpy, torch; print("Debian PyTorch", torch.__version__, "numpy", numpy.__version__)' >&2
