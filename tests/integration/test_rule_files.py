#!/usr/bin/env python3
"""Rule files and word lists are read from the rules directories only, and
only when they are regular files of at most 16 MiB; the configuration file
too must be a regular file. Nothing blocks on a FIFO, and what a mistaken
file holds does not reach clients through stats. Python 3 standard library
only."""
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon import DECORUMCTL, DECORUMD, TIMEOUT, Daemon, run_tests  # noqa: E402

SECRET = "root:hunter2-SECRET:19000:0:99999:7:::\n"


def run(args, timeout=TIMEOUT):
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout)


def lists_conf(path):
    return ('name = "zlists";\ncategory = "profanity";\n'
            'lists = { s = "%s"; };\n'
            'rules = ( { id = "z.s"; words = "@s"; } );\n' % path)


class RuleFiles(unittest.TestCase):
    def secret_file(self, d):
        p = os.path.join(d.tmp, "secret.txt")
        with open(p, "w") as f:
            f.write(SECRET * 3)
        return p

    def test_list_outside_refused_at_start(self):
        for how in ("absolute", "dotdot"):
            with self.subTest(how=how):
                d = Daemon()
                try:
                    secret = self.secret_file(d)
                    name = secret if how == "absolute" else "../secret.txt"
                    with open(os.path.join(d.rules_dir, "zlists.conf"), "w") as f:
                        f.write(lists_conf(name))
                    d.start(wait=False)
                    self.assertEqual(d.wait(), 1, d.stderr)
                    self.assertIn("zlists.conf:3: word list", d.stderr)
                    self.assertIn("lies outside the rules directories", d.stderr)
                    self.assertNotIn("hunter2", d.stderr)
                finally:
                    d.cleanup()

    def test_reload_never_shows_a_foreign_file(self):
        with Daemon() as d:
            secret = self.secret_file(d)
            with open(os.path.join(d.rules_dir, "zlists.conf"), "w") as f:
                f.write(lists_conf(secret))
            p = run([DECORUMCTL, "-s", d.socket_path, "reload"])
            self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
            st = d.ask({"op": "stats"})
            self.assertFalse(st["reload"]["ok"], st)
            text = json.dumps(st)
            self.assertIn("lies outside the rules directories", text)
            self.assertNotIn("hunter2", text)

    def test_fifo_list_does_not_block_a_reload(self):
        with Daemon() as d:
            os.mkfifo(os.path.join(d.rules_dir, "fifo.words"))
            with open(os.path.join(d.rules_dir, "zlists.conf"), "w") as f:
                f.write(lists_conf("fifo.words"))
            p = run([DECORUMCTL, "-s", d.socket_path, "reload", "--timeout", "10"])
            self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
            self.assertIn("not a regular file (a FIFO)", p.stdout + p.stderr)
            # and the daemon still answers on the old rules
            self.assertEqual(d.ask({"id": 1, "text": "darn"})["decision"], "reject")

    def test_directory_named_conf(self):
        d = Daemon()
        try:
            os.mkdir(os.path.join(d.rules_dir, "x.conf"))
            p = run([DECORUMD, "-t", "-c", d.config_path])
            self.assertEqual(p.returncode, 1, p.stdout)
            self.assertIn("x.conf: cannot read: not a regular file (a directory)",
                          p.stdout)
            self.assertNotIn("Success", p.stdout)
        finally:
            d.cleanup()

    def test_oversized_list(self):
        d = Daemon()
        try:
            big = os.path.join(d.rules_dir, "big.words")
            with open(big, "w") as f:
                f.truncate(16 * 1024 * 1024 + 1)
            with open(os.path.join(d.rules_dir, "zlists.conf"), "w") as f:
                f.write(lists_conf("big.words"))
            p = run([DECORUMD, "-t", "-c", d.config_path])
            self.assertEqual(p.returncode, 1, p.stdout)
            self.assertIn("larger than 16 MiB", p.stdout)
        finally:
            d.cleanup()

    def test_config_fifo(self):
        d = Daemon()
        try:
            fifo = os.path.join(d.tmp, "fifo.conf")
            os.mkfifo(fifo)
            p = run([DECORUMD, "-t", "-c", fifo], timeout=10)
            self.assertEqual(p.returncode, 1, p.stdout)
            self.assertIn("fifo.conf: cannot read: not a regular file (a FIFO)",
                          p.stdout + p.stderr)
            p = run([DECORUMD, "-c", fifo, "-l", d.socket_path], timeout=10)
            self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
            self.assertIn("not a regular file (a FIFO)", p.stderr)
        finally:
            d.cleanup()

    def test_lint_reports_every_file_in_one_pass(self):
        """A syntax error in the configuration and in two rule files: one
        run of decorumd -t names them all, each with the line to fix and
        the token the parser stopped at."""
        d = Daemon()
        try:
            with open(os.path.join(d.rules_dir, "zbroken.conf"), "w") as f:
                f.write('category = "profanity";\nrules = (\n'
                        '  { id = "z.a"; words = ["darn"]; }\n\n'
                        '  { id = "z.b"; words = ["heck"]; }\n);\n')
            with open(os.path.join(d.rules_dir, "zother.conf"), "w") as f:
                f.write('category = "profanity";\n'
                        'rules = ( { id = "z.c"; words = ["x"; } );\n')
            with open(d.config_path, "a") as f:
                f.write("oops = = 1;\n")
            # the broken configuration cannot say where the rules are
            p = run([DECORUMD, "-t", "-c", d.config_path, "-R", d.rules_dir])
            # (not 1 under ASan: LeakSanitizer reports what libconfig 1.5
            # loses on a syntax error, tests/fuzz/lsan.supp)
            self.assertNotEqual(p.returncode, 0, p.stdout)
            self.assertIn("decorumd.conf:%d: syntax error near '='"
                          % sum(1 for _ in open(d.config_path)), p.stdout)
            self.assertIn("zbroken.conf:3: missing ',' after this element? "
                          "(parser stopped at line 5 near '{')", p.stdout)
            self.assertIn("zother.conf:2: syntax error near ';'", p.stdout)
            self.assertIn("3 errors", p.stdout)
        finally:
            d.cleanup()


if __name__ == "__main__":
    run_tests()
