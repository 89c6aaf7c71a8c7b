#!/usr/bin/env bash
# Shows that the desktop app opens no network connection: runs it under strace (following the
# WebKit processes it starts) in its own X server on a fresh database for a few seconds, then
# lists the address families of every connect(2). Anything but AF_UNIX fails the check.
# Usage: scripts/offline-check.sh [APP_BINARY] [SECONDS]   (needs strace, xvfb-run)
set -euo pipefail
cd "$(dirname "$0")/.."
app=${1:-target/debug/epure-app}
seconds=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
XDG_DATA_HOME="$work/data" EPURE_DB="$work/epure.db" timeout $((seconds + 15)) \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  bash -c "strace -f -qq -e trace=connect -o '$work/connect.log' '$app' & sleep $seconds; kill %1; sleep 1" || true
echo "connect() calls by address family:"
grep -o 'sa_family=AF_[A-Z0-9]*' "$work/connect.log" | sort | uniq -c || true
if grep -q 'sa_family=AF_INET' "$work/connect.log"; then
  echo "offline-check: FAILED — the app or its WebKit processes connected to the network:" >&2
  grep 'sa_family=AF_INET' "$work/connect.log" >&2
  exit 1
fi
echo "offline-check: no network connection"
