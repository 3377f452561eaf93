#!/usr/bin/env python3
"""Start and reload refuse what `decorumd -t` refuses: a word list that
holds "the", a policy that no longer runs the canary, a regex that can run
away. decorumd -t exits 1 on each; the daemon does not start on them, and
a reload keeps the previous rules serving (decorumctl reload exits 1 and
prints the errors). Python 3 standard library only."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon import (DECORUMCTL, DECORUMD, TEST_POLICIES, TIMEOUT, Daemon,  # noqa: E402
                    run_tests, write_config, write_test_rules)
import unittest  # noqa: E402

ORDINARY = "Thanks for the article, it was an interesting read."
RUNAWAY = r'''
name = "zrunaway";
category = "vulgarity";
rules = ( { id = "z.runaway"; regex = "(\\w+\\s?)+$"; } );
'''
RUNAWAY_LITERALS = r'''
name = "zrunaway";
category = "vulgarity";
rules = ( { id = "z.hash"; regex = "#(\\w+\\s?)+;"; } );
'''

# Passes the runaway probes under the default limits, not under a match
# limit of 1,000 (a 4 KiB run of one letter).
SLOWISH = r'''
name = "zslowish";
category = "vulgarity";
rules = ( { id = "z.slowish"; regex = "(?:\\w\\w?){1,8}zzz"; } );
'''


def run(args):
    return subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT)


class Breakage:
    """Ways to break a working rules directory, each with the text of the
    error decorumd must report."""

    @staticmethod
    def common_word(d):
        with open(os.path.join(d.rules_dir, "testwords.words"), "a") as f:
            f.write("the\n")
        return "does not accept the plain sentence"

    @staticmethod
    def no_canary(d):
        pol = dict(TEST_POLICIES)
        pol["default"] = dict(pol["default"], rulesets=["testwords", "testinsult"])
        write_config(d.config_path, dict(d.settings, policies=pol))
        return "does not reject the canary"

    @staticmethod
    def runaway(d):
        with open(os.path.join(d.rules_dir, "zrunaway.conf"), "w") as f:
            f.write(RUNAWAY)
        return "rule 'z.runaway': regex can run away"

    @staticmethod
    def runaway_literals(d):
        with open(os.path.join(d.rules_dir, "zrunaway.conf"), "w") as f:
            f.write(RUNAWAY_LITERALS)
        return "rule 'z.hash': regex can run away"


CASES = ["common_word", "no_canary", "runaway", "runaway_literals"]


class ReloadRefusesLintErrors(unittest.TestCase):
    def test_reload_keeps_old_rules(self):
        for case in CASES:
            with self.subTest(case=case), Daemon() as d:
                self.assertEqual(d.ask({"id": 1, "text": ORDINARY})["decision"],
                                 "accept")
                want = getattr(Breakage, case)(d)
                lint = run([DECORUMD, "-t", "-c", d.config_path])
                self.assertEqual(lint.returncode, 1, lint.stdout)
                self.assertIn(want, lint.stdout)
                p = run([DECORUMCTL, "-s", d.socket_path, "reload"])
                self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
                self.assertIn(want, p.stdout + p.stderr)
                st = d.ask({"op": "stats"})
                self.assertFalse(st["reload"]["ok"], st)
                a = d.ask({"id": 2, "text": ORDINARY})
                self.assertEqual(a["decision"], "accept", a)
                self.assertEqual(a["rules_version"], "1", a)
                # a runaway regex never runs: still well under a second
                self.assertEqual(d.ask({"id": 3, "text": "#" + "ab " * 14 + "!;"})
                                 ["decision"], "accept")

    def test_probes_run_again_under_new_limits(self):
        # a reload of a pattern that passed its probes before skips them;
        # a lower limit is another setting, under which they run again
        with Daemon() as d:
            with open(os.path.join(d.rules_dir, "zslowish.conf"), "w") as f:
                f.write(SLOWISH)
            for version in ("2", "3"):
                p = run([DECORUMCTL, "-s", d.socket_path, "reload"])
                self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
                a = d.ask({"id": 1, "text": ORDINARY})
                self.assertEqual(a["rules_version"], version, a)
            limits = dict(d.settings.get("limits", {}), regex_match_limit=1000)
            write_config(d.config_path, dict(d.settings, limits=limits))
            want = "rule 'z.slowish': regex can run away"
            p = run([DECORUMCTL, "-s", d.socket_path, "reload"])
            self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
            self.assertIn(want, p.stdout + p.stderr)
            a = d.ask({"id": 2, "text": ORDINARY})
            self.assertEqual(a["rules_version"], "3", a)

    def test_start_refuses(self):
        for case in CASES:
            with self.subTest(case=case):
                d = Daemon()
                try:
                    want = getattr(Breakage, case)(d)
                    d.start(wait=False)
                    rc = d.wait()
                    self.assertEqual(rc, 1, d.stderr)
                    self.assertIn(want, d.stderr)
                finally:
                    d.cleanup()


if __name__ == "__main__":
    run_tests()
