#!/usr/bin/env bash
# Installs the Debian packages Épure needs to build, run and test the desktop app.
# Idempotent: installs only what is missing; uses sudo when not run as root.
set -euo pipefail

PACKAGES=(
  # Build the Rust workspace and the Tauri shell.
  build-essential pkg-config file curl libssl-dev
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev
  # Run and test the app headless: X server, WebDriver for WebKitGTK, screenshots.
  xvfb xauth webkit2gtk-driver
  # Read generated PDFs back in tests (pdftotext, pdftoppm).
  poppler-utils
  # Prove the app offline (scripts/offline-check.sh).
  strace
  # The UI toolchain.
  nodejs npm
)

missing=()
for p in "${PACKAGES[@]}"; do
  # nodejs/npm may come from elsewhere (nvm, NodeSource, the image): accept any working node/npm.
  case "$p" in
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
  esac
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "setup-system: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup-system: all Debian packages present"
fi

# The UI's build tools (Vite 8) need Node.js 20.19 or later.
node_version=$(node -e 'process.stdout.write(process.versions.node)' 2>/dev/null || echo 0)
node_major=${node_version%%.*}
node_minor=$(echo "$node_version" | cut -d. -f2)
if [ "$node_major" -lt 20 ] || { [ "$node_major" -eq 20 ] && [ "$node_minor" -lt 19 ]; }; then
  echo "setup-system: Node.js $node_version is too old; Épure's UI needs Node.js 20.19 or later (Debian 13 ships it)" >&2
  exit 1
fi

