#!/usr/bin/env bash
# Browser tests for CI: installs Debian's Chromium and Java and the pinned npm packages if
# missing, builds the example site, runs run.mjs and pa11y.mjs against it on loopback, the
# W3C Nu HTML checker (vnu-jar from npm, on Debian's Java) over every HTML file it wrote, and
# feedparser (PyPI) over every Atom feed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if ! command -v chromium >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
if ! command -v java >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq default-jre-headless >/dev/null
fi
cd "$here"
# Install scripts are skipped: vnu-jar's would download a Java runtime and puppeteer's (for
# pa11y) a Chrome; Debian's Java and Chromium are used instead.
[ -d node_modules/playwright-core ] && [ -d node_modules/axe-core ] && [ -d node_modules/pa11y ] \
  && [ -f node_modules/vnu-jar/build/dist/vnu.jar ] \
  || npm ci --no-audit --no-fund --silent --ignore-scripts
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The example content is dated up to this day; pin it so the test does not drift.
WARTA_TODAY=2026-11-28 cargo run --quiet --release --manifest-path "$root/Cargo.toml" -- build --root "$root" --output "$out/site"
node run.mjs "$out/site" "${BROWSER_ARTIFACTS:-$root/target/browser}"
# pa11y (HTML_CodeSniffer, WCAG 2 AA) on every page type: 0 errors.
node pa11y.mjs "$out/site"
# The W3C Nu HTML checker: 0 errors on every page of the example site (warnings not counted).
find "$out/site" -name '*.html' -print0 | sort -z \
  | xargs -0 java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --format gnu
echo "vnu: $(find "$out/site" -name '*.html' | wc -l) HTML files, 0 errors"
# Every Atom feed parses with feedparser (PyPI, pinned, in a virtualenv under target/).
feeds="$root/target/ci/feedparser"
if [ ! -x "$feeds/bin/python" ] || ! "$feeds/bin/python" -c 'import feedparser' 2>/dev/null; then
  rm -rf "$feeds"
  python3 -m venv "$feeds"
  "$feeds/bin/pip" install -q feedparser==6.0.14
fi
"$feeds/bin/python" "$root/tests/validators/feeds.py" "$out/site"
# Search: stemming, bytes per query, axe on the results, the page without JavaScript.
node search.mjs "$out/site"
# XSS payloads in content, sanitized by the build, must not run in a real browser.
cargo run --quiet --release --manifest-path "$root/Cargo.toml" -- build --root "$root/tests/fixtures/xss" --output "$out/xss"
node xss.mjs "$out/xss"
