#!/bin/sh
# Build the libFuzzer targets (clang, ASan+UBSan, in build-fuzz/) and run
# each for SECONDS (default 60), JOBS targets at a time (default: the
# number of cores). New inputs go to build-fuzz/corpus/TARGET (the seed
# corpus in tests/fuzz/corpus/TARGET is read, never written); a crash
# leaves its input in build-fuzz/artifacts/ and makes this script exit 1.
#
#   sh tests/fuzz/run.sh [SECONDS] [TARGET...]
#   FUZZ_ARGS="-dict=..." sh tests/fuzz/run.sh 3600 fuzz_pipeline
set -eu
cd "$(dirname "$0")/../.."
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-"fuzz_request fuzz_norm fuzz_rules fuzz_pipeline fuzz_handler fuzz_http fuzz_model"}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
build=${FUZZ_BUILD_DIR:-build-fuzz}

CC=${CC_FUZZ:-clang} cmake -S . -B "$build" -DDECORUM_FUZZ=ON \
	-DCMAKE_C_COMPILER="${CC_FUZZ:-clang}" -DCMAKE_BUILD_TYPE=Debug >/dev/null
# shellcheck disable=SC2086
cmake --build "$build" -j"$jobs" --target $targets >"${TMPDIR:-/tmp}/decorum-fuzz-build.log" 2>&1 || {
	cat "${TMPDIR:-/tmp}/decorum-fuzz-build.log" >&2; exit 1; }

mkdir -p "$build/artifacts" "$build/logs"
export DECORUM_ROOT="$PWD"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/fuzz/lsan.supp}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

run_one() {
	t=$1
	mkdir -p "$build/corpus/$t"
	case $t in
	fuzz_request|fuzz_handler|fuzz_http) max=16384 ;;
	fuzz_model) max=8192 ;;	# a 10-bit model is 4168 bytes
	*) max=4096 ;;
	esac
	# shellcheck disable=SC2086
	if "$build/$t" -max_total_time="$secs" -max_len=$max -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$build/artifacts/$t-" ${FUZZ_ARGS:-} \
		"$build/corpus/$t" "tests/fuzz/corpus/$t" \
		>"$build/logs/$t.log" 2>&1; then
		echo "$t: ok ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' \
			"$build/logs/$t.log" | grep -o '[0-9]*$') runs in ${secs}s)"
	else
		echo "$t: FAILED, see $build/logs/$t.log and $build/artifacts/" >&2
		tail -n 40 "$build/logs/$t.log" >&2
		return 1
	fi
}

status=0
running=0
pids=""
for t in $targets; do
	run_one "$t" &
	pids="$pids $!"
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		for p in $pids; do wait "$p" || status=1; done
		pids=""
		running=0
	fi
done
for p in $pids; do wait "$p" || status=1; done
exit $status
