#!/bin/sh
# Accuracy of the shipped rules on labeled comments, beside the peer filters.
#
#   sh tests/eval/run.sh [BUILD_DIR] [FILE.jsonl ...]
#
# BUILD_DIR defaults to ./build (it must hold decorumd and decorumctl; this
# script builds nothing). FILEs default to ../shared/data/dev/*.jsonl, next to
# the repository. It starts decorumd with the shipped rules on a temporary
# socket, replays every file, and, when ../shared/tools/peers is set up
# (node_modules present, node installed), runs every peer on the same file.
# Then it prints one comparison table per file with the peers' scorer
# (score.py: reject-vs-accept precision, recall, F1, false positive rate and
# recall per category; review counts as accept), then decorumd's three-way
# figures for that file (false-reject rate, review load, caught, and F1/FPR
# with review counted as caught), and at the end the three-way table of all
# files together. The daemon is stopped at the end. When ../shared is absent it says so and exits 0.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${DECORUM_SHARED:-$root/../shared}
build=./build
case "${1:-}" in
*.jsonl) ;;
?*) build=$1; shift ;;
esac

if [ ! -d "$shared" ]; then
	echo "tests/eval/run.sh: $shared is absent: no labeled data and no peers to compare with; nothing to do"
	exit 0
fi
score=$shared/tools/peers/score.py
if [ ! -f "$score" ]; then
	echo "tests/eval/run.sh: $score is absent; nothing to do"
	exit 0
fi
if [ $# -eq 0 ]; then
	set -- "$shared"/data/dev/*.jsonl
	[ -f "$1" ] || { echo "tests/eval/run.sh: no $shared/data/dev/*.jsonl; nothing to do"; exit 0; }
fi
for b in decorumd decorumctl; do
	[ -x "$build/$b" ] || { echo "tests/eval/run.sh: $build/$b not found (build first, or give the build dir)" >&2; exit 2; }
done
build=$(cd "$build" && pwd)

peers=$shared/tools/peers
use_peers=no
if [ -d "$peers/node_modules" ] && command -v node >/dev/null 2>&1; then
	use_peers=yes
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/decorum-eval.XXXXXX")
sock=$tmp/decorumd.sock
pid=
cleanup() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# the shipped configuration and rules; its default policy runs every rule set
# and rejects at 1.0, reviews at 0.5 per category
"$build/decorumd" -c "$root/conf/decorumd.conf" -R "$root/rules" -l "$sock" 2>"$tmp/decorumd.log" &
pid=$!
i=0
until "$build/decorumctl" -s "$sock" check "hello" >/dev/null 2>&1; do
	i=$((i + 1))
	if [ $i -ge 100 ] || ! kill -0 "$pid" 2>/dev/null; then
		echo "tests/eval/run.sh: decorumd did not start:" >&2
		cat "$tmp/decorumd.log" >&2
		exit 1
	fi
	sleep 0.1
done

echo "decorumd rules: $root/rules ($(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
[ "$use_peers" = yes ] && echo "peers: $peers" || echo "peers: not set up ($peers/node_modules or node missing): decorumd only"
status=0
for f in "$@"; do
	name=$(basename "$f" .jsonl)
	out=$tmp/$name
	mkdir -p "$out"
	if ! "$build/decorumctl" -s "$sock" replay --out "$out/decorumd.jsonl" "$f" >"$out/replay.txt" 2>&1; then
		echo "tests/eval/run.sh: replay of $f failed:" >&2
		cat "$out/replay.txt" >&2
		status=1
		continue
	fi
	preds=$out/decorumd.jsonl
	if [ "$use_peers" = yes ]; then
		for p in $(node "$peers/run-peer.mjs" --list); do
			if node "$peers/run-peer.mjs" "$p" "$f" "$out/$p.jsonl" 2>>"$out/peers.log"; then
				preds="$preds $out/$p.jsonl"
			else
				echo "tests/eval/run.sh: peer $p failed on $f; left out of the table" >&2
			fi
		done
	fi
	echo
	# shellcheck disable=SC2086
	python3 "$score" "$f" $preds || status=1
	sed -n '/^three-way/,/^overall/p' "$out/replay.txt"
done
# three-way, per file and overall, in one table
if [ $# -gt 1 ]; then
	echo
	"$build/decorumctl" -s "$sock" replay "$@" >"$tmp/all.txt" 2>&1 || status=1
	sed -n '/^three-way/,/^overall/p' "$tmp/all.txt"
fi
exit $status
