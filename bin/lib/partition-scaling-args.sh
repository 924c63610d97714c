#!/usr/bin/env bash
# Checks the arguments of bin/datamint-bench partition-scaling before anything is built; exits 2 with a message
# naming what was wrong and what is accepted. Usage: bin/lib/partition-scaling-args.sh ARGS...
set -euo pipefail
usage="accepted: --cores N | --standalone-workers N[,N...], --rounds R, --dir DIR, --target SIZE, --photos N, --warmup W, --timeline"
fail() {
  echo "error: partition-scaling: $1 ($usage)" >&2
  exit 2
}
masters=0
while (($#)); do
  option="$1"
  shift
  case "$option" in
    --timeline) continue ;;
    --cores | --standalone-workers | --rounds | --dir | --target | --photos | --warmup) ;;
    *) fail "unknown argument '$option'" ;;
  esac
  (($#)) || fail "$option needs a value"
  value="$1"
  shift
  case "$option" in
    --cores | --rounds | --photos)
      [[ "$value" =~ ^[1-9][0-9]*$ ]] || fail "$option needs a positive whole number, not '$value'" ;;
    --warmup)
      [[ "$value" =~ ^[0-9]+$ ]] || fail "--warmup needs a whole number, not '$value'" ;;
    --standalone-workers)
      [[ "$value" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] ||
        fail "--standalone-workers needs worker counts like 2 or 1,2, not '$value'" ;;
  esac
  case "$option" in --cores | --standalone-workers) masters=$((masters + 1)) ;; esac
done
((masters == 1)) || fail "give exactly one of --cores and --standalone-workers"
