#!/bin/sh
# Engine throughput beside the peers', in one run on the same files, so the
# comparison is side by side and not across days: decorumd's in-process
# pipeline on one thread (decorumctl bench --engine) and each peer's
# checking loop on one thread (node), with their ratio.
#
#   sh tests/bench/engine-vs-peers.sh [BUILD_DIR] [FILE.jsonl...]
#
# Files default to ../shared/data/dev/*.jsonl. The peers run when
# ../shared/tools/peers is set up (sh ../shared/tools/peers/setup.sh).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
[ $# -gt 0 ] && shift
if [ $# -eq 0 ]; then
	set -- "$root"/../shared/data/dev/*.jsonl
fi
[ -f "$1" ] || { echo "no input files (is ../shared/data there?)"; exit 0; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$@" > "$tmp/all.jsonl"
n=$(wc -l < "$tmp/all.jsonl")

"$build/decorumctl" bench --engine -R "$root/rules" -p 5 "$tmp/all.jsonl" > "$tmp/engine.txt"
ours=$(sed -n 's/^ *whole pipeline *\([0-9]*\) comments\/s.*/\1/p' "$tmp/engine.txt")
cat "$tmp/engine.txt"
echo
printf '%-20s %14s %10s\n' "filter" "comments/s" "decorumd x"
printf '%-20s %14s %10s\n' "decorumd (1 thread)" "$ours" "1.00"

peers=$root/../shared/tools/peers
if [ ! -d "$peers/node_modules" ] || ! command -v node >/dev/null; then
	echo "(peers not set up: sh $peers/setup.sh)"
	exit 0
fi
for p in $(cd "$peers" && node run-peer.mjs --list); do
	line=$(cd "$peers" && node run-peer.mjs "$p" "$tmp/all.jsonl" /dev/null \
	    --repeat 3 2>&1 >/dev/null | grep 'per_sec=' || true)
	rate=$(echo "$line" | sed -n 's/.*per_sec=\([0-9]*\).*/\1/p')
	[ -n "$rate" ] || { printf '%-20s %14s\n' "$p" "failed"; continue; }
	printf '%-20s %14s %10s\n' "$p" "$rate" \
	    "$(awk -v a="$ours" -v b="$rate" 'BEGIN { printf "%.2f", a / b }')"
done
echo "($n comments; $(nproc) cores; $(date -u +%Y-%m-%d))"
