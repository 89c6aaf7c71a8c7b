#!/usr/bin/env bash
# Everything `make run` and `make test` need, installed only when missing:
# Debian packages, the UI's npm packages (from the lockfile), and tauri-driver for the end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-system.sh

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo not found; install Rust with rustup (https://rustup.rs) and run again" >&2
  exit 1
fi

# npm ci is exact and reproducible; skip it when node_modules was installed from this very lockfile.
stamp=ui/node_modules/.epure-installed-lock
if ! cmp -s ui/package-lock.json "$stamp" 2>/dev/null; then
  echo "setup: installing the UI's npm packages"
  npm --prefix ui ci --no-audit --no-fund --loglevel=error
  cp ui/package-lock.json "$stamp"
fi
