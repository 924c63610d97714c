# Sourced by bin/lib/install-spark.sh and bin/lib/install-sdk.sh: the completeness marker of a cached virtual
# environment. A marker file (.datamint-complete) holds a fingerprint of what the environment was built from; an
# environment is reused only when its marker holds the fingerprint wanted now and its import check passes.

# Prints the fingerprint: the SHA-256 of the LINES given (a label, the interpreter's resolved path, pins), one per
# line, followed by the FILES after "--" with comments and blank lines removed.
#   venv_fingerprint LINE... -- FILE...
venv_fingerprint() {
  local lines=()
  while [[ $# -gt 0 && "$1" != "--" ]]; do
    lines+=("$1")
    shift
  done
  shift
  { printf '%s\n' "${lines[@]}"; sed 's/#.*//; /^[[:space:]]*$/d' "$@"; } | sha256sum | cut -d' ' -f1
}

# Exits 0 when ENV_DIR's marker holds WANT and CHECK (a command, run with the environment's python and ARGS) passes.
# A marker that matches but whose check fails is removed (the environment is rebuilt), with a message on stderr.
#   venv_is_complete ENV_DIR WANT CHECK [ARGS...]
venv_is_complete() {
  local env_dir="$1" want="$2" check="$3"
  shift 3
  local marker="$env_dir/.datamint-complete"
  [[ -f "$marker" && "$(cat "$marker")" == "$want" ]] || return 1
  if ! "$check" "$env_dir/bin/python" "$@" >/dev/null 2>&1; then
    echo "the environment $env_dir no longer passes its import check; rebuilding it" >&2
    rm -f "$marker"
    return 1
  fi
}

# Records that ENV_DIR is complete, built from WANT.
#   venv_mark_complete ENV_DIR WANT
venv_mark_complete() {
  echo "$2" > "$1/.datamint-complete"
}
