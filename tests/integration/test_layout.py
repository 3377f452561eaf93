#!/usr/bin/env python3
"""The layers of daemon/ hold as the README describes them: the daemon
links no decorumctl code, only the engine sees the rulebook's layout,
fold does not include norm (which calls it), and no source file grows past
800 lines (the generated confusables table and the replay scorer
excepted). Python 3 standard library only; nm comes with binutils."""
import os
import re
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon import DECORUMCTL, DECORUMD, ROOT, run_tests  # noqa: E402

DAEMON = os.path.join(ROOT, "daemon")
MAX_LINES = 800
EXEMPT = {"engine/confusables_table.h", "ctl/replay.c"}


def sources(layer, ext=(".c", ".h")):
    d = os.path.join(DAEMON, layer)
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(ext))


def includes(path):
    with open(path, encoding="utf-8") as f:
        return re.findall(r'^#include "([^"]+)"', f.read(), re.M)


def defined_symbols(binary):
    out = subprocess.run(["nm", "--defined-only", binary], check=True,
                         capture_output=True, text=True).stdout
    return [line.split()[-1] for line in out.splitlines() if line.strip()]


class LayoutTest(unittest.TestCase):
    @unittest.skipUnless(shutil.which("nm"), "nm not installed")
    def test_daemon_links_no_ctl_code(self):
        ctl = [s for s in defined_symbols(DECORUMD)
               if re.match(r"(replay|client|cmd|ctl|bench)_", s)]
        self.assertEqual(ctl, [])
        # and the check can see such symbols where they are
        self.assertTrue(any(s.startswith("replay_")
                            for s in defined_symbols(DECORUMCTL)))

    def test_only_the_engine_sees_the_rulebook(self):
        for layer in ("server", "ctl"):
            for path in sources(layer):
                self.assertNotIn("rulebook.h", includes(path), path)

    def test_fold_does_not_know_norm(self):
        # norm builds the views and calls fold for the folded one; fold
        # shares only view.h with it, so the two are no circle
        for ext in (".c", ".h"):
            path = os.path.join(DAEMON, "engine", "fold" + ext)
            self.assertNotIn("norm.h", includes(path), path)

    def test_no_source_file_over_800_lines(self):
        for layer in ("engine", "server", "ctl"):
            for path in sources(layer):
                rel = os.path.relpath(path, DAEMON)
                if rel in EXEMPT:
                    continue
                with open(path, encoding="utf-8") as f:
                    n = sum(1 for _ in f)
                self.assertLessEqual(n, MAX_LINES, rel)


if __name__ == "__main__":
    run_tests()
