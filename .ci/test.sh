#!/usr/bin/env bash
# Installs whatever the tests need (build tools, Chromium, chromedriver, nginx, hugo,
# npm packages), then runs every test layer: native core tests, wasm component tests in
# headless Chromium, the feed checker, a release build with its size table, and
# Playwright end-to-end tests against dist/ served by nginx with the documented config.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

# Chromium for the browser tests; nginx (with Debian's brotli modules) serves dist/ with
# docs/nginx/meetup-atlas.conf; hugo builds the test site that uses the shortcode.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/sbin/nginx ] || [ ! -x /usr/bin/hugo ] \
  || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] \
  || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    chromium chromium-driver nginx libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static hugo
fi
if [ ! -d tests/e2e/node_modules/@playwright/test ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi

summary=()
count() { # layer name, log file: adds "name: N passed, M failed" from cargo's result lines
  local passed failed
  passed=$(awk '{for (i = 1; i < NF; i++) if ($(i + 1) ~ /^passed/ && $i ~ /^[0-9]+$/) s += $i} END {print s + 0}' "$2")
  failed=$(awk '{for (i = 1; i < NF; i++) if ($(i + 1) ~ /^failed/ && $i ~ /^[0-9]+$/) s += $i} END {print s + 0}' "$2")
  summary+=("$1: $passed passed, $failed failed")
}
logs=$(mktemp -d)

echo "== 0/4 format and lints (natively and for wasm32)"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings

echo "== 1/4 native tests of the core"
cargo test --locked 2>&1 | tee "$logs/native"
count native "$logs/native"

echo "== 2/4 component tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
  cargo test --locked --target wasm32-unknown-unknown --test component 2>&1 | tee "$logs/component"
count component "$logs/component"

echo "== 3/4 feed check, release build and sizes"
cargo run --locked --quiet --bin feed-check -- public/feed.json
# The address the end-to-end tests serve it at, for the pages' canonical and hreflang links.
MEETUP_ATLAS_SITE=http://127.0.0.1:4173/atlas/ trunk build --release
node tests/bench/size.mjs dist

echo "== 4/4 end-to-end tests against dist/"
(cd tests/e2e && npx playwright test) 2>&1 | tee "$logs/e2e"
count e2e "$logs/e2e"

echo
printf '%s\n' "${summary[@]}"
awk -F'[:,]' '{p+=$2; f+=$3} END {printf "total: %d passed, %d failed\n", p, f}' < <(printf '%s\n' "${summary[@]}" | sed 's/ passed//; s/ failed//')
