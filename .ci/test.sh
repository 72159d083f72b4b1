#!/usr/bin/env bash
# Installs whatever the tests need (build tools, Chromium, chromedriver, Firefox ESR,
# WebKitGTK's WebDriver and Xvfb, nginx, hugo, npm packages), then runs every test layer:
# native core tests, wasm component tests in headless Chromium, the feed checker, a release
# build with its size table, every built page through the Nu Html Checker, Playwright end-to-end tests against dist/ served by nginx
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
  || ! command -v java >/dev/null \
  || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] \
  || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    chromium chromium-driver nginx libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static hugo \
    firefox-esr webkit2gtk-driver xvfb xauth default-jre-headless
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
  # Playwright's tests that failed once and passed on their retry, by name, under the layer.
  local flaky
  while IFS= read -r flaky; do summary+=("  flaky, passed on its retry: $flaky"); done < <(
    awk '/^ +[0-9]+ flaky$/ {on = 1; next} on && /^ +\[/ {sub(/^ +/, ""); print; next} {on = 0}' "$2" | sed -E 's/ (─)+$//')
  # and why their first run failed
  if grep -qE "^ +[0-9]+ flaky$" "$2"; then
    while IFS= read -r flaky; do summary+=("    $flaky"); done < <(grep -aE "^ +Error:" "$2" | sed -E 's/\x1b\[[0-9;]*m//g' | head -n 3)
  fi
}
timed() { # layer name: adds "name (T s)" for a layer without counts
  summary+=("$1 ($((SECONDS - layer_started)) s)")
}
logs=$(mktemp -d)
# A failing layer is remembered and the next ones still run, so that the summary says what
# passed and what failed; the script exits non-zero at the end if any did.
failed_layers=()
failed_logs=()
run() { # layer name, log file, command…: runs it, logging; a failure is noted, not fatal
  local name=$1 log=$2
  shift 2
  if ! "$@" 2>&1 | tee "$log"; then
    failed_layers+=("$name")
    failed_logs+=("$log")
  fi
}
finish() { # prints the summary; exits non-zero if a layer failed
  echo
  printf '%s\n' "${summary[@]}"
  printf '%s\n' "${summary[@]}" | awk '/ passed, / {p += $(NF - 7); f += $(NF - 5); s += $(NF - 3)}
    END {printf "total: %d passed, %d failed, %d skipped", p, f, s}'
  echo " ($((SECONDS - started)) s)"
  if ((${#failed_layers[@]})); then
    echo "FAILED: ${failed_layers[*]}"
    # What failed, last: whoever reads only the end of this output still sees which tests.
    for log in "${failed_logs[@]}"; do
      grep -aE "✘|^ *(Error|expect|Expected|Received|thread '.*' panicked|test .* FAILED|not ok)" "$log" | head -n 30
    done
    exit 1
  fi
}

layer "0/6 format and lints (natively and for wasm32)"
run "format" "$logs/fmt" cargo fmt --all --check
run "clippy" "$logs/clippy" cargo clippy --locked --workspace --all-targets -- -D warnings
run "clippy wasm32" "$logs/clippy-wasm" cargo clippy --locked --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
timed "format and lints"

layer "1/6 native tests of the core"
run native "$logs/native" cargo test --locked
count native "$logs/native"

layer "2/6 component tests in headless Chromium"
run component "$logs/component" env CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
  cargo test --locked --target wasm32-unknown-unknown --test component
count component "$logs/component"

layer "3/6 feed check, release build and sizes"
run "feed check" "$logs/feed-check" cargo run --locked --quiet --bin feed-check -- public/feed.json
# The address the end-to-end tests serve it at, for the pages' canonical and hreflang links.
if ! MEETUP_ATLAS_SITE=http://127.0.0.1:4173/atlas/ trunk build --release; then
  # Nothing to test the browsers against.
  failed_layers+=("release build")
  timed "release build (failed)"
  finish
fi
node tests/bench/size.mjs dist
timed "release build"
layer "3/6 every built page through the Nu Html Checker"
run "html (vnu)" "$logs/vnu" node tests/e2e/validate-html.mjs dist
count "html (vnu)" "$logs/vnu"

layer "4/6 end-to-end tests against dist/ in Chromium ($(/usr/bin/chromium --version))"
run "e2e chromium" "$logs/chromium" bash -c "cd tests/e2e && npx playwright test --project chromium"
count "e2e chromium" "$logs/chromium"

layer "5/6 end-to-end tests against dist/ in Firefox ($(/usr/bin/firefox-esr --version))"
run "e2e firefox" "$logs/firefox" bash -c "cd tests/e2e && npx playwright test --project firefox"
count "e2e firefox" "$logs/firefox"

layer "6/6 WebKit smoke tests against dist/ (WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null))"
run webkit "$logs/webkit" bash tests/webkit/run.sh
count webkit "$logs/webkit"

finish
