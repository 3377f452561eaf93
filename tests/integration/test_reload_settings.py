#!/usr/bin/env python3
"""What a reload does with the configuration (issue 12, findings 3 and 4):
changed limits and log_level take effect and the reload says so; a changed
start-only setting (listen, socket_mode, socket_group, workers,
http_listen) is a warning in the reload's result and changes nothing until
a restart; a decision log that is a FIFO never blocks the daemon, at start
or on reload. Python 3 standard library only."""
import os
import signal
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon import TIMEOUT, Daemon, run_tests, write_config  # noqa: E402

TEXT25 = "a plain text of 25 bytes."
assert len(TEXT25.encode()) == 25


def reload(d, c, settings=None):
    """Rewrite d's configuration (merged over settings), SIGHUP, and return
    the stats once the reload count has moved."""
    if settings is not None:
        d.settings.update(settings)
        write_config(d.config_path, d.settings)
    before = c.ask({"op": "stats"})["reload"]["count"]
    d.signal(signal.SIGHUP)
    deadline = time.monotonic() + TIMEOUT
    while True:
        st = c.ask({"op": "stats"})
        if st["reload"]["count"] > before:
            return st
        if time.monotonic() > deadline:
            raise AssertionError("no reload within %.0fs: %r\n%s"
                                 % (TIMEOUT, st["reload"], d.stderr))
        time.sleep(0.005)


class LimitsTest(unittest.TestCase):
    def test_max_text_bytes_applies_on_reload(self):
        with Daemon() as d, d.connect() as c:
            a = c.ask({"id": 1, "text": TEXT25})
            self.assertEqual(a["decision"], "accept", a)
            st = reload(d, c, {"limits": {"max_text_bytes": 10}})
            self.assertTrue(st["reload"]["ok"], st)
            self.assertEqual(st["reload"]["warnings"], [])
            # on the connection that was open, and on a new one
            a = c.ask({"id": 2, "text": TEXT25})
            self.assertEqual(a["error"]["code"], "too_large", a)
            self.assertIn("the limit is 10", a["error"]["message"])
            a = d.ask({"id": 3, "text": TEXT25})
            self.assertEqual(a["error"]["code"], "too_large", a)
            st = reload(d, c, {"limits": {"max_text_bytes": 65536}})
            self.assertEqual(c.ask({"id": 4, "text": TEXT25})["decision"], "accept")

    def test_max_connections_and_request_bytes_apply_on_reload(self):
        with Daemon() as d, d.connect() as c:
            reload(d, c, {"limits": {"max_connections": 1,
                                     "max_request_bytes": 100}})
            # c is the one connection allowed: a second is refused
            with d.connect() as c2:
                a = c2.recv()
                self.assertEqual(a["error"]["code"], "overloaded", a)
            reload(d, c, {"limits": {"max_connections": 10,
                                     "max_request_bytes": 100}})
            with d.connect() as c3:
                a = c3.ask({"id": 1, "text": "x" * 200})
                self.assertEqual(a["error"]["code"], "too_large", a)
                self.assertIn("max_request_bytes (100)", a["error"]["message"])

    def test_log_level_applies_on_reload(self):
        with Daemon() as d, d.connect() as c:
            reload(d, c, {"log_level": "debug"})
            mark = d.log_mark()
            c.ask({"text": "darn it"})
            d.wait_log(r"\[debug\]: decision reject", start=mark)
            reload(d, c, {"log_level": "warn"})
            mark = d.log_mark()
            c.ask({"text": "darn it"})
            reload(d, c)
            c.ask({"op": "stats"})
            new = d.stderr.split("\n")[mark:]
            self.assertEqual([ln for ln in new if "[info]" in ln or "[debug]" in ln],
                             [], "\n".join(new))

    def test_debug_from_the_command_line_stays(self):
        d = Daemon(args=["-v"], config={"log_level": "error"})
        with d, d.connect() as c:
            reload(d, c, {"log_level": "warn"})
            mark = d.log_mark()
            c.ask({"text": "darn it"})
            d.wait_log(r"\[debug\]: decision reject", start=mark)


