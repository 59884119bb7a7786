#!/usr/bin/env bash
# Browser tests for CI: installs Debian's Chromium and the pinned npm packages if missing,
# builds the example site, and runs run.mjs against it on loopback.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if ! command -v chromium >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
cd "$here"
[ -d node_modules/playwright-core ] && [ -d node_modules/axe-core ] || npm ci --no-audit --no-fund --silent
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The example content is dated up to this day; pin it so the test does not drift.
WARTA_TODAY=2026-11-28 cargo run --quiet --release --manifest-path "$root/Cargo.toml" -- build --root "$root" --output "$out/site"
node run.mjs "$out/site" "${BROWSER_ARTIFACTS:-$root/target/browser}"
# Search: stemming, bytes per query, axe on the results, the page without JavaScript.
node search.mjs "$out/site"
# XSS payloads in content, sanitized by the build, must not run in a real browser.
cargo run --quiet --release --manifest-path "$root/Cargo.toml" -- build --root "$root/tests/fixtures/xss" --output "$out/xss"
node xss.mjs "$out/xss"
