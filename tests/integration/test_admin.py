#!/usr/bin/env python3
"""The admin's workflow (issue 5): decorumd -t on a fixture per problem
class, the canary, hot reload under a steady stream of requests, shadow
rules and dry runs over the wire, policy inheritance, statistics, and
decorumctl reload / policies. Python 3 standard library only."""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemon  # noqa: E402
from daemon import DECORUMCTL, DECORUMD, ROOT, RULES, TIMEOUT, Daemon  # noqa: E402

FIXTURES = os.path.join(ROOT, "tests", "fixtures", "lint")
CANARY = "DECORUM-TEST-REJECT-7A3F"
PLAIN = "This is a plain sentence about the weather."

BROKEN = 'category = "profanity";\nrules = (\n  { id = "b.bad"; regex = "(unclosed"; }\n);\n'
BROKEN_LINE = 3

SHADOW_SET = r'''
name = "testshadow";
category = "profanity";
mode = "shadow";
rules = ( { id = "t.trial"; words = ["frobnicate"]; description = "on trial"; } );
'''

POLICIES = {
    "default": {"rulesets": ["testwords", "testinsult", "canary", "testshadow"],
                "reject_at": 1.0, "review_at": 0.5},
    "kids": {"extend": "default", "reject_at": 0.5},
    "opinion": {"extend": "default", "reject_at": {"profanity": 2.0}},
}


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT, **kw)


def ctl(sock, *args):
    return run([DECORUMCTL, "-s", sock] + list(args))


def wait_reload(c, before, timeout=TIMEOUT):
    """Poll stats on connection c until the reload count passes before."""
    deadline = time.monotonic() + timeout
    while True:
        st = c.ask({"op": "stats"})
        if st["reload"]["count"] > before:
            return st
        if time.monotonic() > deadline:
            raise AssertionError("no reload within %.0fs: %r" % (timeout, st))
        time.sleep(0.005)


