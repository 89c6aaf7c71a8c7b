#!/usr/bin/env bash
# Every test: the UI's (Vitest), then the workspace's (cargo test), which includes the
# end-to-end tests in a real window (tests/e2e: Xvfb + tauri-driver + WebKitWebDriver).
set -euo pipefail
cd "$(dirname "$0")/.."

# The end-to-end tests drive the app through tauri-driver.
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
  echo "test: installing tauri-driver"
  cargo install tauri-driver --locked --quiet
fi

echo "== UI: type check, build (the app embeds it), unit tests"
npm --prefix ui run build
npm --prefix ui test

echo "== Rust: every crate, and the app end to end"
cargo test --workspace --locked
