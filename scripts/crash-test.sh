#!/usr/bin/env bash
# The long crash test of the store: a process applying a stream of edits is killed with SIGKILL
# at random moments, N times (default 1000). After each kill the file must pass integrity_check
# and hold every edit that had been acknowledged. Prints: kills, acknowledged edits, edits
# committed but not yet acknowledged when killed, edits lost (must be 0).
#
#   scripts/crash-test.sh [KILLS] [SEED]
#
# The database lives under the target directory (on disk, not tmpfs), like the benchmarks'.
set -euo pipefail
cd "$(dirname "$0")/.."
export EPURE_CRASH_KILLS="${1:-1000}"
if [ -n "${2:-}" ]; then export EPURE_CRASH_SEED="$2"; fi
exec cargo test --release -p epure-cli --test store a_killed_editor_loses_no_acknowledged_edit -- --exact --nocapture
