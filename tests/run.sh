#!/bin/sh
# The whole test suite, as the README gives it and CI runs it: installs the
# Debian build dependencies when they are missing, builds with -Werror,
# runs the unit and integration tests, then builds again with
# AddressSanitizer and UndefinedBehaviorSanitizer and runs everything again,
# and last fuzzes each libFuzzer target for DECORUM_FUZZ_SECONDS (20 s).
set -eu
cd "$(dirname "$0")/.."

PKGS="build-essential cmake pkg-config python3 libevent-dev libpcre2-dev
libconfig-dev libcmocka-dev libutf8proc-dev libjansson-dev libsystemd-dev liblinear-dev
systemd dpkg-dev clang libclang-rt-14-dev valgrind nodejs php-cli"
missing=""
for p in $PKGS; do
	dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "tests/run.sh: missing packages:$missing (install them as root)" >&2
		exit 2
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
fi

jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build -DDECORUM_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$jobs"
# the Debian package is built and checked once, in this pass
DECORUM_PACKAGE_TESTS=1 ctest --test-dir build --output-on-failure -j"$jobs"

cmake -S . -B build-asan -DDECORUM_WERROR=ON -DDECORUM_SANITIZE=ON \
	-DCMAKE_BUILD_TYPE=Debug
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	ctest --test-dir build-asan --output-on-failure -j"$jobs"

# a short fuzz run (clang, build-fuzz/): DECORUM_FUZZ_SECONDS per target,
# two at a time; tests/fuzz/run.sh runs them longer
sh tests/fuzz/run.sh "${DECORUM_FUZZ_SECONDS:-20}"

# reached only when every step above passed (set -e): the closing count
n1=$(ctest --test-dir build -N | sed -n 's/^Total Tests: //p')
n2=$(ctest --test-dir build-asan -N | sed -n 's/^Total Tests: //p')
nf=$(ls tests/fuzz/fuzz_*.c 2>/dev/null | wc -l)
echo "tests/run.sh: $n1 tests, $n2 under ASan+UBSan, $nf fuzz targets"
echo "$((n1 + n2 + nf)) passed, 0 failed"