class LintFixtureTest(unittest.TestCase):
    """tests/fixtures/lint/NAME/ holds rule files with one class of problem
    (and policies.cfg when it needs policies); `expected` is what
    decorumd -t prints, {dir} standing for the fixture directory."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="decorumd-admin-")
        self.empty_conf = os.path.join(self.tmp, "empty.conf")
        with open(self.empty_conf, "w") as f:
            f.write("# defaults\n")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def lint(self, d):
        conf = os.path.join(d, "policies.cfg")
        if not os.path.exists(conf):
            conf = self.empty_conf
        return run([DECORUMD, "-t", "-c", conf, "-R", d])

    def test_every_fixture(self):
        names = sorted(os.listdir(FIXTURES))
        self.assertGreaterEqual(len(names), 12, names)
        for name in names:
            d = os.path.join(FIXTURES, name)
            with self.subTest(fixture=name):
                with open(os.path.join(d, "expected")) as f:
                    want = f.read().replace("{dir}", d).splitlines()
                p = self.lint(d)
                got = [ln for ln in p.stdout.splitlines()
                       if not (ln.startswith(d + ":") and " rule sets, " in ln)]
                self.assertEqual(got, want, p.stdout + p.stderr)
                errors = int(want[-1].split()[0])
                self.assertEqual(p.returncode, 1 if errors else 0, p.stdout)
                # every problem names its file and line
                for ln in want[:-1]:
                    self.assertRegex(ln, r"^%s/[^:]+:\d+: " % d)

    def test_shipped_rules_are_clean_and_reject_the_canary(self):
        conf = os.path.join(ROOT, "conf", "decorumd.conf")
        p = run([DECORUMD, "-t", "-c", conf, "-R", RULES])
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn("0 errors, 0 warnings", p.stdout)

    def test_canary_needed_in_every_policy(self):
        rules = daemon.write_test_rules(os.path.join(self.tmp, "rules"))
        conf = os.path.join(self.tmp, "d.conf")
        pol = dict(daemon.TEST_POLICIES)
        pol["nocanary"] = {"rulesets": ["testwords"]}
        daemon.write_config(conf, {"rules_dir": rules, "policies": pol})
        p = run([DECORUMD, "-t", "-c", conf])
        self.assertEqual(p.returncode, 1, p.stdout)
        self.assertRegex(p.stdout, r"(?m)^%s:\d+: policy 'nocanary' does not reject "
                         r"the canary \"%s\"" % (conf, CANARY))
        self.assertNotIn("policy 'default' does not", p.stdout)

    def test_canary_over_the_wire_in_every_shipped_policy(self):
        conf = os.path.join(ROOT, "conf", "decorumd.conf")
        with Daemon(rules_dir=RULES, config_file=conf) as d, d.connect() as c:
            names = [p["name"] for p in c.ask({"op": "policies"})["policies"]]
            self.assertGreaterEqual(len(names), 3)
            for name in names:
                a = c.ask({"text": CANARY, "policy": name, "dry_run": True})
                self.assertEqual(a["decision"], "reject", a)
                self.assertEqual(a["reasons"][0]["rule"], "canary.reject", a)
                a = c.ask({"text": PLAIN, "policy": name, "dry_run": True})
                self.assertEqual(a["decision"], "accept", a)
            st = c.ask({"op": "stats"})
            self.assertEqual(st["dry_runs"], 2 * len(names))
            self.assertEqual(sum(st["decisions"].values()), 0, st)
            self.assertEqual(st["rules"], {}, st)


class Stream(threading.Thread):
    """One connection sending a steady stream of requests, in batches,
    until told to stop; checks each answer as it comes."""
    TEXTS = [("darn it", "reject"), ("hello there", "accept"),
             ("you are an idiot", "reject"), ("gosh", "review")]

    def __init__(self, d, index):
        super().__init__(daemon=True)
        self.c = d.connect()
        self.index = index
        self.stop = threading.Event()
        self.sent = 0
        self.answers = []
        self.failure = None

    def run(self):
        try:
            while not self.stop.is_set():
                batch = []
                for _ in range(8):
                    text, want = self.TEXTS[self.sent % len(self.TEXTS)]
                    rid = "%d-%d" % (self.index, self.sent)
                    batch.append((rid, want))
                    self.c.send({"id": rid, "text": text})
                    self.sent += 1
                for rid, want in batch:
                    a = self.c.recv()
                    self.answers.append(a)
                    if a.get("id") != rid or "error" in a or a.get("decision") != want:
                        raise AssertionError("request %s (want %s) got %r" % (rid, want, a))
            # nothing more may come: exactly one answer a request
            self.c.shutdown_write()
            extra = self.c.recv_line()
            if extra:
                raise AssertionError("an answer too many: %r" % extra)
        except Exception as e:  # reported by the test thread
            self.failure = e
        finally:
            self.c.close()


class ReloadTest(unittest.TestCase):
    def test_fifty_reloads_under_load(self):
        with Daemon(config={"workers": 2}) as d, d.connect() as ctl_c:
            broken = os.path.join(d.rules_dir, "broken.conf")
            words = os.path.join(d.rules_dir, "testwords.words")
            streams = [Stream(d, i) for i in range(4)]
            for s in streams:
                s.start()
            versions = {ctl_c.ask({"op": "stats"})["rules_version"]}
            current = next(iter(versions))
            try:
                for i in range(50):
                    before = ctl_c.ask({"op": "stats"})["reload"]["count"]
                    if i % 2 == 0:
                        if os.path.exists(broken):
                            os.unlink(broken)
                        with open(words, "a") as f:
                            f.write("extraword%d\n" % i)
                    else:
                        with open(broken, "w") as f:
                            f.write(BROKEN)
                    d.signal(signal.SIGHUP)
                    st = wait_reload(ctl_c, before)
                    if i % 2 == 0:
                        self.assertTrue(st["reload"]["ok"], st)
                        self.assertNotEqual(st["rules_version"], current)
                        current = st["rules_version"]
                        versions.add(current)
                    else:
                        self.assertFalse(st["reload"]["ok"], st)
                        self.assertEqual(st["rules_version"], current, st)
                        self.assertEqual(st["reload"]["errors"],
                                         ["%s:%d: rule 'b.bad': regex error at offset 9: "
                                          "missing closing parenthesis" % (broken, BROKEN_LINE)])
                        # the previous version keeps answering
                        a = ctl_c.ask({"text": "darn"})
                        self.assertEqual((a["decision"], a["rules_version"]),
                                         ("reject", current), a)
                    # some requests flow between reloads
                    n = sum(s.sent for s in streams)
                    deadline = time.monotonic() + TIMEOUT
                    while sum(s.sent for s in streams) < n + 16 and time.monotonic() < deadline:
                        if any(s.failure for s in streams):
                            break
                        time.sleep(0.001)
            finally:
                for s in streams:
                    s.stop.set()
                for s in streams:
                    s.join(TIMEOUT)
            self.assertEqual(len(versions), 26)
            total = 0
            for s in streams:
                self.assertIsNone(s.failure, repr(s.failure))
                self.assertFalse(s.is_alive())
                self.assertEqual(len(s.answers), s.sent)
                total += s.sent
                for a in s.answers:
                    self.assertIn(a["rules_version"], versions, a)
            self.assertGreater(total, 50 * 16)
            st = ctl_c.ask({"op": "stats"})
            self.assertEqual(st["reload"]["count"], 50)
            self.assertEqual(st["reload"]["failed"], 25)
            self.assertEqual(sum(st["errors"].values()), 0, st)
            # per-rule counts are kept by id across the reloads
            darns = sum((s.sent + 3) // 4 for s in streams) + 25
            self.assertEqual(st["rules"]["t.swear"]["hits"], darns)


class ShadowDryRunPolicyTest(unittest.TestCase):
    def daemon(self):
        d = Daemon(policies=POLICIES)
        daemon.write_test_rules(d.rules_dir, {"testshadow.conf": SHADOW_SET})
        return d

    def test_shadow_and_dry_run_over_the_wire(self):
        with self.daemon() as d, d.connect() as c:
            a = c.ask({"id": 1, "text": "I frobnicate daily"})
            self.assertEqual(a["decision"], "accept", a)
            self.assertEqual(a["reasons"], [])
            self.assertEqual(a["shadow"], [{"rule": "t.trial", "category": "profanity",
                                            "start": 2, "end": 12, "match": "frobnicate"}])
            a = c.ask({"id": 2, "text": "darn, frobnicate", "dry_run": True})
            self.assertEqual(a["decision"], "reject", a)
            self.assertIs(a["dry_run"], True)
            self.assertEqual([s["rule"] for s in a["shadow"]], ["t.trial"])
            a = c.ask({"id": 3, "text": "darn"})
            self.assertNotIn("dry_run", a)
            self.assertNotIn("shadow", a)
            st = c.ask({"op": "stats"})
            self.assertEqual(st["dry_runs"], 1)
            self.assertEqual(st["decisions"], {"accept": 1, "review": 0, "reject": 1})
            self.assertEqual(st["rules"], {
                "t.trial": {"hits": 0, "shadow": 1, "category": "profanity"},
                "t.swear": {"hits": 1, "shadow": 0, "category": "profanity"}})
            self.assertEqual(st["categories"], {"profanity": {"review": 0, "reject": 1}})

    def test_policy_inheritance_over_the_wire(self):
        with self.daemon() as d, d.connect() as c:
            want = {  # text: (default, kids, opinion)
                "gosh": ("review", "reject", "review"),
                "darn": ("reject", "reject", "review"),
                "you are a moron": ("reject", "reject", "reject"),
                "hello": ("accept", "accept", "accept"),
            }
            for text, decisions in want.items():
                for policy, decision in zip(("default", "kids", "opinion"), decisions):
                    a = c.ask({"text": text, "policy": policy})
                    self.assertEqual((a["decision"], a["policy"]), (decision, policy),
                                     (text, a))
            a = c.ask({"id": 9, "text": "darn", "policy": "nosuch"})
            self.assertEqual(a["error"]["code"], "unknown_policy", a)
            pols = {p["name"]: p for p in c.ask({"op": "policies"})["policies"]}
            self.assertEqual(pols["kids"]["extend"], "default")
            self.assertEqual(sorted(pols["kids"]["rulesets"]),
                             ["canary", "testinsult", "testshadow", "testwords"])
            self.assertEqual(pols["opinion"]["reject_at"]["profanity"], 2.0)
            self.assertEqual(pols["opinion"]["reject_at"]["discourtesy"], 1.0)
            self.assertEqual(pols["kids"]["review_at"]["profanity"], 0.5)
            self.assertTrue(pols["default"]["default"])


class StatsTest(unittest.TestCase):
    def test_rule_counts_are_kept_by_id_across_reloads(self):
        with Daemon() as d, d.connect() as c:
            conf = os.path.join(d.rules_dir, "testwords.conf")
            original = open(conf).read()
            self.assertEqual(c.ask({"text": "gosh"})["decision"], "review")
            before = c.ask({"op": "stats"})["reload"]["count"]
            # t.mild goes away, a new rule comes first
            with open(conf, "w") as f:
                f.write(original.replace(
                    '  { id = "t.mild";  words = ["gosh"]; weight = 0.5; description = "mild"; }',
                    '  { id = "t.new"; words = ["zounds"]; }').replace(
                    "rules = (\n", 'rules = (\n  { id = "t.first"; words = ["egad"]; },\n'))
            d.signal(signal.SIGHUP)
            st = wait_reload(c, before)
            self.assertTrue(st["reload"]["ok"], st)
            for text in ("darn", "zounds", "egad", "gosh"):
                c.ask({"text": text})
            st = c.ask({"op": "stats"})
            one = {"hits": 1, "shadow": 0, "category": "profanity"}
            self.assertEqual(st["rules"], {"t.mild": one, "t.swear": one,
                                           "t.new": one, "t.first": one})
            with open(conf, "w") as f:
                f.write(original)
            d.signal(signal.SIGHUP)
            wait_reload(c, before + 1)
            c.ask({"text": "gosh"})
            st = c.ask({"op": "stats"})
            self.assertEqual(st["rules"]["t.mild"],
                             {"hits": 2, "shadow": 0, "category": "profanity"})
            self.assertEqual(st["categories"], {"profanity": {"review": 2, "reject": 3}})
            self.assertEqual(st["decisions"], {"accept": 1, "review": 2, "reject": 3})


class CtlTest(unittest.TestCase):
    def test_reload_success_and_failure(self):
        with Daemon() as d:
            p = ctl(d.socket_path, "reload", "--status")
            self.assertEqual((p.returncode, p.stdout), (0, "no reload since start; rules version 1\n"),
                             p.stderr)
            p = ctl(d.socket_path, "reload")
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            self.assertEqual(p.stdout, "reloaded: rules version 2 (was 1)\n")
            broken = os.path.join(d.rules_dir, "broken.conf")
            with open(broken, "w") as f:
                f.write(BROKEN)
            p = ctl(d.socket_path, "reload")
            self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
            self.assertEqual(p.stdout.splitlines(), [
                "%s:%d: rule 'b.bad': regex error at offset 9: missing closing parenthesis"
                % (broken, BROKEN_LINE),
                "reload failed with 1 error; rules version 2 keeps serving"])
            p = ctl(d.socket_path, "reload", "--status")
            self.assertEqual(p.returncode, 1, p.stdout)
            # the daemon still answers on version 2
            self.assertEqual(d.ask({"text": "darn"})["rules_version"], "2")
            os.unlink(broken)
            p = ctl(d.socket_path, "reload")
            self.assertEqual((p.returncode, p.stdout), (0, "reloaded: rules version 3 (was 2)\n"),
                             p.stderr)

    def test_reload_without_a_daemon(self):
        tmp = tempfile.mkdtemp(prefix="decorumd-admin-")
        try:
            p = ctl(os.path.join(tmp, "none.sock"), "reload")
            self.assertEqual(p.returncode, 2)
            self.assertTrue(p.stderr)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_policies(self):
        d = Daemon(policies=POLICIES)
        daemon.write_test_rules(d.rules_dir, {"testshadow.conf": SHADOW_SET})
        with d:
            p = ctl(d.socket_path, "policies")
            self.assertEqual(p.returncode, 0, p.stderr)
            out = p.stdout
            self.assertIn("rules version 1\n", out)
            self.assertIn("\ndefault (default)\n  rulesets   ", out)
            self.assertIn("\nkids, extends default\n", out)
            self.assertIn("\nopinion, extends default\n", out)
            self.assertIn("reject_at  profanity=2 discourtesy=1\n", out)
            p = ctl(d.socket_path, "policies", "--json")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn('"extend": "default"', p.stdout)


if __name__ == "__main__":
    daemon.run_tests()