class StartOnlyTest(unittest.TestCase):
    def test_start_only_settings_warn_and_wait_for_a_restart(self):
        with Daemon(config={"socket_mode": "0660"}) as d, d.connect() as c:
            other = os.path.join(d.tmp, "other.sock")
            st = reload(d, c, {"listen": other, "workers": 3,
                               "socket_mode": "0600",
                               "http_listen": "127.0.0.1:1",
                               "limits": {"max_pipeline": 8}})
            rl = st["reload"]
            self.assertTrue(rl["ok"], rl)
            self.assertEqual(st["rules_version"], "2")
            want = ['%s: warning: listen changed from "%s" to "%s"' % (d.config_path,
                                                              d.socket_path, other),
                    '%s: warning: socket_mode changed from "0660" to "0600"' % d.config_path,
                    '%s: warning: workers changed from 2 to 3' % d.config_path,
                    '%s: warning: http_listen changed from "" to "127.0.0.1:1"' % d.config_path]
            self.assertEqual(len(rl["warnings"]), len(want), rl["warnings"])
            for w, line in zip(want, rl["warnings"]):
                self.assertEqual(line, w + ": it takes effect at the next start, "
                                 "not on reload")
                self.assertIn(line, d.stderr)
            # nothing of it happened: same socket, same mode, no HTTP
            self.assertFalse(os.path.exists(other))
            self.assertEqual(os.stat(d.socket_path).st_mode & 0o777, 0o660)
            self.assertEqual(d.ask({"text": "darn"})["rules_version"], "2")
            # decorumctl prints the warnings with the outcome
            p = subprocess.run([os.environ.get("DECORUMCTL") or "decorumctl",
                                "-s", d.socket_path, "reload", "--status"],
                               capture_output=True, text=True, timeout=TIMEOUT)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("listen changed from", p.stdout)
            # a later reload still says so: the settings in force are
            # those of the start, not of the last reload
            st = reload(d, c)
            self.assertEqual(len(st["reload"]["warnings"]), 4, st["reload"])

    def test_listen_from_the_command_line_is_not_reported(self):
        d = Daemon()
        d.args += ["-l", d.socket_path]
        with d, d.connect() as c:
            st = reload(d, c, {"listen": os.path.join(d.tmp, "ignored.sock")})
            self.assertEqual(st["reload"]["warnings"], [])


class DecisionLogFifoTest(unittest.TestCase):
    def test_fifo_at_start_is_refused_at_once(self):
        d = Daemon()
        fifo = os.path.join(d.tmp, "decisions.fifo")
        os.mkfifo(fifo)
        d.settings["decision_log"] = fifo
        write_config(d.config_path, d.settings)
        try:
            d.start(wait=False)
            rc = d.wait(timeout=10)
            self.assertEqual(rc, 1, d.stderr)
            self.assertIn("decision_log: %s is not a regular file" % fifo, d.stderr)
        finally:
            d.cleanup()

    def test_fifo_on_reload_keeps_the_old_log_and_sigterm_works(self):
        with Daemon() as d, d.connect() as c:
            log = os.path.join(d.tmp, "decisions.log")
            reload(d, c, {"decision_log": log})
            c.ask({"id": "a", "text": "darn"})
            fifo = os.path.join(d.tmp, "decisions.fifo")
            os.mkfifo(fifo)
            st = reload(d, c, {"decision_log": fifo})
            rl = st["reload"]
            self.assertTrue(rl["ok"], rl)
            self.assertEqual(rl["warnings"], [
                "warning: decision_log: %s is not a regular file; give a file path or "
                "\"stderr\"; the decision log stays as it was" % fifo])
            c.ask({"id": "b", "text": "darn"})
            with open(log) as f:
                self.assertEqual(len(f.readlines()), 2)
            t0 = time.monotonic()
            d.signal(signal.SIGTERM)
            self.assertEqual(d.wait(timeout=10), 0)
            self.assertLess(time.monotonic() - t0, 5)


if __name__ == "__main__":
    run_tests()
