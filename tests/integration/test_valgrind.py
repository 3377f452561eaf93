#!/usr/bin/env python3
"""decorumd under valgrind memcheck for a short load: start on the shipped
rules, answer a few hundred requests on two connections (verdicts, every
error code a client can provoke, stats, a reload in the middle), then
SIGTERM. valgrind must report zero errors and zero definite or indirect
leaks, and the daemon must exit 0 (--error-exitcode turns any error into a
non-zero status).

PCRE2's JIT code scans the subject with word-sized reads that run past its
end into bytes memcheck calls uninitialised (false positives from code
valgrind cannot see into, with no frames to suppress by), so the daemon
runs here with a preloaded pcre2_jit_compile that declines: PCRE2 falls
back to its interpreter, which memcheck checks like any other code. The
JIT paths are covered by the ASan build instead.

Skipped when valgrind is not installed (tests/run.sh installs it) and for
the AddressSanitizer build, which valgrind cannot run.
"""
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import unittest

sys.dont_write_bytecode = True     # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemon  # noqa: E402
from daemon import Daemon, RULES  # noqa: E402

VALGRIND = shutil.which("valgrind")
CC = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")

NOJIT = r"""
#include <stdint.h>
int pcre2_jit_compile_8(void *code, uint32_t options);
int pcre2_jit_compile_8(void *code, uint32_t options)
{ (void)code; (void)options; return -45; /* PCRE2_ERROR_JIT_BADOPTION */ }
"""


def is_asan(path):
    with open(path, "rb") as f:
        return b"__asan_init" in f.read()


TEXTS = ["Thanks for the article", "You are an idiot", "what the fuck",
         "ｓｈｉｔ happens", "f.u.c.k this", "I will kill you", "THIS IS ALL CAPS TEXT",
         "Dick Van Dyke had a cocktail in Scunthorpe", "fuuuuck", "n" * 3000]


@unittest.skipIf(VALGRIND is None, "valgrind is not installed")
@unittest.skipIf(CC is None, "no C compiler for the no-JIT shim")
@unittest.skipIf(is_asan(daemon.DECORUMD), "valgrind cannot run an ASan build")
class ValgrindTest(unittest.TestCase):
    def test_memcheck_clean_under_load(self):
        tmp = tempfile.mkdtemp(prefix="decorumd-vg-")
        log = os.path.join(tmp, "valgrind.log")
        shim = os.path.join(tmp, "nojit.so")
        with open(shim + ".c", "w") as f:
            f.write(NOJIT)
        subprocess.run([CC, "-shared", "-fPIC", "-o", shim, shim + ".c"], check=True)
        wrapper = os.path.join(tmp, "decorumd-valgrind")
        with open(wrapper, "w") as f:
            f.write("#!/bin/sh\nLD_PRELOAD=%s exec %s --quiet --error-exitcode=99 --leak-check=full "
                    "--show-leak-kinds=definite,indirect "
                    "--errors-for-leak-kinds=definite,indirect "
                    "--log-file=%s %s \"$@\"\n" % (shim, VALGRIND, log, daemon.DECORUMD))
        os.chmod(wrapper, stat.S_IRWXU)
        real, daemon.DECORUMD = daemon.DECORUMD, wrapper
        try:
            d = Daemon(rules_dir=RULES, tmpdir=tmp,
                       config={"limits": {"max_request_bytes": 4096}})
            d.start(wait=False)
            d.wait_ready(timeout=120)
        finally:
            daemon.DECORUMD = real
        try:
            self.load(d)
            d.signal(signal.SIGTERM)
            rc = d.wait(timeout=120)
            with open(log) as f:
                report = f.read()
            self.assertEqual(rc, 0, "exit status %d; valgrind says:\n%s\nstderr:\n%s"
                             % (rc, report, d.stderr[-3000:]))
            self.assertEqual(report.strip(), "", report)
        finally:
            d.cleanup()
            shutil.rmtree(tmp, ignore_errors=True)

    def load(self, d):
        errors = []

        def client(k):
            try:
                with d.connect(timeout=120) as c:
                    lines = []
                    for i in range(150):
                        lines.append(json.dumps({"id": i, "text": TEXTS[i % len(TEXTS)]}).encode())
                    lines += [b'{"id":"bad",', b"", b'{"id":1}', b'{"text":"\xff"}',
                              b'{"text":"x","policy":"nope"}', b'{"op":"stats"}',
                              b'{"op":"policies"}', b'{"text":"' + b"a" * 5000 + b'"}']
                    c.send_raw(b"\n".join(lines) + b"\n")
                    for _ in lines:
                        ans = c.recv()
                        self.assertTrue("decision" in ans or "error" in ans
                                        or "uptime" in ans or "policies" in ans, ans)
            except Exception as e:      # reported below
                errors.append(e)
        threads = [threading.Thread(target=client, args=(k,)) for k in range(2)]
        for t in threads:
            t.start()
        mark = d.log_mark()
        d.signal(signal.SIGHUP)
        d.wait_log("reloaded", timeout=120, start=mark)
        for t in threads:
            t.join(300)
        self.assertEqual(errors, [])
        # a connection left open and one closed mid-request at SIGTERM
        c = d.connect(timeout=120)
        c.send_raw(b'{"id":"half","te')
        c.close()
        self.idle = d.connect(timeout=120)
        self.assertEqual(self.idle.ask({"id": 1, "text": "darn"})["id"], 1)


if __name__ == "__main__":
    daemon.run_tests()
