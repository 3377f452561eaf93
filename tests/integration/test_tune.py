#!/usr/bin/env python3
"""decorumctl tune against the real daemon on the shipped config and rules,
with the small labelled corpus of tests/fixtures/tune/: the output has its
parts, the figures after are no worse than before within the caps, the
proposed policy block loads (decorumd -t) in place of the policy in a copy
of the config, a daemon that runs other rules than the files given is
reported, and no file changes."""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True     # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon import DECORUMCTL, DECORUMD, ROOT, RULES, Daemon, run_tests  # noqa: E402

SHIPPED_CONF = os.path.join(ROOT, "conf", "decorumd.conf")
CORPUS = os.path.join(ROOT, "tests", "fixtures", "tune", "labelled.jsonl")


def run(args):
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


def tree_digest(*paths):
    """{path: sha256} of every file under paths."""
    out = {}
    for top in paths:
        if os.path.isfile(top):
            files = [top]
        else:
            files = [os.path.join(d, f) for d, _, fs in os.walk(top) for f in fs]
        for path in files:
            with open(path, "rb") as f:
                out[path] = hashlib.sha256(f.read()).hexdigest()
    return out


def figures(out):
    """{name: (before, after)} of the figures table."""
    rows = {}
    for name in ("false reject rate", "review load", "caught (reject or review)",
                 "rejected unacceptable"):
        m = re.search(r"(?m)^%s\s+([0-9.]+)\s+([0-9.]+)" % re.escape(name), out)
        if m is None:
            raise AssertionError("no row %r in:\n%s" % (name, out))
        rows[name] = (float(m.group(1)), float(m.group(2)))
    return rows


def set_weight(rules_dir, rule, weight):
    """Gives the rule `rule` of some file of rules_dir that weight."""
    for name in os.listdir(rules_dir):
        path = os.path.join(rules_dir, name)
        if not name.endswith(".conf"):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        at = text.find('id = "%s";' % rule)
        if at < 0:
            continue
        end = text.index("}", at)
        entry = text[at:end]
        if re.search(r"\bweight = [0-9.]+;", entry):
            entry = re.sub(r"\bweight = [0-9.]+;", "weight = %s;" % weight, entry)
        else:
            entry = entry.replace('id = "%s";' % rule,
                                  'id = "%s"; weight = %s;' % (rule, weight), 1)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text[:at] + entry + text[end:])
        return
    raise AssertionError("no rule %s in %s" % (rule, rules_dir))


def policy_block(out):
    m = re.search(r"(?ms)^policies = \{\n(.*?)^\};\n", out)
    if m is None:
        raise AssertionError("no policy block in:\n%s" % out)
    return m.group(1)


class TuneTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.d = Daemon(config_file=SHIPPED_CONF, rules_dir=RULES).start()

    @classmethod
    def tearDownClass(cls):
        cls.d.stop()
        cls.d.cleanup()

    def tune(self, *args, rules=RULES):
        return run([DECORUMCTL, "-s", self.d.socket_path, "tune", "-c",
                    SHIPPED_CONF, "-R", rules] + list(args) + [CORPUS])

    def test_defaults_no_worse(self):
        before = tree_digest(os.path.join(ROOT, "conf"), RULES, CORPUS)
        r = self.tune()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(tree_digest(os.path.join(ROOT, "conf"), RULES, CORPUS),
                         before, "tune changed a file")
        out = r.stdout
        self.assertIn("tune: policy default, 30 comments (20 acceptable, "
                      "10 unacceptable)", out)
        self.assertRegex(out, r"daemon check: 30 comments, 0 decided otherwise")
        self.assertNotIn("otherwise than", r.stderr)
        # tune's own scoring decides every comment as the engine does
        self.assertNotIn("internal error", r.stderr)
        f = figures(out)
        # by default the caps are today's figures
        self.assertLessEqual(f["false reject rate"][1], f["false reject rate"][0])
        self.assertLessEqual(f["review load"][1], f["review load"][0])
        self.assertGreaterEqual(f["caught (reject or review)"][1],
                                f["caught (reject or review)"][0])
        self.assertIn("per category", out)
        self.assertRegex(out, r"(?m)^discourtesy\s+10\s")
        self.assertIn("# proposed rule weights", out)
        self.assertRegex(policy_block(out), r"(?m)^  default = \{$")

    def test_target_and_block_loads(self):
        r = self.tune("--target-fpr", "0", "--max-review", "0.5",
                      "--min-support", "3", "--folds", "2")
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout
        f = figures(out)
        # four civil "shut up!"s are rejected today; none may be after,
        # and as many unacceptable comments are held as before
        self.assertGreater(f["false reject rate"][0], 0)
        self.assertEqual(f["false reject rate"][1], 0)
        self.assertLessEqual(f["review load"][1], 0.5)
        self.assertEqual(f["caught (reject or review)"][1],
                         f["caught (reject or review)"][0])
        self.assertIn("after (cv)", out)
        # the changed weights, as `rule-id: old -> new` under their file
        changes = re.findall(r"(?m)^([a-z0-9_.-]+): ([0-9.]+) -> ([0-9.]+)$", out)
        for rule, old, new in changes:
            self.assertNotEqual(float(old), float(new), rule)
        if changes:
            self.assertRegex(out, r"(?m)^# .*rules/[a-z]+\.conf$")

        # applied to copies (the block in place of the definition of
        # "default", the weights in the rules), decorumd -t accepts them
        # and a daemon on them decides as the after figures say
        block = policy_block(out)
        definition = re.search(r"(?ms)^  default = \{\n.*?^  \};\n", block)
        self.assertIsNotNone(definition, block)
        with open(SHIPPED_CONF, encoding="utf-8") as fh:
            conf = fh.read()
        new_conf, n = re.subn(r"(?ms)^  default = \{\n.*?^  \};\n",
                              lambda _m: definition.group(0), conf, count=1)
        self.assertEqual(n, 1)
        tmp = tempfile.mkdtemp(prefix="decorum-tune-")
        try:
            path = os.path.join(tmp, "decorumd.conf")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(new_conf)
            rules = os.path.join(tmp, "rules")
            shutil.copytree(RULES, rules)
            for rule, _old, new in changes:
                set_weight(rules, rule, new)
            lint = run([DECORUMD, "-t", "-c", path, "-R", rules])
            self.assertEqual(lint.returncode, 0, lint.stdout + lint.stderr)
            with Daemon(config_file=path, rules_dir=rules) as d2:
                rep = run([DECORUMCTL, "-s", d2.socket_path, "replay",
                           "--json", CORPUS])
            self.assertEqual(rep.returncode, 0, rep.stderr)
            overall = json.loads(rep.stdout)["overall"]
            self.assertAlmostEqual(overall["false_reject_rate"],
                                   f["false reject rate"][1], places=4)
            self.assertAlmostEqual(overall["review_load"],
                                   f["review load"][1], places=4)
            self.assertAlmostEqual(overall["caught"],
                                   f["caught (reject or review)"][1], places=4)
        finally:
            shutil.rmtree(tmp)

    def test_daemon_runs_other_rules(self):
        # the local copy makes "shut up" weigh 0.5: the daemon, on the
        # shipped rules, rejects what the copy only reviews
        tmp = tempfile.mkdtemp(prefix="decorum-tune-")
        try:
            rules = os.path.join(tmp, "rules")
            shutil.copytree(RULES, rules)
            path = os.path.join(rules, "discourtesy.conf")
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            text, n = re.subn(r'(id = "discourtesy\.shut-up";)',
                              r"\1 weight = 0.5;", text)
            self.assertEqual(n, 1)
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
            r = self.tune(rules=rules)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertRegex(r.stdout, r"daemon check: 30 comments, "
                             r"[1-9][0-9]* decided otherwise")
            self.assertIn("otherwise than the rules loaded here", r.stderr)
        finally:
            shutil.rmtree(tmp)

    def test_usage_and_input_errors(self):
        r = run([DECORUMCTL, "-s", self.d.socket_path, "tune"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("usage:", r.stderr)
        r = run([DECORUMCTL, "tune", "--help"])
        self.assertEqual(r.returncode, 0)
        self.assertIn("--target-fpr", r.stdout)
        r = self.tune("--target-fpr", "2")
        self.assertEqual(r.returncode, 2)
        r = run([DECORUMCTL, "-s", self.d.socket_path, "tune", "-c",
                 SHIPPED_CONF, "-R", RULES, "--policy", "nosuch", CORPUS])
        self.assertEqual(r.returncode, 2)
        self.assertIn("no policy named nosuch", r.stderr)
        r = run([DECORUMCTL, "-s", self.d.socket_path, "tune", "-c",
                 SHIPPED_CONF, "-R", RULES, "/nonexistent.jsonl"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("cannot open", r.stderr)
        r = run([DECORUMCTL, "-s", os.path.join(self.d.tmp, "nosock"), "tune",
                 "-c", SHIPPED_CONF, "-R", RULES, CORPUS])
        self.assertEqual(r.returncode, 2)


if __name__ == "__main__":
    run_tests()
