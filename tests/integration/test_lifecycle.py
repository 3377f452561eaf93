#!/usr/bin/env python3
"""decorumd as a process: -t / -h, the listening socket (stale, live),
SIGTERM with requests in flight, SIGHUP reloads good and broken rules."""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.dont_write_bytecode = True     # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemon  # noqa: E402
from daemon import DECORUMD, ROOT, RULES, TIMEOUT, Daemon  # noqa: E402

BROKEN_REGEX = r'''category = "broken";
description = "a rule set with a regex PCRE2 rejects";
rules = (
  { id = "broken.paren"; regex = "\\bfoo(bar"; description = "x"; }
);
'''
BROKEN_LINE = 4          # the line of the rule in BROKEN_REGEX


def run(args, timeout=TIMEOUT):
    return subprocess.run([DECORUMD] + args, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=timeout)


def poll(cond, what, timeout=TIMEOUT, interval=0.01):
    deadline = time.monotonic() + timeout
    while True:
        v = cond()
        if v:
            return v
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(interval)


class CheckModeTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="decorumd-lc-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_check_shipped_config_and_rules(self):
        conf = os.path.join(ROOT, "conf", "decorumd.conf")
        args = ["-t", "-R", RULES]
        if os.path.exists(conf):
            args = ["-t", "-c", conf, "-R", RULES]
        p = run(args)
        self.assertEqual(p.returncode, 0, "decorumd %s\n%s%s" % (" ".join(args),
                                                                 p.stdout, p.stderr))

    def test_check_broken_regex_names_file_line_and_offset(self):
        rules = os.path.join(self.tmp, "rules")
        shutil.copytree(RULES, rules)
        with open(os.path.join(rules, "broken.conf"), "w") as f:
            f.write(BROKEN_REGEX)
        p = run(["-t", "-R", rules])
        out = p.stdout + p.stderr
        self.assertEqual(p.returncode, 1, out)
        want = r"^%s:%d: .*regex error at offset (\d+)" % (
            re.escape(os.path.join(rules, "broken.conf")), BROKEN_LINE)
        m = re.search(want, out, re.M)
        self.assertIsNotNone(m, "no line matching %r in:\n%s" % (want, out))
        # PCRE2 reports a missing ')' at the end of the pattern \bfoo(bar
        self.assertEqual(int(m.group(1)), len(r"\bfoo(bar"), out)
        # the good files are not blamed
        for line in out.splitlines():
            if re.match(r"^/.*:\d+: ", line):
                self.assertIn("broken.conf", line, out)

    def test_check_broken_regex_in_an_existing_file(self):
        rules = daemon.write_test_rules(os.path.join(self.tmp, "rules"))
        path = os.path.join(rules, "testinsult.conf")
        text = open(path).read().replace(r'@insults\\b"', r'[@insults\\b"')
        with open(path, "w") as f:
            f.write(text)
        line = 1 + text[:text.index("[@insults")].count("\n")
        p = run(["-t", "-R", rules])
        out = p.stdout + p.stderr
        self.assertEqual(p.returncode, 1, out)
        self.assertRegex(out, r"(?m)^%s:%d: .*regex error at offset \d+"
                         % (re.escape(path), line))

    def test_check_generated_config(self):
        d = Daemon()
        try:
            p = run(["-t", "-c", d.config_path])
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        finally:
            d.cleanup()

    def test_help(self):
        p = run(["-h"])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("usage", p.stdout.lower())
        self.assertIn("-t", p.stdout)

    def test_bad_option(self):
        p = run(["-Z"])
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("usage", p.stderr.lower())


class SocketTest(unittest.TestCase):
    def test_stale_socket_is_replaced(self):
        d = Daemon()
        try:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.bind(d.socket_path)
            s.close()                     # no unlink: a stale socket file
            self.assertTrue(os.path.exists(d.socket_path))
            d.start()
            self.assertEqual(d.ask({"id": 1, "text": "darn"})["decision"], "reject")
            d.stop()
            self.assertFalse(os.path.exists(d.socket_path),
                             "the socket is removed on a clean exit")
        finally:
            d.cleanup()

    def test_live_socket_is_not_stolen(self):
        with Daemon() as first:
            second = Daemon(socket_path=first.socket_path)
            try:
                second.start(wait=False)
                rc = second.wait()
                self.assertNotEqual(rc, 0, second.stderr)
                self.assertIn(first.socket_path, second.stderr)
                self.assertRegex(second.stderr, r"already|in use|listening")
            finally:
                second.cleanup()
            self.assertTrue(os.path.exists(first.socket_path),
                            "the failed daemon removed the live socket")
            with first.connect() as c:
                ans = c.ask({"id": "still", "text": "you are an idiot"})
            self.assertEqual(ans["decision"], "reject", ans)

    def test_socket_not_a_socket_is_left_alone(self):
        # a regular file where the socket should be: refuse, do not delete it
        d = Daemon()
        try:
            with open(d.socket_path, "w") as f:
                f.write("precious\n")
            d.start(wait=False)
            rc = d.wait()
            self.assertNotEqual(rc, 0, d.stderr)
            self.assertIn(d.socket_path, d.stderr)
            with open(d.socket_path) as f:
                self.assertEqual(f.read(), "precious\n")
        finally:
            d.cleanup()


