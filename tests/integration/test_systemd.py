#!/usr/bin/env python3
"""systemd integration: sd_notify (READY/RELOADING/STOPPING/STATUS), the
watchdog that only pings while every worker answers, socket activation
under systemd-socket-activate, and the unit's hardening score."""
import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon import (DECORUMD, ROOT, RULES, TIMEOUT, Client, Daemon,  # noqa: E402
                    run_tests, write_config, write_test_rules, TEST_POLICIES)

UNIT = os.path.join(ROOT, "systemd", "decorumd.service")


class Notify:
    """A NOTIFY_SOCKET that records every message with its arrival time."""

    def __init__(self, directory):
        self.path = os.path.join(directory, "notify.sock")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.sock.settimeout(0.2)
        self.msgs = []          # (monotonic time, {key: value})
        self.cond = threading.Condition()
        self.done = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.done:
            try:
                data = self.sock.recv(4096)
            except socket.timeout:
                continue
            except OSError:
                return
            fields = dict(line.split("=", 1) for line in
                          data.decode().split("\n") if "=" in line)
            with self.cond:
                self.msgs.append((time.monotonic(), fields))
                self.cond.notify_all()

    def wait_for(self, key, value=None, start=0, timeout=TIMEOUT):
        """Index of the first message (from `start`) carrying key[=value]."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for i in range(start, len(self.msgs)):
                    f = self.msgs[i][1]
                    if key in f and (value is None or re.search(value, f[key])):
                        return i
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("no %s=%s notification; got %r"
                                         % (key, value, [m[1] for m in self.msgs]))
                self.cond.wait(left)

    def times(self, key):
        with self.cond:
            return [t for t, f in self.msgs if key in f]

    def close(self):
        self.done = True
        self.thread.join(2)
        self.sock.close()


class NotifyEnv:
    """Environment variables for the daemon started inside the block."""

    def __init__(self, **env):
        self.env = env
        self.saved = {}

    def __enter__(self):
        for k, v in self.env.items():
            self.saved[k] = os.environ.get(k)
            os.environ[k] = v

    def __exit__(self, *exc):
        for k, v in self.saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


SLOW_RULES = {
    # A regex that start and reload let live (no probe makes it run away)
    # but that tries every word of a long comment at every word: with the
    # regex budget raised, one such comment keeps a worker busy for
    # seconds without any test hook in the daemon.
    "slow.conf": r'''
name = "slow";
category = "profanity";
rules = ( { id = "slow.quadratic"; regex = "\\w+\\s+(?:\\w+\\s+)*zzz"; } );
''',
}
SLOW_TEXT = "word " * 13000 + ",zzz"


class SdNotifyTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="decorumd-sd-")
        self.notify = Notify(self.tmp)

    def tearDown(self):
        self.notify.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_ready_status_reload_stopping(self):
        with NotifyEnv(NOTIFY_SOCKET=self.notify.path):
            d = Daemon(tmpdir=self.tmp).start()
        try:
            i = self.notify.wait_for("READY", "1")
            self.assertRegex(self.notify.msgs[i][1].get("STATUS", ""),
                             r"^rules version 1; 0 decisions$")
            d.ask({"text": "darn"})
            d.ask({"text": "hello"})
            # STATUS= is refreshed periodically with the decision count
            self.notify.wait_for("STATUS", r"rules version 1; 2 decisions",
                                 start=i + 1, timeout=15)
            mark = len(self.notify.msgs)
            d.signal(signal.SIGHUP)
            r = self.notify.wait_for("RELOADING", "1", start=mark)
            j = self.notify.wait_for("READY", "1", start=r)
            self.assertRegex(self.notify.msgs[j][1]["STATUS"],
                             r"^rules version 2; 2 decisions$")
            mark = len(self.notify.msgs)
            d.stop()
            self.notify.wait_for("STOPPING", "1", start=mark)
        finally:
            d.cleanup()

    def test_watchdog_pings_only_while_every_worker_answers(self):
        rules = write_test_rules(os.path.join(self.tmp, "rules"), SLOW_RULES)
        policies = {"default": {"rulesets": ["testwords", "slow", "canary"],
                                "reject_at": 1.0, "review_at": 0.5}}
        http = os.path.join(self.tmp, "http.sock")
        with NotifyEnv(NOTIFY_SOCKET=self.notify.path, WATCHDOG_USEC="600000"):
            d = Daemon(tmpdir=self.tmp, rules_dir=rules, policies=policies,
                       config={"http_listen": http, "limits": {
                           "regex_budget_ms": 60000,
                           "write_timeout": 600, "idle_timeout": 600}}).start()
        try:
            d.wait_log(r"watchdog: pinging the workers every 0\.300s")
            self.notify.wait_for("READY", "1")
            time.sleep(1.5)
            before = self.notify.times("WATCHDOG")
            self.assertGreaterEqual(len(before), 3, "no regular WATCHDOG=1")
            mark = d.log_mark()
            c = d.connect(timeout=300)
            t0 = time.monotonic()
            c.send({"id": "slow", "text": SLOW_TEXT})
            # while one worker is busy the main loop runs and the other
            # worker answers HTTP, but WATCHDOG=1 is withheld
            d.wait_log(r"worker \d+ did not answer its liveness ping; "
                       r"withholding WATCHDOG=1", start=mark, timeout=60)
            # /healthz says so before the answer comes (on a loaded
            # machine a starved idle worker can miss a ping too, and be
            # healthy again a tick later: ask until the answer is there)
            codes = []
            while not select.select([c.sock], [], [], 0)[0]:
                codes.append(http_get(http, "/healthz")[0])
                if codes[-1] == 503:
                    break
                time.sleep(0.05)
            answer = c.recv()
            t1 = time.monotonic()
            c.close()
            self.assertEqual(answer["id"], "slow")
            self.assertIn(503, codes, "/healthz never said unhealthy")
            pings = [t for t in self.notify.times("WATCHDOG") if t0 < t < t1]
            gaps = [b - a for a, b in zip([t0] + pings, pings + [t1])]
            self.assertGreater(max(gaps), 0.9,
                               "WATCHDOG=1 kept coming while a worker was wedged")
            d.wait_log(r"every worker answers its liveness ping again",
                       start=mark)
            n = len(self.notify.times("WATCHDOG"))
            time.sleep(1.0)
            self.assertGreater(len(self.notify.times("WATCHDOG")), n,
                               "WATCHDOG=1 did not resume")
            self.assertEqual(http_get(http, "/healthz")[0], 200)
        except BaseException:
            print("decorumd stderr:\n" + d.stderr)
            raise
        finally:
            d.stop(check=False)
            d.cleanup()

    def test_watchdog_keeps_pinging_through_a_reload_storm(self):
        # reloads compile off the main loop: a burst of SIGHUPs (the
        # shipped rules, about 0.15 s a compile) must not starve the tick
        # that sends WATCHDOG=1, or systemd kills a healthy daemon
        with NotifyEnv(NOTIFY_SOCKET=self.notify.path, WATCHDOG_USEC="1000000"):
            d = Daemon(tmpdir=self.tmp, rules_dir=RULES).start()
        try:
            self.notify.wait_for("READY", "1")
            time.sleep(1.2)
            c = d.connect()
            t0 = time.monotonic()
            for _ in range(100):
                d.signal(signal.SIGHUP)
                time.sleep(0.0002)
            # until the reloads are done (none under way or queued, the
            # count still for half a second), and a second more
            deadline = time.monotonic() + 120
            last, since = None, time.monotonic()
            while True:
                rl = c.ask({"op": "stats"})["reload"]
                if rl["count"] != last or rl.get("running") or rl.get("pending"):
                    last, since = rl["count"], time.monotonic()
                elif time.monotonic() - since > 0.5:
                    break
                self.assertLess(time.monotonic(), deadline, rl)
                time.sleep(0.02)
            time.sleep(1.0)
            t1 = time.monotonic()
            c.close()
            pings = [t for t in self.notify.times("WATCHDOG") if t0 < t < t1]
            gaps = [b - a for a, b in zip([t0] + pings, pings + [t1])]
            self.assertLess(max(gaps), 1.0, "WATCHDOG=1 stopped for %.1fs during "
                            "%d reload(s)" % (max(gaps), rl["count"]))
            # the last word of the storm is READY=1, with the last version
            kinds = [k for _, f in self.notify.msgs for k in ("RELOADING", "READY")
                     if k in f]
            self.assertEqual(kinds[-1], "READY")
            self.assertEqual(d.ask({"text": "hello"})["rules_version"],
                             str(1 + rl["count"]))
        finally:
            d.stop(check=False)
            d.cleanup()


def http_get(path, target):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(TIMEOUT)
    s.connect(path)
    s.sendall(("GET %s HTTP/1.0\r\nHost: x\r\n\r\n" % target).encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


@unittest.skipUnless(shutil.which("systemd-socket-activate"),
                     "systemd-socket-activate not found (Debian package systemd)")
class SocketActivationTest(unittest.TestCase):
    def test_answers_on_the_passed_socket(self):
        tmp = tempfile.mkdtemp(prefix="decorumd-sa-")
        try:
            sock = os.path.join(tmp, "activated.sock")
            rules = write_test_rules(os.path.join(tmp, "rules"))
            conf = os.path.join(tmp, "decorumd.conf")
            # the configured socket is never created: systemd's is used
            write_config(conf, {"listen": os.path.join(tmp, "unused.sock"),
                                "rules_dir": rules, "workers": 2,
                                "policies": TEST_POLICIES})
            proc = subprocess.Popen(
                ["systemd-socket-activate", "-l", sock, DECORUMD, "-c", conf],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE)
            try:
                deadline = time.monotonic() + TIMEOUT
                # the file appears at bind(); connect works after listen()
                while True:
                    self.assertIsNone(proc.poll(), "systemd-socket-activate exited")
                    self.assertLess(time.monotonic(), deadline)
                    try:
                        Client(sock).close()
                        break
                    except (FileNotFoundError, ConnectionRefusedError):
                        time.sleep(0.01)
                with Client(sock) as c:
                    a = c.ask({"id": 7, "text": "darn it"})
                    self.assertEqual(a["id"], 7)
                    self.assertEqual(a["decision"], "reject")
                    self.assertEqual(c.ask({"id": 8, "text": "hi"})["decision"],
                                     "accept")
                # a second connection is answered by the same process
                with Client(sock) as c:
                    self.assertEqual(c.ask({"text": "hi"})["decision"], "accept")
                self.assertFalse(os.path.exists(os.path.join(tmp, "unused.sock")))
                proc.send_signal(signal.SIGTERM)
                rc = proc.wait(TIMEOUT)
                err = proc.stderr.read().decode()
                self.assertIn("listening on the socket passed by systemd", err)
                self.assertEqual(rc, 0, err)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
                proc.stderr.close()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def analyze_supports_offline():
    if not shutil.which("systemd-analyze"):
        return False
    out = subprocess.run(["systemd-analyze", "security", "--help"],
                         capture_output=True, text=True)
    return "--offline" in out.stdout + out.stderr


class HardeningTest(unittest.TestCase):
    @unittest.skipUnless(analyze_supports_offline(),
                         "systemd-analyze lacks 'security --offline' (needs systemd >= 250)")
    def test_exposure_at_most_2(self):
        out = subprocess.run(["systemd-analyze", "security", "--offline=true",
                              UNIT], capture_output=True, text=True)
        m = re.search(r"Overall exposure level for decorumd\.service: ([0-9.]+)",
                      out.stdout + out.stderr)
        self.assertIsNotNone(m, out.stdout + out.stderr)
        self.assertLessEqual(float(m.group(1)), 2.0, out.stdout)

    def test_unit_settings(self):
        with open(UNIT, encoding="utf-8") as f:
            text = f.read()
        settings = {}
        for line in text.splitlines():
            if "=" in line and not line.startswith("#"):
                k, v = line.split("=", 1)
                settings.setdefault(k.strip(), []).append(v.strip())
        self.assertEqual(settings["Type"], ["notify"])
        self.assertEqual(settings["Restart"], ["on-failure"])
        self.assertIn("-HUP", settings["ExecReload"][0])
        self.assertTrue(settings["WatchdogSec"])
        self.assertEqual(settings["RestrictAddressFamilies"], ["AF_UNIX"])
        self.assertEqual(settings["CapabilityBoundingSet"], [""])
        self.assertNotIn("MemoryDenyWriteExecute", settings,
                         "PCRE2's JIT needs W+X memory")
        self.assertIn("AF_INET", text, "the HTTP-over-TCP drop-in is documented")


if __name__ == "__main__":
    run_tests()
