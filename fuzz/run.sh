#!/usr/bin/env bash
# Runs every fuzz target (or those named after SECONDS) for SECONDS each (default 60), one
# after the other, and fails on the first crash or build failure.
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`).
# Seeds live in fuzz/corpus/<target>/seed*; crashes land in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(frontmatter page config slugify)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
mkdir -p logs
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  echo "== $target for ${seconds}s"
  if ! cargo +nightly fuzz run "$target" "corpus/$target" -- \
      -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 >"logs/$target.log" 2>&1; then
    tail -40 "logs/$target.log" >&2
    echo "!! $target failed: see fuzz/logs/$target.log and fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -E '^(Done|stat::number_of_executed_units)' "logs/$target.log" || tail -3 "logs/$target.log"
done