class SignalTest(unittest.TestCase):
    def test_sigterm_answers_requests_in_flight(self):
        for attempt in range(10):
            problem = self._sigterm_round(200)
            self.assertIsNone(problem, "round %d: %s" % (attempt, problem))

    def _sigterm_round(self, n):
        """One daemon, n pipelined requests, SIGTERM at once. Returns a
        description of what went wrong, or None."""
        d = Daemon()
        try:
            d.start()
            c = d.connect()
            blob = b"".join(json.dumps({"id": i, "text": ["hi", "darn", "gosh"][i % 3]})
                            .encode() + b"\n" for i in range(n))
            c.send_raw(blob)
            d.signal(signal.SIGTERM)
            got, err = [], None
            try:
                while True:
                    line = c.recv_line()
                    if not line:
                        break
                    got.append(json.loads(line))
            except OSError as e:
                err = e
            c.close()
            rc = d.wait()
            if rc != 0:
                return "exit status %d; stderr:\n%s" % (rc, d.stderr)
            if err is not None or [a.get("id") for a in got] != list(range(n)):
                return "got %d of %d answers, then %r" % (len(got), n, err or "EOF")
            for i, a in enumerate(got):
                if a.get("decision") != ["accept", "reject", "review"][i % 3]:
                    return "wrong answer %d: %r" % (i, a)
            if os.path.exists(d.socket_path):
                return "socket file left behind"
            return None
        finally:
            d.cleanup()

    def test_sigterm_idle_connections_exit_0(self):
        d = Daemon()
        try:
            d.start()
            conns = [d.connect() for _ in range(5)]
            for i, c in enumerate(conns):
                c.ask({"id": i, "text": "hi"})
            d.signal(signal.SIGTERM)
            for c in conns:
                self.assertEqual(c.recv_line(), b"", "idle connections are closed")
                c.close()
            self.assertEqual(d.wait(), 0, d.stderr)
        finally:
            d.cleanup()

    def test_sighup_reloads_good_rules(self):
        with Daemon() as d, d.connect() as c:
            before = c.ask({"id": 1, "text": "zounds"})
            self.assertEqual(before["decision"], "accept", before)
            v1 = before["rules_version"]
            with open(os.path.join(d.rules_dir, "testwords.words"), "a") as f:
                f.write("zounds\n")
            mark = d.log_mark()
            d.signal(signal.SIGHUP)
            # poll on the same connection until the new rules answer
            ans = poll(lambda: (lambda a: a if a["rules_version"] != v1 else None)(
                c.ask({"id": 2, "text": "zounds"})), "a new rules_version")
            self.assertEqual(ans["decision"], "reject", ans)
            self.assertEqual(ans["reasons"][0]["match"], "zounds")
            d.wait_log(r"reload", start=mark)
            # the stats and a new connection agree
            self.assertEqual(c.ask({"op": "stats"})["rules_version"], ans["rules_version"])
            self.assertEqual(d.ask({"id": 3, "text": "zounds"})["rules_version"],
                             ans["rules_version"])

    def test_sighup_broken_rules_keep_old_version(self):
        with Daemon() as d, d.connect() as c:
            v1 = c.ask({"op": "stats"})["rules_version"]
            # a good change and a broken file: nothing of it may go live
            with open(os.path.join(d.rules_dir, "testwords.words"), "a") as f:
                f.write("zounds\n")
            broken = os.path.join(d.rules_dir, "broken.conf")
            with open(broken, "w") as f:
                f.write(BROKEN_REGEX)
            mark = d.log_mark()
            d.signal(signal.SIGHUP)
            line = d.wait_log(r"%s:%d:" % (re.escape(broken), BROKEN_LINE), start=mark)
            self.assertIn("regex", line)
            d.wait_log(r"reload failed|keeps serving|failed", start=mark)
            self.assertTrue(d.proc.poll() is None, "the daemon died on a bad reload")
            for conn in (c, d.connect()):
                ans = conn.ask({"id": "z", "text": "zounds darn"})
                self.assertEqual(ans["rules_version"], v1, ans)
                self.assertEqual([r["match"] for r in ans["reasons"]], ["darn"], ans)
                conn.ask({"op": "stats"})
            # fixed: the next SIGHUP goes live
            os.unlink(broken)
            d.signal(signal.SIGHUP)
            ans = poll(lambda: (lambda a: a if a["rules_version"] != v1 else None)(
                c.ask({"id": 4, "text": "zounds"})), "a new rules_version")
            self.assertEqual(ans["decision"], "reject", ans)

    def test_sighup_with_requests_in_flight(self):
        # answers keep coming, in order, while the rules are swapped
        with Daemon() as d, d.connect() as c:
            n = 600
            blob = b"".join(json.dumps({"id": i, "text": "darn"}).encode() + b"\n"
                            for i in range(n))
            t = threading.Thread(target=c.send_raw, args=(blob,))
            t.start()
            for _ in range(3):
                d.signal(signal.SIGHUP)
            got = [c.recv() for _ in range(n)]
            t.join(TIMEOUT)
            self.assertEqual([a["id"] for a in got], list(range(n)))
            self.assertTrue(all(a["decision"] == "reject" for a in got))
            # version strings never go backwards
            vs = [int(a["rules_version"]) for a in got if a["rules_version"].isdigit()]
            self.assertEqual(vs, sorted(vs))


if __name__ == "__main__":
    daemon.run_tests()
