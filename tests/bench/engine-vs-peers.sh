#!/bin/sh
# Engine throughput beside the peers', in one run on the same files, so the
# comparison is side by side and not across days: decorumd's in-process
# pipeline on one thread (decorumctl bench --engine), with the shipped
# rules and with one rule set holding only the LDNOOBW list the simplest
# peers use, and each peer's checking loop on one thread (node), with
# their ratios.
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

rate_of() {
	sed -n 's/^ *whole pipeline *\([0-9]*\) comments\/s.*/\1/p' "$1"
}

"$build/decorumctl" bench --engine -R "$root/rules" -p 5 "$tmp/all.jsonl" > "$tmp/engine.txt"
ours=$(rate_of "$tmp/engine.txt")
cat "$tmp/engine.txt"
echo

peers=$root/../shared/tools/peers
if [ ! -d "$peers/node_modules" ] || ! command -v node >/dev/null; then
	printf '%-24s %14s\n' "filter" "comments/s"
	printf '%-24s %14s\n' "decorumd, shipped rules" "$ours"
	echo "(peers not set up: sh $peers/setup.sh)"
	exit 0
fi

# The same work as the word-list peers do: one rule set holding only the
# LDNOOBW English list (the peers' naughty-words package), whole words,
# with the canary every policy must reject.
list=$peers/node_modules/naughty-words/en.json
single=
if [ -f "$list" ]; then
	mkdir "$tmp/rules"
	node -e 'for (const w of require(process.argv[1])) console.log(w)' \
	    "$list" > "$tmp/rules/ldnoobw.words"
	cp "$root/rules/canary.conf" "$tmp/rules/"
	cat > "$tmp/rules/ldnoobw.conf" <<-'EOF'
	name = "ldnoobw";
	category = "profanity";
	lists = { ldnoobw = "ldnoobw.words"; };
	rules = ( { id = "ldnoobw.word"; words = "@ldnoobw"; } );
	EOF
	cat > "$tmp/single.conf" <<-'EOF'
	default_policy = "default";
	policies = { default = { rulesets = ["ldnoobw", "canary"]; }; };
	EOF
	"$build/decorumctl" bench --engine -c "$tmp/single.conf" -R "$tmp/rules" \
	    -p 5 "$tmp/all.jsonl" > "$tmp/single.txt"
	single=$(rate_of "$tmp/single.txt")
	echo "single list ($(wc -l < "$tmp/rules/ldnoobw.words") words):"
	grep -E 'whole pipeline|decisions' "$tmp/single.txt"
	echo
fi

printf '%-24s %14s %12s %12s\n' "filter" "comments/s" "shipped x" "1 list x"
printf '%-24s %14s %12s %12s\n' "decorumd, shipped rules" "$ours" "1.00" ""
[ -n "$single" ] && printf '%-24s %14s %12s %12s\n' "decorumd, LDNOOBW only" \
    "$single" "" "1.00"
for p in $(cd "$peers" && node run-peer.mjs --list); do
	line=$(cd "$peers" && node run-peer.mjs "$p" "$tmp/all.jsonl" /dev/null \
	    --repeat 3 2>&1 >/dev/null | grep 'per_sec=' || true)
	rate=$(echo "$line" | sed -n 's/.*per_sec=\([0-9]*\).*/\1/p')
	[ -n "$rate" ] || { printf '%-24s %14s\n' "$p" "failed"; continue; }
	printf '%-24s %14s %12s %12s\n' "$p" "$rate" \
	    "$(awk -v a="$ours" -v b="$rate" 'BEGIN { printf "%.2f", a / b }')" \
	    "$(awk -v a="${single:-0}" -v b="$rate" 'BEGIN { if (a > 0) printf "%.2f", a / b }')"
done
echo "(decorumd x: its rate over the peer's; $n comments; $(nproc) cores; $(date -u +%Y-%m-%d))"
