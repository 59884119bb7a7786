#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), one after the other.
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Seeds live in fuzz/corpus/<target>/; crashes land in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for target in frontmatter page config slugify; do
  mkdir -p "corpus/$target"
  echo "== $target for ${seconds}s"
  cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 2>&1 \
    | grep -E '^(#[0-9]+ *DONE|Done|==|SUMMARY|.*(panicked|ERROR|crash))' || true
  if compgen -G "artifacts/$target/*" >/dev/null; then
    echo "!! $target found crashes: fuzz/artifacts/$target/" >&2
    exit 1
  fi
done
