#!/usr/bin/env python3
"""The per-comment regex budget (limits.regex_budget_ms). PCRE2's match
limit holds per start place, so a long comment can keep a regex busy far
longer than any one place may. Past the budget the remaining regexes are
skipped and the comment is held for review, with an "error" on the reason;
within it nothing changes. Python 3 standard library only."""
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon import Daemon, run_tests, write_config  # noqa: E402

# Forty words and then "zzz": each start place costs a few hundred steps,
# so no probe of decorumd -t calls it a runaway, but 64 KiB of words with
# a "zzz" at the end keep it busy at every one of them, well past the
# 4 ms tick at which the budget is looked at (with twenty words it took
# under 4 ms on a fast machine, and a 1 ms budget went unnoticed).
SLOW = r'''
name = "slow";
category = "vulgarity";
rules = ( { id = "v.forty"; regex = "(?:\\w+\\s+){40}zzz"; } );
'''
LONG = "word " * 13000 + ",zzz"
SHORT = " ".join("w%d" % i for i in range(40)) + " zzz"


def cpu_seconds(pid):
    """User plus system CPU time of a process, from /proc."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def daemon(budget_ms=None):
    limits = {} if budget_ms is None else {"regex_budget_ms": budget_ms}
    d = Daemon(config={"limits": limits})
    with open(os.path.join(d.rules_dir, "slow.conf"), "w") as f:
        f.write(SLOW)
    d.settings["policies"]["default"]["rulesets"].append("slow")
    write_config(d.config_path, d.settings)
    return d


class RegexBudget(unittest.TestCase):
    def test_spent_budget_holds_for_review(self):
        with daemon(1) as d:
            a = d.ask({"id": 1, "text": LONG})
            self.assertEqual(a["decision"], "review", a)
            errs = [r for r in a["reasons"] if "error" in r]
            self.assertEqual(len(errs), 1, a)
            self.assertEqual(errs[0]["rule"], "v.forty")
            self.assertIn("budget", errs[0]["error"])
            # a short comment is matched as always
            a = d.ask({"id": 2, "text": SHORT})
            self.assertEqual(a["decision"], "reject", a)
            self.assertNotIn("error", a["reasons"][0])

    def test_default_budget_changes_nothing_ordinary(self):
        with daemon() as d:
            a = d.ask({"id": 1, "text": LONG})
            self.assertEqual(a["decision"], "accept", a)
            a = d.ask({"id": 2, "text": SHORT})
            self.assertEqual(a["decision"], "reject", a)

    def test_cpu_is_bounded(self):
        # the same comment, many times over: each stops at its budget
        with daemon(1) as d:
            before = cpu_seconds(d.proc.pid)
            with d.connect() as c:
                for i in range(20):
                    c.send({"id": i, "text": LONG})
                for i in range(20):
                    self.assertEqual(c.recv()["decision"], "review")
            spent = cpu_seconds(d.proc.pid) - before
            self.assertLess(spent, 2.0)

    def test_setting_is_checked(self):
        d = Daemon(config={"limits": {"regex_budget_ms": 600000}})
        try:
            d.start(wait=False)
            self.assertEqual(d.wait(), 1, d.stderr)
            self.assertIn("regex_budget_ms", d.stderr)
        finally:
            d.cleanup()


if __name__ == "__main__":
    run_tests()
