#!/usr/bin/env bash
# Installs what is missing, then serves the app with the bundled feed on http://127.0.0.1:8080/
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
MEETUP_ATLAS_SITE=http://127.0.0.1:8080/ exec trunk serve --release --no-autoreload --address 127.0.0.1 --port 8080
