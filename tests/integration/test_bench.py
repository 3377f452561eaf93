#!/usr/bin/env python3
"""decorumctl bench --engine: runs, reports what it promises, and its
--check-prefilter finds no comment decided differently with the literal
prefilter than without it."""
import glob
import os
import re
import subprocess
import unittest

from daemon import DECORUMCTL, ROOT, RULES, run_tests

CORPUS = sorted(glob.glob(os.path.join(ROOT, "tests", "corpus", "*.jsonl")))


class EngineBenchTest(unittest.TestCase):
    def run_bench(self, *args):
        return subprocess.run([DECORUMCTL, "bench", "--engine", "-R", RULES,
                               "-p", "1"] + list(args) + CORPUS,
                              capture_output=True, text=True, timeout=300)

    def test_prefilter_changes_no_decision(self):
        r = self.run_bench("--check-prefilter")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        m = re.search(r"prefilter check: (\d+) comments, (\d+) decided differently",
                      r.stdout)
        self.assertIsNotNone(m, r.stdout)
        self.assertGreater(int(m.group(1)), 500)
        self.assertEqual(int(m.group(2)), 0)

    def test_report(self):
        r = self.run_bench()
        self.assertEqual(r.returncode, 0, r.stderr)
        for what in ("whole pipeline", "views only", "decisions: accept",
                     "regexes behind the literal prefilter", "slowest regexes in the pipeline"):
            self.assertIn(what, r.stdout)
        self.assertRegex(r.stdout, r"whole pipeline\s+\d+ comments/s\s+[\d.]+ MB/s")

    def test_no_prefilter_decides_the_same(self):
        a = self.run_bench()
        b = self.run_bench("--no-prefilter")
        self.assertIn("(switched off)", b.stdout)
        line = lambda out: re.search(r"decisions: .*", out).group(0)
        self.assertEqual(line(a.stdout), line(b.stdout))

    def test_usage_errors(self):
        r = subprocess.run([DECORUMCTL, "bench", "--engine"], capture_output=True,
                           text=True, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertIn("usage", r.stderr)


if __name__ == "__main__":
    run_tests()
