#!/usr/bin/env python3
"""decorumctl bench --engine: runs, reports what it promises, and its
--check-prefilter finds no comment answered differently with the literal
prefilter than without it, on the project's corpus and, when ../shared is
there, on every sixteenth row of each dev file."""
import glob
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from daemon import DECORUMCTL, ROOT, RULES, run_tests

CORPUS = sorted(glob.glob(os.path.join(ROOT, "tests", "corpus", "*.jsonl")))
DEV = sorted(glob.glob(os.path.join(ROOT, "..", "shared", "data", "dev",
                                    "*.jsonl")))


class EngineBenchTest(unittest.TestCase):
    def run_bench(self, *args):
        return subprocess.run([DECORUMCTL, "bench", "--engine", "-R", RULES,
                               "-p", "1"] + list(args) + CORPUS,
                              capture_output=True, text=True, timeout=300)

    def test_prefilter_changes_no_decision(self):
        r = self.run_bench("--check-prefilter")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        m = re.search(r"prefilter check: (\d+) comments, (\d+) answered differently",
                      r.stdout)
        self.assertIsNotNone(m, r.stdout)
        self.assertGreater(int(m.group(1)), 500)
        self.assertEqual(int(m.group(2)), 0)

    @unittest.skipUnless(DEV, "../shared/data/dev is not there")
    def test_prefilter_changes_no_decision_on_dev(self):
        # real comments of every kind, a sample: without the prefilter
        # every regex runs on every comment, 200 us or more each
        tmp = tempfile.mkdtemp(prefix="decorumd-bench-")
        try:
            sample = os.path.join(tmp, "sample.jsonl")
            n = 0
            with open(sample, "w", encoding="utf-8") as out:
                for path in DEV:
                    with open(path, encoding="utf-8") as f:
                        for i, line in enumerate(f):
                            if i % 16 == 0 and line.strip():
                                out.write(line)
                                n += 1
            r = subprocess.run([DECORUMCTL, "bench", "--engine", "-R", RULES,
                                "-p", "1", "--check-prefilter", sample],
                               capture_output=True, text=True, timeout=600)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            m = re.search(r"prefilter check: (\d+) comments, (\d+) answered "
                          r"differently", r.stdout)
            self.assertIsNotNone(m, r.stdout)
            self.assertEqual(int(m.group(1)), n)
            self.assertEqual(int(m.group(2)), 0, r.stdout)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_report(self):
        r = self.run_bench()
        self.assertEqual(r.returncode, 0, r.stderr)
        for what in ("whole pipeline", "views only", "decisions: accept",
                     "regexes behind the literal prefilter", "stages (us/comment): views",
                     "literal prefilter", "slowest regexes in the pipeline"):
            self.assertIn(what, r.stdout)
        # one comment's cost, spread: percentiles in order, the slowest named
        m = re.search(r"one comment \(us\): p50 ([\d.]+), p99 ([\d.]+), "
                      r"p99\.9 ([\d.]+), max ([\d.]+) \((\d+) bytes\)", r.stdout)
        self.assertIsNotNone(m, r.stdout)
        p = [float(m.group(k)) for k in range(1, 5)]
        self.assertGreater(p[0], 0)
        self.assertEqual(p, sorted(p))
        self.assertGreater(int(m.group(5)), 0)
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

    def test_empty_corpus_is_refused(self):
        # nothing to time: a clear error, not figures divided by zero
        with tempfile.NamedTemporaryFile(suffix=".jsonl") as empty:
            r = subprocess.run([DECORUMCTL, "bench", "--engine", "-R", RULES,
                                "-p", "1", empty.name], capture_output=True,
                               text=True, timeout=60)
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn("no comments", r.stderr)


if __name__ == "__main__":
    run_tests()
