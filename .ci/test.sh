#!/usr/bin/env bash
# Installs whatever the tests need (build tools, Chromium, chromedriver, Firefox ESR,
# WebKitGTK's WebDriver and Xvfb, nginx, hugo, npm packages), then runs every test layer:
# native core tests, wasm component tests in headless Chromium, the feed checker, a release
# build with its size table, Playwright end-to-end tests against dist/ served by nginx
# with the documented config in Chromium and in Firefox ESR, and the WebKit smoke tests.
# Prints each layer's count and time at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

# The browsers of the tests: Chromium, Firefox ESR, and WebKitGTK's WebDriver with its
# MiniBrowser under Xvfb; nginx (with Debian's brotli modules) serves dist/ with
# docs/nginx/meetup-atlas.conf; hugo builds the test site that uses the shortcode.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/sbin/nginx ] || [ ! -x /usr/bin/hugo ] \
  || [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x /usr/bin/xvfb-run ] \
  || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] \
  || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    chromium chromium-driver nginx libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static hugo \
    firefox-esr webkit2gtk-driver xvfb xauth
fi
if [ ! -d tests/e2e/node_modules/@playwright/test ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi

summary=()
started=$SECONDS
layer_started=$SECONDS
layer() { # "== title": starts timing a layer
  echo "== $1"
  layer_started=$SECONDS
}
sum() { # word, log file: the sum of the numbers written before that word
  awk -v word="$1" '{for (i = 1; i < NF; i++) if ($(i + 1) ~ "^" word && $i ~ /^[0-9]+$/) s += $i} END {print s + 0}' "$2"
}
count() { # layer name, log file: adds "name: N passed, M failed, K skipped (T s)" from the result lines
  summary+=("$1: $(sum passed "$2") passed, $(sum failed "$2") failed, $(sum skipped "$2") skipped ($((SECONDS - layer_started)) s)")
}
timed() { # layer name: adds "name (T s)" for a layer without counts
  summary+=("$1 ($((SECONDS - layer_started)) s)")
}
logs=$(mktemp -d)

layer "0/6 format and lints (natively and for wasm32)"
cargo fmt --all --check
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo clippy --locked --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
timed "format and lints"

layer "1/6 native tests of the core"
cargo test --locked 2>&1 | tee "$logs/native"
count native "$logs/native"

layer "2/6 component tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
  cargo test --locked --target wasm32-unknown-unknown --test component 2>&1 | tee "$logs/component"
count component "$logs/component"

layer "3/6 feed check, release build and sizes"
cargo run --locked --quiet --bin feed-check -- public/feed.json
# The address the end-to-end tests serve it at, for the pages' canonical and hreflang links.
MEETUP_ATLAS_SITE=http://127.0.0.1:4173/atlas/ trunk build --release
node tests/bench/size.mjs dist
timed "release build"

layer "4/6 end-to-end tests against dist/ in Chromium ($(/usr/bin/chromium --version))"
(cd tests/e2e && npx playwright test --project chromium) 2>&1 | tee "$logs/chromium"
count "e2e chromium" "$logs/chromium"

layer "5/6 end-to-end tests against dist/ in Firefox ($(/usr/bin/firefox-esr --version))"
(cd tests/e2e && npx playwright test --project firefox) 2>&1 | tee "$logs/firefox"
count "e2e firefox" "$logs/firefox"

layer "6/6 WebKit smoke tests against dist/ (WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null))"
bash tests/webkit/run.sh 2>&1 | tee "$logs/webkit"
count webkit "$logs/webkit"

echo
printf '%s\n' "${summary[@]}"
printf '%s\n' "${summary[@]}" | awk '/ passed, / {p += $(NF - 7); f += $(NF - 5); s += $(NF - 3)}
  END {printf "total: %d passed, %d failed, %d skipped", p, f, s}'
echo " ($((SECONDS - started)) s)"
