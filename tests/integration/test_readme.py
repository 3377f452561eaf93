#!/usr/bin/env python3
"""The README shows the client examples and the two commands that the
project actually runs: check that it has not drifted from them."""
import os
import re
import sys
import unittest

ROOT = os.environ.get("DECORUM_ROOT",
                      os.path.join(os.path.dirname(__file__), "..", ".."))


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


class ReadmeTest(unittest.TestCase):
    def setUp(self):
        self.readme = read("README.md")

    def test_clients_verbatim(self):
        for path in ("tests/clients/client.py", "tests/clients/client.js",
                     "tests/clients/client.php"):
            with self.subTest(path=path):
                self.assertIn(read(path).rstrip("\n"), self.readme,
                              "%s differs from its copy in README.md" % path)

    def test_test_command_is_what_ci_runs(self):
        ci = read(".ci/run")
        self.assertIn("sh tests/run.sh", ci)
        self.assertIn("sh tests/run.sh", self.readme)

    def test_install_command_lists_every_package_the_tests_install(self):
        run = read("tests/run.sh")
        pkgs = re.search(r'PKGS="([^"]*)"', run).group(1).split()
        first = re.search(r"```sh\n# 1\.[^\n]*\n([^\n]*)", self.readme).group(1)
        for p in pkgs:
            with self.subTest(package=p):
                self.assertIn(" " + p + " ", first + " ")


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    print("%d passed, %d failed" % (result.testsRun - failed, failed))
    sys.exit(1 if failed else 0)
