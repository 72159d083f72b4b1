#!/usr/bin/env bash
# The WebKit smoke tests (tests/webkit/smoke.mjs): they start nginx (tests/e2e/serve.sh, on
# E2E_PORT, default 4173, and the two ports after it) and WebKitWebDriver under Xvfb, and
# stop them at the end. Prints the spec report, then "webkit: N passed, M failed"; exits
# non-zero on any failure.
#   bash tests/webkit/run.sh             (after the Playwright suite, which uses 4173-4175)
#   E2E_PORT=5173 bash tests/webkit/run.sh   (beside another run)
set -uo pipefail
cd "$(dirname "$0")/../.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
node --test --test-reporter=spec tests/webkit/smoke.mjs 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
pass=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$log" | tail -n 1)
fail=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$log" | tail -n 1)
# A run that ended before counting (a crash) still fails.
if [ "$status" -ne 0 ] && [ "${fail:-0}" = 0 ]; then fail=1; fi
echo "webkit: ${pass:-0} passed, ${fail:-0} failed"
exit "$status"
