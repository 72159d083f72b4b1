#!/usr/bin/env bash
# Installs what building the app needs, skipping what is already there:
# the wasm target, trunk, wasm-bindgen-cli (exactly Cargo.lock's version), wasm-opt, terser
# (npm), and the font the events' cards are drawn in (Debian's fonts-dejavu-core).
# Nothing is fetched from GitHub: trunk finds these on PATH (versions pinned in Trunk.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
TERSER_VERSION=5.51.4
WASM_BINDGEN_VERSION=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p}' Cargo.lock)

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

if ! trunk --version 2>/dev/null | grep -qF "$TRUNK_VERSION"; then
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# Not --locked: one of wasm-bindgen-cli's locked dependencies is gone from the registry.
if ! wasm-bindgen --version 2>/dev/null | grep -qF "$WASM_BINDGEN_VERSION"; then
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

if ! wasm-opt --version 2>/dev/null | grep -qF "version $BINARYEN_VERSION"; then
  npm install -g "binaryen@$BINARYEN_VERSION"
fi

# The build minifies the pages' script (src/js/finish-dist.mjs).
if ! terser --version 2>/dev/null | grep -qxF "terser $TERSER_VERSION"; then
  npm install -g "terser@$TERSER_VERSION"
fi

# feed-publish draws each event's card (cards/<id>.<lang>.png) in DejaVu Sans.
if [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-dejavu-core
fi

grep -qF "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml \
  || { echo "Trunk.toml [tools] wasm_bindgen must be $WASM_BINDGEN_VERSION (Cargo.lock)" >&2; exit 1; }
